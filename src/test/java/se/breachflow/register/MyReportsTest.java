package se.breachflow.register;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.breachflow.access.AccessUsers;
import se.breachflow.access.Groups;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.IncidentDriver;
import se.breachflow.support.Reports;

/** "Mina rapporter": {@code mine=true} lists only what the user reported, also for someone who oversees more. */
@BreachflowTest
class MyReportsTest {

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired IncidentDriver driver;
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void shouldListOnlyTheUsersOwnReports() throws Exception {
    AccessUsers.create(identity, "mine-dpo", Groups.STAFF, Groups.dpo("ks"));
    driver.report();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> reported = http.withBasicAuth("mine-dpo", "mine-dpo")
        .postForEntity("/api/incidents", new HttpEntity<>(Reports.contractJson("ks"), headers), String.class);
    assertThat(reported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String number = json.readTree(reported.getBody()).path("number").asText();

    JsonNode mine = get("/api/incidents?mine=true");
    assertThat(mine.path("total").asLong()).isEqualTo(1);
    assertThat(mine.path("incidents").get(0).path("number").asText()).isEqualTo(number);
    assertThat(mine.path("incidents").get(0).path("statusText").asText()).isEqualTo("Bedöms av dataskyddssamordnare");
    assertThat(get("/api/incidents").path("total").asLong()).as("the DPO's register holds more").isGreaterThan(1);

    ResponseEntity<String> bad = http.withBasicAuth("mine-dpo", "mine-dpo")
        .getForEntity("/api/incidents?mine=kanske", String.class);
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody()).contains("\"mine\"");
  }

  private JsonNode get(String path) throws Exception {
    ResponseEntity<String> answer = http.withBasicAuth("mine-dpo", "mine-dpo").getForEntity(path, String.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return json.readTree(answer.getBody());
  }
}
