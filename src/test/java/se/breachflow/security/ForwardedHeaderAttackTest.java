package se.breachflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.breachflow.access.login.LoginThrottle;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.EngineClock;

/**
 * The login throttle's client cannot be named by the client. With {@code server.forward-headers-strategy:
 * framework} Spring's ForwardedHeaderFilter believed {@code Forwarded: for=…} and {@code X-Forwarded-For} from
 * anyone, so an attacker gave every wrong password a client of its own and was never delayed. Now Tomcat's
 * RemoteIpValve ({@code native}) reads only {@code X-Forwarded-For}, and only from the trusted proxies
 * ({@code server.tomcat.remoteip.internal-proxies}; in the tests 127.0.0.1 and ::1, in production
 * {@code BREACHFLOW_TRUSTED_PROXIES}). A burst of wrong passwords, each claiming another client, is delayed.
 */
@BreachflowTest
class ForwardedHeaderAttackTest {

  private static final String WRONG = "gissning";
  /** A loopback address that is not a trusted proxy: Linux routes all of 127/8 to the loopback interface. */
  private static final String UNTRUSTED = "127.0.0.2";

  @LocalServerPort int port;
  @Autowired LoginThrottle throttle;
  @Autowired IdentityService identity;

  @BeforeEach
  void atAKnownTime() {
    EngineClock.set(OffsetDateTime.parse("2026-11-20T12:00:00+01:00").toInstant());
  }

  @AfterEach
  void forgetTheAttempts() {
    throttle.delayed().forEach(delayed -> throttle.lift(delayed.user(), delayed.client()));
    identity.unlockUser("manager");
    EngineClock.reset();
  }

  /** Forwarded (RFC 7239) is not read at all, not even from a trusted proxy. */
  @Test
  void aNewForwardedForWithEveryGuessDoesNotEscapeTheDelay() throws Exception {
    for (int guess = 1; guess <= 4; guess++) {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("X-Forwarded-For", "198.51.100.80");
      headers.put("Forwarded", "for=203.0.113." + guess + ";proto=https");
      assertThat(get("127.0.0.1", "manager", WRONG, headers)).as("guess " + guess).isEqualTo(401);
    }
    Map<String, String> yetAnother = Map.of("X-Forwarded-For", "198.51.100.80", "Forwarded", "for=203.0.113.99");
    assertThat(get("127.0.0.1", "manager", "manager", yetAnother))
        .as("the right password from the same client, which claims yet another address, waits").isEqualTo(429);
    assertThat(throttle.delayed()).anySatisfy(delayed -> {
      assertThat(delayed.user()).isEqualTo("manager");
      assertThat(delayed.client()).isEqualTo("198.51.100.80");
    });
  }

  /** X-Forwarded-For from a client that is not a trusted proxy is ignored: the client is its own address. */
  @Test
  void aNewXForwardedForFromAnUntrustedClientDoesNotEscapeTheDelay() throws Exception {
    assumeTrue(canConnectFrom(UNTRUSTED), "This machine cannot connect from " + UNTRUSTED + " (not Linux?)");
    for (int guess = 1; guess <= 4; guess++) {
      assertThat(get(UNTRUSTED, "manager", WRONG, Map.of("X-Forwarded-For", "203.0.113." + guess,
          "Forwarded", "for=198.51.100." + guess))).as("guess " + guess).isEqualTo(401);
    }
    assertThat(get(UNTRUSTED, "manager", "manager", Map.of("X-Forwarded-For", "203.0.113.99")))
        .as("the right password, from the same untrusted client naming yet another address, waits").isEqualTo(429);
    assertThat(throttle.delayed()).anySatisfy(delayed -> {
      assertThat(delayed.user()).isEqualTo("manager");
      assertThat(delayed.client()).isEqualTo(UNTRUSTED);
    });
    // The trusted proxy's X-Forwarded-For still names the client: another client is not delayed.
    assertThat(get("127.0.0.1", "manager", "manager", Map.of("X-Forwarded-For", "198.51.100.81"))).isEqualTo(200);
  }

  /** GET /api/incidents with HTTP Basic over a socket bound to {@code from}; the status code. */
  private int get(String from, String user, String password, Map<String, String> headers) throws IOException {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
      socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 10_000);
      socket.setSoTimeout(30_000);
      StringBuilder request = new StringBuilder("GET /api/incidents HTTP/1.1\r\nHost: localhost:" + port + "\r\n")
          .append("Authorization: Basic ").append(Base64.getEncoder().encodeToString(
              (user + ":" + password).getBytes(StandardCharsets.UTF_8))).append("\r\n")
          .append("Accept: application/json\r\nConnection: close\r\n");
      headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
      OutputStream out = socket.getOutputStream();
      out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String statusLine = firstLine(socket.getInputStream());
      assertThat(statusLine).startsWith("HTTP/1.1 ");
      return Integer.parseInt(statusLine.substring(9, 12));
    }
  }

  private static String firstLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
      line.write(b);
    }
    return line.toString(StandardCharsets.US_ASCII).strip();
  }

  private boolean canConnectFrom(String address) {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
      socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5_000);
      return true;
    } catch (IOException notHere) {
      return false;
    }
  }
}
