package se.breachflow.incident.task;

import java.util.Locale;

import se.breachflow.assessment.RiskAssessment;

/** The rules' recommendation in Swedish, for the DPO's form (Markdown). */
final class AssessmentText {

  private AssessmentText() {}

  static String of(RiskAssessment assessment) {
    if (assessment == null) {
      return "Ingen riskbedömning har gjorts.";
    }
    StringBuilder text = new StringBuilder();
    text.append("**Risknivå:** ").append(assessment.riskLevel().label()).append("  \n");
    text.append("**Allvarlighetsgrad (ENISA):** ").append(assessment.scoreText()).append(" – ")
        .append(assessment.severity().label().toLowerCase(Locale.ROOT)).append("  \n");
    text.append("**Rekommendation:** ").append(assessment.recommendation()).append("\n\n**Skäl:**\n");
    assessment.reasons().forEach(reason -> text.append("- ").append(IncidentSummary.markdownSafe(reason)).append('\n'));
    return text.toString();
  }
}
