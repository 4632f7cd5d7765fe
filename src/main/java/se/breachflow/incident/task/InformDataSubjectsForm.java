package se.breachflow.incident.task;

import static se.breachflow.incident.Fields.DATA_SUBJECTS_INFORMED_AT;
import static se.breachflow.incident.Fields.DATA_SUBJECTS_INFORMED_HOW;
import static se.breachflow.incident.Fields.DATA_SUBJECTS_NOT_INFORMED_REASON;
import static se.breachflow.incident.Fields.DATA_SUBJECT_COMMUNICATION;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import se.breachflow.incident.DataSubjectCommunication;
import se.breachflow.incident.DataSubjectsOutcome;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.incident.IncidentStatus;
import se.breachflow.shared.FormReader;
import se.breachflow.shared.Field;

/**
 * {@code userTask_informDataSubjects}: when and how the people were told (Art. 34), or the Art. 34(3)
 * ground for not telling them individually.
 */
@Component
class InformDataSubjectsForm implements TaskForm {

  private final IncidentRepository incidents;

  InformDataSubjectsForm(IncidentRepository incidents) {
    this.incidents = incidents;
  }

  @Override
  public Step step() {
    return Step.DATA_SUBJECTS;
  }

  @Override
  public IncidentStatus status() {
    return IncidentStatus.FOLLOW_UP;
  }

  @Override
  public Map<String, Object> load(Incident incident) {
    DataSubjectsOutcome outcome = incident.dataSubjects();
    Map<String, Object> values = new HashMap<>();
    values.put(DATA_SUBJECT_COMMUNICATION.name(), outcome == null ? null : outcome.communication());
    values.put(DATA_SUBJECTS_INFORMED_AT.name(), outcome == null ? null : outcome.informedAt());
    values.put(DATA_SUBJECTS_INFORMED_HOW.name(), outcome == null ? null : outcome.how());
    values.put(DATA_SUBJECTS_NOT_INFORMED_REASON.name(), outcome == null ? null : outcome.notInformedReason());
    return values;
  }

  @Override
  public List<Field<?>> fields() {
    return List.of(DATA_SUBJECT_COMMUNICATION, DATA_SUBJECTS_INFORMED_AT, DATA_SUBJECTS_INFORMED_HOW,
        DATA_SUBJECTS_NOT_INFORMED_REASON);
  }

  @Override
  public Completion check(Incident incident, FormReader in) {
    DataSubjectCommunication communication = in.required(DATA_SUBJECT_COMMUNICATION,
        "Ange om de registrerade har informerats eller på vilken grund de inte informeras.");
    Instant informedAt = in.read(DATA_SUBJECTS_INFORMED_AT);
    String how = in.read(DATA_SUBJECTS_INFORMED_HOW);
    String reason = in.read(DATA_SUBJECTS_NOT_INFORMED_REASON);
    if (communication == DataSubjectCommunication.INFORMED
        || communication == DataSubjectCommunication.PUBLIC_COMMUNICATION) {
      if (informedAt == null && !in.hasError(DATA_SUBJECTS_INFORMED_AT)) {
        in.error(DATA_SUBJECTS_INFORMED_AT, "Ange när de registrerade informerades.");
      }
      TaskChecks.notInFuture(in, DATA_SUBJECTS_INFORMED_AT, informedAt,
          "Tidpunkten för informationen kan inte ligga i framtiden.");
      if (how == null) {
        in.error(DATA_SUBJECTS_INFORMED_HOW, "Ange hur de registrerade informerades (t.ex. brev, e-post).");
      }
      reason = null;
    } else if (communication != null) {
      if (reason == null) {
        in.error(DATA_SUBJECTS_NOT_INFORMED_REASON,
            "Beskriv varför undantaget i artikel 34.3 gäller i detta fall.");
      }
      informedAt = null;
      how = null;
    }
    in.throwIfInvalid("Informationen till de registrerade kunde inte registreras");
    DataSubjectsOutcome outcome = new DataSubjectsOutcome(communication, informedAt, how, reason);
    return userId -> {
      incidents.saveDataSubjects(incident.number(), outcome);
      return Routing.NONE;
    };
  }
}
