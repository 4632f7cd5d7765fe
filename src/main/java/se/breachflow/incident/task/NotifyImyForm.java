package se.breachflow.incident.task;

import static se.breachflow.incident.Fields.DATA_SUBJECTS_PLANNED_AT;
import static se.breachflow.incident.Fields.IMY_CASE_NUMBER;
import static se.breachflow.incident.Fields.IMY_CONTACT_ADDRESS;
import static se.breachflow.incident.Fields.IMY_LATE_REASON;
import static se.breachflow.incident.Fields.IMY_REPORT_TYPE;
import static se.breachflow.incident.Fields.IMY_SUBMITTED_AT;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import se.breachflow.deadline.DeadlineTimers;
import se.breachflow.incident.ImyNotification;
import se.breachflow.incident.ImyReportType;
import se.breachflow.incident.Incident;
import se.breachflow.organisation.ControllerRegistry;
import se.breachflow.organisation.DataController;
import se.breachflow.incident.IncidentEvents;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.incident.IncidentStatus;
import se.breachflow.shared.FormReader;
import se.breachflow.shared.Field;

/** {@code userTask_notifyImy}: the DPO files through IMY's e-service and records IMY's case number. */
@Component
class NotifyImyForm implements TaskForm {

  private final IncidentRepository incidents;
  private final DeadlineTimers timers;
  private final ApplicationEventPublisher events;
  private final ControllerRegistry controllers;

  NotifyImyForm(IncidentRepository incidents, DeadlineTimers timers, ApplicationEventPublisher events,
      ControllerRegistry controllers) {
    this.incidents = incidents;
    this.timers = timers;
    this.events = events;
    this.controllers = controllers;
  }

  @Override
  public Step step() {
    return Step.IMY_NOTIFICATION;
  }

  @Override
  public IncidentStatus status() {
    return IncidentStatus.IMY_NOTIFICATION;
  }

  @Override
  public Map<String, Object> load(Incident incident) {
    ImyNotification imy = incident.imy();
    Map<String, Object> values = new HashMap<>();
    values.put(IMY_CASE_NUMBER.name(), imy == null ? null : imy.caseNumber());
    values.put(IMY_SUBMITTED_AT.name(), imy == null ? null : imy.submittedAt());
    values.put(IMY_REPORT_TYPE.name(), imy == null ? null : imy.reportType());
    values.put(IMY_LATE_REASON.name(), imy == null ? null : imy.lateReason());
    // By default IMY contacts the controller at its published address.
    values.put(IMY_CONTACT_ADDRESS.name(), imy != null ? imy.contactAddress() : controllerAddress(incident));
    values.put(DATA_SUBJECTS_PLANNED_AT.name(), imy == null ? null : imy.dataSubjectsPlannedAt());
    return values;
  }

  /** Where IMY contacts the controller by default: its published postal address. */
  private String controllerAddress(Incident incident) {
    return controllers == null ? null
        : controllers.find(incident.controllerId()).map(DataController::postalAddress).orElse(null);
  }

  @Override
  public List<Field<?>> fields() {
    return List.of(IMY_CASE_NUMBER, IMY_SUBMITTED_AT, IMY_REPORT_TYPE, IMY_LATE_REASON, IMY_CONTACT_ADDRESS,
        DATA_SUBJECTS_PLANNED_AT);
  }

  @Override
  public Completion check(Incident incident, FormReader in) {
    String caseNumber = in.required(IMY_CASE_NUMBER, "Ange IMY:s diarienummer för anmälan.");
    Instant submittedAt = in.required(IMY_SUBMITTED_AT, "Ange när anmälan skickades till IMY.");
    TaskChecks.notInFuture(in, IMY_SUBMITTED_AT, submittedAt, "Anmälan kan inte ha skickats i framtiden.");
    TaskChecks.notBefore(in, IMY_SUBMITTED_AT, submittedAt, incident.report().discoveredAt(),
        "Anmälan kan inte ha skickats innan incidenten upptäcktes.");
    ImyReportType type = in.required(IMY_REPORT_TYPE, "Ange om anmälan är fullständig eller kommer att kompletteras.");
    String lateReason = in.read(IMY_LATE_REASON);
    if (submittedAt != null && submittedAt.isAfter(incident.authorityDeadline()) && lateReason == null) {
      // Art. 33(1): a notification later than 72 hours must carry the reasons for the delay.
      in.error(IMY_LATE_REASON, "Anmälan görs senare än 72 timmar efter att ni fick kännedom om incidenten. "
          + "Ange skälen till förseningen.");
    }
    // The form of an instance started on version 1 of the process has no such field: the published address.
    String contactAddress = in.has(IMY_CONTACT_ADDRESS.name())
        ? in.required(IMY_CONTACT_ADDRESS, "Ange den adress där IMY ska kontakta er.")
        : controllerAddress(incident);
    Instant plannedAt = in.read(DATA_SUBJECTS_PLANNED_AT);
    if (plannedAt != null && submittedAt != null && plannedAt.isBefore(incident.report().discoveredAt())) {
      in.error(DATA_SUBJECTS_PLANNED_AT, "De registrerade kan inte informeras innan incidenten upptäcktes.");
    }
    in.throwIfInvalid("Anmälan kunde inte registreras");
    return userId -> {
      incidents.saveImyNotification(incident.number(), new ImyNotification(caseNumber, submittedAt, type, userId,
          lateReason, contactAddress, plannedAt, null, null, null));
      events.publishEvent(new IncidentEvents.ImyNotificationRecorded(incident.number(), userId));
      return Routing.notification(type,
          type == ImyReportType.PRELIMINARY ? timers.supplementDue(Date.from(submittedAt)).toInstant() : null);
    };
  }
}
