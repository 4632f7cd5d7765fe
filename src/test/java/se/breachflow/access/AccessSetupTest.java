package se.breachflow.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import se.breachflow.organisation.ControllerRegistry;
import se.breachflow.workflow.BpmnIds;
import se.breachflow.support.BreachflowTest;
import se.breachflow.support.EngineClock;
import se.breachflow.support.IncidentDriver;

/** The start-up setup is idempotent, repairs what earlier versions granted, and needs an administrator. */
@BreachflowTest
class AccessSetupTest {

  @Autowired AccessSetup setup;
  @Autowired IncidentDriver driver;
  @Autowired AuthorizationService authorizations;
  @Autowired IdentityService identity;

  @AfterEach
  void reset() {
    EngineClock.reset();
    identity.clearAuthentication();
  }

  @Test
  void shouldChangeNothingWhenRunAgain() {
    long before = authorizations.createAuthorizationQuery().count();
    setup.setUp();
    setup.grantRegisteredInstances();
    assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(before);
  }

  @Test
  void shouldTakeAwayTheDefinitionWideInstanceGrantOfManagement() {
    Authorization grant = managementGrant();
    grant.addPermission(Permissions.READ_INSTANCE);
    grant.addPermission(Permissions.READ_HISTORY);
    authorizations.saveAuthorization(grant);

    setup.setUp();

    Authorization repaired = managementGrant();
    assertThat(repaired.isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(repaired.isPermissionGranted(Permissions.READ_INSTANCE)).isFalse();
    assertThat(repaired.isPermissionGranted(Permissions.READ_HISTORY)).isFalse();
  }

  @Test
  void shouldGrantTheControllersGroupsEachRegisteredInstanceAtStart() {
    EngineClock.set("2026-11-20T12:00:00+01:00");
    ProcessInstance instance = report();
    List<Authorization> granted = instanceGrants(instance);
    assertThat(granted).extracting(Authorization::getGroupId).containsOnly(Groups.coordinators("ks"),
        Groups.dpo("ks"), Groups.decisionMakers("ks"), Groups.security("ks"), Groups.management("ks")).hasSize(10);

    granted.forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
    setup.grantRegisteredInstances();

    assertThat(instanceGrants(instance)).hasSize(10);
  }

  /** Coordinators and DPOs of each controller may start a supplier incident; nobody else gets a grant for it. */
  @Test
  void shouldLetCoordinatorsAndDposStartASupplierIncident() {
    List<Authorization> grants = authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT).resourceType(Resources.PROCESS_DEFINITION)
        .resourceId(BpmnIds.SUPPLIER_PROCESS).list();
    assertThat(grants).extracting(Authorization::getGroupId).containsExactlyInAnyOrder(Groups.coordinators("ks"),
        Groups.dpo("ks"), Groups.coordinators("sn"), Groups.dpo("sn"), Groups.coordinators("bun"), Groups.dpo("bun"));
    assertThat(grants).allMatch(grant -> grant.isPermissionGranted(Permissions.READ)
        && grant.isPermissionGranted(Permissions.CREATE_INSTANCE));

    setup.setUp();

    assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_DEFINITION)
        .resourceId(BpmnIds.SUPPLIER_PROCESS).count()).as("idempotent").isEqualTo(grants.size());
  }

  @Test
  void shouldRefuseToStartWhenCamundaAdminHasNoMember() {
    IdentityService noAdministrator = mock(IdentityService.class, RETURNS_DEEP_STUBS);
    when(noAdministrator.createUserQuery().memberOfGroup(Groups.ADMIN).count()).thenReturn(0L);
    @SuppressWarnings("unchecked")
    AccessSetup withoutAdministrator = new AccessSetup(noAdministrator, mock(AuthorizationService.class),
        new ControllerRegistry(List.of()), mock(ObjectProvider.class), mock(ProcessInstanceAccess.class),
        mock(JdbcTemplate.class), List.of());

    assertThatThrownBy(withoutAdministrator::requireAnAdministrator).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(Groups.ADMIN);
    assertThat(identity.createUserQuery().memberOfGroup(Groups.ADMIN).count()).as("the demo has one").isPositive();
  }

  private Authorization managementGrant() {
    return authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(Groups.management("ks")).resourceType(Resources.PROCESS_DEFINITION)
        .resourceId(BpmnIds.PROCESS).singleResult();
  }

  private List<Authorization> instanceGrants(ProcessInstance instance) {
    List<Authorization> runtime = authorizations.createAuthorizationQuery()
        .resourceType(Resources.PROCESS_INSTANCE).resourceId(instance.getId()).list();
    List<Authorization> history = authorizations.createAuthorizationQuery()
        .resourceType(Resources.HISTORIC_PROCESS_INSTANCE).resourceId(instance.getId()).list();
    return Stream.concat(runtime.stream(), history.stream()).toList();
  }

  private ProcessInstance report() {
    return driver.report();
  }
}
