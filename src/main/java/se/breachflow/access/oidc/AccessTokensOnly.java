package se.breachflow.access.oidc;

import java.util.List;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A bearer token must be an access token, not an ID token (docs/adr/0021). Both are JWTs signed by the same keys,
 * and an ID token issued to breachflow names breachflow's client id as its audience, which Entra ID also puts in
 * the API's v2.0 access tokens. An ID token only says who logged in, to the client that asked (Microsoft: "You
 * shouldn't use an ID token to call an API"); it is handed to the browser's side of a login, and is not meant to
 * authorize anything.
 *
 * <p>So a token is refused when it carries a claim only ID tokens carry ({@code nonce}, which breachflow's login
 * always asks for and the provider echoes; {@code at_hash}, {@code c_hash}), and when it carries none of the
 * access token's claims ({@code breachflow.oidc.access-token-claims}): with Entra ID {@code scp} (the API's
 * delegated scopes, in user tokens) or {@code roles} (app permissions, in application tokens); {@code scope} with
 * Keycloak, Auth0 and RFC 9068. Entra ID's ID tokens can carry {@code roles} too (the user's app roles), and its
 * header {@code typ} is {@code JWT} in both: the nonce is what tells them apart. A header {@code typ} of
 * {@code at+jwt} (RFC 9068) is an access token by declaration.
 */
final class AccessTokensOnly implements OAuth2TokenValidator<Jwt> {

  /** In the error's description, so that the answer can say what to send instead (OidcProblems). */
  static final String NOT_AN_ACCESS_TOKEN = "not an access token";

  private static final List<String> ID_TOKEN_CLAIMS = List.of("nonce", "at_hash", "c_hash");

  private final List<String> accessTokenClaims;

  AccessTokensOnly(List<String> accessTokenClaims) {
    this.accessTokenClaims = accessTokenClaims.stream().filter(claim -> claim != null && !claim.isBlank())
        .map(String::strip).toList();
  }

  @Override
  public OAuth2TokenValidatorResult validate(Jwt token) {
    boolean idToken = ID_TOKEN_CLAIMS.stream().anyMatch(token::hasClaim);
    boolean declared = "at+jwt".equalsIgnoreCase(String.valueOf(token.getHeaders().get("typ")));
    boolean access = declared || accessTokenClaims.stream().anyMatch(token::hasClaim);
    if (!idToken && access) {
      return OAuth2TokenValidatorResult.success();
    }
    return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
        "The token is " + NOT_AN_ACCESS_TOKEN + (idToken ? " (an ID token)" : " (none of " + accessTokenClaims + ")"),
        null));
  }
}
