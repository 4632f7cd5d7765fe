package se.breachflow.access.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import se.breachflow.access.ProdAdminPasswordCheck;
import se.breachflow.organisation.DataController;

/** The token's groups to breachflow's roles, and the token's claims to a user (no server needed). */
class RoleMappingTest {

  private static final List<DataController> CONTROLLERS = List.of(
      new DataController("ks", "Kommunstyrelsen", "212000-0001", "Box 1", null),
      new DataController("sn", "Socialnämnden", "212000-0001", "Box 2", null));

  @Test
  void shouldGiveTheMappedRolesAndStaffToEveryone() {
    RoleMapping mapping = RoleMapping.of(List.of(entry("dpo-ks", "guid-1", "guid-2"), entry("coordinator-sn", "guid-2"),
        entry("camunda-admin", "guid-9")), true, CONTROLLERS);
    assertThat(mapping.roles(List.of())).containsExactly("staff");
    assertThat(mapping.roles(List.of("guid-2", "guid-unknown"))).containsExactly("coordinator-sn", "dpo-ks", "staff");
    assertThat(mapping.roles(List.of("camunda-admin", "dpo-ks"))).as("a role's name is no group id").containsExactly("staff");
  }

  @Test
  void shouldGiveStaffOnlyByMappingWhenToldSo() {
    RoleMapping mapping = RoleMapping.of(List.of(entry("staff", "guid-all")), false, CONTROLLERS);
    assertThat(mapping.roles(List.of("guid-other"))).isEmpty();
    assertThat(mapping.roles(List.of("guid-all"))).containsExactly("staff");
  }

  @Test
  void shouldRefuseToStartWithARoleNoControllerHas() {
    assertThatIllegalStateException().isThrownBy(() -> RoleMapping.of(List.of(entry("dpo-bun", "g")), true, CONTROLLERS))
        .withMessageContaining("dpo-bun");
    assertThatIllegalStateException().isThrownBy(() -> RoleMapping.of(List.of(entry("admin", "g")), true, CONTROLLERS));
  }

  @Test
  void shouldReadTheUserFromTheConfiguredClaims() {
    OidcSettings settings = new OidcSettings();
    settings.setUserIdClaim("oid");
    RoleMapping mapping = RoleMapping.of(List.of(entry("dpo-ks", "g-dpo"), entry("security-ks", "app-role-sec")), true,
        CONTROLLERS);
    SignedInUser user = SignedInUser.from(Map.of("oid", "6f1c2a7e-0000-4b1d-9a3e-1234567890ab", "sub", "pairwise",
        "name", " Anna Andersson ", "email", "anna@kommun.example", "groups", List.of("g-dpo"),
        "roles", List.of("app-role-sec"), "wids", List.of("g-dpo")), settings, mapping).orElseThrow();
    assertThat(user.id()).isEqualTo("6f1c2a7e-0000-4b1d-9a3e-1234567890ab");
    assertThat(user.name()).isEqualTo("Anna Andersson");
    assertThat(user.email()).isEqualTo("anna@kommun.example");
    assertThat(user.roles()).containsExactlyInAnyOrder("staff", "dpo-ks", "security-ks");
  }

  @Test
  void shouldRefuseAUserIdTheEngineCannotKeep() {
    OidcSettings settings = new OidcSettings();
    RoleMapping mapping = RoleMapping.of(List.of(), true, CONTROLLERS);
    assertThat(SignedInUser.from(Map.of("sub", "auth0|1234"), settings, mapping)).isEmpty();
    assertThat(SignedInUser.from(Map.of("sub", "x".repeat(65)), settings, mapping)).isEmpty();
    assertThat(SignedInUser.from(Map.of("name", "Utan id"), settings, mapping)).isEmpty();
    assertThat(SignedInUser.from(Map.of("sub", 42), settings, mapping)).isEmpty();
  }

  @Test
  void shouldAcceptTheClientIdAsAudienceWhenNoneIsConfigured() {
    OidcSettings settings = new OidcSettings();
    settings.setClientId("client-1");
    assertThat(settings.acceptedAudiences()).containsExactly("client-1");
    settings.setAudiences(List.of(" api://client-1 ", ""));
    assertThat(settings.acceptedAudiences()).containsExactly("api://client-1");
  }

  @Test
  void shouldNotAskForAnAdministratorPasswordWithSingleSignOn() {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles("prod", "oidc");
    assertThatNoException().isThrownBy(() -> new ProdAdminPasswordCheck().postProcessEnvironment(environment, new SpringApplication()));
  }

  @Test
  void shouldSplitTheTokensNameSoThatCamundaShowsItUnchanged() {
    assertThat(OidcDirectory.firstAndLast("Anna Maria Andersson")).containsExactly("Anna Maria", "Andersson");
    assertThat(OidcDirectory.firstAndLast("Cher")).containsExactly("Cher", "");
  }

  private static RoleMapping.Entry entry(String role, String... groups) {
    RoleMapping.Entry entry = new RoleMapping.Entry();
    entry.setRole(role);
    entry.setGroups(List.of(groups));
    return entry;
  }
}
