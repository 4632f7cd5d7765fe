package se.breachflow.access.oidc;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * After {@code POST /logout}: to the provider's end-session endpoint. With the login still there, as Spring's
 * RP-initiated logout does (with the ID token as hint); without it (the webapps' logout button already ended
 * breachflow's session), with the client id instead, as OpenID Connect RP-Initiated Logout allows. A provider
 * without an end-session endpoint: back to the post-logout address.
 */
final class ProviderLogout implements LogoutSuccessHandler {

  private final LogoutSuccessHandler withLogin;
  private final ClientRegistration registration;
  private final String postLogoutRedirectUri;

  ProviderLogout(LogoutSuccessHandler withLogin, ClientRegistration registration, String postLogoutRedirectUri) {
    this.withLogin = withLogin;
    this.registration = registration;
    this.postLogoutRedirectUri = postLogoutRedirectUri;
  }

  @Override
  public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException, ServletException {
    if (authentication instanceof OAuth2AuthenticationToken && authentication.getPrincipal() instanceof OidcUser) {
      withLogin.onLogoutSuccess(request, response, authentication);
      return;
    }
    String back = UriComponentsBuilder.fromUriString(postLogoutRedirectUri)
        .buildAndExpand(Map.of("baseUrl", baseUrl(request))).toUriString();
    Object endSession = registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
    if (endSession == null) {
      response.sendRedirect(back);
      return;
    }
    response.sendRedirect(UriComponentsBuilder.fromUriString(endSession.toString())
        .queryParam("client_id", registration.getClientId())
        .queryParam("post_logout_redirect_uri", back).encode().build().toUriString());
  }

  /** This application's address as the browser reached it (behind the proxy: the forwarded one, prod's valve). */
  private static String baseUrl(HttpServletRequest request) {
    return UriComponentsBuilder.fromUriString(request.getRequestURL().toString()).replacePath(request.getContextPath())
        .replaceQuery(null).fragment(null).build().toUriString();
  }
}
