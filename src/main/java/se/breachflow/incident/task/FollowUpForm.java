package se.breachflow.incident.task;

import static se.breachflow.incident.Fields.LESSONS_LEARNED;
import static se.breachflow.incident.Fields.REMEDIAL_ACTIONS;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import se.breachflow.incident.FollowUp;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.incident.IncidentStatus;
import se.breachflow.shared.FormReader;
import se.breachflow.shared.Field;

/** {@code userTask_followUp}: remedial actions and lessons learned (Art. 33(5)) before the incident closes. */
@Component
class FollowUpForm implements TaskForm {

  private final IncidentRepository incidents;

  FollowUpForm(IncidentRepository incidents) {
    this.incidents = incidents;
  }

  @Override
  public Step step() {
    return Step.FOLLOW_UP;
  }

  @Override
  public IncidentStatus status() {
    return IncidentStatus.FOLLOW_UP;
  }

  @Override
  public Map<String, Object> load(Incident incident) {
    FollowUp followUp = incident.followUp();
    Map<String, Object> values = new HashMap<>();
    values.put(REMEDIAL_ACTIONS.name(), followUp == null ? null : followUp.remedialActions());
    values.put(LESSONS_LEARNED.name(), followUp == null ? null : followUp.lessonsLearned());
    return values;
  }

  @Override
  public List<Field<?>> fields() {
    return List.of(REMEDIAL_ACTIONS, LESSONS_LEARNED);
  }

  @Override
  public Completion check(Incident incident, FormReader in) {
    String remedialActions = in.read(REMEDIAL_ACTIONS);
    String lessons = in.required(LESSONS_LEARNED, "Beskriv vad ni har lärt er och vad som ändras framöver.");
    in.throwIfInvalid("Uppföljningen kunde inte sparas");
    return userId -> {
      incidents.saveFollowUp(incident.number(), remedialActions, lessons);
      return Routing.NONE;
    };
  }
}
