package se.breachflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;

import se.breachflow.workflow.BpmnIds;
import se.breachflow.support.AlsoWithSingleSignOn;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.EngineClock;
import se.breachflow.support.IncidentDriver;
import se.breachflow.support.TestLogin;

/** A task of controller A (ks) reaches A's groups only: never B's (sn) task lists, filters or engine REST. */
@BreachflowTest
@AlsoWithSingleSignOn
class TaskRoutingTest {

  @Autowired IdentityService identity;
  @Autowired IncidentDriver driver;
  @Autowired TaskService tasks;
  @Autowired FilterService filters;
  @Autowired FormService forms;
  @Autowired TestRestTemplate http;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void peopleAtAKnownTime() {
    AccessUsers.create(identity, "routing-coordinator-a", Groups.STAFF, Groups.coordinators("ks"));
    AccessUsers.create(identity, "routing-dpo-a", Groups.STAFF, Groups.dpo("ks"));
    AccessUsers.create(identity, "routing-coordinator-b", Groups.STAFF, Groups.coordinators("sn"));
    AccessUsers.create(identity, "routing-dpo-b", Groups.STAFF, Groups.dpo("sn"));
    EngineClock.set("2026-11-20T12:00:00+01:00");
  }

  @AfterEach
  void resetClockAndUser() {
    EngineClock.reset();
    identity.clearAuthentication();
  }

  @Test
  void shouldRouteTheTasksOfControllerAToAsGroupsAndNeverShowThemToB() throws Exception {
    ProcessInstance instance = report();
    Task assessment = task(instance, BpmnIds.ASSESS);
    assertThat(candidateGroups(assessment)).containsExactly(Groups.coordinators("ks"));

    assertVisibleOnlyTo(assessment, "routing-coordinator-a");

    // Still not B's once a coordinator of A has claimed it (assigned tasks leave the group filter's query
    // open to assigned tasks: includeAssignedTasks).
    as("routing-coordinator-a", () -> tasks.claim(assessment.getId(), "routing-coordinator-a"));
    assertVisibleOnlyTo(assessment, "routing-coordinator-a");

    as("routing-coordinator-a", () -> forms.submitTaskForm(assessment.getId(),
        driver.submission(assessment, Map.of("identifiability", "MAXIMUM", "confidentialityLoss", "KNOWN_RECIPIENTS",
            "integrityLoss", "NONE", "availabilityLoss", "NONE", "maliciousIntent", false, "unintelligible", false,
            "publiclyAvailable", false))));
    Task review = task(instance, BpmnIds.DPO_ADVICE);
    assertThat(candidateGroups(review)).containsExactly(Groups.dpo("ks"));
    assertVisibleOnlyTo(review, "routing-dpo-a");
  }

  /** The task is in {@code allowed}'s filters and task query, and in none of the others'. */
  private void assertVisibleOnlyTo(Task task, String allowed) throws Exception {
    for (String user : List.of("routing-coordinator-a", "routing-dpo-a", "routing-coordinator-b",
        "routing-dpo-b")) {
      boolean visible = user.equals(allowed);
      List<String> queried = as(user, () -> ids(tasks.createTaskQuery().list()));
      assertThat(queried.contains(task.getId())).as(user + ": task query").isEqualTo(visible);
      boolean inSomeFilter = false;
      for (Filter filter : filters.createTaskFilterQuery().list()) {
        List<String> listed = as(user, () -> ids(filters.list(filter.getId())));
        inSomeFilter |= listed.contains(task.getId());
        if (!visible) {
          assertThat(listed).as(user + ": filter " + filter.getName()).doesNotContain(task.getId());
        }
        ResponseEntity<String> rest = http.postForEntity("/engine-rest/filter/" + filter.getId() + "/list",
            request(user, "{}"), String.class);
        assertThat(rest.getStatusCode()).isEqualTo(HttpStatus.OK);
        if (!visible) {
          assertThat(json.readTree(rest.getBody()).findValuesAsText("id")).as(user + ": REST filter "
              + filter.getName()).doesNotContain(task.getId());
        }
      }
      assertThat(inSomeFilter).as(user + " finds it in a Tasklist filter").isEqualTo(visible);
      ResponseEntity<String> single = http.exchange("/engine-rest/task/" + task.getId(), HttpMethod.GET,
          request(user, null), String.class);
      assertThat(single.getStatusCode().is2xxSuccessful()).as(user + ": GET task").isEqualTo(visible);
    }
  }

  private ProcessInstance report() {
    return driver.report();
  }

  private <T> T as(String user, java.util.concurrent.Callable<T> call) throws Exception {
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList());
    try {
      return call.call();
    } finally {
      identity.clearAuthentication();
    }
  }

  private void as(String user, Runnable call) throws Exception {
    as(user, () -> {
      call.run();
      return null;
    });
  }

  private Task task(ProcessInstance instance, String key) {
    Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
    assertThat(task).as("open task " + key).isNotNull();
    return task;
  }

  private List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType())).map(IdentityLink::getGroupId).toList();
  }

  private static List<String> ids(List<Task> list) {
    return list.stream().map(Task::getId).toList();
  }

  /** A JSON request by the user: with the password, or with single sign-on the user's access token. */
  private static HttpEntity<String> request(String user, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set(HttpHeaders.AUTHORIZATION, TestLogin.authorization(user));
    return new HttpEntity<>(body, headers);
  }
}
