package se.breachflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.breachflow.workflow.BpmnIds;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.EngineClock;
import se.breachflow.support.IncidentDriver;
import se.breachflow.support.Reports;
import se.breachflow.support.WebappSession;

/** Cockpit itself (its own plugin API, behind the webapp login and CSRF): management of A lists A's instances. */
@BreachflowTest
class CockpitAccessTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired IncidentDriver driver;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
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

    WebappSession staff = new WebappSession(port);
    assertThat(staff.login("cockpit-staff", "cockpit")).as("staff have no Cockpit").isNotEqualTo(200);
  }

  private void report(String controller) {
    var values = Reports.misdirectedEmail();
    values.put("controllerId", controller);
    driver.report(values);
  }

}
