package se.breachflow.access.oidc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;

/**
 * Camunda's container-based authentication, with Spring Security as the container: the webapps' authentication
 * filter ({@link OidcWebappAuthenticationFilter}) and engine REST's ({@code ProcessEngineAuthenticationFilter})
 * take the user and roles Spring Security established from the provider's login or bearer token. Camunda creates
 * it by its class name, so it reads the request's login from Spring's thread-bound context.
 */
public class OidcContainerAuthentication extends ContainerBasedAuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    Authentication authentication = OidcRoles.current();
    if (authentication == null || authentication.getName() == null || authentication.getName().isBlank()) {
      return AuthenticationResult.unsuccessful();
    }
    AuthenticationResult result = AuthenticationResult.successful(authentication.getName());
    // The token's roles, not a second look-up: they are what the provider said for this very login.
    result.setGroups(OidcRoles.of(authentication));
    return result;
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
  }
}
