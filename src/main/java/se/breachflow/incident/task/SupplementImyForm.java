package se.breachflow.incident.task;

import static se.breachflow.incident.Fields.IMY_SUPPLEMENT_SUBMITTED_AT;
import static se.breachflow.incident.Fields.SUPPLEMENT_TEXT;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import se.breachflow.incident.ImyNotification;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentEvents;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.incident.IncidentStatus;
import se.breachflow.shared.FormReader;
import se.breachflow.shared.Field;

/** {@code userTask_supplementImy}: the komplettering to a preliminary notification (Art. 33(4)). */
@Component
class SupplementImyForm implements TaskForm {

  private final IncidentRepository incidents;
  private final ApplicationEventPublisher events;

  SupplementImyForm(IncidentRepository incidents, ApplicationEventPublisher events) {
    this.incidents = incidents;
    this.events = events;
  }

  @Override
  public Step step() {
    return Step.IMY_SUPPLEMENT;
  }

  @Override
  public IncidentStatus status() {
    return IncidentStatus.FOLLOW_UP;
  }

  @Override
  public Map<String, Object> load(Incident incident) {
    ImyNotification imy = incident.imy();
    Map<String, Object> values = new HashMap<>();
    values.put(IMY_SUPPLEMENT_SUBMITTED_AT.name(), imy == null ? null : imy.supplementSubmittedAt());
    values.put(SUPPLEMENT_TEXT.name(), imy == null ? null : imy.supplementText());
    return values;
  }

  @Override
  public List<Field<?>> fields() {
    return List.of(IMY_SUPPLEMENT_SUBMITTED_AT, SUPPLEMENT_TEXT);
  }

  @Override
  public Completion check(Incident incident, FormReader in) {
    Instant submittedAt = in.required(IMY_SUPPLEMENT_SUBMITTED_AT, "Ange när kompletteringen skickades till IMY.");
    TaskChecks.notInFuture(in, IMY_SUPPLEMENT_SUBMITTED_AT, submittedAt,
        "Kompletteringen kan inte ha skickats i framtiden.");
    TaskChecks.notBefore(in, IMY_SUPPLEMENT_SUBMITTED_AT, submittedAt,
        incident.imy() == null ? null : incident.imy().submittedAt(),
        "Kompletteringen kan inte ha skickats före anmälan.");
    String text = in.required(SUPPLEMENT_TEXT, "Beskriv vad kompletteringen innehöll.");
    in.throwIfInvalid("Kompletteringen kunde inte registreras");
    return userId -> {
      incidents.saveSupplement(incident.number(), submittedAt, text);
      events.publishEvent(new IncidentEvents.ImySupplementRecorded(incident.number(), userId));
      return Routing.NONE;
    };
  }
}
