package se.breachflow.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.breachflow.support.BreachflowTest;
import se.breachflow.ui.BrowserSession.Screen;

/**
 * The reporter's report form as issue 21 found it, on a laptop and on a phone: the start page fits the screen;
 * the start dialog speaks of the report (Skicka rapport), not of processes; tabbing past a question does not
 * turn it red; the supplier question that used to leave the button disabled with nothing to see no longer does;
 * the calendar's week starts on Monday; an empty submission shows the first unanswered question; a report made
 * close to its deadline gets a receipt that says so, with a link to Mina rapporter; "Översikt" as staff is a
 * Swedish page. No English on any of these screens, nothing scrolls sideways. Times typed are relative to the
 * clock the test runs on (the browser's and the engine's are the same).
 */
@BreachflowTest
@EnabledIf(value = "se.breachflow.ui.BrowserSession#present", disabledReason = BrowserSession.MISSING)
class ReportFormBrowserTest {

  private static final String FORM = "//div[contains(@class,'modal-content')]";
  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  private static final By SUBMIT = By.cssSelector(".modal-footer button.btn-primary");
  private static final By VISIBLE_ERROR = By.xpath(
      "//div[contains(@class,'fjs-form-field-error')][normalize-space(.)!='']");

  @LocalServerPort int port;

