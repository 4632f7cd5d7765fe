package se.breachflow.register;

import java.time.Period;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Gallring ({@code breachflow.retention.*}): how long after closing an incident keeps its personal data,
 * per controller as its document plan says (ISO-8601 periods, e.g. {@code P5Y}). A controller's own period, stored
 * with it by an administrator ({@code PUT /api/controllers/{id}}), comes first (RetentionService#periodOf).
 *
 * @param defaultPeriod for controllers without a period of their own
 * @param periods per controller id, for controllers without a stored period
 * @param cron when the scheduled run starts (Spring cron, Stockholm time); "-" turns it off
 * @param dryRun when true the scheduled run only lists what would be removed
 */
@ConfigurationProperties(prefix = "breachflow.retention")
public record RetentionSettings(
    @DefaultValue("P10Y") Period defaultPeriod,
    Map<String, Period> periods,
    @DefaultValue("0 30 2 * * *") String cron,
    @DefaultValue("false") boolean dryRun) {

  public RetentionSettings {
    periods = periods == null ? Map.of() : Map.copyOf(periods);
  }

  public Period periodFor(String controllerId) {
    return periods.getOrDefault(controllerId, defaultPeriod);
  }
}
