package se.breachflow.access;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import se.breachflow.shared.ForbiddenException;

/** Who is making the current API request (set by {@link ApiAuthenticationFilter}). */
@Component
public class CurrentUser {

  private final IdentityService identity;

  public CurrentUser(IdentityService identity) {
    this.identity = identity;
  }

  public String id() {
    Authentication authentication = identity.getCurrentAuthentication();
    if (authentication == null) {
      throw new IllegalStateException("No authenticated user");
    }
    return authentication.getUserId();
  }

  /** The user the engine is acting for, or null for the application itself (timers, start-up). */
  public String idOrNull() {
    Authentication authentication = identity.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  /** Refuses (403) anyone but an administrator ({@code camunda-admin}). */
  public void requireAdministrator() {
    if (!groups().contains(Groups.ADMIN)) {
      throw new ForbiddenException("Bara administratörer får göra detta.");
    }
  }

  public List<String> groups() {
    Authentication authentication = identity.getCurrentAuthentication();
    return authentication == null || authentication.getGroupIds() == null ? List.of()
        : List.copyOf(authentication.getGroupIds());
  }
}
