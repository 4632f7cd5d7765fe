package se.breachflow.access.oidc;

import org.camunda.bpm.engine.impl.identity.db.DbReadOnlyIdentityServiceProvider;

/**
 * The engine's identity with single sign-on: its own user and group tables, read-only to everyone (Admin, engine
 * REST, the identity service), filled only by {@link OidcDirectory} from what the provider vouched for. No
 * password is checked, ever: people prove who they are to the provider, not to breachflow.
 */
public class OidcIdentityProvider extends DbReadOnlyIdentityServiceProvider {

  @Override
  public boolean checkPassword(String userId, String password) {
    return false;
  }
}
