package se.breachflow.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.io.IOException;
import java.util.List;

import org.camunda.bpm.engine.impl.plugin.AdministratorAuthorizationPlugin;
import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

/** The ldap profile binds the LDAP identity plugin for Active Directory from the environment (no server needed). */
class LdapIdentityTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
      .withUserConfiguration(LdapIdentity.class)
      .withInitializer(applicationContext -> ldapYaml().forEach(
          source -> applicationContext.getEnvironment().getPropertySources().addLast(source)));

  @Test
  void shouldConfigureThePluginForActiveDirectoryFromTheEnvironment() {
    context.withPropertyValues("spring.profiles.active=ldap",
            "BREACHFLOW_LDAP_URL=ldaps://dc1.exempelkommun.example:636",
            "BREACHFLOW_LDAP_BASE_DN=DC=exempelkommun,DC=example",
            "BREACHFLOW_LDAP_MANAGER_DN=CN=svc-breachflow,OU=Tjanstekonton,DC=exempelkommun,DC=example",
            "BREACHFLOW_LDAP_MANAGER_PASSWORD=hemligt",
            "BREACHFLOW_LDAP_GROUP_SEARCH_BASE=OU=Behorighet",
            "BREACHFLOW_LDAP_GROUP_SEARCH_FILTER=(&(objectClass=group)(cn=pui-*))",
            "BREACHFLOW_LDAP_GROUP_ID_ATTRIBUTE=extensionAttribute1")
        .run(started -> {
          assertThat(started).hasNotFailed();
          LdapIdentityProviderPlugin plugin = started.getBean(LdapIdentityProviderPlugin.class);
          assertThat(plugin.getServerUrl()).isEqualTo("ldaps://dc1.exempelkommun.example:636");
          assertThat(plugin.getBaseDn()).isEqualTo("DC=exempelkommun,DC=example");
          assertThat(plugin.getManagerDn()).startsWith("CN=svc-breachflow");
          assertThat(plugin.getManagerPassword()).isEqualTo("hemligt");
          assertThat(plugin.getUserIdAttribute()).isEqualTo("sAMAccountName");
          assertThat(plugin.getUserSearchFilter()).isEqualTo("(&(objectCategory=person)(objectClass=user))");
          assertThat(plugin.getUserFirstnameAttribute()).isEqualTo("givenName");
          assertThat(plugin.getUserLastnameAttribute()).isEqualTo("sn");
          assertThat(plugin.getUserEmailAttribute()).isEqualTo("mail");
          assertThat(plugin.getGroupSearchBase()).isEqualTo("OU=Behorighet");
          assertThat(plugin.getGroupSearchFilter()).isEqualTo("(&(objectClass=group)(cn=pui-*))");
          assertThat(plugin.getGroupIdAttribute()).isEqualTo("extensionAttribute1");
          assertThat(plugin.getGroupMemberAttribute()).isEqualTo("member");
          assertThat(plugin.isUsePosixGroups()).isFalse();
          assertThat(plugin.isUseSsl()).isTrue();
          assertThat(plugin.isAcceptUntrustedCertificates()).isFalse();
          assertThat(plugin.isAllowAnonymousLogin()).isFalse();
          assertThat(plugin.isAuthorizationCheckEnabled()).isTrue();
          assertThat(started.getBean(AdministratorAuthorizationPlugin.class).getAdministratorGroupName())
              .isEqualTo(Groups.ADMIN);
        });
  }

  @Test
  void shouldNotUseTheDirectoryWithoutTheProfile() {
    context.run(started -> assertThat(started).doesNotHaveBean(LdapIdentityProviderPlugin.class));
  }

  @Test
  void shouldNotAskForAnAdministratorPasswordWhenTheDirectoryHoldsTheAdministrators() {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles("prod", "ldap");
    assertThatNoException().isThrownBy(
        () -> new ProdAdminPasswordCheck().postProcessEnvironment(environment, new SpringApplication()));
  }

  private static List<PropertySource<?>> ldapYaml() {
    try {
      return new YamlPropertySourceLoader().load("application-ldap.yml",
          new ClassPathResource("application-ldap.yml"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
