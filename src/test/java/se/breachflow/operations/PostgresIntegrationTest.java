package se.breachflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.incident.IncidentStatus;
import se.breachflow.notification.Notice;
import se.breachflow.notification.NoticeKind;
import se.breachflow.notification.Outbox;
import se.breachflow.workflow.BpmnIds;
import se.breachflow.support.IncidentDriver;
import se.breachflow.support.Postgres;
import se.breachflow.support.Reports;
import se.breachflow.shared.Times;

/** The main path of the process, the register's tables and the outbox on PostgreSQL. */
class PostgresIntegrationTest {

  private static Postgres postgres;
  private static ConfigurableApplicationContext app;

  @BeforeAll
  static void start() {
    postgres = Postgres.newDatabase();
    app = postgres.startNode(false);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    if (postgres != null) {
      postgres.drop();
    }
  }

  @Test
  void shouldCarryAnIncidentFromReportToCloseOnPostgres() {
    IncidentDriver driver = app.getBean(IncidentDriver.class);
    IncidentRepository incidents = app.getBean(IncidentRepository.class);
    ProcessInstance instance = driver.report();
    driver.assess(instance, "UNKNOWN_RECIPIENTS");
    driver.decide(instance, true, true, null);
    driver.notifyImy(instance, Times.now().minus(Duration.ofMinutes(1)).toString(), "COMPLETE");
    driver.complete(instance, BpmnIds.INFORM_DATA_SUBJECTS, "coordinator", Map.of(
        "dataSubjectCommunication", "NOT_INFORMED_UNINTELLIGIBLE",
        "dataSubjectsNotInformedReason", "Bilagan var krypterad."));
    driver.followUp(instance);

    Incident incident = incidents.findByProcessInstance(instance.getId()).orElseThrow();
    assertThat(incident.status()).isEqualTo(IncidentStatus.CLOSED);
    assertThat(incident.imy().caseNumber()).isEqualTo("IMY-2026-1234");
    assertThat(incident.finalAssessment().reasons()).isNotEmpty();
    assertThat(app.getBean(RuntimeService.class).createProcessInstanceQuery().processInstanceId(instance.getId())
        .count()).isZero();
    assertThat(app.getBean(JdbcTemplate.class).queryForObject("select version()", String.class))
        .startsWith("PostgreSQL");
  }

  @Test
  void shouldWriteAndReadTheOutboxOnPostgres() {
    Outbox outbox = app.getBean(Outbox.class);
    outbox.enqueue(Notice.about(NoticeKind.DEADLINE_REMINDER, "PUI-2099-0001", "ks",
        se.breachflow.notification.Audience.DPO));
    assertThat(outbox.noticesFor("PUI-2099-0001")).extracting(Notice::kind)
        .containsExactly(NoticeKind.DEADLINE_REMINDER);
  }

  /** ADR 0024: PostgreSQL runs the engine's row-by-row authorization checks fast, and its join of grants slowly. */
  @Test
  void shouldCheckAuthorizationsRowByRowOnPostgres() {
    org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl engine =
        (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) app.getBean(
            org.camunda.bpm.engine.ProcessEngine.class).getProcessEngineConfiguration();
    assertThat(engine.getDatabaseType()).isEqualTo("postgres");
    assertThat(engine.getAuthorizationCheckRevokes()).isEqualTo("always");
  }

  @Test
  void shouldCountTheOperationalMetricsOnPostgres() {
    IncidentDriver driver = app.getBean(IncidentDriver.class);
    var registry = app.getBean(io.micrometer.core.instrument.MeterRegistry.class);
    double open = registry.get("breachflow.incidents.open").gauge().value();
    double near = registry.get("breachflow.incidents.near.deadline").gauge().value();

    driver.report(); // 70½ hours left
    driver.report(Reports.discoveredAgo(Duration.ofHours(60))); // 12 hours left: near the deadline

    assertThat(registry.get("breachflow.incidents.open").gauge().value()).isEqualTo(open + 2);
    assertThat(registry.get("breachflow.incidents.near.deadline").gauge().value()).isEqualTo(near + 1);
    assertThat(registry.get("breachflow.jobs.failed").gauge().value()).isZero();
  }
}
