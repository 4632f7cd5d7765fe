package se.breachflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.breachflow.access.AccessUsers;
import se.breachflow.access.Groups;

/**
 * The tests marked {@link AlsoWithSingleSignOn} really run with the login {@link TestLogin} says, so that their
 * second run cannot pass with passwords: with single sign-on a password is refused, the identity is read-only and
 * the engine's groups are those the provider's token mapped; with passwords the demo's password works.
 */
@BreachflowTest
@AlsoWithSingleSignOn
class TestLoginTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired IdentityService identity;

  @Test
  void shouldRunWithTheLoginTheJvmWasStartedWith() throws Exception {
    assertThat(identity.isReadOnly()).as("read-only identity").isEqualTo(TestLogin.singleSignOn());
    assertThat(status("/api/incidents", TestLogin.basic("coordinator", "coordinator")))
        .as("the demo's password").isEqualTo(TestLogin.singleSignOn() ? 401 : 200);
    assertThat(status("/engine-rest/task/count", TestLogin.basic("coordinator", "coordinator")))
        .as("the demo's password on engine REST").isEqualTo(TestLogin.singleSignOn() ? 401 : 200);
    assertThat(status("/api/incidents", TestLogin.authorization("coordinator"))).isEqualTo(200);
    assertThat(status("/engine-rest/task/count", TestLogin.authorization("coordinator"))).isEqualTo(200);
    if (TestLogin.singleSignOn()) {
      assertThat(TestLogin.authorization("coordinator")).startsWith("Bearer ");
    }
  }

  @Test
  void shouldGiveAPersonExactlyTheRolesTheTestGives() throws Exception {
    AccessUsers.create(identity, "login-dpo-sn", Groups.dpo("sn"));
    assertThat(groups("login-dpo-sn")).containsExactly(Groups.dpo("sn"));
    assertThat(groups("coordinator")).contains(Groups.STAFF, Groups.coordinators("ks"), Groups.coordinators("sn"))
        .doesNotContain(Groups.dpo("ks"), Groups.ADMIN);
    assertThat(groups("admin")).containsExactlyInAnyOrder(Groups.STAFF, Groups.ADMIN);
    // The role the person has: the DPO's metrics are refused, the case list is open.
    assertThat(status("/actuator/prometheus", TestLogin.authorization("login-dpo-sn"))).isEqualTo(403);
    assertThat(status("/api/incidents", TestLogin.authorization("login-dpo-sn"))).isEqualTo(200);
  }

  private List<String> groups(String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  private int status(String path, String authorization) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", authorization).header("Accept", "application/json, */*").GET().build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
