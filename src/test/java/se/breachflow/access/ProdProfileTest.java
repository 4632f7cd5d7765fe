package se.breachflow.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import se.breachflow.BreachflowApplication;

/** The prod profile: secrets from the environment only, no demo user, the proxy's headers only from trusted proxies. */
class ProdProfileTest {

  @Test
  void shouldRefuseToStartWithoutAnAdministratorPassword() throws Exception {
    String url = "jdbc:h2:mem:prod-refused;DB_CLOSE_DELAY=-1";
    assertThatThrownBy(() -> prod(url, null).close())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("BREACHFLOW_ADMIN_PASSWORD");
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        ResultSet tables = connection.getMetaData().getTables(null, null, "ACT_ID_USER", null)) {
      assertThat(tables.next()).as("no engine table, so no user, was created").isFalse();
    }
  }

  @Test
  void shouldCreateOnlyTheAdministratorInProd() throws Exception {
    String url = "jdbc:h2:mem:prod-started;DB_CLOSE_DELAY=-1";
    try (ConfigurableApplicationContext context = prod(url, "ett-långt-lösenord")) {
      var identity = context.getBean(org.camunda.bpm.engine.IdentityService.class);
      assertThat(identity.createUserQuery().list()).extracting("id").containsExactly("admin");
      assertThat(identity.createUserQuery().userId("admin").memberOfGroup(Groups.ADMIN).count()).isOne();
      assertThat(identity.checkPassword("admin", "ett-långt-lösenord")).isTrue();
      assertThat(identity.createGroupQuery().list()).extracting("id").doesNotContain("demo")
          .contains(Groups.ADMIN, Groups.STAFF, Groups.coordinators("ks"), Groups.dpo("ks"),
              Groups.management("ks"));
    }
  }

  /** Behind the HTTPS proxy (X-Forwarded-Proto), the webapps' session and CSRF cookies are Secure; CSRF is on. */
  @Test
  void shouldSendSecureCookiesAndKeepCsrfProtectionOverHttps() throws Exception {
    String url = "jdbc:h2:mem:prod-cookies;DB_CLOSE_DELAY=-1";
    try (ConfigurableApplicationContext context = prod(url, "ett-långt-lösenord")) {
      String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/"))
          .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.ofString());
      List<String> cookies = page.headers().allValues("Set-Cookie");
      // (The page itself may fail here: the test's engine has a unique name, not 'default'; the filters ran.)
      assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("XSRF-TOKEN="));
      assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID="));
      assertThat(cookies).allSatisfy(cookie -> assertThat(cookie).containsPattern("(?i);\\s*Secure(;|$)"));

      // A login without the CSRF token is refused.
      HttpResponse<String> login = client.send(HttpRequest.newBuilder(
              URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("X-Forwarded-Proto", "https").header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=ett-långt-lösenord")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).isEqualTo(403);
      assertThat(login.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");

      // The proxy's headers are Tomcat's RemoteIpValve's, believed by default from a proxy on this machine only.
      assertThat(remoteIpValve(context).getInternalProxies())
          .isEqualTo("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}|0:0:0:0:0:0:0:1|::1");
    }
  }

  /** BREACHFLOW_TRUSTED_PROXIES names the proxies whose X-Forwarded-For and X-Forwarded-Proto are believed. */
  @Test
  void shouldBelieveForwardedHeadersOnlyFromTheConfiguredProxies() {
    String url = "jdbc:h2:mem:prod-proxies;DB_CLOSE_DELAY=-1";
    try (ConfigurableApplicationContext context = prod(url, "ett-långt-lösenord",
        "--BREACHFLOW_TRUSTED_PROXIES=10\\.1\\.2\\.3")) {
      RemoteIpValve valve = remoteIpValve(context);
      assertThat(valve.getInternalProxies()).isEqualTo("10\\.1\\.2\\.3");
      assertThat(valve.getRemoteIpHeader()).isEqualTo("X-Forwarded-For");
      assertThat(valve.getProtocolHeader()).isEqualTo("X-Forwarded-Proto");
    }
  }

  private static RemoteIpValve remoteIpValve(ConfigurableApplicationContext context) {
    TomcatWebServer server = (TomcatWebServer) ((ServletWebServerApplicationContext) context).getWebServer();
    return Arrays.stream(server.getTomcat().getEngine().getPipeline().getValves())
        .filter(RemoteIpValve.class::isInstance).map(RemoteIpValve.class::cast).findFirst()
        .orElseThrow(() -> new AssertionError("no RemoteIpValve: server.forward-headers-strategy is not native"));
  }

  /** Starts the application as production would, with settings as command-line arguments (high precedence). */
  private static ConfigurableApplicationContext prod(String url, String adminPassword, String... more) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.profiles.active=prod",
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=sa",
        "--spring.datasource.password=",
        "--server.port=0",
        "--camunda.bpm.database.schema-update=true",
        "--camunda.bpm.job-execution.enabled=false",
        "--camunda.bpm.generate-unique-process-engine-name=true",
        "--breachflow.controllers[0].id=ks",
        "--breachflow.controllers[0].name=Kommunstyrelsen"));
    if (adminPassword != null) {
      args.add("--camunda.bpm.admin-user.password=" + adminPassword);
    }
    args.addAll(List.of(more));
    return new SpringApplicationBuilder(BreachflowApplication.class).run(args.toArray(String[]::new));
  }
}
