package se.breachflow.access.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** Which JWTs count as access tokens (OidcTokenAttackTest tries them on the running application). */
class AccessTokensOnlyTest {

  private final AccessTokensOnly rule = new AccessTokensOnly(List.of("scp", "roles", "scope", " "));

  @Test
  void shouldTakeEntraIdsUserAndApplicationTokensAndRfc9068s() {
    assertThat(accepted(Map.of("scp", "access"))).as("user token").isTrue();
    assertThat(accepted(Map.of("roles", List.of("Incidents.Read"), "idtyp", "app"))).as("application token").isTrue();
    assertThat(accepted(Map.of("scope", "openid breachflow"))).as("RFC 9068").isTrue();
    assertThat(accepted(Map.of(), "at+jwt")).as("declared by its header").isTrue();
  }

  @Test
  void shouldRefuseIdTokensAndTokensWithoutScopesOrPermissions() {
    assertThat(accepted(Map.of("nonce", "n-1"))).as("ID token").isFalse();
    assertThat(accepted(Map.of("nonce", "n-1", "roles", List.of("dpo")))).as("ID token with app roles").isFalse();
    assertThat(accepted(Map.of("at_hash", "x", "scp", "access"))).as("ID token of the hybrid flow").isFalse();
    assertThat(accepted(Map.of("c_hash", "x"))).isFalse();
    assertThat(accepted(Map.of("nonce", "n-1"), "at+jwt")).as("a nonce is an ID token's, whatever the header").isFalse();
    assertThat(accepted(Map.of("groups", List.of("g")))).as("no scope, no permission").isFalse();
    assertThat(rule.validate(jwt(Map.of("nonce", "n"), "JWT")).getErrors()).singleElement()
        .satisfies(error -> assertThat(error.getDescription()).contains(AccessTokensOnly.NOT_AN_ACCESS_TOKEN));
  }

  private boolean accepted(Map<String, Object> claims) {
    return accepted(claims, "JWT");
  }

  private boolean accepted(Map<String, Object> claims, String type) {
    return !rule.validate(jwt(claims, type)).hasErrors();
  }

  private static Jwt jwt(Map<String, Object> claims, String type) {
    Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").header("typ", type).subject("s")
        .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
    claims.forEach(builder::claim);
    return builder.build();
  }
}
