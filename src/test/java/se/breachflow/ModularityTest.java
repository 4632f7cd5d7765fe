package se.breachflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The house's shape (README, Architecture; docs/adr/0011): capabilities under {@code se.breachflow} depend on
 * each other without cycles; the process engine is used only by the workflow glue and by access (identity,
 * authorizations); no capability depends on the glue. Fails on the first class that breaks it.
 */
class ModularityTest {

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("se.breachflow");

  @Test
  void capabilitiesHaveNoCycles() {
    slices().matching("se.breachflow.(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void theEngineIsUsedOnlyByTheGlueAndAccess() {
    noClasses()
      .that().resideOutsideOfPackages("se.breachflow.workflow..", "se.breachflow.access..")
      // The DMN engine's FEEL interface, which the risk rules' stand-alone DMN engine plugs in, takes Camunda's
      // typed values (org.camunda.bpm.engine.variable, a library of its own, not the process engine).
      .and(DescribedPredicate.describe("are not the risk rules' FEEL engine",
          (JavaClass c) -> !c.getName().startsWith("se.breachflow.assessment.ParsedOnceFeelEngine")))
      .should().dependOnClassesThat().resideInAnyPackage("org.camunda.bpm.engine..", "org.camunda.spin..",
          "org.camunda.bpm.spring..", "org.camunda.bpm.webapp..")
        .because("the domain is tested and changed without the engine; workflow is where the engine meets it")
        .check(MAIN);
  }

  /** Spring Security is on the class path for single sign-on only; every other login is the project's own filters. */
  @Test
  void springSecurityIsUsedOnlyBySingleSignOn() {
    noClasses()
      .that().resideOutsideOfPackage("se.breachflow.access.oidc..")
      .should().dependOnClassesThat().resideInAPackage("org.springframework.security..")
        .because("Spring Security is switched on in the oidc profile only (access/oidc/OidcSecurity, docs/adr/0021)")
        .check(MAIN);
  }

  @Test
  void nothingDependsOnTheGlue() {
    noClasses()
      .that().resideOutsideOfPackage("se.breachflow.workflow..")
      .should().dependOnClassesThat().resideInAPackage("se.breachflow.workflow..")
        .because("the glue adapts the engine to the domain; the domain asks for what it needs through interfaces")
        .check(MAIN);
  }

  @Test
  void theSharedKernelDependsOnNoCapability() {
    noClasses()
      .that().resideInAPackage("se.breachflow.shared..")
      .should().dependOnClassesThat().resideOutsideOfPackages("se.breachflow.shared..", "java..",
          "com.fasterxml.jackson..")
        .check(MAIN);
  }

  /** The rules above find something to check: the capabilities are where the test looks. */
  @Test
  void theRulesSeeTheCapabilities() {
    org.assertj.core.api.Assertions.assertThat(MAIN.containPackage("se.breachflow.workflow")).isTrue();
    org.assertj.core.api.Assertions.assertThat(MAIN.containPackage("se.breachflow.incident")).isTrue();
  }
}
