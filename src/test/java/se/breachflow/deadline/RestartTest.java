package se.breachflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import se.breachflow.BreachflowApplication;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.notification.Notice;
import se.breachflow.notification.NoticeKind;
import se.breachflow.notification.Outbox;
import se.breachflow.support.IncidentDriver;
import se.breachflow.support.Reports;

/**
 * Timers are jobs in the database: an application stopped before a timer is due fires it after a restart
 * on the same H2 file, once.
 */
class RestartTest {

  @TempDir Path dataDir;

  @Test
  void shouldFireADueTimerAfterARestartOnTheSameDatabase() throws Exception {
    String number;
    // First run: the job executor is off, as if the application stopped before the timer was due.
    try (ConfigurableApplicationContext first = start(false)) {
      Map<String, Object> report = Reports.discoveredAgo(Duration.ofHours(73));
      ProcessInstance instance = first.getBean(IncidentDriver.class).report(report);
      number = first.getBean(IncidentRepository.class).findByProcessInstance(instance.getId()).orElseThrow().number();
      assertThat(kinds(first.getBean(Outbox.class), number)).doesNotContain(NoticeKind.DEADLINE_MISSED);
    }
    assertThat(Files.list(dataDir).toList()).isNotEmpty();

    // Second run on the same file, with the job executor on: the due timers fire.
    try (ConfigurableApplicationContext second = start(true)) {
      Outbox outbox = second.getBean(Outbox.class);
      Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
      while (!kinds(outbox, number).contains(NoticeKind.DEADLINE_MISSED) && Instant.now().isBefore(giveUp)) {
        Thread.sleep(250);
      }
      assertThat(second.getBean(IncidentRepository.class).find(number).orElseThrow().late()).isTrue();
      Thread.sleep(2000); // give a second firing, if there were one, the time to happen
      assertThat(kinds(outbox, number)).filteredOn(kind -> kind == NoticeKind.DEADLINE_MISSED).hasSize(1);
      assertThat(second.getBean(JdbcTemplate.class).queryForObject(
          "select count(*) from act_ru_job where duedate_ is not null and exception_msg_ is not null", Integer.class))
          .as("no failed jobs").isZero();
    }
  }

  private static List<NoticeKind> kinds(Outbox outbox, String number) {
    return outbox.noticesFor(number).stream().map(Notice::kind).toList();
  }

  private ConfigurableApplicationContext start(boolean jobExecution) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.profiles.active=demo",
        "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("breachflow").toAbsolutePath(),
        "--server.port=0",
        "--camunda.bpm.job-execution.enabled=" + jobExecution,
        // Other test contexts in this JVM use the default engine name.
        "--camunda.bpm.generate-unique-process-engine-name=true"));
    return new SpringApplicationBuilder(BreachflowApplication.class).run(args.toArray(String[]::new));
  }
}
