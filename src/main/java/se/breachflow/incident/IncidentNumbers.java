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
 * Hands out incident numbers {@code PUI-<year>-<nnnn>}, and supplier incidents' {@code LEV-<year>-<nnnn>} from a
 * series of their own ({@link #nextSupplierIncident}): per calendar year in Stockholm, never reused, safe
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

  /** A series of numbers: its prefix and the table that counts it. */
  private enum Series {
    INCIDENT("PUI", "incident_number_sequence"),
    SUPPLIER_INCIDENT("LEV", "supplier_incident_number_sequence");

    private final String prefix;
    private final String table;

    Series(String prefix, String table) {
      this.prefix = prefix;
      this.table = table;
    }
  }

  public String next(Instant reportedAt) {
    return next(Series.INCIDENT, reportedAt);
  }

  /** The next {@code LEV-<year>-<nnnn>}. */
  public String nextSupplierIncident(Instant reportedAt) {
    return next(Series.SUPPLIER_INCIDENT, reportedAt);
  }

  private String next(Series series, Instant reportedAt) {
    int year = reportedAt.atZone(Times.STOCKHOLM).getYear();
    if (increment(series, year) == 0) {
      createYear(series, year);
      if (increment(series, year) == 0) {
        throw new IllegalStateException("The number sequence " + series + " for " + year + " could not be created");
      }
    }
    Integer value = jdbc.queryForObject(
        "select last_value from " + series.table + " where number_year = ?", Integer.class, year);
    return format(series.prefix, year, value);
  }

  static String format(int year, int sequence) {
    return format(Series.INCIDENT.prefix, year, sequence);
  }

  private static String format(String prefix, int year, int sequence) {
    return String.format("%s-%d-%04d", prefix, year, sequence);
  }

  private int increment(Series series, int year) {
    return jdbc.update("update " + series.table + " set last_value = last_value + 1 where number_year = ?", year);
  }

  private void createYear(Series series, int year) {
    try {
      newTransaction.executeWithoutResult(status -> jdbc.update(
          "insert into " + series.table + " (number_year, last_value) values (?, 0)", year));
    } catch (DuplicateKeyException createdByAnotherRequest) {
      // Another request created the year's row first; incrementing it is all that is needed.
    }
  }
}
