package se.breachflow.support;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import org.camunda.spin.plugin.variable.SpinValues;

import se.breachflow.shared.Times;

/**
 * Reports as the start form submits them (ISO strings, JSON arrays from checklists), at times relative to the
 * engine's clock when they are made: the e-mail went out three hours ago and was discovered 1½ hours ago. So a
 * test that sets the clock gets fixed times (with the clock at 2026-11-20T12:00+01:00: sent 09:00, discovered
 * 10:30, IMY deadline 2026-11-23T09:30Z), and a test on the real clock gets a report of today, on any day.
 */
public final class Reports {

  /** Before "now" by the engine's clock. */
  public static final Duration OCCURRED_BEFORE_NOW = Duration.ofHours(3);
  public static final Duration DISCOVERED_BEFORE_NOW = Duration.ofMinutes(90);

  private static final DateTimeFormatter API_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
      .withZone(Times.STOCKHOLM);
  private static final DateTimeFormatter FORM_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmXXX")
      .withZone(Times.STOCKHOLM);

  /** A time as a form's date-time field submits it: {@code ago} before "now" by the engine's clock. */
  public static String formTime(Duration ago) {
    return FORM_TIME.format(Times.now().minus(ago));
  }

  /** The report of the API contract (issue 2), as JSON for POST /api/incidents. */
  public static String contractJson(String controllerId) {
    Instant now = Times.now();
    return """
      { "controllerId": "%s",
        "description": "E-post med tre elevers namn skickades till fel vårdnadshavare.",
        "cause": "MISDIRECTED_EMAIL",
        "occurredAt": "%s",
        "discoveredAt": "%s",
        "breachTypes": ["CONFIDENTIALITY"],
        "dataCategories": ["IDENTITY", "CONTACT"],
        "dataSubjectCount": 3,
        "vulnerableSubjects": true,
        "recipient": "EXTERNAL",
        "recipientConfirmedDeletion": false,
        "processor": null,
        "measuresTaken": "Mottagaren ombedd att radera." }""".formatted(controllerId,
        API_TIME.format(now.minus(OCCURRED_BEFORE_NOW)), API_TIME.format(now.minus(DISCOVERED_BEFORE_NOW)));
  }

  private Reports() {}

  /** The misdirected e-mail of the API contract (issue 2), as form variables. */
  public static Map<String, Object> misdirectedEmail() {
    Instant now = Times.now();
    Map<String, Object> values = new HashMap<>();
    values.put("controllerId", "ks");
    values.put("description", "E-post med tre elevers namn skickades till fel vårdnadshavare.");
    values.put("cause", "MISDIRECTED_EMAIL");
    values.put("occurredAt", FORM_TIME.format(now.minus(OCCURRED_BEFORE_NOW)));
    values.put("discoveredAt", FORM_TIME.format(now.minus(DISCOVERED_BEFORE_NOW)));
    values.put("breachTypes", json("[\"CONFIDENTIALITY\"]"));
    values.put("dataCategories", json("[\"IDENTITY\",\"CONTACT\"]"));
    values.put("dataSubjectCount", 3);
    values.put("vulnerableSubjects", true);
    values.put("recipient", "EXTERNAL");
    values.put("recipientConfirmedDeletion", false);
    values.put("processorInvolved", false);
    values.put("measuresTaken", "Mottagaren ombedd att radera.");
    return values;
  }

  /** The misdirected e-mail, discovered this long before now by the engine's clock and sent an hour before that. */
  public static Map<String, Object> discoveredAgo(Duration ago) {
    Instant discovered = Times.now().minus(ago);
    Map<String, Object> values = misdirectedEmail();
    values.put("discoveredAt", FORM_TIME.format(discovered));
    values.put("occurredAt", FORM_TIME.format(discovered.minus(Duration.ofHours(1))));
    return values;
  }

  public static Object json(String json) {
    return SpinValues.jsonValue(json).create();
  }
}
