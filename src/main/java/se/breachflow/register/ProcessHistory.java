package se.breachflow.register;

import java.util.List;

/** The process engine's history of incidents, which retention removes too (the workflow glue implements it). */
public interface ProcessHistory {

  /** Deletes the history of these finished process instances; those without history are passed over. */
  void delete(List<String> processInstanceIds);
}
