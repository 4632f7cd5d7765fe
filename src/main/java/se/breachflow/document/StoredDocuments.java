package se.breachflow.document;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The filed documents (table {@code incident_document}); rows are only ever added (retention empties them). */
@Repository
class StoredDocuments {

  /**
   * A document as filed.
   *
   * @param content null once retention removed it ({@code removedAt})
   */
  record Stored(String incidentNumber, DocumentKind kind, int version, String contentType, String sha256,
      byte[] content, String snapshot, Instant filedAt, String filedBy, Instant removedAt) {}

  private final NamedParameterJdbcTemplate jdbc;

  StoredDocuments(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Stored add(String incidentNumber, DocumentKind kind, String contentType, String sha256, byte[] content,
      String snapshot, Instant filedAt, String filedBy) {
    MapSqlParameterSource key = new MapSqlParameterSource().addValue("number", incidentNumber)
        .addValue("kind", kind.name());
    Integer last = jdbc.queryForObject("""
        select max(version) from incident_document where incident_number = :number and kind = :kind""",
        key, Integer.class);
    int version = last == null ? 1 : last + 1;
    jdbc.update("""
        insert into incident_document (incident_number, kind, version, content_type, sha256, content, snapshot,
          filed_at, filed_by)
        values (:number, :kind, :version, :contentType, :sha256, :content, :snapshot, :filedAt, :filedBy)""",
        key.addValue("version", version)
            .addValue("contentType", contentType)
            .addValue("sha256", sha256)
            .addValue("content", content)
            .addValue("snapshot", snapshot)
            .addValue("filedAt", filedAt.atOffset(ZoneOffset.UTC))
            .addValue("filedBy", filedBy));
    return new Stored(incidentNumber, kind, version, contentType, sha256, content, snapshot, filedAt, filedBy, null);
  }

  /** The latest filed version of a kind of document. */
  Optional<Stored> latest(String incidentNumber, DocumentKind kind) {
    return latest(incidentNumber, List.of(kind));
  }

  /** The latest filed document of any of the kinds. */
  Optional<Stored> latest(String incidentNumber, List<DocumentKind> kinds) {
    return jdbc.query("""
        select * from incident_document where incident_number = :number and kind in (:kinds)
        order by id desc""", new MapSqlParameterSource().addValue("number", incidentNumber)
        .addValue("kinds", kinds.stream().map(Enum::name).toList()), (rs, row) -> new Stored(
            rs.getString("incident_number"), DocumentKind.valueOf(rs.getString("kind")), rs.getInt("version"),
            rs.getString("content_type"), rs.getString("sha256"), rs.getBytes("content"), rs.getString("snapshot"),
            rs.getObject("filed_at", OffsetDateTime.class).toInstant(), rs.getString("filed_by"),
            instant(rs.getObject("removed_at", OffsetDateTime.class))))
        .stream().findFirst();
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
