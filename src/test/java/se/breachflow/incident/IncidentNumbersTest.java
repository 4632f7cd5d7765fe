package se.breachflow.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.breachflow.support.BreachflowTest;

/**
 * Incident numbers: per Stockholm year, consecutive, never twice, also when many report at once. The years are a
 * century ahead, so that no report of another test on the real clock shares their series.
 */
@BreachflowTest
class IncidentNumbersTest {

  @Autowired IncidentNumbers numbers;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcTemplate jdbc;

  @Test
  void shouldNeverHandOutANumberTwiceUnderConcurrentReports() throws Exception {
    Instant reportedAt = Instant.parse("2131-06-01T10:00:00Z");
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<String>> handedOut = new ArrayList<>();
    try {
      for (int i = 0; i < 80; i++) {
        Callable<String> report = () -> transaction.execute(status -> numbers.next(reportedAt));
        handedOut.add(pool.submit(report));
      }
      Set<String> distinct = new TreeSet<>();
      for (Future<String> number : handedOut) {
        distinct.add(number.get());
      }
      assertThat(distinct).hasSize(80).first().isEqualTo("PUI-2131-0001");
      assertThat(distinct).last().isEqualTo("PUI-2131-0080");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldGiveTheNumberOfARolledBackReportToTheNextReport() {
    Instant reportedAt = Instant.parse("2132-03-01T10:00:00Z");
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    String first = transaction.execute(status -> numbers.next(reportedAt));
    transaction.executeWithoutResult(status -> {
      numbers.next(reportedAt);
      status.setRollbackOnly();
    });
    String next = transaction.execute(status -> numbers.next(reportedAt));

    assertThat(first).isEqualTo("PUI-2132-0001");
    // The rolled-back number was never seen by anyone, so the sequence stays without gaps.
    assertThat(next).isEqualTo("PUI-2132-0002");
  }

  @Test
  void shouldCountTheYearInStockholm() {
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    // 23:30 UTC on New Year's Eve is already 00:30 on 1 January in Stockholm.
    String number = transaction.execute(status -> numbers.next(Instant.parse("2133-12-31T23:30:00Z")));
    assertThat(number).isEqualTo("PUI-2134-0001");
  }

  @Test
  void shouldFillTheHolesOfRolledBackReportsWhileReportsRunSideBySide() throws Exception {
    Instant reportedAt = Instant.parse("2135-04-01T10:00:00Z");
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<String>> reports = new ArrayList<>();
    try {
      for (int i = 0; i < 60; i++) {
        boolean rollsBack = i % 4 == 0;
        reports.add(pool.submit(() -> transaction.execute(status -> {
          String number = numbers.next(reportedAt);
          if (rollsBack) {
            status.setRollbackOnly();
            return null;
          }
          return number;
        })));
      }
      Set<String> committed = new TreeSet<>();
      for (Future<String> report : reports) {
        String number = report.get();
        if (number != null) {
          assertThat(committed.add(number)).as("handed out twice: " + number).isTrue();
        }
      }
      assertThat(committed).hasSize(45);
      // The 15 numbers of the rolled-back reports are holes that the next 15 reports fill, none beyond 60.
      for (int i = 0; i < 15; i++) {
        String filling = transaction.execute(status -> numbers.next(reportedAt));
        assertThat(committed.add(filling)).isTrue();
      }
      assertThat(committed).hasSize(60).first().isEqualTo("PUI-2135-0001");
      assertThat(committed).last().isEqualTo("PUI-2135-0060");
      String next = transaction.execute(status -> numbers.next(reportedAt));
      assertThat(next).isEqualTo("PUI-2135-0061");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldTakeTheNumberOfANodeThatDiedBeforeCommittingButNotOneStillInFlight() {
    Instant reportedAt = Instant.parse("2136-05-01T10:00:00Z");
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    String first = transaction.execute(status -> numbers.next(reportedAt));
    assertThat(first).isEqualTo("PUI-2136-0001");
    // As a node leaves them when it dies: 0002 reserved long ago, 0003 just now (its report still running).
    jdbc.update("update incident_number_sequence set last_value = 3 where number_year = 2136");
    jdbc.update("insert into number_reservation (series, number_year, number_value, reserved_at) values "
        + "('PUI', 2136, 2, ?), ('PUI', 2136, 3, ?)",
        Timestamp.from(Instant.now().minus(IncidentNumbers.ABANDONED_AFTER).minus(Duration.ofMinutes(1))),
        Timestamp.from(Instant.now()));

    String abandoned = transaction.execute(status -> numbers.next(reportedAt));
    String afterTheOneInFlight = transaction.execute(status -> numbers.next(reportedAt));
    assertThat(abandoned).isEqualTo("PUI-2136-0002");
    assertThat(afterTheOneInFlight).isEqualTo("PUI-2136-0004");
    // The one "in flight" was made up: out of the shared database again.
    jdbc.update("delete from number_reservation where number_year = 2136");
  }
}
