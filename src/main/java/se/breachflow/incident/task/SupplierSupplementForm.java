package se.breachflow.incident.task;

import static se.breachflow.incident.Fields.IMY_SUPPLEMENT_SUBMITTED_AT;
import static se.breachflow.incident.Fields.SUPPLEMENT_KIND;
import static se.breachflow.incident.Fields.SUPPLEMENT_TEXT;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentStatus;
import se.breachflow.incident.SupplementKind;
import se.breachflow.shared.Field;
import se.breachflow.shared.FormReader;

/**
 * {@code userTask_supplementSupplierFacts}: the supplier corrected the shared facts of a supplier incident after
 * this controller notified IMY, so the notification is supplemented (Art. 33(4)) — the same form and rules as
 * any supplement ({@link SupplementImyForm}), opening on "the facts have changed". The task runs beside the
 * rest of the case and leaves its status as it is.
 */
@Component
class SupplierSupplementForm implements TaskForm {

  private final SupplementImyForm supplement;

  SupplierSupplementForm(SupplementImyForm supplement) {
    this.supplement = supplement;
  }

  @Override
  public Step step() {
    return Step.SUPPLIER_SUPPLEMENT;
  }

  @Override
  public IncidentStatus status() {
    return null;
  }

  @Override
  public List<Field<?>> fields() {
    return supplement.fields();
  }

  @Override
  public Map<String, Object> load(Incident incident) {
    Map<String, Object> values = new HashMap<>(supplement.load(incident));
    values.put(SUPPLEMENT_KIND.name(), SupplementKind.FACTS_CHANGED);
    values.put(SUPPLEMENT_TEXT.name(), null);
    values.put(IMY_SUPPLEMENT_SUBMITTED_AT.name(), null);
    return values;
  }

  /**
   * A supplier's correction changes facts; "not a breach after all" is a decision of the case's own supplement
   * (which closes it), not of a task beside it.
   */
  @Override
  public Completion check(Incident incident, FormReader submitted) {
    if (submitted.read(SUPPLEMENT_KIND) == SupplementKind.NOT_A_BREACH) {
      submitted.error(SUPPLEMENT_KIND, "En rättelse från leverantören kompletterar anmälan med ändrade uppgifter. Att "
          + "det inte var en personuppgiftsincident anmäls i ärendets uppföljning.");
      submitted.throwIfInvalid("Kompletteringen kunde inte registreras");
    }
    Completion completion = supplement.check(incident, submitted);
    return userId -> {
      completion.save(userId);
      return Routing.NONE;
    };
  }
}
