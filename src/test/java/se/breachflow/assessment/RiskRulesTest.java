package se.breachflow.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static se.breachflow.assessment.DataCategory.BEHAVIOURAL;
import static se.breachflow.assessment.DataCategory.CONTACT;
import static se.breachflow.assessment.DataCategory.CREDENTIALS;
import static se.breachflow.assessment.DataCategory.CRIMINAL_OFFENCE;
import static se.breachflow.assessment.DataCategory.EDUCATION_EMPLOYMENT;
import static se.breachflow.assessment.DataCategory.FINANCIAL;
import static se.breachflow.assessment.DataCategory.HEALTH;
import static se.breachflow.assessment.DataCategory.IDENTITY;
import static se.breachflow.assessment.DataCategory.LOCATION;
import static se.breachflow.assessment.DataCategory.PERSONAL_ID_NUMBER;
import static se.breachflow.assessment.DataCategory.PROTECTED_IDENTITY;
import static se.breachflow.assessment.DataCategory.SOCIAL_SERVICES;
import static se.breachflow.assessment.DataCategory.SPECIAL_CATEGORY;
import static se.breachflow.assessment.Facts.misdirectedEmail;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.InformationRequirement;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The DMN tables of {@code bpmn/risk-assessment.dmn} on their own, evaluated by a stand-alone DMN engine. */
class RiskRulesTest {

  static DmnDecisionRequirementsGraph graph;
  static RiskRules rules;

  @BeforeAll
  static void parse() {
    graph = se.breachflow.assessment.Dmn.graph();
    rules = se.breachflow.assessment.Dmn.rules();
  }

  /** The single output of one decision (with the decisions it requires) for the facts. */
  static Object decide(String decisionKey, String output, Facts facts) {
    return se.breachflow.assessment.Dmn.ENGINE
        .evaluateDecision(graph.getDecision(decisionKey), RiskRules.variables(facts.build()))
        .getSingleResult().getEntry(output);
  }

  static RiskAssessment assess(Facts facts) {
    return rules.evaluate(facts.build());
  }

  /** The words the rules' reasons use for a severity are the enum's (its label, in lower case). */
  @Test
  void severityWordsInTheReasonsAreTheEnumsLabels() throws IOException {
    DmnModelInstance model;
    try (InputStream in = Files.newInputStream(se.breachflow.assessment.Dmn.MODEL)) {
      model = Dmn.readModelFromStream(in);
    }
    Decision severity = model.getModelElementById("severity");
    var table = (org.camunda.bpm.model.dmn.instance.DecisionTable) severity.getExpression();
    java.util.Map<String, String> words = new java.util.TreeMap<>();
    for (var rule : table.getRules()) {
      var entries = rule.getOutputEntries().stream().map(entry -> entry.getTextContent().replace("\"", "")).toList();
      words.put(entries.get(0), entries.get(1));
    }
    java.util.Map<String, String> labels = new java.util.TreeMap<>();
    for (Severity level : Severity.values()) {
      labels.put(level.name(), level.label().toLowerCase(java.util.Locale.ROOT));
    }
    assertThat(words).isEqualTo(labels);
  }

  @Nested
  class EaseOfIdentification {

    @ParameterizedTest
    @CsvSource({"NEGLIGIBLE, 0.25", "LIMITED, 0.5", "SIGNIFICANT, 0.75", "MAXIMUM, 1"})
    void scoresEachLevel(Identifiability identifiability, double ei) {
      assertThat(decide("ei", "ei", misdirectedEmail().identifiability(identifiability))).isEqualTo(ei);
    }
  }

  @Nested
  class Circumstances {

    @Test
    void nothingLostScoresZero() {
      assertThat(decide("cb", "cb", misdirectedEmail().confidentiality(ConfidentialityLoss.NONE))).isEqualTo(0.0);
    }

    @Test
    void knownRecipientsScoreAQuarter() {
      assertThat(decide("cb", "cb", misdirectedEmail())).isEqualTo(0.25);
    }

