package se.breachflow.incident;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the reports to the CSIRT say beyond the facts of the IMY notification (NIS2 Art. 23(4)): stored, audited
 * and read by these components' names (columns {@code cyber_…}; the forms' field keys are the same).
 *
 * @param cyberMalicious whether unlawful or malicious acts are suspected (the 24-hour report)
 * @param cyberCrossBorder whether the incident could have a cross-border impact
 * @param cyberSeverityImpact the initial assessment: severity and impact (the notification)
 * @param cyberIndicators indicators of compromise, where available (the notification)
 * @param cyberRootCause the type of threat or root cause (the final report)
 * @param cyberMitigation the mitigation measures applied and ongoing (the final report)
 * @param cyberHandledAt when the incident was handled (after a progress report, the final report is due a month
 *     later)
 * @param cyberPoliceReportedAt when the incident was reported to the police (polisanmälan), if it was
 * @param cyberSecurityServiceInformedAt when Säkerhetspolisen was told (säkerhetsskyddsförordningen 2 kap. 4 §), if
 *     it was
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CyberFacts(
    CyberMalice cyberMalicious,
    Boolean cyberCrossBorder,
    String cyberSeverityImpact,
    String cyberIndicators,
    String cyberRootCause,
    String cyberMitigation,
    Instant cyberHandledAt,
    Instant cyberPoliceReportedAt,
    Instant cyberSecurityServiceInformedAt) {

  public static final CyberFacts NONE = new CyberFacts(null, null, null, null, null, null, null, null, null);
}
