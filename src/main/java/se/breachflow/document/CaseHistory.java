package se.breachflow.document;

import java.util.List;

import se.breachflow.incident.Incident;

/** The steps the incident's process took, for the documents (the workflow glue reads them from the engine). */
public interface CaseHistory {

  /** Who did each step and when, in order; empty when the incident has no process. */
  List<DocumentData.TimelineEntry> timeline(Incident incident);
}
