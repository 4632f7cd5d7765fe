package se.breachflow.workflow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import se.breachflow.shared.Lists;

/**
 * Spares every authorization check the engine's look-up of all groups that hold any authorization (ADR 0024).
 * Before it checks a permission or filters a query, the engine's {@link AuthorizationManager} intersects the
 * user's groups with {@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION}, once per command, so that a
 * user of hundreds of directory groups does not send them all into the check's {@code GROUP_ID_ IN (…)}. With
 * grants per incident (ADR 0005: twelve per report) that statement reads the whole table: 48 % of a report's time
 * on H2 at 50,000 grants (BENCHMARKS.md), the same on every Tasklist request, and on PostgreSQL too
 * (camunda/camunda-bpm-platform#5485; CIB seven and Operaton add the same threshold as this class).
 *
 * <p>A group without any authorization matches no row of the check, so passing it changes no answer: a user with
 * at most {@code breachflow.authorization.group-filter-threshold} groups (breachflow's roles: a handful) has them
 * passed as they are; a longer list (a directory's) still goes through the engine's intersection.
 */
@Component
public class AuthorizationGroupFilter extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(AuthorizationGroupFilter.class);

  private final int threshold;

  public AuthorizationGroupFilter(
      @Value("${breachflow.authorization.group-filter-threshold}") int threshold) {
    if (threshold < 0) {
      throw new IllegalArgumentException(
          "breachflow.authorization.group-filter-threshold must be 0 or more, not " + threshold);
    }
    this.threshold = threshold;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    SessionFactory managers = new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new Manager(threshold);
      }
    };
    configuration.setCustomSessionFactories(Lists.with(configuration.getCustomSessionFactories(), managers));
    log.info("Authorization checks: users with up to {} groups skip the engine's look-up of authorized groups",
        threshold);
  }

  /** The engine's manager, but a short list of groups is used as it is. */
  static class Manager extends AuthorizationManager {

    private final int threshold;

    Manager(int threshold) {
      this.threshold = threshold;
    }

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.size() > threshold) {
        return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
      }
      LinkedHashSet<String> groups = new LinkedHashSet<>(authenticatedGroupIds);
      groups.remove(null);
      return new ArrayList<>(groups);
    }
  }
}
