package se.breachflow.register;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;

import se.breachflow.shared.Times;
import se.breachflow.support.IncidentDriver;
import se.breachflow.support.Reports;

/**
 * A known set of incidents for management's overview, relative to the engine's clock (freeze it first): one of
 * Kommunstyrelsen's in each band of time left, one notified in time, one closed as not a breach, and one of
 * Socialnämnden's that management of Kommunstyrelsen must not see.
 *
 * @param overdue ks, discovered 80 hours ago: the deadline passed 8 hours ago
 * @param under24Hours ks, discovered 60 hours ago: 12 hours left
 * @param under48Hours ks, discovered 30 hours ago, a misdirected letter: 42 hours left
 * @param later ks, discovered an hour ago: 71 hours left
 * @param notified ks, notified to IMY now, in time: open, nothing owed
 * @param closed ks, closed as not a personal-data breach
 * @param otherController sn, discovered 10 hours ago
 */
public record OverviewDataSet(String overdue, String under24Hours, String under48Hours, String later,
    String notified, String closed, String otherController, Map<String, String> processInstances) {

  private static final DateTimeFormatter FORM_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmXXX");

  public static OverviewDataSet create(IncidentDriver driver) {
    Map<String, String> instances = new java.util.HashMap<>();
    String overdue = report(driver, "ks", 80, "MISDIRECTED_EMAIL", instances).getBusinessKey();
    String under24 = report(driver, "ks", 60, "MISDIRECTED_EMAIL", instances).getBusinessKey();
    String under48 = report(driver, "ks", 30, "MISDIRECTED_POST", instances).getBusinessKey();
    String later = report(driver, "ks", 1, "MISDIRECTED_EMAIL", instances).getBusinessKey();
    ProcessInstance notified = report(driver, "ks", 2, "MISDIRECTED_EMAIL", instances);
    driver.assess(notified, "UNKNOWN_RECIPIENTS");
    driver.decide(notified, true, false, "Risk för identitetsstöld.");
    driver.notifyImy(notified, FORM_TIME.format(Times.now().atOffset(ZoneOffset.UTC)), "COMPLETE");
    ProcessInstance closed = report(driver, "ks", 3, "MISDIRECTED_EMAIL", instances);
    driver.assess(closed, "KNOWN_RECIPIENTS");
    driver.notABreach(closed, "Datorn var krypterad och återfanns.");
    String other = report(driver, "sn", 10, "MISDIRECTED_EMAIL", instances).getBusinessKey();
    return new OverviewDataSet(overdue, under24, under48, later, notified.getBusinessKey(), closed.getBusinessKey(),
        other, instances);
  }

  private static ProcessInstance report(IncidentDriver driver, String controller, int hoursAgo, String cause,
      Map<String, String> instances) {
    Map<String, Object> values = Reports.discoveredAgo(Duration.ofHours(hoursAgo));
    values.put("controllerId", controller);
    values.put("cause", cause);
    ProcessInstance instance = driver.report(values);
    instances.put(instance.getBusinessKey(), instance.getId());
    return instance;
  }
}
