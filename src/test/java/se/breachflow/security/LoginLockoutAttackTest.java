package se.breachflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.breachflow.access.login.LoginThrottle;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.EngineClock;
import se.breachflow.support.WebappSession;

/**
 * Issue 16, point 7: ten wrong passwords, spread over minutes, used to lock a user until an administrator
 * unlocked it (Camunda's login lock), so anyone could lock out the DPO or the administrator. Now wrong
 * passwords delay only the next tries of that user from that client, for a while that grows and ends by itself
 * (defaults: 3 free, then 5 s, doubling, at most 15 min). Played over the real HTTP endpoints: the webapps'
 * login form, HTTP Basic on /api and on engine REST. The client is the address in X-Forwarded-For (the
 * tests run with the production proxy setting); each test has addresses of its own.
 */
@BreachflowTest
class LoginLockoutAttackTest {

  private static final Instant START = OffsetDateTime.parse("2026-11-20T12:00:00+01:00").toInstant();
  private static final String WRONG = "gissning";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired LoginThrottle throttle;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private Instant now = START;

  @BeforeEach
  void atAKnownTime() {
    EngineClock.set(START);
  }

  /**
   * Leaves the shared application as it was: the wrong passwords of this test, recorded at the test's times, must
   * not delay or (by Camunda's own per-user lock time, which only the test's clock can put ahead of another
   * test's) refuse the demo users in the tests that follow.
   */
  @AfterEach
  void forgetTheAttemptsAndResetClock() {
    throttle.delayed().forEach(delayed -> throttle.lift(delayed.user(), delayed.client()));
    for (String user : new String[] {"dpo", "admin", "coordinator", "manager", "reporter"}) {
      identity.unlockUser(user);
    }
    EngineClock.reset();
  }

