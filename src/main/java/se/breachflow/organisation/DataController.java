package se.breachflow.organisation;

/**
 * A controller (personuppgiftsansvarig) of the municipality: a committee (nämnd) or a company board.
 *
 * @param id short stable id used in group names and incident records, e.g. {@code ks}
 */
public record DataController(
    String id, String name, String organisationNumber, String postalAddress, Dpo dpo) {

  /** The controller's data protection officer (dataskyddsombud), as published to the public. */
  public record Dpo(String name, String email, String phone) {}
}
