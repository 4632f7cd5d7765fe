package se.breachflow.incident.task;

import java.util.Locale;
import java.util.regex.Pattern;

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
        .append(assessment.severity().label().toLowerCase(Locale.ROOT))
        .append(" (under 2 låg, under 3 medel, under 4 hög, däröver mycket hög)  \n");
    text.append("**Rekommendation:** ").append(assessment.recommendation()).append("\n\n**Skäl:**\n");
    assessment.reasons().forEach(reason ->
        text.append("- ").append(IncidentSummary.markdownSafe(plain(reason))).append('\n'));
    return text.toString();
  }

  private static final Pattern ENISA = Pattern.compile("= DPC ([\\d,]+) × EI ([\\d,]+) \\+ CB ([\\d,]+)");

  /**
   * A reason in words a coordinator reads: the rules (DMN) state the ENISA formula with its abbreviations
   * ("= DPC 2 × EI 1 + CB 0,25"); here each factor is named. The same words are in Tasklist's confirmation after
   * the assessment (tasklist/scripts/breachflow.js, plainReason).
   */
  static String plain(String reason) {
    return ENISA.matcher(reason).replaceAll("= uppgifternas känslighet i sitt sammanhang ($1) × hur lätt personerna "
        + "kan identifieras ($2) + omständigheterna kring incidenten ($3)");
  }
}
