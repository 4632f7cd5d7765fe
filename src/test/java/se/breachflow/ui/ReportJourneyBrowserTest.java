package se.breachflow.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
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
 * target/e2e/. Needs Chromium and its driver (Debian: {@code apt-get install chromium chromium-driver}; other paths
 * with -De2e.chromium=… -De2e.chromedriver=…); without them the test is skipped with that message.
 */
@BreachflowTest
@EnabledIf(value = "se.breachflow.ui.ReportJourneyBrowserTest#browserPresent",
    disabledReason = "No browser for the end-to-end test: needs Chromium at /usr/bin/chromium and ChromeDriver at "
        + "/usr/bin/chromedriver (apt-get install chromium chromium-driver, or -De2e.chromium / -De2e.chromedriver)")
class ReportJourneyBrowserTest {

  private static final String CHROMIUM = System.getProperty("e2e.chromium", "/usr/bin/chromium");
  private static final String CHROMEDRIVER = System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "e2e");

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired HistoryService history;

  private WebDriver browser;
  private WebDriverWait wait;

  static boolean browserPresent() {
    return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
  }

  @BeforeEach
  void openBrowser() throws IOException {
    Files.createDirectories(SCREENSHOTS);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=sv-SE");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "sv-SE,sv"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void reporterReportsAMisdirectedEmailInTasklist() throws IOException {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    String description = "E-post med tre elevers namn skickades till fel vårdnadshavare (test " + marker + ").";

    browser.get("http://localhost:" + port + "/camunda/app/tasklist/");
    WebElement password = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
    browser.findElement(By.cssSelector("input[type=text]")).sendKeys("reporter");
    password.sendKeys("reporter", Keys.ENTER);

    WebElement start = wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Starta process")));
    screenshot("1-tasklist");
    start.click();
    wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//div[contains(@class,'modal-content')]//a[normalize-space(.)='Personuppgiftsincident']"))).click();

    choose("Vilken nämnd eller vilket bolag ansvarar", "Kommunstyrelsen");
    field("Vad har hänt?").findElement(By.tagName("textarea")).sendKeys(description);
    choose("Vad orsakade incidenten?", "Felskickad e-post");
    tick("Någon obehörig har fått eller kan ha fått se dem");
    tick("Namn och andra identitetsuppgifter");
    tick("Kontaktuppgifter (adress, telefon, e-post)");
    field("Ungefär hur många personer berörs?").findElement(By.tagName("input")).sendKeys("3");
    tick("Berörs barn eller andra särskilt sårbara");
    tick("Någon utanför kommunen");
    screenshot("2-report-filled");

    browser.findElement(By.cssSelector(".modal-footer button.btn-primary")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-content")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Processen har startats."));
    screenshot("3-reported");

    List<HistoricProcessInstance> reported = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(BpmnIds.PROCESS).startedBy("reporter").orderByProcessInstanceStartTime().desc().list();
    assertThat(reported).isNotEmpty();
    String number = reported.get(0).getBusinessKey();
    ResponseEntity<String> incident = http.withBasicAuth("reporter", "reporter")
        .getForEntity("/api/incidents/" + number, String.class);
    assertThat(incident.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(incident.getBody()).contains(marker).contains("\"MISDIRECTED_EMAIL\"").contains("\"controllerId\":\"ks\"");
  }

  /** The form-js field whose label starts with the given text. */
  private WebElement field(String label) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
        "//div[contains(@class,'modal-content')]//div[contains(@class,'fjs-form-field')]"
            + "[.//label[starts-with(normalize-space(.),'" + label + "')]]")));
  }

  private void choose(String label, String option) {
    field(label).findElement(By.cssSelector(".fjs-input-group")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='" + option + "']"))).click();
  }

  private void tick(String text) {
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//div[contains(@class,'modal-content')]//label[starts-with(normalize-space(.),'" + text + "')]"))).click();
  }

  private void screenshot(String name) throws IOException {
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SCREENSHOTS.resolve("journey1-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
