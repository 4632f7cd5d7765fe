package se.breachflow.incident.task;

import static se.breachflow.incident.Fields.CYBER_CROSS_BORDER;
import static se.breachflow.incident.Fields.CYBER_FINAL_STEP;
import static se.breachflow.incident.Fields.CYBER_HANDLED_AT;
import static se.breachflow.incident.Fields.CYBER_MITIGATION;
import static se.breachflow.incident.Fields.CYBER_POLICE_REPORTED_AT;
import static se.breachflow.incident.Fields.CYBER_ROOT_CAUSE;
import static se.breachflow.incident.Fields.CYBER_SECURITY_SERVICE_INFORMED_AT;
import static se.breachflow.incident.Fields.CYBER_SEVERITY_IMPACT;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import se.breachflow.incident.CyberDecisions;
import se.breachflow.incident.CyberFacts;
import se.breachflow.incident.CyberFinalStep;
import se.breachflow.incident.CyberReportKind;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.shared.Field;
import se.breachflow.shared.FormReader;

/**
 * {@code userTask_cyberFinalReport}: a month after the incident notification, the final report (cybersäkerhetslagen
 * 2 kap. 8 §; NIS2 Art. 23(4)(d): a detailed description with severity and impact, the type of threat or root
 * cause, the mitigation applied and ongoing, any cross-border impact) — or, while the incident is still ongoing, a
 * progress report, and the final report within a month of the incident being handled. When it will be handled is
 * not known at a progress report: the next task is then due a month after it (breachflow's reminder, not the
 * law's deadline), and the final report is late only if filed more than a month after the handling it records.
 */
@Component
class CyberFinalReportForm extends CyberReportForm {

  private final CyberDecisions decisions;

  CyberFinalReportForm(IncidentRepository incidents, CyberDecisions decisions) {
    super(incidents);
    this.decisions = decisions;
  }

  @Override
  public Step step() {
    return Step.CYBER_FINAL_REPORT;
  }

  @Override
  public Map<String, Object> load(Incident incident) {
    Map<String, Object> values = new java.util.HashMap<>(super.load(incident));
    values.put(CYBER_FINAL_STEP.name(), CyberFinalStep.FINAL_REPORT);
    return values;
  }

  @Override
  public List<Field<?>> fields() {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(CYBER_FINAL_STEP), super.fields().stream())
        .toList();
  }

  @Override
  CyberReportKind kind(FormReader in) {
    CyberFinalStep step = in.required(CYBER_FINAL_STEP, "Ange om det är en slutrapport eller en lägesrapport.");
    return step == null ? null : step.kind();
  }

  @Override
  List<Field<?>> factFields() {
    return List.of(CYBER_SEVERITY_IMPACT, CYBER_ROOT_CAUSE, CYBER_MITIGATION, CYBER_CROSS_BORDER, CYBER_HANDLED_AT,
        CYBER_POLICE_REPORTED_AT, CYBER_SECURITY_SERVICE_INFORMED_AT);
  }

  /**
   * After a progress report, the final report is late a month after the handling it records — the handling time
   * sent with it, or else the one recorded before.
   */
  @Override
  Instant deadline(Incident incident, CyberReportKind kind, FormReader in) {
    boolean afterProgress = incident.cyber() != null
        && incident.cyber().report(CyberReportKind.PROGRESS_REPORT) != null;
    if (kind == CyberReportKind.FINAL_REPORT && afterProgress) {
      Instant sent = in.has(CYBER_HANDLED_AT.name()) ? in.read(CYBER_HANDLED_AT) : null;
      Instant handled = sent != null ? sent : incident.cyber().facts().cyberHandledAt();
      return handled == null ? null : decisions.finalReportDeadline(handled);
    }
    return super.deadline(incident, kind, in);
  }

  @Override
  void checkFacts(FormReader in, CyberReportKind kind) {
    in.required(CYBER_SEVERITY_IMPACT, "Beskriv incidentens allvarlighet och verkan.");
    in.required(CYBER_MITIGATION, "Beskriv de åtgärder som har vidtagits och som pågår för att begränsa incidenten.");
    TaskChecks.notInFuture(in, CYBER_HANDLED_AT, in.read(CYBER_HANDLED_AT),
        "Incidenten kan inte ha hanterats i framtiden.");
    if (kind == CyberReportKind.FINAL_REPORT) {
      in.required(CYBER_ROOT_CAUSE, "Ange vilken typ av hot eller grundorsak som sannolikt utlöste incidenten.");
      in.required(CYBER_HANDLED_AT, "Ange när incidenten hanterades (en slutrapport lämnas när den är hanterad).");
    }
  }

  @Override
  Routing.Cyber routing(Incident incident, CyberReportKind kind, Instant filedAt, CyberFacts facts) {
    if (kind == CyberReportKind.PROGRESS_REPORT) {
      return new Routing.Cyber(null, null, null, null, decisions.finalReportDeadline(filedAt), true);
    }
    return new Routing.Cyber(null, null, null, null, null, false);
  }
}
