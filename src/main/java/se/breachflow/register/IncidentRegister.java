package se.breachflow.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import se.breachflow.incident.IncidentRepository;
import se.breachflow.organisation.DataController;
import se.breachflow.shared.Times;
import se.breachflow.document.PdfRenderer;

/**
 * The register of every incident in a period, for the controllers a user oversees (VisibleControllers). A
 * reporter sees their own incidents through the incident API, not in the register.
 */
@Service
class IncidentRegister {

  private final NamedParameterJdbcTemplate jdbc;
  private final IncidentRepository incidents;

  IncidentRegister(NamedParameterJdbcTemplate jdbc, IncidentRepository incidents) {
    this.jdbc = jdbc;
    this.incidents = incidents;
  }

  /** Incidents discovered from {@code from} to {@code to} inclusive (Stockholm dates; null = open). */
  List<Register.Entry> entries(List<DataController> of, LocalDate from, LocalDate to) {
    if (of.isEmpty()) {
      return List.of();
    }
    StringBuilder sql = new StringBuilder("select number from incident where controller_id in (:ids)");
    MapSqlParameterSource parameters = new MapSqlParameterSource("ids",
        of.stream().map(DataController::id).toList());
    if (from != null) {
      sql.append(" and discovered_at >= :from");
      parameters.addValue("from", from.atStartOfDay(Times.STOCKHOLM).toOffsetDateTime());
    }
    if (to != null) {
      sql.append(" and discovered_at < :to");
      parameters.addValue("to", to.plusDays(1).atStartOfDay(Times.STOCKHOLM).toOffsetDateTime());
    }
    sql.append(" order by discovered_at, number");
    Instant now = Times.now();
    List<Register.Entry> entries = new ArrayList<>();
    for (String number : jdbc.queryForList(sql.toString(), parameters, String.class)) {
      incidents.find(number).ifPresent(incident -> entries.add(new Register.Entry(incident,
          of.stream().filter(c -> c.id().equals(incident.controllerId())).findFirst().orElseThrow(),
          incident.isLate(now))));
    }
    return entries;
  }

  byte[] pdf(List<DataController> of, LocalDate from, LocalDate to, List<Register.Entry> entries) {
    String names = of.isEmpty() ? "Inga personuppgiftsansvariga"
        : of.stream().map(DataController::name).collect(Collectors.joining(", "));
    List<String> subtitle = List.of("Personuppgiftsansvariga: " + names, Register.period(from, to),
        "Antal incidenter: " + entries.size(),
        "Dokumentation av personuppgiftsincidenter enligt artikel 33.5 dataskyddsförordningen.");
    return PdfRenderer.write("Register över personuppgiftsincidenter", subtitle, Register.sections(entries),
        new PdfRenderer.Page(names, "Register", Times.now(), false));
  }
}
