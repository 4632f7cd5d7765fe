package se.breachflow.register;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import se.breachflow.incident.IncidentStatus;
import se.breachflow.web.Period;
import se.breachflow.web.Times;

/** Searches the register: filters, free text in number and description, newest first, paged. */
@Service
public class IncidentSearch {

  /** The filters; null means "any". */
  public record Filter(String status, String cause, String riskLevel, Boolean notified, Boolean late,
      Period period, String text) {}

  private static final String RISK_LEVEL = """
      (select a.risk_level from incident_assessment a where a.incident_number = i.number
         order by case a.kind when 'FINAL' then 0 else 1 end, a.id desc fetch first 1 rows only)""";
  /** Never NULL (three-valued logic would drop rows from "not late"). */
  private static final String LATE = """
      (i.late = true or (i.imy_submitted_at is not null and i.imy_submitted_at > i.authority_deadline)
        or (i.imy_case_number is null and (i.notify_imy is null or i.notify_imy = true)
            and i.status not in ('CLOSED', 'CLOSED_NOT_A_BREACH') and i.authority_deadline < :now))""";

  private final NamedParameterJdbcTemplate jdbc;

  public IncidentSearch(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param controllerIds the controllers whose incidents the user may see in full
   * @param reporterId the user, who also sees the incidents they reported
   */
  public IncidentPage search(List<String> controllerIds, String reporterId, Filter filter, int page, int size) {
    MapSqlParameterSource p = new MapSqlParameterSource()
        .addValue("controllers", controllerIds.isEmpty() ? List.of("") : controllerIds)
        .addValue("reporter", reporterId)
        .addValue("now", Times.now().atOffset(ZoneOffset.UTC));
    List<String> where = new ArrayList<>(List.of("(i.controller_id in (:controllers) or i.reporter_id = :reporter)"));
    if (filter.status() != null) {
      where.add("i.status = :status");
      p.addValue("status", filter.status());
    }
    if (filter.cause() != null) {
      where.add("i.cause = :cause");
      p.addValue("cause", filter.cause());
    }
    if (filter.riskLevel() != null) {
      where.add(RISK_LEVEL + " = :riskLevel");
      p.addValue("riskLevel", filter.riskLevel());
    }
    if (filter.notified() != null) {
      where.add(filter.notified() ? "i.imy_case_number is not null" : "i.imy_case_number is null");
    }
    if (filter.late() != null) {
      where.add(filter.late() ? LATE : "not " + LATE);
    }
    if (filter.period().start() != null) {
      where.add("i.reported_at >= :start");
      p.addValue("start", filter.period().start().atOffset(ZoneOffset.UTC));
    }
    if (filter.period().end() != null) {
      where.add("i.reported_at < :end");
      p.addValue("end", filter.period().end().atOffset(ZoneOffset.UTC));
    }
    if (filter.text() != null) {
      where.add("(lower(i.number) like :text or lower(i.description) like :text)");
      // Wildcards typed by the user are dropped; the escape character (backslash in H2 and PostgreSQL) is
      // escaped, or a text ending in it would be an invalid pattern.
      p.addValue("text", "%" + filter.text().toLowerCase().replace("%", "").replace("_", "").replace("\\", "\\\\")
          + "%");
    }
    String condition = " where " + String.join(" and ", where);
    Long total = jdbc.queryForObject("select count(*) from incident i" + condition, p, Long.class);
    p.addValue("limit", size).addValue("offset", (long) page * size);
    List<IncidentSummaryRow> items = jdbc.query("select i.*, " + RISK_LEVEL + " as risk, " + LATE + " as is_late"
        + " from incident i" + condition + " order by i.reported_at desc, i.number desc"
        + " offset :offset rows fetch next :limit rows only", p, (rs, row) -> new IncidentSummaryRow(
            rs.getString("number"), rs.getString("controller_id"), rs.getString("status"),
            IncidentStatus.valueOf(rs.getString("status")).swedish(), rs.getString("cause"), rs.getString("risk"),
            instant(rs.getObject("reported_at", OffsetDateTime.class)),
            instant(rs.getObject("discovered_at", OffsetDateTime.class)),
            instant(rs.getObject("authority_deadline", OffsetDateTime.class)), rs.getBoolean("is_late"),
            rs.getString("imy_case_number") != null, instant(rs.getObject("imy_submitted_at", OffsetDateTime.class))));
    return new IncidentPage(page, size, total == null ? 0 : total, items);
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
