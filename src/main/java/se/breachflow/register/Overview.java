package se.breachflow.register;

import java.time.Instant;
import java.util.List;

/**
 * Management's overview (Cockpit's *Översikt*): where the open incidents stand against the IMY deadline, now.
 * Keys are English like the rest of the API; every text meant for people ({@code name}, {@code label},
 * {@code statusText}, {@code causeText}) is Swedish.
 *
 * @param now the engine's clock when the overview was made; time left is counted from it
 * @param open incidents not closed
 * @param owed open incidents whose notification to IMY is still owed: not filed and not decided against
 * @param timeLeft the owed ones by the time left to the IMY deadline
 * @param cases the most urgent open incidents (as many as asked for, 100 unless told otherwise), the soonest
 *     deadline first (owed ones before the others)
 * @param casesLeftOut the open incidents not in {@code cases}
 * @param byController open and overdue incidents per controller (every visible controller, in configured order)
 * @param byCause open incidents per cause (only causes that occur, most first)
 * @param notifiedByMonth of the incidents reported in each of the last 12 months (Stockholm), how many were
 *     notified to IMY and how many of those by the deadline
 */
public record Overview(
    Instant now,
    List<Controller> controllers,
    int open,
    int owed,
    TimeLeft timeLeft,
    List<Case> cases,
    int casesLeftOut,
    List<Count> byController,
    List<Count> byCause,
    List<Month> notifiedByMonth) {

  public record Controller(String id, String name) {}

  /**
   * @param overdue the deadline has passed
   * @param under24Hours less than 24 hours left
   * @param under48Hours 24 hours or more, less than 48
   * @param later 48 hours or more
   */
  public record TimeLeft(int overdue, int under24Hours, int under48Hours, int later) {}

  /**
   * @param timeLeft for an owed notification, its band: {@code overdue}, {@code under24Hours},
   *     {@code under48Hours} or {@code later}; null when nothing is owed (filed, or decided against)
   * @param processInstanceId the case's process instance (Cockpit's page of it)
   */
  public record Case(String number, String controllerId, String controllerName, String status, String statusText,
      String cause, String causeText, Instant discoveredAt, Instant authorityDeadline, boolean owed, String timeLeft,
      String processInstanceId) {}

  public record Count(String key, String label, int open, int overdue) {}

  /** @param share notifiedInTime / notified, null when none was notified */
  public record Month(String month, int reported, int notified, int notifiedInTime, Double share) {}
}
