package se.breachflow.incident;

import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import se.breachflow.assessment.RiskAssessment;
import se.breachflow.assessment.RiskAssessor;
import se.breachflow.assessment.RiskFacts;
import se.breachflow.shared.Times;

/**
 * The incident's own steps in the process, one operation each: registration (a checked report becomes an
 * incident with its number and 72-hour deadline), the rules' assessment, closing. What other capabilities do
 * about a step (the receipt, the filed report) they do on its {@link IncidentEvents event}, in the same
 * transaction.
 */
@Service
public class IncidentLifecycle {

  private final IncidentNumbers numbers;
  private final IncidentRepository incidents;
  private final RiskAssessor assessor;
  private final ApplicationEventPublisher events;
  private final Duration authorityDeadline;

  public IncidentLifecycle(IncidentNumbers numbers, IncidentRepository incidents, RiskAssessor assessor,
      ApplicationEventPublisher events, @Value("${breachflow.authority-deadline:PT72H}") Duration authorityDeadline) {
    this.numbers = numbers;
    this.incidents = incidents;
    this.assessor = assessor;
    this.events = events;
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
    events.publishEvent(new IncidentEvents.Registered(incident.number(), incident.controllerId()));
    return incident;
  }

  /** The rules' assessment of the incident's facts as they stand, stored with its reasons. */
  public RiskAssessment assessRisk(String number, IncidentRepository.AssessmentKind kind) {
    Incident incident = find(number);
    RiskAssessment assessment = assessor.assess(incident.facts());
    incidents.addAssessment(number, kind, assessment, null, Times.now());
    return assessment;
  }

  /**
   * Closes the incident: as not a personal-data breach when the decision said so.
   *
   * @param closedBy who completed the last step; null when the process closed it itself
   */
  public void close(String number, boolean notABreach, String closedBy) {
    Incident incident = find(number);
    incidents.close(number, notABreach ? IncidentStatus.CLOSED_NOT_A_BREACH : IncidentStatus.CLOSED, closedBy,
        Times.now());
    events.publishEvent(new IncidentEvents.Closed(number, incident.controllerId(), closedBy));
  }

  private Incident find(String number) {
    return incidents.find(number).orElseThrow(() -> new IllegalStateException("No incident " + number));
  }
}
