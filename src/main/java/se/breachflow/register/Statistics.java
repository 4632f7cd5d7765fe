package se.breachflow.register;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Figures for a period (by the time of reporting). Shares are fractions (0–1) and null when nothing counts;
 * medians are hours, null when there is nothing to measure.
 *
 * @param shareNotified of the incidents that were breaches, the share notified to IMY
 * @param shareNotifiedWithin72Hours of the incidents notified to IMY, the share notified by the deadline
 * @param supplierIncidents how many supplier incidents the counted incidents are cases of
 * @param supplierIncidentCases how many of the counted incidents are a controller's case of a supplier incident
 * @param cyberSignificant how many were decided to be significant incidents under cybersäkerhetslagen
 * @param shareCyberNotifiedWithin72Hours of those whose incident notification to the CSIRT is filed, the share
 *     filed by its deadline
 */
public record Statistics(
    LocalDate from,
    LocalDate to,
    List<String> controllers,
    int total,
    Map<String, Integer> byCause,
    Map<String, Integer> byRiskLevel,
    Map<String, Integer> byController,
    Map<String, Integer> byMonth,
    Double shareNotified,
    Double shareNotifiedWithin72Hours,
    Double medianHoursDiscoveryToReport,
    Double medianHoursDiscoveryToDecision,
    Double medianHoursDiscoveryToNotification,
    int supplierIncidents,
    int supplierIncidentCases,
    int cyberSignificant,
    Double shareCyberNotifiedWithin72Hours) {}
