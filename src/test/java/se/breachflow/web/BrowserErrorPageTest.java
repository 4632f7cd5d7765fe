package se.breachflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import se.breachflow.support.BreachflowTest;

/** A browser that meets an error outside the API and the webapps gets a Swedish page, not Spring's (issue 21). */
@BreachflowTest
class BrowserErrorPageTest {

  @Autowired TestRestTemplate http;

  @Test
  void anUnknownPageIsASwedishPageWithAWayBack() {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.TEXT_HTML));
    ResponseEntity<String> page = http.exchange("/oversikt-som-inte-finns", HttpMethod.GET, new HttpEntity<>(headers),
        String.class);

    assertThat(page.getStatusCode().value()).isEqualTo(404);
    assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(page.getBody()).contains("Sidan finns inte", "Till startsidan", "lang=\"sv\"")
        .doesNotContain("Whitelabel", "Not Found", "status=");
  }
}
