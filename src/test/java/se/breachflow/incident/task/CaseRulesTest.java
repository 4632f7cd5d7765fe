package se.breachflow.incident.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import se.breachflow.assessment.AvailabilityLoss;
import se.breachflow.assessment.BreachType;
import se.breachflow.assessment.Cause;
import se.breachflow.assessment.DataCategory;
import se.breachflow.assessment.IntegrityLoss;
import se.breachflow.assessment.RiskAssessment;
import se.breachflow.assessment.RiskFacts;
import se.breachflow.assessment.RiskLevel;
import se.breachflow.assessment.Severity;
import se.breachflow.incident.Decision;
import se.breachflow.incident.ImyNotification;
import se.breachflow.incident.ImyReportType;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentReport;
import se.breachflow.incident.IncidentStatus;
import se.breachflow.incident.Recipient;
import se.breachflow.incident.ReportValidator;
import se.breachflow.organisation.ControllerRegistry;
import se.breachflow.organisation.DataController;
import se.breachflow.shared.FieldError;
import se.breachflow.shared.FormReader;
import se.breachflow.shared.InvalidInputException;
import se.breachflow.shared.Times;

/**
 * The case's legal rules on plain records, without the engine or Spring: what is late, which assessment
 * counts, what a report must hold, and what each step refuses. (The journeys through the engine are the
 * full-app tests; these are the rules they rely on.)
 */
class CaseRulesTest {

  /** The rules read the clock (Times.now) for "in the future": the tests' times are relative to it. */
  static final Instant NOW = Times.now().truncatedTo(ChronoUnit.SECONDS);
  static final Instant DEADLINE = NOW.minus(Duration.ofHours(1));

  static IncidentReport report() {
    return new IncidentReport("E-post till fel mottagare.", Cause.MISDIRECTED_EMAIL, NOW.minus(Duration.ofDays(4)),
        NOW.minus(Duration.ofDays(3)), Set.of(BreachType.CONFIDENTIALITY), Set.of(DataCategory.IDENTITY), 3, false,
        Recipient.EXTERNAL, false, "Molntjänsten AB", NOW.minus(Duration.ofHours(73)), null, null, null, null, null, false);
  }

  static RiskAssessment assessment(RiskLevel level, boolean notify, boolean inform) {
    return new RiskAssessment(new BigDecimal("2.25"), Severity.MEDIUM, level, notify, inform, List.of("Skäl."));
  }

  static Incident.Builder incident() {
    return Incident.builder().number("PUI-2031-0001").controllerId("ks").status(IncidentStatus.IMY_NOTIFICATION)
        .reported("reporter", NOW.minus(Duration.ofDays(3))).authorityDeadline(DEADLINE).report(report())
        .facts(RiskFacts.fromReport(Set.of(BreachType.CONFIDENTIALITY), Cause.MISDIRECTED_EMAIL,
            Set.of(DataCategory.IDENTITY), 3, false, true, false));
  }

  static Decision decision(boolean notifyImy) {
    return new Decision(false, notifyImy, false, false, null, "decider", NOW.minus(Duration.ofHours(2)));
  }

  static ImyNotification filed(Instant at) {
    return new ImyNotification("IMY-1", at, ImyReportType.COMPLETE, "dpo", null, null, null, null, null, null);
  }

  /** A form's submission: the fields it has, also the empty ones. */
  static FormReader submission(Map<String, ?> values) {
    return new FormReader(values::get, values::containsKey);
  }

  static List<String> fieldsRefused(Runnable check) {
    try {
      check.run();
    } catch (InvalidInputException invalid) {
      return invalid.errors().stream().map(FieldError::field).toList();
    }
    return List.of();
  }

  @Nested
  class Lateness {

    @Test
    void aNotificationStillOwedAfterTheDeadlineIsLate() {
      assertThat(incident().build().isLate(NOW)).isTrue();
      assertThat(incident().build().isLate(DEADLINE.minusSeconds(1))).isFalse();
      assertThat(incident().decision(decision(true)).build().isLate(NOW)).isTrue();
    }

    @Test
    void aNotificationFiledInTimeIsNotLateWhenTheDeadlineHasPassed() {
      assertThat(incident().imy(filed(DEADLINE.minusSeconds(60))).build().isLate(NOW)).isFalse();
      assertThat(incident().imy(filed(DEADLINE.plusSeconds(60))).build().isLate(NOW)).isTrue();
    }

