package se.breachflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port with the demo setup (controllers ks and sn, demo users) and an
 * in-memory H2 database; the job executor is off, tests run jobs themselves.
 *
 * <p>Every test with exactly this configuration shares one context, whose engine is named {@code default}
 * (engine REST's authentication looks the engine up by that name in a static registry). A test that adds
 * properties gets a context of its own and must set {@code camunda.bpm.generate-unique-process-engine-name=true},
 * or its engine replaces the shared one in that registry.
 *
 * <p>With {@code -Dbreachflow.test.login=oidc} ({@link TestLogin}, {@link AlsoWithSingleSignOn}) the same
 * application runs with single sign-on against the provider in the test JVM ({@link SingleSignOn}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(WebappRuntime.class)
@ActiveProfiles(resolver = TestLogin.Profiles.class)
@ContextConfiguration(initializers = SingleSignOn.Initializer.class)
public @interface BreachflowTest {}
