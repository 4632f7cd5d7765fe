package se.breachflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import se.breachflow.incident.IncidentRepository;
import se.breachflow.support.IncidentDriver;
import se.breachflow.support.Postgres;
import se.breachflow.support.Reports;

/**
 * Two nodes on one PostgreSQL database, both running the job executor: many incidents with due timers,
 * every timer fires once, every reminder is written once, no number is used twice nor left out, and a node stopped
 * midway loses nothing.
 */
class TwoNodeTest {

  private static final int INCIDENTS_PER_NODE = 12;

  private Postgres postgres;
  private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

  @AfterEach
  void stop() {
    nodes.forEach(ConfigurableApplicationContext::close);
    if (postgres != null) {
      postgres.drop();
    }
  }

  @Test
  void shouldFireEveryTimerOnceAcrossTwoNodesAndSurviveOneStopping() throws Exception {
    postgres = Postgres.newDatabase();
    ConfigurableApplicationContext first = postgres.startNode(true);
    nodes.add(first);
    ConfigurableApplicationContext second = postgres.startNode(true);
    nodes.add(second);

    // Discovered 70 hours ago: the reminder (48 h) and the escalation (66 h) are due at once, the
    // deadline itself in two hours. Both nodes report at the same time.
    Map<String, Object> report = Reports.discoveredAgo(Duration.ofHours(70));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<ProcessInstance>> reported = new ArrayList<>();
    try {
      for (int i = 0; i < INCIDENTS_PER_NODE; i++) {
        for (ConfigurableApplicationContext node : List.of(first, second)) {
          IncidentDriver driver = node.getBean(IncidentDriver.class);
          reported.add(pool.submit(() -> driver.report(report)));
        }
      }
      for (Future<ProcessInstance> instance : reported) {
        instance.get();
      }
    } finally {
      pool.shutdownNow();
    }

    // One node dies midway; the other carries on with every remaining job.
    first.close();
    nodes.remove(first);

    JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
    int expected = 2 * INCIDENTS_PER_NODE;
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(120));
    while (messages(jdbc) < 2 * expected && Instant.now().isBefore(giveUp)) {
      Thread.sleep(500);
    }

    List<String> numbers = jdbc.queryForList("select number from incident", String.class);
    Set<String> distinct = new TreeSet<>(numbers);
    assertThat(numbers).hasSize(expected);
    assertThat(distinct).as("no number twice").hasSize(expected);
    assertThat(distinct.stream().map(number -> Integer.parseInt(number.substring(number.lastIndexOf('-') + 1))))
        .as("no gap: the numbers reserved side by side on two nodes are 1 to %d", expected)
        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, expected).boxed().toList());
    for (String number : distinct) {
      assertThat(jdbc.queryForList("select kind from outbox_message where incident_number = ?"
          + " and kind like 'DEADLINE%' order by kind", String.class, number))
          .as(number).containsExactly("DEADLINE_ESCALATION", "DEADLINE_REMINDER");
    }
    assertThat(jdbc.queryForObject("select count(*) from act_ru_job where exception_msg_ is not null",
        Integer.class)).as("no failed job").isZero();
    assertThat(second.getBean(IncidentRepository.class).find(numbers.get(0))).isPresent();
  }

  private static int messages(JdbcTemplate jdbc) {
    Integer count = jdbc.queryForObject(
        "select count(*) from outbox_message where kind in ('DEADLINE_REMINDER', 'DEADLINE_ESCALATION')", Integer.class);
    return count == null ? 0 : count;
  }
}
