package se.breachflow.operations;

import java.util.Optional;
import java.util.function.Function;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Short transactions of their own, beside the caller's, on a small connection pool of their own: what the
 * incident numbers need ({@code incident/IncidentNumbers}). A report's transaction, holding a connection of the
 * main pool, reserves its number in such a transaction. Were its connection taken from the main pool, reports
 * that each hold one and wait for a second could starve it (every connection held, none given back); this pool's
 * connections are only ever held for one short transaction, so they come back.
 *
 * <p>Same database and settings as {@code spring.datasource} (the H2 eviction rule included). Its commits are
 * not synced on H2 by themselves: the caller's commit, which is ({@link DurableTransactionManager}), comes after
 * and makes them durable with it (H2 writes its file in order); what an unsynced side transaction loses in a
 * crash was used by no acknowledged report.
 */
@Component
public class SideTransactions implements DisposableBean {

  static final int CONNECTIONS = 2;
  private static final java.time.Duration CONNECTION_TIMEOUT = java.time.Duration.ofSeconds(2);
  private static final java.time.Duration LOCK_TIMEOUT = java.time.Duration.ofSeconds(1);
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SideTransactions.class);

  private final HikariDataSource pool;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  public SideTransactions(DataSourceProperties properties, Environment environment) {
    pool = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(pool));
    pool.setPoolName("side-transactions");
    pool.setMaximumPoolSize(CONNECTIONS);
    pool.setMinimumIdle(0);
    // Not long: the caller's transaction takes over (run).
    pool.setConnectionTimeout(Math.min(pool.getConnectionTimeout(), CONNECTION_TIMEOUT.toMillis()));
    // A side transaction never waits long for a row lock either: were the counter's row held by a caller's
    // transaction (the fallback below), side transactions would otherwise hold this pool's connections for as
    // long, and every report would wait for one.
    String url = String.valueOf(pool.getJdbcUrl());
    if (url.startsWith("jdbc:postgresql:")) {
      pool.setConnectionInitSql("set lock_timeout = '" + LOCK_TIMEOUT.toMillis() + "ms'");
    } else if (url.startsWith("jdbc:h2:")) {
      pool.setConnectionInitSql("set lock_timeout " + LOCK_TIMEOUT.toMillis());
    }
    jdbc = new JdbcTemplate(pool);
    transaction = new TransactionTemplate(new DataSourceTransactionManager(pool));
    transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Runs the work in a transaction of its own, committed when it returns (rolled back if it throws); empty when
   * this pool has no connection to give within {@link #CONNECTION_TIMEOUT}. That happens on H2 after a full
   * disk: H2 reopens its database only when the last connection to the closed one is gone, and until then
   * refuses every new connection ("Database may be already in use") while the connections already open work;
   * the caller then does the work in its own transaction, as it would without this class. Also empty when a
   * row the work needs stays locked longer than {@link #LOCK_TIMEOUT} (by a caller that took that way).
   */
  public <T> Optional<T> run(Function<JdbcTemplate, T> work) {
    try {
      return Optional.ofNullable(transaction.execute(status -> work.apply(jdbc)));
    } catch (CannotCreateTransactionException noConnection) {
      LOG.warn("No connection for a side transaction ({}): the caller's transaction does the work",
          noConnection.getMostSpecificCause().toString());
      return Optional.empty();
    } catch (PessimisticLockingFailureException lockedByACaller) {
      LOG.warn("A side transaction waited too long for a lock ({}): the caller's transaction does the work",
          lockedByACaller.getMostSpecificCause().toString());
      return Optional.empty();
    }
  }

  @Override
  public void destroy() {
    pool.close();
  }
}
