package se.breachflow.assessment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import se.breachflow.shared.FieldError;
import se.breachflow.shared.InvalidInputException;

/**
 * Reads the body of {@code POST /api/assessments} strictly into {@link RiskFacts}: every field is required and
 * must have its JSON type (a flag is a JSON boolean, the count a JSON integer, enum values JSON strings), and
 * a loss other than NONE needs its breach type. Every bad field is reported, in Swedish.
 */
final class AssessmentRequest {

  static final String TITLE = "Ogiltiga uppgifter för riskbedömning";

  private final JsonNode body;
  private final List<FieldError> errors = new ArrayList<>();

  private AssessmentRequest(JsonNode body) {
    this.body = body;
  }

  /** The facts, or {@link InvalidInputException} naming every bad field. */
  static RiskFacts read(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new InvalidInputException(TITLE, List.of(new FieldError("body", "Skicka ett JSON-objekt.")));
    }
    return new AssessmentRequest(body).facts();
  }

  private RiskFacts facts() {
    Set<BreachType> breachTypes = enumSet("breachTypes", BreachType.class);
    Cause cause = enumeration("cause", Cause.class);
    Set<DataCategory> dataCategories = enumSet("dataCategories", DataCategory.class);
    Integer dataSubjectCount = count("dataSubjectCount");
    Boolean vulnerableSubjects = flag("vulnerableSubjects");
    Boolean publiclyAvailable = flag("publiclyAvailable");
    Identifiability identifiability = enumeration("identifiability", Identifiability.class);
    ConfidentialityLoss confidentialityLoss = enumeration("confidentialityLoss", ConfidentialityLoss.class);
    IntegrityLoss integrityLoss = enumeration("integrityLoss", IntegrityLoss.class);
    AvailabilityLoss availabilityLoss = enumeration("availabilityLoss", AvailabilityLoss.class);
    Boolean maliciousIntent = flag("maliciousIntent");
    Boolean unintelligible = flag("unintelligible");
    Boolean recipientConfirmedDeletion = flag("recipientConfirmedDeletion");

    if (breachTypes != null) {
      lossNeedsType("confidentialityLoss", confidentialityLoss, ConfidentialityLoss.NONE, breachTypes,
          BreachType.CONFIDENTIALITY);
      lossNeedsType("integrityLoss", integrityLoss, IntegrityLoss.NONE, breachTypes, BreachType.INTEGRITY);
      lossNeedsType("availabilityLoss", availabilityLoss, AvailabilityLoss.NONE, breachTypes,
          BreachType.AVAILABILITY);
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(TITLE, errors);
    }
    return new RiskFacts(breachTypes, cause, dataCategories, dataSubjectCount, vulnerableSubjects,
        publiclyAvailable, identifiability, confidentialityLoss, integrityLoss, availabilityLoss, maliciousIntent,
        unintelligible, recipientConfirmedDeletion);
  }

  private void lossNeedsType(String field, Enum<?> loss, Enum<?> none, Set<BreachType> breachTypes,
      BreachType type) {
    if (loss != null && loss != none && !breachTypes.contains(type)) {
      error(field, "Värdet " + loss.name() + " kräver att " + type.name() + " (" + type.label().toLowerCase()
          + ") finns bland breachTypes; ange annars NONE.");
    }
  }

  private JsonNode present(String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      error(field, "Uppgiften saknas.");
      return null;
    }
    return value;
  }

  private Boolean flag(String field) {
    JsonNode value = present(field);
    if (value == null) {
      return null;
    }
    if (!value.isBoolean()) {
      error(field, "Ska vara sant eller falskt (true eller false).");
      return null;
    }
    return value.booleanValue();
  }

  private Integer count(String field) {
    JsonNode value = present(field);
    if (value == null) {
      return null;
    }
    if (!value.isNumber() || !value.canConvertToExactIntegral() || !value.canConvertToInt()) {
      error(field, "Ska vara ett heltal.");
      return null;
    }
    int count = value.intValue();
    if (count < 1) {
      error(field, "Ska vara minst 1.");
      return null;
    }
    return count;
  }

  private <E extends Enum<E>> E enumeration(String field, Class<E> type) {
    JsonNode value = present(field);
    return value == null ? null : enumValue(field, type, value);
  }

  private <E extends Enum<E>> Set<E> enumSet(String field, Class<E> type) {
    JsonNode value = present(field);
    if (value == null) {
      return null;
    }
    if (!value.isArray()) {
      error(field, "Ska vara en lista med ett eller flera av: " + allowed(type) + ".");
      return null;
    }
    if (value.isEmpty()) {
      error(field, "Ange minst ett av: " + allowed(type) + ".");
      return null;
    }
    EnumSet<E> values = EnumSet.noneOf(type);
    for (JsonNode element : value) {
      E parsed = enumValue(field, type, element);
      if (parsed == null) {
        return null;
      }
      values.add(parsed);
    }
    return values;
  }

  private <E extends Enum<E>> E enumValue(String field, Class<E> type, JsonNode value) {
    if (!value.isTextual()) {
      error(field, "Ska vara ett av: " + allowed(type) + ".");
      return null;
    }
    try {
      return Enum.valueOf(type, value.textValue());
    } catch (IllegalArgumentException e) {
      error(field, "Okänt värde " + quote(value.textValue()) + ". Tillåtna värden: " + allowed(type) + ".");
      return null;
    }
  }

  private static String quote(String text) {
    String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
    return "\"" + shown + "\"";
  }

  private static String allowed(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
  }

  private void error(String field, String reason) {
    errors.add(new FieldError(field, reason));
  }
}
