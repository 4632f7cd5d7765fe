package se.breachflow.incident.task;

import java.util.function.UnaryOperator;

import se.breachflow.incident.DpoAdvice;

/** The DPO's advice in Swedish, for the decision maker's form (Markdown). */
final class AdviceText {

  private AdviceText() {}

  /** @param names a person's name for a user id (the id when none is known) */
  static String of(DpoAdvice advice, UnaryOperator<String> names) {
    if (advice == null) {
      return "Dataskyddsombudet har inte lämnat någon bedömning.";
    }
    StringBuilder text = new StringBuilder("**Dataskyddsombudets råd:** ");
    if (advice.notABreach()) {
      text.append("detta är inte en personuppgiftsincident");
    } else {
      text.append(advice.notifyImy() ? "anmäl till IMY" : "ingen anmälan till IMY").append(", ")
          .append(advice.informDataSubjects() ? "informera de registrerade" : "ingen information till de registrerade");
    }
    text.append("  \n**Lämnat av:** ").append(IncidentSummary.markdownSafe(names.apply(advice.advisedBy())));
    if (advice.reasons() != null) {
      text.append("\n\n**Skäl:** ").append(IncidentSummary.markdownSafe(advice.reasons()));
    }
    return text.toString();
  }
}
