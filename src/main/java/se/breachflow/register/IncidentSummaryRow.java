package se.breachflow.register;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One incident in a list of the register. {@code notified} and {@code imyNotifiedAt} are absent from the
 * user's own reports of a controller the user does not oversee: the reporter's view of the incident does not
 * show them either.
 */
public record IncidentSummaryRow(
    String number,
    String controllerId,
    String status,
    String statusText,
    String cause,
    String riskLevel,
    Instant reportedAt,
    Instant discoveredAt,
    Instant authorityDeadline,
    boolean late,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean notified,
    @JsonInclude(JsonInclude.Include.NON_NULL) Instant imyNotifiedAt) {}
