package se.breachflow.access.login;

import java.lang.reflect.Field;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

import se.breachflow.shared.Lists;

/**
 * Every password check of the engine goes through {@link LoginThrottle}: the webapps' login form, HTTP Basic
 * on {@code /api/**} and on engine REST, engine REST's {@code identity/verify}, whatever identity provider
 * answers it (the engine's tables or LDAP). The check is the engine's {@code CheckPassword} command, so a
 * command interceptor sees all of them, for the client of the HTTP request being served.
 *
 * <p>Camunda's own login throttling is switched off here: it counts per user only and, after
 * {@code loginMaxAttempts} (10) wrong passwords from anywhere, locks the user until an administrator
 * unlocks it, so anyone who knows the DPO's user name could lock the DPO out (docs/adr/0008).
 */
@Component
public class PasswordCheckThrottling extends AbstractProcessEnginePlugin {

  /** CheckPassword keeps the user id in a package-private field; read once, so a change fails at start. */
  private static final Field USER_ID = userIdField();

  private final LoginThrottle throttle;

  public PasswordCheckThrottling(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPreCommandInterceptorsTxRequired(
        Lists.<CommandInterceptor>with(configuration.getCustomPreCommandInterceptorsTxRequired(),
            new Interceptor(throttle)));
  }

  /** After every other plugin and generic property: no configuration brings the permanent lock back. */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
    // With a zero delay the engine's temporary per-user lock ends the moment it starts.
    configuration.setLoginDelayBase(0);
    configuration.setLoginDelayMaxTime(0);
  }

  static final class Interceptor extends CommandInterceptor {

    private final LoginThrottle throttle;

    Interceptor(LoginThrottle throttle) {
      this.throttle = throttle;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T execute(Command<T> command) {
      if (!(command instanceof CheckPassword)) {
        return next.execute(command);
      }
      String user = userId((CheckPassword) command);
      if (user == null || user.isBlank()) {
        return next.execute(command); // no user: the engine answers false without looking anything up
      }
      String client = LoginClient.current();
      if (!throttle.begin(user, client).allowed()) {
        return (T) Boolean.FALSE; // not checked at all: the right password is refused as well
      }
      boolean valid;
      try {
        valid = Boolean.TRUE.equals(next.execute(command));
      } catch (RuntimeException notChecked) {
        throttle.abandoned(user, client);
        throw notChecked;
      }
      if (valid) {
        throttle.succeeded(user, client);
      } else {
        throttle.failed(user, client);
      }
      return (T) Boolean.valueOf(valid);
    }
  }

  private static String userId(CheckPassword command) {
    try {
      return (String) USER_ID.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot read the user of Camunda's CheckPassword", e);
    }
  }

  private static Field userIdField() {
    try {
      Field field = CheckPassword.class.getDeclaredField("userId");
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("Camunda's CheckPassword has no field userId any more: the login throttle "
          + "(login/PasswordCheckThrottling) must be adapted to this Camunda version", e);
    }
  }
}
