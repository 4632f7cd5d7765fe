package se.breachflow.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import se.breachflow.access.CurrentUser;
import se.breachflow.shared.Times;

/** The audit trail: every change to an incident's fields, with who and when, in the project's own table. */
@Component
public class IncidentAudit {

  /** The field name of the entry written when an incident is registered. */
  public static final String REGISTERED = "registered";

  private final NamedParameterJdbcTemplate jdbc;
  private final CurrentUser currentUser;

  public IncidentAudit(NamedParameterJdbcTemplate jdbc, CurrentUser currentUser) {
    this.jdbc = jdbc;
    this.currentUser = currentUser;
  }

  void registered(Incident incident) {
    write(incident.number(), incident.reporterId(), REGISTERED, null, incident.number());
  }

  /** Writes one entry per field whose value differs between the two snapshots (in one batch). */
  void changed(String number, Map<String, String> before, Map<String, String> after) {
    Set<String> names = new LinkedHashSet<>(before.keySet());
    names.addAll(after.keySet());
    String by = currentUser.idOrNull();
    List<MapSqlParameterSource> entries = new ArrayList<>();
    for (String name : names) {
      String old = before.get(name);
      String now = after.get(name);
      if (!Objects.equals(old, now)) {
        entries.add(entry(number, by, name, old, now));
      }
    }
    if (!entries.isEmpty()) {
      jdbc.batchUpdate(INSERT, entries.toArray(MapSqlParameterSource[]::new));
    }
  }

  /**
   * Writes one entry that no field of the record shows: e.g. that a supplier's correction reached a case that
   * had already notified IMY, and what it said.
   */
  public void note(String number, String field, String oldValue, String newValue) {
    write(number, currentUser.idOrNull(), field, oldValue, newValue);
  }

  public List<AuditEntry> trail(String number) {
    return jdbc.query("select * from incident_audit where incident_number = :number order by id",
        new MapSqlParameterSource("number", number), (rs, row) -> entry(rs));
  }

  private static final String INSERT = """
      insert into incident_audit (incident_number, changed_at, changed_by, field, old_value, new_value)
      values (:number, :at, :by, :field, :old, :new)""";

  private void write(String number, String by, String field, String oldValue, String newValue) {
    jdbc.update(INSERT, entry(number, by, field, oldValue, newValue));
  }

  private static MapSqlParameterSource entry(String number, String by, String field, String oldValue,
      String newValue) {
    return new MapSqlParameterSource()
        .addValue("number", number)
        .addValue("at", Times.now().atOffset(ZoneOffset.UTC))
        .addValue("by", by)
        .addValue("field", field)
        .addValue("old", oldValue)
        .addValue("new", newValue);
  }

  private static AuditEntry entry(ResultSet rs) throws SQLException {
    Instant at = rs.getObject("changed_at", OffsetDateTime.class).toInstant();
    return new AuditEntry(at, rs.getString("changed_by"), rs.getString("field"), rs.getString("old_value"),
        rs.getString("new_value"));
  }
}
