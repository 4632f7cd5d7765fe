package se.breachflow.incident;

import static se.breachflow.shared.Field.bool;
import static se.breachflow.shared.Field.enumSet;
import static se.breachflow.shared.Field.enumeration;
import static se.breachflow.shared.Field.instant;
import static se.breachflow.shared.Field.integer;
import static se.breachflow.shared.Field.MAX_TEXT;
import static se.breachflow.shared.Field.string;
import static se.breachflow.shared.Field.text;

import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import se.breachflow.assessment.AvailabilityLoss;
import se.breachflow.assessment.BreachType;
import se.breachflow.assessment.Cause;
import se.breachflow.assessment.ConfidentialityLoss;
import se.breachflow.assessment.DataCategory;
import se.breachflow.assessment.Identifiability;
import se.breachflow.assessment.IntegrityLoss;
import se.breachflow.shared.Field;

/**
 * Every field of the incident's forms and of the API's report, declared once: form field keys and JSON names
 * equal these names. Free texts ({@link #FREE_TEXTS}) may hold personal data; they live in the incident record
 * only. (The process's own variables — number, controller, deadline, routing — are workflow/ProcessVariables.)
 */
public final class Fields {

  // The controller the report is for
  public static final Field<String> CONTROLLER_ID = string("controllerId");

  // The report (start form), refined in the assessment
  public static final Field<String> DESCRIPTION = text("description", MAX_TEXT);
  public static final Field<Cause> CAUSE = enumeration("cause", Cause.class);
  public static final Field<Instant> OCCURRED_AT = instant("occurredAt");
  public static final Field<Instant> DISCOVERED_AT = instant("discoveredAt");
  public static final Field<Set<BreachType>> BREACH_TYPES = enumSet("breachTypes", BreachType.class);
  public static final Field<Set<DataCategory>> DATA_CATEGORIES = enumSet("dataCategories", DataCategory.class);
  public static final Field<Integer> DATA_SUBJECT_COUNT = integer("dataSubjectCount")
      .rule(count -> count >= 1, "Antalet berörda personer måste vara minst 1.");
  public static final Field<Boolean> VULNERABLE_SUBJECTS = bool("vulnerableSubjects");
  public static final Field<Recipient> RECIPIENT = enumeration("recipient", Recipient.class);
  public static final Field<Boolean> RECIPIENT_CONFIRMED_DELETION = bool("recipientConfirmedDeletion");
  public static final Field<Boolean> PROCESSOR_INVOLVED = bool("processorInvolved");
  public static final Field<String> PROCESSOR = text("processor", 500);
  public static final Field<Instant> PROCESSOR_NOTIFIED_AT = instant("processorNotifiedAt");
  public static final Field<String> MEASURES_TAKEN = text("measuresTaken", MAX_TEXT);
  /** When the incident ended; empty while it is ongoing. */
  public static final Field<Instant> ENDED_AT = instant("endedAt");
  /** The approximate number of records (Art. 33(3)(a)). */
  public static final Field<Integer> RECORD_COUNT = integer("recordCount", 0);
  public static final Field<Set<DataSubjectGroup>> DATA_SUBJECT_GROUPS =
      enumSet("dataSubjectGroups", DataSubjectGroup.class);
  public static final Field<String> SECURITY_MEASURES_BEFORE = text("securityMeasuresBefore", MAX_TEXT);
  /** The data went to, or could be read in, a country outside the EU/EEA (Chapter V GDPR). */
  public static final Field<Boolean> THIRD_COUNTRY = bool("thirdCountry");

  // Risk factors the coordinator sets (ENISA)
  public static final Field<Identifiability> IDENTIFIABILITY = enumeration("identifiability", Identifiability.class);
  public static final Field<ConfidentialityLoss> CONFIDENTIALITY_LOSS =
      enumeration("confidentialityLoss", ConfidentialityLoss.class);
  public static final Field<IntegrityLoss> INTEGRITY_LOSS = enumeration("integrityLoss", IntegrityLoss.class);
  public static final Field<AvailabilityLoss> AVAILABILITY_LOSS =
      enumeration("availabilityLoss", AvailabilityLoss.class);
  public static final Field<Boolean> MALICIOUS_INTENT = bool("maliciousIntent");
  public static final Field<Boolean> UNINTELLIGIBLE = bool("unintelligible");
  public static final Field<Boolean> PUBLICLY_AVAILABLE = bool("publiclyAvailable");

  // The DPO's advice
  public static final Field<Boolean> DPO_ADVICE_NOT_A_BREACH = bool("dpoAdviceNotABreach");
  public static final Field<Boolean> DPO_ADVICE_NOTIFY_IMY = bool("dpoAdviceNotifyImy");
  public static final Field<Boolean> DPO_ADVICE_INFORM_DATA_SUBJECTS = bool("dpoAdviceInformDataSubjects");
  public static final Field<String> DPO_ADVICE_REASONS = text("dpoAdviceReasons", MAX_TEXT);

