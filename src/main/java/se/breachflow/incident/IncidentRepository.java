package se.breachflow.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import se.breachflow.assessment.RiskAssessment;
import se.breachflow.assessment.RiskFacts;
import se.breachflow.assessment.RiskLevel;
import se.breachflow.assessment.Severity;

/** The incident register's tables (Flyway: {@code db/migration}). */
@Repository
public class IncidentRepository {

  /** Kinds of rows in incident_assessment. */
  public enum AssessmentKind { PRELIMINARY, FINAL }

  private static final String REASON_SEPARATOR = "\n";

  /** An incident not yet closed, for a row {@code i} of incident. */
  public static final String OPEN = "i.status not in ('CLOSED', 'CLOSED_NOT_A_BREACH')";

  /**
   * The notification to IMY is still owed, for a row {@code i} of incident: no IMY case number yet, and not
   * decided against. Never NULL.
   */
  public static final String OWES_NOTIFICATION =
      "(i.imy_case_number is null and (i.notify_imy is null or i.notify_imy = true))";

  /**
   * {@link Incident#isLate(Instant)} in SQL, for a row {@code i} of incident and the parameter {@code :now}.
   * Never NULL (three-valued logic would drop rows from "not late").
   */
  public static final String LATE = """
      (i.late = true or (i.imy_submitted_at is not null and i.imy_submitted_at > i.authority_deadline)
        or (%s and %s and i.authority_deadline < :now))""".formatted(OWES_NOTIFICATION, OPEN);

  /** {@link Incident#latestAssessment()}'s risk level in SQL, for a row {@code i} of incident. */
  public static final String LATEST_RISK_LEVEL = """
      (select a.risk_level from incident_assessment a where a.incident_number = i.number
         order by case a.kind when 'FINAL' then 0 else 1 end, a.id desc fetch first 1 rows only)""";

  /** The preliminary assessment's risk level in SQL, for a row {@code i} of incident (the reporter's view). */
  public static final String PRELIMINARY_RISK_LEVEL = """
      (select a.risk_level from incident_assessment a where a.incident_number = i.number
         and a.kind = 'PRELIMINARY' order by a.id desc fetch first 1 rows only)""";

  /** The columns of incident that say who did a step (user ids). */
  static final List<String> PEOPLE = List.of("reporter_id", "dpo_advised_by", "decided_by", "imy_recorded_by",
      "imy_order_recorded_by", "closed_by", "cyber_decided_by");

  /** The CSIRT reports' columns that may hold personal data: the reasons for a delay (a free text), who filed. */
  static final List<String> CYBER_REPORTS_PERSONAL_DATA = Arrays.stream(CyberReportKind.values())
      .flatMap(kind -> Stream.of(kind.columnPrefix() + "_late_reason", kind.columnPrefix() + "_by")).toList();

  /**
   * Every column of incident that may hold personal data: the forms' free texts ({@link Fields#FREE_TEXTS},
   * stored under their names) and who did what. Retention removes them (register/RetentionService); the
   * engine's history never gets the free texts (workflow/FreeTextHistoryFilter). A test holds every text
   * column of the register's tables to this list or to the list of those that cannot hold personal data.
   */
  public static final List<String> PERSONAL_DATA = Stream.of(
      Fields.FREE_TEXTS.stream().filter(field -> field != Fields.CYBER_LATE_REASON) // one column per report, below
          .map(field -> RecordColumns.column(field.name())),
      PEOPLE.stream(), CYBER_REPORTS_PERSONAL_DATA.stream()).flatMap(s -> s).toList();

  /** The columns of incident_assessment that may hold personal data: who assessed. */
  public static final List<String> ASSESSMENT_PERSONAL_DATA = List.of("assessed_by");

  /** The CSIRT reports' facts: one column per component of CyberFacts, by name. */
  private static final RecordColumns<CyberFacts> CYBER_FACTS = RecordColumns.of(CyberFacts.class);