    @Test
    void nothingIsOwedAfterADecisionNotToNotifyOrOnceClosed() {
      assertThat(incident().decision(decision(false)).build().isLate(NOW)).isFalse();
      assertThat(incident().status(IncidentStatus.CLOSED_NOT_A_BREACH).build().isLate(NOW)).isFalse();
    }

    @Test
    void theDeadlineTimersMarkStays() {
      assertThat(incident().late(true).decision(decision(false)).build().isLate(NOW)).isTrue();
    }
  }

  @Test
  void theFinalAssessmentCountsOnceThereIsOne() {
    RiskAssessment preliminary = assessment(RiskLevel.HIGH_RISK, true, true);
    RiskAssessment assessed = assessment(RiskLevel.RISK, true, false);
    assertThat(incident().build().latestAssessment()).isNull();
    assertThat(incident().preliminaryAssessment(preliminary).build().latestAssessment()).isSameAs(preliminary);
    assertThat(incident().preliminaryAssessment(preliminary).finalAssessment(assessed).build().latestAssessment())
        .isSameAs(assessed);
  }

  @Nested
  class Report {

    final ReportValidator validator = new ReportValidator(new ControllerRegistry(List.of(
        new DataController("ks", "Kommunstyrelsen", null, null, null))));

    Map<String, Object> valid() {
      Map<String, Object> values = new HashMap<>();
      values.put("controllerId", "ks");
      values.put("description", "Ett brev till fel adress.");
      values.put("cause", "MISDIRECTED_POST");
      values.put("breachTypes", List.of("CONFIDENTIALITY"));
      values.put("dataCategories", "IDENTITY,CONTACT");
      values.put("dataSubjectCount", 2);
      values.put("recipient", "EXTERNAL");
      return values;
    }

    @Test
    void aReportWithoutADiscoveryTimeWasDiscoveredWhenReported() {
      ReportValidator.ValidReport report = validator.validate(valid()::get, NOW);
      assertThat(report.controllerId()).isEqualTo("ks");
      assertThat(report.report().discoveredAt()).isEqualTo(NOW);
      assertThat(report.report().dataCategories()).containsExactlyInAnyOrder(DataCategory.IDENTITY,
          DataCategory.CONTACT);
      assertThat(report.report().recipient()).isEqualTo(Recipient.EXTERNAL);
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
      Map<String, Object> values = valid();
      values.put("controllerId", "nope");
      values.put("description", "x".repeat(20_001));
      values.put("dataSubjectCount", 0);
      values.put("occurredAt", NOW.plus(Duration.ofDays(1)).toString());
      values.put("breachTypes", List.of());
      assertThat(fieldsRefused(() -> validator.validate(values::get, NOW))).containsExactlyInAnyOrder(
          "controllerId", "description", "dataSubjectCount", "occurredAt", "breachTypes");
    }

    @Test
    void onlyAMisdirectedMessageHasARecipient() {
      Map<String, Object> values = valid();
      values.put("cause", "LOST_OR_STOLEN");
      values.put("recipientConfirmedDeletion", true);
      IncidentReport report = validator.validate(values::get, NOW).report();
      assertThat(report.recipient()).isNull();
      assertThat(report.recipientConfirmedDeletion()).isFalse();
    }

    @Test
    void aProcessorMustBeNamedWhenOneIsInvolved() {
      Map<String, Object> values = valid();
      values.put("processorInvolved", true);
      assertThat(fieldsRefused(() -> validator.validate(values::get, NOW))).containsExactly("processor");
    }

