package se.breachflow.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

import se.breachflow.access.Groups;
import se.breachflow.organisation.ControllerRegistry;
import se.breachflow.organisation.DataController;

/**
 * The municipality's OpenID Connect provider for the tests that run a second time with single sign-on
 * ({@link AlsoWithSingleSignOn}, {@link TestLogin}): a real one (no.nav's mock-oauth2-server: discovery, keys,
 * authorization code with PKCE, tokens), one per test JVM, and the people it knows with their groups.
 *
 * <p>The provider's groups are not breachflow's roles: a person with the role {@code dpo-ks} is in the provider's
 * group {@code grp-dpo-ks} ({@link #groupOf}), and the application is told by configuration which group gives which
 * role ({@link Initializer}), as an administrator configures Entra ID's group object ids. Nobody is staff without
 * the group for it (application-test-oidc.yml): the tests' people hold exactly the roles a test gives them, none
 * included.
 *
 * <p>The engine learns of a person at their first login or bearer request, as in production (access/oidc's
 * OidcDirectory): {@link #person} therefore signs the person in once, over HTTP with a token, so that the engine's
 * groups are the token's before a test acts as the person inside the JVM.
 */
public final class SingleSignOn {

  static final String ISSUER_ID = "kommunen";
  static final String CLIENT_ID = "breachflow-tests";
  /** The audience of the API's access tokens (breachflow.oidc.audiences in application-test-oidc.yml). */
  static final String API_AUDIENCE = "api://breachflow-tests";

  private static SingleSignOn running;

  private final MockOAuth2Server server = new MockOAuth2Server();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, Person> people = new ConcurrentHashMap<>();
  private volatile URI application;

  /** Someone with an account at the provider: the token's user id, name and address, and breachflow roles. */
  record Person(String id, String name, Set<String> roles) {}

  private SingleSignOn() {
    server.start();
  }

  /** The test JVM's provider, started at the first call and stopped when the JVM ends. */
  public static synchronized SingleSignOn get() {
    if (running == null) {
      SingleSignOn started = new SingleSignOn();
      Runtime.getRuntime().addShutdownHook(new Thread(started.server::shutdown));
      running = started;
    }
    return running;
  }

  /** The provider's group that gives {@code role} (the configured mapping; never the role's own name). */
  public static String groupOf(String role) {
    return "grp-" + role;
  }

  String issuer() {
    return server.issuerUrl(ISSUER_ID).toString();
  }

  /**
   * The person has (at least) these roles from now on, as {@code AccessUsers} gives them with passwords (roles are
   * added, never taken away), and is signed in once so that the engine knows them.
   */
  public void person(String id, Collection<String> roles) {
    people.merge(id, new Person(id, "Test " + id, new TreeSet<>(roles)), (known, more) -> {
      Set<String> all = new TreeSet<>(known.roles());
      all.addAll(more.roles());
      return new Person(id, known.name(), all);
    });
    signIn(id);
  }

  /** An access token for breachflow's API, as an integration or the browser's script gets one for the person. */
  public String accessToken(String user) {
    Person person = known(user);
    Map<String, Object> claims = claims(person);
    // Entra ID's access tokens for a user carry the API's delegated permissions (scopes) in scp.
    claims.put("scp", "breachflow.access");
    return server.issueToken(ISSUER_ID, CLIENT_ID, new DefaultOAuth2TokenCallback(ISSUER_ID, user, "JWT",
        List.of(API_AUDIENCE), claims, 3600)).serialize();
  }

