package se.breachflow.incident;

import static se.breachflow.incident.Fields.BREACH_TYPES;
import static se.breachflow.incident.Fields.CAUSE;
import static se.breachflow.incident.Fields.CONTROLLER_ID;
import static se.breachflow.incident.Fields.DATA_CATEGORIES;
import static se.breachflow.incident.Fields.DATA_SUBJECT_COUNT;
import static se.breachflow.incident.Fields.DESCRIPTION;
import static se.breachflow.incident.Fields.DISCOVERED_AT;
import static se.breachflow.incident.Fields.MEASURES_TAKEN;
import static se.breachflow.incident.Fields.OCCURRED_AT;
import static se.breachflow.incident.Fields.PROCESSOR;
import static se.breachflow.incident.Fields.PROCESSOR_INVOLVED;
import static se.breachflow.incident.Fields.PROCESSOR_NOTIFIED_AT;
import static se.breachflow.incident.Fields.RECIPIENT;
import static se.breachflow.incident.Fields.RECIPIENT_CONFIRMED_DELETION;
import static se.breachflow.incident.Fields.VULNERABLE_SUBJECTS;

import java.time.Instant;
import java.util.Set;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import se.breachflow.assessment.BreachType;
import se.breachflow.assessment.Cause;
import se.breachflow.assessment.DataCategory;
import se.breachflow.organisation.ControllerRegistry;
import se.breachflow.shared.FormReader;
import se.breachflow.shared.Echo;
import se.breachflow.shared.Times;

/**
 * Checks a report, whether it comes from the API or from the start form (which validates only in the
 * browser), and returns it as a typed {@link IncidentReport}. Every bad field is named in Swedish.
 */
@Component
public class ReportValidator {

  static final int MAX_TEXT = 20_000;
  static final int MAX_PROCESSOR = 500;

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
    String description = in.read(DESCRIPTION);
    if (description == null) {
      in.error(DESCRIPTION, "Beskriv vad som har hänt.");
    } else {
      in.maxLength(DESCRIPTION, description, MAX_TEXT);
    }
    Cause cause = in.read(CAUSE);
    if (cause == null && !in.hasError(CAUSE)) {
      in.error(CAUSE, "Välj vad som orsakade incidenten.");
    }
    Instant occurredAt = in.read(OCCURRED_AT);
    Instant discoveredAt = in.read(DISCOVERED_AT);
    if (discoveredAt == null && !in.hasError(DISCOVERED_AT)) {
      discoveredAt = now;
    }
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
    Set<BreachType> breachTypes = in.read(BREACH_TYPES);
    if ((breachTypes == null || breachTypes.isEmpty()) && !in.hasError(BREACH_TYPES)) {
      in.error(BREACH_TYPES, "Välj minst ett alternativ för vad som hände med uppgifterna.");
    }
    Set<DataCategory> categories = in.read(DATA_CATEGORIES);
    if ((categories == null || categories.isEmpty()) && !in.hasError(DATA_CATEGORIES)) {
      in.error(DATA_CATEGORIES, "Välj minst en typ av personuppgifter.");
    }
    Integer count = in.read(DATA_SUBJECT_COUNT);
    if (count == null && !in.hasError(DATA_SUBJECT_COUNT)) {
      in.error(DATA_SUBJECT_COUNT, "Ange ungefär hur många personer som berörs.");
    } else if (count != null && count < 1) {
      in.error(DATA_SUBJECT_COUNT, "Antalet berörda personer måste vara minst 1.");
    }
    Boolean vulnerable = in.read(VULNERABLE_SUBJECTS);
    Recipient recipient = in.read(RECIPIENT);
    Boolean deletion = in.read(RECIPIENT_CONFIRMED_DELETION);
    if (cause != null && !cause.isMisdirectedMessage()) {
      // Only a misdirected message has a recipient; the forms hide these fields for other causes and may
      // still hold values from before the cause was changed.
      recipient = null;
      deletion = false;
    }
    Boolean processorInvolved = in.read(PROCESSOR_INVOLVED);
    String processor = in.read(PROCESSOR);
    if (Boolean.TRUE.equals(processorInvolved) && processor == null) {
      in.error(PROCESSOR, "Ange vilket personuppgiftsbiträde som är inblandat.");
    }
    if (Boolean.FALSE.equals(processorInvolved)) {
      processor = null;
    }
    in.maxLength(PROCESSOR, processor, MAX_PROCESSOR);
    Instant processorNotifiedAt = processor == null ? null : in.read(PROCESSOR_NOTIFIED_AT);
    if (processorNotifiedAt != null && processorNotifiedAt.isAfter(latestAllowed)) {
      in.error(PROCESSOR_NOTIFIED_AT, "Tidpunkten då biträdet underrättade er kan inte ligga i framtiden.");
    }
    if (processorNotifiedAt != null && occurredAt != null && processorNotifiedAt.isBefore(occurredAt)) {
      in.error(PROCESSOR_NOTIFIED_AT, "Biträdet kan inte ha underrättat er innan incidenten inträffade.");
    }
    String measures = in.read(MEASURES_TAKEN);
    in.maxLength(MEASURES_TAKEN, measures, MAX_TEXT);

    in.throwIfInvalid("Rapporten kunde inte registreras");
    return new ValidReport(controllerId, new IncidentReport(description, cause, occurredAt, discoveredAt,
        breachTypes, categories, count, Boolean.TRUE.equals(vulnerable), recipient, Boolean.TRUE.equals(deletion),
        processor, processorNotifiedAt, measures));
  }
}
