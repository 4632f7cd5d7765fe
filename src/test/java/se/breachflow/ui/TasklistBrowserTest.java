package se.breachflow.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import se.breachflow.access.AccessUsers;
import se.breachflow.access.ControllerAdministrationTest;
import se.breachflow.access.Groups;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.organisation.TestControllers;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.IncidentDriver;
import se.breachflow.support.Reports;
import se.breachflow.ui.BrowserSession.Screen;
import se.breachflow.workflow.BpmnIds;

/**
 * Tasklist as the coordinator and the DPO work in it (issue 21), on a laptop and on a phone, in Swedish: the list
 * tells three cases apart (number, nämnd, IMY deadline with the time left), soonest deadline first, with the late
 * one and the one under 24 hours marked; after the assessment the coordinator sees what the rules concluded and
 * why, in words; after the DPO's advice, the next step. No English on any of these screens. The reports are made
 * relative to the clock the test runs on (the browser's is the same), so the time left is what the test made it.
 */
@BreachflowTest
@EnabledIf(value = "se.breachflow.ui.BrowserSession#present", disabledReason = BrowserSession.MISSING)
class TasklistBrowserTest {

  private static final String FORM = "//form[contains(@class,'fjs-form')]";

  @LocalServerPort int port;
  @Autowired IncidentDriver driver;
  @Autowired IncidentRepository incidents;
  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;

  /**
   * The list's three cases belong to three nämnder of this test's own, and its coordinator is a coordinator of
   * those only: the shared application holds many other tests' open tasks, which would otherwise fill the list's
   * first page before the calmest of the three.
   */
  private static final Map<String, String> NAMNDER = Map.of("t-list-tn", "Tekniska nämnden",
      "t-list-kf", "Kultur- och fritidsnämnden", "t-list-mb", "Miljö- och byggnämnden");

  @AfterEach
  void removeTheNamnder() {
    NAMNDER.keySet().forEach(id -> TestControllers.remove(jdbc, identity, id));
  }

  @ParameterizedTest
  @EnumSource(Screen.class)
  void theCoordinatorsListTellsCasesApartSoonestDeadlineFirst(Screen screen) throws IOException {
    String user = "coordinator-list-" + screen.name().toLowerCase();
    for (Map.Entry<String, String> namnd : NAMNDER.entrySet()) {
      ResponseEntity<String> added = http.withBasicAuth("admin", "admin").exchange("/api/controllers/" + namnd.getKey(),
          HttpMethod.PUT, new HttpEntity<>(ControllerAdministrationTest.body(namnd.getValue(), "dso@example.se", null),
              json()), String.class);
      assertThat(added.getStatusCode().is2xxSuccessful()).as(added.getBody()).isTrue();
      AccessUsers.create(identity, user, Groups.STAFF, Groups.coordinators(namnd.getKey()));
    }
    Map<String, Object> calmReport = Reports.discoveredAgo(Duration.ofHours(1));
    calmReport.put("controllerId", "t-list-tn");
    Map<String, Object> soon = Reports.discoveredAgo(Duration.ofHours(60));
    soon.put("controllerId", "t-list-kf");
    Map<String, Object> late = Reports.discoveredAgo(Duration.ofHours(75));
    late.put("controllerId", "t-list-mb");
    String calm = number(driver.report(calmReport));
    String urgent = number(driver.report(soon));
    String overdue = number(driver.report(late));

    try (BrowserSession coordinator = new BrowserSession("tasklist-list-" + screen.name().toLowerCase(), screen)) {
      coordinator.logIn("http://localhost:" + port + "/camunda/app/tasklist/default/", user);
      coordinator.wait.until(ExpectedConditions.elementToBeClickable(
          By.xpath("//a[contains(normalize-space(.),'Min grupps uppgifter')]"))).click();
      for (String number : List.of(calm, urgent, overdue)) {
        coordinator.wait.until(browser -> text(item(coordinator, number)).contains("Frist IMY"));
      }
      WebElement calmItem = item(coordinator, calm);
      WebElement urgentItem = item(coordinator, urgent);
      WebElement overdueItem = item(coordinator, overdue);
      coordinator.screenshot("1-list");

      assertThat(calmItem.getText()).contains(calm).contains("Tekniska nämnden").contains("Frist IMY: ")
          .containsPattern("\\(om 2 dygn 2[23] tim\\)").contains("Preliminär risknivå: ");
      assertThat(urgentItem.getText()).contains(urgent).contains("Kultur- och fritidsnämnden").containsPattern("\\(om 1[12] tim");
      assertThat(overdueItem.getText()).contains(overdue).contains("Miljö- och byggnämnden")
          .containsPattern("passerad för [23] tim \\d+ min sedan\\) – försenad");
      assertThat(classes(overdueItem)).contains("breachflow-task-late");
      assertThat(classes(urgentItem)).contains("breachflow-task-urgent").doesNotContain("breachflow-task-late");
      assertThat(classes(calmItem)).doesNotContain("breachflow-task-urgent").doesNotContain("breachflow-task-late");
      assertThat(color(overdueItem.findElement(By.cssSelector(".breachflow-deadline"))))
          .as("red").contains("164, 38, 44");
      assertThat(calmItem.findElement(By.cssSelector(".priority")).isDisplayed())
          .as("Camunda's priority number means nothing to anyone").isFalse();

      // Soonest deadline first: the late case, the one under 24 hours, then the calm one.
      List<String> order = coordinator.browser.findElements(By.cssSelector(".tasks-list li.task")).stream()
          .map(WebElement::getText).map(text -> text.contains(overdue) ? overdue : text.contains(urgent) ? urgent
              : text.contains(calm) ? calm : "").filter(found -> !found.isEmpty()).toList();
      assertThat(order).containsSubsequence(overdue, urgent, calm);
      assertThat(coordinator.englishOnPage()).isEmpty();
      assertThat(coordinator.sidewaysOverflow()).as("sideways scrolling").isZero();

      // The late case's form says so, with the time since the deadline.
      overdueItem.findElement(By.cssSelector("h4.task a")).click();
      coordinator.wait.until(ExpectedConditions.textMatches(By.xpath(FORM),
          java.util.regex.Pattern.compile("Frist för anmälan till IMY: .*\\(passerad för [23] tim \\d+ min sedan – ärendet är försenat\\)")));
      assertThat(coordinator.englishOnPage()).isEmpty();
      script(coordinator, "arguments[0].scrollIntoView();", coordinator.browser.findElement(By.xpath(FORM)));
      coordinator.screenshot("2-late-case");
    }
  }