    @Test
    void everyCircumstanceAddsUp() {
      Facts worst = misdirectedEmail().confidentiality(ConfidentialityLoss.UNKNOWN_RECIPIENTS)
          .integrity(IntegrityLoss.IRRECOVERABLE).availability(AvailabilityLoss.PERMANENT).malicious();
      assertThat(decide("cb", "cb", worst)).isEqualTo(2.0);
      Facts recoverable = misdirectedEmail().integrity(IntegrityLoss.RECOVERABLE)
          .availability(AvailabilityLoss.TEMPORARY);
      assertThat(decide("cb", "cb", recoverable)).isEqualTo(0.75);
    }
  }

  @Nested
  class DataProcessingContext {

    @ParameterizedTest
    @CsvSource({"IDENTITY, 1", "CONTACT, 1", "EDUCATION_EMPLOYMENT, 1", "LOCATION, 2", "BEHAVIOURAL, 2",
        "PERSONAL_ID_NUMBER, 2", "FINANCIAL, 3", "CREDENTIALS, 3", "HEALTH, 4", "SPECIAL_CATEGORY, 4",
        "CRIMINAL_OFFENCE, 4", "SOCIAL_SERVICES, 4", "PROTECTED_IDENTITY, 4"})
    void baseScoreByCategory(DataCategory category, int dpc) {
      assertThat(decide("dpc", "dpc", misdirectedEmail().categories(category))).isEqualTo(dpc);
    }

    @Test
    void theMostSensitiveCategoryCounts() {
      assertThat(decide("dpc", "dpc", misdirectedEmail().categories(IDENTITY, LOCATION, FINANCIAL))).isEqualTo(3);
    }

    @Test
    void volumeAndVulnerableSubjectsRaiseIt() {
      assertThat(decide("dpc", "dpc", misdirectedEmail().count(999))).isEqualTo(1);
      assertThat(decide("dpc", "dpc", misdirectedEmail().count(1000))).isEqualTo(2);
      assertThat(decide("dpc", "dpc", misdirectedEmail().count(1000).vulnerable())).isEqualTo(3);
    }

    @Test
    void publicDataLowersIt() {
      assertThat(decide("dpc", "dpc", misdirectedEmail().categories(BEHAVIOURAL).publiclyAvailable())).isEqualTo(1);
    }

    @Test
    void itStaysBetweenOneAndFour() {
      assertThat(decide("dpc", "dpc", misdirectedEmail().publiclyAvailable())).isEqualTo(1);
      assertThat(decide("dpc", "dpc", misdirectedEmail().categories(HEALTH).count(5000).vulnerable()))
          .isEqualTo(4);
    }
  }

  @Nested
  class NumberOfPeople {

    @ParameterizedTest
    @CsvSource({"1, FEW", "99, FEW", "100, MANY", "999, MANY", "1000, LARGE", "1000000, LARGE"})
    void bands(int count, String volume) {
      assertThat(decide("data-subject-volume", "volume", misdirectedEmail().count(count))).isEqualTo(volume);
    }
  }

  @Nested
  class SeverityBands {

    /** Score = DPC × EI + CB; the facts are chosen to land on each side of each boundary. */
    @ParameterizedTest(name = "{0}: SE {1} is {2}")
    @CsvSource({
        "simple data to known recipients,                   1.25, LOW",
        "simple data to known recipients on purpose,        1.75, LOW",
        "simple data to unknown recipients on purpose,      2,    MEDIUM",
        "personnummer to known recipients on purpose,       2.75, MEDIUM",
        "personnummer to unknown recipients on purpose,     3,    HIGH",
        "financial data to known recipients on purpose,     3.75, HIGH",
        "financial data to unknown recipients on purpose,   4,    VERY_HIGH"})
    void boundaries(String description, BigDecimal score, Severity severity) {
      Facts facts = misdirectedEmail();
      if (description.startsWith("personnummer")) {
        facts.categories(PERSONAL_ID_NUMBER);
      } else if (description.startsWith("financial")) {
        facts.categories(FINANCIAL);
      }
      if (description.contains("unknown")) {
        facts.confidentiality(ConfidentialityLoss.UNKNOWN_RECIPIENTS);
      }
      if (description.endsWith("on purpose")) {
        facts.malicious();
      }
      assertThat(BigDecimal.valueOf((Double) decide("severity-score", "severityScore", facts)))
          .isEqualByComparingTo(score);
      assertThat(decide("severity", "severity", facts)).isEqualTo(severity.name());
      RiskAssessment assessment = assess(facts);
      assertThat(assessment.severityScore()).isEqualByComparingTo(score);
      assertThat(assessment.severity()).isEqualTo(severity);
    }

