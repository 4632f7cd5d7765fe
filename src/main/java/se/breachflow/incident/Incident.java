package se.breachflow.incident;

import java.time.Instant;

import se.breachflow.assessment.RiskAssessment;
import se.breachflow.assessment.RiskFacts;

/**
 * One personal-data breach in the register. Parts that have not happened yet are null. Built by name
 * ({@link #builder()}, {@link #toBuilder()}), not by position.
 *
 * @param number the incident number and business key, {@code PUI-<year>-<nnnn>}
 * @param late set when the IMY deadline passed without a notification or a decision not to notify (the
 *     deadline timer); {@link #isLate(Instant)} is whether the case is late
 * @param secrecyMarking the DPO's note on what may be secret under OSL, and why (sekretessmarkering)
 * @param supplierIncident the supplier incident ({@code LEV-<year>-<nnnn>}) this case is one controller's part
 *     of; null for an incident of its own
 * @param cyber the incident under cybersäkerhetslagen: whether significant, the CSIRT reports; null before anyone
 *     decided
 */
public record Incident(
    String number,
    String controllerId,
    String processInstanceId,
    IncidentStatus status,
    String reporterId,
    Instant reportedAt,
    Instant authorityDeadline,
    boolean late,
    IncidentReport report,
    RiskFacts facts,
    RiskAssessment preliminaryAssessment,
    RiskAssessment finalAssessment,
    DpoAdvice dpoAdvice,
    Decision decision,
    ImyNotification imy,
    ImyOrder imyOrder,
    DataSubjectsOutcome dataSubjects,
    FollowUp followUp,
    String secrecyMarking,
    String supplierIncident,
    CyberTrack cyber) {

  /**
   * The assessment that counts: the coordinator's after the investigation, or before it the rules'
   * preliminary one at registration; null before either.
   */
  public RiskAssessment latestAssessment() {
    return finalAssessment != null ? finalAssessment : preliminaryAssessment;
  }

  /**
   * Whether the notification to IMY is, or will be, later than the deadline (Art. 33(1)): filed after it, or
   * still owed — not filed, not decided against, not closed — when the deadline has passed. The register's
   * searches ask the same in SQL ({@link IncidentRepository#LATE}).
   */
  public boolean isLate(Instant now) {
    if (late) {
      return true;
    }
    if (imy != null) {
      return imy.submittedAt() != null && imy.submittedAt().isAfter(authorityDeadline);
    }
    boolean owed = (decision == null || decision.notifyImy()) && !status.isClosed();
    return owed && now.isAfter(authorityDeadline);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.number = number;
    builder.controllerId = controllerId;
    builder.processInstanceId = processInstanceId;
    builder.status = status;
    builder.reporterId = reporterId;
    builder.reportedAt = reportedAt;
    builder.authorityDeadline = authorityDeadline;
    builder.late = late;
    builder.report = report;
    builder.facts = facts;
    builder.preliminaryAssessment = preliminaryAssessment;
    builder.finalAssessment = finalAssessment;
    builder.dpoAdvice = dpoAdvice;
    builder.decision = decision;
    builder.imy = imy;
    builder.imyOrder = imyOrder;
    builder.dataSubjects = dataSubjects;
    builder.followUp = followUp;
    builder.secrecyMarking = secrecyMarking;
    builder.supplierIncident = supplierIncident;
    builder.cyber = cyber;
    return builder;
  }

  /** An incident by the names of its parts; what is not set is null (false for {@code late}). */
  public static final class Builder {
    private String number;
    private String controllerId;
    private String processInstanceId;
    private IncidentStatus status;
    private String reporterId;
    private Instant reportedAt;
    private Instant authorityDeadline;
    private boolean late;
    private IncidentReport report;
    private RiskFacts facts;
    private RiskAssessment preliminaryAssessment;
    private RiskAssessment finalAssessment;
    private DpoAdvice dpoAdvice;
    private Decision decision;
    private ImyNotification imy;
    private ImyOrder imyOrder;
    private DataSubjectsOutcome dataSubjects;
    private FollowUp followUp;
    private String secrecyMarking;
    private String supplierIncident;
    private CyberTrack cyber;

    private Builder() {}

    public Builder number(String value) {
      number = value;
      return this;
    }

    public Builder controllerId(String value) {
      controllerId = value;
      return this;
    }

    public Builder processInstanceId(String value) {
      processInstanceId = value;
      return this;
    }

    public Builder status(IncidentStatus value) {
      status = value;
      return this;
    }

    /** Who reported it and when. */
    public Builder reported(String by, Instant at) {
      reporterId = by;
      reportedAt = at;
      return this;
    }

    public Builder authorityDeadline(Instant value) {
      authorityDeadline = value;
      return this;
    }

    public Builder late(boolean value) {
      late = value;
      return this;
    }

    public Builder report(IncidentReport value) {
      report = value;
      return this;
    }

    public Builder facts(RiskFacts value) {
      facts = value;
      return this;
    }

    public Builder preliminaryAssessment(RiskAssessment value) {
      preliminaryAssessment = value;
      return this;
    }

    public Builder finalAssessment(RiskAssessment value) {
      finalAssessment = value;
      return this;
    }

    public Builder dpoAdvice(DpoAdvice value) {
      dpoAdvice = value;
      return this;
    }

    public Builder imyOrder(ImyOrder value) {
      imyOrder = value;
      return this;
    }

    public Builder decision(Decision value) {
      decision = value;
      return this;
    }

    public Builder imy(ImyNotification value) {
      imy = value;
      return this;
    }

    public Builder dataSubjects(DataSubjectsOutcome value) {
      dataSubjects = value;
      return this;
    }

    public Builder followUp(FollowUp value) {
      followUp = value;
      return this;
    }

    public Builder secrecyMarking(String value) {
      secrecyMarking = value;
      return this;
    }

    public Builder supplierIncident(String value) {
      supplierIncident = value;
      return this;
    }

    public Builder cyber(CyberTrack value) {
      cyber = value;
      return this;
    }

    public Incident build() {
      return new Incident(number, controllerId, processInstanceId, status, reporterId, reportedAt,
          authorityDeadline, late, report, facts, preliminaryAssessment, finalAssessment, dpoAdvice, decision, imy,
          imyOrder, dataSubjects, followUp, secrecyMarking, supplierIncident, cyber);
    }
  }
}
