package se.breachflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.breachflow.access.AccessUsers;
import se.breachflow.access.Groups;
import se.breachflow.support.AlsoWithSingleSignOn;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.DisabledWithSingleSignOn;
import se.breachflow.support.IncidentDriver;
import se.breachflow.support.WebappSession;
import se.breachflow.workflow.BpmnIds;

/**
 * The webapps' engine API ({@code /camunda/api/engine}) is engine REST under another path, with the webapp login:
 * before, everything Camunda's authorizations allowed was open there to anyone logged in to Tasklist — suspending
 * the process's job definitions (anyone who may read the process definition may), setting a job's retries,
 * asking {@code identity/verify} whether a password is right, reading every job definition. For anyone but
 * administrators only what Tasklist, Welcome and (for those who may use it) Cockpit call is open; the rest
 * answers 403 and changes nothing. The apps' own calls keep working.
 */
@BreachflowTest
@AlsoWithSingleSignOn
class WebappEngineApiAttackTest {

  private static final String API = "/camunda/api/engine/engine/default";
  private static final String STAFF = "webapi-staff";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired IncidentDriver driver;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  private final ObjectMapper json = new ObjectMapper();

  private ProcessInstance instance;
  private JobDefinition jobDefinition;
  private Job timer;
  private String deployment;

  @BeforeEach
  void anIncidentWithItsTimers() {
    AccessUsers.create(identity, STAFF, Groups.STAFF);
    instance = driver.report();
    timer = management.createJobQuery().processInstanceId(instance.getId()).timers().list().get(0);
    jobDefinition = management.createJobDefinitionQuery().jobDefinitionId(timer.getJobDefinitionId()).singleResult();
    deployment = repository.createProcessDefinitionQuery().processDefinitionKey(BpmnIds.PROCESS).latestVersion()
        .singleResult().getDeploymentId();
  }

  @Test
  void whatTasklistAndCockpitDoNotCallIsForAdministrators() throws Exception {
    long users = identity.createUserQuery().count();
    long groups = identity.createGroupQuery().count();
    long deployments = repository.createDeploymentQuery().count();
    SoftAssertions softly = new SoftAssertions();
    for (String[] who : new String[][] {{"coordinator", "tasklist"}, {"reporter", "tasklist"}, {"manager", "cockpit"}}) {
      WebappSession session = new WebappSession(port);
      assertThat(session.login(who[0], who[1])).isEqualTo(200);
      for (Call call : forbidden()) {
        Answer answer = call.send(session);
        softly.assertThat(answer.status()).as(who[0] + " " + call + ": " + answer.body()).isEqualTo(403);
        if (answer.status() == 403) {
          JsonNode error = json.readTree(answer.body());
          softly.assertThat(error.path("type").asText()).as(call.toString()).isEqualTo("AuthorizationException");
          softly.assertThat(error.path("message").asText()).as(call.toString()).endsWith("är förbehållet administratörer.");
        }
      }
    }
    softly.assertAll();

    assertThat(management.createJobDefinitionQuery().jobDefinitionId(jobDefinition.getId()).singleResult().isSuspended())
        .as("the job definition is not suspended").isFalse();
    Job after = management.createJobQuery().jobId(timer.getId()).singleResult();
    assertThat(after).as("the timer has not fired").isNotNull();
    assertThat(after.getRetries()).isEqualTo(timer.getRetries());
    assertThat(after.isSuspended()).isFalse();
    assertThat(identity.createUserQuery().count()).isEqualTo(users);
    assertThat(identity.createGroupQuery().count()).isEqualTo(groups);
    assertThat(identity.createUserQuery().userId("reporter").memberOfGroup(Groups.dpo("ks")).count()).isZero();
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isOne();
  }

