package se.breachflow.incident.task;

import static se.breachflow.incident.Fields.CYBER_FILED_AT;
import static se.breachflow.incident.Fields.CYBER_LATE_REASON;
import static se.breachflow.incident.Fields.CYBER_REFERENCE;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import se.breachflow.incident.CyberFacts;
import se.breachflow.incident.CyberReportKind;
import se.breachflow.incident.CyberTrack;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentRepository;
import se.breachflow.incident.IncidentStatus;
import se.breachflow.shared.Field;
import se.breachflow.shared.FormReader;
import se.breachflow.shared.Records;
import se.breachflow.shared.Times;

/**
 * A report to the CSIRT under cybersäkerhetslagen (2025:1506) 2 kap. 5, 6 or 8 §: when it was filed, the
 * authority's reference, the reasons when it is late, and the facts the report gives (NIS2 Art. 23(4)), kept as
 * {@link CyberFacts}. The tasks run beside the IMY track; the case's status stays.
 */
abstract class CyberReportForm implements TaskForm {

  private final IncidentRepository incidents;

  CyberReportForm(IncidentRepository incidents) {
    this.incidents = incidents;
  }

  /** Which report, given what the person chose (the final step may be a progress report). */
  abstract CyberReportKind kind(FormReader in);

  /** The report's own fields after when, reference and reasons: facts of {@link CyberFacts}, by name. */
  abstract List<Field<?>> factFields();

  /** The report's own rules on its facts. */
  abstract void checkFacts(FormReader in, CyberReportKind kind);

  /** What the report tells the process (the next deadline). */
  abstract Routing.Cyber routing(Incident incident, CyberReportKind kind, Instant filedAt, CyberFacts facts);

  /** The report's deadline, for the reasons of a delay (the submission may hold what it depends on). */
  Instant deadline(Incident incident, CyberReportKind kind, FormReader in) {
    return incident.cyber() == null ? null : incident.cyber().deadline(kind);
  }

  @Override
  public IncidentStatus status() {
    return null;
  }

  @Override
  public List<Field<?>> fields() {
    return java.util.stream.Stream.concat(List.<Field<?>>of(CYBER_FILED_AT, CYBER_REFERENCE, CYBER_LATE_REASON)
        .stream(), factFields().stream()).toList();
  }

  @Override
  public Map<String, Object> load(Incident incident) {
    Map<String, Object> values = new HashMap<>();
    CyberFacts facts = incident.cyber() == null ? CyberFacts.NONE : incident.cyber().facts();
    Map<String, Object> known = Records.values(facts);
    for (Field<?> field : factFields()) {
      values.put(field.name(), known.get(field.name()));
    }
    values.put(CYBER_FILED_AT.name(), null);
    values.put(CYBER_REFERENCE.name(), null);
    values.put(CYBER_LATE_REASON.name(), null);
    return values;
  }

  @Override
  public Completion check(Incident incident, FormReader in) {
    CyberReportKind kind = kind(in);
    Instant filedAt = in.required(CYBER_FILED_AT, "Ange när rapporten lämnades till myndigheten.");
    TaskChecks.notInFuture(in, CYBER_FILED_AT, filedAt, "Rapporten kan inte ha lämnats i framtiden.");
    TaskChecks.notBefore(in, CYBER_FILED_AT, filedAt, incident.report().awareAt(),
        "Rapporten kan inte ha lämnats innan ni fick kännedom om incidenten.");
    String reference = in.read(CYBER_REFERENCE);
    String lateReason = in.read(CYBER_LATE_REASON);
    Instant deadline = kind == null ? null : deadline(incident, kind, in);
    if (filedAt != null && deadline != null && filedAt.isAfter(deadline) && lateReason == null) {
      in.error(CYBER_LATE_REASON, "Rapporten lämnas efter fristen (" + Times.display(deadline) + "). Ange skälen "
          + "till förseningen.");
    }
    if (kind != null) {
      checkFacts(in, kind);
    }
    Map<String, Object> facts = new HashMap<>(Records.values(
        incident.cyber() == null ? CyberFacts.NONE : incident.cyber().facts()));
    for (Field<?> field : factFields()) {
      if (in.has(field.name())) {
        facts.put(field.name(), in.read(field));
      }
    }
    in.throwIfInvalid("Rapporten kunde inte registreras");
    CyberFacts saved = Records.create(CyberFacts.class, facts);
    return userId -> {
      Routing.Cyber next = routing(incident, kind, filedAt, saved);
      incidents.saveCyberReport(incident.number(), kind, new CyberTrack.CyberReport(filedAt, reference, lateReason,
          userId), saved, next.finalReportDeadline());
      return Routing.cyber(next);
    };
  }
}
