package se.breachflow.access.oidc;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** A browser's cookies and redirects, one step at a time, so that a test sees every hop of the login. */
final class Browser {

  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

  HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(URI uri, String contentType, String body) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The Location of a redirect, resolved against the request. */
  static URI location(HttpResponse<?> response) {
    String location = response.headers().firstValue("Location")
        .orElseThrow(() -> new AssertionError("No redirect: " + response.statusCode() + " " + response.uri()));
    return response.uri().resolve(location);
  }

  static Map<String, String> query(URI uri) {
    Map<String, String> values = new LinkedHashMap<>();
    if (uri.getRawQuery() == null) {
      return values;
    }
    Arrays.stream(uri.getRawQuery().split("&")).map(pair -> pair.split("=", 2)).forEach(pair -> values.put(
        URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
        pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : ""));
    return values;
  }
}