  /** The calls an attacker logged in to Tasklist (or Cockpit) makes; none of them is one of the apps' own. */
  private List<Call> forbidden() {
    String instanceId = instance.getId();
    return List.of(
        new Call("PUT", "/job-definition/" + jobDefinition.getId() + "/suspended",
            "{\"suspended\": true, \"includeJobs\": true}"),
        new Call("PUT", "/job-definition/" + jobDefinition.getId() + "/retries", "{\"retries\": 0}"),
        new Call("PUT", "/job/" + timer.getId() + "/retries", "{\"retries\": 0}"),
        new Call("PUT", "/job/" + timer.getId() + "/suspended", "{\"suspended\": true}"),
        new Call("POST", "/job/" + timer.getId() + "/execute", ""),
        new Call("PUT", "/job/" + timer.getId() + "/duedate", "{\"duedate\": \"2099-01-01T00:00:00.000+0000\"}"),
        new Call("POST", "/identity/verify", "{\"username\": \"dpo\", \"password\": \"dpo\"}"),
        new Call("GET", "/user", null),
        new Call("GET", "/user/dpo/profile", null),
        new Call("PUT", "/user/dpo/profile", "{\"id\": \"dpo\", \"email\": \"angripare@example.com\"}"),
        new Call("PUT", "/user/dpo/credentials", "{\"password\": \"nytt\", \"authenticatedUserPassword\": \"x\"}"),
        new Call("POST", "/user/create", "{\"profile\": {\"id\": \"intrang\"}, \"credentials\": {\"password\": \"x\"}}"),
        new Call("DELETE", "/user/dpo", null),
        new Call("POST", "/group/create", "{\"id\": \"intrang\", \"name\": \"x\"}"),
        new Call("PUT", "/group/" + Groups.dpo("ks") + "/members/reporter", ""),
        new Call("POST", "/tenant/create", "{\"id\": \"intrang\", \"name\": \"x\"}"),
        new Call("POST", "/authorization/create", "{\"type\": 1, \"permissions\": [\"ALL\"], \"userId\": \"reporter\","
            + " \"resourceType\": 8, \"resourceId\": \"*\"}"),
        new Call("GET", "/identity/groups?userId=dpo", null),
        new Call("POST", "/deployment/create", "{}"),
        new Call("DELETE", "/deployment/" + deployment + "?cascade=true", null),
        new Call("POST", "/process-instance/" + instanceId + "/modification",
            "{\"instructions\": [{\"type\": \"cancel\", \"activityId\": \"" + BpmnIds.ASSESS + "\"}]}"),
        new Call("POST", "/process-instance/delete", "{\"processInstanceIds\": [\"" + instanceId + "\"]}"),
        new Call("PUT", "/process-instance/" + instanceId + "/suspended", "{\"suspended\": true}"),
        new Call("DELETE", "/process-instance/" + instanceId, null),
        new Call("POST", "/migration/execute", "{}"),
        new Call("POST", "/modification/execute", "{}"),
        new Call("POST", "/external-task/fetchAndLock", "{\"workerId\": \"x\", \"maxTasks\": 1, \"topics\": []}"),
        new Call("PUT", "/incident/x/annotation", "{\"annotation\": \"x\"}"),
        new Call("POST", "/signal", "{\"name\": \"x\"}"),
        new Call("POST", "/message", "{\"messageName\": \"x\"}"),
        new Call("POST", "/condition", "{\"variables\": {}}"),
        new Call("POST", "/task/create", "{\"id\": \"intrang\", \"name\": \"x\"}"),
        new Call("POST", "/filter/create", "{\"resourceType\": \"Task\", \"name\": \"x\", \"query\": {}}"),
        new Call("GET", "/metrics/activity-instance/sum", null),
        new Call("POST", "/process-definition/" + repository.createProcessDefinitionQuery()
            .processDefinitionKey(BpmnIds.PROCESS).latestVersion().singleResult().getId() + "/restart", "{}"));
  }