    @Test
    void scoresAreShownWithoutTrailingZeros() {
      assertThat(assess(misdirectedEmail().confidentiality(ConfidentialityLoss.UNKNOWN_RECIPIENTS).malicious())
          .severityScore()).hasToString("2");
      assertThat(assess(misdirectedEmail()).severityScore()).hasToString("1.25");
    }
  }

  /** The Swedish factors that make a high risk likely, each on its own in an otherwise harmless case. */
  @Nested
  class SwedishHighRiskFactors {

    @Test
    void theBaselineIsNoRisk() {
      RiskAssessment assessment = assess(misdirectedEmail());
      assertThat(assessment.riskLevel()).isEqualTo(RiskLevel.NO_RISK);
      assertThat(assessment.notifyAuthority()).isFalse();
    }

    @Test
    void protectedIdentityIsHighRiskEvenWhenTheRecipientDeleted() {
      RiskAssessment assessment = assess(misdirectedEmail().categories(IDENTITY, CONTACT, PROTECTED_IDENTITY)
          .deletionConfirmed());
      assertHighRisk(assessment, "Skyddade personuppgifter");
      assertThat(assessment.reasons().get(0)).contains("skyddade personuppgifter");
    }

    @Test
    void protectedIdentityIsHighRiskWhateverTheLoss() {
      assertHighRisk(assess(misdirectedEmail().categories(PROTECTED_IDENTITY)
          .confidentiality(ConfidentialityLoss.NONE).availability(AvailabilityLoss.TEMPORARY)),
          "Skyddade personuppgifter");
    }

    @Test
    void socialServicesData() {
      assertHighRisk(assess(misdirectedEmail().categories(IDENTITY, SOCIAL_SERVICES)), "Socialtjänstuppgifter");
    }

    @Test
    void children() {
      assertHighRisk(assess(misdirectedEmail().vulnerable()), "Barn eller andra sårbara personer berörs");
    }

    @Test
    void childrenWhoseDataWasOnlyBrieflyUnavailableAreNotPresumedAtHighRisk() {
      RiskAssessment assessment = assess(misdirectedEmail().vulnerable().confidentiality(ConfidentialityLoss.NONE)
          .availability(AvailabilityLoss.TEMPORARY));
      assertThat(assessment.riskLevel()).isEqualTo(RiskLevel.RISK);
    }

    @Test
    void personalIdentityNumbersInVolume() {
      assertHighRisk(assess(misdirectedEmail().categories(IDENTITY, PERSONAL_ID_NUMBER).count(100)),
          "Personnummer för många personer (100–999 registrerade)");
      assertThat(assess(misdirectedEmail().categories(IDENTITY, PERSONAL_ID_NUMBER).count(60_000)).riskLevel())
          .isEqualTo(RiskLevel.HIGH_RISK);
    }

    @Test
    void aFewPersonalIdentityNumbersAreARiskNotAHighRisk() {
      RiskAssessment assessment = assess(misdirectedEmail().categories(IDENTITY, PERSONAL_ID_NUMBER).count(99));
      assertThat(assessment.riskLevel()).isEqualTo(RiskLevel.RISK);
      assertThat(assessment.notifyAuthority()).isTrue();
      assertThat(assessment.notifyDataSubjects()).isFalse();
      assertThat(assessment.reasons()).contains("Personnummer eller samordningsnummer");
    }

    @Test
    void healthData() {
      assertHighRisk(assess(misdirectedEmail().categories(IDENTITY, HEALTH)), "Känsliga personuppgifter (hälsa)");
    }

