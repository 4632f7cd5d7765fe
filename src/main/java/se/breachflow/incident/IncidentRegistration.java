package se.breachflow.incident;

import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import se.breachflow.assessment.RiskFacts;
import se.breachflow.shared.Times;

/** Turns a checked report into an incident in the register, with its number and its 72-hour deadline. */
@Service
public class IncidentRegistration {

  private final IncidentNumbers numbers;
  private final IncidentRepository incidents;
  private final Duration authorityDeadline;

  public IncidentRegistration(IncidentNumbers numbers, IncidentRepository incidents,
      @Value("${breachflow.authority-deadline:PT72H}") Duration authorityDeadline) {
    this.numbers = numbers;
    this.incidents = incidents;
    this.authorityDeadline = authorityDeadline;
  }

  /**
   * Stores a report that {@link ReportValidator} has checked.
   *
   * @param reporterId the person who reported it: the logged-in user
   */
  public Incident register(String processInstanceId, String reporterId, ReportValidator.ValidReport valid) {
    Instant now = Times.now();
    IncidentReport report = valid.report();
    // Art. 33(1): 72 hours in real elapsed time from awareness: discovery as reported or, for a processor's
    // breach, when the processor told the controller (Art. 33(2)).
    Instant deadline = report.awareAt().plus(authorityDeadline);
    RiskFacts facts = RiskFacts.fromReport(report.breachTypes(), report.cause(), report.dataCategories(),
        report.dataSubjectCount(), report.vulnerableSubjects(),
        report.recipient() == Recipient.INTERNAL || report.recipient() == Recipient.EXTERNAL,
        report.recipientConfirmedDeletion());
    Incident incident = Incident.builder().number(numbers.next(now)).controllerId(valid.controllerId())
        .processInstanceId(processInstanceId).status(IncidentStatus.REPORTED).reported(reporterId, now)
        .authorityDeadline(deadline).report(report).facts(facts).build();
    incidents.insert(incident);
    return incident;
  }
}
