package se.breachflow.access.oidc;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The breachflow roles of a Spring Security login, kept as its authorities with a prefix of their own, so that
 * nothing Spring adds by itself (scopes, {@code OIDC_USER}) can pass for a role.
 */
final class OidcRoles {

  private static final String PREFIX = "breachflow-role:";

  private OidcRoles() {}

  static List<GrantedAuthority> authorities(Set<String> roles) {
    return roles.stream().sorted().<GrantedAuthority>map(role -> new SimpleGrantedAuthority(PREFIX + role)).toList();
  }

  static List<String> of(Authentication authentication) {
    Collection<? extends GrantedAuthority> authorities = authentication.getAuthorities();
    return authorities.stream().map(GrantedAuthority::getAuthority).filter(a -> a.startsWith(PREFIX))
        .map(a -> a.substring(PREFIX.length())).toList();
  }

  /** The login of the request being served (by provider or bearer token), or null. */
  static Authentication current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      return null;
    }
    return authentication;
  }
}
