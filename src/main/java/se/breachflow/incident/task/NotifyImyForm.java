package se.breachflow.incident.task;

import static se.breachflow.process.ProcessVariables.IMY_CASE_NUMBER;
import static se.breachflow.process.ProcessVariables.IMY_REPORT_TYPE;
import static se.breachflow.process.ProcessVariables.IMY_SUBMITTED_AT;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import se.breachflow.document.IncidentDocuments;
import se.breachflow.incident.ImyNotification;
import se.breachflow.incident.ImyReportType;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.incident.IncidentStatus;
import se.breachflow.process.BpmnIds;
import se.breachflow.process.FormReader;

/** {@code userTask_notifyImy}: the DPO files through IMY's e-service and records IMY's case number. */
@Component
class NotifyImyForm implements TaskForm {

  private final IncidentRepository incidents;
  private final IncidentDocuments documents;

  NotifyImyForm(IncidentRepository incidents, IncidentDocuments documents) {
    this.incidents = incidents;
    this.documents = documents;
  }

  @Override
  public String taskDefinitionKey() {
    return BpmnIds.NOTIFY_IMY;
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
    return values;
  }

  @Override
  public void complete(Incident incident, FormReader in, DelegateTask task, String userId) {
    String caseNumber = in.required(IMY_CASE_NUMBER, "Ange IMY:s diarienummer för anmälan.");
    in.maxLength(IMY_CASE_NUMBER, caseNumber, 100);
    Instant submittedAt = in.required(IMY_SUBMITTED_AT, "Ange när anmälan skickades till IMY.");
    TaskChecks.notInFuture(in, IMY_SUBMITTED_AT, submittedAt, "Anmälan kan inte ha skickats i framtiden.");
    TaskChecks.notBefore(in, IMY_SUBMITTED_AT, submittedAt, incident.report().discoveredAt(),
        "Anmälan kan inte ha skickats innan incidenten upptäcktes.");
    ImyReportType type = in.required(IMY_REPORT_TYPE, "Ange om anmälan är fullständig eller kommer att kompletteras.");
    in.throwIfInvalid("Anmälan kunde inte registreras");
    incidents.saveImyNotification(incident.number(), caseNumber, submittedAt, type, userId);
    documents.fileImyNotification(incident.number(), userId);
    IMY_REPORT_TYPE.set(task.getExecution(), type);
  }
}
