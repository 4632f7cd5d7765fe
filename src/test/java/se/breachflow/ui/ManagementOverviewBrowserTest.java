package se.breachflow.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.breachflow.access.AccessUsers;
import se.breachflow.access.Groups;
import se.breachflow.register.OverviewDataSet;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.EngineClock;
import se.breachflow.support.IncidentDriver;

/**
 * Management in Cockpit, in Swedish, on a laptop and on a phone: the overview shows the figures of
 * {@code GET /api/overview} for a known set of incidents (only the viewer's controller's), the dashboard shows them
 * instead of Camunda's counts, a click on a late case opens its process instance, and nothing on the way offers a
 * change (no task page, no variable edit or delete buttons, no actions) or speaks English.
 */
@BreachflowTest
@EnabledIf(value = "se.breachflow.ui.BrowserSession#present", disabledReason = BrowserSession.MISSING)
class ManagementOverviewBrowserTest {

  private static final String USER = "browser-management-ks";

  @LocalServerPort int port;
  @Autowired IncidentDriver driver;
  @Autowired IdentityService identity;
  @Autowired TestRestTemplate http;
  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(BrowserSession.Screen.class)
  void managementSeesTheOverviewInSwedishAndOpensALateCase(BrowserSession.Screen screen) throws Exception {
    EngineClock.set(Instant.now());
    AccessUsers.create(identity, USER, Groups.management("ks"));
    User user = identity.createUserQuery().userId(USER).singleResult();
    user.setFirstName("Lena");
    user.setLastName("Ledning");
    identity.saveUser(user);
    OverviewDataSet set = OverviewDataSet.create(driver);
    JsonNode api = json.readTree(http.withBasicAuth(USER, USER).getForObject("/api/overview", String.class));
    String prefix = "management-" + screen.name().toLowerCase();

    // Every screen's English texts, reported together at the end.
    Map<String, List<String>> english = new LinkedHashMap<>();
    try (BrowserSession manager = new BrowserSession(prefix, screen)) {
      // The overview, from the navigation's link.
      manager.logIn(cockpit("/"), USER);
      WebElement dashboard = manager.wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector("[data-overview=dashboard]")));
      for (String band : List.of("overdue", "under24Hours", "under48Hours", "later")) {
        assertThat(figure(dashboard, band)).as("dashboard " + band).isEqualTo(api.at("/timeLeft/" + band).asInt());
      }
      assertThat(figure(dashboard, "open")).isEqualTo(api.get("open").asInt());
      assertThat(manager.pageText()).as("Camunda's counts over every controller, and its task count of none")
          .doesNotContain("Öppna uppgifter").doesNotContain("Pågående processinstanser");
      english.put("dashboard", manager.englishOnPage());
      assertThat(manager.browser.findElements(By.cssSelector("a[href='#/tasks']")).stream()
          .filter(WebElement::isDisplayed)).as("no link to the task page").isEmpty();
      manager.screenshot("1-dashboard");

