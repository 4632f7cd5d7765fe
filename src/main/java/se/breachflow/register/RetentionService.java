package se.breachflow.register;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.breachflow.incident.IncidentRepository;

import se.breachflow.organisation.ControllerRegistry;
import se.breachflow.supplier.SupplierIncidents;
import se.breachflow.organisation.DataController;
import se.breachflow.shared.Times;

/**
 * Gallring: removes the personal data of incidents closed longer ago than their controller's retention
 * period. Free texts and names are replaced by a marker; counts, categories, times and decisions stay, so
 * the statistics do not change. The engine's history of those process instances is deleted, and so are the
 * old values in the audit trail. Every run is logged (table retention_run and the application log).
 */
@Service
public class RetentionService {

  /** What replaces removed personal data. */
  public static final String MARKER = "[Gallrad]";
  /** Runs of the schedule closer together than this are one run started on several nodes. */
  static final Duration ONE_RUN = Duration.ofMinutes(10);

  private static final Logger LOG = LoggerFactory.getLogger(RetentionService.class);

  private final NamedParameterJdbcTemplate jdbc;
  private final ProcessHistory history;
  private final ControllerRegistry controllers;
  private final RetentionSettings settings;
  private final SupplierIncidents suppliers;

  public RetentionService(NamedParameterJdbcTemplate jdbc, ProcessHistory history, ControllerRegistry controllers,
      RetentionSettings settings, SupplierIncidents suppliers) {
    this.jdbc = jdbc;
    this.history = history;
    this.controllers = controllers;
    this.settings = settings;
    this.suppliers = suppliers;
  }

  /**
   * The nightly run, once for all nodes: the first node to claim it runs it; the others, waiting on the row lock
   * or coming later, find it claimed and skip. (Called through the Spring proxy, so this is one transaction.)
   */
  @Scheduled(cron = "${breachflow.retention.cron:0 30 2 * * *}", zone = "Europe/Stockholm")
  @Transactional
  public void scheduled() {
    Instant now = Times.now();
    OffsetDateTime lastRun = jdbc.queryForObject(
        "select last_run_at from scheduled_run where name = 'retention' for update", new MapSqlParameterSource(),
        OffsetDateTime.class);
    if (lastRun != null && lastRun.toInstant().isAfter(now.minus(ONE_RUN))) {
      LOG.info("Retention run skipped: another node ran it at {}", lastRun);
      return;
    }
    jdbc.update("update scheduled_run set last_run_at = :now where name = 'retention'",
        new MapSqlParameterSource("now", now.atOffset(ZoneOffset.UTC)));
    run(settings.dryRun(), null);
  }

  /** Runs retention now; with dryRun nothing changes, the run only lists what would go. */
  @Transactional
  public RetentionRun run(boolean dryRun, String runBy) {
    Instant now = Times.now();
    List<String> due = new ArrayList<>();
    for (DataController controller : controllers.all()) {
      Instant closedBefore = now.atZone(Times.STOCKHOLM).minus(periodOf(controller)).toInstant();
      due.addAll(jdbc.queryForList("""
          select number from incident where controller_id = :controller and closed_at < :before
            and personal_data_removed_at is null order by number""", new MapSqlParameterSource()
          .addValue("controller", controller.id())
          .addValue("before", closedBefore.atOffset(ZoneOffset.UTC)), String.class));
    }
    if (!dryRun && !due.isEmpty()) {
      remove(due, now);
    }
    jdbc.update("""
        insert into retention_run (run_at, run_by, dry_run, incident_count, incident_numbers)
        values (:at, :by, :dryRun, :count, :numbers)""", new MapSqlParameterSource()
        .addValue("at", now.atOffset(ZoneOffset.UTC))
        .addValue("by", runBy)
        .addValue("dryRun", dryRun)
        .addValue("count", due.size())
        .addValue("numbers", String.join(",", due)));
    LOG.info("Retention run{}: {} incident(s) {}: {}", dryRun ? " (dry run)" : "", due.size(),
        dryRun ? "would have their personal data removed" : "had their personal data removed", due);
    return new RetentionRun(now, runBy, dryRun, due);
  }

  /**
   * The controller's own period (stored, set by an administrator), else the configured one for its id, else the
   * default.
   */
  public java.time.Period periodOf(DataController controller) {
    return controller.retentionPeriod() != null ? controller.retentionPeriod() : settings.periodFor(controller.id());
  }

  public List<RetentionRun> runs() {
    return jdbc.query("select * from retention_run order by id desc", new MapSqlParameterSource(),
        (rs, row) -> new RetentionRun(rs.getObject("run_at", OffsetDateTime.class).toInstant(),
            rs.getString("run_by"), rs.getBoolean("dry_run"),
            rs.getString("incident_numbers").isEmpty() ? List.of()
                : Arrays.asList(rs.getString("incident_numbers").split(","))));
  }

  private void remove(List<String> numbers, Instant now) {
    MapSqlParameterSource parameters = new MapSqlParameterSource()
        .addValue("numbers", numbers)
        .addValue("marker", MARKER)
        .addValue("now", now.atOffset(ZoneOffset.UTC));
    jdbc.update("update incident set personal_data_removed_at = :now, " + marked(IncidentRepository.PERSONAL_DATA)
        + " where number in (:numbers)", parameters);
    jdbc.update("update incident_assessment set " + marked(IncidentRepository.ASSESSMENT_PERSONAL_DATA)
        + " where incident_number in (:numbers)", parameters);
    // A filed document repeats the record (docs/adr/0012): its content goes, its row and hash stay.
    jdbc.update("""
        update incident_document set content = null, snapshot = null, removed_at = :now,
          filed_by = case when filed_by is null then null else :marker end
        where incident_number in (:numbers) and removed_at is null""", parameters);
    // The trail's old and new values repeat the texts: keep who changed which field when, not what it said.
    jdbc.update("""
        update incident_audit set old_value = case when old_value is null then null else :marker end,
          new_value = case when new_value is null then null else :marker end,
          changed_by = case when changed_by is null then null else :marker end
        where incident_number in (:numbers)""", parameters);
    List<String> instances = jdbc.queryForList(
        "select process_instance_id from incident where number in (:numbers) and process_instance_id is not null",
        parameters, String.class);
    if (!instances.isEmpty()) {
      history.delete(instances);
    }
    suppliers.removePersonalDataOfRemovedCases(MARKER);
  }

  /** {@code a = <marker unless null>, b = ...}: each column's value replaced by the marker. */
  private static String marked(List<String> columns) {
    return columns.stream().map(column -> column + " = case when " + column + " is null then null else :marker end")
        .collect(Collectors.joining(", "));
  }
}
