package se.breachflow.incident;

import java.util.List;

/** A page of {@link IncidentListItem}s, newest first; {@code total} counts every incident the user may see. */
public record IncidentPage(int page, int size, long total, List<IncidentListItem> incidents) {}
