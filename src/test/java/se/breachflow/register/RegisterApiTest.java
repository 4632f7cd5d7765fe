package se.breachflow.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.breachflow.document.Pdfs;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.EngineClock;

/** {@code GET /api/register}: the register as CSV for Swedish Excel and as PDF, for the controllers one oversees. */
@BreachflowTest
class RegisterApiTest {

  private static final String AWKWARD = "Rad ett; med \"citat\" och semikolon\nRad två";
  private static final String FORMULA = "=HYPERLINK(\"http://x\")";

  @Autowired TestRestTemplate http;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void atAKnownTime() {
    EngineClock.set("2026-11-20T12:00:00+01:00");
  }

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  @Test
  void shouldGiveTheRegisterAsCsvThatOpensAsTheExpectedRowsAndColumns() throws Exception {
    String ks = report("ks", "2026-10-05T10:00:00+02:00", AWKWARD, FORMULA);
    String sn = report("sn", "2026-10-06T23:30:00+02:00", "Ett brev till fel mottagare.", null);
    report("ks", "2026-10-07T00:30:00+02:00", "Utanför perioden.", null);

    ResponseEntity<byte[]> response = register("coordinator", "from=2026-10-05&to=2026-10-06&format=csv");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
    assertThat(response.getHeaders().getContentDisposition().getFilename())
        .isEqualTo("register-personuppgiftsincidenter-2026-10-05-2026-10-06.csv");
    byte[] body = response.getBody();
    assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
    List<List<String>> rows = parse(new String(body, 3, body.length - 3, StandardCharsets.UTF_8));
    assertThat(rows.get(0)).isEqualTo(Register.headings()).contains("Incidentnummer", "Personuppgiftsansvarig",
        "Upptäcktes", "Beskrivning", "Typer av personuppgifter", "Antal berörda (ungefär)", "Risknivå",
        "Anmäld till IMY", "IMY:s diarienummer", "Anmäld efter 72 timmar", "Vidtagna åtgärder", "Avslutad");
    assertThat(rows).hasSize(3).allMatch(row -> row.size() == Register.headings().size());

    Map<String, String> first = row(rows, 1);
    assertThat(first.get("Incidentnummer")).isEqualTo(ks);
    assertThat(first.get("Personuppgiftsansvarig")).isEqualTo("Kommunstyrelsen");
    assertThat(first.get("Upptäcktes")).isEqualTo("2026-10-05 kl. 10:00");
    assertThat(first.get("Beskrivning")).isEqualTo(AWKWARD);
    assertThat(first.get("Vidtagna åtgärder")).isEqualTo("'" + FORMULA);
    assertThat(first.get("Orsak")).isEqualTo("Felskickad e-post");
    assertThat(first.get("Typer av personuppgifter"))
        .isEqualTo("Namn och andra identitetsuppgifter, Kontaktuppgifter (adress, telefon, e-post)");
    assertThat(first.get("Antal berörda (ungefär)")).isEqualTo("3");
    assertThat(first.get("Status")).isEqualTo("Bedöms av dataskyddssamordnare");
    assertThat(first.get("Anmäld efter 72 timmar")).isEqualTo("Ja");
    assertThat(row(rows, 2).get("Incidentnummer")).isEqualTo(sn);
    assertThat(row(rows, 2).get("Personuppgiftsansvarig")).isEqualTo("Socialnämnden");

    List<List<String>> onlySn = csv("dpo", "from=2026-10-05&to=2026-10-06&controller=sn&format=csv");
    assertThat(onlySn).hasSize(2);
    assertThat(row(onlySn, 1).get("Incidentnummer")).isEqualTo(sn);

    // Staff who oversee no controller get an empty register.
    assertThat(csv("reporter", "from=2026-10-05&to=2026-10-06&format=csv")).hasSize(1);
    assertThat(register("reporter", "controller=ks&format=csv").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<byte[]> pdf = register("manager", "from=2026-10-05&to=2026-10-06");
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(Pdfs.text(pdf.getBody())).contains("Register över personuppgiftsincidenter")
        .contains("Period (upptäckt): 2026-10-05 – 2026-10-06").contains("Antal incidenter: 2")
        .contains(ks + " – Kommunstyrelsen").contains(sn + " – Socialnämnden")
        .contains("Beskrivning Rad ett; med \"citat\" och semikolon Rad två").contains("Sida 1 av");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "from=2026-13-01           | from",
      "to=igår                   | to",
      "from=2026-10-05&to=2026-10-01 | to",
      "format=xlsx               | format",
      "controller=xx             | controller"})
  void shouldRefuseABadParameterAndNameIt(String query, String field) throws Exception {
    ResponseEntity<byte[]> response = register("dpo", query);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode errors = json.readTree(response.getBody()).get("errors");
    assertThat(errors.findValuesAsText("field")).containsExactly(field);
  }