  // The controller's decision (in version 1 of the process, the DPO's)
  public static final Field<Boolean> NOT_A_BREACH = bool("notABreach");
  public static final Field<Boolean> NOTIFY_IMY = bool("notifyImy");
  public static final Field<Boolean> INFORM_DATA_SUBJECTS = bool("informDataSubjects");
  /** The risk is urgent: tell the data subjects now, before or with the notification (EDPB 9/2022 §59). */
  public static final Field<Boolean> INFORM_URGENTLY = bool("informUrgently");
  public static final Field<String> DECISION_JUSTIFICATION = text("decisionJustification", MAX_TEXT);
  /** Which parts of the record may be secret under OSL, and why (sekretessmarkering). */
  public static final Field<String> SECRECY_MARKING = text("secrecyMarking", MAX_TEXT);

  // The notification to IMY and its supplement
  public static final Field<String> IMY_CASE_NUMBER = text("imyCaseNumber", 100);
  public static final Field<Instant> IMY_SUBMITTED_AT = instant("imySubmittedAt");
  public static final Field<ImyReportType> IMY_REPORT_TYPE = enumeration("imyReportType", ImyReportType.class);
  public static final Field<String> IMY_LATE_REASON = text("imyLateReason", MAX_TEXT);
  public static final Field<String> IMY_CONTACT_ADDRESS = text("imyContactAddress", 2000);
  public static final Field<Instant> DATA_SUBJECTS_PLANNED_AT = instant("dataSubjectsPlannedAt");
  public static final Field<SupplementKind> SUPPLEMENT_KIND = enumeration("supplementKind", SupplementKind.class);
  public static final Field<Instant> IMY_SUPPLEMENT_SUBMITTED_AT = instant("imySupplementSubmittedAt");
  public static final Field<String> SUPPLEMENT_TEXT = text("supplementText", MAX_TEXT);

  // The communication to the data subjects (Art. 34)
  public static final Field<DataSubjectCommunication> DATA_SUBJECT_COMMUNICATION =
      enumeration("dataSubjectCommunication", DataSubjectCommunication.class);
  public static final Field<Instant> DATA_SUBJECTS_INFORMED_AT = instant("dataSubjectsInformedAt");
  public static final Field<String> DATA_SUBJECTS_INFORMED_HOW = text("dataSubjectsInformedHow", 2000);
  public static final Field<String> DATA_SUBJECTS_NOT_INFORMED_REASON = text("dataSubjectsNotInformedReason", MAX_TEXT);

  // Follow-up
  public static final Field<String> REMEDIAL_ACTIONS = text("remedialActions", MAX_TEXT);
  public static final Field<String> LESSONS_LEARNED = text("lessonsLearned", MAX_TEXT);
  public static final Field<FollowUpStep> NEXT_STEP = enumeration("nextStep", FollowUpStep.class);
  public static final Field<Instant> IMY_ORDER_RECEIVED_AT = instant("imyOrderReceivedAt");
  public static final Field<Instant> IMY_ORDER_DEADLINE = instant("imyOrderDeadline");

  // Cybersäkerhetslagen (2025:1506): is it a significant incident (2 kap. 5 §), and the reports to the CSIRT
  public static final Field<Boolean> CYBER_SIGNIFICANT = bool("cyberSignificant");
  public static final Field<String> CYBER_SIGNIFICANT_REASON = text("cyberSignificantReason", MAX_TEXT);
  public static final Field<Instant> CYBER_FILED_AT = instant("cyberFiledAt");
  public static final Field<String> CYBER_REFERENCE = text("cyberReference", 200);
  public static final Field<String> CYBER_LATE_REASON = text("cyberLateReason", MAX_TEXT);
  public static final Field<CyberFinalStep> CYBER_FINAL_STEP = enumeration("cyberFinalStep", CyberFinalStep.class);
  public static final Field<CyberMalice> CYBER_MALICIOUS = enumeration("cyberMalicious", CyberMalice.class);
  public static final Field<Boolean> CYBER_CROSS_BORDER = bool("cyberCrossBorder");
  public static final Field<String> CYBER_SEVERITY_IMPACT = text("cyberSeverityImpact", MAX_TEXT);
  public static final Field<String> CYBER_INDICATORS = text("cyberIndicators", MAX_TEXT);
  public static final Field<String> CYBER_ROOT_CAUSE = text("cyberRootCause", MAX_TEXT);
  public static final Field<String> CYBER_MITIGATION = text("cyberMitigation", MAX_TEXT);
  public static final Field<Instant> CYBER_HANDLED_AT = instant("cyberHandledAt");
  public static final Field<Instant> CYBER_POLICE_REPORTED_AT = instant("cyberPoliceReportedAt");
  public static final Field<Instant> CYBER_SECURITY_SERVICE_INFORMED_AT = instant("cyberSecurityServiceInformedAt");

