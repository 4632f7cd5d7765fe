package se.breachflow.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import se.breachflow.web.SecurityHeadersFilter;

/**
 * Paths that only some groups may use, after the login (README, Security):
 * <ul>
 *   <li>{@code /actuator/prometheus}: administrators and {@code monitoring} (the scraper's account: it needs
 *       no administrator's password), after {@link ApiAuthenticationFilter};</li>
 *   <li>the engine's metrics in the webapps' engine API ({@code /camunda/api/engine/engine/<name>/metrics}):
 *       administrators only, as on engine REST; only Camunda Admin shows them.</li>
 * </ul>
 */
public class RestrictedPaths extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final IdentityService identity;
  private final Set<String> groups;
  private final Predicate<String> guarded;
  private final String engineName;
  private final boolean problemJson;

  private RestrictedPaths(IdentityService identity, Set<String> groups, Predicate<String> guarded,
      String engineName, boolean problemJson) {
    this.identity = identity;
    this.groups = groups;
    this.guarded = guarded;
    this.engineName = engineName;
    this.problemJson = problemJson;
  }

  /** The Prometheus metrics, for camunda-admin and monitoring; the user is the one ApiAuthenticationFilter set. */
  public static RestrictedPaths prometheus(IdentityService identity) {
    return new RestrictedPaths(identity, Set.of(Groups.ADMIN, Groups.MONITORING), path -> true, null, true);
  }

  /** The engine's metrics in the webapps' API, for camunda-admin; the user is the webapps' session's. */
  public static RestrictedPaths webappEngineMetrics(IdentityService identity, String webappPath,
      String engineName) {
    String prefix = (webappPath.endsWith("/") ? webappPath : webappPath + "/") + "api/engine/engine/";
    return new RestrictedPaths(identity, Set.of(Groups.ADMIN),
        path -> path.startsWith(prefix) && path.substring(prefix.length()).matches("[^/]+/metrics(/.*)?"),
        engineName, false);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!guarded.test(SecurityHeadersFilter.pathOf(request)) || permitted(request)) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpStatus.FORBIDDEN.value());
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (problemJson) {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.getWriter().write(JSON.writeValueAsString(Map.of("type", "about:blank", "title", "Åtkomst nekad",
          "status", 403, "detail", "Du har inte behörighet till detta.", "instance", request.getRequestURI())));
    } else {
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.getWriter().write(JSON.writeValueAsString(Map.of("type", "AuthorizationException",
          "message", "Motorns mätvärden är förbehållna administratörer.")));
    }
  }

  /** Prometheus: the user ApiAuthenticationFilter authenticated; the webapps' API: the session's user. */
  private boolean permitted(HttpServletRequest request) {
    Collection<String> memberOf = engineName == null ? authenticatedGroups() : sessionGroups(request);
    return memberOf.stream().anyMatch(groups::contains);
  }

  private Collection<String> authenticatedGroups() {
    Authentication authentication = identity.getCurrentAuthentication();
    return authentication == null || authentication.getGroupIds() == null ? Set.of() : authentication.getGroupIds();
  }

  /** Read afresh: the session's copy of the groups may be minutes old. */
  private Collection<String> sessionGroups(HttpServletRequest request) {
    Optional<String> user = WebappSessionUser.of(request, engineName);
    return user.map(id -> identity.createGroupQuery().groupMember(id).list().stream().map(Group::getId).toList())
        .orElse(List.of());
  }
}
