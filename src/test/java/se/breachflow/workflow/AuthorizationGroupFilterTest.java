package se.breachflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.breachflow.support.BreachflowTest;

/**
 * ADR 0024: a short list of groups reaches the check as it is (no look-up of every authorized group); a long one
 * still goes through the engine's intersection. The answers of the checks themselves are pinned by the access
 * matrix and the attack tests, which run through this manager.
 */
@BreachflowTest
class AuthorizationGroupFilterTest {

  @Autowired ProcessEngine engine;

  @Test
  void shouldPassAShortListAsItIsWithoutTheEnginesLookUp() {
    List<String> groups = filter(Arrays.asList("coordinator-ks", "no-grant-anywhere", null, "coordinator-ks"));

    // the engine's intersection would have dropped the group without any authorization
    assertThat(groups).containsExactly("coordinator-ks", "no-grant-anywhere");
  }

  @Test
  void shouldLeaveALongListToTheEnginesIntersection() {
    List<String> many = new ArrayList<>(List.of("coordinator-ks"));
    IntStream.range(0, 50).forEach(i -> many.add("directory-group-" + i));

    assertThat(filter(many)).containsExactly("coordinator-ks");
  }

  @Test
  void shouldRefuseANegativeThreshold() {
    assertThatThrownBy(() -> new AuthorizationGroupFilter(-1))
        .hasMessageContaining("breachflow.authorization.group-filter-threshold");
  }

  private List<String> filter(List<String> groups) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(context -> {
      AuthorizationManager manager = context.getAuthorizationManager();
      assertThat(manager).isInstanceOf(AuthorizationGroupFilter.Manager.class);
      return manager.filterAuthenticatedGroupIds(groups);
    });
  }
}
