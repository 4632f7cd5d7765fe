package se.breachflow.incident;

import static se.breachflow.incident.Fields.BREACH_TYPES;
import static se.breachflow.incident.Fields.CAUSE;
import static se.breachflow.incident.Fields.CONTROLLER_ID;
import static se.breachflow.incident.Fields.DATA_CATEGORIES;
import static se.breachflow.incident.Fields.DATA_SUBJECT_COUNT;
import static se.breachflow.incident.Fields.DESCRIPTION;
import static se.breachflow.incident.Fields.DISCOVERED_AT;
import static se.breachflow.incident.Fields.ENDED_AT;
import static se.breachflow.incident.Fields.OCCURRED_AT;
import static se.breachflow.incident.Fields.PROCESSOR;
import static se.breachflow.incident.Fields.PROCESSOR_INVOLVED;
import static se.breachflow.incident.Fields.PROCESSOR_NOTIFIED_AT;
import static se.breachflow.incident.Fields.RECIPIENT;
import static se.breachflow.incident.Fields.RECIPIENT_CONFIRMED_DELETION;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import se.breachflow.assessment.Cause;
import se.breachflow.organisation.ControllerRegistry;
import se.breachflow.shared.Echo;
import se.breachflow.shared.Field;
import se.breachflow.shared.FormReader;
import se.breachflow.shared.Records;
import se.breachflow.shared.Times;

/**
 * Checks a report, whether it comes from the API or from the start form (which validates only in the
 * browser), and returns it as a typed {@link IncidentReport}; the coordinator's corrections in the assessment
 * are checked by the same rules ({@link #revise}). Every bad field is named in Swedish. Each field of
 * {@link Fields#REPORT} is read by its declaration (type, length, range) and becomes the report's component of
 * the same name; what is written here are the rules between fields.
 */
@Component
public class ReportValidator {

  private final ControllerRegistry controllers;

  public ReportValidator(ControllerRegistry controllers) {
    this.controllers = controllers;
  }

  /** A valid report for a known controller. */
  public record ValidReport(String controllerId, IncidentReport report) {}

  /**
   * @param values the submitted values by variable name (form variables or the API's JSON)
   * @param now the time of reporting; the discovery time defaults to it
   */
  public ValidReport validate(Function<String, Object> values, Instant now) {
    FormReader in = new FormReader(values);
    String controllerId = in.read(CONTROLLER_ID);
    if (controllerId == null) {
      in.error(CONTROLLER_ID, "Välj vilken nämnd eller vilket bolag som är personuppgiftsansvarig.");
    } else if (controllers.find(controllerId).isEmpty()) {
      in.error(CONTROLLER_ID, "Den personuppgiftsansvarige '" + Echo.of(controllerId) + "' finns inte.");
    }
    Map<String, Object> report = read(in, Fields.REPORT);
    if (report.get(DISCOVERED_AT.name()) == null && !in.hasError(DISCOVERED_AT)) {
      report.put(DISCOVERED_AT.name(), now);
    }
    if (report.get(PROCESSOR.name()) == null) {
      report.put(PROCESSOR_NOTIFIED_AT.name(), null);
    }
    IncidentReport valid = check(in, report, now);
    in.throwIfInvalid("Rapporten kunde inte registreras");
    return new ValidReport(controllerId, valid);
  }

  /**
   * The report as the coordinator corrected it in the assessment, or null with the errors in {@code in}. When
   * the incident was discovered, and when a processor told the controller, are kept as reported: they fix the
   * 72-hour deadline. A field the submission does not have keeps its value.
   */
  public IncidentReport revise(IncidentReport current, FormReader in, Instant now) {
    Map<String, Object> report = new HashMap<>(Records.values(current));
    Set<String> kept = Set.of(DISCOVERED_AT.name(), PROCESSOR_NOTIFIED_AT.name());
    for (Field<?> field : Fields.REPORT) {
      if (!kept.contains(field.name()) && in.has(field.name())) {
        report.put(field.name(), in.read(field));
      }
    }
    report.put(PROCESSOR_INVOLVED.name(), report.get(PROCESSOR.name()) != null);
    return check(in, report, now);
  }

  private static Map<String, Object> read(FormReader in, Iterable<Field<?>> fields) {
    Map<String, Object> values = new HashMap<>();
    for (Field<?> field : fields) {
      values.put(field.name(), in.read(field));
    }
    return values;
  }

