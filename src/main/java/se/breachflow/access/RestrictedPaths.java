package se.breachflow.access;

import java.io.IOException;
import java.util.Collection;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import se.breachflow.web.ApiProblems;

/**
 * Paths that only some groups may use, after the login (README, Security): {@code /actuator/prometheus}, for
 * administrators and {@code monitoring} (the scraper's account: it needs no administrator's password), after
 * {@link ApiAuthenticationFilter}. (The engine's metrics in the webapps' engine API are the administrators', as
 * everything there that Tasklist and Cockpit do not need: {@link WebappEngineApiAllowList}.)
 */
public class RestrictedPaths extends OncePerRequestFilter {

  private final IdentityService identity;
  private final Set<String> groups;

  private RestrictedPaths(IdentityService identity, Set<String> groups) {
    this.identity = identity;
    this.groups = groups;
  }

  /** The Prometheus metrics, for camunda-admin and monitoring; the user is the one ApiAuthenticationFilter set. */
  public static RestrictedPaths prometheus(IdentityService identity) {
    return new RestrictedPaths(identity, Set.of(Groups.ADMIN, Groups.MONITORING));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (permitted()) {
      chain.doFilter(request, response);
      return;
    }
    ApiProblems.write(response, ApiProblems.at(ApiProblems.of(HttpStatus.FORBIDDEN), request.getRequestURI()));
  }

  /** The user ApiAuthenticationFilter authenticated. */
  private boolean permitted() {
    Authentication authentication = identity.getCurrentAuthentication();
    Collection<String> memberOf = authentication == null || authentication.getGroupIds() == null ? Set.of()
        : authentication.getGroupIds();
    return memberOf.stream().anyMatch(groups::contains);
  }
}
