package se.breachflow.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import se.breachflow.support.Postgres;
import se.breachflow.support.Reports;

/**
 * Two nodes on one PostgreSQL database: a nämnd an administrator adds on one node is known to the other at its next
 * read, without a restart (the version row, docs/adr/0020): the other node lists it, accepts a report for it, and
 * sees its changed DPO at once; its groups, made by the first node, are in the shared database.
 */
class ControllersAcrossNodesTest {

  private Postgres postgres;
  private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    nodes.forEach(ConfigurableApplicationContext::close);
    if (postgres != null) {
      postgres.drop();
    }
  }

  @Test
  void aNamndAddedOnOneNodeIsUsableOnTheOtherAtOnce() throws Exception {
    postgres = Postgres.newDatabase();
    ConfigurableApplicationContext first = postgres.startNode(false);
    nodes.add(first);
    ConfigurableApplicationContext second = postgres.startNode(false);
    nodes.add(second);
    ControllerRegistry seenBySecond = second.getBean(ControllerRegistry.class);
    assertThat(seenBySecond.all()).extracting(DataController::id).containsExactly("ks", "sn", "bun");
    assertThat(seenBySecond.find("vaab")).isEmpty();

    HttpResponse<String> created = put(first, "vaab", "dso@vaab.example");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

    assertThat(seenBySecond.find("vaab")).map(DataController::name).contains("Vatten och avfall AB");
    assertThat(second.getBean(IdentityService.class).createGroupQuery().groupId("coordinator-vaab").count()).isOne();
    HttpResponse<String> report = send(second, "POST", "/api/incidents", "reporter", Reports.contractJson("vaab"));
    assertThat(report.statusCode()).as(report.body()).isEqualTo(201);

    assertThat(put(first, "vaab", "dpo@vaab.example").statusCode()).isEqualTo(200);
    assertThat(seenBySecond.find("vaab").orElseThrow().dpo().email()).isEqualTo("dpo@vaab.example");
    assertThat(send(second, "GET", "/api/controllers", "admin", null).body()).contains("dpo@vaab.example");
  }

  private HttpResponse<String> put(ConfigurableApplicationContext node, String id, String email) throws Exception {
    return send(node, "PUT", "/api/controllers/" + id, "admin", """
        {"name": "Vatten och avfall AB", "organisationNumber": "556000-0000", "postalAddress": "Box 9, 100 00 Exempelstad",
         "dpo": {"name": "Dataskyddsombudet", "email": "%s", "phone": "010-123 45 00"}, "retentionPeriod": "P7Y"}"""
        .formatted(email));
  }

  private HttpResponse<String> send(ConfigurableApplicationContext node, String method, String path, String user,
      String body) throws Exception {
    String port = node.getEnvironment().getProperty("local.server.port");
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
            .getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json");
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