  /** The rules between the report's fields; the report, or null when a field is wrong. */
  private static IncidentReport check(FormReader in, Map<String, Object> report, Instant now) {
    if (get(report, DESCRIPTION) == null && !in.hasError(DESCRIPTION)) {
      in.error(DESCRIPTION, "Beskriv vad som har hänt.");
    }
    Cause cause = get(report, CAUSE);
    if (cause == null && !in.hasError(CAUSE)) {
      in.error(CAUSE, "Välj vad som orsakade incidenten.");
    }
    Instant occurredAt = get(report, OCCURRED_AT);
    Instant discoveredAt = get(report, DISCOVERED_AT);
    Instant latestAllowed = now.plus(Times.CLOCK_TOLERANCE);
    if (occurredAt != null && occurredAt.isAfter(latestAllowed)) {
      in.error(OCCURRED_AT, "Tidpunkten då incidenten inträffade kan inte ligga i framtiden.");
    }
    if (discoveredAt != null && discoveredAt.isAfter(latestAllowed)) {
      in.error(DISCOVERED_AT, "Tidpunkten då incidenten upptäcktes kan inte ligga i framtiden.");
    }
    if (occurredAt != null && discoveredAt != null && !in.hasError(OCCURRED_AT) && !in.hasError(DISCOVERED_AT)
        && discoveredAt.isBefore(occurredAt)) {
      in.error(DISCOVERED_AT, "Incidenten kan inte ha upptäckts innan den inträffade.");
    }
    Instant endedAt = get(report, ENDED_AT);
    if (endedAt != null && endedAt.isAfter(latestAllowed)) {
      in.error(ENDED_AT, "Tidpunkten då incidenten upphörde kan inte ligga i framtiden. Lämna fältet tomt om den "
          + "pågår.");
    } else if (endedAt != null && occurredAt != null && endedAt.isBefore(occurredAt)) {
      in.error(ENDED_AT, "Incidenten kan inte ha upphört innan den inträffade.");
    }
    Set<?> breachTypes = get(report, BREACH_TYPES);
    if ((breachTypes == null || breachTypes.isEmpty()) && !in.hasError(BREACH_TYPES)) {
      in.error(BREACH_TYPES, "Välj minst ett alternativ för vad som hände med uppgifterna.");
    }
    Set<?> categories = get(report, DATA_CATEGORIES);
    if ((categories == null || categories.isEmpty()) && !in.hasError(DATA_CATEGORIES)) {
      in.error(DATA_CATEGORIES, "Välj minst en typ av personuppgifter.");
    }
    if (get(report, DATA_SUBJECT_COUNT) == null && !in.hasError(DATA_SUBJECT_COUNT)) {
      in.error(DATA_SUBJECT_COUNT, "Ange ungefär hur många personer som berörs.");
    }
    if (cause != null && !cause.isMisdirectedMessage()) {
      // Only a misdirected message has a recipient; the forms hide these fields for other causes and may
      // still hold values from before the cause was changed.
      report.put(RECIPIENT.name(), null);
      report.put(RECIPIENT_CONFIRMED_DELETION.name(), false);
    }
    Boolean processorInvolved = get(report, PROCESSOR_INVOLVED);
    if (Boolean.TRUE.equals(processorInvolved) && get(report, PROCESSOR) == null && !in.hasError(PROCESSOR)) {
      in.error(PROCESSOR, "Ange vilket personuppgiftsbiträde som är inblandat.");
    }
    if (Boolean.FALSE.equals(processorInvolved)) {
      report.put(PROCESSOR.name(), null);
      report.put(PROCESSOR_NOTIFIED_AT.name(), null);
    }
    Instant processorNotifiedAt = get(report, PROCESSOR_NOTIFIED_AT);
    if (processorNotifiedAt != null && processorNotifiedAt.isAfter(latestAllowed)) {
      in.error(PROCESSOR_NOTIFIED_AT, "Tidpunkten då biträdet underrättade er kan inte ligga i framtiden.");
    }
    if (processorNotifiedAt != null && occurredAt != null && processorNotifiedAt.isBefore(occurredAt)) {
      in.error(PROCESSOR_NOTIFIED_AT, "Biträdet kan inte ha underrättat er innan incidenten inträffade.");
    }
    return in.hasErrors() ? null : Records.create(IncidentReport.class, report);
  }

  @SuppressWarnings("unchecked")
  private static <T> T get(Map<String, Object> report, Field<T> field) {
    return (T) report.get(field.name());
  }
}
