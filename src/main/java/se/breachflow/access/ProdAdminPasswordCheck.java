package se.breachflow.access;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start {@code prod} without an administrator password. Runs before any bean exists, so a
 * refused start has created nothing (the engine's admin-user feature would fall back to the user id
 * as password). With the {@code ldap} profile the administrators come from the directory instead; AccessSetup
 * refuses to start when {@code camunda-admin} has no member. With {@code oidc} there are no passwords.
 */
public class ProdAdminPasswordCheck implements EnvironmentPostProcessor {

  static final String PASSWORD_PROPERTY = "camunda.bpm.admin-user.password";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    // With LDAP the administrators are the directory's camunda-admin group (checked by AccessSetup); with single
    // sign-on those the provider's token maps to camunda-admin, and no password exists at all.
    if (!environment.acceptsProfiles(Profiles.of("prod")) || environment.acceptsProfiles(Profiles.of("ldap | oidc"))) {
      return;
    }
    String password = environment.getProperty(PASSWORD_PROPERTY);
    if (password == null || password.isBlank()) {
      throw new IllegalStateException(
          "The prod profile needs an administrator password: set BREACHFLOW_ADMIN_PASSWORD.");
    }
  }
}
