package se.breachflow.workflow;

import java.util.Map;

import se.breachflow.incident.task.Step;

/**
 * Stable ids of the process {@code personal-data-breach} (and of {@code supplier-incident}, which starts its cases):
 * tests, listeners and Cockpit links rely on them.
 */
public final class BpmnIds {

  public static final String PROCESS = "personal-data-breach";
  public static final String START_FORM = "incident-report";

  /**
   * The process {@code supplier-incident}: Tasklist's start form of a supplier incident, which registers it and
   * starts one {@link #PROCESS} case per affected controller, and ends.
   */
  public static final String SUPPLIER_PROCESS = "supplier-incident";
  public static final String SUPPLIER_START_FORM = "supplier-incident";
  public static final String SUPPLIER_REGISTER = "serviceTask_registerSupplierIncident";

  public static final String START = "startEvent_incidentReported";
  public static final String REGISTER = "serviceTask_registerIncident";
  public static final String PRELIMINARY_ASSESSMENT = "businessRuleTask_preliminaryAssessment";
  public static final String NOTIFICATION_WINDOW = "subProcess_notificationWindow";
  public static final String ASSESS = "userTask_assessIncident";
  public static final String FINAL_ASSESSMENT = "businessRuleTask_finalAssessment";
  public static final String DPO_ADVICE = "userTask_dpoAdvice";
  public static final String DECISION = "userTask_decision";
  /** Version 1 of the process only: the DPO reviewed and decided (docs/adr/0014). */
  public static final String DPO_REVIEW = "userTask_dpoReview";
  public static final String INFORM_URGENTLY = "userTask_informUrgently";
  public static final String NOTIFY_IMY = "userTask_notifyImy";
  public static final String SUPPLEMENT_IMY = "userTask_supplementImy";
  public static final String INFORM_DATA_SUBJECTS = "userTask_informDataSubjects";
  /** In the event subprocess a supplier's correction after the notification starts (version 3 on). */
  public static final String SUPPLEMENT_SUPPLIER_FACTS = "userTask_supplementSupplierFacts";
  public static final String SUPPLIER_FACTS_CHANGED = "supplierFactsChanged";
  /** The cyber track (version 4 on): its event subprocesses and tasks. */
  public static final String CYBER_TRACK_START = "startEvent_cyberSignificant";
  public static final String CYBER_SIGNIFICANCE = "userTask_cyberSignificance";
  public static final String CYBER_EARLY_WARNING = "userTask_cyberEarlyWarning";
  public static final String CYBER_NOTIFICATION = "userTask_cyberNotification";
  public static final String CYBER_FINAL_REPORT = "userTask_cyberFinalReport";
  public static final String CYBER_INTERMEDIATE_REPORT = "userTask_cyberIntermediateReport";
  public static final String CYBER_INTERMEDIATE_REQUESTED = "cyberIntermediateRequested";
  public static final String INFORM_BY_IMY_ORDER = "userTask_informByImyOrder";
  public static final String FOLLOW_UP = "userTask_followUp";
  public static final String CLOSE = "serviceTask_closeIncident";
  public static final String END_CLOSED = "endEvent_incidentClosed";

  /** The user tasks and their steps; informing the data subjects is one step, reached three ways. */
  private static final Map<String, Step> STEPS = Map.ofEntries(
      Map.entry(ASSESS, Step.ASSESSMENT),
      Map.entry(DPO_ADVICE, Step.DPO_ADVICE),
      Map.entry(DECISION, Step.DECISION),
      Map.entry(DPO_REVIEW, Step.DPO_REVIEW),
      Map.entry(INFORM_URGENTLY, Step.DATA_SUBJECTS),
      Map.entry(NOTIFY_IMY, Step.IMY_NOTIFICATION),
      Map.entry(SUPPLEMENT_IMY, Step.IMY_SUPPLEMENT),
      Map.entry(INFORM_DATA_SUBJECTS, Step.DATA_SUBJECTS),
      Map.entry(INFORM_BY_IMY_ORDER, Step.DATA_SUBJECTS),
      Map.entry(FOLLOW_UP, Step.FOLLOW_UP),
      Map.entry(SUPPLEMENT_SUPPLIER_FACTS, Step.SUPPLIER_SUPPLEMENT),
      Map.entry(CYBER_SIGNIFICANCE, Step.CYBER_SIGNIFICANCE),
      Map.entry(CYBER_EARLY_WARNING, Step.CYBER_EARLY_WARNING),
      Map.entry(CYBER_NOTIFICATION, Step.CYBER_NOTIFICATION),
      Map.entry(CYBER_FINAL_REPORT, Step.CYBER_FINAL_REPORT),
      Map.entry(CYBER_INTERMEDIATE_REPORT, Step.CYBER_INTERMEDIATE_REPORT));

  private BpmnIds() {}

  /** The incident's step that a user task of the process is. */
  public static Step step(String userTaskId) {
    Step step = STEPS.get(userTaskId);
    if (step == null) {
      throw new IllegalStateException("The user task " + userTaskId + " is no step of an incident");
    }
    return step;
  }
}
