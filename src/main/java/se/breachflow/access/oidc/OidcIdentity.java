package se.breachflow.access.oidc;

import org.camunda.bpm.engine.impl.plugin.AdministratorAuthorizationPlugin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import se.breachflow.access.Groups;

/**
 * The engine's identity with single sign-on ({@code oidc} profile): read-only users and groups, filled from the
 * provider's tokens ({@link OidcDirectory}); the members of camunda-admin get every permission, as with LDAP.
 * Separate from {@link OidcSecurity}: these plugins must exist before the engine, which the security beans use.
 */
@Configuration(proxyBeanMethods = false)
@Profile("oidc")
public class OidcIdentity {

  @Bean
  static OidcIdentityPlugin oidcIdentityPlugin() {
    return new OidcIdentityPlugin();
  }

  @Bean
  static AdministratorAuthorizationPlugin oidcAdministratorAuthorizationPlugin() {
    AdministratorAuthorizationPlugin plugin = new AdministratorAuthorizationPlugin();
    plugin.setAdministratorGroupName(Groups.ADMIN);
    return plugin;
  }
}
