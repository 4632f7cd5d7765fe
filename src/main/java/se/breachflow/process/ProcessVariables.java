package se.breachflow.process;

import static se.breachflow.process.Variable.bool;
import static se.breachflow.process.Variable.enumSet;
import static se.breachflow.process.Variable.enumeration;
import static se.breachflow.process.Variable.instant;
import static se.breachflow.process.Variable.integer;
import static se.breachflow.process.Variable.string;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import se.breachflow.assessment.AvailabilityLoss;
import se.breachflow.assessment.BreachType;
import se.breachflow.assessment.Cause;
import se.breachflow.assessment.ConfidentialityLoss;
import se.breachflow.assessment.DataCategory;
import se.breachflow.assessment.Identifiability;
import se.breachflow.assessment.IntegrityLoss;
import se.breachflow.assessment.RiskLevel;
import se.breachflow.assessment.Severity;
import se.breachflow.incident.DataSubjectCommunication;
import se.breachflow.incident.ImyReportType;
import se.breachflow.incident.Recipient;

/**
 * Every variable of the process {@code personal-data-breach}, declared once. Form field keys equal these
 * names. Free texts ({@link #FREE_TEXTS}) may hold personal data: they live in the incident record and
 * exist in the engine only while a form is open, and never in its history.
 */
public final class ProcessVariables {

  // Identity and routing
  public static final Variable<String> INCIDENT_NUMBER = string("incidentNumber");
  public static final Variable<String> CONTROLLER_ID = string("controllerId");
  public static final Variable<String> REPORTER_ID = string("reporterId");
  public static final Variable<Instant> AUTHORITY_DEADLINE = instant("authorityDeadline");

  // The report (start form), refined in the assessment
  public static final Variable<String> DESCRIPTION = string("description");
  public static final Variable<Cause> CAUSE = enumeration("cause", Cause.class);
  public static final Variable<Instant> OCCURRED_AT = instant("occurredAt");
  public static final Variable<Instant> DISCOVERED_AT = instant("discoveredAt");
  public static final Variable<Set<BreachType>> BREACH_TYPES = enumSet("breachTypes", BreachType.class);
  public static final Variable<Set<DataCategory>> DATA_CATEGORIES = enumSet("dataCategories", DataCategory.class);
  public static final Variable<Integer> DATA_SUBJECT_COUNT = integer("dataSubjectCount");
  public static final Variable<Boolean> VULNERABLE_SUBJECTS = bool("vulnerableSubjects");
  public static final Variable<Recipient> RECIPIENT = enumeration("recipient", Recipient.class);
  public static final Variable<Boolean> RECIPIENT_CONFIRMED_DELETION = bool("recipientConfirmedDeletion");
  public static final Variable<Boolean> PROCESSOR_INVOLVED = bool("processorInvolved");
  public static final Variable<String> PROCESSOR = string("processor");
  public static final Variable<Instant> PROCESSOR_NOTIFIED_AT = instant("processorNotifiedAt");
  public static final Variable<String> MEASURES_TAKEN = string("measuresTaken");

  // Risk factors the coordinator sets (ENISA)
  public static final Variable<Identifiability> IDENTIFIABILITY = enumeration("identifiability", Identifiability.class);
  public static final Variable<ConfidentialityLoss> CONFIDENTIALITY_LOSS =
      enumeration("confidentialityLoss", ConfidentialityLoss.class);
  public static final Variable<IntegrityLoss> INTEGRITY_LOSS = enumeration("integrityLoss", IntegrityLoss.class);
  public static final Variable<AvailabilityLoss> AVAILABILITY_LOSS =
      enumeration("availabilityLoss", AvailabilityLoss.class);
  public static final Variable<Boolean> MALICIOUS_INTENT = bool("maliciousIntent");
  public static final Variable<Boolean> UNINTELLIGIBLE = bool("unintelligible");
  public static final Variable<Boolean> PUBLICLY_AVAILABLE = bool("publiclyAvailable");

  // The rules' recommendation
  public static final Variable<RiskLevel> RISK_LEVEL = enumeration("riskLevel", RiskLevel.class);
  public static final Variable<Severity> SEVERITY = enumeration("severity", Severity.class);
  public static final Variable<Boolean> RECOMMEND_NOTIFY_AUTHORITY = bool("recommendNotifyAuthority");
  public static final Variable<Boolean> RECOMMEND_NOTIFY_DATA_SUBJECTS = bool("recommendNotifyDataSubjects");