    @Test
    void theAssessmentKeepsWhatFixesTheDeadlineAndWhatTheFormDidNotSend() {
      IncidentReport current = report();
      Map<String, Object> corrected = new HashMap<>();
      corrected.put("description", "Rättad beskrivning.");
      corrected.put("cause", "MISDIRECTED_EMAIL");
      corrected.put("breachTypes", List.of("CONFIDENTIALITY"));
      corrected.put("dataCategories", List.of("IDENTITY"));
      corrected.put("dataSubjectCount", 5);
      corrected.put("discoveredAt", NOW.toString());
      corrected.put("measuresTaken", null);

      FormReader in = submission(corrected);
      IncidentReport revised = validator.revise(current, in, NOW);

      assertThat(in.hasErrors()).isFalse();
      assertThat(revised.description()).isEqualTo("Rättad beskrivning.");
      assertThat(revised.dataSubjectCount()).isEqualTo(5);
      assertThat(revised.discoveredAt()).as("fixes the deadline").isEqualTo(current.discoveredAt());
      assertThat(revised.processorNotifiedAt()).as("fixes the deadline").isEqualTo(current.processorNotifiedAt());
      assertThat(revised.processor()).as("not sent: kept").isEqualTo("Molntjänsten AB");
      assertThat(revised.recipient()).as("not sent: kept").isEqualTo(Recipient.EXTERNAL);
      assertThat(revised.measuresTaken()).as("sent empty: emptied").isNull();
    }
  }

  @Nested
  class Steps {

    @Test
    void aLateNotificationNeedsTheReasonsForTheDelay() {
      NotifyImyForm form = new NotifyImyForm(null, null, null, null);
      Map<String, Object> values = new HashMap<>(Map.of("imyCaseNumber", "IMY-2031-1",
          "imySubmittedAt", NOW.minusSeconds(60).toString(), "imyReportType", "COMPLETE",
          "imyContactAddress", "Box 1, 123 45 Exempelstad"));
      assertThat(fieldsRefused(() -> form.check(incident().build(), submission(values))))
          .containsExactly("imyLateReason");

      values.put("imyLateReason", "Nämnden sammanträdde först i dag.");
      assertThat(fieldsRefused(() -> form.check(incident().build(), submission(values)))).isEmpty();
    }

    @Test
    void aNotificationInTimeNeedsNoReasons() {
      NotifyImyForm form = new NotifyImyForm(null, null, null, null);
      Incident inTime = incident().authorityDeadline(NOW.plus(Duration.ofHours(5))).build();
      Map<String, Object> values = Map.of("imyCaseNumber", "IMY-2031-1",
          "imySubmittedAt", NOW.minusSeconds(60).toString(), "imyReportType", "PRELIMINARY",
          "imyContactAddress", "Box 1, 123 45 Exempelstad");
      assertThat(fieldsRefused(() -> form.check(inTime, submission(values)))).isEmpty();
    }

    @Test
    void aDecisionThatDepartsFromTheRecommendationNeedsAJustification() {
      DpoReviewForm form = new DpoReviewForm(null);
      Incident recommended = incident().status(IncidentStatus.DPO_REVIEW)
          .finalAssessment(assessment(RiskLevel.RISK, true, false)).build();
      assertThat(fieldsRefused(() -> form.check(recommended, submission(Map.of("notifyImy", true,
          "informDataSubjects", false))))).isEmpty();
      assertThat(fieldsRefused(() -> form.check(recommended, submission(Map.of("notifyImy", false,
          "informDataSubjects", false))))).containsExactly("decisionJustification");
      assertThat(fieldsRefused(() -> form.check(recommended, submission(Map.of("notABreach", true)))))
          .containsExactly("decisionJustification");
    }

    @Test
    void aLossTheBreachTypesDoNotListIsAContradiction() {
      AssessIncidentForm form = new AssessIncidentForm(new ReportValidator(new ControllerRegistry(List.of(
          new DataController("ks", "Kommunstyrelsen", null, null, null)))), null, null);
      Map<String, Object> values = new HashMap<>(Map.of("identifiability", "MAXIMUM",
          "confidentialityLoss", "KNOWN_RECIPIENTS", "integrityLoss", IntegrityLoss.IRRECOVERABLE.name(),
          "availabilityLoss", AvailabilityLoss.NONE.name()));
      assertThatThrownBy(() -> form.check(incident().build(), submission(values)))
          .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(invalid.errors())
              .singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("integrityLoss");
                assertThat(error.reason()).as("names the option as the form shows it")
                    .contains(BreachType.INTEGRITY.choice());
              }));
      values.put("integrityLoss", IntegrityLoss.NONE.name());
      assertThat(fieldsRefused(() -> form.check(incident().build(), submission(values)))).isEmpty();
    }
  }
}
