package se.breachflow.support;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.impl.DefaultWelcomeRuntimeDelegate;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The webapps keep their runtime (how they find the engine) in static fields, set when a web application starts
 * and cleared when one stops. A test that starts and stops an application of its own in the same JVM
 * (HealthTest, ProdProfileTest, RestartTest, the PostgreSQL tests, ...) thus leaves the shared test application's
 * webapp API answering 500 (a NullPointerException in Camunda's AuthenticationFilter). Every
 * {@link BreachflowTest} restores them before each test (this class is also the JUnit extension that does), so
 * no test depends on the order the tests run in. The default runtimes hold no state of their own.
 */
public final class WebappRuntime implements BeforeEachCallback {

  @Override
  public void beforeEach(ExtensionContext context) {
    ensure();
  }

  public static void ensure() {
    if (Cockpit.getRuntimeDelegate() == null) {
      Cockpit.setCockpitRuntimeDelegate(new DefaultCockpitRuntimeDelegate());
    }
    if (Admin.getRuntimeDelegate() == null) {
      Admin.setAdminRuntimeDelegate(new DefaultAdminRuntimeDelegate());
    }
    if (Tasklist.getRuntimeDelegate() == null) {
      Tasklist.setTasklistRuntimeDelegate(new DefaultTasklistRuntimeDelegate());
    }
    if (Welcome.getRuntimeDelegate() == null) {
      Welcome.setRuntimeDelegate(new DefaultWelcomeRuntimeDelegate());
    }
  }
}
