package se.breachflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;

import se.breachflow.support.Calls;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.workflow.BpmnIds;
import se.breachflow.support.AlsoWithSingleSignOn;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.IncidentDriver;
import se.breachflow.support.Reports;

/**
 * Issue 16, point 3: a reporter starting the process over engine REST with {@code reporterId=dpo} recorded the
 * report as the DPO's, and the value went unescaped into the summary of every task form. The reporter is always
 * the logged-in user; a start with any field that is not the report's is refused and starts nothing; what people
 * typed is shown as text in the forms.
 */
@BreachflowTest
@AlsoWithSingleSignOn
class ForgedReporterAttackTest {

  private static final String START = "/engine-rest/process-definition/key/" + BpmnIds.PROCESS;

  @Autowired TestRestTemplate http;
  @Autowired HistoryService history;
  @Autowired IncidentRepository incidents;
  @Autowired IncidentDriver driver;
  @Autowired FormService forms;
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void engineRestStartAndSubmitFormWithAnotherReporterAreRefused() throws Exception {
    Calls calls = new Calls(http);
    long before = history.createHistoricProcessInstanceQuery().count();
    for (String endpoint : new String[] {"/start", "/submit-form"}) {
      ResponseEntity<String> answer = calls.post("reporter", START + endpoint, startBody(Map.of("reporterId", "dpo")));
      assertThat(answer.getStatusCode()).as(endpoint).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(answer.getBody()).as(endpoint).contains("reporterId");
    }
    ResponseEntity<String> api = calls.post("reporter", "/api/incidents",
        Reports.contractJson("ks").replaceFirst("\\{", "{ \"reporterId\": \"dpo\","));
    assertThat(api.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(api.getBody()).get("errors").findValuesAsText("field")).contains("reporterId");

    assertThat(history.createHistoricProcessInstanceQuery().count()).as("nothing started").isEqualTo(before);
  }

  @Test
  void theProcessDecidesTheBusinessKey() {
    ResponseEntity<String> answer = new Calls(http).post("reporter", START + "/start",
        startBody(Map.of()).replaceFirst("\\{", "{\"businessKey\": \"PUI-2026-0001\","));
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody()).contains("businessKey");
  }

  @Test
  void theReporterIsTheLoggedInUserOnEveryWay() throws Exception {
    ResponseEntity<String> answer = new Calls(http).post("reporter", START + "/start", startBody(Map.of()));
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
    String number = json.readTree(answer.getBody()).get("businessKey").asText();
    assertThat(incidents.find(number).orElseThrow().reporterId()).isEqualTo("reporter");
  }

  @Test
  void whatPeopleTypedIsShownAsTextInTheForms() {
    Map<String, Object> report = Reports.misdirectedEmail();
    report.put("description", "Se [bilagan](https://angripare.example/) <img src=x onerror=alert(1)> **nu**\n"
        + "3 elever berörs\n1. första\n- andra");
    ProcessInstance instance = driver.report(report);
    Task assessment = driver.task(instance, BpmnIds.ASSESS);

    String summary = forms.getTaskFormVariables(assessment.getId()).getValue("incidentSummary", String.class);
    assertThat(summary).contains("Se \\[bilagan\\](https://angripare.example/) &lt;img src=x onerror=alert(1)&gt; "
        + "\\*\\*nu\\*\\*").doesNotContain("[bilagan](").doesNotContain("<img")
        .contains("  \n3 elever berörs  \n1\\. första  \n\\- andra");
  }

  /** A valid report as engine REST's start body, with more variables. */
  private static String startBody(Map<String, String> more) {
    StringBuilder variables = new StringBuilder("""
        "controllerId": {"value": "ks"},
        "description": {"value": "E-post till fel mottagare."},
        "cause": {"value": "MISDIRECTED_EMAIL"},
        "breachTypes": {"value": "[\\"CONFIDENTIALITY\\"]", "type": "Json"},
        "dataCategories": {"value": "[\\"IDENTITY\\"]", "type": "Json"},
        "dataSubjectCount": {"value": 2}""");
    more.forEach((name, value) -> variables.append(", \"").append(name).append("\": {\"value\": \"")
        .append(value).append("\"}"));
    return "{\"variables\": {" + variables + "}}";
  }
}
