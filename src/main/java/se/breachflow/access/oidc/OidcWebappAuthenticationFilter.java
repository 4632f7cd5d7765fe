package se.breachflow.access.oidc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;

/**
 * Camunda's container-based login for the webapps, also on the webapps' "who is logged in" request
 * ({@code /api/admin/auth/user/<engine>}), which the start page asks: someone who signed in on the start page
 * is then known there before opening Tasklist.
 */
public class OidcWebappAuthenticationFilter extends ContainerBasedAuthenticationFilter {

  private static final Pattern WHO_IS_LOGGED_IN = Pattern.compile("/api/admin/auth/user/([^/]+)");

  @Override
  protected String extractEngineName(HttpServletRequest request) {
    String engine = super.extractEngineName(request);
    if (engine != null) {
      return engine;
    }
    Matcher matcher = WHO_IS_LOGGED_IN.matcher(getRequestUri(request));
    return matcher.matches() && "GET".equals(request.getMethod()) ? matcher.group(1) : null;
  }
}