  /** One rule for the register's list, export and statistics: unknown is a bad parameter, not overseen forbidden. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"/api/register?format=csv&", "/api/incidents?", "/api/statistics?"})
  void shouldAnswerEveryPartOfTheRegisterAlikeForAControllerOneMayNotSee(String path) throws Exception {
    ResponseEntity<String> unknown = http.withBasicAuth("dpo", "dpo").getForEntity(path + "controller=xx",
        String.class);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(unknown.getBody()).get("errors").findValuesAsText("field")).containsExactly("controller");

    ResponseEntity<String> hidden = http.withBasicAuth("reporter", "reporter").getForEntity(path + "controller=ks",
        String.class);
    assertThat(hidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(hidden.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

    assertThat(http.withBasicAuth("dpo", "dpo").getForEntity(path + "controller=ks", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void shouldQuoteSemicolonsQuotesAndLineBreaks() {
    assertThat(Register.csvValue("enkel")).isEqualTo("enkel");
    assertThat(Register.csvValue("a;b")).isEqualTo("\"a;b\"");
    assertThat(Register.csvValue("säger \"hej\"")).isEqualTo("\"säger \"\"hej\"\"\"");
    assertThat(Register.csvValue("rad 1\r\nrad 2")).isEqualTo("\"rad 1\r\nrad 2\"");
    assertThat(Register.csvValue("-1+1")).isEqualTo("'-1+1");
    assertThat(Register.csvValue("@SUM(A1)")).isEqualTo("'@SUM(A1)");
  }

  private String report(String controller, String discoveredAt, String description, String measures)
      throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("controllerId", controller);
    body.put("description", description);
    body.put("cause", "MISDIRECTED_EMAIL");
    body.put("discoveredAt", discoveredAt);
    body.put("breachTypes", List.of("CONFIDENTIALITY"));
    body.put("dataCategories", List.of("IDENTITY", "CONTACT"));
    body.put("dataSubjectCount", 3);
    body.put("vulnerableSubjects", false);
    body.put("recipient", "EXTERNAL");
    body.put("measuresTaken", measures);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth("reporter", "reporter");
    ResponseEntity<String> response = http.exchange("/api/incidents", HttpMethod.POST,
        new HttpEntity<>(json.writeValueAsString(body), headers), String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return json.readTree(response.getBody()).get("number").asText();
  }

  private ResponseEntity<byte[]> register(String user, String query) {
    return http.withBasicAuth(user, user).getForEntity("/api/register?" + query, byte[].class);
  }

  private List<List<String>> csv(String user, String query) {
    byte[] body = register(user, query).getBody();
    return parse(new String(body, 3, body.length - 3, StandardCharsets.UTF_8));
  }

  private static Map<String, String> row(List<List<String>> rows, int index) {
    Map<String, String> byHeading = new LinkedHashMap<>();
    for (int i = 0; i < rows.get(0).size(); i++) {
      byHeading.put(rows.get(0).get(i), rows.get(index).get(i));
    }
    return byHeading;
  }

  /** RFC 4180 with ';' as separator, as Excel reads it: quoted fields may hold ';', '""' and line breaks. */
  static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ';') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        field.append(c);
      }
    }
    assertThat(quoted).as("unterminated quote").isFalse();
    assertThat(field).as("text after the last record").isEmpty();
    return rows;
  }
}
