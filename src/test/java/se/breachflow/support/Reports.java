package se.breachflow.support;

import java.util.HashMap;
import java.util.Map;

import org.camunda.spin.plugin.variable.SpinValues;

/** Reports as the start form submits them (ISO strings, JSON arrays from checklists). */
public final class Reports {

  /** The report of the API contract (issue 2), as JSON for POST /api/incidents; {@code %s} is the controller. */
  public static final String CONTRACT_JSON = """
      { "controllerId": "%s",
        "description": "E-post med tre elevers namn skickades till fel vårdnadshavare.",
        "cause": "MISDIRECTED_EMAIL",
        "occurredAt": "2026-11-20T09:00:00+01:00",
        "discoveredAt": "2026-11-20T10:30:00+01:00",
        "breachTypes": ["CONFIDENTIALITY"],
        "dataCategories": ["IDENTITY", "CONTACT"],
        "dataSubjectCount": 3,
        "vulnerableSubjects": true,
        "recipient": "EXTERNAL",
        "recipientConfirmedDeletion": false,
        "processor": null,
        "measuresTaken": "Mottagaren ombedd att radera." }""";

  private Reports() {}

  /** The misdirected e-mail of the API contract (issue 2), as form variables. */
  public static Map<String, Object> misdirectedEmail() {
    Map<String, Object> values = new HashMap<>();
    values.put("controllerId", "ks");
    values.put("description", "E-post med tre elevers namn skickades till fel vårdnadshavare.");
    values.put("cause", "MISDIRECTED_EMAIL");
    values.put("occurredAt", "2026-11-20T09:00+01:00");
    values.put("discoveredAt", "2026-11-20T10:30+01:00");
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

  public static Object json(String json) {
    return SpinValues.jsonValue(json).create();
  }
}