  @ParameterizedTest
  @EnumSource(Screen.class)
  void aReporterMeetsAFormThatHelpsAndAReceiptThatSaysWhatIsUrgent(Screen screen) throws IOException {
    try (BrowserSession reporter = new BrowserSession("report-form-" + screen.name().toLowerCase(), screen)) {
      reporter.browser.get("http://localhost:" + port + "/");
      assertThat(lines(reporter, "h1")).as("the start page's heading on one line").isEqualTo(1);
      assertFits(reporter);
      reporter.screenshot("1-start-page");

      reporter.browser.findElement(By.partialLinkText("Rapportera en personuppgiftsincident")).click();
      reporter.logIn("reporter");
      reporter.wait.until(ExpectedConditions.textToBe(By.cssSelector(".modal-title"), "Rapportera en personuppgiftsincident"));
      reporter.wait.until(ExpectedConditions.textToBe(SUBMIT, "Skicka rapport"));
      WebElement label = reporter.field(FORM, "Vilken nämnd eller vilket bolag ansvarar").findElement(By.tagName("label"));
      assertThat(script(reporter, "return arguments[0].scrollWidth <= arguments[0].clientWidth;", label))
          .as("the label is not cut off").isEqualTo(true);
      assertThat(label.getText()).contains("ansvarar för uppgifterna?");
      assertFits(reporter);
      reporter.screenshot("2-form");

      // Tabbing past a question is no error yet.
      reporter.field(FORM, "Vad har hänt?").findElement(By.tagName("textarea")).sendKeys(Keys.TAB);
      assertThat(reporter.browser.findElements(VISIBLE_ERROR).stream().filter(WebElement::isDisplayed))
          .as("errors before any attempt to submit").isEmpty();

      // The steps that left the button disabled with no error on the screen.
      reporter.tick(FORM, "Har incidenten skett hos en leverantör");
      WebElement supplier = reporter.field(FORM, "Vilken leverantör?").findElement(By.tagName("input"));
      script(reporter, "arguments[0].scrollIntoView({block: 'center'});", supplier);
      supplier.click();
      supplier.sendKeys(Keys.TAB);
      reporter.tick(FORM, "Har incidenten skett hos en leverantör");
      reporter.wait.until(browser -> reporter.browser.findElements(By.xpath(
          FORM + "//label[starts-with(normalize-space(.),'Vilken leverantör?')]")).isEmpty());
      reporter.wait.until(ExpectedConditions.elementToBeClickable(SUBMIT));
      reporter.screenshot("3-supplier-unticked");

      // The calendar's week starts on Monday.
      WebElement discovered = reporter.field(FORM, "När upptäcktes det?");
      WebElement date = discovered.findElement(By.cssSelector("input[placeholder='åååå-mm-dd']"));
      script(reporter, "arguments[0].scrollIntoView({block: 'center'});", date);
      date.click();
      WebElement weekdays = reporter.wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector(".flatpickr-calendar.open .flatpickr-weekdays")));
      assertThat(weekdays.getText().strip()).startsWith("mån").endsWith("sön");
      reporter.screenshot("4-calendar");
      // Closed by a click beside it (Escape would close the whole dialog).
      reporter.browser.findElement(By.cssSelector(".modal-title")).click();
      reporter.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".flatpickr-calendar.open")));

      // An empty submission from the bottom of the form: the first unanswered question comes into view.
      script(reporter, "document.querySelector('.modal').scrollTop = 1e6;");
      reporter.browser.findElement(SUBMIT).click();
      reporter.wait.until(ExpectedConditions.visibilityOfElementLocated(VISIBLE_ERROR));
      WebElement first = reporter.field(FORM, "Vilken nämnd eller vilket bolag ansvarar");
      reporter.wait.until(browser -> inView(reporter, first));
      assertThat(first.getText()).contains("Fältet måste fyllas i.");
      reporter.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.xpath(FORM),
          "Några frågor behöver besvaras"));
      assertThat(reporter.englishOnPage()).isEmpty();
      assertFits(reporter);
      reporter.screenshot("5-first-error");

      // A report discovered 70 hours ago: two hours left to notify IMY.
      String marker = UUID.randomUUID().toString().substring(0, 8);
      reporter.choose(FORM, "Vilken nämnd eller vilket bolag ansvarar", "Kommunstyrelsen");
      reporter.field(FORM, "Vad har hänt?").findElement(By.tagName("textarea"))
          .sendKeys("Ett brev med elevers betyg skickades till fel adress (test " + marker + ").");
      reporter.choose(FORM, "Vad orsakade incidenten?", "Felskickad e-post");
      Instant found = Instant.now().minus(Duration.ofHours(70));
      discovered = reporter.field(FORM, "När upptäcktes det?");
      discovered.findElement(By.cssSelector("input[placeholder='åååå-mm-dd']")).sendKeys(DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(STOCKHOLM).format(found), Keys.ENTER);
      discovered.findElement(By.cssSelector("input[placeholder='tt:mm']"))
          .sendKeys(DateTimeFormatter.ofPattern("HH:mm").withZone(STOCKHOLM).format(found), Keys.TAB);
      reporter.tick(FORM, "Någon obehörig har fått eller kan ha fått se dem");
      reporter.tick(FORM, "Namn och andra identitetsuppgifter");
      reporter.field(FORM, "Ungefär hur många personer berörs?").findElement(By.tagName("input")).sendKeys("12");
      reporter.tick(FORM, "Någon utanför kommunen");
      reporter.browser.findElement(SUBMIT).click();

      WebElement receipt = reporter.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".breachflow-receipt")));
      String number = receipt.findElement(By.cssSelector(".breachflow-receipt-number")).getText();
      WebElement urgency = reporter.wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector(".breachflow-receipt-urgency")));
      assertThat(urgency.getText()).startsWith("Det är bråttom: fristen för anmälan till IMY går ut ")
          .containsPattern("\\(om (1 tim|2 tim 0) ").contains("kontakta dataskyddssamordnaren direkt");
      WebElement mine = receipt.findElement(By.linkText("Mina rapporter"));
      assertThat(mine.getAttribute("href")).endsWith("/#mina-rapporter");
      assertThat(reporter.pageText()).doesNotContain("Processen har startats").doesNotContain("Starta process:");
      assertThat(reporter.englishOnPage()).isEmpty();
      assertFits(reporter);
      reporter.screenshot("6-urgent-receipt");

      mine.click();
      WebElement list = reporter.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mina-rapporter")));
      reporter.wait.until(ExpectedConditions.textToBePresentInElement(list, number));
      reporter.wait.until(browser -> inView(reporter, list));
      assertThat(reporter.englishOnPage()).isEmpty();
      assertFits(reporter);
      script(reporter, "document.getElementById('mina-rapporter').scrollIntoView();");
      reporter.screenshot("7-my-reports");

      // "Översikt" is management's: staff get a Swedish page that says so, not Spring's.
      reporter.browser.findElement(By.partialLinkText("Översikt")).click();
      reporter.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"),
          "Du har inte behörighet till sidan"));
      assertThat(reporter.englishOnPage()).isEmpty();
      assertFits(reporter);
      reporter.screenshot("8-overview-as-staff");
    }
  }

  private static void assertFits(BrowserSession session) {
    assertThat(session.sidewaysOverflow()).as("sideways scrolling").isZero();
  }

  /** How many lines the element's text takes. */
  private static long lines(BrowserSession session, String selector) {
    return ((Number) script(session, "const range = document.createRange();"
        + "range.selectNodeContents(document.querySelector(arguments[0]));"
        + "return new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top))).size;", selector)).longValue();
  }

  private static boolean inView(BrowserSession session, WebElement element) {
    return Boolean.TRUE.equals(script(session, "const r = arguments[0].getBoundingClientRect();"
        + "return r.top > -2 && r.top < window.innerHeight;", element));
  }

  private static Object script(BrowserSession session, String script, Object... args) {
    return ((JavascriptExecutor) session.browser).executeScript(script, args);
  }
}