  /** The provider's next login (at its authorize and token endpoints) is this person. */
  void nextLogin(String user) {
    server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, user, "JWT", List.of(CLIENT_ID),
        claims(known(user)), 3600));
  }

  /** Whether the address is the provider's (where the browser's login goes on its way). */
  boolean isProvider(URI uri) {
    return uri.toString().startsWith(issuer());
  }

  private Person known(String user) {
    Person person = people.get(user);
    if (person == null) {
      throw new IllegalArgumentException("The provider has no account " + user + ": create it with AccessUsers "
          + "(single sign-on knows only the demo's people and those)");
    }
    return person;
  }

  private static Map<String, Object> claims(Person person) {
    Map<String, Object> claims = new HashMap<>();
    claims.put("name", person.name());
    claims.put("email", person.id() + "@exempelkommun.example");
    claims.put("groups", person.roles().stream().map(SingleSignOn::groupOf).toList());
    return claims;
  }

  /** One bearer request, with which the application records the person, their name and their roles. */
  private void signIn(String user) {
    URI base = application;
    if (base == null) {
      throw new IllegalStateException("No application with single sign-on is running in this JVM");
    }
    try {
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve("/api/incidents?size=1"))
          .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + accessToken(user))
          .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() == 401) {
        throw new IllegalStateException("The application refused " + user + "'s token: " + answer.body());
      }
    } catch (IOException e) {
      throw new IllegalStateException("Could not sign " + user + " in", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted signing " + user + " in", e);
    }
  }

  /**
   * With the profile {@code test-oidc}: the provider's address, and which of its groups give which role, for every
   * role of every configured controller (the application refuses a mapping to a role no controller has).
   */
  public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      ConfigurableEnvironment environment = context.getEnvironment();
      if (!environment.acceptsProfiles(org.springframework.core.env.Profiles.of("test-oidc"))) {
        return;
      }
      List<String> roles = new ArrayList<>(List.of(Groups.STAFF, Groups.ADMIN, Groups.MONITORING));
      for (int i = 0; environment.getProperty("breachflow.controllers[" + i + "].id") != null; i++) {
        roles.addAll(Groups.caseReaders(environment.getProperty("breachflow.controllers[" + i + "].id")));
      }
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("breachflow.oidc.issuer-uri", get().issuer());
      for (int i = 0; i < roles.size(); i++) {
        properties.put("breachflow.oidc.roles[" + i + "].role", roles.get(i));
        properties.put("breachflow.oidc.roles[" + i + "].groups", groupOf(roles.get(i)));
      }
      environment.getPropertySources().addFirst(new MapPropertySource("single-sign-on-tests", properties));
    }
  }

  /**
   * The demo's people (access/DemoUsers, with the same roles and names) as accounts at the provider, signed in
   * once the application takes requests; and the application's address, for {@link #person}.
   */
  @Component
  @Profile("test-oidc")
  static class DemoPeople {

    private final ControllerRegistry controllers;

    DemoPeople(ControllerRegistry controllers) {
      this.controllers = controllers;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
      SingleSignOn provider = get();
      if (provider.application != null) {
        throw new IllegalStateException("A second application with single sign-on in one test JVM: the provider's "
            + "people belong to one (give the test the shared configuration of @BreachflowTest)");
      }
      provider.application = URI.create("http://localhost:"
          + event.getApplicationContext().getEnvironment().getProperty("local.server.port"));
      List<String> all = controllers.all().stream().map(DataController::id).toList();
      demo(provider, "reporter", "Rut Rapportör", List.of());
      demo(provider, "coordinator", "Sam Samordnare", all.stream().map(Groups::coordinators).toList());
      demo(provider, "dpo", "Dana Dataskyddsombud", all.stream().map(Groups::dpo).toList());
      demo(provider, "decider", "Bo Beslutsfattare", all.stream().map(Groups::decisionMakers).toList());
      demo(provider, "manager", "Lea Ledning", all.stream().map(Groups::management).toList());
      demo(provider, "security", "Ivar Informationssäkerhet", all.stream().map(Groups::security).toList());
      demo(provider, "admin", "Demo Administratör", List.of(Groups.ADMIN));
    }

    @EventListener
    void closed(ContextClosedEvent event) {
      get().application = null;
    }

    private static void demo(SingleSignOn provider, String id, String name, List<String> roles) {
      Set<String> withStaff = new TreeSet<>(roles);
      withStaff.add(Groups.STAFF);
      provider.people.put(id, new Person(id, name, withStaff));
      provider.signIn(id);
    }
  }
}
