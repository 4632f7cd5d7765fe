package se.breachflow.workflow;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Chooses the SQL form of the engine's authorization checks for the database (ADR 0024). With Camunda's default
 * {@code auto} and no revoke authorization, a query joins the rows to all of the user's grants of the resource
 * type on an {@code OR} of ids; with {@code always} it checks each row with indexed sub-queries. The answers are
 * the same. PostgreSQL can run the join only as rows × grants (Tasklist 10 s at 10,000 open tasks, 0.45 s row by
 * row); H2 runs the correlated sub-queries slowly (1 s joined, 10 s row by row). So: {@code always} on
 * PostgreSQL, the engine's default elsewhere; a value set explicitly
 * ({@code camunda.bpm.authorization.authorization-check-revokes}: {@code always} or {@code never}) is kept.
 */
@Component
public class AuthorizationCheckForm extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(AuthorizationCheckForm.class);

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setAuthorizationCheckRevokes(
        choose(configuration.getAuthorizationCheckRevokes(), configuration.getDatabaseType()));
    log.info("Authorization checks: revokes '{}' on {}", configuration.getAuthorizationCheckRevokes(),
        configuration.getDatabaseType());
  }

  static String choose(String configured, String databaseType) {
    boolean engineDefault = configured == null
        || ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO.equalsIgnoreCase(configured);
    return engineDefault && "postgres".equals(databaseType)
        ? ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_ALWAYS : configured;
  }
}
