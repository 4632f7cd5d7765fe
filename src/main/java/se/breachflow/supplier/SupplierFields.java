package se.breachflow.supplier;

import static se.breachflow.shared.Field.instant;
import static se.breachflow.shared.Field.text;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.regex.Pattern;

import se.breachflow.assessment.BreachType;
import se.breachflow.assessment.Cause;
import se.breachflow.assessment.DataCategory;
import se.breachflow.incident.Fields;
import se.breachflow.shared.Field;

/**
 * The fields of a supplier incident: {@code POST /api/supplier-incidents} and its Tasklist start form
 * ({@code supplier-incident.form}) use these names. The shared facts are declared as the report's fields where
 * they are the same fact ({@link Fields}); the controllers are a list of {@link #CONTROLLER_FIELDS}.
 */
public final class SupplierFields {

  private static final Pattern ORGANISATION_NUMBER = Pattern.compile("\\d{6}-?\\d{4}");

  public static final Field<String> PROCESSOR = Fields.PROCESSOR;
  public static final Field<String> PROCESSOR_ORGANISATION_NUMBER = text("processorOrganisationNumber", 20)
      .rule(value -> ORGANISATION_NUMBER.matcher(value).matches(),
          "Ange organisationsnumret med tio siffror, t.ex. 556000-0000.");
  public static final Field<String> DESCRIPTION = Fields.DESCRIPTION;
  /** The systems or services concerned. */
  public static final Field<String> SYSTEMS = text("systems", 2000);
  public static final Field<Cause> CAUSE = Fields.CAUSE;
  public static final Field<Instant> OCCURRED_AT = Fields.OCCURRED_AT;
  public static final Field<Instant> ENDED_AT = Fields.ENDED_AT;
  public static final Field<Boolean> THIRD_COUNTRY = Fields.THIRD_COUNTRY;
  public static final Field<Set<BreachType>> BREACH_TYPES = Fields.BREACH_TYPES;
  public static final Field<Set<DataCategory>> DATA_CATEGORIES = Fields.DATA_CATEGORIES;
  public static final Field<Integer> RECORD_COUNT = Fields.RECORD_COUNT;
  /** The affected controllers: a list of objects with {@link #CONTROLLER_FIELDS}. */
  public static final String CONTROLLERS = "controllers";

  // One affected controller
  public static final Field<String> CONTROLLER_ID = Fields.CONTROLLER_ID;
  /** When the supplier told this controller. */
  public static final Field<Instant> NOTIFIED_AT = instant("notifiedAt");
  public static final Field<Integer> DATA_SUBJECT_COUNT = Fields.DATA_SUBJECT_COUNT;

  /** The shared facts, in the form's order. */
  public static final List<Field<?>> FACTS = List.of(PROCESSOR, PROCESSOR_ORGANISATION_NUMBER, DESCRIPTION, SYSTEMS,
      CAUSE, OCCURRED_AT, ENDED_AT, THIRD_COUNTRY, BREACH_TYPES, DATA_CATEGORIES, RECORD_COUNT);

  /** The fields of one entry of {@link #CONTROLLERS}. */
  public static final List<Field<?>> CONTROLLER_FIELDS = List.of(CONTROLLER_ID, NOTIFIED_AT, DATA_SUBJECT_COUNT);

  /** Every top-level name a registration may send. */
  public static final List<String> NAMES = Stream.concat(FACTS.stream().map(Field::name),
      Stream.of(CONTROLLERS)).toList();

  private SupplierFields() {}

  /** The name of a controller entry's field in errors: {@code controllers[1].notifiedAt}. */
  static String entryField(int index, Field<?> field) {
    return CONTROLLERS + "[" + index + "]." + field.name();
  }
}
