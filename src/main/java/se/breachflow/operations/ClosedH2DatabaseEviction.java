package se.breachflow.operations;

import java.sql.SQLException;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Tells the connection pool to drop a connection whose H2 database is closed or read-only. H2 closes the whole
 * database when a write fails (a full disk); its connections then fail every statement with "The database has
 * been closed", yet pass the pool's validity check, so without this every request fails until a restart. A
 * connection made afterwards opens the database again from its file, as after {@code kill -9}: once the disk
 * has room, the application works again (issue 16, point 8). Other errors go to the pool's own rules.
 * Configured as {@code spring.datasource.hikari.exception-override-class-name}.
 */
public class ClosedH2DatabaseEviction implements SQLExceptionOverride {

  /** H2's ErrorCode DATABASE_IS_CLOSED, DATABASE_CALLED_AT_SHUTDOWN, DATABASE_IS_READ_ONLY. */
  private static final int CLOSED = 90098;
  private static final int CLOSED_AT_SHUTDOWN = 90121;
  private static final int READ_ONLY = 90097;

  @java.lang.Override
  public Override adjudicate(SQLException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && isH2(sql) && (sql.getErrorCode() == CLOSED
          || sql.getErrorCode() == CLOSED_AT_SHUTDOWN || sql.getErrorCode() == READ_ONLY)) {
        return Override.MUST_EVICT;
      }
    }
    return Override.CONTINUE_EVICT;
  }

  private static boolean isH2(SQLException e) {
    return e.getClass().getName().startsWith("org.h2.");
  }
}
