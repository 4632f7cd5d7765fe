package se.breachflow.incident;

import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

import se.breachflow.assessment.BreachType;
import se.breachflow.assessment.Cause;
import se.breachflow.assessment.DataCategory;

/**
 * What the reporter said happened, as corrected by the coordinator. Free texts may hold personal data.
 *
 * @param endedAt when the incident ended; null while it is ongoing or not known
 * @param recordCount the approximate number of records concerned (Art. 33(3)(a)); null when not known
 * @param securityMeasuresBefore the security measures that were in place before the breach
 * @param thirdCountry the data went to, or could be read in, a country outside the EU/EEA
 */
@JsonInclude(JsonInclude.Include.NON_NULL) // as the API shows it (IncidentView)
public record IncidentReport(
    String description,
    Cause cause,
    Instant occurredAt,
    Instant discoveredAt,
    Set<BreachType> breachTypes,
    Set<DataCategory> dataCategories,
    int dataSubjectCount,
    boolean vulnerableSubjects,
    Recipient recipient,
    boolean recipientConfirmedDeletion,
    String processor,
    Instant processorNotifiedAt,
    String measuresTaken,
    Instant endedAt,
    Integer recordCount,
    Set<DataSubjectGroup> dataSubjectGroups,
    String securityMeasuresBefore,
    boolean thirdCountry) {

  /**
   * When the controller became aware (Art. 33): for a processor's breach, when the processor told it;
   * otherwise when the breach was discovered.
   */
  public Instant awareAt() {
    return processor != null && processorNotifiedAt != null ? processorNotifiedAt : discoveredAt;
  }

  public IncidentReport {
    breachTypes = Set.copyOf(breachTypes);
    dataCategories = Set.copyOf(dataCategories);
    dataSubjectGroups = dataSubjectGroups == null ? Set.of() : Set.copyOf(dataSubjectGroups);
  }
}
