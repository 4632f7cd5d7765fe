package se.breachflow.incident.task;

import static se.breachflow.incident.Fields.ASSESSMENT_TEXT;
import static se.breachflow.incident.Fields.DECISION_JUSTIFICATION;
import static se.breachflow.incident.Fields.INFORM_DATA_SUBJECTS;
import static se.breachflow.incident.Fields.NOTIFY_IMY;
import static se.breachflow.incident.Fields.NOT_A_BREACH;
import static se.breachflow.incident.Fields.SECRECY_MARKING;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import se.breachflow.assessment.RiskAssessment;
import se.breachflow.incident.Decision;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.incident.IncidentStatus;
import se.breachflow.shared.FormReader;
import se.breachflow.shared.Field;
import se.breachflow.shared.Times;

/**
 * {@code userTask_dpoReview} of version 1 of the process: the DPO sees the rules' recommendation with its reasons
 * and decides. Kept for the instances started on that version, which finish on it (docs/adr/0014); version 2
 * splits it into the DPO's advice ({@link DpoAdviceForm}) and the controller's decision ({@link DecisionForm}). A
 * decision that departs from the recommendation, or that this was no personal-data breach, needs a
 * justification.
 */
@Component
class DpoReviewForm implements TaskForm {

  private final IncidentRepository incidents;

  DpoReviewForm(IncidentRepository incidents) {
    this.incidents = incidents;
  }

  @Override
  public Step step() {
    return Step.DPO_REVIEW;
  }

  @Override
  public IncidentStatus status() {
    return IncidentStatus.DPO_REVIEW;
  }

  @Override
  public Map<String, Object> load(Incident incident) {
    RiskAssessment recommendation = incident.latestAssessment();
    Decision decision = incident.decision();
    Map<String, Object> values = new HashMap<>();
    values.put(ASSESSMENT_TEXT, AssessmentText.of(recommendation));
    values.put(NOT_A_BREACH.name(), decision != null && decision.notABreach());
    values.put(NOTIFY_IMY.name(), decision != null ? decision.notifyImy()
        : recommendation != null && recommendation.notifyAuthority());
    values.put(INFORM_DATA_SUBJECTS.name(), decision != null ? decision.informDataSubjects()
        : recommendation != null && recommendation.notifyDataSubjects());
    values.put(DECISION_JUSTIFICATION.name(), decision == null ? null : decision.justification());
    values.put(SECRECY_MARKING.name(), incident.secrecyMarking());
    return values;
  }

  @Override
  public List<Field<?>> fields() {
    return List.of(NOT_A_BREACH, NOTIFY_IMY, INFORM_DATA_SUBJECTS, DECISION_JUSTIFICATION, SECRECY_MARKING);
  }

  @Override
  public Completion check(Incident incident, FormReader in) {
    boolean notABreach = Boolean.TRUE.equals(in.read(NOT_A_BREACH));
    // The form hides (and so does not submit) the two choices once "not a breach" is ticked; the values
    // loaded from the recommendation must not survive that decision.
    boolean notifyImy = !notABreach && Boolean.TRUE.equals(in.read(NOTIFY_IMY));
    boolean informDataSubjects = !notABreach && Boolean.TRUE.equals(in.read(INFORM_DATA_SUBJECTS));
    String justification = in.read(DECISION_JUSTIFICATION);
    String secrecyMarking = in.read(SECRECY_MARKING);
    RiskAssessment recommendation = incident.latestAssessment();
    if (notABreach) {
      if (justification == null) {
        in.error(DECISION_JUSTIFICATION, "Motivera varför detta inte är en personuppgiftsincident.");
      }
    } else if (justification == null && recommendation != null
        && (notifyImy != recommendation.notifyAuthority()
            || informDataSubjects != recommendation.notifyDataSubjects())) {
      in.error(DECISION_JUSTIFICATION, "Beslutet avviker från rekommendationen. Motivera beslutet.");
    }
    in.throwIfInvalid("Beslutet kunde inte sparas");
    return userId -> {
      incidents.saveDecision(incident.number(),
          new Decision(notABreach, notifyImy, informDataSubjects, false, justification, userId, Times.now()));
      incidents.saveSecrecyMarking(incident.number(), secrecyMarking);
      return Routing.decision(notABreach, notifyImy, informDataSubjects, false);
    };
  }
}
