package se.breachflow.access.oidc;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The project's API ({@code /api/**}, {@code /actuator/prometheus}) with single sign-on: the engine acts for the
 * user Spring Security established (bearer token, or for reading the browser's login), with the roles the
 * provider's token gave, as {@code ApiAuthenticationFilter} does with HTTP Basic. Spring Security has refused
 * everyone else before this filter.
 */
public class OidcApiAuthentication extends OncePerRequestFilter {

  private final IdentityService identity;

  public OidcApiAuthentication(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = OidcRoles.current();
    if (authentication == null) {
      OidcProblems.unauthorized(request, response, null);
      return;
    }
    try {
      identity.setAuthentication(authentication.getName(), OidcRoles.of(authentication));
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }
}
