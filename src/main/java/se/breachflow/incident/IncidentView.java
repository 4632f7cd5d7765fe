package se.breachflow.incident;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

import se.breachflow.assessment.BreachType;
import se.breachflow.assessment.Cause;
import se.breachflow.assessment.DataCategory;
import se.breachflow.assessment.RiskAssessment;
import se.breachflow.assessment.RiskFacts;
import se.breachflow.organisation.ControllerRegistry;
import se.breachflow.organisation.DataController;

/** An incident as the API shows it. Times are ISO-8601 instants (UTC). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentView(
    String number,
    String controllerId,
    String controllerName,
    IncidentStatus status,
    String statusText,
    String reporterId,
    Instant reportedAt,
    Instant occurredAt,
    Instant discoveredAt,
    Instant authorityDeadline,
    boolean late,
    String description,
    Cause cause,
    Set<BreachType> breachTypes,
    Set<DataCategory> dataCategories,
    int dataSubjectCount,
    boolean vulnerableSubjects,
    Recipient recipient,
    boolean recipientConfirmedDeletion,
    String processor,
    String measuresTaken,
    RiskFacts riskFacts,
    RiskAssessment preliminaryAssessment,
    RiskAssessment finalAssessment,
    Decision decision,
    ImyNotification imy,
    Instant imyNotifiedAt,
    DataSubjectsOutcome dataSubjects,
    FollowUp followUp,
    String secrecyMarking,
    List<OpenTask> openTasks,
    List<AuditEntry> auditTrail) {

  /** A user task that is waiting. */
  public record OpenTask(String id, String taskDefinitionKey, String name, String assignee, Instant created,
      Instant due) {}

  /**
   * What the reporter (staff without a role in the controller) sees: the status and deadline, the report's
   * own facts and the preliminary assessment the rules made of them at registration; not the coordinator's
   * risk factors and final assessment, the DPO's decision and notes, IMY data, the communication to the data
   * subjects, the follow-up, the secrecy marking, the tasks or the audit trail.
   */
  static IncidentView forReporter(Incident incident, ControllerRegistry controllers, Instant now) {
    IncidentView full = of(incident, controllers, null, null, now);
    return new IncidentView(full.number, full.controllerId, full.controllerName, full.status, full.statusText,
        full.reporterId, full.reportedAt, full.occurredAt, full.discoveredAt, full.authorityDeadline, full.late,
        full.description, full.cause, full.breachTypes, full.dataCategories, full.dataSubjectCount,
        full.vulnerableSubjects, full.recipient, full.recipientConfirmedDeletion, full.processor,
        full.measuresTaken, null, full.preliminaryAssessment, null, null, null, null, null, null, null, null, null);
  }

  static IncidentView of(Incident incident, ControllerRegistry controllers, List<OpenTask> openTasks,
      List<AuditEntry> auditTrail, Instant now) {
    IncidentReport report = incident.report();
    boolean notificationPending = incident.imy() == null
        && (incident.decision() == null || incident.decision().notifyImy());
    boolean late = incident.late()
        || (notificationPending && now.isAfter(incident.authorityDeadline()))
        || (incident.imy() != null && incident.imy().submittedAt().isAfter(incident.authorityDeadline()));
    return new IncidentView(
        incident.number(),
        incident.controllerId(),
        controllers.find(incident.controllerId()).map(DataController::name).orElse(null),
        incident.status(),
        incident.status().swedish(),
        incident.reporterId(),
        incident.reportedAt(),
        report.occurredAt(),
        report.discoveredAt(),
        incident.authorityDeadline(),
        late,
        report.description(),
        report.cause(),
        report.breachTypes(),
        report.dataCategories(),
        report.dataSubjectCount(),
        report.vulnerableSubjects(),
        report.recipient(),
        report.recipientConfirmedDeletion(),
        report.processor(),
        report.measuresTaken(),
        incident.facts(),
        incident.preliminaryAssessment(),
        incident.finalAssessment(),
        incident.decision(),
        incident.imy(),
        incident.imy() == null ? null : incident.imy().submittedAt(),
        incident.dataSubjects(),
        incident.followUp(),
        incident.secrecyMarking(),
        openTasks,
        auditTrail);
  }
}
