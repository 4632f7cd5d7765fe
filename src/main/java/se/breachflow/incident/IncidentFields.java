package se.breachflow.incident;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import se.breachflow.assessment.RiskAssessment;
import se.breachflow.shared.Records;

/**
 * An incident as a flat, ordered map of field name to text: what the audit trail compares. Every component of
 * the report, the risk factors and the later parts is in it by name (a new component is audited as it is
 * added); who did a step and when is not, since the trail's entry records it.
 */
final class IncidentFields {

  /** Who and when: the audit entry itself says it. */
  private static final Set<String> NOT_COMPARED = Set.of("advisedBy", "advisedAt", "decidedBy", "decidedAt",
      "recordedBy", "closedBy");

  private IncidentFields() {}

  static Map<String, String> of(Incident incident) {
    Map<String, String> fields = new LinkedHashMap<>();
    put(fields, "status", incident.status());
    put(fields, "late", incident.late());
    put(fields, "authorityDeadline", incident.authorityDeadline());
    flatten(fields, "", incident.report());
    flatten(fields, "", incident.facts());
    assessment(fields, "preliminaryAssessment", incident.preliminaryAssessment());
    assessment(fields, "finalAssessment", incident.finalAssessment());
    flatten(fields, "dpoAdvice.", incident.dpoAdvice());
    flatten(fields, "decision.", incident.decision());
    flatten(fields, "imy.", incident.imy());
    flatten(fields, "imyOrder.", incident.imyOrder());
    flatten(fields, "dataSubjects.", incident.dataSubjects());
    flatten(fields, "followUp.", incident.followUp());
    put(fields, "secrecyMarking", incident.secrecyMarking());
    put(fields, "supplierIncident", incident.supplierIncident());
    CyberTrack cyber = incident.cyber();
    if (cyber != null) {
      put(fields, "cyber.significant", cyber.significant());
      put(fields, "cyber.reason", cyber.reason());
      put(fields, "cyber.earlyWarningDeadline", cyber.earlyWarningDeadline());
      put(fields, "cyber.notificationDeadline", cyber.notificationDeadline());
      put(fields, "cyber.finalReportDeadline", cyber.finalReportDeadline());
      put(fields, "cyber.intermediateRequestedAt", cyber.intermediateRequestedAt());
      put(fields, "cyber.intermediateDue", cyber.intermediateDue());
      cyber.reports().forEach((kind, report) -> flatten(fields, "cyber." + kind.name() + ".", report));
      flatten(fields, "", cyber.facts());
    }
    return fields;
  }

  /** The rules' result, not its wording (the reasons follow from the facts, which are compared). */
  private static void assessment(Map<String, String> fields, String prefix, RiskAssessment assessment) {
    if (assessment != null) {
      put(fields, prefix + ".riskLevel", assessment.riskLevel());
      put(fields, prefix + ".severityScore", assessment.severityScore().toPlainString());
      put(fields, prefix + ".notifyAuthority", assessment.notifyAuthority());
      put(fields, prefix + ".notifyDataSubjects", assessment.notifyDataSubjects());
    }
  }

  private static void flatten(Map<String, String> fields, String prefix, Record part) {
    if (part != null) {
      Records.values(part).forEach((name, value) -> {
        if (!NOT_COMPARED.contains(name)) {
          put(fields, prefix + name, value);
        }
      });
    }
  }

  private static void put(Map<String, String> fields, String name, Object value) {
    fields.put(name, value == null ? null
        : value instanceof Collection<?> values
            ? values.stream().map(Object::toString).sorted().collect(Collectors.joining(","))
            : value.toString());
  }
}
