package se.breachflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.breachflow.support.BreachflowTest;
import se.breachflow.support.EngineClock;
import se.breachflow.support.IncidentDriver;
import se.breachflow.support.Reports;

/**
 * Tasklist's filters tell the cases apart (issue 21): the tasks by the deadline they are due at, each with its
 * case number and nämnd.
 */
@BreachflowTest
class TasklistFiltersTest {

  @Autowired FilterService filters;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  @Autowired IncidentDriver driver;

  @AfterEach
  void reset() {
    EngineClock.reset();
    identity.clearAuthentication();
  }

  @Test
  void theGroupsTasksAreSortedByDeadlineAndShowTheCaseAndTheNamnd() {
    EngineClock.set("2026-11-20T12:00:00+01:00");
    ProcessInstance later = driver.report(Reports.discoveredAgo(Duration.ofHours(1)));
    ProcessInstance sooner = driver.report(Reports.discoveredAgo(Duration.ofHours(30)));

    Filter group = filters.createFilterQuery().filterName(ProcessAccessRules.FILTER_GROUP_TASKS).singleResult();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> shown = (List<Map<String, Object>>) group.getProperties().get("variables");
    assertThat(shown).extracting(variable -> variable.get("name")).containsExactly("incidentNumber", "controllerName");
    assertThat(shown).extracting(variable -> variable.get("label")).containsExactly("Ärende", "Nämnd eller bolag");
    assertThat(runtime.getVariable(sooner.getId(), "controllerName")).isEqualTo("Kommunstyrelsen");

    identity.setAuthentication("coordinator", List.of("staff", "coordinator-ks"));
    List<Task> listed = filters.list(group.getId());
    List<String> ours = listed.stream().map(Task::getProcessInstanceId)
        .filter(id -> id.equals(sooner.getId()) || id.equals(later.getId())).toList();
    assertThat(ours).containsExactly(sooner.getId(), later.getId());
    List<Date> due = listed.stream().map(Task::getDueDate).filter(java.util.Objects::nonNull).toList();
    assertThat(due).isSortedAccordingTo(Date::compareTo);
  }
}
