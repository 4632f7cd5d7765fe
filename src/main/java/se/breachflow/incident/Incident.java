package se.breachflow.incident;

import java.time.Instant;

import se.breachflow.assessment.RiskAssessment;
import se.breachflow.assessment.RiskFacts;

/**
 * One personal-data breach in the register. Parts that have not happened yet are null.
 *
 * @param number the incident number and business key, {@code PUI-<year>-<nnnn>}
 * @param secrecyMarking the DPO's note on what may be secret under OSL, and why (sekretessmarkering)
 */
public record Incident(
    String number,
    String controllerId,
    String processInstanceId,
    IncidentStatus status,
    String reporterId,
    Instant reportedAt,
    Instant authorityDeadline,
    boolean late,
    IncidentReport report,
    RiskFacts facts,
    RiskAssessment preliminaryAssessment,
    RiskAssessment finalAssessment,
    Decision decision,
    ImyNotification imy,
    DataSubjectsOutcome dataSubjects,
    FollowUp followUp,
    String secrecyMarking) {}
