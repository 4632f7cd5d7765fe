package se.breachflow.access.oidc;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import se.breachflow.web.ApiProblems;

/**
 * The refusals of Spring Security with single sign-on, as problem+json in Swedish: the API's 401 with the bearer
 * challenge of RFC 6750, and the firewall's.
 */
final class OidcProblems {

  private static final BearerTokenAuthenticationEntryPoint BEARER = new BearerTokenAuthenticationEntryPoint();

  private OidcProblems() {}

  /** For /api: 401 with a body that says what to send. */
  static AuthenticationEntryPoint api() {
    return (request, response, failure) -> unauthorized(request, response, failure);
  }

  static void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    if (failure != null) {
      BEARER.commence(request, response, failure); // status and WWW-Authenticate (error="invalid_token", ...)
    } else {
      response.setStatus(HttpStatus.UNAUTHORIZED.value());
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    write(request, response, HttpStatus.UNAUTHORIZED, "Inloggning krävs", failure == null || !bearerSent(request)
        ? "Logga in med kommunens konto, eller skicka en giltig åtkomsttoken (Authorization: Bearer). Ändringar "
            + "via API:t kräver en åtkomsttoken."
        : failure.getMessage() != null && failure.getMessage().contains(AccessTokensOnly.NOT_AN_ACCESS_TOKEN)
            ? "Åtkomsttoken godtogs inte: det är ingen åtkomsttoken (access token). En ID-token från inloggningen "
                + "ger ingen behörighet; hämta en åtkomsttoken för breachflows API hos kommunens inloggning."
            : "Åtkomsttoken godtogs inte (ogiltig, utgången eller inte utfärdad för breachflow).");
  }

  /** The methods Spring Security's firewall lets through (StrictHttpFirewall's default). */
  private static final Set<String> STANDARD_METHODS = Set.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");

  /**
   * Spring Security's firewall (StrictHttpFirewall) refuses, before any login, a request whose path could be read
   * two ways ({@code //}, {@code ;}, an encoded {@code .}, {@code /} or {@code %}, ...) or whose method is not a
   * standard one. Its default answer is a bare 400 (and for a method, none at all: the error page's request has the
   * same method and is refused too). Here: a problem, 405 for the method as Spring MVC and Tomcat answer it without
   * single sign-on, 400 for the rest. Nothing of the request is echoed.
   */
  static RequestRejectedHandler firewall() {
    return (request, response, rejected) -> {
      if (response.isCommitted()) {
        return;
      }
      if (STANDARD_METHODS.contains(request.getMethod())) {
        write(request, response, HttpStatus.BAD_REQUEST, "Ogiltig adress", "Adressen godtas inte: den innehåller "
            + "tecken eller delar som kan läsas på mer än ett sätt (till exempel //, ; eller kodade punkter och "
            + "snedstreck).", false);
      } else {
        write(request, response, HttpStatus.METHOD_NOT_ALLOWED, "Metoden stöds inte",
            "Metoden går inte att använda på den här adressen.", false);
      }
    };
  }

  private static boolean bearerSent(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
  }

  private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
      String detail) throws IOException {
    write(request, response, status, title, detail, true);
  }

  private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
      String detail, boolean withInstance) throws IOException {
    ProblemDetail problem = ApiProblems.of(status, title, detail);
    ApiProblems.write(response, withInstance ? ApiProblems.at(problem, request.getRequestURI()) : problem);
  }
}
