package se.breachflow.incident.task;

import static se.breachflow.incident.Fields.CYBER_CROSS_BORDER;
import static se.breachflow.incident.Fields.CYBER_INDICATORS;
import static se.breachflow.incident.Fields.CYBER_MALICIOUS;
import static se.breachflow.incident.Fields.CYBER_POLICE_REPORTED_AT;
import static se.breachflow.incident.Fields.CYBER_SECURITY_SERVICE_INFORMED_AT;
import static se.breachflow.incident.Fields.CYBER_SEVERITY_IMPACT;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import se.breachflow.incident.CyberDecisions;
import se.breachflow.incident.CyberFacts;
import se.breachflow.incident.CyberReportKind;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.shared.Field;
import se.breachflow.shared.FormReader;

/**
 * {@code userTask_cyberNotification}: the incident notification within 72 hours of awareness (cybersäkerhetslagen
 * 2 kap. 6 §; NIS2 Art. 23(4)(b): an initial assessment with severity and impact, indicators of compromise where
 * available). Its filing starts the final report's month (8 §).
 */
@Component
class CyberNotificationForm extends CyberReportForm {

  private final CyberDecisions decisions;

  CyberNotificationForm(IncidentRepository incidents, CyberDecisions decisions) {
    super(incidents);
    this.decisions = decisions;
  }

  @Override
  public Step step() {
    return Step.CYBER_NOTIFICATION;
  }

  @Override
  CyberReportKind kind(FormReader in) {
    return CyberReportKind.NOTIFICATION;
  }

  @Override
  List<Field<?>> factFields() {
    return List.of(CYBER_MALICIOUS, CYBER_CROSS_BORDER, CYBER_SEVERITY_IMPACT, CYBER_INDICATORS,
        CYBER_POLICE_REPORTED_AT, CYBER_SECURITY_SERVICE_INFORMED_AT);
  }

  @Override
  void checkFacts(FormReader in, CyberReportKind kind) {
    in.required(CYBER_SEVERITY_IMPACT, "Beskriv den första bedömningen av incidentens allvarlighet och verkan.");
    TaskChecks.notInFuture(in, CYBER_POLICE_REPORTED_AT, in.read(CYBER_POLICE_REPORTED_AT),
        "Polisanmälan kan inte ha gjorts i framtiden.");
    TaskChecks.notInFuture(in, CYBER_SECURITY_SERVICE_INFORMED_AT, in.read(CYBER_SECURITY_SERVICE_INFORMED_AT),
        "Säkerhetspolisen kan inte ha informerats i framtiden.");
  }

  @Override
  Routing.Cyber routing(Incident incident, CyberReportKind kind, Instant filedAt, CyberFacts facts) {
    return new Routing.Cyber(null, null, null, null, decisions.finalReportDeadline(filedAt), null);
  }
}
