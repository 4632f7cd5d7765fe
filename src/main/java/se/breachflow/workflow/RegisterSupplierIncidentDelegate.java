package se.breachflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import se.breachflow.shared.ForbiddenException;
import se.breachflow.shared.InvalidInputException;
import se.breachflow.supplier.SupplierIncidents;

/**
 * {@code serviceTask_registerSupplierIncident}: registers the supplier incident that {@link VariableBoundary}
 * checked at the start of {@code supplier-incident} — one ordinary case per affected controller, each started
 * as a report is (nested commands of this one, in its transaction) — and gives the instance the LEV- number as
 * its business key. Nothing of what was sent becomes a variable of this process.
 */
@Component("registerSupplierIncidentDelegate")
public class RegisterSupplierIncidentDelegate implements JavaDelegate {

  private final SupplierIncidents suppliers;

  public RegisterSupplierIncidentDelegate(SupplierIncidents suppliers) {
    this.suppliers = suppliers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Submissions.SupplierIncident submitted = Submissions.supplierIncident();
    if (submitted == null) {
      // Only a start through the boundary carries a checked supplier incident (synchronously, in the command
      // that started it); anything else is refused rather than registered empty.
      throw new IllegalStateException("No checked supplier incident for process instance "
          + execution.getProcessInstanceId() + ": it is registered through its start form or POST /api/supplier-incidents");
    }
    SupplierIncidents.Registered registered;
    try {
      // Checked again in this transaction: what the boundary checked may have changed since (a controller's
      // groups, the clock), and the registration is the one place that decides.
      registered = suppliers.register(submitted.values()::get, submitted.names());
    } catch (InvalidInputException invalid) {
      throw new InvalidSubmissionException(invalid);
    } catch (ForbiddenException forbidden) {
      throw new RefusedException(forbidden.getMessage());
    }
    execution.setProcessBusinessKey(registered.number());
  }
}
