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

  @Override
  public Completion check(Incident incident, FormReader submitted) {
    return supplement.check(incident, submitted);
  }
}
