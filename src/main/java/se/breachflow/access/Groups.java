package se.breachflow.access;

/** Names of the identity service's groups: one per role and controller, so routing and access are per controller. */
public final class Groups {

  /** Every employee who may report an incident. */
  public static final String STAFF = "staff";
  /** Camunda's own administrator group (all permissions). */
  public static final String ADMIN = "camunda-admin";
  /** Reads the metrics (/actuator/prometheus) and nothing else: the account a Prometheus server scrapes with. */
  public static final String MONITORING = "monitoring";

  private Groups() {}

  /** Dataskyddssamordnare of a controller. */
  public static String coordinators(String controllerId) {
    return "coordinator-" + controllerId;
  }

  /** Dataskyddsombud of a controller. */
  public static String dpo(String controllerId) {
    return "dpo-" + controllerId;
  }

  /**
   * Beslutsfattare of a controller: the official its delegationsordning names to decide, on the DPO's advice,
   * whether to notify IMY and to inform the data subjects (GDPR Art. 38(6): the DPO advises, the controller
   * decides).
   */
  public static String decisionMakers(String controllerId) {
    return "decision-maker-" + controllerId;
  }

  /** Management (ledning) of a controller: reads, never works tasks. */
  public static String management(String controllerId) {
    return "management-" + controllerId;
  }
}
