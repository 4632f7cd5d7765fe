package se.breachflow.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import se.breachflow.support.BreachflowTest;

/** The Swedish start page at "/" (no redirect to the webapps), and the webapps' Swedish files as served. */
@BreachflowTest
class StartPageTest {

  @Autowired TestRestTemplate http;

  @Test
  void rootServesTheSwedishStartPageWithItsThreeWays() {
    ResponseEntity<String> page = http.getForEntity("/", String.class);

    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getHeaders().getContentType()).isNotNull();
    assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(page.getBody())
        .contains("<html lang=\"sv\">")
        .contains("<h1>Personuppgiftsincidenter</h1>")
        .contains("<h2>Rapportera en personuppgiftsincident</h2>")
        .contains("href=\"/camunda/app/tasklist/default/#/?processStart=personal-data-breach\"")
        .contains("<h2>Mina ärenden</h2>")
        .contains("href=\"/camunda/app/tasklist/\"")
        .contains("<h2>Översikt</h2>")
        .contains("href=\"/camunda/app/cockpit/default/#/oversikt\"")
        .contains("Vad är en personuppgiftsincident?")
        .contains("72 timmar")
        .contains("<h2 id=\"mina\">Mina rapporter</h2>")
        .contains("<h2 id=\"lev\">Leverantörsincidenter</h2>")
        .contains("href=\"/camunda/app/tasklist/default/#/?processStart=supplier-incident\"");
    assertThat(http.getForEntity("/start.css", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.getForEntity("/start.js", String.class).getBody()).contains("/api/incidents?mine=true")
        .contains("/api/supplier-incidents");
  }

  @Test
  void webappsServeOurSwedishConfigurationAndLocalesBeforeTheWebjars() {
    for (String app : new String[] {"tasklist", "welcome", "cockpit"}) {
      ResponseEntity<String> config = http.getForEntity("/camunda/app/" + app + "/scripts/config.js", String.class);
      assertThat(config.getStatusCode()).as(app).isEqualTo(HttpStatus.OK);
      assertThat(config.getBody()).as(app).contains("availableLocales: ['sv', 'en']").contains("fallbackLocale: 'sv'");
      ResponseEntity<String> swedish = http.getForEntity("/camunda/app/" + app + "/locales/sv.json", String.class);
      assertThat(swedish.getStatusCode()).as(app).isEqualTo(HttpStatus.OK);
      ResponseEntity<String> english = http.getForEntity("/camunda/app/" + app + "/locales/en.json", String.class);
      assertThat(english.getStatusCode()).as(app).isEqualTo(HttpStatus.OK);
    }
    assertThat(http.getForEntity("/camunda/app/tasklist/locales/sv.json", String.class).getBody())
        .contains("\"START_PROCESS\": \"Starta process\"");
  }
}
