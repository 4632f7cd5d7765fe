package se.breachflow.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.breachflow.access.AccessUsers;
import se.breachflow.access.Groups;
import se.breachflow.shared.Times;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.EngineClock;
import se.breachflow.support.IncidentDriver;

/**
 * {@code GET /api/overview}: management's overview counts the known incidents in the right bands, per controller,
 * per cause and month — and only of the controllers the viewer oversees. The database is shared with the other
 * tests of the context, so the figures are compared before and after the known set is created, at a frozen clock.
 */
@BreachflowTest
class OverviewApiTest {

  private static final String KS_MANAGER = "overview-management-ks";

  @Autowired TestRestTemplate http;
  @Autowired IncidentDriver driver;
  @Autowired IdentityService identity;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void frozenClockAndUsers() {
    EngineClock.set(Instant.now());
    AccessUsers.create(identity, KS_MANAGER, Groups.management("ks"));
    AccessUsers.create(identity, "overview-staff", Groups.STAFF);
  }

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  @Test
  void shouldCountTheKnownIncidentsOfTheViewersControllersOnly() throws Exception {
    // Every case (the shared database may hold more open ones than the default list of the most urgent).
    JsonNode before = overview(KS_MANAGER, "?cases=10000");
    OverviewDataSet set = OverviewDataSet.create(driver);
    JsonNode after = overview(KS_MANAGER, "?cases=10000");

    assertThat(texts(after.get("controllers"), "id")).containsExactly("ks");
    assertThat(delta(before, after, "open")).isEqualTo(5);
    assertThat(delta(before, after, "owed")).isEqualTo(4);
    for (String band : List.of("overdue", "under24Hours", "under48Hours", "later")) {
      assertThat(after.at("/timeLeft/" + band).asInt() - before.at("/timeLeft/" + band).asInt()).as(band).isEqualTo(1);
    }
    JsonNode cases = after.get("cases");
    assertThat(texts(cases, "number")).contains(set.overdue(), set.under24Hours(), set.under48Hours(), set.later(),
        set.notified()).doesNotContain(set.closed(), set.otherController());
    assertThat(band(cases, set.overdue())).isEqualTo("overdue");
    assertThat(band(cases, set.under24Hours())).isEqualTo("under24Hours");
    assertThat(band(cases, set.under48Hours())).isEqualTo("under48Hours");
    assertThat(band(cases, set.later())).isEqualTo("later");
    JsonNode notified = find(cases, set.notified());
    assertThat(notified.get("owed").asBoolean()).isFalse();
    assertThat(notified.get("timeLeft").isNull()).isTrue();
    JsonNode overdue = find(cases, set.overdue());
    assertThat(overdue.get("controllerName").asText()).isEqualTo("Kommunstyrelsen");
    assertThat(overdue.get("causeText").asText()).isEqualTo("Felskickad e-post");
    assertThat(overdue.get("statusText").asText()).isEqualTo("Bedöms av dataskyddssamordnare");
    assertThat(overdue.get("processInstanceId").asText()).isEqualTo(set.processInstances().get(set.overdue()));
    // Owed notifications first, the soonest deadline first.
    List<String> owed = new ArrayList<>();
    List<Boolean> owedInOrder = new ArrayList<>();
    cases.forEach(c -> {
      owedInOrder.add(c.get("owed").asBoolean());
      if (c.get("owed").asBoolean()) {
        owed.add(Instant.parse(c.get("authorityDeadline").asText()).toString());
      }
    });
    assertThat(owed).isSorted();
    assertThat(owedInOrder.subList(0, owed.size())).containsOnly(true);

    assertThat(texts(after.get("byController"), "key")).containsExactly("ks");
    assertThat(count(after, "byController", "ks", "open") - count(before, "byController", "ks", "open")).isEqualTo(5);
    assertThat(count(after, "byController", "ks", "overdue") - count(before, "byController", "ks", "overdue"))
        .isEqualTo(1);
    assertThat(count(after, "byCause", "MISDIRECTED_EMAIL", "open")
        - count(before, "byCause", "MISDIRECTED_EMAIL", "open")).isEqualTo(4);
    assertThat(count(after, "byCause", "MISDIRECTED_POST", "open")
        - count(before, "byCause", "MISDIRECTED_POST", "open")).isEqualTo(1);
    assertThat(find(after.get("byCause"), "MISDIRECTED_POST", "key").get("label").asText()).isEqualTo("Felskickat brev");

    JsonNode months = after.get("notifiedByMonth");
    assertThat(months).hasSize(12);
    String current = YearMonth.from(Times.now().atZone(Times.STOCKHOLM)).toString();
    assertThat(months.get(11).get("month").asText()).isEqualTo(current);
    JsonNode month = months.get(11);
    JsonNode monthBefore = before.get("notifiedByMonth").get(11);
    assertThat(month.get("reported").asInt() - monthBefore.get("reported").asInt()).isEqualTo(6);
    assertThat(month.get("notified").asInt() - monthBefore.get("notified").asInt()).isEqualTo(1);
    assertThat(month.get("notifiedInTime").asInt() - monthBefore.get("notifiedInTime").asInt()).isEqualTo(1);
    assertThat(month.get("share").asDouble())
        .isEqualTo(Math.round(1000.0 * month.get("notifiedInTime").asInt() / month.get("notified").asInt()) / 1000.0);

    // The same figures as the register's statistics for the month.
    YearMonth now = YearMonth.parse(current);
    JsonNode statistics = json.readTree(http.withBasicAuth(KS_MANAGER, KS_MANAGER).getForObject(
        "/api/statistics?from=" + now.atDay(1) + "&to=" + now.atEndOfMonth(), String.class));
    assertThat(statistics.get("total").asInt()).isEqualTo(month.get("reported").asInt());

    // Management of all three sees Socialnämnden's too; asking for one controller narrows it.
    JsonNode all = overview("manager", "?cases=10000");
    assertThat(texts(all.get("cases"), "number")).contains(set.otherController(), set.overdue());
    JsonNode sn = overview("manager", "?controller=sn&cases=10000");
    assertThat(texts(sn.get("cases"), "number")).contains(set.otherController()).doesNotContain(set.overdue());
    assertThat(texts(sn.get("byController"), "key")).containsExactly("sn");
  }

