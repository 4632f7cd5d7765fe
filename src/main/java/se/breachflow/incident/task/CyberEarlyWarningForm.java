package se.breachflow.incident.task;

import static se.breachflow.incident.Fields.CYBER_CROSS_BORDER;
import static se.breachflow.incident.Fields.CYBER_MALICIOUS;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import se.breachflow.incident.CyberFacts;
import se.breachflow.incident.CyberReportKind;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.shared.Field;
import se.breachflow.shared.FormReader;

/**
 * {@code userTask_cyberEarlyWarning}: the report within 24 hours of awareness (cybersäkerhetslagen 2 kap. 5 §;
 * NIS2 Art. 23(4)(a): whether unlawful or malicious acts are suspected, and whether there may be a cross-border
 * impact).
 */
@Component
class CyberEarlyWarningForm extends CyberReportForm {

  CyberEarlyWarningForm(IncidentRepository incidents) {
    super(incidents);
  }

  @Override
  public Step step() {
    return Step.CYBER_EARLY_WARNING;
  }

  @Override
  CyberReportKind kind(FormReader in) {
    return CyberReportKind.EARLY_WARNING;
  }

  @Override
  List<Field<?>> factFields() {
    return List.of(CYBER_MALICIOUS, CYBER_CROSS_BORDER);
  }

  @Override
  void checkFacts(FormReader in, CyberReportKind kind) {
    in.required(CYBER_MALICIOUS, "Ange om incidenten misstänks bero på olagliga eller avsiktligt skadliga handlingar.");
  }

  @Override
  Routing.Cyber routing(Incident incident, CyberReportKind kind, Instant filedAt, CyberFacts facts) {
    return new Routing.Cyber(null, null, null, null, null, null);
  }
}
