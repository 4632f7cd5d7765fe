package se.breachflow.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.breachflow.support.BreachflowTest;
import se.breachflow.workflow.BpmnIds;

/**
 * Issue 19 in a real browser: the DPO (of both demo controllers) starts *Leverantörsincident* in Tasklist, fills
 * in the supplier's facts and two controllers in the form's list — each with the time the supplier told it,
 * typed as åååå-mm-dd whatever the browser's language — submits, and sees on the start page the supplier
 * incident with its two linked cases, each with its own deadline in Stockholm time; on a phone's width too.
 * Run in a Swedish and in an English browser (which without the Swedish date order would record other days).
 * The times are relative to now, so the test means the same on any date.
 */
@BreachflowTest
@EnabledIf(value = "se.breachflow.ui.BrowserSession#present", disabledReason = BrowserSession.MISSING)
class SupplierIncidentBrowserTest {

  private static final String FORM = "//div[contains(@class,'modal-content')]";
  private static final String ROWS = FORM + "//div[contains(@class,'fjs-repeat-row-container')]";
  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired HistoryService history;
  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest(name = "{0} browser")
  @EnumSource(BrowserSession.Language.class)
  void theDpoRegistersASupplierIncidentInTasklistAndSeesTheLinkedCases(BrowserSession.Language language)
      throws IOException {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    String supplier = "Exempel HR AB " + marker;
    LocalDateTime now = LocalDateTime.now(STOCKHOLM).truncatedTo(ChronoUnit.MINUTES);
    LocalDateTime ksNotified = now.minusHours(3).minusMinutes(7);
    LocalDateTime snNotified = now.minusHours(2).minusMinutes(41);
    String prefix = "supplier-" + language.name().toLowerCase();

    try (BrowserSession session = new BrowserSession(prefix, language)) {
      session.logIn("http://localhost:" + port + "/camunda/app/tasklist/default/", "dpo");
      assertThat(session.navigatorLanguage()).isEqualTo(language.locale);

      // Tasklist's own "start process" lists both processes to the DPO.
      WebElement startProcess = session.wait.until(
          ExpectedConditions.elementToBeClickable(By.cssSelector(".start-process-action a")));
      startProcess.click();
      WebElement processes = session.wait.until(
          ExpectedConditions.visibilityOfElementLocated(By.cssSelector("ul.processes")));
      session.wait.until(ExpectedConditions.textToBePresentInElement(processes, "Leverantörsincident"));
      assertThat(processes.getText()).contains("Personuppgiftsincident");
      session.screenshot("1-processes");
      processes.findElement(By.xpath(".//a[normalize-space(.)='Leverantörsincident']")).click();
      session.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(FORM + "//form[contains(@class,'fjs-form')]")));

      session.field(FORM, "Vilken leverantör?").findElement(By.tagName("input")).sendKeys(supplier);
      session.field(FORM, "Leverantörens organisationsnummer").findElement(By.tagName("input")).sendKeys("556000-0000");
      session.field(FORM, "Vad har leverantören berättat?").findElement(By.tagName("textarea"))
          .sendKeys("Intrång i lönesystemet hos leverantören (test " + marker + ").");
      session.field(FORM, "Vilka system eller tjänster").findElement(By.tagName("textarea")).sendKeys("Lönesystemet");
      session.choose(FORM, "Vad orsakade incidenten?", "Dataintrång eller skadlig kod");
      session.tick(FORM, "Någon obehörig har fått eller kan ha fått se dem");
      session.tick(FORM, "Namn och andra identitetsuppgifter");
      session.tick(FORM, "Ekonomiska uppgifter");

