package se.breachflow.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.breachflow.document.Pdfs;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.workflow.BpmnIds;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.IncidentDriver;
import se.breachflow.support.Reports;

/**
 * Journeys 2 and 3 in a real browser, in Swedish: the coordinator claims and completes the assessment; the DPO
 * decides to notify IMY, downloads the IMY document and records IMY's case number; management opens Cockpit and
 * sees the instance. Screenshots go to target/e2e/. Without Chromium and its driver the test is skipped.
 */
@BreachflowTest
@EnabledIf(value = "se.breachflow.ui.BrowserSession#present", disabledReason = BrowserSession.MISSING)
class CaseJourneyBrowserTest {

  private static final String FORM = "//form[contains(@class,'fjs-form')]";
  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

  @LocalServerPort int port;
  @Autowired IncidentDriver driver;
  @Autowired RepositoryService repository;
  @Autowired IncidentRepository incidents;

  @Test
  void coordinatorAssessesDpoNotifiesImyAndManagementSeesTheInstance() throws IOException {
    Map<String, Object> report = Reports.discoveredAgo(Duration.ofHours(1));
    ProcessInstance instance = driver.report(report);
    String number = incidents.findByProcessInstance(instance.getId()).orElseThrow().number();

    // Journey 2a: the coordinator claims and completes the assessment.
    try (BrowserSession coordinator = new BrowserSession("journey2-coordinator")) {
      coordinator.logIn(taskUrl(instance, BpmnIds.ASSESS), "coordinator");
      coordinator.click("Ta uppgiften");
      coordinator.tick(FORM, "Röjda för kända mottagare");
      coordinator.tick(FORM, "Inga uppgifter har ändrats");
      coordinator.tick(FORM, "Ingen förlust");
      coordinator.screenshot("1-assessment");
      coordinator.click("Slutför");
      driver.awaitTask(instance, BpmnIds.DPO_ADVICE);
      coordinator.screenshot("2-done");
    }

    Instant submitted = Instant.now().minus(Duration.ofMinutes(5));
    try (BrowserSession dpo = new BrowserSession("journey2-dpo")) {
      // Journey 2b: the DPO sees the recommendation and advises as it recommends (notify IMY).
      dpo.logIn(taskUrl(instance, BpmnIds.DPO_ADVICE), "dpo");
      dpo.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
          "Regelverkets rekommendation"));
      dpo.click("Ta uppgiften");
      WebElement advise = dpo.field(FORM, "Jag råder den personuppgiftsansvarige att anmäla till IMY")
          .findElement(By.tagName("input"));
      assertThat(advise.isSelected()).as("the recommendation is the default").isTrue();
      dpo.screenshot("1-advice");

      // The IMY document, downloaded from the form's link with the Tasklist login (no second password).
      String tasklist = dpo.browser.getWindowHandle();
      WebElement link = dpo.browser.findElement(By.xpath(FORM + "//a[contains(@href,'/documents/imy-notification')]"));
      assertThat(link.getAttribute("href")).endsWith("/api/incidents/" + number + "/documents/imy-notification");
      assertThat(link.getAttribute("target")).as("the form stays open").isEqualTo("_blank");
      link.click();
      byte[] pdf = Files.readAllBytes(dpo.downloaded());
      assertThat(Pdfs.text(pdf)).contains(number).contains("UTKAST");
      for (String window : dpo.browser.getWindowHandles()) {
        if (!window.equals(tasklist)) {
          dpo.browser.switchTo().window(window).close();
        }
      }
      dpo.browser.switchTo().window(tasklist);

      dpo.click("Slutför");
      driver.awaitTask(instance, BpmnIds.DECISION);
    }

    try (BrowserSession decider = new BrowserSession("journey2-decider")) {
      // Journey 2c: the controller's decision maker decides on the DPO's advice (notify IMY).
      decider.logIn(taskUrl(instance, BpmnIds.DECISION), "decider");
      decider.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
          "Dataskyddsombudets råd"));
      decider.click("Ta uppgiften");
      WebElement notify = decider.field(FORM, "Anmäl till IMY").findElement(By.tagName("input"));
      assertThat(notify.isSelected()).as("the DPO's advice is the default").isTrue();
      decider.screenshot("1-decision");
      decider.click("Slutför");
      driver.awaitTask(instance, BpmnIds.NOTIFY_IMY);
    }

    try (BrowserSession dpo = new BrowserSession("journey2-dpo-notification")) {
      // Journey 2d: the DPO files the notification on the controller's behalf and records IMY's case number.
      dpo.logIn(taskUrl(instance, BpmnIds.NOTIFY_IMY), "dpo");
      dpo.click("Ta uppgiften");
      dpo.field(FORM, "IMY:s diarienummer").findElement(By.tagName("input")).sendKeys("IMY-2026-4711");
      WebElement when = dpo.field(FORM, "När skickades anmälan?");
      WebElement date = when.findElement(By.cssSelector("input[placeholder='åååå-mm-dd']"));
      date.sendKeys(DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(STOCKHOLM).format(submitted), Keys.ENTER);
      WebElement time = when.findElement(By.cssSelector("input[placeholder='tt:mm']"));
      time.sendKeys(DateTimeFormatter.ofPattern("HH:mm").withZone(STOCKHOLM).format(submitted), Keys.TAB);
      dpo.tick(FORM, "Fullständig anmälan");
      dpo.screenshot("2-imy");
      dpo.click("Slutför");
      dpo.wait.until(browser -> incidents.find(number).orElseThrow().imy() != null);
      dpo.screenshot("3-done");
    }
    assertThat(incidents.find(number).orElseThrow().imy().caseNumber()).isEqualTo("IMY-2026-4711");
    assertThat(incidents.find(number).orElseThrow().imy().submittedAt())
        .as("the time typed in Stockholm time, in the Swedish date order")
        .isEqualTo(submitted.truncatedTo(ChronoUnit.MINUTES));

    // Journey 3: management opens Cockpit and sees the instance.
    try (BrowserSession manager = new BrowserSession("journey3-manager")) {
      String definition = repository.createProcessDefinitionQuery().processDefinitionKey(BpmnIds.PROCESS)
          .latestVersion().singleResult().getId();
      manager.logIn("http://localhost:" + port + "/camunda/app/cockpit/default/#/process-definition/"
          + definition + "/runtime", "manager");
      manager.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), number));
      manager.screenshot("1-cockpit");
    }
  }

  private String taskUrl(ProcessInstance instance, String taskKey) {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + driver.awaitTask(instance, taskKey).getId();
  }
}