  @ParameterizedTest
  @EnumSource(Screen.class)
  void theCoordinatorSeesWhatTheRulesConcludedAndTheDpoTheNextStep(Screen screen) throws IOException {
    ProcessInstance instance = driver.report(Reports.discoveredAgo(Duration.ofHours(2)));
    String number = number(instance);
    String name = screen.name().toLowerCase();

    try (BrowserSession coordinator = new BrowserSession("tasklist-assessment-" + name, screen)) {
      coordinator.logIn(taskUrl(instance, BpmnIds.ASSESS), "coordinator");
      WebElement notice = coordinator.wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector(".breachflow-claim-notice")));
      assertThat(notice.getText()).contains("Ta uppgiften först");
      assertThat(coordinator.browser.findElement(By.cssSelector(".form-pane .form-actions button.btn-primary"))
          .isEnabled()).as("Slutför before the task is claimed").isFalse();
      String summary = coordinator.browser.findElement(By.xpath(FORM)).getText();
      assertThat(summary).as("names, not user ids").contains("av Rut Rapportör").doesNotContain("av reporter")
          .contains("Mottagare: Mottagaren finns utanför organisationen");
      assertThat(coordinator.englishOnPage()).isEmpty();
      coordinator.screenshot("1-before-claim");

      coordinator.click("Ta uppgiften");
      coordinator.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".breachflow-claim-notice")));
      coordinator.tick(FORM, "Röjda för kända mottagare");
      coordinator.tick(FORM, "Inga uppgifter har ändrats");
      coordinator.tick(FORM, "Ingen förlust");
      coordinator.click("Slutför");
      WebElement done = coordinator.wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector(".breachflow-done-next")));
      String result = coordinator.browser.findElement(By.cssSelector(".breachflow-done")).getText();
      assertThat(result).contains("Bedöm incidenten är klar").contains("Regelverkets bedömning: ")
          .containsPattern("Regelverkets bedömning: (Ingen risk|Risk|Hög risk) – rekommendationen är att")
          .contains("Skälen:").doesNotContain("DPC ").doesNotContain("EI ").doesNotContain("CB ");
      assertThat(done.getText()).isEqualTo("Nästa steg: Dataskyddsombudets bedömning.");
      assertThat(coordinator.englishOnPage()).isEmpty();
      assertThat(coordinator.sidewaysOverflow()).as("sideways scrolling").isZero();
      coordinator.screenshot("2-rules-result");
    }

    try (BrowserSession dpo = new BrowserSession("tasklist-advice-" + name, screen)) {
      dpo.logIn(taskUrl(instance, BpmnIds.DPO_ADVICE), "dpo");
      dpo.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Regelverkets rekommendation"));
      assertThat(dpo.browser.findElement(By.xpath(FORM)).getText()).as("the ENISA factors in words")
          .contains("uppgifternas känslighet i sitt sammanhang").doesNotContain("DPC ");
      dpo.click("Ta uppgiften");
      dpo.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".breachflow-claim-notice")));
      assertThat(dpo.englishOnPage()).isEmpty();
      dpo.click("Slutför");
      WebElement next = dpo.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".breachflow-done-next")));
      assertThat(next.getText()).isEqualTo("Nästa steg: Besluta om anmälan och information.");
      assertThat(dpo.browser.findElement(By.cssSelector(".breachflow-done")).getText())
          .contains("Dataskyddsombudets bedömning är klar").contains(number);
      assertThat(dpo.englishOnPage()).isEmpty();
      assertThat(dpo.sidewaysOverflow()).as("sideways scrolling").isZero();
      dpo.screenshot("1-next-step");
    }
  }

  private String number(ProcessInstance instance) {
    return incidents.findByProcessInstance(instance.getId()).orElseThrow().number();
  }

  private static WebElement item(BrowserSession session, String number) {
    return session.browser.findElements(By.cssSelector(".tasks-list li.task")).stream()
        .filter(item -> item.getText().contains(number)).findFirst().orElse(null);
  }

  /** The item's text; empty while it is missing or Tasklist draws the list again under the test's hands. */
  private static String text(WebElement item) {
    try {
      return item == null ? "" : item.getText();
    } catch (org.openqa.selenium.StaleElementReferenceException drawnAgain) {
      return "";
    }
  }

  private static HttpHeaders json() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }

  private static String classes(WebElement element) {
    return element.getAttribute("class");
  }

  private static String color(WebElement element) {
    return element.getCssValue("color");
  }

  private String taskUrl(ProcessInstance instance, String taskKey) {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + driver.awaitTask(instance, taskKey).getId();
  }

  private static Object script(BrowserSession session, String script, Object... args) {
    return ((JavascriptExecutor) session.browser).executeScript(script, args);
  }
}
