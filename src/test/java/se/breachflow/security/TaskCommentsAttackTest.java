package se.breachflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import se.breachflow.support.Calls;
import se.breachflow.access.AccessUsers;
import se.breachflow.access.Groups;
import se.breachflow.workflow.BpmnIds;
import se.breachflow.support.AlsoWithSingleSignOn;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.IncidentDriver;

/**
 * Issue 16, point 9 (comments): management and another controller's coordinators could write comments — free
 * text in the engine's tables — on tasks they cannot read. A comment is written on a task by someone who may work
 * it; comments on a process instance are for administrators.
 */
@BreachflowTest
@AlsoWithSingleSignOn
class TaskCommentsAttackTest {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired IncidentDriver driver;
  @Autowired TaskService tasks;

  @Test
  void onlyThoseWhoMayWorkATaskCommentOnIt() {
    AccessUsers.create(identity, "comment-manager-ks", Groups.STAFF, Groups.management("ks"));
    AccessUsers.create(identity, "comment-coordinator-sn", Groups.STAFF, Groups.coordinators("sn"));
    AccessUsers.create(identity, "comment-coordinator-ks", Groups.STAFF, Groups.coordinators("ks"));
    ProcessInstance instance = driver.report();
    Task assessment = driver.task(instance, BpmnIds.ASSESS);
    Calls calls = new Calls(http);
    String comment = "{\"message\": \"Ring mig om detta, 070-123 45 67.\"}";

    for (String outsider : new String[] {"comment-manager-ks", "comment-coordinator-sn", "reporter"}) {
      // Engine REST looks for the task as the user first: one they cannot read is "not found" (400).
      assertThat(calls.post(outsider, "/engine-rest/task/" + assessment.getId() + "/comment/create", comment)
          .getStatusCode().is4xxClientError()).as(outsider).isTrue();
    }
    // A comment on one's own task that names another case's process instance.
    ProcessInstance other = driver.report();
    assertThat(calls.post("comment-coordinator-ks", "/engine-rest/task/" + assessment.getId() + "/comment/create",
        "{\"message\": \"Fel ärende.\", \"processInstanceId\": \"" + other.getId() + "\"}").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    driver.as("comment-manager-ks", () -> {
      try {
        tasks.createComment(null, instance.getId(), "Ledningen skriver på ärendet.");
        throw new AssertionError("management commented on the instance");
      } catch (se.breachflow.workflow.RefusedException refused) {
        assertThat(refused.getMessage()).contains("Kommentarer skrivs på uppgifter");
      }
    });
    assertThat(tasks.getTaskComments(assessment.getId())).isEmpty();
    assertThat(tasks.getProcessInstanceComments(instance.getId())).isEmpty();
    assertThat(tasks.getProcessInstanceComments(other.getId())).isEmpty();

    assertThat(calls.post("comment-coordinator-ks", "/engine-rest/task/" + assessment.getId() + "/comment/create",
        comment).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(tasks.getTaskComments(assessment.getId())).hasSize(1);
  }
}