    @Test
    void healthDataUnavailableInCare() {
      assertHighRisk(assess(misdirectedEmail().categories(HEALTH).vulnerable().confidentiality(ConfidentialityLoss.NONE)
          .availability(AvailabilityLoss.TEMPORARY).malicious()), "Känsliga personuppgifter (hälsa)");
    }

    @Test
    void otherSpecialCategoriesAndCriminalOffences() {
      assertHighRisk(assess(misdirectedEmail().categories(SPECIAL_CATEGORY)), "Känsliga personuppgifter (art. 9)");
      assertHighRisk(assess(misdirectedEmail().categories(CRIMINAL_OFFENCE)),
          "Uppgifter om lagöverträdelser (art. 10)");
    }

    private void assertHighRisk(RiskAssessment assessment, String reason) {
      assertThat(assessment.riskLevel()).isEqualTo(RiskLevel.HIGH_RISK);
      assertThat(assessment.notifyAuthority()).isTrue();
      assertThat(assessment.notifyDataSubjects()).isTrue();
      assertThat(assessment.reasons()).contains(reason);
    }
  }

  @Nested
  class MitigatingFacts {

    @Test
    void unintelligibleDataIsNoRisk() {
      RiskAssessment assessment = assess(misdirectedEmail().categories(HEALTH)
          .confidentiality(ConfidentialityLoss.UNKNOWN_RECIPIENTS).malicious().unintelligible());
      assertThat(assessment.riskLevel()).isEqualTo(RiskLevel.NO_RISK);
      assertThat(assessment.reasons())
          .contains("Uppgifterna var oläsliga för obehöriga (t.ex. krypterade och nyckeln inte röjd)");
    }

    @Test
    void unintelligibleDataDoesNotHelpAgainstLoss() {
      RiskAssessment assessment = assess(misdirectedEmail().confidentiality(ConfidentialityLoss.NONE)
          .availability(AvailabilityLoss.PERMANENT).unintelligible());
      assertThat(assessment.riskLevel()).isEqualTo(RiskLevel.RISK);
    }

    @Test
    void aKnownRecipientWhoConfirmedDeletion() {
      RiskAssessment assessment = assess(misdirectedEmail().categories(IDENTITY, FINANCIAL).count(24)
          .deletionConfirmed());
      assertThat(assessment.severity()).isEqualTo(Severity.HIGH);
      assertThat(assessment.riskLevel()).isEqualTo(RiskLevel.NO_RISK);
      assertThat(assessment.reasons()).contains("Mottagaren har bekräftat radering", "Kända mottagare");
    }

    @Test
    void deletionLowersSensitiveDataToARiskOnly() {
      RiskAssessment assessment = assess(misdirectedEmail().categories(HEALTH).deletionConfirmed());
      assertThat(assessment.riskLevel()).isEqualTo(RiskLevel.RISK);
      assertThat(assessment.notifyAuthority()).isTrue();
      assertThat(assessment.notifyDataSubjects()).isFalse();
    }

    @Test
    void deletionConfirmedByUnknownOrHostileRecipientsCountsForNothing() {
      RiskAssessment unknown = assess(misdirectedEmail().categories(FINANCIAL)
          .confidentiality(ConfidentialityLoss.UNKNOWN_RECIPIENTS).deletionConfirmed());
      assertThat(unknown.riskLevel()).isEqualTo(RiskLevel.HIGH_RISK);
      assertThat(unknown.reasons()).contains("Okänt antal mottagare");
      RiskAssessment hostile = assess(misdirectedEmail().malicious().deletionConfirmed());
      assertThat(hostile.riskLevel()).isEqualTo(RiskLevel.RISK);
    }

    @Test
    void nothingDisclosedAndAvailabilityRestoredQuickly() {
      RiskAssessment assessment = assess(misdirectedEmail().categories(FINANCIAL).count(5000).malicious()
          .confidentiality(ConfidentialityLoss.NONE).availability(AvailabilityLoss.NONE));
      assertThat(assessment.riskLevel()).isEqualTo(RiskLevel.NO_RISK);
    }
  }