  // Shown in the task forms, not edited: the template variables the forms' texts name
  public static final String INCIDENT_NUMBER = "incidentNumber";
  public static final String INCIDENT_SUMMARY = "incidentSummary";
  public static final String DEADLINE_TEXT = "deadlineText";
  public static final String ASSESSMENT_TEXT = "assessmentText";
  public static final String DPO_ADVICE_TEXT = "dpoAdviceText";
  /** The CSIRT reports' deadlines, with the time left, for the cyber track's forms. */
  public static final String CYBER_DEADLINE_TEXT = "cyberDeadlineText";
  /** The authority the CSIRT reports go to (configuration: breachflow.cyber.authority). */
  public static final String CYBER_AUTHORITY = "cyberAuthority";

  /** Free texts that may contain personal data (kept out of the engine's history, should they reach it). */
  public static final List<Field<String>> FREE_TEXTS = List.of(
      DESCRIPTION, PROCESSOR, MEASURES_TAKEN, SECURITY_MEASURES_BEFORE, DPO_ADVICE_REASONS, DECISION_JUSTIFICATION,
      SECRECY_MARKING, IMY_LATE_REASON, IMY_CONTACT_ADDRESS, SUPPLEMENT_TEXT, DATA_SUBJECTS_INFORMED_HOW,
      DATA_SUBJECTS_NOT_INFORMED_REASON, REMEDIAL_ACTIONS, LESSONS_LEARNED, CYBER_SIGNIFICANT_REASON,
      CYBER_LATE_REASON, CYBER_SEVERITY_IMPACT, CYBER_INDICATORS, CYBER_ROOT_CAUSE, CYBER_MITIGATION);

  /** The report's fields besides the controller (start form and API). */
  public static final List<Field<?>> REPORT = List.of(
      DESCRIPTION, CAUSE, OCCURRED_AT, DISCOVERED_AT, BREACH_TYPES, DATA_CATEGORIES, DATA_SUBJECT_COUNT,
      VULNERABLE_SUBJECTS, RECIPIENT, RECIPIENT_CONFIRMED_DELETION, PROCESSOR_INVOLVED, PROCESSOR,
      PROCESSOR_NOTIFIED_AT, MEASURES_TAKEN, ENDED_AT, RECORD_COUNT, DATA_SUBJECT_GROUPS, SECURITY_MEASURES_BEFORE,
      THIRD_COUNTRY);

  /**
   * The report's fields the coordinator corrects in the assessment: all but when it was discovered and when a
   * processor told the controller (they fix the deadline), and whether a processor is involved (a named
   * processor says so).
   */
  public static final List<Field<?>> REVISED_REPORT = REPORT.stream()
      .filter(field -> field != DISCOVERED_AT && field != PROCESSOR_NOTIFIED_AT && field != PROCESSOR_INVOLVED)
      .toList();

  /** The risk factors the coordinator sets (ENISA), beyond what the report says. */
  public static final List<Field<?>> RISK_FACTORS = List.of(IDENTIFIABILITY, CONFIDENTIALITY_LOSS, INTEGRITY_LOSS,
      AVAILABILITY_LOSS, MALICIOUS_INTENT, UNINTELLIGIBLE, PUBLICLY_AVAILABLE);

  private Fields() {}

  /** The names of every field declared here, and of what the forms only show. */
  public static Set<String> names() {
    Set<String> names = new TreeSet<>(List.of(INCIDENT_NUMBER, INCIDENT_SUMMARY, DEADLINE_TEXT, ASSESSMENT_TEXT,
        DPO_ADVICE_TEXT, CYBER_DEADLINE_TEXT, CYBER_AUTHORITY));
    all().forEach(field -> names.add(field.name()));
    return names;
  }

  private static List<Field<?>> all() {
    List<Field<?>> fields = new ArrayList<>();
    for (java.lang.reflect.Field constant : Fields.class.getFields()) {
      if (Modifier.isStatic(constant.getModifiers()) && constant.getType() == Field.class) {
        try {
          fields.add((Field<?>) constant.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return fields;
  }

  /** The field of that name (a form's key), if it is one declared here. */
  public static Optional<Field<?>> byName(String name) {
    return all().stream().filter(field -> field.name().equals(name)).findFirst();
  }

  public static boolean isFreeText(String name) {
    return FREE_TEXTS.stream().anyMatch(field -> field.name().equals(name));
  }
}
