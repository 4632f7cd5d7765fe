package se.breachflow.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import se.breachflow.support.BreachflowTest;
import se.breachflow.support.IncidentDriver;
import se.breachflow.support.Reports;
import se.breachflow.support.WebappSession;

/**
 * The project's API reads with the webapps' login, so that a link in a Tasklist form opens without a second
 * login; it changes nothing with it (the cookie alone must not report incidents: CSRF), and the access rules are
 * the same as with a password.
 */
@BreachflowTest
class WebappSessionApiTest {

  @LocalServerPort int port;
  @Autowired IncidentDriver driver;
  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;

  @Test
  void shouldReadWithTheTasklistLoginAndAskForAPasswordToChange() throws Exception {
    String number = driver.report().getBusinessKey();
    String document = "/api/incidents/" + number + "/documents/imy-notification";

    WebappSession dpo = new WebappSession(port);
    assertThat(dpo.get(document).statusCode()).as("before the login").isEqualTo(401);
    assertThat(dpo.login("dpo", "tasklist")).isEqualTo(200);

    HttpResponse<byte[]> pdf = dpo.get(document);
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue(MediaType.APPLICATION_PDF_VALUE);
    assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
    assertThat(new String(dpo.get("/api/incidents/" + number).body())).contains("\"number\":\"" + number + "\"");

    HttpResponse<String> report = dpo.post("/api/incidents", Reports.contractJson("ks"));
    assertThat(report.statusCode()).as("a change needs the password, even with the CSRF token").isEqualTo(401);
    assertThat(report.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
  }

  @Test
  void shouldEndWhenTheUserIsRemoved() throws Exception {
    AccessUsers.create(identity, "session-leaver", Groups.STAFF, Groups.dpo("ks"));
    String number = driver.report().getBusinessKey();
    WebappSession leaver = loggedInToTasklist("session-leaver");
    assertThat(leaver.get("/api/incidents/" + number).statusCode()).isEqualTo(200);

    identity.deleteUser("session-leaver");
    assertThat(leaver.get("/api/incidents/" + number).statusCode())
        .as("the session outlives the user; the API does not").isEqualTo(401);
  }

  @Test
  void shouldApplyTheSameAccessRulesAsWithAPassword() throws Exception {
    String number = driver.report().getBusinessKey();
    WebappSession reporter = loggedInToTasklist("reporter");

    for (String path : new String[] {"/api/incidents/" + number, "/api/incidents/" + number + "/documents/imy-notification",
        "/api/outbox", "/api/statistics"}) {
      int withPassword = http.withBasicAuth("reporter", "reporter").getForEntity(path, byte[].class).getStatusCode().value();
      assertThat(reporter.get(path).statusCode()).as(path).isEqualTo(withPassword);
    }
    assertThat(reporter.get("/api/incidents/" + number + "/documents/imy-notification").statusCode())
        .as("documents are the DPO's").isEqualTo(404);
  }

  @Test
  void shouldNotLetAWrongPasswordFallBackToTheSession() throws Exception {
    // A user of its own: a wrong password makes the engine refuse that user's logins for a few seconds.
    AccessUsers.create(identity, "session-dpo", Groups.STAFF, Groups.dpo("ks"));
    String number = driver.report().getBusinessKey();
    WebappSession dpo = loggedInToTasklist("session-dpo");
    assertThat(dpo.get("/api/incidents/" + number).statusCode()).isEqualTo(200);
    assertThat(dpo.get("/api/incidents/" + number, "session-dpo", "wrong").statusCode())
        .as("credentials that are sent are judged by themselves").isEqualTo(401);
  }

  /** A session logged in to Tasklist as the user (password = id). */
  private WebappSession loggedInToTasklist(String user) throws Exception {
    WebappSession session = new WebappSession(port);
    assertThat(session.login(user, "tasklist")).isEqualTo(200);
    return session;
  }
}
