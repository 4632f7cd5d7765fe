package se.breachflow.access;

import org.camunda.bpm.engine.impl.plugin.AdministratorAuthorizationPlugin;
import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The municipality's directory as the engine's identity source, only with the {@code ldap} profile: Camunda's
 * LDAP identity plugin, configured for Active Directory in {@code application-ldap.yml} from
 * {@code BREACHFLOW_LDAP_*}. Users and groups are read-only; roles are the directory groups whose id (by
 * default {@code cn}) is {@code staff}, {@code camunda-admin}, {@code coordinator-<controller>},
 * {@code dpo-<controller>} or {@code management-<controller>}. The members of camunda-admin get every
 * permission (the engine's administrator plugin).
 */
@Configuration(proxyBeanMethods = false)
@Profile("ldap")
public class LdapIdentity {

  /** Every setter of {@link LdapIdentityProviderPlugin} is a property under {@code breachflow.ldap.plugin}. */
  @Bean
  @ConfigurationProperties(prefix = "breachflow.ldap.plugin")
  LdapIdentityProviderPlugin ldapIdentityProviderPlugin() {
    return new LdapIdentityProviderPlugin();
  }

  @Bean
  AdministratorAuthorizationPlugin administratorAuthorizationPlugin() {
    AdministratorAuthorizationPlugin plugin = new AdministratorAuthorizationPlugin();
    plugin.setAdministratorGroupName(Groups.ADMIN);
    return plugin;
  }
}
