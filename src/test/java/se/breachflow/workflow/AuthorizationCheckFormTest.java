package se.breachflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.breachflow.support.BreachflowTest;

/** ADR 0024: row-by-row authorization checks on PostgreSQL only, and never against an operator's own choice. */
@BreachflowTest
class AuthorizationCheckFormTest {

  @Autowired ProcessEngine engine;

  @Test
  void shouldLeaveH2AtTheEnginesDefault() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getDatabaseType()).isEqualTo("h2");
    assertThat(configuration.getAuthorizationCheckRevokes()).isEqualTo("auto");
  }

  @Test
  void shouldChooseRowByRowOnPostgresUnlessToldOtherwise() {
    assertThat(AuthorizationCheckForm.choose("auto", "postgres")).isEqualTo("always");
    assertThat(AuthorizationCheckForm.choose(null, "postgres")).isEqualTo("always");
    assertThat(AuthorizationCheckForm.choose("never", "postgres")).isEqualTo("never");
    assertThat(AuthorizationCheckForm.choose("always", "h2")).isEqualTo("always");
    assertThat(AuthorizationCheckForm.choose("auto", "h2")).isEqualTo("auto");
  }
}
