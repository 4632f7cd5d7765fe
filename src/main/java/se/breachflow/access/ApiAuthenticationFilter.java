package se.breachflow.access;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import se.breachflow.web.ApiProblems;

/**
 * HTTP Basic for the project's API ({@code /api/**}), checked against Camunda's identity service, so the
 * same people and groups work in Tasklist and over the API. While the request runs, the engine knows the
 * user: its authorization checks and {@code initiator} apply.
 *
 * <p>Reading requests (GET, HEAD) are also let in with the login of the webapps' session, so that a link in a
 * Tasklist form (a document, the record) opens without asking for the password again. Requests that change
 * something always need Basic credentials: the session cookie is sent by the browser on its own, and a page
 * elsewhere must not be able to report or change incidents with it (cross-site request forgery). Groups are
 * read afresh from the identity service on every request in both cases.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD");
  private static final String REALM = "Basic realm=\"breachflow\", charset=\"UTF-8\"";

  private final IdentityService identity;
  private final String engineName;

  public ApiAuthenticationFilter(IdentityService identity, String engineName) {
    this.identity = identity;
    this.engineName = engineName;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String userId = basicUser(request).or(() -> sessionUser(request)).orElse(null);
    if (userId == null) {
      unauthorized(request, response);
      return;
    }
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    try {
      identity.setAuthentication(userId, groups);
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }

  private Optional<String> basicUser(HttpServletRequest request) {
    return BasicCredentials.of(request.getHeader(HttpHeaders.AUTHORIZATION))
        .filter(credentials -> identity.checkPassword(credentials.user(), credentials.password()))
        .map(BasicCredentials::user);
  }

  /** The webapps' login, for reading only, and only while the user still exists. */
  private Optional<String> sessionUser(HttpServletRequest request) {
    if (request.getHeader(HttpHeaders.AUTHORIZATION) != null || !SAFE_METHODS.contains(request.getMethod())) {
      return Optional.empty();
    }
    return WebappSessionUser.of(request, engineName)
        .filter(user -> identity.createUserQuery().userId(user).count() == 1);
  }

  private static void unauthorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM);
    ApiProblems.write(response, ApiProblems.at(ApiProblems.of(HttpStatus.UNAUTHORIZED), request.getRequestURI()));
  }
}
