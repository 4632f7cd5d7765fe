package se.breachflow.incident.task;

import static se.breachflow.incident.Fields.ASSESSMENT_TEXT;
import static se.breachflow.incident.Fields.DECISION_JUSTIFICATION;
import static se.breachflow.incident.Fields.DPO_ADVICE_TEXT;
import static se.breachflow.incident.Fields.INFORM_DATA_SUBJECTS;
import static se.breachflow.incident.Fields.INFORM_URGENTLY;
import static se.breachflow.incident.Fields.NOTIFY_IMY;
import static se.breachflow.incident.Fields.NOT_A_BREACH;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import se.breachflow.assessment.RiskAssessment;
import se.breachflow.incident.Decision;
import se.breachflow.access.People;
import se.breachflow.incident.DpoAdvice;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.incident.IncidentStatus;
import se.breachflow.shared.Field;
import se.breachflow.shared.FormReader;
import se.breachflow.shared.Times;

/**
 * {@code userTask_decision}: the controller's decision maker (beslutsfattare, whom the delegationsordning
 * names) decides on the DPO's advice and the rules' recommendation whether to notify IMY and to inform the
 * data subjects, and whether the risk is so urgent that they are told now, before or with the notification
 * (EDPB Guidelines 9/2022 §59). A decision that departs from the DPO's advice or from the rules, or that finds
 * no breach, is justified. The person who gave the DPO's advice on the case does not take its decision
 * (Art. 38(6)), whatever roles they hold.
 */
@Component
class DecisionForm implements TaskForm {

  private final IncidentRepository incidents;
  private final People people;

  DecisionForm(IncidentRepository incidents, People people) {
    this.incidents = incidents;
    this.people = people;
  }

  @Override
  public Step step() {
    return Step.DECISION;
  }

  @Override
  public IncidentStatus status() {
    return IncidentStatus.DECISION;
  }

  @Override
  public Map<String, Object> load(Incident incident) {
    DpoAdvice advice = incident.dpoAdvice();
    Decision decision = incident.decision();
    Map<String, Object> values = new HashMap<>();
    values.put(ASSESSMENT_TEXT, AssessmentText.of(incident.latestAssessment()));
    values.put(DPO_ADVICE_TEXT, AdviceText.of(advice, id -> TaskForms.name(people, id)));
    values.put(NOT_A_BREACH.name(), decision != null ? decision.notABreach() : advice != null && advice.notABreach());
    values.put(NOTIFY_IMY.name(), decision != null ? decision.notifyImy() : advice != null && advice.notifyImy());
    values.put(INFORM_DATA_SUBJECTS.name(), decision != null ? decision.informDataSubjects()
        : advice != null && advice.informDataSubjects());
    values.put(INFORM_URGENTLY.name(), decision != null && decision.informUrgently());
    values.put(DECISION_JUSTIFICATION.name(), decision == null ? null : decision.justification());
    return values;
  }

  @Override
  public List<Field<?>> fields() {
    return List.of(NOT_A_BREACH, NOTIFY_IMY, INFORM_DATA_SUBJECTS, INFORM_URGENTLY, DECISION_JUSTIFICATION);
  }

  @Override
  public String refusal(Incident incident, String userId) {
    DpoAdvice advice = incident.dpoAdvice();
    if (advice != null && userId != null && userId.equals(advice.advisedBy())) {
      return "Du har lämnat dataskyddsombudets bedömning i ärendet och kan därför inte fatta beslutet: "
          + "dataskyddsombudet ger råd, den personuppgiftsansvarige beslutar (artikel 38.6 dataskyddsförordningen).";
    }
    return null;
  }

  @Override
  public Completion check(Incident incident, FormReader in) {
    boolean notABreach = Boolean.TRUE.equals(in.read(NOT_A_BREACH));
    // The form hides (and so does not submit) the choices once "not a breach" is ticked.
    boolean notifyImy = !notABreach && Boolean.TRUE.equals(in.read(NOTIFY_IMY));
    boolean informDataSubjects = !notABreach && Boolean.TRUE.equals(in.read(INFORM_DATA_SUBJECTS));
    boolean informUrgently = informDataSubjects && Boolean.TRUE.equals(in.read(INFORM_URGENTLY));
    String justification = in.read(DECISION_JUSTIFICATION);
    if (justification == null && !in.hasError(DECISION_JUSTIFICATION)) {
      DpoAdvice advice = incident.dpoAdvice();
      RiskAssessment rules = incident.latestAssessment();
      if (notABreach) {
        in.error(DECISION_JUSTIFICATION, "Motivera varför detta inte är en personuppgiftsincident.");
      } else if (advice != null && (advice.notABreach() || notifyImy != advice.notifyImy()
          || informDataSubjects != advice.informDataSubjects())) {
        in.error(DECISION_JUSTIFICATION, "Beslutet avviker från dataskyddsombudets bedömning. Motivera beslutet.");
      } else if (rules != null && (notifyImy != rules.notifyAuthority()
          || informDataSubjects != rules.notifyDataSubjects())) {
        in.error(DECISION_JUSTIFICATION, "Beslutet avviker från regelverkets rekommendation. Motivera beslutet.");
      }
    }
    in.throwIfInvalid("Beslutet kunde inte sparas");
    return userId -> {
      incidents.saveDecision(incident.number(), new Decision(notABreach, notifyImy, informDataSubjects,
          informUrgently, justification, userId, Times.now()));
      return Routing.decision(notABreach, notifyImy, informDataSubjects, informUrgently);
    };
  }
}
