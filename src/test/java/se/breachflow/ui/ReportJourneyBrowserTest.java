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

import se.breachflow.workflow.BpmnIds;
import se.breachflow.support.BreachflowTest;

/**
 * Journey 1 in a real browser: the reporter opens the start page, chooses to report an incident, logs in to
 * Tasklist (in Swedish) and lands in the report form; fills it in for a misdirected e-mail, submits it and sees
 * the incident number. Screenshots go to target/e2e/. Without Chromium and its driver the test is skipped with
 * that message.
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
  void reporterReportsAMisdirectedEmailFromTheStartPage() throws IOException {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    String description = "E-post med tre elevers namn skickades till fel vårdnadshavare (test " + marker + ").";

    // The start page's first choice leads, through Tasklist's login, straight to the report form.
    session.browser.get("http://localhost:" + port + "/");
    session.screenshot("1-start-page");
    session.browser.findElement(By.partialLinkText("Rapportera en personuppgiftsincident")).click();
    session.logIn("reporter");
    session.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(FORM + "//form[contains(@class,'fjs-form')]")));
    // The dialog speaks of the report, not of "Starta process: Personuppgiftsincident" (issue 21).
    session.wait.until(ExpectedConditions.textToBe(By.cssSelector(".modal-title"), "Rapportera en personuppgiftsincident"));

    // form-js's own texts are in Swedish: a required field left empty says so.
    WebElement controller = session.field(FORM, "Vilken nämnd eller vilket bolag ansvarar");
    assertThat(controller.getText()).contains("Välj").doesNotContain("Select");
    session.browser.findElement(By.cssSelector(".modal-footer button.btn-primary")).click();
    session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.xpath(FORM), "Fältet måste fyllas i."));
    assertThat(session.browser.findElement(By.xpath(FORM)).getText()).doesNotContain("Field is required");
    session.screenshot("2-required-fields");

    session.choose(FORM, "Vilken nämnd eller vilket bolag ansvarar", "Kommunstyrelsen");
    session.field(FORM, "Vad har hänt?").findElement(By.tagName("textarea")).sendKeys(description);
    session.choose(FORM, "Vad orsakade incidenten?", "Felskickad e-post");
    session.tick(FORM, "Någon obehörig har fått eller kan ha fått se dem");
    session.tick(FORM, "Namn och andra identitetsuppgifter");
    session.tick(FORM, "Kontaktuppgifter (adress, telefon, e-post)");
    session.field(FORM, "Ungefär hur många personer berörs?").findElement(By.tagName("input")).sendKeys("3");
    session.tick(FORM, "Berörs barn eller andra särskilt sårbara");
    session.tick(FORM, "Någon utanför kommunen");
    session.screenshot("3-report-filled");

    session.browser.findElement(By.cssSelector(".modal-footer button.btn-primary")).click();
    WebElement receipt = session.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".breachflow-receipt")));
    String number = receipt.findElement(By.cssSelector(".breachflow-receipt-number")).getText();
    assertThat(receipt.getText()).contains("Din rapport är registrerad").contains("Ärendenummer: " + number);
    assertThat(number).matches("PUI-\\d{4}-\\d{4}");
    session.screenshot("4-reported");

    List<HistoricProcessInstance> reported = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(BpmnIds.PROCESS).startedBy("reporter").orderByProcessInstanceStartTime().desc().list();
    assertThat(reported).isNotEmpty();
    assertThat(reported.get(0).getBusinessKey()).as("the number shown is the report's").isEqualTo(number);
    ResponseEntity<String> incident = http.withBasicAuth("reporter", "reporter")
        .getForEntity("/api/incidents/" + number, String.class);
    assertThat(incident.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(incident.getBody()).contains(marker).contains("\"MISDIRECTED_EMAIL\"").contains("\"controllerId\":\"ks\"");

    receipt.findElement(By.tagName("button")).click();
    session.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".breachflow-receipt")));

    // Back on the start page, logged in: the report is listed under "Mina rapporter" with its status.
    session.browser.get("http://localhost:" + port + "/");
    WebElement mine = session.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mina-rapporter")));
    session.wait.until(ExpectedConditions.textToBePresentInElement(mine, number));
    assertThat(mine.getText()).contains("Mina rapporter").contains("Bedöms av dataskyddssamordnare");
    session.screenshot("5-my-reports");
  }
}
