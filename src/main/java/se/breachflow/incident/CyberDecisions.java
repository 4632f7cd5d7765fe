package se.breachflow.incident;

import java.time.Instant;

import org.springframework.stereotype.Service;

import se.breachflow.assessment.AvailabilityLoss;
import se.breachflow.assessment.BreachType;
import se.breachflow.assessment.Cause;
import se.breachflow.assessment.RiskFacts;
import se.breachflow.deadline.CyberDeadlines;
import se.breachflow.shared.Times;

/**
 * Whether an incident is a significant incident under cybersäkerhetslagen (2025:1506) 2 kap. 5 § andra stycket,
 * as a person decides it, and the deadlines that follow. The rules only suggest: an intrusion or malicious code,
 * ransomware, or a loss of availability of the data or a service may be one; whether it "har orsakat eller kan
 * orsaka allvarlig driftsstörning … eller ekonomisk skada … eller … vålla betydande skada" is for a person.
 */
@Service
public class CyberDecisions {

  private final IncidentRepository incidents;
  private final CyberDeadlines deadlines;

  public CyberDecisions(IncidentRepository incidents, CyberDeadlines deadlines) {
    this.incidents = incidents;
    this.deadlines = deadlines;
  }

  /** The deadlines a significant incident has from awareness (the final report's follows the notification). */
  public record Deadlines(Instant earlyWarning, Instant notification) {}

  /** Whether the facts suggest the incident may be significant: the informationssäkerhetssamordnare is asked. */
  public static boolean suggested(IncidentReport report, RiskFacts facts) {
    return report.cause() == Cause.HACKING || report.cause() == Cause.RANSOMWARE
        || report.breachTypes().contains(BreachType.AVAILABILITY)
            && facts != null && facts.availabilityLoss() != null && facts.availabilityLoss() != AvailabilityLoss.NONE;
  }

  /** The deadlines the incident would have if it is significant, counted from awareness. */
  public Deadlines deadlines(Incident incident) {
    Instant aware = incident.report().awareAt();
    return new Deadlines(deadlines.earlyWarning(aware), deadlines.notification(aware));
  }

  /**
   * Records the decision. A significant incident's clocks run from awareness, not from the decision (the law: "efter
   * det att verksamhetsutövaren har fått kännedom om incidenten"); once set they do not move.
   *
   * @return the deadlines when significant; null when not
   */
  public Deadlines decide(Incident incident, boolean significant, String reason, String decidedBy) {
    Instant aware = incident.report().awareAt();
    Deadlines due = significant ? new Deadlines(deadlines.earlyWarning(aware), deadlines.notification(aware)) : null;
    incidents.saveCyberDecision(incident.number(), significant, reason, decidedBy, Times.now(),
        due == null ? null : due.earlyWarning(), due == null ? null : due.notification());
    if (due != null && incident.cyber() != null && incident.cyber().earlyWarningDeadline() != null) {
      return new Deadlines(incident.cyber().earlyWarningDeadline(), incident.cyber().notificationDeadline());
    }
    return due;
  }

  /** The final report's deadline (2 kap. 8 §): a month after the notification, or after the incident was handled. */
  public Instant finalReportDeadline(Instant from) {
    return deadlines.finalReport(from);
  }
}
