package se.breachflow.access.oidc;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;

/**
 * Puts {@link OidcIdentityProvider} in place of the engine's writable identity: the engine then reports itself
 * read-only ({@code IdentityService.isReadOnly()}), Admin offers no "create user" and no first-run page, and
 * nobody can set a password.
 */
public class OidcIdentityPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(OidcIdentityProvider.class));
  }
}
