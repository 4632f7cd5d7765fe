package se.breachflow.access.oidc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Someone the provider vouched for, as breachflow sees them: the stable user id (the process's reporter and
 * decider), the name and address shown for it, and the mapped roles.
 */
public record SignedInUser(String id, String name, String email, Set<String> roles) {

  /** The engine's resource-id pattern (application.yml, general-resource-whitelist-pattern), for user ids too. */
  private static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9_.-]{1,64}");

  /**
   * From a token's claims (ID token and user info, or an access token); empty when the user id claim is missing
   * or not a usable id (the engine keeps ids of 64 characters at most, from letters, digits, '.', '_', '-').
   */
  static Optional<SignedInUser> from(Map<String, Object> claims, OidcSettings settings, RoleMapping mapping) {
    Object id = claims.get(settings.getUserIdClaim());
    if (!(id instanceof String text) || !USER_ID.matcher(text).matches()) {
      return Optional.empty();
    }
    List<String> groups = new ArrayList<>();
    for (String claim : settings.getGroupClaims()) {
      if (claims.get(claim) instanceof Collection<?> values) {
        values.stream().filter(String.class::isInstance).map(String.class::cast).forEach(groups::add);
      }
    }
    return Optional.of(new SignedInUser(text, string(claims.get(settings.getNameClaim())),
        string(claims.get(settings.getEmailClaim())), Set.copyOf(mapping.roles(groups))));
  }

  private static String string(Object value) {
    return value instanceof String text && !text.isBlank() ? text.strip() : null;
  }
}
