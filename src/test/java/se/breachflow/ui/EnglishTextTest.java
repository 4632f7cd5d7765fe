package se.breachflow.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The scanner of English texts finds Camunda's, form-js's and Spring's English, and passes breachflow's Swedish. */
class EnglishTextTest {

  @Test
  void findsTheEnglishOfCamundasWebappsFormJsAndSpring() {
    assertThat(EnglishText.known()).isGreaterThan(1000);
    assertThat(EnglishText.foundIn("Whitelabel Error Page\nThis application has no explicit mapping for /error"))
        .contains("Whitelabel Error Page");
    assertThat(EnglishText.foundIn("Bedöm incidenten\nClaim\nAdd a simple filter")).contains("Claim", "Add a simple filter");
    assertThat(EnglishText.foundIn("Field is required.")).contains("Field is required");
    assertThat(EnglishText.foundIn("The process has been started.")).isNotEmpty();
  }

  @Test
  void passesSwedishTextsAndTheProductNamesSwedishUses() {
    assertThat(EnglishText.foundIn("""
        Rapportera en personuppgiftsincident
        Bedöm incidenten — PUI-2026-0001, Kommunstyrelsen
        Frist för anmälan till IMY: 2026-12-03 kl. 08:24 (om 2 dagar)
        Tasklist Cockpit Admin Filter Status Start Version
        Skicka rapport  Mina rapporter  Ärende  Nämnd eller bolag
        """)).isEmpty();
  }
}
