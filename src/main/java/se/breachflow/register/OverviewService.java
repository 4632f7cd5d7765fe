package se.breachflow.register;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import se.breachflow.assessment.Cause;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.incident.IncidentStatus;
import se.breachflow.organisation.DataController;
import se.breachflow.shared.Times;

/**
 * The figures of management's overview in Cockpit, for the controllers the user oversees. "Owed" is the
 * notification of an open incident that {@link IncidentRepository#OWES_NOTIFICATION} says is owed, as
 * {@link IncidentRepository#LATE} counts it; an owed notification past its deadline is overdue.
 */
@Service
public class OverviewService {

  static final Duration DAY = Duration.ofHours(24);
  static final int MONTHS = 12;
  /**
   * The cases listed unless asked otherwise: the most urgent ones. A list of every open case is no overview (at
   * 10,000 it was 3.9 MB and seconds of drawing in Cockpit); the figures count them all, the register lists them.
   */
  static final int CASES = 100;
  static final int MAX_CASES = 10_000;

  private final NamedParameterJdbcTemplate jdbc;

  public OverviewService(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  private record Open(String number, String controllerId, String status, String cause, Instant discoveredAt,
      Instant deadline, boolean owed, String processInstanceId) {}

  /** The overview with the {@code caseLimit} most urgent open cases (owed notifications first, soonest deadline first). */
  public Overview compute(List<DataController> controllers, int caseLimit) {
    Instant now = Times.now();
    List<String> ids = controllers.stream().map(DataController::id).toList();
    Map<String, String> names = new LinkedHashMap<>();
    controllers.forEach(controller -> names.put(controller.id(), controller.name()));
    MapSqlParameterSource p = new MapSqlParameterSource("controllers", ids.isEmpty() ? List.of("") : ids);

    List<Open> open = jdbc.query("""
        select i.number, i.controller_id, i.status, i.cause, i.discovered_at, i.authority_deadline,
          i.process_instance_id, case when %s then 1 else 0 end as owed
        from incident i
        where i.controller_id in (:controllers) and %s""".formatted(IncidentRepository.OWES_NOTIFICATION,
            IncidentRepository.OPEN), p,
        (rs, n) -> new Open(rs.getString("number"), rs.getString("controller_id"), rs.getString("status"),
            rs.getString("cause"), rs.getObject("discovered_at", OffsetDateTime.class).toInstant(),
            rs.getObject("authority_deadline", OffsetDateTime.class).toInstant(), rs.getInt("owed") == 1,
            rs.getString("process_instance_id")));

    int[] bands = new int[4];
    List<Overview.Case> cases = new ArrayList<>();
    Map<String, int[]> byController = new LinkedHashMap<>();
    names.keySet().forEach(id -> byController.put(id, new int[2]));
    Map<String, int[]> byCause = new LinkedHashMap<>();
    for (Open incident : open) {
      String band = incident.owed() ? band(Duration.between(now, incident.deadline())) : null;
      boolean overdue = "overdue".equals(band);
      if (band != null) {
        bands[BANDS.indexOf(band)]++;
      }
      int[] ofController = byController.computeIfAbsent(incident.controllerId(), id -> new int[2]);
      ofController[0]++;
      int[] ofCause = byCause.computeIfAbsent(incident.cause(), cause -> new int[2]);
      ofCause[0]++;
      if (overdue) {
        ofController[1]++;
        ofCause[1]++;
      }
      cases.add(new Overview.Case(incident.number(), incident.controllerId(),
          names.getOrDefault(incident.controllerId(), incident.controllerId()), incident.status(),
          IncidentStatus.valueOf(incident.status()).label(), incident.cause(), causeText(incident.cause()),
          incident.discoveredAt(), incident.deadline(), incident.owed(), band, incident.processInstanceId()));
    }
    cases.sort(Comparator.comparing((Overview.Case c) -> !c.owed()).thenComparing(Overview.Case::authorityDeadline)
        .thenComparing(Overview.Case::number));

    List<Overview.Count> controllerCounts = byController.entrySet().stream()
        .map(e -> new Overview.Count(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), e.getValue()[0],
            e.getValue()[1])).toList();
    List<Overview.Count> causeCounts = byCause.entrySet().stream()
        .map(e -> new Overview.Count(e.getKey(), causeText(e.getKey()), e.getValue()[0], e.getValue()[1]))
        .sorted(Comparator.comparing(Overview.Count::open).reversed().thenComparing(Overview.Count::label))
        .toList();

    return new Overview(now, controllers.stream().map(c -> new Overview.Controller(c.id(), c.name())).toList(),
        open.size(), bands[0] + bands[1] + bands[2] + bands[3], new Overview.TimeLeft(bands[0], bands[1], bands[2],
        bands[3]), List.copyOf(cases.subList(0, Math.min(caseLimit, cases.size()))),
        Math.max(0, cases.size() - caseLimit), controllerCounts, causeCounts, months(p, now));
  }

  private static final List<String> BANDS = List.of("overdue", "under24Hours", "under48Hours", "later");

  /** The band of the time left to a deadline: passed, under 24 hours, under 48, or more. */
  static String band(Duration left) {
    if (left.isNegative()) {
      return "overdue";
    }
    if (left.compareTo(DAY) < 0) {
      return "under24Hours";
    }
    return left.compareTo(DAY.multipliedBy(2)) < 0 ? "under48Hours" : "later";
  }

  /** The last 12 months (Stockholm), oldest first, by the month of reporting as in /api/statistics. */
  private List<Overview.Month> months(MapSqlParameterSource p, Instant now) {
    YearMonth current = YearMonth.from(now.atZone(Times.STOCKHOLM));
    YearMonth first = current.minusMonths(MONTHS - 1);
    Instant start = first.atDay(1).atStartOfDay(Times.STOCKHOLM).toInstant();
    Map<YearMonth, int[]> counts = new LinkedHashMap<>();
    for (int i = 0; i < MONTHS; i++) {
      counts.put(first.plusMonths(i), new int[3]);
    }
    p.addValue("start", start.atOffset(ZoneOffset.UTC));
    jdbc.query("""
        select i.reported_at, i.imy_submitted_at, i.authority_deadline from incident i
        where i.controller_id in (:controllers) and i.reported_at >= :start""", p, rs -> {
      YearMonth month = YearMonth.from(rs.getObject("reported_at", OffsetDateTime.class).toInstant()
          .atZone(Times.STOCKHOLM));
      int[] count = counts.get(month);
      if (count == null) {
        return; // reported after the current month: the clock was set back
      }
      count[0]++;
      OffsetDateTime notified = rs.getObject("imy_submitted_at", OffsetDateTime.class);
      if (notified != null) {
        count[1]++;
        if (!notified.toInstant().isAfter(rs.getObject("authority_deadline", OffsetDateTime.class).toInstant())) {
          count[2]++;
        }
      }
    });
    return counts.entrySet().stream().map(e -> new Overview.Month(e.getKey().toString(), e.getValue()[0],
        e.getValue()[1], e.getValue()[2], e.getValue()[1] == 0 ? null
            : Math.round(1000.0 * e.getValue()[2] / e.getValue()[1]) / 1000.0)).toList();
  }

  private static String causeText(String cause) {
    try {
      return Cause.valueOf(cause).label();
    } catch (IllegalArgumentException | NullPointerException e) {
      return cause;
    }
  }
}
