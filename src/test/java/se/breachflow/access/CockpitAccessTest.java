package se.breachflow.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.breachflow.workflow.BpmnIds;
import se.breachflow.workflow.RefusedException;
import se.breachflow.support.AlsoWithSingleSignOn;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.EngineClock;
import se.breachflow.support.IncidentDriver;
import se.breachflow.support.Reports;
import se.breachflow.support.WebappSession;

/** Cockpit itself (its own plugin API, behind the webapp login and CSRF): management of A lists A's instances. */
@BreachflowTest
@AlsoWithSingleSignOn
class CockpitAccessTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired IncidentDriver driver;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired AuthorizationService authorizations;
  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void reset() {
    EngineClock.reset();
    identity.clearAuthentication();
  }

  @Test
  void shouldListOnlyTheControllersInstancesInCockpit() throws Exception {
    AccessUsers.create(identity, "cockpit-management-a", Groups.STAFF, Groups.management("ks"));
    AccessUsers.create(identity, "cockpit-staff", Groups.STAFF);
    EngineClock.set("2026-11-20T12:00:00+01:00");
    report("ks");
    report("sn");
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey(BpmnIds.PROCESS)
        .latestVersion().singleResult().getId();
    long ofA = runtime.createProcessInstanceQuery().processDefinitionId(definition)
        .variableValueEquals("controllerId", "ks").count();
    long all = runtime.createProcessInstanceQuery().processDefinitionId(definition).count();
    assertThat(ofA).isPositive().isLessThan(all);

    WebappSession management = new WebappSession(port);
    assertThat(management.login("cockpit-management-a", "cockpit")).isEqualTo(200);
    HttpResponse<String> listed = management.post("/camunda/api/cockpit/plugin/base/default/process-instance"
        + "?firstResult=0&maxResults=1000", "{\"processDefinitionId\": \"" + definition + "\"}");
    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    assertThat(json.readTree(listed.body()).size()).isEqualTo((int) ofA);
    for (JsonNode instance : json.readTree(listed.body())) {
      assertThat(runtime.getVariable(instance.get("id").asText(), "controllerId")).isEqualTo("ks");
    }

    // The statistics of all definitions count every controller's instances (the engine does not filter them).
    HttpResponse<byte[]> statistics = management.get("/camunda/api/engine/engine/default/process-definition/statistics");
    assertThat(statistics.statusCode()).isEqualTo(403);

    WebappSession staff = new WebappSession(port);
    assertThat(staff.login("cockpit-staff", "cockpit")).as("staff have no Cockpit").isNotEqualTo(200);
  }

  /**
   * Read only means read only: management's Cockpit shows no edit or delete buttons for variables
   * (ui/ManagementOverviewBrowserTest), the webapps' engine API refuses the change, and so would the engine: the
   * group has READ on its instances and nothing that writes.
   */
  @Test
  void shouldRefuseManagementChangingOrDeletingAVariable() throws Exception {
    AccessUsers.create(identity, "cockpit-management-ro", Groups.management("ks"));
    String instance = driver.report(Reports.misdirectedEmail()).getId();
    String engineApi = "/camunda/api/engine/engine/default";
    WebappSession management = new WebappSession(port);
    assertThat(management.login("cockpit-management-ro", "cockpit")).isEqualTo(200);

    // What Cockpit's variable table sends for a change, a deletion, and a change of several at once.
    HttpResponse<String> changed = management.put(engineApi + "/process-instance/" + instance
        + "/variables/controllerId", "{\"value\": \"sn\", \"type\": \"String\"}");
    HttpResponse<String> deleted = management.delete(engineApi + "/process-instance/" + instance
        + "/variables/controllerId");
    HttpResponse<String> modified = management.post(engineApi + "/process-instance/" + instance + "/variables",
        "{\"modifications\": {\"controllerId\": {\"value\": \"sn\", \"type\": \"String\"}}}");
    HttpResponse<String> executionChanged = management.put(engineApi + "/execution/" + instance
        + "/localVariables/controllerId", "{\"value\": \"sn\", \"type\": \"String\"}");
    for (HttpResponse<String> response : List.of(changed, deleted, modified, executionChanged)) {
      assertThat(response.statusCode()).as(response.request().method() + " " + response.uri() + ": " + response.body())
          .isEqualTo(403);
    }
    assertThat(runtime.getVariable(instance, "controllerId")).isEqualTo("ks");

    // The engine itself: the group may read the instance, not change it or its variables.
    List<String> groups = List.of(Groups.management("ks"));
    assertThat(authorizations.isUserAuthorized("cockpit-management-ro", groups, Permissions.READ,
        Resources.PROCESS_INSTANCE, instance)).isTrue();
    for (Permission permission : List.of(Permissions.UPDATE, ProcessInstancePermissions.UPDATE_VARIABLE,
        Permissions.DELETE)) {
      assertThat(authorizations.isUserAuthorized("cockpit-management-ro", groups, permission,
          Resources.PROCESS_INSTANCE, instance)).as(permission.getName()).isFalse();
    }
    // Called as the manager, the variable boundary refuses first (workflow/VariableBoundary), else the engine.
    identity.setAuthentication("cockpit-management-ro", groups);
    try {
      assertThatThrownBy(() -> runtime.setVariable(instance, "controllerId", "sn"))
          .isInstanceOfAny(RefusedException.class, AuthorizationException.class);
      assertThatThrownBy(() -> runtime.removeVariable(instance, "controllerId"))
          .isInstanceOfAny(RefusedException.class, AuthorizationException.class);
    } finally {
      identity.clearAuthentication();
    }
    assertThat(runtime.getVariable(instance, "controllerId")).isEqualTo("ks");
  }

  private void report(String controller) {
    var values = Reports.misdirectedEmail();
    values.put("controllerId", controller);
    driver.report(values);
  }

}