  @Test
  void wrongPasswordsDelayOnlyTheAttackersClientAndTheDpoWorksOn() throws Exception {
    String attacker = "203.0.113.71";
    String dposDesk = "198.51.100.20";
    WebappSession attackersBrowser = new WebappSession(port, attacker);

    // Three typos are free; the fourth wrong password is checked too, and starts a delay of 5 seconds.
    int checked = camundaAttempts("dpo");
    for (int i = 1; i <= 4; i++) {
      assertThat(attackersBrowser.login("dpo", WRONG, "tasklist")).as("wrong password " + i).isEqualTo(401);
    }
    assertThat(camundaAttempts("dpo")).as("all four were checked").isEqualTo(checked + 4);

    // Meanwhile nothing from that client is checked for dpo: the right password is refused as well.
    assertThat(attackersBrowser.login("dpo", "dpo", "tasklist")).as("the webapp's usual failed login")
        .isEqualTo(401);
    HttpResponse<String> overApi = api(attacker, "dpo", "dpo", "/api/incidents");
    assertThat(overApi.statusCode()).isEqualTo(429);
    assertThat(overApi.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(overApi.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json.readTree(overApi.body()).path("detail").asText())
        .isEqualTo("För många felaktiga inloggningsförsök för användaren från din adress. Försök igen om 5 sekunder.");

    HttpResponse<String> overEngineRest = api(attacker, "dpo", "dpo", "/engine-rest/task/count");
    assertThat(overEngineRest.statusCode()).isEqualTo(429);
    assertThat(overEngineRest.headers().firstValue("Retry-After")).hasValue("5");
    JsonNode engineError = json.readTree(overEngineRest.body());
    assertThat(engineError.path("type").asText()).isEqualTo("LoginDelayedException");
    assertThat(engineError.path("message").asText()).startsWith("För många felaktiga inloggningsförsök");
    assertThat(camundaAttempts("dpo")).as("no password was checked while delayed").isEqualTo(checked + 4);

    // Other spellings of the same account are the same user (Active Directory ignores case and spaces).
    assertThat(api(attacker, "DPO", WRONG, "/api/incidents").statusCode()).isEqualTo(429);
    assertThat(api(attacker, " Dpo ", WRONG, "/engine-rest/task").statusCode()).isEqualTo(429);

    // The DPO, at the DPO's own desk, is not affected: the form, the API and engine REST.
    assertThat(new WebappSession(port, dposDesk).login("dpo", "tasklist")).isEqualTo(200);
    assertThat(api(dposDesk, "dpo", "dpo", "/api/incidents").statusCode()).isEqualTo(200);
    assertThat(api(dposDesk, "dpo", "dpo", "/engine-rest/task/count").statusCode()).isEqualTo(200);
    // Nor is anybody else at the attacker's address.
    assertThat(api(attacker, "coordinator", "coordinator", "/api/incidents").statusCode()).isEqualTo(200);

    // After the delay the attacker's client may try again; the next wrong password doubles it (10 s).
    advance(Duration.ofSeconds(5));
    assertThat(api(attacker, "dpo", WRONG, "/api/incidents").statusCode()).isEqualTo(401);
    assertThat(api(attacker, "dpo", "dpo", "/api/incidents").headers().firstValue("Retry-After")).hasValue("10");
    advance(Duration.ofSeconds(10));
    assertThat(attackersBrowser.login("dpo", "dpo", "tasklist")).as("after the delay, from the same client")
        .isEqualTo(200);
    assertThat(api(attacker, "dpo", WRONG, "/api/incidents").statusCode()).as("the right password reset it")
        .isEqualTo(401);
  }

  /** The original attack: wrong passwords spread over time. No lock, ever; the delay stops growing at 15 min. */
  @Test
  void manyWrongPasswordsOverHoursNeverLockTheAccount() throws Exception {
    String attacker = "203.0.113.72";
    int counted = camundaAttempts("admin");
    long longestWait = 0;
    for (int attempt = 1; attempt <= 25; attempt++) {
      String path = attempt % 2 == 0 ? "/engine-rest/task" : "/api/incidents";
      HttpResponse<String> guess = api(attacker, "admin", WRONG + attempt, path);
      assertThat(guess.statusCode()).as("guess " + attempt + " is checked and refused").isEqualTo(401);
      if (attempt <= 3) {
        continue; // free: the next guess follows at once
      }
      // Even the right password now waits (and is not checked, so it does not reset anything).
      HttpResponse<String> waiting = api(attacker, "admin", "admin", "/api/incidents");
      assertThat(waiting.statusCode()).as("after guess " + attempt).isEqualTo(429);
      long wait = Long.parseLong(waiting.headers().firstValue("Retry-After").orElseThrow());
      assertThat(wait).isBetween(1L, 900L).isGreaterThanOrEqualTo(longestWait);
      longestWait = wait;
      advance(Duration.ofSeconds(wait));
    }
    assertThat(longestWait).as("capped at max-delay").isEqualTo(900);

    // Twenty-five wrong passwords in about four hours, all counted by Camunda, which used to lock for good
    // after ten (loginMaxAttempts): the account is not locked.
    UserEntity admin = (UserEntity) identity.createUserQuery().userId("admin").singleResult();
    assertThat(admin.getAttempts()).isEqualTo(counted + 25);
    assertThat(admin.getLockExpirationTime()).as("Camunda's temporary lock ends at once")
        .isBeforeOrEqualTo(java.util.Date.from(now));
    String elsewhere = "198.51.100.21";
    assertThat(new WebappSession(port, elsewhere).login("admin", "admin")).isEqualTo(200);
    assertThat(api(elsewhere, "admin", "admin", "/engine-rest/user/count").statusCode()).isEqualTo(200);
    assertThat(api(attacker, "admin", "admin", "/api/incidents").statusCode())
        .as("and from the attacker's client, once its delay is over").isEqualTo(200);
  }

  @Test
  void administratorsSeeWhoWaitsAndMayLiftIt() throws Exception {
    String attacker = "203.0.113.73";
    String adminsDesk = "198.51.100.22";
    for (int i = 0; i < 4; i++) {
      assertThat(api(attacker, "coordinator", WRONG, "/api/incidents").statusCode()).isEqualTo(401);
    }
    assertThat(api(attacker, "coordinator", "coordinator", "/api/incidents").statusCode()).isEqualTo(429);

    HttpResponse<String> seen = api(adminsDesk, "admin", "admin", "/api/login-throttle");
    assertThat(seen.statusCode()).isEqualTo(200);
    JsonNode overview = json.readTree(seen.body());
    assertThat(overview.path("policy").path("freeFailures").asInt()).isEqualTo(3);
    assertThat(overview.path("policy").path("maxDelay").asText()).isEqualTo("PT15M");
    JsonNode entry = null;
    for (JsonNode delayed : overview.path("delayed")) {
      if (delayed.path("client").asText().equals(attacker)) {
        entry = delayed;
      }
    }
    assertThat(entry).as("the attacker's pair is listed").isNotNull();
    assertThat(entry.path("user").asText()).isEqualTo("coordinator");
    assertThat(entry.path("failures").asInt()).isEqualTo(4);
    assertThat(Instant.parse(entry.path("delayedUntil").asText())).isEqualTo(START.plusSeconds(5));

    for (String user : new String[] {"dpo", "coordinator", "manager", "reporter"}) {
      assertThat(api(adminsDesk, user, user, "/api/login-throttle").statusCode()).as(user).isEqualTo(403);
      assertThat(send(adminsDesk, user, user, "DELETE",
          "/api/login-throttle?user=coordinator&client=" + attacker).statusCode()).as(user).isEqualTo(403);
    }
    assertThat(api(attacker, "coordinator", "coordinator", "/api/incidents").statusCode()).as("still waiting")
        .isEqualTo(429);

    assertThat(send(adminsDesk, "admin", "admin", "DELETE", "/api/login-throttle?user=coordinator&client=" + attacker)
        .statusCode()).isEqualTo(204);
    assertThat(api(attacker, "coordinator", "coordinator", "/api/incidents").statusCode()).as("lifted")
        .isEqualTo(200);
    assertThat(send(adminsDesk, "admin", "admin", "DELETE", "/api/login-throttle?user=coordinator&client=" + attacker)
        .statusCode()).as("nothing left to lift").isEqualTo(404);
    assertThat(send(adminsDesk, "admin", "admin", "DELETE", "/api/login-throttle?user=coordinator").statusCode())
        .as("the client is needed").isEqualTo(400);
  }

  /** An IPv6 client is its /64: a new address of the same network is the same client. */
  @Test
  void anIpv6ClientCannotEscapeTheDelayByChangingItsAddress() throws Exception {
    for (int i = 1; i <= 4; i++) {
      assertThat(api("2001:db8:7:1::" + i, "manager", WRONG, "/api/incidents").statusCode()).isEqualTo(401);
    }
    assertThat(api("2001:db8:7:1:ffff::5", "manager", "manager", "/api/incidents").statusCode()).isEqualTo(429);
    assertThat(api("2001:db8:7:2::1", "manager", "manager", "/api/incidents").statusCode())
        .as("another network").isEqualTo(200);
  }

  private void advance(Duration duration) {
    now = now.plus(duration);
    EngineClock.set(now);
  }

  /** Failed checks Camunda counted for the user (it still counts; its lock is off). */
  private int camundaAttempts(String user) {
    return ((UserEntity) identity.createUserQuery().userId(user).singleResult()).getAttempts();
  }

  private HttpResponse<String> api(String client, String user, String password, String path) throws Exception {
    return send(client, user, password, "GET", path);
  }

  private HttpResponse<String> send(String client, String user, String password, String method, String path)
      throws Exception {
    String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + basic).header("X-Forwarded-For", client)
        .header("Accept", "application/json").method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
