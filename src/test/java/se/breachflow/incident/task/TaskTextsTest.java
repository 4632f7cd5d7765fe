package se.breachflow.incident.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The words of the task forms that issue 21 changed: the ENISA formula named, a late deadline said. */
class TaskTextsTest {

  @Test
  void theEnisaFormulaIsSaidInWords() {
    assertThat(AssessmentText.plain("Allvarlighetsgrad enligt ENISA: 2,25 (medel) = DPC 2 × EI 1 + CB 0,25"))
        .isEqualTo("Allvarlighetsgrad enligt ENISA: 2,25 (medel) = uppgifternas känslighet i sitt sammanhang (2) × "
            + "hur lätt personerna kan identifieras (1) + omständigheterna kring incidenten (0,25)");
    assertThat(AssessmentText.plain("Barn eller andra sårbara personer berörs"))
        .isEqualTo("Barn eller andra sårbara personer berörs");
  }

  @Test
  void aPassedDeadlineSaysTheCaseIsLate() {
    Instant deadline = Instant.parse("2026-12-01T07:24:00Z");
    assertThat(TaskForms.deadline(deadline, Instant.parse("2026-12-01T07:20:00Z")))
        .isEqualTo("2026-12-01 kl. 08:24 (om 4 minuter)");
    assertThat(TaskForms.deadline(deadline, Instant.parse("2026-12-01T10:30:00Z")))
        .isEqualTo("2026-12-01 kl. 08:24 (passerad för 3 timmar sedan – ärendet är försenat)");
    assertThat(TaskForms.deadline(null, Instant.parse("2026-12-01T10:30:00Z"))).isEmpty();
  }
}
