package se.breachflow.supplier;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

import se.breachflow.assessment.BreachType;
import se.breachflow.assessment.Cause;
import se.breachflow.assessment.DataCategory;
import se.breachflow.incident.IncidentStatus;

/**
 * A breach at a supplier (personuppgiftsbiträde) that reached several of the municipality's controllers: the
 * facts they share, and one ordinary incident per affected controller, each with its own clock, assessment,
 * decision and notification (Art. 33(2): the processor tells each controller, which then has 72 hours).
 *
 * @param number {@code LEV-<year>-<nnnn>}
 * @param facts what the supplier said, as last corrected
 * @param reportedBy who registered it (a coordinator, a DPO or an administrator)
 * @param correctedBy who last corrected the shared facts; null before any correction
 * @param cases the linked cases the reader may see, oldest first
 * @param hiddenCases how many further linked cases there are that the reader may not see
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SupplierIncident(
    String number,
    SupplierFacts facts,
    String reportedBy,
    Instant reportedAt,
    String correctedBy,
    Instant correctedAt,
    List<LinkedCase> cases,
    int hiddenCases) {

  public SupplierIncident {
    cases = List.copyOf(cases);
  }

  /**
   * What the supplier told the municipality, shared by every linked case.
   *
   * @param systems the systems or services concerned
   * @param thirdCountry the data went to, or could be read in, a country outside the EU/EEA
   * @param recordCount the approximate number of records concerned, all controllers together; null if unknown
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SupplierFacts(
      String processor,
      String processorOrganisationNumber,
      String description,
      String systems,
      Cause cause,
      Instant occurredAt,
      Instant endedAt,
      boolean thirdCountry,
      Set<BreachType> breachTypes,
      Set<DataCategory> dataCategories,
      Integer recordCount) {

    public SupplierFacts {
      breachTypes = Set.copyOf(breachTypes);
      dataCategories = Set.copyOf(dataCategories);
    }
  }

  /**
   * An affected controller, as the supplier's message names it.
   *
   * @param notifiedAt when the supplier told this controller: its 72 hours run from then
   * @param dataSubjectCount about how many of this controller's data subjects are concerned
   */
  public record AffectedController(String controllerId, Instant notifiedAt, int dataSubjectCount) {}

  /**
   * One controller's case.
   *
   * @param decision whether the controller decided to notify IMY; null before its decision
   * @param imyCaseNumber IMY's case number once notified
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record LinkedCase(
      String number,
      String controllerId,
      String controllerName,
      IncidentStatus status,
      String statusText,
      Instant authorityDeadline,
      boolean late,
      Boolean notifyImy,
      String imyCaseNumber,
      Instant imySubmittedAt) {}
}
