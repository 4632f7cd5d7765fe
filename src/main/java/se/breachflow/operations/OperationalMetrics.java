package se.breachflow.operations;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import se.breachflow.shared.Times;

/**
 * What operations watch (Prometheus: {@code /actuator/prometheus}): open incidents, incidents near their
 * IMY deadline, the outbox backlog and failed jobs. Each is counted in the database when scraped, so every
 * node of a cluster reports the same figure; "near" is measured by the application's clock (the engine's), not
 * the database server's.
 */
@Component
public class OperationalMetrics implements MeterBinder {

  private static final String OPEN = "status not in ('CLOSED', 'CLOSED_NOT_A_BREACH')";
  private static final Duration NEAR_DEADLINE = Duration.ofHours(24);

  private final JdbcTemplate jdbc;

  public OperationalMetrics(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    gauge(registry, "breachflow.incidents.open", "Incidents not yet closed",
        () -> count("select count(*) from incident where " + OPEN));
    gauge(registry, "breachflow.incidents.near.deadline",
        "Open incidents within 24 hours of their IMY deadline, neither notified nor decided not to notify",
        () -> count("select count(*) from incident where " + OPEN + " and imy_case_number is null"
            + " and (notify_imy is null or notify_imy = true) and late = false"
            + " and authority_deadline <= ?", Times.now().plus(NEAR_DEADLINE).atOffset(ZoneOffset.UTC)));
    gauge(registry, "breachflow.incidents.late.open", "Open incidents that passed their IMY deadline",
        () -> count("select count(*) from incident where " + OPEN + " and late = true"));
    gauge(registry, "breachflow.outbox.backlog", "Messages waiting to be sent",
        () -> count("select count(*) from outbox_message where status = 'PENDING'"));
    gauge(registry, "breachflow.outbox.failed", "Messages given up after their retries",
        () -> count("select count(*) from outbox_message where status = 'FAILED'"));
    gauge(registry, "breachflow.jobs.failed", "Engine jobs out of retries (incidents in Cockpit)",
        () -> count("select count(*) from act_ru_job where retries_ = 0"));
  }

  private static void gauge(MeterRegistry registry, String name, String description, Supplier<Number> value) {
    Gauge.builder(name, value).description(description).register(registry);
  }

  private long count(String sql, Object... arguments) {
    Long count = jdbc.queryForObject(sql, Long.class, arguments);
    return count == null ? 0 : count;
  }
}
