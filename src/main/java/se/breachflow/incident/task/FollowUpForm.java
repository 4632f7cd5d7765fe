package se.breachflow.incident.task;

import static se.breachflow.incident.Fields.IMY_ORDER_DEADLINE;
import static se.breachflow.incident.Fields.IMY_ORDER_RECEIVED_AT;
import static se.breachflow.incident.Fields.LESSONS_LEARNED;
import static se.breachflow.incident.Fields.NEXT_STEP;
import static se.breachflow.incident.Fields.REMEDIAL_ACTIONS;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import se.breachflow.deadline.DeadlineTimers;
import se.breachflow.incident.FollowUp;
import se.breachflow.incident.FollowUpStep;
import se.breachflow.incident.ImyOrder;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.incident.IncidentStatus;
import se.breachflow.shared.Field;
import se.breachflow.shared.FormReader;
import se.breachflow.shared.Times;

/**
 * {@code userTask_followUp}: remedial actions and lessons learned (Art. 33(5)) before the incident closes, and
 * the duties that can still come after the notification: a supplement that tells IMY what changed or that it
 * was not a breach after all, or IMY's order to inform the data subjects (Art. 34(4)), recorded with its
 * deadline. Either leads to its task and back here; only closing needs the lessons learned.
 */
@Component
class FollowUpForm implements TaskForm {

  private final IncidentRepository incidents;
  private final DeadlineTimers timers;

  FollowUpForm(IncidentRepository incidents, DeadlineTimers timers) {
    this.incidents = incidents;
    this.timers = timers;
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
    values.put(NEXT_STEP.name(), FollowUpStep.CLOSE);
    values.put(IMY_ORDER_RECEIVED_AT.name(), null);
    values.put(IMY_ORDER_DEADLINE.name(), null);
    return values;
  }

  @Override
  public List<Field<?>> fields() {
    return List.of(REMEDIAL_ACTIONS, LESSONS_LEARNED, NEXT_STEP, IMY_ORDER_RECEIVED_AT, IMY_ORDER_DEADLINE);
  }

  @Override
  public Completion check(Incident incident, FormReader in) {
    String remedialActions = in.read(REMEDIAL_ACTIONS);
    FollowUpStep next = in.read(NEXT_STEP);
    if (next == null) {
      next = FollowUpStep.CLOSE;
    }
    String lessons = next == FollowUpStep.CLOSE
        ? in.required(LESSONS_LEARNED, "Beskriv vad ni har lärt er och vad som ändras framöver.")
        : in.read(LESSONS_LEARNED);
    if (next == FollowUpStep.SUPPLEMENT && incident.imy() == null) {
      in.error(NEXT_STEP, "Incidenten har inte anmälts till IMY: det finns ingen anmälan att komplettera.");
    }
    ImyOrder order = next == FollowUpStep.IMY_ORDER ? imyOrder(in, incident) : null;
    in.throwIfInvalid("Uppföljningen kunde inte sparas");
    FollowUpStep chosen = next;
    return userId -> {
      incidents.saveFollowUp(incident.number(), remedialActions, lessons);
      if (chosen == FollowUpStep.IMY_ORDER) {
        incidents.saveImyOrder(incident.number(), new ImyOrder(order.receivedAt(), order.deadline(), userId));
      }
      return Routing.followUp(chosen,
          chosen == FollowUpStep.SUPPLEMENT ? timers.changeSupplementDue(Times.now()) : null,
          order == null ? null : order.deadline());
    };
  }

  /** IMY's order as the form gives it: when it came, and by when the data subjects must have been told. */
  private static ImyOrder imyOrder(FormReader in, Incident incident) {
    Instant receivedAt = in.required(IMY_ORDER_RECEIVED_AT, "Ange när IMY:s föreläggande kom.");
    Instant deadline = in.required(IMY_ORDER_DEADLINE, "Ange när de registrerade senast ska ha informerats enligt "
        + "föreläggandet.");
    TaskChecks.notInFuture(in, IMY_ORDER_RECEIVED_AT, receivedAt, "Föreläggandet kan inte ha kommit i framtiden.");
    TaskChecks.notBefore(in, IMY_ORDER_RECEIVED_AT, receivedAt, incident.report().discoveredAt(),
        "Föreläggandet kan inte ha kommit innan incidenten upptäcktes.");
    TaskChecks.notBefore(in, IMY_ORDER_DEADLINE, deadline, receivedAt,
        "Fristen kan inte gå ut innan föreläggandet kom.");
    return new ImyOrder(receivedAt, deadline, null);
  }
}
