package se.breachflow.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import se.breachflow.process.BpmnIds;
import se.breachflow.support.BreachflowTest;

/**
 * Journey 1 in a real browser: the reporter logs in to Tasklist (in Swedish), starts "Personuppgiftsincident", fills
 * in the report of a misdirected e-mail and submits it; the incident is then registered. Screenshots go to
 * target/e2e/. Without Chromium and its driver the test is skipped with that message.
 */
@BreachflowTest
@EnabledIf(value = "se.breachflow.ui.BrowserSession#present", disabledReason = BrowserSession.MISSING)
class ReportJourneyBrowserTest {

  private static final String FORM = "//div[contains(@class,'modal-content')]";

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired HistoryService history;

  private BrowserSession session;

  @BeforeEach
  void openBrowser() throws IOException {
    session = new BrowserSession("journey1");
  }

  @AfterEach
  void closeBrowser() {
    if (session != null) {
      session.close();
    }
  }

  @Test
  void reporterReportsAMisdirectedEmailInTasklist() throws IOException {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    String description = "E-post med tre elevers namn skickades till fel vårdnadshavare (test " + marker + ").";

    session.logIn("http://localhost:" + port + "/camunda/app/tasklist/", "reporter");
    WebElement start = session.wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Starta process")));
    session.screenshot("1-tasklist");
    start.click();
    session.wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath(FORM + "//a[normalize-space(.)='Personuppgiftsincident']"))).click();

    session.choose(FORM, "Vilken nämnd eller vilket bolag ansvarar", "Kommunstyrelsen");
    session.field(FORM, "Vad har hänt?").findElement(By.tagName("textarea")).sendKeys(description);
    session.choose(FORM, "Vad orsakade incidenten?", "Felskickad e-post");
    session.tick(FORM, "Någon obehörig har fått eller kan ha fått se dem");
    session.tick(FORM, "Namn och andra identitetsuppgifter");
    session.tick(FORM, "Kontaktuppgifter (adress, telefon, e-post)");
    session.field(FORM, "Ungefär hur många personer berörs?").findElement(By.tagName("input")).sendKeys("3");
    session.tick(FORM, "Berörs barn eller andra särskilt sårbara");
    session.tick(FORM, "Någon utanför kommunen");
    session.screenshot("2-report-filled");

    session.browser.findElement(By.cssSelector(".modal-footer button.btn-primary")).click();
    session.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-content")));
    session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Processen har startats."));
    session.screenshot("3-reported");

    List<HistoricProcessInstance> reported = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(BpmnIds.PROCESS).startedBy("reporter").orderByProcessInstanceStartTime().desc().list();
    assertThat(reported).isNotEmpty();
    String number = reported.get(0).getBusinessKey();
    ResponseEntity<String> incident = http.withBasicAuth("reporter", "reporter")
        .getForEntity("/api/incidents/" + number, String.class);
    assertThat(incident.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(incident.getBody()).contains(marker).contains("\"MISDIRECTED_EMAIL\"").contains("\"controllerId\":\"ks\"");
  }
}