      controller(session, 1, "Kommunstyrelsen", ksNotified, 1200);
      WebElement add = session.browser.findElement(By.xpath(FORM + "//button[contains(@class,'fjs-repeat-render-add')]"));
      ((JavascriptExecutor) session.browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", add);
      add.click();
      session.wait.until(ExpectedConditions.numberOfElementsToBe(By.xpath(ROWS), 2));
      controller(session, 2, "Socialnämnden", snNotified, 300);
      session.screenshot("2-form-filled");

      session.browser.findElement(By.cssSelector(".modal-footer button.btn-primary")).click();
      session.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.xpath(FORM)));

      // The registration: a LEV- number with a case per controller, each with that controller's own 72 hours.
      JsonNode registered = registered(supplier);
      String number = registered.get("number").asText();
      assertThat(number).matches("LEV-\\d{4}-\\d{4}");
      List<String> cases = new ArrayList<>();
      registered.get("cases").forEach(linked -> cases.add(linked.get("number").asText()));
      assertThat(cases).hasSize(2).allMatch(caseNumber -> caseNumber.matches("PUI-\\d{4}-\\d{4}"));
      HistoricProcessInstance started = history.createHistoricProcessInstanceQuery()
          .processDefinitionKey(BpmnIds.SUPPLIER_PROCESS).processInstanceBusinessKey(number).singleResult();
      assertThat(started).as("started in Tasklist as the DPO").isNotNull();
      assertThat(started.getStartUserId()).isEqualTo("dpo");
      assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(started.getId()).count())
          .as("nothing typed is a variable of the process").isZero();

      // The start page shows it, with each linked case: number, nämnd, status and deadline in Stockholm time.
      session.browser.get("http://localhost:" + port + "/");
      WebElement section = session.wait.until(
          ExpectedConditions.visibilityOfElementLocated(By.id("leverantorsincidenter")));
      session.wait.until(ExpectedConditions.textToBePresentInElement(section, supplier));
      WebElement shown = section.findElement(By.xpath(".//li[contains(@class,'supplier')][contains(., '" + marker + "')]"));
      assertThat(shown.findElement(By.tagName("h3")).getText()).isEqualTo(number + " – " + supplier);
      List<WebElement> lines = shown.findElements(By.cssSelector(".cases > li"));
      assertThat(lines).hasSize(2);
      for (JsonNode linked : registered.get("cases")) {
        boolean ks = linked.get("controllerId").asText().equals("ks");
        LocalDateTime notified = ks ? ksNotified : snNotified;
        String deadline = SHOWN.format(notified.atZone(STOCKHOLM).toInstant().plus(Duration.ofHours(72)).atZone(STOCKHOLM));
        assertThat(Instant.parse(linked.get("authorityDeadline").asText()))
            .isEqualTo(notified.atZone(STOCKHOLM).toInstant().plus(Duration.ofHours(72)));
        WebElement line = lines.stream().filter(l -> l.getText().contains(linked.get("number").asText())).findFirst()
            .orElseThrow(() -> new AssertionError("no line for " + linked));
        assertThat(line.getText()).contains(ks ? "Kommunstyrelsen" : "Socialnämnden")
            .contains(linked.get("statusText").asText())
            .contains("Frist för anmälan till IMY: " + deadline);
      }
      assertThat(section.getText()).contains("Registrera en leverantörsincident");
      session.screenshot("3-start-page");

      // On a phone: everything within the width, nothing to scroll sideways.
      ((ChromeDriver) session.browser).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
          "width", 390, "height", 844, "deviceScaleFactor", 3, "mobile", true));
      session.browser.navigate().refresh();
      section = session.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("leverantorsincidenter")));
      session.wait.until(ExpectedConditions.textToBePresentInElement(section, supplier));
      shown = section.findElement(By.xpath(".//li[contains(@class,'supplier')][contains(., '" + marker + "')]"));
      assertThat(((Number) ((JavascriptExecutor) session.browser).executeScript("return window.innerWidth;")))
          .isEqualTo(390L);
      ((JavascriptExecutor) session.browser).executeScript("arguments[0].scrollIntoView();", shown);
      long overflow = ((Number) ((JavascriptExecutor) session.browser).executeScript(
          "return document.documentElement.scrollWidth - window.innerWidth;")).longValue();
      assertThat(overflow).as("sideways scrolling on a phone").isLessThanOrEqualTo(0);
      session.screenshot("4-start-page-phone");
    }
  }

  /** Fills the n-th row of the controllers' list. */
  private static void controller(BrowserSession session, int row, String name, LocalDateTime notified, int count) {
    String container = "(" + ROWS + ")[" + row + "]";
    session.choose(container, "Nämnd eller bolag", name);
    WebElement when = session.field(container, "Underrättades, datum");
    WebElement date = when.findElement(By.cssSelector("input.fjs-input[placeholder]"));
    // The Tasklist script puts a new row's placeholders into Swedish at the next animation frame.
    session.wait.until(driver -> "åååå-mm-dd".equals(date.getAttribute("placeholder"))
        && !when.findElements(By.cssSelector("input[placeholder='tt:mm']")).isEmpty());
    date.sendKeys(notified.format(DateTimeFormatter.ISO_LOCAL_DATE), Keys.ENTER);
    when.findElement(By.cssSelector("input[placeholder='tt:mm']"))
        .sendKeys(notified.format(DateTimeFormatter.ofPattern("HH:mm")), Keys.TAB);
    assertThat(date.getAttribute("value")).as("the date as shown after typing")
        .isEqualTo(notified.format(DateTimeFormatter.ISO_LOCAL_DATE));
    session.field(container, "Ungefär hur många av nämndens").findElement(By.tagName("input"))
        .sendKeys(String.valueOf(count));
  }

  /** The supplier incident registered with this supplier's name, as the DPO reads it over the API. */
  private JsonNode registered(String supplier) throws IOException {
    JsonNode list = json.readTree(http.withBasicAuth("dpo", "dpo").getForObject("/api/supplier-incidents", String.class));
    for (JsonNode incident : list) {
      if (incident.path("facts").path("processor").asText().equals(supplier)) {
        return incident;
      }
    }
    throw new AssertionError("No supplier incident of " + supplier + " in " + list);
  }
}
