package se.breachflow.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import se.breachflow.organisation.ControllerRegistry;
import se.breachflow.organisation.TestControllers;
import se.breachflow.support.BreachflowTest;

/**
 * An administrator, in Swedish, on a laptop and on a phone: finds *Nämnder och bolag* on Admin's dashboard and on the
 * start page, reads on Admin's (Swedish) group pages which groups are roles, adds a nämnd on the page (a bad organisation number first,
 * answered in Swedish at the field), and a reporter then finds it in Tasklist's report form, without a restart.
 * Screenshots go to target/e2e/.
 */
@BreachflowTest
@EnabledIf(value = "se.breachflow.ui.BrowserSession#present", disabledReason = BrowserSession.MISSING)
class ControllerAdministrationBrowserTest {

  private static final String FORM = "//div[contains(@class,'modal-content')]";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;
  @Autowired ControllerRegistry controllers;

  private BrowserSession session;
  private String id;

  @AfterEach
  void closeBrowser() {
    if (session != null) {
      session.close();
    }
    if (id != null) {
      TestControllers.remove(jdbc, identity, id);
    }
  }

  @ParameterizedTest
  @EnumSource(BrowserSession.Screen.class)
  void anAdministratorAddsANamndThatThenIsInTheReportForm(BrowserSession.Screen screen) throws IOException {
    String prefix = "controllers-" + screen.name().toLowerCase();
    id = "t-" + screen.name().toLowerCase();
    String name = "Kultur- och fritidsnämnden " + screen.name().toLowerCase();
    session = new BrowserSession(prefix, screen);
    String base = "http://localhost:" + port;

    // From Admin's dashboard to the controllers' page; Admin's group pages say which groups are roles.
    session.logIn(base + "/camunda/app/admin/default/#/", "admin");
    WebElement link = session.wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".breachflow-controllers-link")));
    assertThat(link.getAttribute("href")).endsWith("/controllers.html");
    assertThat(session.englishOnPage()).as("Admin in Swedish").isEmpty();
    session.screenshot("1-admin-dashboard");
    session.browser.get(base + "/camunda/app/admin/default/#/groups");
    WebElement note = session.wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".breachflow-group-note")));
    assertThat(note.getText()).contains("En grupp som skapas här ger ingen roll i breachflow");
    assertThat(session.englishOnPage()).as("Admin in Swedish").isEmpty();
    session.screenshot("2-admin-groups");
    session.browser.get(base + "/camunda/app/admin/default/#/groups/coordinator-ks?tab=group");
    session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".breachflow-group-note"),
        "dataskyddssamordnare för Kommunstyrelsen"));
    assertThat(session.englishOnPage()).as("Admin in Swedish").isEmpty();
    session.screenshot("2b-admin-group");

    // The start page offers the page to an administrator (logged in to the webapps in this browser).
    session.browser.get(base + "/");
    session.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("administration")));
    session.browser.findElement(By.partialLinkText("Nämnder och bolag")).click();

    // The page: in Swedish, nothing wider than the screen; the administrator logs in on it.
    session.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user"))).sendKeys("admin");
    assertThat(session.browser.getCurrentUrl()).endsWith("/controllers.html");
    session.browser.findElement(By.id("login-password")).sendKeys("fel");
    session.click("Logga in");
    session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-message"),
        "Fel användarnamn eller lösenord."));
    type("login-password", "admin");
    session.click("Logga in");
    WebElement list = session.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lista")));
    assertThat(list.getText()).contains("Kommunstyrelsen", "Socialnämnden", "Barn- och utbildningsnämnden");
    assertThat(session.englishOnPage()).isEmpty();
    assertThat(session.sidewaysOverflow()).isZero();
    session.screenshot("3-controllers");

    session.click("Lägg till en nämnd eller ett bolag");
    type("f-id", id);
    type("f-name", name);
    type("f-organisationNumber", "2120000000");
    type("f-postalAddress", "Box 7, 100 00 Exempelstad");
    type("f-dpo.name", "Dataskyddsombudet Kim Kulturell");
    type("f-dpo.email", "dso@kultur.example");
    type("f-dpo.phone", "010-123 45 99");
    type("f-retentionPeriod", "P5Y");
    session.click("Spara");
    WebElement error = session.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("f-organisationNumber-error")));
    assertThat(error.getText()).contains("NNNNNN-NNNN");
    assertThat(controllers.find(id)).as("nothing stored").isEmpty();
    assertThat(session.englishOnPage()).isEmpty();
    session.screenshot("4-bad-organisation-number");

    WebElement number = session.browser.findElement(By.id("f-organisationNumber"));
    number.clear();
    number.sendKeys("212000-0000");
    session.click("Spara");
    WebElement saved = session.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("saved")));
    assertThat(saved.getText()).contains(name + " är tillagd", "coordinator-" + id);
    assertThat(list.getText()).contains(name, "5 år");
    assertThat(session.sidewaysOverflow()).isZero();
    session.screenshot("5-added");
    assertThat(controllers.find(id)).isPresent();

    // A reporter, in a fresh login, finds the new nämnd in the report form at once.
    session.browser.manage().deleteAllCookies();
    session.logIn(base + "/camunda/app/tasklist/default/#/?processStart=personal-data-breach", "reporter");
    session.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(FORM + "//form[contains(@class,'fjs-form')]")));
    session.choose(FORM, "Vilken nämnd eller vilket bolag ansvarar", name);
    assertThat(session.field(FORM, "Vilken nämnd eller vilket bolag ansvarar").getText()).contains(name);
    session.screenshot("6-in-the-report-form");
    session.browser.get(base + "/");
    session.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mina-rapporter")));
    assertThat(session.browser.findElement(By.id("administration")).isDisplayed()).as("not for a reporter").isFalse();
  }

  private void type(String field, String text) {
    WebElement input = session.browser.findElement(By.id(field));
    input.clear();
    input.sendKeys(text);
  }
}
