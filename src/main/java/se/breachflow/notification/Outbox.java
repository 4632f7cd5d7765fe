package se.breachflow.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import se.breachflow.shared.Times;

/**
 * The transactional outbox: a message is written in the same transaction as the process step that causes
 * it (a rolled-back step leaves no message), and delivered later by {@link OutboxWorker}.
 *
 * <p>Several nodes may deliver from one database: a node claims a due message with a conditional update
 * (the attempt count it read must still be there), which pushes the message's next attempt past the claim
 * timeout; only the node whose update hit the row sends it.
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

  /** Due messages (pending, next attempt not in the future), oldest due first. */
  List<OutboxMessage> due(Instant now, int limit) {
    return jdbc.query("""
        select * from outbox_message where status = 'PENDING' and next_attempt_at <= :now
        order by next_attempt_at, id fetch first :limit rows only""",
        new MapSqlParameterSource().addValue("now", time(now)).addValue("limit", limit), (rs, row) -> map(rs));
  }

  /**
   * Claims a due message for one attempt: counts the attempt and moves its next attempt to {@code until}.
   * False when another node got there first (the attempt count or the status changed since it was read).
   */
  boolean claim(OutboxMessage message, Instant now, Instant until) {
    return jdbc.update("""
        update outbox_message set attempts = attempts + 1, next_attempt_at = :until
        where id = :id and status = 'PENDING' and attempts = :attempts and next_attempt_at <= :now""",
        new MapSqlParameterSource()
            .addValue("id", message.id())
            .addValue("attempts", message.attempts())
            .addValue("now", time(now))
            .addValue("until", time(until))) == 1;
  }

  /** Records a successful attempt; false if the claim had expired and another node has taken the message. */
  boolean markSent(long id, int attempt, Instant at) {
    return jdbc.update("""
        update outbox_message set status = 'SENT', sent_at = :at, last_error = null
        where id = :id and status = 'PENDING' and attempts = :attempt""",
        new MapSqlParameterSource().addValue("id", id).addValue("attempt", attempt).addValue("at", time(at))) == 1;
  }

  /** Records a failed attempt: PENDING again at {@code nextAttemptAt}, or FAILED for good. */
  void markFailed(long id, int attempt, String error, OutboxStatus status, Instant nextAttemptAt) {
    jdbc.update("""
        update outbox_message set status = :status, last_error = :error, next_attempt_at = :next
        where id = :id and status = 'PENDING' and attempts = :attempt""",
        new MapSqlParameterSource()
            .addValue("id", id)
            .addValue("attempt", attempt)
            .addValue("status", status.name())
            .addValue("error", error)
            .addValue("next", time(nextAttemptAt)));
  }

  /** Pending messages with an id above the given one, in id order (for the log when there is no SMTP). */
  List<OutboxMessage> pendingAfter(long id, int limit) {
    return jdbc.query("""
        select * from outbox_message where status = 'PENDING' and id > :id order by id fetch first :limit rows only""",
        new MapSqlParameterSource().addValue("id", id).addValue("limit", limit), (rs, row) -> map(rs));
  }

  /** One page of messages, newest first, optionally of one status. */
  public List<OutboxMessage> page(Optional<OutboxStatus> status, int page, int size) {
    MapSqlParameterSource p = new MapSqlParameterSource()
        .addValue("status", status.map(Enum::name).orElse(null))
        .addValue("offset", (long) page * size)
        .addValue("size", size);
    return jdbc.query("select * from outbox_message" + (status.isPresent() ? " where status = :status" : "")
        + " order by id desc offset :offset rows fetch next :size rows only", p, (rs, row) -> map(rs));
  }

  public long count(Optional<OutboxStatus> status) {
    Long count = jdbc.queryForObject("select count(*) from outbox_message"
        + (status.isPresent() ? " where status = :status" : ""),
        new MapSqlParameterSource("status", status.map(Enum::name).orElse(null)), Long.class);
    return count == null ? 0 : count;
  }

  public Optional<OutboxMessage> find(long id) {
    return jdbc.query("select * from outbox_message where id = :id", new MapSqlParameterSource("id", id),
        (rs, row) -> map(rs)).stream().findFirst();
  }

  /** Every message of an incident, oldest first. */
  public List<OutboxMessage> messagesFor(String incidentNumber) {
    return jdbc.query("select * from outbox_message where incident_number = :number order by id",
        new MapSqlParameterSource("number", incidentNumber), (rs, row) -> map(rs));
  }

  private static OutboxMessage map(ResultSet rs) throws SQLException {
    return new OutboxMessage(
        rs.getLong("id"),
        NoticeKind.valueOf(rs.getString("kind")),
        rs.getString("incident_number"),
        rs.getString("controller_id"),
        Arrays.stream(rs.getString("audience").split(",")).filter(a -> !a.isBlank()).map(Audience::valueOf).toList(),
        rs.getString("task_id"),
        rs.getString("task_name"),
        OutboxStatus.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        instant(rs, "created_at"),
        instant(rs, "next_attempt_at"),
        instant(rs, "sent_at"));
  }

  private static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
