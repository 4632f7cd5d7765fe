package se.breachflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import se.breachflow.BreachflowApplication;
import se.breachflow.access.Groups;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.incident.IncidentStatus;
import se.breachflow.support.IncidentDriver;
import se.breachflow.support.Reports;

/**
 * Instances started on version 1 of the process (the DPO reviewed and decided in one task, before the controller's
 * decision of issue 18) finish on it with this code (docs/adr/0014): version 1 as it was deployed — its model and
 * its forms, kept in {@code src/test/resources/legacy/} — next to version 2, each instance on its own.
 */
class LegacyProcessTest {

  private static final List<String> FORMS = List.of("incident-report", "assess-incident", "dpo-review", "notify-imy",
      "supplement-imy", "inform-data-subjects", "follow-up");

  @Test
  void shouldFinishAnIncidentStartedOnVersionOneWithTheDposDecision() throws Exception {
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(BreachflowApplication.class).run(
        "--spring.profiles.active=demo",
        "--spring.datasource.url=jdbc:h2:mem:legacy-process;DB_CLOSE_DELAY=-1",
        "--server.port=0",
        "--camunda.bpm.job-execution.enabled=false",
        "--camunda.bpm.generate-unique-process-engine-name=true")) {
      RepositoryService repository = app.getBean(RepositoryService.class);
      ProcessDefinition current = repository.createProcessDefinitionQuery().processDefinitionKey(BpmnIds.PROCESS)
          .latestVersion().singleResult();
      ProcessDefinition legacy = deployVersionOne(repository);
      assertThat(legacy.getId()).isNotEqualTo(current.getId());

      IdentityService identity = app.getBean(IdentityService.class);
      FormService forms = app.getBean(FormService.class);
      IncidentDriver driver = app.getBean(IncidentDriver.class);
      identity.setAuthentication("reporter", List.of(Groups.STAFF));
      ProcessInstance instance;
      try {
        instance = forms.submitStartForm(legacy.getId(), Reports.misdirectedEmail());
      } finally {
        identity.clearAuthentication();
      }
      driver.assess(instance, "KNOWN_RECIPIENTS");
      driver.complete(instance, BpmnIds.DPO_REVIEW, "dpo", Map.of("notABreach", false, "notifyImy", true,
          "informDataSubjects", false, "decisionJustification", "Mottagaren har raderat; ingen hög risk."));
      IncidentRepository incidents = app.getBean(IncidentRepository.class);
      Incident decided = incidents.findByProcessInstance(instance.getId()).orElseThrow();
      assertThat(decided.decision().decidedBy()).as("version 1: the DPO decided").isEqualTo("dpo");
      assertThat(decided.dpoAdvice()).isNull();

      // Version 1's notification form has no contact address: the controller's published one is used.
      driver.complete(instance, BpmnIds.NOTIFY_IMY, "dpo", Map.of("imyCaseNumber", "IMY-2026-0001",
          "imySubmittedAt", Reports.formTime(java.time.Duration.ofMinutes(10)), "imyReportType", "COMPLETE"));
      assertThat(incidents.findByProcessInstance(instance.getId()).orElseThrow().imy().contactAddress())
          .isEqualTo("Exempelkommunen, Box 1, 123 45 Exempelstad");
      driver.followUp(instance);

      Incident closed = incidents.findByProcessInstance(instance.getId()).orElseThrow();
      assertThat(closed.status()).isEqualTo(IncidentStatus.CLOSED);
      TaskService tasks = app.getBean(TaskService.class);
      assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
      assertThat(app.getBean(org.camunda.bpm.engine.HistoryService.class).createHistoricActivityInstanceQuery()
          .processInstanceId(instance.getId()).activityId(BpmnIds.DPO_REVIEW).count()).isOne();
    }
  }

  /** Version 1's model and forms, deployed as they were. */
  private static ProcessDefinition deployVersionOne(RepositoryService repository) throws Exception {
    DeploymentBuilder deployment = repository.createDeployment().name("breachflow v1 (test)");
    deployment.addInputStream("personal-data-breach.bpmn", resource("personal-data-breach-v1.bpmn"));
    for (String form : FORMS) {
      deployment.addInputStream(form + ".form", resource(form + ".form"));
    }
    String id = deployment.deploy().getId();
    return repository.createProcessDefinitionQuery().deploymentId(id).singleResult();
  }

  private static InputStream resource(String name) {
    InputStream in = LegacyProcessTest.class.getResourceAsStream("/legacy/" + name);
    assertThat(in).as("/legacy/" + name).isNotNull();
    return in;
  }
}
