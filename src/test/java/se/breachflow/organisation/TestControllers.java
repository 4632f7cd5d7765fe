package se.breachflow.organisation;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Takes a controller a test added out of the shared application again (there is no API to remove one): its row,
 * its audit trail and its groups, so that the other tests see the demo's controllers. Its incidents stay.
 */
public final class TestControllers {

  private TestControllers() {}

  public static void remove(JdbcTemplate jdbc, IdentityService identity, String id) {
    identity.clearAuthentication();
    jdbc.update("delete from controller_audit where controller_id = ?", id);
    if (jdbc.update("delete from controller where id = ?", id) > 0) {
      jdbc.update("update controller_version set version = ? where id = 1", UUID.randomUUID().toString());
    }
    for (String group : List.of("coordinator-", "dpo-", "decision-maker-", "security-", "management-")) {
      jdbc.update("delete from ACT_RU_AUTHORIZATION where GROUP_ID_ = ?", group + id);
      if (identity.createGroupQuery().groupId(group + id).count() > 0) {
        identity.deleteGroup(group + id);
      }
    }
  }
}
