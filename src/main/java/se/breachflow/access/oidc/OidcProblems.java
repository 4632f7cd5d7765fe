package se.breachflow.access.oidc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The API's refusals with single sign-on, as problem+json in Swedish, with the bearer challenge of RFC 6750. */
final class OidcProblems {

  private static final ObjectMapper JSON = new ObjectMapper();
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
        : "Åtkomsttoken godtogs inte (ogiltig, utgången eller inte utfärdad för breachflow).");
  }

  private static boolean bearerSent(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
  }

  private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
      String detail) throws IOException {
    response.setStatus(status.value());
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status.value());
    body.put("detail", detail);
    body.put("instance", request.getRequestURI());
    response.getWriter().write(JSON.writeValueAsString(body));
  }
}
