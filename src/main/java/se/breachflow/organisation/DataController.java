package se.breachflow.organisation;

import java.time.Period;

import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * A controller (personuppgiftsansvarig) of the municipality: a committee (nämnd) or a company board. Stored in
 * the database (table {@code controller}), changed by administrators; {@code breachflow.controllers} seeds it.
 *
 * @param id short stable id used in group names and incident records, e.g. {@code ks}
 * @param retentionPeriod how long after closing its incidents keep their personal data (its document plan);
 *     null: the configured default ({@code breachflow.retention.*})
 */
public record DataController(
    String id, String name, String organisationNumber, String postalAddress, Dpo dpo, Period retentionPeriod) {

  /** The configuration binds this one (a controller of {@code breachflow.controllers}). */
  @ConstructorBinding
  public DataController {}

  /** A controller with the default retention period. */
  public DataController(String id, String name, String organisationNumber, String postalAddress, Dpo dpo) {
    this(id, name, organisationNumber, postalAddress, dpo, null);
  }

  /** The controller's data protection officer (dataskyddsombud), as published to the public. */
  public record Dpo(String name, String email, String phone) {}
}
