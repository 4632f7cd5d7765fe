package se.breachflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A {@link BreachflowTest} that also runs with single sign-on (issue 23: the access matrix and the attack tests
 * pass under {@code oidc} too): the surefire execution {@code single-sign-on} runs the tests with this tag a second
 * time, in a JVM of their own with {@code -Dbreachflow.test.login=oidc} ({@link TestLogin}). The same test code:
 * its people are the provider's accounts ({@link SingleSignOn}), its requests carry their access tokens, its
 * webapp sessions log in at the provider. A test about passwords is {@link DisabledWithSingleSignOn}, with the
 * reason.
 *
 * <p>Not marked, because they are about passwords only: security/LoginLockoutAttackTest (the webapps' and the
 * API's password throttle) and security/ForwardedHeaderAttackTest (whose client the password throttle counts);
 * with single sign-on no password is checked (access/oidc/OidcTokenAttackTest#shouldCheckNoPasswordAnywhere).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(AlsoWithSingleSignOn.TAG)
public @interface AlsoWithSingleSignOn {

  /** The JUnit tag the surefire execution selects (pom.xml). */
  String TAG = "single-sign-on";
}
