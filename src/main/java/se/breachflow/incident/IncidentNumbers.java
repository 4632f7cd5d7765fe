package se.breachflow.incident;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import se.breachflow.operations.SideTransactions;
import se.breachflow.shared.Times;

/**
 * Hands out incident numbers {@code PUI-<year>-<nnnn>}, and supplier incidents' {@code LEV-<year>-<nnnn>} from a
 * series of their own ({@link #nextSupplierIncident}): per calendar year in Stockholm, never twice, without gaps,
 * and without making reports wait for each other.
 *
 * <p>A number is taken in a short transaction of its own (the counter's row lock is held only for it, not for
 * the whole report: reports from several clients or nodes run side by side), and recorded there as reserved
 * ({@code number_reservation}). The report's own transaction deletes the reservation, so the number is used
 * exactly when the report commits. A reservation that is still there afterwards is a hole in the series: one
 * whose report rolled back is released at once, one whose node died before committing after
 * {@link #ABANDONED_AFTER}; the next report takes the lowest such hole before it counts on. Numbers therefore
 * run in the order they were reserved, except that a hole is filled by a later report. The short transactions
 * run on a pool of their own ({@link SideTransactions}), so that reports waiting for a number never starve the
 * pool they hold their own connection from; when that pool has no connection to give, the caller's transaction
 * counts as before (the counter's lock then held to its commit).
 */
@Component
public class IncidentNumbers {

  private static final Logger LOG = LoggerFactory.getLogger(IncidentNumbers.class);
  /** Bound to a transaction that counted in its own connection (and so holds the counter's lock). */
  private static final Object COUNTED_HERE = new Object();