      manager.browser.get(cockpit("/oversikt"));
      WebElement page = manager.wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector("[data-overview=page]")));
      manager.screenshot("2-overview");
      assertThat(manager.browser.findElements(By.cssSelector("[data-overview=page]"))).hasSize(1);
      assertThat(figure(page, "open")).isEqualTo(api.get("open").asInt());
      assertThat(figure(page, "owed")).isEqualTo(api.get("owed").asInt());
      for (String band : List.of("overdue", "under24Hours", "under48Hours", "later")) {
        assertThat(figure(page, band)).as(band).isEqualTo(api.at("/timeLeft/" + band).asInt());
      }
      List<String> overdueInApi = new ArrayList<>();
      api.get("cases").forEach(c -> {
        if ("overdue".equals(c.get("timeLeft").asText())) {
          overdueInApi.add(c.get("number").asText());
        }
      });
      assertThat(rowsOf(page, "overdue")).containsExactlyElementsOf(overdueInApi).contains(set.overdue());
      assertThat(figure(page, "overdue-list")).isEqualTo(overdueInApi.size());
      List<String> openInApi = new ArrayList<>();
      api.get("cases").forEach(c -> openInApi.add(c.get("number").asText()));
      assertThat(rowsOf(page, "open")).containsExactlyElementsOf(openInApi)
          .contains(set.under24Hours(), set.under48Hours(), set.later(), set.notified())
          .doesNotContain(set.closed(), set.otherController());
      WebElement ks = page.findElement(By.cssSelector("[data-rows=controller] [data-key=ks]"));
      assertThat(figure(ks, "open")).isEqualTo(api.at("/byController/0/open").asInt());
      assertThat(page.findElements(By.cssSelector("[data-rows=controller] li"))).hasSize(1);
      WebElement post = page.findElement(By.cssSelector("[data-rows=cause] [data-key=MISDIRECTED_POST]"));
      assertThat(text(post)).startsWith("Felskickat brev");
      JsonNode month = api.get("notifiedByMonth").get(11);
      assertThat(text(page.findElement(By.cssSelector("[data-month='" + month.get("month").asText() + "']"))))
          .contains(month.get("notifiedInTime").asInt() + "/" + month.get("notified").asInt());
      assertThat(manager.pageText()).contains("Registret över personuppgiftsincidenter (PDF)")
          .doesNotContain(set.otherController());
      english.put("overview", manager.englishOnPage());
      assertThat(manager.sidewaysOverflow()).as("the overview does not scroll sideways").isZero();
      manager.screenshot("2-overview");

      // A click on the late case opens its process instance, read only.
      WebElement late = page.findElement(By.cssSelector("[data-table=overdue] [data-number='" + set.overdue()
          + "'] a.bf-case"));
      ((org.openqa.selenium.JavascriptExecutor) manager.browser).executeScript(
          "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", late);
      String instance = set.processInstances().get(set.overdue());
      manager.wait.until(ExpectedConditions.urlContains("/process-instance/" + instance));
      manager.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-widget-variables-table] tbody tr")));
      manager.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), set.overdue()));
      assertThat(visible(manager, "[cam-widget-variables-table] .glyphicon-pencil, "
          + "[cam-widget-variables-table] .glyphicon-trash")).as("no edit or delete buttons").isZero();
      assertThat(visible(manager, "[cam-widget-variables-table] td.actions")).isZero();
      assertThat(manager.pageText()).doesNotContain("Lägg till variabel").doesNotContain("Avbryt processinstansen");
      english.put("process instance", manager.englishOnPage());
      manager.screenshot("3-instance");
      for (String tab : List.of("Tekniska fel", "Anropade processinstanser")) {
        openTab(manager, tab);
        english.put("process instance, " + tab, manager.englishOnPage());
      }
      assertThat(manager.browser.findElements(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='Uppgifter']"))
          .stream().filter(WebElement::isDisplayed)).as("no tab of tasks the engine does not show management").isEmpty();
      assertThat(manager.browser.findElements(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='Jobb']"))
          .stream().filter(WebElement::isDisplayed)).as("no tab of timers with buttons to move them").isEmpty();

      // The process definition's page and the list of processes.
      String definition = driver.definitionId();
      manager.browser.get(cockpit("/process-definition/" + definition + "/runtime"));
      manager.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), set.overdue()));
      english.put("process definition", manager.englishOnPage());
      manager.screenshot("4-definition");
      for (String tab : List.of("Tekniska fel", "Anropade processdefinitioner")) {
        openTab(manager, tab);
        english.put("process definition, " + tab, manager.englishOnPage());
      }
      manager.browser.get(cockpit("/processes"));
      manager.wait.until(ExpectedConditions.and(ExpectedConditions.urlContains("#/processes"),
          ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[cam-widget-bpmn-viewer]")),
          ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Personuppgiftsincident")));
      english.put("processes", manager.englishOnPage());
      assertThat(visible(manager, ".process-definitions-list td.instances, .process-definitions-list td.incidents"))
          .as("Camunda's counts over every controller's instances").isZero();
      manager.screenshot("5-processes");
      manager.browser.get(cockpit("/decisions"));
      manager.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Riskbedömning"));
      english.put("decisions", manager.englishOnPage());
      manager.screenshot("6-decisions");
      manager.click("Riskbedömning");
      manager.wait.until(ExpectedConditions.urlContains("/decision-definition/"));
      settled(manager);
      english.put("decision", manager.englishOnPage());
      manager.screenshot("7-decision");

      // Camunda's task page (its report needs READ on every controller's tasks) leads to the overview instead.
      manager.browser.get(cockpit("/tasks"));
      manager.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-overview=page]")));
      assertThat(manager.pageText()).doesNotContain("does not have");
      english.put("redirected task page", manager.englishOnPage());
    }
    assertThat(english).as("English on the screens management meets").allSatisfy((screenName, found) ->
        assertThat(found).as(screenName).isEmpty());
  }

  /** Opens the tab of an instance's or definition's page and waits until what it shows has loaded. */
  private static void openTab(BrowserSession session, String label) {
    WebElement tab = session.wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='" + label + "']")));
    ((org.openqa.selenium.JavascriptExecutor) session.browser).executeScript(
        "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", tab);
    session.wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
        "//ul[contains(@class,'nav-tabs')]/li[contains(@class,'active')]//a[normalize-space(.)='" + label + "']")));
    settled(session);
  }

  /** Waits until the page's text stays the same for half a second: Cockpit fills its tables after drawing them. */
  private static void settled(BrowserSession session) {
    String[] last = {null};
    session.wait.pollingEvery(java.time.Duration.ofMillis(500)).until(browser -> {
      String now = session.pageText();
      boolean same = now.equals(last[0]);
      last[0] = now;
      return same;
    });
  }

  private String cockpit(String route) {
    return "http://localhost:" + port + "/camunda/app/cockpit/default/#" + route;
  }

  private static int figure(WebElement container, String name) {
    return Integer.parseInt(text(container.findElement(By.cssSelector("[data-figure='" + name + "']"))));
  }

  /** The element's text, whether or not it is in the visible part of the page (a phone shows a little at a time). */
  private static String text(WebElement element) {
    return element.getAttribute("textContent").trim();
  }

  private static List<String> rowsOf(WebElement page, String table) {
    return page.findElements(By.cssSelector("[data-table=" + table + "] tbody tr")).stream()
        .map(row -> row.getAttribute("data-number")).toList();
  }

  private static long visible(BrowserSession session, String css) {
    return session.browser.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).count();
  }
}
