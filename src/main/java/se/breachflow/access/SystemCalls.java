package se.breachflow.access;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs an engine call without the current user's authorization checks, for reads the project's own
 * access rules have already allowed (e.g. the open tasks of an incident the user may see).
 */
@Component
public class SystemCalls {

  private final IdentityService identity;

  public SystemCalls(IdentityService identity) {
    this.identity = identity;
  }

  public <T> T run(Supplier<T> call) {
    Authentication current = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return call.get();
    } finally {
      if (current != null) {
        identity.setAuthentication(current);
      }
    }
  }
}
