package se.breachflow.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * HTTP as an attacker sends it: any method, any content type (or none), any Accept header, any bytes, with or
 * without a length. TestRestTemplate normalises too much of that (it picks converters and content types).
 */
public final class RawHttp {

  private final int port;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  public RawHttp(int port) {
    this.port = port;
  }

  /** One request; every part but the method and path is optional (null leaves the header out). */
  public record Call(String method, String path, String user, String contentType, String accept, byte[] body,
      boolean streamed) {

    public static Call of(String method, String path) {
      return new Call(method, path, null, null, null, null, false);
    }

    /** As the person: HTTP Basic as the demo user (password = id), or their access token ({@link TestLogin}). */
    public Call as(String userId) {
      return new Call(method, path, userId, contentType, accept, body, streamed);
    }

    public Call contentType(String type) {
      return new Call(method, path, user, type, accept, body, streamed);
    }

    public Call accept(String type) {
      return new Call(method, path, user, contentType, type, body, streamed);
    }

    public Call body(String text) {
      return body(text.getBytes(StandardCharsets.UTF_8));
    }

    public Call body(byte[] bytes) {
      return new Call(method, path, user, contentType, accept, bytes, streamed);
    }

    /** JSON: the body with {@code Content-Type: application/json}. */
    public Call json(String text) {
      return contentType("application/json").body(text);
    }

    /** Sent with {@code Transfer-Encoding: chunked}, without a Content-Length. */
    public Call chunked() {
      return new Call(method, path, user, contentType, accept, body, true);
    }

    @Override
    public String toString() {
      return method + " " + path + (contentType == null ? "" : " [" + contentType + "]")
          + (accept == null ? "" : " Accept: " + accept);
    }
  }

  public HttpResponse<String> send(Call call) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + call.path()))
        .timeout(Duration.ofSeconds(60));
    if (call.user() != null) {
      request.header("Authorization", TestLogin.authorization(call.user()));
    }
    if (call.contentType() != null) {
      request.header("Content-Type", call.contentType());
    }
    if (call.accept() != null) {
      request.header("Accept", call.accept());
    }
    HttpRequest.BodyPublisher body;
    if (call.body() == null) {
      body = HttpRequest.BodyPublishers.noBody();
    } else if (call.streamed()) {
      byte[] bytes = call.body();
      body = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
    } else {
      body = HttpRequest.BodyPublishers.ofByteArray(call.body());
    }
    request.method(call.method(), body);
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(call + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(call + " interrupted", e);
    }
  }
}