  // The DPO's decision
  public static final Variable<Boolean> NOT_A_BREACH = bool("notABreach");
  public static final Variable<Boolean> NOTIFY_IMY = bool("notifyImy");
  public static final Variable<Boolean> INFORM_DATA_SUBJECTS = bool("informDataSubjects");
  public static final Variable<String> DECISION_JUSTIFICATION = string("decisionJustification");
  /** Which parts of the record may be secret under OSL, and why (sekretessmarkering). */
  public static final Variable<String> SECRECY_MARKING = string("secrecyMarking");

  // The notification to IMY and its supplement
  public static final Variable<String> IMY_CASE_NUMBER = string("imyCaseNumber");
  public static final Variable<Instant> IMY_SUBMITTED_AT = instant("imySubmittedAt");
  public static final Variable<ImyReportType> IMY_REPORT_TYPE = enumeration("imyReportType", ImyReportType.class);
  public static final Variable<String> IMY_LATE_REASON = string("imyLateReason");
  public static final Variable<Instant> SUPPLEMENT_DUE = instant("supplementDue");
  public static final Variable<Instant> IMY_SUPPLEMENT_SUBMITTED_AT = instant("imySupplementSubmittedAt");
  public static final Variable<String> SUPPLEMENT_TEXT = string("supplementText");

  // The communication to the data subjects (Art. 34)
  public static final Variable<DataSubjectCommunication> DATA_SUBJECT_COMMUNICATION =
      enumeration("dataSubjectCommunication", DataSubjectCommunication.class);
  public static final Variable<Instant> DATA_SUBJECTS_INFORMED_AT = instant("dataSubjectsInformedAt");
  public static final Variable<String> DATA_SUBJECTS_INFORMED_HOW = string("dataSubjectsInformedHow");
  public static final Variable<String> DATA_SUBJECTS_NOT_INFORMED_REASON = string("dataSubjectsNotInformedReason");

  // Follow-up
  public static final Variable<String> REMEDIAL_ACTIONS = string("remedialActions");
  public static final Variable<String> LESSONS_LEARNED = string("lessonsLearned");

  // Shown in every task form (task-local, written when the task is created)
  public static final Variable<String> INCIDENT_SUMMARY = string("incidentSummary");
  public static final Variable<String> DEADLINE_TEXT = string("deadlineText");
  public static final Variable<String> ASSESSMENT_TEXT = string("assessmentText");

  /** Free texts that may contain personal data: kept out of the engine's history and runtime. */
  public static final List<Variable<String>> FREE_TEXTS = List.of(
      DESCRIPTION, PROCESSOR, MEASURES_TAKEN, DECISION_JUSTIFICATION, SECRECY_MARKING, IMY_LATE_REASON,
      SUPPLEMENT_TEXT,
      DATA_SUBJECTS_INFORMED_HOW, DATA_SUBJECTS_NOT_INFORMED_REASON, REMEDIAL_ACTIONS, LESSONS_LEARNED,
      INCIDENT_SUMMARY, ASSESSMENT_TEXT);

  /** The report's fields (start form and API); they are moved into the incident record on registration. */
  public static final List<String> REPORT_FIELDS = List.of(
      DESCRIPTION.name(), CAUSE.name(), OCCURRED_AT.name(), DISCOVERED_AT.name(), BREACH_TYPES.name(),
      DATA_CATEGORIES.name(), DATA_SUBJECT_COUNT.name(), VULNERABLE_SUBJECTS.name(), RECIPIENT.name(),
      RECIPIENT_CONFIRMED_DELETION.name(), PROCESSOR_INVOLVED.name(), PROCESSOR.name(),
      PROCESSOR_NOTIFIED_AT.name(), MEASURES_TAKEN.name());

  private ProcessVariables() {}

  /** The names of every variable declared here. */
  public static Set<String> names() {
    Set<String> names = new TreeSet<>();
    for (Field field : ProcessVariables.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == Variable.class) {
        try {
          names.add(((Variable<?>) field.get(null)).name());
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return names;
  }

  public static boolean isFreeText(String variableName) {
    return FREE_TEXTS.stream().anyMatch(v -> v.name().equals(variableName));
  }
}
