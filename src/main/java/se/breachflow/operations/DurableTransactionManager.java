package se.breachflow.operations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * The application's (and the engine's) transaction manager: on an H2 database in a file, a transaction that
 * changed something is on the disk before its commit returns, so that nothing acknowledged (a report's 201, a
 * completed task) is lost to {@code kill -9} or a power cut (issue 16, docs/adr/0007).
 *
 * <p>H2 (MVStore) keeps commits in memory and writes them every {@code WRITE_DELAY} ms (default 500): a killed
 * JVM loses the last half second of acknowledged commits, and their incident numbers are handed out again. H2
 * never calls fsync on commit. So every commit that changed something is followed by {@code CHECKPOINT SYNC}:
 * H2 writes what is unsaved and forces the file to the device ({@code FileChannel.force}). {@code WRITE_DELAY}
 * stays at H2's default: with 0, H2 runs no background writer, which also does its housekeeping, and the file
 * stays large after close. Concurrent commits share one sync ({@link SharedSync}). See README "Durability, a full
 * disk" for the cost. PostgreSQL needs none of this: with its defaults ({@code fsync}, {@code synchronous_commit}
 * on) a commit returns after the WAL is flushed.
 */
class DurableTransactionManager extends JdbcTransactionManager {

  private static final Logger log = LoggerFactory.getLogger(DurableTransactionManager.class);

  private final boolean syncH2;
  private final SharedSync sharedSync = new SharedSync();

  DurableTransactionManager(DataSource dataSource) {
    super(dataSource);
    this.syncH2 = prepare(dataSource);
  }

  /** Whether commits are followed by {@code CHECKPOINT SYNC}: only on H2 with a file (or server) behind it. */
  boolean syncsCommits() {
    return syncH2;
  }

  @Override
  protected void doCommit(DefaultTransactionStatus status) {
    if (!syncH2) {
      super.doCommit(status);
      return;
    }
    // Also for read-only transactions: H2 does not enforce Spring's read-only flag, so ask what changed.
    Connection connection = ((JdbcTransactionObjectSupport) status.getTransaction()).getConnectionHolder().getConnection();
    boolean changed = hasChanges(connection);
    super.doCommit(status);
    if (changed) {
      try {
        sharedSync.afterCommit(() -> checkpointSync(connection));
      } catch (SQLException e) {
        // Committed, but not known to be on the disk: the caller must not acknowledge it as stored.
        throw new TransactionSystemException("H2 committed the transaction but could not sync it to the disk", e);
      }
    }
  }

  /**
   * H2's {@code TRANSACTION_ID()} is NULL while the transaction has changed nothing: most transactions (logins,
   * reads) then commit without a sync. When it cannot be asked, the sync is done (and reports what is wrong).
   */
  private static boolean hasChanges(Connection connection) {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select transaction_id()")) {
      return !result.next() || result.getString(1) != null;
    } catch (SQLException e) {
      return true;
    }
  }

  static boolean isH2WithFile(String url) {
    return url != null && url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
  }

  /**
   * On H2 with a file, syncs once: a database user without the admin right that {@code CHECKPOINT SYNC} needs
   * stops the start, rather than every commit after it.
   */
  private static boolean prepare(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      String url = connection.getMetaData().getURL();
      if (url != null && url.startsWith("jdbc:postgresql:")) {
        warnIfPostgresMayLoseCommits(connection);
      }
      if (!isH2WithFile(url)) {
        return false;
      }
      try {
        checkpointSync(connection);
      } catch (SQLException e) {
        throw new IllegalStateException("Could not make the H2 database durable: CHECKPOINT SYNC needs a database "
            + "user with admin rights, such as the one that created the database (" + e.getMessage() + ")", e);
      }
      log.info("H2 database {}: every commit that changes data is written and synced to the disk before it "
          + "returns (CHECKPOINT SYNC)", url);
      return true;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not connect to the database: " + e.getMessage(), e);
    }
  }

  /**
   * PostgreSQL is durable with its defaults; a server set to {@code fsync = off} or {@code synchronous_commit = off}
   * acknowledges commits that a crash of the server (or a power cut) loses. Said once, loudly, at start.
   */
  private static void warnIfPostgresMayLoseCommits(Connection connection) {
    for (String setting : new String[] {"fsync", "synchronous_commit"}) {
      try (Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery("show " + setting)) {
        if (result.next() && "off".equalsIgnoreCase(result.getString(1))) {
          log.warn("PostgreSQL runs with {} = off: commits acknowledged to users can be lost when the database "
              + "server crashes or loses power. Set it to on (the default).", setting);
        }
      } catch (SQLException e) {
        log.info("Could not read PostgreSQL's setting {}: {}", setting, e.getMessage());
      }
    }
  }

  private static void checkpointSync(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CHECKPOINT SYNC");
    }
  }
}
