package se.breachflow.incident.task;

import se.breachflow.incident.DpoAdvice;

/** The DPO's advice in Swedish, for the decision maker's form (Markdown). */
final class AdviceText {

  private AdviceText() {}

  static String of(DpoAdvice advice) {
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
    text.append("  \n**Lämnat av:** ").append(IncidentSummary.markdownSafe(advice.advisedBy()));
    if (advice.reasons() != null) {
      text.append("\n\n**Skäl:** ").append(IncidentSummary.markdownSafe(advice.reasons()));
    }
    return text.toString();
  }
}
