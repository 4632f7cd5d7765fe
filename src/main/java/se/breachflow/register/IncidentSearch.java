package se.breachflow.register;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import se.breachflow.incident.IncidentRepository;
import se.breachflow.incident.IncidentStatus;
import se.breachflow.web.Period;
import se.breachflow.shared.Times;

/** Searches the register: filters, free text in number and description, newest first, paged. */
@Service
public class IncidentSearch {

  /** The filters; null means "any". */
  /** @param cyber a significant incident under cybersäkerhetslagen (true) or not (false) */
  public record Filter(String status, String cause, String riskLevel, Boolean notified, Boolean late,
      Period period, String text, Boolean cyber) {}

  /** Rows of the controllers the user oversees; the others are the user's own reports (the reporter's view). */
  private static final String FULL_VIEW = "i.controller_id in (:full)";
  /**
   * The final assessment's risk level if there is one; for the reporter's view the preliminary one only, as
   * in the reporter's view of the incident (IncidentView.forReporter).
   */
  private static final String RISK_LEVEL = "(case when " + FULL_VIEW + " then "
      + IncidentRepository.LATEST_RISK_LEVEL + " else " + IncidentRepository.PRELIMINARY_RISK_LEVEL + " end)";
  private static final String LATE = IncidentRepository.LATE;

  private final NamedParameterJdbcTemplate jdbc;

  public IncidentSearch(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param controllerIds the controllers whose incidents are listed
   * @param reporterId the user, whose own reports are listed too (null: none besides)
   * @param fullViewControllerIds the controllers the user oversees: their incidents are shown in full, the
   *     user's own reports of other controllers as the reporter sees them (no IMY notification, the
   *     preliminary risk level only), and the filters on what the reporter does not see ignore those
   */
  public IncidentPage search(List<String> controllerIds, String reporterId, List<String> fullViewControllerIds,
      Filter filter, int page, int size) {
    MapSqlParameterSource p = new MapSqlParameterSource()
        .addValue("controllers", controllerIds.isEmpty() ? List.of("") : controllerIds)
        .addValue("full", fullViewControllerIds.isEmpty() ? List.of("") : fullViewControllerIds)
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
      // The reporter does not see whether IMY was notified: their own reports are not filtered by it.
      where.add(FULL_VIEW + (filter.notified() ? " and i.imy_case_number is not null" : " and i.imy_case_number is null"));
    }
    if (filter.late() != null) {
      where.add(filter.late() ? LATE : "not " + LATE);
    }
    if (filter.cyber() != null) {
      // Case data, like the notification: the reporter's own reports are not filtered by it.
      where.add(FULL_VIEW + (filter.cyber() ? " and i.cyber_significant = true"
          : " and (i.cyber_significant is null or i.cyber_significant = false)"));
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
    List<IncidentSummaryRow> items = jdbc.query("select i.*, " + RISK_LEVEL + " as risk, " + LATE + " as is_late, "
        + "case when " + FULL_VIEW + " then 1 else 0 end as full_view"
        + " from incident i" + condition + " order by i.reported_at desc, i.number desc"
        + " offset :offset rows fetch next :limit rows only", p, (rs, row) -> {
          boolean full = rs.getInt("full_view") == 1;
          return new IncidentSummaryRow(
              rs.getString("number"), rs.getString("controller_id"), rs.getString("status"),
              IncidentStatus.valueOf(rs.getString("status")).label(), rs.getString("cause"), rs.getString("risk"),
              instant(rs.getObject("reported_at", OffsetDateTime.class)),
              instant(rs.getObject("discovered_at", OffsetDateTime.class)),
              instant(rs.getObject("authority_deadline", OffsetDateTime.class)), rs.getBoolean("is_late"),
              full ? rs.getString("imy_case_number") != null : null,
              full ? instant(rs.getObject("imy_submitted_at", OffsetDateTime.class)) : null);
        });
    return new IncidentPage(page, size, total == null ? 0 : total, items);
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
