package se.breachflow.register;

import java.util.List;

/** A page of the register: {@code page} counts from 0. */
public record IncidentPage(int page, int size, long total, List<IncidentSummaryRow> incidents) {}
