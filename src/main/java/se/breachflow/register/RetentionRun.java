package se.breachflow.register;

import java.time.Instant;
import java.util.List;

/** One run of the retention job: what it removed (or, in a dry run, would remove). */
public record RetentionRun(Instant runAt, String runBy, boolean dryRun, List<String> incidentNumbers) {}