  /** The report's columns: one per component of IncidentReport, by name. */
  private static final RecordColumns<IncidentReport> REPORT = RecordColumns.of(IncidentReport.class);
  /** The risk factors' columns; the facts the report holds too are the report's columns. */
  private static final RecordColumns<RiskFacts> FACTS = RecordColumns.except(RiskFacts.class,
      REPORT.names().toArray(String[]::new));

  private final NamedParameterJdbcTemplate jdbc;
  private final IncidentAudit audit;

  public IncidentRepository(NamedParameterJdbcTemplate jdbc, IncidentAudit audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** Runs a change and writes what it changed to the audit trail. */
  private void audited(String number, Runnable change) {
    Map<String, String> before = find(number).map(IncidentFields::of).orElse(Map.of());
    change.run();
    Map<String, String> after = find(number).map(IncidentFields::of).orElse(Map.of());
    audit.changed(number, before, after);
  }

  public void insert(Incident incident) {
    MapSqlParameterSource p = reportParameters(incident.number(), incident.report(), incident.facts())
        .addValue("controllerId", incident.controllerId())
        .addValue("processInstanceId", incident.processInstanceId())
        .addValue("status", incident.status().name())
        .addValue("reporterId", incident.reporterId())
        .addValue("reportedAt", time(incident.reportedAt()))
        .addValue("deadline", time(incident.authorityDeadline()));
    jdbc.update("insert into incident (number, controller_id, process_instance_id, status, reporter_id, reported_at, "
        + "authority_deadline, " + REPORT.columns() + ", " + FACTS.columns() + ") values (:number, :controllerId, "
        + ":processInstanceId, :status, :reporterId, :reportedAt, :deadline, " + REPORT.parameters() + ", "
        + FACTS.parameters() + ")", p);
    audit.registered(incident);
  }

  /** The IMY deadline passed without a decision not to notify or a notification. */
  public void markLate(String number) {
    audited(number, () -> {
      jdbc.update("update incident set late = true where number = :number", new MapSqlParameterSource("number", number));
    });
  }

  public void updateStatus(String number, IncidentStatus status) {
    audited(number, () -> {
      update("update incident set status = :value where number = :number", number, status.name());
    });
  }

  public void updateReport(String number, IncidentReport report, RiskFacts facts) {
    audited(number, () -> {
      jdbc.update("update incident set " + REPORT.assignments() + ", " + FACTS.assignments()
          + " where number = :number", reportParameters(number, report, facts));
    });
  }

  public void addAssessment(String number, AssessmentKind kind, RiskAssessment assessment, String by, Instant at) {
    audited(number, () -> {
      jdbc.update("""
          insert into incident_assessment (incident_number, kind, severity_score, severity, risk_level,
            notify_authority, notify_data_subjects, reasons, assessed_at, assessed_by)
          values (:number, :kind, :score, :severity, :riskLevel, :notifyAuthority, :notifyDataSubjects,
            :reasons, :at, :by)""", new MapSqlParameterSource()
          .addValue("number", number)
          .addValue("kind", kind.name())
          .addValue("score", assessment.severityScore())
          .addValue("severity", assessment.severity().name())
          .addValue("riskLevel", assessment.riskLevel().name())
          .addValue("notifyAuthority", assessment.notifyAuthority())
          .addValue("notifyDataSubjects", assessment.notifyDataSubjects())
          .addValue("reasons", String.join(REASON_SEPARATOR, assessment.reasons()))
          .addValue("at", time(at))
          .addValue("by", by));
    });
  }

  public void saveDpoAdvice(String number, DpoAdvice advice) {
    audited(number, () -> {
      jdbc.update("""
          update incident set dpo_advice_not_a_breach = :notABreach, dpo_advice_notify_imy = :notifyImy,
            dpo_advice_inform_data_subjects = :informDataSubjects, dpo_advice_reasons = :reasons,
            dpo_advised_by = :by, dpo_advised_at = :at where number = :number""", new MapSqlParameterSource()
          .addValue("number", number)
          .addValue("notABreach", advice.notABreach())
          .addValue("notifyImy", advice.notifyImy())
          .addValue("informDataSubjects", advice.informDataSubjects())
          .addValue("reasons", advice.reasons())
          .addValue("by", advice.advisedBy())
          .addValue("at", time(advice.advisedAt())));
    });
  }

  public void saveDecision(String number, Decision decision) {
    audited(number, () -> {
      jdbc.update("""
          update incident set not_a_breach = :notABreach, notify_imy = :notifyImy,
            inform_data_subjects = :informDataSubjects, inform_urgently = :informUrgently,
            decision_justification = :justification, decided_by = :by, decided_at = :at
          where number = :number""", new MapSqlParameterSource()
          .addValue("number", number)
          .addValue("notABreach", decision.notABreach())
          .addValue("notifyImy", decision.notifyImy())
          .addValue("informDataSubjects", decision.informDataSubjects())
          .addValue("informUrgently", decision.informUrgently())
          .addValue("justification", decision.justification())
          .addValue("by", decision.decidedBy())
          .addValue("at", time(decision.decidedAt())));
    });
  }

  /** The notification as filed; its supplement's fields are left as they are. */
  public void saveImyNotification(String number, ImyNotification imy) {
    audited(number, () -> {
      jdbc.update("""
          update incident set imy_case_number = :caseNumber, imy_submitted_at = :submittedAt,
            imy_report_type = :type, imy_recorded_by = :by, imy_late_reason = :lateReason,
            imy_contact_address = :contactAddress, data_subjects_planned_at = :plannedAt
          where number = :number""", new MapSqlParameterSource()
          .addValue("lateReason", imy.lateReason())
          .addValue("contactAddress", imy.contactAddress())
          .addValue("plannedAt", time(imy.dataSubjectsPlannedAt()))
          .addValue("number", number)
          .addValue("caseNumber", imy.caseNumber())
          .addValue("submittedAt", time(imy.submittedAt()))
          .addValue("type", imy.reportType().name())
          .addValue("by", imy.recordedBy()));
    });
  }

  public void saveSupplement(String number, Instant submittedAt, SupplementKind kind, String text) {
    audited(number, () -> {
      jdbc.update("""
          update incident set imy_supplement_submitted_at = :submittedAt, supplement_kind = :kind,
            supplement_text = :text where number = :number""", new MapSqlParameterSource()
          .addValue("number", number)
          .addValue("submittedAt", time(submittedAt))
          .addValue("kind", kind.name())
          .addValue("text", text));
    });
  }

  /** IMY's order to inform the data subjects (Art. 34(4)). */
  public void saveImyOrder(String number, ImyOrder order) {
    audited(number, () -> {
      jdbc.update("""
          update incident set imy_order_received_at = :receivedAt, imy_order_deadline = :deadline,
            imy_order_recorded_by = :by where number = :number""", new MapSqlParameterSource()
          .addValue("number", number)
          .addValue("receivedAt", time(order.receivedAt()))
          .addValue("deadline", time(order.deadline()))
          .addValue("by", order.recordedBy()));
    });
  }

  public void saveDataSubjects(String number, DataSubjectsOutcome outcome) {
    audited(number, () -> {
      jdbc.update("""
          update incident set data_subject_communication = :communication, data_subjects_informed_at = :at,
            data_subjects_informed_how = :how, data_subjects_not_informed_reason = :reason
          where number = :number""", new MapSqlParameterSource()
          .addValue("number", number)
          .addValue("communication", outcome.communication().name())
          .addValue("at", time(outcome.informedAt()))
          .addValue("how", outcome.how())
          .addValue("reason", outcome.notInformedReason()));
    });
  }

  public void saveFollowUp(String number, String remedialActions, String lessonsLearned) {
    audited(number, () -> {
      jdbc.update("""
          update incident set remedial_actions = :remedialActions, lessons_learned = :lessonsLearned
          where number = :number""", new MapSqlParameterSource()
          .addValue("number", number)
          .addValue("remedialActions", remedialActions)
          .addValue("lessonsLearned", lessonsLearned));
    });
  }

  public void close(String number, IncidentStatus status, String closedBy, Instant closedAt) {
    audited(number, () -> {
      jdbc.update("""
          update incident set status = :status, closed_by = :by, closed_at = :at where number = :number""",
          new MapSqlParameterSource()
              .addValue("number", number)
              .addValue("status", status.name())
              .addValue("by", closedBy)
              .addValue("at", time(closedAt)));
    });
  }

  /** The DPO's secrecy marking: which parts may be secret under OSL, and why. */
  public void saveSecrecyMarking(String number, String marking) {
    audited(number, () -> update("update incident set secrecy_marking = :value where number = :number", number,
        marking));
  }

  public List<AuditEntry> auditTrail(String number) {
    return audit.trail(number);
  }

  // One transaction, so the assessments read while the incident's row is mapped use the same connection:
  // without it each nested query took a second pooled connection, and as many concurrent reads as the pool
  // has connections waited for each other until the pool's timeout (BENCHMARKS.md, intake at 32 clients).
  @Transactional(readOnly = true)
  public Optional<Incident> find(String number) {
    List<Incident> found = jdbc.query("select * from incident where number = :number",
        new MapSqlParameterSource("number", number), (rs, row) -> map(rs));
    return found.stream().findFirst();
  }

  /** The cases of a supplier incident, oldest first. */
  @Transactional(readOnly = true)
  public List<Incident> findBySupplierIncident(String supplierIncident) {
    return jdbc.query("select * from incident where supplier_incident_number = :number order by reported_at, number",
        new MapSqlParameterSource("number", supplierIncident), (rs, row) -> map(rs));
  }

  /** Links a case to the supplier incident it is one controller's part of. */
  public void linkToSupplierIncident(String number, String supplierIncident) {
    audited(number, () -> update("update incident set supplier_incident_number = :value where number = :number",
        number, supplierIncident));
  }

  @Transactional(readOnly = true)
  public Optional<Incident> findByProcessInstance(String processInstanceId) {
    List<String> numbers = jdbc.queryForList(
        "select number from incident where process_instance_id = :id",
        new MapSqlParameterSource("id", processInstanceId), String.class);
    return numbers.stream().findFirst().flatMap(this::find);
  }


  /** The latest assessment of each kind of one incident, in one query. */
  private Map<AssessmentKind, RiskAssessment> latestAssessments(String number) {
    Map<AssessmentKind, RiskAssessment> latest = new EnumMap<>(AssessmentKind.class);
    jdbc.query("select * from incident_assessment where incident_number = :number order by id desc",
        new MapSqlParameterSource("number", number), rs -> {
          latest.putIfAbsent(AssessmentKind.valueOf(rs.getString("kind")), new RiskAssessment(
              rs.getBigDecimal("severity_score").stripTrailingZeros(),
              Severity.valueOf(rs.getString("severity")),
              RiskLevel.valueOf(rs.getString("risk_level")),
              rs.getBoolean("notify_authority"),
              rs.getBoolean("notify_data_subjects"),
              Arrays.asList(rs.getString("reasons").split(REASON_SEPARATOR))));
        });
    return latest;
  }

  private Incident map(ResultSet rs) throws SQLException {
    String number = rs.getString("number");
    Map<AssessmentKind, RiskAssessment> assessments = latestAssessments(number);
    IncidentReport report = REPORT.read(rs);
    RiskFacts facts = FACTS.read(rs);
    DpoAdvice advice = rs.getTimestamp("dpo_advised_at") == null ? null : new DpoAdvice(
        rs.getBoolean("dpo_advice_not_a_breach"), rs.getBoolean("dpo_advice_notify_imy"),
        rs.getBoolean("dpo_advice_inform_data_subjects"), rs.getString("dpo_advice_reasons"),
        rs.getString("dpo_advised_by"), instant(rs, "dpo_advised_at"));
    Decision decision = rs.getTimestamp("decided_at") == null ? null : new Decision(
        rs.getBoolean("not_a_breach"), rs.getBoolean("notify_imy"), rs.getBoolean("inform_data_subjects"),
        rs.getBoolean("inform_urgently"), rs.getString("decision_justification"), rs.getString("decided_by"),
        instant(rs, "decided_at"));
    ImyNotification imy = rs.getString("imy_case_number") == null ? null : new ImyNotification(
        rs.getString("imy_case_number"), instant(rs, "imy_submitted_at"),
        enumOrNull(ImyReportType.class, rs.getString("imy_report_type")), rs.getString("imy_recorded_by"),
        rs.getString("imy_late_reason"), rs.getString("imy_contact_address"), instant(rs, "data_subjects_planned_at"),
        instant(rs, "imy_supplement_submitted_at"), enumOrNull(SupplementKind.class, rs.getString("supplement_kind")),
        rs.getString("supplement_text"));
    ImyOrder imyOrder = rs.getTimestamp("imy_order_received_at") == null ? null : new ImyOrder(
        instant(rs, "imy_order_received_at"), instant(rs, "imy_order_deadline"), rs.getString("imy_order_recorded_by"));
    DataSubjectsOutcome dataSubjects = rs.getString("data_subject_communication") == null ? null
        : new DataSubjectsOutcome(
            DataSubjectCommunication.valueOf(rs.getString("data_subject_communication")),
            instant(rs, "data_subjects_informed_at"), rs.getString("data_subjects_informed_how"),
            rs.getString("data_subjects_not_informed_reason"));
    FollowUp followUp = rs.getString("lessons_learned") == null && rs.getTimestamp("closed_at") == null ? null
        : new FollowUp(rs.getString("remedial_actions"), rs.getString("lessons_learned"),
            instant(rs, "closed_at"), rs.getString("closed_by"));
    return Incident.builder()
        .number(number)
        .controllerId(rs.getString("controller_id"))
        .processInstanceId(rs.getString("process_instance_id"))
        .status(IncidentStatus.valueOf(rs.getString("status")))
        .reported(rs.getString("reporter_id"), instant(rs, "reported_at"))
        .authorityDeadline(instant(rs, "authority_deadline"))
        .late(rs.getBoolean("late"))
        .report(report)
        .facts(facts)
        .preliminaryAssessment(assessments.get(AssessmentKind.PRELIMINARY))
        .finalAssessment(assessments.get(AssessmentKind.FINAL))
        .dpoAdvice(advice)
        .decision(decision)
        .imy(imy)
        .imyOrder(imyOrder)
        .dataSubjects(dataSubjects)
        .followUp(followUp)
        .secrecyMarking(rs.getString("secrecy_marking"))
        .supplierIncident(rs.getString("supplier_incident_number"))
        .cyber(cyber(rs))
        .build();
  }

  /** The cyber track of a row; null when nobody has decided whether the incident is significant. */
  private static CyberTrack cyber(ResultSet rs) throws SQLException {
    if (rs.getTimestamp("cyber_decided_at") == null) {
      return null;
    }
    Map<CyberReportKind, CyberTrack.CyberReport> reports = new java.util.EnumMap<>(CyberReportKind.class);
    for (CyberReportKind kind : CyberReportKind.values()) {
      String prefix = kind.columnPrefix();
      if (rs.getTimestamp(prefix + "_filed_at") != null) {
        reports.put(kind, new CyberTrack.CyberReport(instant(rs, prefix + "_filed_at"), rs.getString(prefix + "_reference"),
            rs.getString(prefix + "_late_reason"), rs.getString(prefix + "_by")));
      }
    }
    return new CyberTrack((Boolean) rs.getObject("cyber_significant"), rs.getString("cyber_significant_reason"),
        rs.getString("cyber_decided_by"), instant(rs, "cyber_decided_at"), instant(rs, "cyber_early_warning_deadline"),
        instant(rs, "cyber_notification_deadline"), instant(rs, "cyber_final_report_deadline"),
        instant(rs, "cyber_intermediate_requested_at"), instant(rs, "cyber_intermediate_due"), reports,
        CYBER_FACTS.read(rs));
  }

  /**
   * Whether the incident is a significant incident under cybersäkerhetslagen, as a person decided; when it is, the
   * 24- and 72-hour deadlines (the final report's follows the notification).
   */
  public void saveCyberDecision(String number, boolean significant, String reason, String by, Instant at,
      Instant earlyWarningDeadline, Instant notificationDeadline) {
    audited(number, () -> {
      jdbc.update("""
          update incident set cyber_significant = :significant, cyber_significant_reason = :reason,
            cyber_decided_by = :by, cyber_decided_at = :at,
            cyber_early_warning_deadline = coalesce(cyber_early_warning_deadline, cast(:earlyWarning as timestamp with time zone)),
            cyber_notification_deadline = coalesce(cyber_notification_deadline, cast(:notification as timestamp with time zone))
          where number = :number""", new MapSqlParameterSource()
          .addValue("number", number)
          .addValue("significant", significant)
          .addValue("reason", reason)
          .addValue("by", by)
          .addValue("at", time(at))
          .addValue("earlyWarning", time(earlyWarningDeadline))
          .addValue("notification", time(notificationDeadline)));
    });
  }

  /** The authority asked for a delrapport (cybersäkerhetslagen 2 kap. 7 §), by then. */
  public void saveCyberIntermediateRequest(String number, Instant requestedAt, Instant due) {
    audited(number, () -> {
      jdbc.update("""
          update incident set cyber_intermediate_requested_at = :requestedAt, cyber_intermediate_due = :due,
            cyber_intermediate_report_filed_at = null, cyber_intermediate_report_reference = null,
            cyber_intermediate_report_late_reason = null, cyber_intermediate_report_by = null
          where number = :number""", new MapSqlParameterSource()
          .addValue("number", number)
          .addValue("requestedAt", time(requestedAt))
          .addValue("due", time(due)));
    });
  }

  /** A report to the CSIRT as filed, the facts it gave, and the next deadline it sets (null: unchanged). */
  public void saveCyberReport(String number, CyberReportKind kind, CyberTrack.CyberReport report, CyberFacts facts,
      Instant finalReportDeadline) {
    String prefix = kind.columnPrefix();
    audited(number, () -> {
      jdbc.update("update incident set " + prefix + "_filed_at = :filedAt, " + prefix + "_reference = :reference, "
          + prefix + "_late_reason = :lateReason, " + prefix + "_by = :by, " + CYBER_FACTS.assignments()
          + ", cyber_final_report_deadline = coalesce(cast(:finalDeadline as timestamp with time zone), cyber_final_report_deadline)"
          + " where number = :number", CYBER_FACTS.write(facts, new MapSqlParameterSource()
              .addValue("number", number)
              .addValue("filedAt", time(report.filedAt()))
              .addValue("reference", report.reference())
              .addValue("lateReason", report.lateReason())
              .addValue("by", report.filedBy())
              .addValue("finalDeadline", time(finalReportDeadline))));
    });
  }

  private static MapSqlParameterSource reportParameters(String number, IncidentReport report, RiskFacts facts) {
    return FACTS.write(facts, REPORT.write(report, new MapSqlParameterSource("number", number)));
  }

  private void update(String sql, String number, Object value) {
    jdbc.update(sql, new MapSqlParameterSource().addValue("number", number).addValue("value", value));
  }

  private static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
    return name == null ? null : Enum.valueOf(type, name);
  }
}
