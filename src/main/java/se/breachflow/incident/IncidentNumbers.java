package se.breachflow.incident;

import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import se.breachflow.shared.Times;

/**
 * Hands out incident numbers {@code PUI-<year>-<nnnn>}: per calendar year in Stockholm, never reused, safe
 * when several requests or nodes report at once. The counter row is updated in the caller's transaction, so
 * its row lock serialises numbering and a rolled-back report leaves no gap; the year's row is created in a
 * transaction of its own, because a failed insert would poison the caller's (PostgreSQL).
 */
@Component
public class IncidentNumbers {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate newTransaction;

  public IncidentNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.newTransaction = new TransactionTemplate(transactionManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public String next(Instant reportedAt) {
    int year = reportedAt.atZone(Times.STOCKHOLM).getYear();
    if (increment(year) == 0) {
      createYear(year);
      if (increment(year) == 0) {
        throw new IllegalStateException("The incident number sequence for " + year + " could not be created");
      }
    }
    Integer value = jdbc.queryForObject(
        "select last_value from incident_number_sequence where number_year = ?", Integer.class, year);
    return format(year, value);
  }

  static String format(int year, int sequence) {
    return String.format("PUI-%d-%04d", year, sequence);
  }

  private int increment(int year) {
    return jdbc.update("update incident_number_sequence set last_value = last_value + 1 where number_year = ?", year);
  }

  private void createYear(int year) {
    try {
      newTransaction.executeWithoutResult(status -> jdbc.update(
          "insert into incident_number_sequence (number_year, last_value) values (?, 0)", year));
    } catch (DuplicateKeyException createdByAnotherRequest) {
      // Another request created the year's row first; incrementing it is all that is needed.
    }
  }
}
