package se.breachflow.access;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

/**
 * The user logged in to Tasklist, Cockpit or Admin in this browser session, if any. The webapps keep their
 * login in the HTTP session; reading it here lets a link in a Tasklist form (a PDF) open without a second
 * login. The only place that knows how the webapps store it.
 */
final class WebappSessionUser {

  private WebappSessionUser() {}

  static Optional<String> of(HttpServletRequest request, String engineName) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return Optional.empty();
    }
    Authentication authentication = authentications.getAuthenticationForProcessEngine(engineName);
    return Optional.ofNullable(authentication).map(Authentication::getName).filter(name -> !name.isBlank());
  }
}