  /**
   * How long a reservation may wait for its report's commit before it counts as abandoned (its node died):
   * far longer than any report's transaction may take (the API's requests time out well before).
   */
  static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);
  /** The reserved time of a reservation whose report rolled back: free at once. */
  private static final Instant RELEASED = Instant.EPOCH;

  private final JdbcTemplate jdbc;
  private final SideTransactions side;

  public IncidentNumbers(JdbcTemplate jdbc, SideTransactions side) {
    this.jdbc = jdbc;
    this.side = side;
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

  /** The next {@code PUI-<year>-<nnnn>}, used when the caller's transaction commits. */
  public String next(Instant reportedAt) {
    return next(Series.INCIDENT, reportedAt);
  }

  /** The next {@code LEV-<year>-<nnnn>}. */
  public String nextSupplierIncident(Instant reportedAt) {
    return next(Series.SUPPLIER_INCIDENT, reportedAt);
  }

  private String next(Series series, Instant reportedAt) {
    int year = reportedAt.atZone(Times.STOCKHOLM).getYear();
    // Once a transaction counted in its own connection (below), it holds the counter's lock: a side transaction
    // would wait for it, so the rest of its numbers are counted the same way.
    if (!TransactionSynchronizationManager.hasResource(COUNTED_HERE)) {
      for (int attempt = 0; attempt < 3; attempt++) {
        Optional<Reservation> reserved = side.run(numbering -> reserve(numbering, series, year));
        if (reserved.isEmpty()) {
          break;
        }
        if (use(reserved.get())) {
          return format(series.prefix, year, reserved.get().value());
        }
        // Taken over as abandoned while this report was slow (it cannot have been: see ABANDONED_AFTER): another.
      }
    }
    if (TransactionSynchronizationManager.isSynchronizationActive()
        && !TransactionSynchronizationManager.hasResource(COUNTED_HERE)) {
      TransactionSynchronizationManager.bindResource(COUNTED_HERE, Boolean.TRUE);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int outcome) {
          TransactionSynchronizationManager.unbindResourceIfPossible(COUNTED_HERE);
        }
      });
    }
    // No side transaction to be had: the counter in the caller's transaction, its lock held to the commit.
    return format(series.prefix, year, count(jdbc, series, year));
  }

  /**
   * Uses the reservation in the caller's transaction: gone when it commits, back (and released) when it rolls
   * back. False if another report took it over in the meantime.
   */
  private boolean use(Reservation reservation) {
    if (jdbc.update("delete from number_reservation where series = ? and number_year = ? and number_value = ? "
        + "and reserved_at = ?", reservation.series().prefix, reservation.year(), reservation.value(),
        reservation.reservedAt()) != 1) {
      return false;
    }
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int outcome) {
          if (outcome != STATUS_COMMITTED) {
            release(reservation);
          }
        }
      });
    }
    return true;
  }

  /** A number reserved at a time of the database's clock (the same on every node). */
  private record Reservation(Series series, int year, int value, Timestamp reservedAt) {}

  /**
   * In its own transaction: the lowest hole of the year's series, or else the next value of its counter. Times
   * are the database's, so that nodes whose clocks differ agree on what is abandoned.
   */
  private static Reservation reserve(JdbcTemplate numbering, Series series, int year) {
    Timestamp now = numbering.queryForObject("select current_timestamp", Timestamp.class);
    Timestamp abandoned = Timestamp.from(now.toInstant().minus(ABANDONED_AFTER));
    List<Map<String, Object>> holes = numbering.queryForList("select number_value from number_reservation "
        + "where series = ? and number_year = ? and reserved_at < ? order by number_value",
        series.prefix, year, abandoned);
    for (Map<String, Object> hole : holes) {
      int value = ((Number) hole.get("number_value")).intValue();
      // Taken only if no other report took it in the meantime (its reserved time would have changed).
      if (numbering.update("update number_reservation set reserved_at = ? where series = ? and number_year = ? "
          + "and number_value = ? and reserved_at < ?", now, series.prefix, year, value, abandoned) == 1) {
        return new Reservation(series, year, value, now);
      }
    }
    int value = count(numbering, series, year);
    numbering.update("insert into number_reservation (series, number_year, number_value, reserved_at) values (?, ?, ?, ?)",
        series.prefix, year, value, now);
    return new Reservation(series, year, value, now);
  }

  /** The counter's next value, in the given connection's transaction. */
  private static int count(JdbcTemplate jdbc, Series series, int year) {
    if (increment(jdbc, series, year) == 0) {
      createYear(jdbc, series, year);
      if (increment(jdbc, series, year) == 0) {
        throw new IllegalStateException("The number sequence " + series + " for " + year + " could not be created");
      }
    }
    return jdbc.queryForObject("select last_value from " + series.table + " where number_year = ?", Integer.class,
        year);
  }

  /** The number of a report that rolled back is free for the next one at once (if it is still this report's). */
  private void release(Reservation reservation) {
    String number = format(reservation.series().prefix, reservation.year(), reservation.value());
    try {
      if (side.run(numbering -> numbering.update("update number_reservation set reserved_at = ? where series = ? "
          + "and number_year = ? and number_value = ? and reserved_at = ?", Timestamp.from(RELEASED),
          reservation.series().prefix, reservation.year(), reservation.value(), reservation.reservedAt())).isEmpty()) {
        LOG.warn("Could not release {} at once: it is reused after {}", number, ABANDONED_AFTER);
      }
    } catch (RuntimeException notNow) {
      // The reservation stays; it is taken as abandoned after ABANDONED_AFTER, so the series still has no gap.
      LOG.warn("Could not release {} at once: it is reused after {}", number, ABANDONED_AFTER, notNow);
    }
  }

  static String format(int year, int sequence) {
    return format(Series.INCIDENT.prefix, year, sequence);
  }

  private static String format(String prefix, int year, int sequence) {
    return String.format("%s-%d-%04d", prefix, year, sequence);
  }

  private static int increment(JdbcTemplate numbering, Series series, int year) {
    return numbering.update("update " + series.table + " set last_value = last_value + 1 where number_year = ?", year);
  }

  /**
   * Creates the year's row, in a savepoint: a failed insert (another report created it first) would otherwise
   * poison the transaction (PostgreSQL).
   */
  private static void createYear(JdbcTemplate jdbc, Series series, int year) {
    jdbc.execute((java.sql.Connection connection) -> {
      java.sql.Savepoint before = connection.setSavepoint();
      try (var insert = connection.prepareStatement(
          "insert into " + series.table + " (number_year, last_value) values (?, 0)")) {
        insert.setInt(1, year);
        insert.executeUpdate();
        connection.releaseSavepoint(before);
      } catch (java.sql.SQLException createdByAnotherReport) {
        // Another report created the year's row first; incrementing it is all that is needed.
        connection.rollback(before);
      }
      return null;
    });
  }
}
