package se.breachflow.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static se.breachflow.assessment.DataCategory.BEHAVIOURAL;
import static se.breachflow.assessment.DataCategory.CONTACT;
import static se.breachflow.assessment.DataCategory.IDENTITY;
import static se.breachflow.assessment.DataCategory.PERSONAL_ID_NUMBER;
import static se.breachflow.assessment.DataCategory.PROTECTED_IDENTITY;
import static se.breachflow.assessment.DataCategory.SPECIAL_CATEGORY;
import static se.breachflow.assessment.Facts.misdirectedEmail;

import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Data that was public before the breach (decision {@code public-data}). It lowers the risk (ENISA's
 * public-availability adjustment of DPC; EDPB 9/2022 section II.D: a disclosure of data already publicly available
 * is an example of a breach unlikely to result in a risk; Art. 9(2)(e) for special-category data the person has
 * manifestly made public), but never for data whose harm lies in its use or whose secrecy the law protects.
 */
class PublicDataTest {

  static DmnDecisionRequirementsGraph graph;
  static RiskRules rules;

  @BeforeAll
  static void parse() {
    graph = Dmn.graph();
    rules = Dmn.rules();
  }

  static Object decide(String decisionKey, String output, Facts facts) {
    return Dmn.ENGINE.evaluateDecision(graph.getDecision(decisionKey), RiskRules.variables(facts.build()))
        .getSingleResult().getEntry(output);
  }

  /**
   * Seed S4: the municipality's list of 60 elected officials (förtroendevalda) with name, contact details and
   * party designation, all public by their office, e-mailed by mistake to one known wrong recipient.
   */
  static Facts electedOfficials() {
    return misdirectedEmail().categories(IDENTITY, CONTACT, SPECIAL_CATEGORY).count(60).publiclyAvailable();
  }

  static RiskAssessment assess(Facts facts) {
    return rules.evaluate(facts.build());
  }

  @Test
  void seedS4TheListOfElectedOfficialsIsDocumentedNotNotified() {
    RiskAssessment assessment = assess(electedOfficials());
    assertThat(assessment.riskLevel()).isEqualTo(RiskLevel.NO_RISK);
    assertThat(assessment.notifyAuthority()).isFalse();
    assertThat(assessment.notifyDataSubjects()).isFalse();
    assertThat(assessment.reasons().get(0)).isEqualTo("Ingen risk: uppgifterna var redan offentliga före incidenten, "
        + "och inga uppgifter har ändrats eller gått förlorade");
    assertThat(assessment.reasons()).contains("Känsliga personuppgifter (art. 9)",
        "Uppgifterna var offentligt tillgängliga redan före incidenten", "Kända mottagare");
  }

  @Test
  void theSameListWhenItWasNotPublicIsAHighRisk() {
    RiskAssessment assessment = assess(misdirectedEmail().categories(IDENTITY, CONTACT, SPECIAL_CATEGORY).count(60));
    assertThat(assessment.riskLevel()).isEqualTo(RiskLevel.HIGH_RISK);
    assertThat(assessment.reasons().get(0)).isEqualTo("Hög risk: känsliga personuppgifter (art. 9) berörs");
  }

  @Test
  void publicDataTakenByAnAttackerIsNoRiskEither() {
    RiskAssessment assessment = assess(electedOfficials().confidentiality(ConfidentialityLoss.UNKNOWN_RECIPIENTS)
        .malicious());
    assertThat(assessment.riskLevel()).isEqualTo(RiskLevel.NO_RISK);
  }

  @Test
  void publicDataThatWasAlsoAlteredIsWeighedAsUsual() {
    RiskAssessment assessment = assess(electedOfficials().integrity(IntegrityLoss.RECOVERABLE));
    assertThat(assessment.riskLevel()).isNotEqualTo(RiskLevel.NO_RISK);
    assertThat(assessment.reasons().get(0)).doesNotContain("offentliga");
  }

  @Test
  void publicDataOfChildrenIsStillPresumedAtHighRisk() {
    RiskAssessment assessment = assess(misdirectedEmail().categories(IDENTITY, CONTACT).publiclyAvailable().vulnerable());
    assertThat(assessment.riskLevel()).isEqualTo(RiskLevel.HIGH_RISK);
  }

  @Test
  void publicDataLowersTheDataProcessingContext() {
    assertThat(decide("dpc", "dpc", electedOfficials())).isEqualTo(3);
    assertThat(decide("dpc", "dpc", misdirectedEmail().categories(BEHAVIOURAL).publiclyAvailable()))
        .isEqualTo(1);
    assertThat(decide("public-data", "publicData", electedOfficials())).isEqualTo("PUBLIC");
  }

  /** The negative: the categories that public availability does not discount, each beside public simple data. */
  @ParameterizedTest
  @EnumSource(value = DataCategory.class, names = {"PERSONAL_ID_NUMBER", "CREDENTIALS", "FINANCIAL", "HEALTH",
      "CRIMINAL_OFFENCE", "SOCIAL_SERVICES", "PROTECTED_IDENTITY"})
  void publicAvailabilityDoesNotDiscount(DataCategory category) {
    Facts secret = misdirectedEmail().categories(IDENTITY, CONTACT, category).count(60);
    Facts published = misdirectedEmail().categories(IDENTITY, CONTACT, category).count(60).publiclyAvailable();
    RiskAssessment withoutFlag = assess(secret);
    RiskAssessment withFlag = assess(published);
    assertThat(withFlag.riskLevel()).isNotEqualTo(RiskLevel.NO_RISK).isEqualTo(withoutFlag.riskLevel());
    assertThat(withFlag.severityScore()).isEqualByComparingTo(withoutFlag.severityScore());
    assertThat(withFlag.notifyAuthority()).isTrue();
    assertThat(withFlag.notifyDataSubjects()).isEqualTo(withoutFlag.notifyDataSubjects());
    assertThat(withFlag.reasons()).contains("Uppgifterna var offentligt tillgängliga, men det sänker inte risken för "
        + "personnummer, inloggningsuppgifter, ekonomiska uppgifter, hälsa, lagöverträdelser, socialtjänstuppgifter "
        + "eller skyddade personuppgifter");
    assertThat(decide("public-data", "publicData", published)).isEqualTo("PUBLIC_BUT_PROTECTED");
  }

  @Test
  void theElectedOfficialsWithTheirPersonnummerAreNotDiscounted() {
    RiskAssessment assessment = assess(electedOfficials()
        .categories(IDENTITY, CONTACT, SPECIAL_CATEGORY, PERSONAL_ID_NUMBER));
    assertThat(assessment.riskLevel()).isEqualTo(RiskLevel.HIGH_RISK);
    assertThat(assessment.notifyAuthority()).isTrue();
    assertThat(assessment.notifyDataSubjects()).isTrue();
    assertThat(assessment.reasons().get(0)).isEqualTo("Hög risk: känsliga personuppgifter (art. 9) berörs");
  }

  @Test
  void theElectedOfficialsWithAProtectedIdentityAreNotDiscounted() {
    RiskAssessment assessment = assess(electedOfficials()
        .categories(IDENTITY, CONTACT, SPECIAL_CATEGORY, PROTECTED_IDENTITY));
    assertThat(assessment.riskLevel()).isEqualTo(RiskLevel.HIGH_RISK);
    assertThat(assessment.reasons().get(0)).contains("skyddade personuppgifter");
  }
}
