package se.breachflow.incident;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import se.breachflow.assessment.RiskAssessment;

/** An incident as a flat, ordered map of field name to text: what the audit trail compares. */
final class IncidentFields {

  private IncidentFields() {}

  static Map<String, String> of(Incident incident) {
    Map<String, String> fields = new LinkedHashMap<>();
    put(fields, "status", incident.status());
    put(fields, "late", incident.late());
    put(fields, "authorityDeadline", incident.authorityDeadline());
    IncidentReport report = incident.report();
    put(fields, "description", report.description());
    put(fields, "cause", report.cause());
    put(fields, "occurredAt", report.occurredAt());
    put(fields, "discoveredAt", report.discoveredAt());
    put(fields, "breachTypes", report.breachTypes());
    put(fields, "dataCategories", report.dataCategories());
    put(fields, "dataSubjectCount", report.dataSubjectCount());
    put(fields, "vulnerableSubjects", report.vulnerableSubjects());
    put(fields, "recipient", report.recipient());
    put(fields, "recipientConfirmedDeletion", report.recipientConfirmedDeletion());
    put(fields, "processor", report.processor());
    put(fields, "processorNotifiedAt", report.processorNotifiedAt());
    put(fields, "measuresTaken", report.measuresTaken());
    put(fields, "identifiability", incident.facts().identifiability());
    put(fields, "confidentialityLoss", incident.facts().confidentialityLoss());
    put(fields, "integrityLoss", incident.facts().integrityLoss());
    put(fields, "availabilityLoss", incident.facts().availabilityLoss());
    put(fields, "maliciousIntent", incident.facts().maliciousIntent());
    put(fields, "unintelligible", incident.facts().unintelligible());
    put(fields, "publiclyAvailable", incident.facts().publiclyAvailable());
    assessment(fields, "preliminaryAssessment", incident.preliminaryAssessment());
    assessment(fields, "finalAssessment", incident.finalAssessment());
    if (incident.decision() != null) {
      put(fields, "decision.notABreach", incident.decision().notABreach());
      put(fields, "decision.notifyImy", incident.decision().notifyImy());
      put(fields, "decision.informDataSubjects", incident.decision().informDataSubjects());
      put(fields, "decision.justification", incident.decision().justification());
    }
    if (incident.imy() != null) {
      put(fields, "imy.caseNumber", incident.imy().caseNumber());
      put(fields, "imy.submittedAt", incident.imy().submittedAt());
      put(fields, "imy.reportType", incident.imy().reportType());
      put(fields, "imy.lateReason", incident.imy().lateReason());
      put(fields, "imy.supplementSubmittedAt", incident.imy().supplementSubmittedAt());
      put(fields, "imy.supplementText", incident.imy().supplementText());
    }
    if (incident.dataSubjects() != null) {
      put(fields, "dataSubjects.communication", incident.dataSubjects().communication());
      put(fields, "dataSubjects.informedAt", incident.dataSubjects().informedAt());
      put(fields, "dataSubjects.how", incident.dataSubjects().how());
      put(fields, "dataSubjects.notInformedReason", incident.dataSubjects().notInformedReason());
    }
    if (incident.followUp() != null) {
      put(fields, "followUp.remedialActions", incident.followUp().remedialActions());
      put(fields, "followUp.lessonsLearned", incident.followUp().lessonsLearned());
      put(fields, "followUp.closedAt", incident.followUp().closedAt());
    }
    put(fields, "secrecyMarking", incident.secrecyMarking());
    return fields;
  }

  private static void assessment(Map<String, String> fields, String prefix, RiskAssessment assessment) {
    if (assessment != null) {
      put(fields, prefix + ".riskLevel", assessment.riskLevel());
      put(fields, prefix + ".severityScore", assessment.severityScore().toPlainString());
      put(fields, prefix + ".notifyAuthority", assessment.notifyAuthority());
      put(fields, prefix + ".notifyDataSubjects", assessment.notifyDataSubjects());
    }
  }

  private static void put(Map<String, String> fields, String name, Object value) {
    fields.put(name, value == null ? null
        : value instanceof Collection<?> values
            ? values.stream().map(Object::toString).sorted().collect(Collectors.joining(","))
            : value.toString());
  }
}
