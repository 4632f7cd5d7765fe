package se.breachflow.incident.task;

import static se.breachflow.incident.Fields.IMY_SUPPLEMENT_SUBMITTED_AT;
import static se.breachflow.incident.Fields.SUPPLEMENT_KIND;
import static se.breachflow.incident.Fields.SUPPLEMENT_TEXT;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import se.breachflow.incident.ImyNotification;
import se.breachflow.incident.ImyReportType;
import se.breachflow.incident.SupplementKind;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentEvents;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.incident.IncidentStatus;
import se.breachflow.shared.FormReader;
import se.breachflow.shared.Field;

/**
 * {@code userTask_supplementImy}: a komplettering to the notification (Art. 33(4)) — the rest of a preliminary
 * notification's facts, what has changed since, or that it was not a breach after all (EDPB Guidelines 9/2022),
 * in which case the incident closes as not a personal-data breach.
 */
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
    values.put(SUPPLEMENT_KIND.name(), imy == null || imy.supplementKind() == null
        ? (imy != null && imy.reportType() == ImyReportType.PRELIMINARY && imy.supplementSubmittedAt() == null
            ? SupplementKind.COMPLEMENT : null)
        : imy.supplementKind());
    values.put(SUPPLEMENT_TEXT.name(), imy == null ? null : imy.supplementText());
    return values;
  }

  @Override
  public List<Field<?>> fields() {
    return List.of(SUPPLEMENT_KIND, IMY_SUPPLEMENT_SUBMITTED_AT, SUPPLEMENT_TEXT);
  }

  @Override
  public Completion check(Incident incident, FormReader in) {
    Instant submittedAt = in.required(IMY_SUPPLEMENT_SUBMITTED_AT, "Ange när kompletteringen skickades till IMY.");
    TaskChecks.notInFuture(in, IMY_SUPPLEMENT_SUBMITTED_AT, submittedAt,
        "Kompletteringen kan inte ha skickats i framtiden.");
    TaskChecks.notBefore(in, IMY_SUPPLEMENT_SUBMITTED_AT, submittedAt,
        incident.imy() == null ? null : incident.imy().submittedAt(),
        "Kompletteringen kan inte ha skickats före anmälan.");
    // The form of an instance started on version 1 of the process has no such field: the preliminary one's rest.
    SupplementKind kind = in.has(SUPPLEMENT_KIND.name())
        ? in.required(SUPPLEMENT_KIND, "Ange vad kompletteringen gäller.")
        : SupplementKind.COMPLEMENT;
    String text = in.required(SUPPLEMENT_TEXT, kind == SupplementKind.NOT_A_BREACH
        ? "Förklara för IMY varför det inte var en personuppgiftsincident."
        : "Beskriv vad kompletteringen innehöll.");
    if (incident.imy() == null) {
      in.error(SUPPLEMENT_KIND, "Incidenten har inte anmälts till IMY: det finns ingen anmälan att komplettera.");
    }
    in.throwIfInvalid("Kompletteringen kunde inte registreras");
    return userId -> {
      incidents.saveSupplement(incident.number(), submittedAt, kind, text);
      events.publishEvent(new IncidentEvents.ImySupplementRecorded(incident.number(), userId));
      return kind == SupplementKind.NOT_A_BREACH ? Routing.notABreachAfterAll() : Routing.NONE;
    };
  }
}
