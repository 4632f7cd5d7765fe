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

  /**
   * Informationssäkerhetssamordnare of a controller: decide, with the DPO, whether an incident is a significant
   * incident under cybersäkerhetslagen (2025:1506), and file its reports to the CSIRT.
   */
  public static String security(String controllerId) {
    return "security-" + controllerId;
  }

  /**
   * Those who register incidents on a controller's behalf beyond a report — a supplier incident, its corrections:
   * its coordinators and its DPO.
   */
  public static java.util.List<String> registrars(String controllerId) {
    return java.util.List.of(coordinators(controllerId), dpo(controllerId));
  }

  /** The groups that work a controller's cases in Tasklist and see the whole case. */
  public static java.util.List<String> caseWorkers(String controllerId) {
    return java.util.List.of(coordinators(controllerId), dpo(controllerId), decisionMakers(controllerId),
        security(controllerId));
  }

  /** Those who see the whole case of a controller's incidents: its case workers and its management. */
  public static java.util.List<String> caseReaders(String controllerId) {
    java.util.List<String> readers = new java.util.ArrayList<>(caseWorkers(controllerId));
    readers.add(management(controllerId));
    return java.util.List.copyOf(readers);
  }

  /** Management (ledning) of a controller: reads, never works tasks. */
  public static String management(String controllerId) {
    return "management-" + controllerId;
  }
}
