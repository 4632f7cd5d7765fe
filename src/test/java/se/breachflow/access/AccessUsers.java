package se.breachflow.access;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

import se.breachflow.support.SingleSignOn;
import se.breachflow.support.TestLogin;

/**
 * Test users with exactly the given groups (password = id), created once per application context. With single
 * sign-on (support/TestLogin) the engine's identity is read-only: the user is an account at the provider whose
 * token's group claim gives those roles, and has signed in once, which is how the engine learns of people there.
 */
public final class AccessUsers {

  private AccessUsers() {}

  public static void create(IdentityService identity, String id, String... groups) {
    if (TestLogin.singleSignOn()) {
      if (!identity.isReadOnly()) {
        throw new IllegalStateException("Single sign-on, but the engine's identity is writable");
      }
      SingleSignOn.get().person(id, List.of(groups));
      return;
    }
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setPassword(id);
      identity.saveUser(user);
    }
    for (String group : groups) {
      if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
        identity.createMembership(id, group);
      }
    }
  }
}