  @Nested
  class RiskWithoutHighRisk {

    @Test
    void anAttackThatMadeDataUnavailableForAWhile() {
      RiskAssessment assessment = assess(misdirectedEmail().confidentiality(ConfidentialityLoss.NONE)
          .availability(AvailabilityLoss.TEMPORARY).malicious().count(50));
      assertThat(assessment.severity()).isEqualTo(Severity.LOW);
      assertThat(assessment.riskLevel()).isEqualTo(RiskLevel.RISK);
      assertThat(assessment.notifyDataSubjects()).isFalse();
    }

    @Test
    void permanentAlteration() {
      assertThat(assess(misdirectedEmail().confidentiality(ConfidentialityLoss.NONE)
          .integrity(IntegrityLoss.IRRECOVERABLE)).riskLevel()).isEqualTo(RiskLevel.RISK);
    }

    @Test
    void hardToIdentifyPeopleLowerTheSeverity() {
      RiskAssessment assessment = assess(misdirectedEmail().categories(CREDENTIALS)
          .identifiability(Identifiability.NEGLIGIBLE).confidentiality(ConfidentialityLoss.UNKNOWN_RECIPIENTS));
      assertThat(assessment.severityScore()).isEqualByComparingTo("1.25");
      assertThat(assessment.riskLevel()).isEqualTo(RiskLevel.NO_RISK);
      assertThat(assessment.reasons()).contains("Personerna är svåra att identifiera utifrån uppgifterna");
    }
  }

  /**
   * Data taken on purpose by unknown people is in the hands of someone whose intentions are unknown or malicious
   * (EDPB 9/2022, section IV.B): a high risk whenever the people can be identified, whatever the ENISA band.
   */
  @Nested
  class DataInTheWrongHands {

    /** EDPB 01/2021 case 5 in small: job applications taken from a website by malicious code. */
    @Test
    void simpleDataTakenByUnknownPeopleIsAHighRisk() {
      RiskAssessment assessment = assess(misdirectedEmail().categories(IDENTITY, CONTACT, EDUCATION_EMPLOYMENT)
          .count(213).confidentiality(ConfidentialityLoss.UNKNOWN_RECIPIENTS).malicious());
      assertThat(assessment.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(assessment.riskLevel()).isEqualTo(RiskLevel.HIGH_RISK);
      assertThat(assessment.notifyDataSubjects()).isTrue();
      assertThat(assessment.reasons().get(0)).startsWith("Hög risk: uppgifterna har avsiktligt hamnat hos okända");
      assertThat(decide("disclosure", "disclosure", misdirectedEmail()
          .confidentiality(ConfidentialityLoss.UNKNOWN_RECIPIENTS).malicious())).isEqualTo("TAKEN");
    }

    /** EDPB 01/2021 case 8 in small: an employee takes the clients' contact details with him. */
    @Test
    void aKnownPersonTakingDataOnPurposeIsARisk() {
      RiskAssessment assessment = assess(misdirectedEmail().count(200).malicious());
      assertThat(assessment.riskLevel()).isEqualTo(RiskLevel.RISK);
      assertThat(assessment.notifyDataSubjects()).isFalse();
    }

    @Test
    void unknownRecipientsByMistakeAreWeighedByTheSeverity() {
      assertThat(assess(misdirectedEmail().confidentiality(ConfidentialityLoss.UNKNOWN_RECIPIENTS)).riskLevel())
          .isEqualTo(RiskLevel.NO_RISK);
    }

    @Test
    void peopleWhoCanHardlyBeIdentifiedAreNotPresumedAtHighRisk() {
      RiskAssessment assessment = assess(misdirectedEmail().identifiability(Identifiability.LIMITED)
          .confidentiality(ConfidentialityLoss.UNKNOWN_RECIPIENTS).malicious());
      assertThat(assessment.riskLevel()).isEqualTo(RiskLevel.RISK);
    }

    @Test
    void unintelligibleDataTakenByUnknownPeopleIsNoRisk() {
      assertThat(assess(misdirectedEmail().confidentiality(ConfidentialityLoss.UNKNOWN_RECIPIENTS).malicious()
          .unintelligible()).riskLevel()).isEqualTo(RiskLevel.NO_RISK);
    }
  }

