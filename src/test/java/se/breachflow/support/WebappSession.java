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
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A browser's session with the Camunda webapps, without a browser: the login form's request, the session cookie
 * and the CSRF token header the webapps send with every change. The demo's passwords are the user ids. With single
 * sign-on ({@link TestLogin}) the login is the provider's instead: the browser's redirects through the provider
 * (authorization code with PKCE), one at a time, as a browser follows them.
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

  /**
   * Logs in to one webapp (tasklist, cockpit, admin) as the webapp's login page does; the HTTP status: 200, or
   * (as Camunda's login answers) 403 for someone who may not use the app.
   */
  public int login(String user, String app) throws IOException, InterruptedException {
    return TestLogin.singleSignOn() ? singleSignOn(user, app) : login(user, user, app);
  }

  /** The login form with any password; the HTTP status (200, or 401 for a refused login). */
  public int login(String user, String password, String app) throws IOException, InterruptedException {
    if (TestLogin.singleSignOn()) {
      throw new IllegalStateException("No password is checked with single sign-on: the test is "
          + "@DisabledWithSingleSignOn, or logs in with login(user, app)");
    }
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

  /**
   * A GET with the session's cookie and, besides, HTTP Basic credentials (with single sign-on: the demo's password,
   * the user id, stands for the person's access token).
   */
  public HttpResponse<byte[]> get(String path, String user, String password) throws IOException, InterruptedException {
    String authorization = password.equals(user) ? TestLogin.authorization(user) : TestLogin.basic(user, password);
    return client.send(request(path).header("Authorization", authorization).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /**
   * The provider's login: the webapp sends the browser to the provider, which (the person being the next to log
   * in there) sends it back with a code that the application exchanges for the person's tokens. Camunda's login
   * form answers 403 for an app the person may not use; so does this, from the apps the login may use.
   */
  private int singleSignOn(String user, String app) throws IOException, InterruptedException {
    SingleSignOn provider = SingleSignOn.get();
    HttpResponse<String> response = client.send(request("/camunda/app/" + app + "/default/").GET().build(),
        HttpResponse.BodyHandlers.ofString());
    for (int hop = 0; hop < 8 && response.statusCode() == 302; hop++) {
      URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
      HttpRequest.Builder request;
      if (provider.isProvider(next)) {
        provider.nextLogin(user);
        request = HttpRequest.newBuilder(next);
      } else {
        request = request(next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery()));
      }
      response = client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
    if (response.statusCode() != 200) {
      return response.statusCode();
    }
    HttpResponse<String> who = client.send(request("/camunda/api/admin/auth/user/default").GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (who.statusCode() != 200) {
      return who.statusCode();
    }
    List<String> apps = new ArrayList<>();
    new ObjectMapper().readTree(who.body()).path("authorizedApps")
        .forEach(authorized -> apps.add(authorized.asText()));
    return apps.contains(app) ? 200 : 403;
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
