package se.breachflow.support;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.impl.DefaultWelcomeRuntimeDelegate;

/**
 * The webapps keep their runtime (how they find the engine) in static fields, set when a web application starts
 * and cleared when one stops. A test that starts and stops an application of its own in the same JVM
 * (HealthTest, ProdProfileTest, RestartTest, the PostgreSQL tests, ...) thus leaves the shared test application's
 * webapp API answering 500 (a NullPointerException in Camunda's AuthenticationFilter). Tests that use the
 * webapps' API after such tests call {@link #ensure()} first. The default runtimes hold no state of their own.
 */
public final class WebappRuntime {

  private WebappRuntime() {}

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
