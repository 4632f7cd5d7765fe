package se.breachflow.incident.task;

import static se.breachflow.incident.Fields.CYBER_SIGNIFICANT;
import static se.breachflow.incident.Fields.CYBER_SIGNIFICANT_REASON;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import se.breachflow.incident.CyberDecisions;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentStatus;
import se.breachflow.shared.Field;
import se.breachflow.shared.FormReader;

/**
 * {@code userTask_cyberSignificance}: the rules suggest the incident may be a significant incident under
 * cybersäkerhetslagen and the coordinator did not say it is; the informationssäkerhetssamordnare (or the DPO)
 * decides, and says why. Beside the rest of the case; its status stays.
 */
@Component
class CyberSignificanceForm implements TaskForm {

  private final CyberDecisions decisions;

  CyberSignificanceForm(CyberDecisions decisions) {
    this.decisions = decisions;
  }

  @Override
  public Step step() {
    return Step.CYBER_SIGNIFICANCE;
  }

  @Override
  public IncidentStatus status() {
    return null;
  }

  @Override
  public List<Field<?>> fields() {
    return List.of(CYBER_SIGNIFICANT, CYBER_SIGNIFICANT_REASON);
  }

  @Override
  public Map<String, Object> load(Incident incident) {
    Map<String, Object> values = new HashMap<>();
    values.put(CYBER_SIGNIFICANT.name(), incident.cyber() == null ? null : incident.cyber().significant());
    values.put(CYBER_SIGNIFICANT_REASON.name(), incident.cyber() == null ? null : incident.cyber().reason());
    return values;
  }

  @Override
  public Completion check(Incident incident, FormReader in) {
    boolean significant = Boolean.TRUE.equals(in.read(CYBER_SIGNIFICANT));
    String reason = in.required(CYBER_SIGNIFICANT_REASON, significant
        ? "Ange varför incidenten är betydande: allvarlig driftsstörning, ekonomisk skada eller betydande skada för andra."
        : "Ange varför incidenten inte är betydande enligt cybersäkerhetslagen.");
    in.throwIfInvalid("Bedömningen kunde inte sparas");
    return userId -> {
      CyberDecisions.Deadlines due = decisions.decide(incident, significant, reason, userId);
      return Routing.cyber(new Routing.Cyber(significant, false, due == null ? null : due.earlyWarning(),
          due == null ? null : due.notification(), null, null));
    };
  }
}
