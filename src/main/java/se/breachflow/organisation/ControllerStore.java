package se.breachflow.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The controllers' table ({@code controller}, Flyway V14), its version row and its audit trail. Every change takes
 * the version row's lock first, so that changes (and the seeding of nodes starting together) happen one at a time,
 * and gives the row a new value, so that every node's {@link ControllerRegistry} sees its copy is old.
 */
@Repository
public class ControllerStore {

  private static final Logger LOG = LoggerFactory.getLogger(ControllerStore.class);

  private final JdbcTemplate jdbc;
  private final ObjectMapper json = new ObjectMapper();

  public ControllerStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The version of the table: changes with every change of a controller. */
  String version() {
    return jdbc.queryForObject("select version from controller_version where id = 1", String.class);
  }

  /** Every controller, in the order they were added (the configuration's order for the seeded ones). */
  List<DataController> all() {
    return jdbc.query("select * from controller order by position, id", ControllerStore::controller);
  }

  /**
   * Writes the controller as given: true when it is new (false for a change, or when nothing changed, which is not
   * audited). Audited with who made the change; null is the configuration.
   */
  @Transactional
  public boolean save(DataController controller, String changedBy, Instant now) {
    lock();
    Optional<DataController> before = jdbc.query("select * from controller where id = ?",
        ControllerStore::controller, controller.id()).stream().findFirst();
    if (before.isEmpty()) {
      Integer last = jdbc.queryForObject("select max(position) from controller", Integer.class);
      jdbc.update("""
          insert into controller (id, position, name, organisation_number, postal_address, dpo_name, dpo_email,
            dpo_phone, retention_period, changed_at, changed_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
          controller.id(), last == null ? 0 : last + 1, controller.name(), controller.organisationNumber(),
          controller.postalAddress(), dpo(controller).name(), dpo(controller).email(), dpo(controller).phone(),
          period(controller), now.atOffset(ZoneOffset.UTC), changedBy);
    } else if (!before.get().equals(controller)) {
      jdbc.update("""
          update controller set name = ?, organisation_number = ?, postal_address = ?, dpo_name = ?, dpo_email = ?,
            dpo_phone = ?, retention_period = ?, changed_at = ?, changed_by = ? where id = ?""",
          controller.name(), controller.organisationNumber(), controller.postalAddress(), dpo(controller).name(),
          dpo(controller).email(), dpo(controller).phone(), period(controller), now.atOffset(ZoneOffset.UTC),
          changedBy, controller.id());
    } else {
      return false;
    }
    jdbc.update("""
        insert into controller_audit (controller_id, changed_at, changed_by, change_kind, old_values, new_values)
        values (?, ?, ?, ?, ?, ?)""", controller.id(), now.atOffset(ZoneOffset.UTC), changedBy,
        before.isEmpty() ? "CREATED" : "CHANGED", before.map(this::values).orElse(null), values(controller));
    jdbc.update("update controller_version set version = ? where id = 1", UUID.randomUUID().toString());
    LOG.info("Controller {} {} by {}", controller.id(), before.isEmpty() ? "created" : "changed",
        changedBy == null ? "the configuration" : changedBy);
    return before.isEmpty();
  }

  /** The configured controllers whose ids are not in the table yet, added in their order; the rest stay as stored. */
  @Transactional
  public List<String> seed(List<DataController> configured, Instant now) {
    lock();
    List<String> stored = jdbc.queryForList("select id from controller", String.class);
    return configured.stream().filter(controller -> !stored.contains(controller.id()))
        .map(controller -> {
          save(controller, null, now);
          return controller.id();
        }).toList();
  }

  private void lock() {
    jdbc.queryForObject("select version from controller_version where id = 1 for update", String.class);
  }

  private String values(DataController controller) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("name", controller.name());
    values.put("organisationNumber", controller.organisationNumber());
    values.put("postalAddress", controller.postalAddress());
    values.put("dpoName", dpo(controller).name());
    values.put("dpoEmail", dpo(controller).email());
    values.put("dpoPhone", dpo(controller).phone());
    values.put("retentionPeriod", period(controller));
    try {
      return json.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static DataController.Dpo dpo(DataController controller) {
    return controller.dpo() == null ? new DataController.Dpo(null, null, null) : controller.dpo();
  }

  private static String period(DataController controller) {
    return controller.retentionPeriod() == null ? null : controller.retentionPeriod().toString();
  }

  private static DataController controller(ResultSet rs, int row) throws SQLException {
    String period = rs.getString("retention_period");
    String dpoName = rs.getString("dpo_name");
    String dpoEmail = rs.getString("dpo_email");
    String dpoPhone = rs.getString("dpo_phone");
    DataController.Dpo dpo = dpoName == null && dpoEmail == null && dpoPhone == null ? null
        : new DataController.Dpo(dpoName, dpoEmail, dpoPhone);
    return new DataController(rs.getString("id"), rs.getString("name"), rs.getString("organisation_number"),
        rs.getString("postal_address"), dpo, period == null ? null : Period.parse(period));
  }
}