  @Test
  void shouldListTheMostUrgentCasesAndCountTheOthers() throws Exception {
    OverviewDataSet set = OverviewDataSet.create(driver);
    JsonNode all = overview(KS_MANAGER, "?cases=10000");
    int open = all.get("open").asInt();
    assertThat(all.get("cases")).hasSize(open);
    assertThat(all.get("casesLeftOut").asInt()).isZero();

    JsonNode two = overview(KS_MANAGER, "?cases=2");
    assertThat(texts(two.get("cases"), "number")).isEqualTo(texts(all.get("cases"), "number").subList(0, 2));
    assertThat(two.get("casesLeftOut").asInt()).isEqualTo(open - 2);
    assertThat(two.get("open").asInt()).isEqualTo(open);
    assertThat(two.get("timeLeft")).isEqualTo(all.get("timeLeft"));
    assertThat(texts(two.get("cases"), "number")).doesNotContain(set.later(), set.notified());

    JsonNode figuresOnly = overview(KS_MANAGER, "?cases=0");
    assertThat(figuresOnly.get("cases")).isEmpty();
    assertThat(figuresOnly.get("casesLeftOut").asInt()).isEqualTo(open);
    assertThat(figuresOnly.get("byController")).isEqualTo(all.get("byController"));

    JsonNode standard = overview(KS_MANAGER, "");
    assertThat(standard.get("cases").size()).isEqualTo(Math.min(open, 100));
    assertThat(standard.get("casesLeftOut").asInt()).isEqualTo(Math.max(0, open - 100));

    for (String bad : List.of("-1", "10001", "tio", "1e3", "%3Cb%3E")) {
      ResponseEntity<String> refused = get(KS_MANAGER, "?cases=" + bad);
      assertThat(refused.getStatusCode()).as(bad).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(json.readTree(refused.getBody()).get("errors").findValuesAsText("field")).containsExactly("cases");
      assertThat(refused.getBody()).contains("ett heltal från 0 till 10000").doesNotContain("<b>");
    }
  }

  @Test
  void shouldRefuseStaffOtherControllersAndStrangers() throws Exception {
    ResponseEntity<String> staff = get("overview-staff", "");
    assertThat(staff.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(staff.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(staff.getBody()).contains("Översikten visas för ledning");
    assertThat(get("reporter", "").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<String> other = get(KS_MANAGER, "?controller=sn");
    assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(other.getBody()).doesNotContain("PUI-");

    ResponseEntity<String> unknown = get(KS_MANAGER, "?controller=%3Cscript%3E");
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(unknown.getBody()).get("errors").findValuesAsText("field")).containsExactly("controller");
    assertThat(unknown.getBody()).doesNotContain("<script>");

    assertThat(http.getForEntity("/api/overview", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth(KS_MANAGER, "fel").getForEntity("/api/overview", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private JsonNode overview(String user, String query) throws Exception {
    ResponseEntity<String> response = get(user, query);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getCacheControl()).contains("no-store");
    return json.readTree(response.getBody());
  }

  private ResponseEntity<String> get(String user, String query) {
    return http.withBasicAuth(user, user).getForEntity("/api/overview" + query, String.class);
  }

  private static int delta(JsonNode before, JsonNode after, String field) {
    return after.get(field).asInt() - before.get(field).asInt();
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.get(field).asText()));
    return values;
  }

  private static JsonNode find(JsonNode array, String value) {
    return find(array, value, "number");
  }

  private static JsonNode find(JsonNode array, String value, String field) {
    for (JsonNode node : array) {
      if (node.get(field).asText().equals(value)) {
        return node;
      }
    }
    throw new AssertionError(value + " not in " + array);
  }

  private static String band(JsonNode cases, String number) {
    return find(cases, number).get("timeLeft").asText();
  }

  /** A count of a list (byController, byCause) by its key; 0 when the key is not there. */
  private static int count(JsonNode overview, String list, String key, String field) {
    for (JsonNode node : overview.get(list)) {
      if (node.get("key").asText().equals(key)) {
        return node.get(field).asInt();
      }
    }
    return 0;
  }
}
