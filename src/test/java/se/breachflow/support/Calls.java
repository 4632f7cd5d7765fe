package se.breachflow.support;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * HTTP calls as a client of the API makes them (the attack tests, the controllers' API test): JSON with HTTP
 * Basic (the demo's password is the user id), or with single sign-on the person's access token (TestLogin).
 */
public final class Calls {

  private final TestRestTemplate http;

  public Calls(TestRestTemplate http) {
    this.http = http;
  }

  public ResponseEntity<String> post(String user, String path, String json) {
    return send(user, HttpMethod.POST, path, json);
  }

  public ResponseEntity<String> put(String user, String path, String json) {
    return send(user, HttpMethod.PUT, path, json);
  }

  public ResponseEntity<String> get(String user, String path) {
    return send(user, HttpMethod.GET, path, null);
  }

  private ResponseEntity<String> send(String user, HttpMethod method, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    headers.set(HttpHeaders.AUTHORIZATION, TestLogin.authorization(user));
    return http.exchange(path, method, new HttpEntity<>(json, headers), String.class);
  }
}
