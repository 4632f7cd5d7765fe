package se.breachflow.incident.task;

import static se.breachflow.incident.Fields.ASSESSMENT_TEXT;
import static se.breachflow.incident.Fields.DPO_ADVICE_INFORM_DATA_SUBJECTS;
import static se.breachflow.incident.Fields.DPO_ADVICE_NOTIFY_IMY;
import static se.breachflow.incident.Fields.DPO_ADVICE_NOT_A_BREACH;
import static se.breachflow.incident.Fields.DPO_ADVICE_REASONS;
import static se.breachflow.incident.Fields.SECRECY_MARKING;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import se.breachflow.assessment.RiskAssessment;
import se.breachflow.incident.DpoAdvice;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.incident.IncidentStatus;
import se.breachflow.shared.Field;
import se.breachflow.shared.FormReader;
import se.breachflow.shared.Times;

/**
 * {@code userTask_dpoAdvice} (Dataskyddsombudets bedömning): the DPO sees the rules' recommendation with its
 * reasons and advises the controller whether this is a breach, whether to notify IMY and to inform the data
 * subjects (GDPR Art. 39(1)(a)). Advice that departs from the rules says why. The DPO also notes what may be
 * secret under OSL. The DPO does not decide (Art. 38(6)): the controller's decision maker does, next.
 */
@Component
class DpoAdviceForm implements TaskForm {

  private final IncidentRepository incidents;

  DpoAdviceForm(IncidentRepository incidents) {
    this.incidents = incidents;
  }

  @Override
  public Step step() {
    return Step.DPO_ADVICE;
  }

  @Override
  public IncidentStatus status() {
    return IncidentStatus.DPO_REVIEW;
  }

  @Override
  public Map<String, Object> load(Incident incident) {
    RiskAssessment recommendation = incident.latestAssessment();
    DpoAdvice advice = incident.dpoAdvice();
    Map<String, Object> values = new HashMap<>();
    values.put(ASSESSMENT_TEXT, AssessmentText.of(recommendation));
    values.put(DPO_ADVICE_NOT_A_BREACH.name(), advice != null && advice.notABreach());
    values.put(DPO_ADVICE_NOTIFY_IMY.name(), advice != null ? advice.notifyImy()
        : recommendation != null && recommendation.notifyAuthority());
    values.put(DPO_ADVICE_INFORM_DATA_SUBJECTS.name(), advice != null ? advice.informDataSubjects()
        : recommendation != null && recommendation.notifyDataSubjects());
    values.put(DPO_ADVICE_REASONS.name(), advice == null ? null : advice.reasons());
    values.put(SECRECY_MARKING.name(), incident.secrecyMarking());
    return values;
  }

  @Override
  public List<Field<?>> fields() {
    return List.of(DPO_ADVICE_NOT_A_BREACH, DPO_ADVICE_NOTIFY_IMY, DPO_ADVICE_INFORM_DATA_SUBJECTS,
        DPO_ADVICE_REASONS, SECRECY_MARKING);
  }

  @Override
  public Completion check(Incident incident, FormReader in) {
    boolean notABreach = Boolean.TRUE.equals(in.read(DPO_ADVICE_NOT_A_BREACH));
    // The form hides (and so does not submit) the two choices once "not a breach" is ticked.
    boolean notifyImy = !notABreach && Boolean.TRUE.equals(in.read(DPO_ADVICE_NOTIFY_IMY));
    boolean informDataSubjects = !notABreach && Boolean.TRUE.equals(in.read(DPO_ADVICE_INFORM_DATA_SUBJECTS));
    String reasons = in.read(DPO_ADVICE_REASONS);
    String secrecyMarking = in.read(SECRECY_MARKING);
    DpoAdvice advice = new DpoAdvice(notABreach, notifyImy, informDataSubjects, reasons, null, null);
    if (reasons == null && !in.hasError(DPO_ADVICE_REASONS)) {
      if (notABreach) {
        in.error(DPO_ADVICE_REASONS, "Förklara varför detta inte är en personuppgiftsincident.");
      } else if (advice.departsFrom(incident.latestAssessment())) {
        in.error(DPO_ADVICE_REASONS, "Bedömningen avviker från regelverkets rekommendation. Förklara varför.");
      }
    }
    in.throwIfInvalid("Bedömningen kunde inte sparas");
    return userId -> {
      incidents.saveDpoAdvice(incident.number(),
          new DpoAdvice(notABreach, notifyImy, informDataSubjects, reasons, userId, Times.now()));
      incidents.saveSecrecyMarking(incident.number(), secrecyMarking);
      return Routing.NONE;
    };
  }
}
