package se.breachflow.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser's session with the Camunda webapps, without a browser: the login form's request, the session cookie
 * and the CSRF token header the webapps send with every change. The demo's passwords are the user ids.
 */
public final class WebappSession {

  private final int port;
  private final String clientAddress;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

  public WebappSession(int port) {
    this(port, null);
  }

  /**
   * A browser at another address: the tests' application takes the client from {@code X-Forwarded-For} sent from
   * the loopback address, its trusted proxy, as behind the production proxy ({@code server.forward-headers-strategy=native}).
   */
  public WebappSession(int port, String clientAddress) {
    this.port = port;
    this.clientAddress = clientAddress;
  }

  /** Logs in to one webapp (tasklist, cockpit, admin) as the webapp's login page does; the HTTP status. */
  public int login(String user, String app) throws IOException, InterruptedException {
    return login(user, user, app);
  }

  /** The login form with any password; the HTTP status (200, or 401 for a refused login). */
  public int login(String user, String password, String app) throws IOException, InterruptedException {
    get("/camunda/app/" + app + "/default/");
    HttpResponse<String> response = client.send(request("/camunda/api/admin/auth/user/default/login/" + app)
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token())
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString());
    return response.statusCode();
  }

  public HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
    return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A GET with the session's cookie and, besides, HTTP Basic credentials. */
  public HttpResponse<byte[]> get(String path, String user, String password) throws IOException, InterruptedException {
    String basic = java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return client.send(request(path).header("Authorization", "Basic " + basic).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A JSON POST with the session's cookie and CSRF token, as the webapps send it. */
  public HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
    return send("POST", path, body);
  }

  /** A JSON PUT with the session's cookie and CSRF token, as the webapps send it. */
  public HttpResponse<String> put(String path, String body) throws IOException, InterruptedException {
    return send("PUT", path, body);
  }

  /** A DELETE with the session's cookie and CSRF token. */
  public HttpResponse<String> delete(String path) throws IOException, InterruptedException {
    return send("DELETE", path, "");
  }

  private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
    refreshToken();
    return client.send(request(path).header("Content-Type", "application/json")
        .header("Accept", "application/json").header("X-XSRF-TOKEN", token())
        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The session and its CSRF token are new after the login: fetch the token as the apps do. */
  private void refreshToken() throws IOException, InterruptedException {
    client.send(request("/camunda/api/admin/auth/user/default").GET().build(),
        HttpResponse.BodyHandlers.discarding());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path));
    return clientAddress == null ? builder : builder.header("X-Forwarded-For", clientAddress);
  }

  private String token() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElse("");
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
