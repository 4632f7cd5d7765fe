package se.breachflow.supplier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import se.breachflow.incident.RecordColumns;
import se.breachflow.supplier.SupplierIncident.SupplierFacts;

/** The table supplier_incident (V12); the link from each case is incident.supplier_incident_number. */
@Repository
class SupplierIncidentRepository {

  /** The shared facts' columns: one per component of SupplierFacts, by name. */
  private static final RecordColumns<SupplierFacts> FACTS = RecordColumns.of(SupplierFacts.class);

  /** A row: the facts and who registered and last corrected them. */
  record Row(String number, SupplierFacts facts, String reportedBy, Instant reportedAt, String correctedBy,
      Instant correctedAt) {}

  private final NamedParameterJdbcTemplate jdbc;

  SupplierIncidentRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(String number, SupplierFacts facts, String reportedBy, Instant reportedAt) {
    jdbc.update("insert into supplier_incident (number, reported_by, reported_at, " + FACTS.columns()
        + ") values (:number, :by, :at, " + FACTS.parameters() + ")", FACTS.write(facts, new MapSqlParameterSource()
            .addValue("number", number).addValue("by", reportedBy).addValue("at", time(reportedAt))));
  }

  /**
   * Replaces the personal data of the supplier incidents whose every linked case has had its personal data
   * removed (retention) by the marker.
   */
  int removePersonalData(String marker) {
    String assignments = SupplierIncidents.PERSONAL_DATA.stream()
        .map(column -> column + " = case when " + column + " is null then null else :marker end")
        .collect(java.util.stream.Collectors.joining(", "));
    return jdbc.update("update supplier_incident s set " + assignments + " " + """
         where s.description <> :marker
           and exists (select 1 from incident i where i.supplier_incident_number = s.number)
           and not exists (select 1 from incident i where i.supplier_incident_number = s.number
                             and i.personal_data_removed_at is null)""", new MapSqlParameterSource("marker", marker));
  }

  void correct(String number, SupplierFacts facts, String correctedBy, Instant correctedAt) {
    jdbc.update("update supplier_incident set corrected_by = :by, corrected_at = :at, " + FACTS.assignments()
        + " where number = :number", FACTS.write(facts, new MapSqlParameterSource()
            .addValue("number", number).addValue("by", correctedBy).addValue("at", time(correctedAt))));
  }

  /** The row, locked for the rest of the transaction (a correction and an added controller wait for each other). */
  Optional<Row> findForUpdate(String number) {
    return jdbc.query("select * from supplier_incident where number = :number for update",
        new MapSqlParameterSource("number", number), (rs, i) -> row(rs)).stream().findFirst();
  }

  Optional<Row> find(String number) {
    return jdbc.query("select * from supplier_incident where number = :number",
        new MapSqlParameterSource("number", number), (rs, i) -> row(rs)).stream().findFirst();
  }

  /** Every supplier incident, newest first, with at most {@code limit} rows. */
  List<Row> newest(int limit) {
    return jdbc.query("select * from supplier_incident order by reported_at desc, number desc fetch first "
        + limit + " rows only", new MapSqlParameterSource(), (rs, i) -> row(rs));
  }

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(rs.getString("number"), FACTS.read(rs), rs.getString("reported_by"), instant(rs, "reported_at"),
        rs.getString("corrected_by"), instant(rs, "corrected_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
