package se.breachflow.incident;

import java.time.Instant;

/**
 * The controller's decision on the DPO's advice (until version 1 of the process, the DPO's own); documented
 * also when the incident is found not to be a personal-data breach.
 *
 * @param informUrgently the risk is urgent: the data subjects are told now, before or with the notification
 *     (EDPB Guidelines 9/2022 §59), not after it
 * @param justification required when the decision departs from the DPO's advice or the rules
 */
public record Decision(
    boolean notABreach,
    boolean notifyImy,
    boolean informDataSubjects,
    boolean informUrgently,
    String justification,
    String decidedBy,
    Instant decidedAt) {}
