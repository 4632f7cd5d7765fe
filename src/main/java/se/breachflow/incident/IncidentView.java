package se.breachflow.incident;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import se.breachflow.assessment.RiskAssessment;
import se.breachflow.assessment.RiskFacts;
import se.breachflow.organisation.ControllerRegistry;
import se.breachflow.organisation.DataController;

/**
 * An incident as the API shows it: the report's fields side by side with the case's (one JSON object). Times
 * are ISO-8601 instants (UTC).
 *
 * @param report what was reported, as corrected in the assessment (its fields appear at the top level)
 * @param caseDetails the case beyond the report; null in the reporter's view (its fields appear at the top
 *     level), among them {@code supplierIncident}, the supplier incident the case is part of
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentView(
    String number,
    String controllerId,
    String controllerName,
    IncidentStatus status,
    String statusText,
    String reporterId,
    Instant reportedAt,
    Instant authorityDeadline,
    boolean late,
    @JsonUnwrapped IncidentReport report,
    RiskAssessment preliminaryAssessment,
    @JsonUnwrapped CaseDetails caseDetails) {

  /** What those who handle the case see besides the report. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CaseDetails(
      RiskFacts riskFacts,
      RiskAssessment finalAssessment,
      DpoAdvice dpoAdvice,
      Decision decision,
      ImyNotification imy,
      Instant imyNotifiedAt,
      ImyOrder imyOrder,
      DataSubjectsOutcome dataSubjects,
      FollowUp followUp,
      String secrecyMarking,
      String supplierIncident,
      CyberTrack cyber,
      List<OpenTask> openTasks,
      List<AuditEntry> auditTrail) {}

  /** A user task that is waiting. */
  public record OpenTask(String id, String taskDefinitionKey, String name, String assignee, Instant created,
      Instant due) {}

  /**
   * What the reporter (staff without a role in the controller) sees: the status and deadline, the report's
   * own facts and the preliminary assessment the rules made of them at registration; not the coordinator's
   * risk factors and final assessment, the DPO's advice, the decision and its notes, IMY data, the communication to the data
   * subjects, the follow-up, the secrecy marking, the tasks or the audit trail.
   */
  static IncidentView forReporter(Incident incident, ControllerRegistry controllers, Instant now) {
    return view(incident, controllers, now, null);
  }

  static IncidentView of(Incident incident, ControllerRegistry controllers, List<OpenTask> openTasks,
      List<AuditEntry> auditTrail, Instant now) {
    return view(incident, controllers, now, new CaseDetails(
        incident.facts(),
        incident.finalAssessment(),
        incident.dpoAdvice(),
        incident.decision(),
        incident.imy(),
        incident.imy() == null ? null : incident.imy().submittedAt(),
        incident.imyOrder(),
        incident.dataSubjects(),
        incident.followUp(),
        incident.secrecyMarking(),
        incident.supplierIncident(),
        incident.cyber(),
        openTasks,
        auditTrail));
  }

  private static IncidentView view(Incident incident, ControllerRegistry controllers, Instant now,
      CaseDetails details) {
    return new IncidentView(
        incident.number(),
        incident.controllerId(),
        controllers.find(incident.controllerId()).map(DataController::name).orElse(null),
        incident.status(),
        incident.status().label(),
        incident.reporterId(),
        incident.reportedAt(),
        incident.authorityDeadline(),
        incident.isLate(now),
        incident.report(),
        incident.preliminaryAssessment(),
        details);
  }
}
