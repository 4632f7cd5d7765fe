package se.breachflow.incident.task;

import se.breachflow.assessment.RiskAssessment;

/** The rules' recommendation in Swedish, for the DPO's form. */
final class AssessmentText {

  private AssessmentText() {}

  static String of(RiskAssessment assessment) {
    if (assessment == null) {
      return "Ingen riskbedömning har gjorts.";
    }
    StringBuilder text = new StringBuilder();
    text.append("**Risknivå:** ").append(switch (assessment.riskLevel()) {
      case NO_RISK -> "Ingen risk – dokumenteras internt";
      case RISK -> "Risk – anmäl till IMY";
      case HIGH_RISK -> "Hög risk – anmäl till IMY och informera de registrerade";
    }).append("  \n");
    text.append("**Allvarlighetsgrad (ENISA):** ").append(assessment.severityScore().toPlainString().replace('.', ',')).append(" – ")
        .append(switch (assessment.severity()) {
          case LOW -> "låg";
          case MEDIUM -> "medel";
          case HIGH -> "hög";
          case VERY_HIGH -> "mycket hög";
        }).append("  \n");
    text.append("**Rekommendation:** ")
        .append(assessment.notifyAuthority() ? "anmäl till IMY" : "ingen anmälan till IMY").append(", ")
        .append(assessment.notifyDataSubjects() ? "informera de registrerade" : "ingen information till de registrerade")
        .append("\n\n**Skäl:**\n");
    assessment.reasons().forEach(reason -> text.append("- ").append(IncidentSummary.markdownSafe(reason)).append('\n'));
    return text.toString();
  }
}
