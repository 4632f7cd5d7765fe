package se.breachflow.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.support.BreachflowTest;

/**
 * A reporter whose browser is English types the discovery date into the report form as the form shows it,
 * åååå-mm-dd, and that day is recorded: form-js would otherwise order the digits as the browser's locale does
 * (mm/dd/yyyy) and silently record another day. The date is a day of the past month relative to today, so the
 * test means the same on any date.
 */
@BreachflowTest
@EnabledIf(value = "se.breachflow.ui.BrowserSession#present", disabledReason = BrowserSession.MISSING)
class EnglishBrowserDatesTest {

  private static final String FORM = "//div[contains(@class,'modal-content')]";
  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

  @LocalServerPort int port;
  @Autowired IncidentRepository incidents;

  @Test
  void aDateTypedInAnEnglishBrowserIsRecordedAsTheDayTyped() throws IOException {
    // The 13th or later of a past month: read as mm/dd it is no date at all, and day and month cannot swap.
    ZonedDateTime now = ZonedDateTime.now(STOCKHOLM);
    LocalDateTime discovered = now.minusMonths(1).withDayOfMonth(13 + now.getDayOfMonth() % 15)
        .withHour(9).withMinute(41).truncatedTo(ChronoUnit.MINUTES).toLocalDateTime();
    String marker = UUID.randomUUID().toString().substring(0, 8);

    try (BrowserSession session = new BrowserSession("english-reporter", BrowserSession.Language.ENGLISH)) {
      session.logIn("http://localhost:" + port + "/camunda/app/tasklist/default/#/?processStart=personal-data-breach",
          "reporter");
      session.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(FORM + "//form[contains(@class,'fjs-form')]")));
      assertThat(session.navigatorLanguage()).isEqualTo("en-US");
      assertThat(session.browser.findElement(By.cssSelector(".modal-footer button.btn-primary")).getText())
          .as("Tasklist follows the browser's language").isEqualTo("Start");

      session.choose(FORM, "Vilken nämnd eller vilket bolag ansvarar", "Kommunstyrelsen");
      session.field(FORM, "Vad har hänt?").findElement(By.tagName("textarea"))
          .sendKeys("En bärbar dator glömdes på bussen (test " + marker + ").");
      session.choose(FORM, "Vad orsakade incidenten?", "Förlorad eller stulen enhet eller handling");
      WebElement when = session.field(FORM, "När upptäcktes det?");
      WebElement date = when.findElement(By.cssSelector("input.fjs-input[placeholder]"));
      assertThat(date.getAttribute("placeholder")).as("the date order shown").isEqualTo("åååå-mm-dd");
      date.sendKeys(discovered.format(DateTimeFormatter.ISO_LOCAL_DATE), Keys.ENTER);
      WebElement time = when.findElement(By.cssSelector("input[placeholder='tt:mm']"));
      time.sendKeys(discovered.format(DateTimeFormatter.ofPattern("HH:mm")), Keys.TAB);
      assertThat(date.getAttribute("value")).as("the date as shown after typing")
          .isEqualTo(discovered.format(DateTimeFormatter.ISO_LOCAL_DATE));
      session.tick(FORM, "De har förlorats, raderats eller varit otillgängliga");
      session.tick(FORM, "Namn och andra identitetsuppgifter");
      session.field(FORM, "Ungefär hur många personer berörs?").findElement(By.tagName("input")).sendKeys("12");
      session.screenshot("1-report-filled");

      session.browser.findElement(By.cssSelector(".modal-footer button.btn-primary")).click();
      WebElement receipt = session.wait.until(
          ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".breachflow-receipt")));
      String number = receipt.findElement(By.cssSelector(".breachflow-receipt-number")).getText();
      session.screenshot("2-reported");

      Incident incident = incidents.find(number).orElseThrow();
      assertThat(incident.report().description()).contains(marker);
      assertThat(incident.report().discoveredAt()).as("the day and time typed, in Stockholm time")
          .isEqualTo(discovered.atZone(STOCKHOLM).toInstant());
      assertThat(incident.authorityDeadline())
          .isEqualTo(discovered.atZone(STOCKHOLM).toInstant().plus(Duration.ofHours(72)));
    }
  }
}
