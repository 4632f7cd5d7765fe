package se.breachflow.register;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import se.breachflow.incident.IncidentRepository;
import se.breachflow.web.Period;
import se.breachflow.shared.Times;

/** The register's statistics: what management plans from and what IMY asks about in an inspection. */
@Service
public class StatisticsService {

  private final NamedParameterJdbcTemplate jdbc;

  public StatisticsService(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One row per incident, only what the figures need (retention keeps all of it). */
  private record Row(String controllerId, String cause, String riskLevel, Instant reportedAt, Instant discoveredAt,
      Instant deadline, Instant decidedAt, Boolean notABreach, Instant notifiedAt, String supplierIncident,
      Boolean cyberSignificant, Instant cyberNotifiedAt, Instant cyberNotificationDeadline) {}

  public Statistics compute(Period period, List<String> controllerIds) {
    List<Row> rows = controllerIds.isEmpty() ? List.of() : jdbc.query("""
        select i.controller_id, i.cause, i.reported_at, i.discovered_at, i.authority_deadline, i.decided_at,
          i.not_a_breach, i.imy_submitted_at, i.supplier_incident_number, i.cyber_significant,
          i.cyber_notification_filed_at, i.cyber_notification_deadline,
          """ + IncidentRepository.LATEST_RISK_LEVEL + """
           as risk_level
        from incident i
        where i.controller_id in (:controllers)
          and (cast(:start as timestamp with time zone) is null or i.reported_at >= :start)
          and (cast(:end as timestamp with time zone) is null or i.reported_at < :end)""",
        new MapSqlParameterSource()
            .addValue("controllers", controllerIds)
            .addValue("start", period.start() == null ? null : OffsetDateTime.ofInstant(period.start(), Times.STOCKHOLM))
            .addValue("end", period.end() == null ? null : OffsetDateTime.ofInstant(period.end(), Times.STOCKHOLM)),
        (rs, n) -> new Row(rs.getString("controller_id"), rs.getString("cause"), rs.getString("risk_level"),
            instant(rs.getObject("reported_at", OffsetDateTime.class)),
            instant(rs.getObject("discovered_at", OffsetDateTime.class)),
            instant(rs.getObject("authority_deadline", OffsetDateTime.class)),
            instant(rs.getObject("decided_at", OffsetDateTime.class)),
            (Boolean) rs.getObject("not_a_breach"),
            instant(rs.getObject("imy_submitted_at", OffsetDateTime.class)), rs.getString("supplier_incident_number"),
            (Boolean) rs.getObject("cyber_significant"),
            instant(rs.getObject("cyber_notification_filed_at", OffsetDateTime.class)),
            instant(rs.getObject("cyber_notification_deadline", OffsetDateTime.class))));

    Map<String, Integer> byCause = new TreeMap<>();
    Map<String, Integer> byRiskLevel = new TreeMap<>();
    Map<String, Integer> byController = new TreeMap<>();
    Map<String, Integer> byMonth = new TreeMap<>();
    List<Double> toReport = new ArrayList<>();
    List<Double> toDecision = new ArrayList<>();
    List<Double> toNotification = new ArrayList<>();
    int breaches = 0;
    int notified = 0;
    int notifiedInTime = 0;
    java.util.Set<String> supplierIncidents = new java.util.HashSet<>();
    int supplierCases = 0;
    int cyberSignificant = 0;
    int cyberNotified = 0;
    int cyberNotifiedInTime = 0;
    for (Row row : rows) {
      if (Boolean.TRUE.equals(row.cyberSignificant())) {
        cyberSignificant++;
        if (row.cyberNotifiedAt() != null) {
          cyberNotified++;
          if (!row.cyberNotifiedAt().isAfter(row.cyberNotificationDeadline())) {
            cyberNotifiedInTime++;
          }
        }
      }
      if (row.supplierIncident() != null) {
        supplierIncidents.add(row.supplierIncident());
        supplierCases++;
      }
      byCause.merge(row.cause(), 1, Integer::sum);
      if (row.riskLevel() != null) {
        byRiskLevel.merge(row.riskLevel(), 1, Integer::sum);
      }
      byController.merge(row.controllerId(), 1, Integer::sum);
      byMonth.merge(YearMonth.from(row.reportedAt().atZone(Times.STOCKHOLM)).toString(), 1, Integer::sum);
      toReport.add(hours(row.discoveredAt(), row.reportedAt()));
      if (row.decidedAt() != null) {
        toDecision.add(hours(row.discoveredAt(), row.decidedAt()));
      }
      if (!Boolean.TRUE.equals(row.notABreach()) && row.decidedAt() != null) {
        breaches++;
      }
      if (row.notifiedAt() != null) {
        notified++;
        toNotification.add(hours(row.discoveredAt(), row.notifiedAt()));
        if (!row.notifiedAt().isAfter(row.deadline())) {
          notifiedInTime++;
        }
      }
    }
    return new Statistics(period.first(), period.last(), controllerIds, rows.size(), byCause, byRiskLevel, byController, byMonth,
        share(notified, breaches), share(notifiedInTime, notified), median(toReport), median(toDecision),
        median(toNotification), supplierIncidents.size(), supplierCases, cyberSignificant,
        share(cyberNotifiedInTime, cyberNotified));
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  private static double hours(Instant from, Instant to) {
    return Duration.between(from, to).toMinutes() / 60.0;
  }

  private static Double share(int part, int whole) {
    return whole == 0 ? null : Math.round(1000.0 * part / whole) / 1000.0;
  }

  static Double median(List<Double> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int middle = sorted.size() / 2;
    double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    return Math.round(median * 10) / 10.0;
  }
}
