package se.breachflow.notification;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import se.breachflow.web.Times;

/**
 * The transactional outbox: a message is written in the same transaction as the process step that causes
 * it (a rolled-back step leaves no message), and delivered later by a worker.
 */
@Component
public class Outbox {

  private final NamedParameterJdbcTemplate jdbc;

  public Outbox(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void enqueue(Notice notice) {
    Instant now = Times.now();
    jdbc.update("""
        insert into outbox_message (kind, incident_number, controller_id, audience, task_id, task_name,
          created_at, status, attempts, next_attempt_at)
        values (:kind, :number, :controllerId, :audience, :taskId, :taskName, :now, 'PENDING', 0, :now)""",
        new MapSqlParameterSource()
            .addValue("kind", notice.kind().name())
            .addValue("number", notice.incidentNumber())
            .addValue("controllerId", notice.controllerId())
            .addValue("audience", notice.audience().stream().map(Enum::name).sorted()
                .collect(Collectors.joining(",")))
            .addValue("taskId", notice.taskId())
            .addValue("taskName", notice.taskName())
            .addValue("now", now.atOffset(ZoneOffset.UTC)));
  }

  /** The messages written for an incident, oldest first. */
  public List<Notice> noticesFor(String incidentNumber) {
    return jdbc.query("""
        select kind, incident_number, controller_id, audience, task_id, task_name from outbox_message
        where incident_number = :number order by id""", new MapSqlParameterSource("number", incidentNumber),
        (rs, row) -> new Notice(NoticeKind.valueOf(rs.getString("kind")), rs.getString("incident_number"),
            rs.getString("controller_id"), Arrays.stream(rs.getString("audience").split(","))
                .filter(name -> !name.isBlank()).map(Audience::valueOf).collect(Collectors.toSet()),
            rs.getString("task_id"), rs.getString("task_name")));
  }
}
