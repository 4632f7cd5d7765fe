package se.breachflow.incident.task;

import static se.breachflow.incident.Fields.CYBER_MITIGATION;
import static se.breachflow.incident.Fields.CYBER_SEVERITY_IMPACT;

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
 * {@code userTask_cyberIntermediateReport}: the delrapport the authority asked for, "med relevanta
 * statusuppdateringar för den betydande incidenten" (cybersäkerhetslagen 2 kap. 7 §), due when the authority wants
 * it.
 */
@Component
class CyberIntermediateReportForm extends CyberReportForm {

  CyberIntermediateReportForm(IncidentRepository incidents) {
    super(incidents);
  }

  @Override
  public Step step() {
    return Step.CYBER_INTERMEDIATE_REPORT;
  }

  @Override
  CyberReportKind kind(FormReader in) {
    return CyberReportKind.INTERMEDIATE_REPORT;
  }

  @Override
  List<Field<?>> factFields() {
    return List.of(CYBER_SEVERITY_IMPACT, CYBER_MITIGATION);
  }

  @Override
  void checkFacts(FormReader in, CyberReportKind kind) {
    in.required(CYBER_SEVERITY_IMPACT, "Beskriv läget: incidentens allvarlighet och verkan just nu.");
  }

  @Override
  Routing.Cyber routing(Incident incident, CyberReportKind kind, Instant filedAt, CyberFacts facts) {
    return new Routing.Cyber(null, null, null, null, null, null);
  }
}