  /** Job definitions, jobs, deployments and the like are Cockpit's reads: not for Tasklist's users. */
  @Test
  void cockpitsReadsAreForThoseWhoMayUseCockpit() throws Exception {
    String jobDefinitions = API + "/job-definition?processDefinitionId=" + jobDefinition.getProcessDefinitionId();
    for (String user : new String[] {STAFF, "coordinator", "dpo"}) {
      WebappSession tasklist = new WebappSession(port);
      assertThat(tasklist.login(user, "tasklist")).isEqualTo(200);
      assertThat(tasklist.get(jobDefinitions).statusCode()).as(user).isEqualTo(403);
      assertThat(tasklist.get(API + "/job/count").statusCode()).as(user).isEqualTo(403);
      assertThat(tasklist.get(API + "/deployment").statusCode()).as(user).isEqualTo(403);
    }
    WebappSession cockpit = new WebappSession(port);
    assertThat(cockpit.login("manager", "cockpit")).isEqualTo(200);
    HttpResponse<byte[]> read = cockpit.get(jobDefinitions);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(json.readTree(read.body()).size()).isPositive();
    assertThat(cockpit.post(API + "/job?firstResult=0&maxResults=50",
        "{\"processInstanceId\": \"" + instance.getId() + "\"}").statusCode()).isEqualTo(200);
    assertThat(cockpit.post(API + "/variable-instance?firstResult=0&maxResults=50&deserializeValues=false",
        "{\"processInstanceIdIn\": [\"" + instance.getId() + "\"]}").statusCode()).isEqualTo(200);
    WebappSession admin = new WebappSession(port);
    assertThat(admin.login("admin", "admin")).isEqualTo(200);
    assertThat(admin.get(API + "/user").statusCode()).as("administrators keep everything").isEqualTo(200);
    assertThat(admin.get(jobDefinitions).statusCode()).isEqualTo(200);
  }

  /** Tasklist's and Welcome's calls about oneself: the profile and the groups. */
  @Test
  void oneselfIsOpen() throws Exception {
    WebappSession session = new WebappSession(port);
    assertThat(session.login(STAFF, "tasklist")).isEqualTo(200);
    assertThat(session.get(API + "/user/" + STAFF + "/profile").statusCode()).isEqualTo(200);
    assertThat(session.get(API + "/group/count?member=" + STAFF).statusCode()).isEqualTo(200);
    assertThat(session.get(API + "/identity/groups?userId=" + STAFF).statusCode()).isEqualTo(200);
    assertThat(session.get(API + "/identity/password-policy").statusCode()).isIn(200, 404);
    assertThat(session.put(API + "/user/" + STAFF + "/profile", "{\"id\": \"" + STAFF + "\", \"firstName\": \"DPO\"}")
        .statusCode()).as("names and addresses come from the administrator or the directory").isEqualTo(403);
  }

  /** Tasklist's and Welcome's change of one's own password, which needs the current one. */
  @Test
  @DisabledWithSingleSignOn("there are no passwords: people change theirs at the provider")
  void oneselfMayChangeThePassword() throws Exception {
    WebappSession session = new WebappSession(port);
    assertThat(session.login(STAFF, "tasklist")).isEqualTo(200);
    HttpResponse<String> changed = session.put(API + "/user/" + STAFF + "/credentials",
        "{\"password\": \"ett-nytt-lösenord\", \"authenticatedUserPassword\": \"" + STAFF + "\"}");
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
    assertThat(identity.checkPassword(STAFF, "ett-nytt-lösenord")).isTrue();
    identity.clearAuthentication();
    var user = identity.createUserQuery().userId(STAFF).singleResult();
    user.setPassword(STAFF);
    identity.saveUser(user);
  }

  private record Call(String method, String path, String body) {

    Answer send(WebappSession session) throws Exception {
      if (method.equals("GET")) {
        HttpResponse<byte[]> answer = session.get(API + path);
        return new Answer(answer.statusCode(), new String(answer.body(), StandardCharsets.UTF_8));
      }
      HttpResponse<String> answer = method.equals("PUT") ? session.put(API + path, body)
          : method.equals("DELETE") ? session.delete(API + path) : session.post(API + path, body);
      return new Answer(answer.statusCode(), answer.body());
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private record Answer(int status, String body) {}
}
