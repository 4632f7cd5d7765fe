package se.breachflow.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * How a test acts as a person over HTTP, in the login the test JVM runs with. By default the demo's passwords
 * (HTTP Basic, password = user id). With {@code -Dbreachflow.test.login=oidc} (the surefire execution
 * {@code single-sign-on}, which runs the tests marked {@link AlsoWithSingleSignOn}) the application runs with
 * single sign-on (profiles {@code oidc} and {@code test-oidc}) against the provider in this JVM
 * ({@link SingleSignOn}), and the person's requests carry that provider's access token, whose group claim gives
 * the person's roles.
 */
public final class TestLogin {

  /** The system property that chooses the login; {@value #SINGLE_SIGN_ON} for single sign-on. */
  public static final String PROPERTY = "breachflow.test.login";
  public static final String SINGLE_SIGN_ON = "oidc";

  private TestLogin() {}

  public static boolean singleSignOn() {
    return SINGLE_SIGN_ON.equals(System.getProperty(PROPERTY));
  }

  /** The Authorization header of a request by the person: their password, or their access token. */
  public static String authorization(String user) {
    return singleSignOn() ? "Bearer " + SingleSignOn.get().accessToken(user) : basic(user, user);
  }

  public static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** What StrictHttpFirewall refuses in a request's address (as sent, still encoded). */
  private static final List<String> TWO_WAY_PATHS = List.of("//", ";", "\\", "%2e", "%2f", "%5c", "%25", "%3b");

  /**
   * Whether the address (the path as sent, still encoded) is refused by Spring Security's firewall before anything
   * else reads it: with single sign-on Spring Security is in front (access/oidc/OidcProblems#firewall, 400), and it
   * refuses every path that could be read two ways. Without it the application's own checks answer such a path.
   */
  public static boolean firewallRefuses(String rawPath) {
    String path = rawPath.toLowerCase(Locale.ROOT);
    return singleSignOn() && TWO_WAY_PATHS.stream().anyMatch(path::contains);
  }

  /** The profiles of {@link BreachflowTest}: the demo's, with single sign-on when the JVM runs with it. */
  public static final class Profiles implements ActiveProfilesResolver {

    @Override
    public String[] resolve(Class<?> testClass) {
      return singleSignOn() ? new String[] {"demo", "test", "oidc", "test-oidc"} : new String[] {"demo", "test"};
    }
  }
}