  @Nested
  class DataSubjectCommunication {

    @Test
    void highRiskWithUnintelligibleDataNeedsNoCommunication() {
      RiskAssessment assessment = assess(misdirectedEmail().categories(HEALTH).confidentiality(ConfidentialityLoss.NONE)
          .availability(AvailabilityLoss.TEMPORARY).unintelligible());
      assertThat(assessment.riskLevel()).isEqualTo(RiskLevel.HIGH_RISK);
      assertThat(assessment.notifyAuthority()).isTrue();
      assertThat(assessment.notifyDataSubjects()).isFalse();
      assertThat(assessment.reasons()).anyMatch(reason -> reason.startsWith("Undantag enligt art. 34.3 a"));
    }
  }

  @Nested
  class Reasons {

    @Test
    void explainTheResultFirstThenTheSeverityThenTheFacts() {
      RiskAssessment assessment = assess(misdirectedEmail().categories(IDENTITY, HEALTH)
          .confidentiality(ConfidentialityLoss.UNKNOWN_RECIPIENTS));
      assertThat(assessment.reasons()).containsExactly(
          "Hög risk: känsliga personuppgifter (art. 9) berörs",
          "Allvarlighetsgrad enligt ENISA: 4,5 (mycket hög) = DPC 4 × EI 1 + CB 0,5",
          "Känsliga personuppgifter (hälsa)",
          "Okänt antal mottagare");
    }

    @Test
    void nameTheCircumstances() {
      RiskAssessment assessment = assess(misdirectedEmail().categories(LOCATION).count(2000).publiclyAvailable()
          .integrity(IntegrityLoss.RECOVERABLE).availability(AvailabilityLoss.TEMPORARY).malicious());
      assertThat(assessment.reasons()).contains("Platsuppgifter", "Många registrerade (1 000 eller fler registrerade)",
          "Uppgifterna var offentligt tillgängliga redan före incidenten",
          "Uppgifter har ändrats men kan återställas", "Uppgifterna var tillfälligt otillgängliga",
          "Avsiktligt agerande (t.ex. intrång, stöld eller bedrägeri)");
    }
  }

  /** What Camunda Modeler and Cockpit need. */
  @Nested
  class Model {

    @Test
    void everyDecisionHasAHistoryTimeToLiveAShapeAndEdgesForItsRequirements() throws IOException {
      DmnModelInstance model;
      try (InputStream in = Files.newInputStream(se.breachflow.assessment.Dmn.MODEL)) {
        model = Dmn.readModelFromStream(in);
      }
      Collection<Decision> decisions = model.getModelElementsByType(Decision.class);
      assertThat(decisions).hasSizeGreaterThan(5);
      Set<String> shapes = referencedBy(model, "DMNShape");
      Set<String> edges = referencedBy(model, "DMNEdge");
      for (Decision decision : decisions) {
        assertThat(decision.getCamundaHistoryTimeToLiveString()).as(decision.getId()).isNotBlank();
        assertThat(shapes).as("shape of %s", decision.getId()).contains(decision.getId());
        for (InformationRequirement requirement : decision.getInformationRequirements()) {
          String id = requirement.getAttributeValue("id");
          assertThat(id).as("id of a requirement of %s", decision.getId()).isNotBlank();
          assertThat(edges).as("edge of %s", id).contains(id);
        }
      }
      assertThat(graph.getDecisions()).hasSameSizeAs(decisions);
    }

    private Set<String> referencedBy(DmnModelInstance model, String localName) {
      return collect(model.getDocument().getRootElement(), localName);
    }

    private Set<String> collect(DomElement element, String localName) {
      Set<String> ids = element.getChildElements().stream()
          .flatMap(child -> collect(child, localName).stream()).collect(Collectors.toSet());
      if (localName.equals(element.getLocalName())) {
        ids.add(element.getAttribute("dmnElementRef"));
      }
      return ids;
    }
  }
}
