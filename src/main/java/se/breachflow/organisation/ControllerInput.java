package se.breachflow.organisation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import se.breachflow.shared.Field;
import se.breachflow.shared.FieldError;
import se.breachflow.shared.FormReader;
import se.breachflow.shared.InvalidInputException;

/**
 * A controller as an administrator sends it ({@code PUT /api/controllers/{id}}), checked: every bad field named,
 * in Swedish, and nothing that is not a controller's field. The nested DPO's fields are named {@code dpo.email}.
 */
public final class ControllerInput {

  static final String TITLE = "Nämnden eller bolaget kunde inte sparas";
  /** The shortest and longest retention period a document plan sensibly gives. */
  static final Period SHORTEST = Period.ofMonths(1);
  static final Period LONGEST = Period.ofYears(100);

  static final Field<String> NAME = line("name", 200);
  static final Field<String> ORGANISATION_NUMBER = line("organisationNumber", 11)
      .rule(value -> value.matches("\\d{6}-\\d{4}"), "Ange organisationsnumret som NNNNNN-NNNN, t.ex. 212000-0000.");
  static final Field<String> POSTAL_ADDRESS = line("postalAddress", 500);
  static final Field<String> DPO_NAME = line("dpo.name", 200);
  static final Field<String> DPO_EMAIL = line("dpo.email", 254)
      .rule(value -> value.matches("[^@\\s]{1,64}@[A-Za-z0-9.-]{1,189}\\.[A-Za-z]{2,}") && !value.contains(".."),
          "Ange en giltig e-postadress, t.ex. dataskyddsombud@kommun.se.");
  static final Field<String> DPO_PHONE = line("dpo.phone", 30)
      .rule(value -> value.matches("\\+?[0-9][0-9 ()-]{4,29}"), "Ange ett telefonnummer med siffror, t.ex. 010-123 45 00.");
  static final Field<String> RETENTION_PERIOD = Field.text("retentionPeriod", 20);

  static final List<String> FIELDS = List.of("id", NAME.name(), ORGANISATION_NUMBER.name(),
      POSTAL_ADDRESS.name(), "dpo", RETENTION_PERIOD.name());
  static final List<String> DPO_FIELDS = List.of("name", "email", "phone");

  private ControllerInput() {}

  /** The controller the body describes, for the id in the path; 400 with every bad field. */
  public static DataController read(String id, Map<String, Object> body) {
    List<FieldError> errors = new ArrayList<>();
    if (id == null || !id.matches(ControllerRegistry.ID_PATTERN)) {
      errors.add(new FieldError("id", "Id:t ska vara 1–32 tecken: små bokstäver a–z, siffror, - eller _, och "
          + "börja med en bokstav eller siffra (det blir en del av gruppernas namn, t.ex. coordinator-bun)."));
    }
    if (body == null) {
      errors.add(new FieldError("body", "Skicka nämnden eller bolaget som ett JSON-objekt."));
      throw new InvalidInputException(TITLE, errors);
    }
    FormReader in = new FormReader(body::get);
    in.errors(errors);
    in.errors(FieldError.unknown(body.keySet(), FIELDS, "Fältet finns inte för en nämnd eller ett bolag"));
    if (body.get("id") != null && !body.get("id").equals(id)) {
      in.errors(List.of(new FieldError("id", "Id:t i texten ska vara detsamma som i adressen (" + id + ").")));
    }
    String name = in.required(NAME, "Ange nämndens eller bolagets namn.");
    String organisationNumber = in.required(ORGANISATION_NUMBER, "Ange organisationsnumret (NNNNNN-NNNN).");
    String postalAddress = in.required(POSTAL_ADDRESS, "Ange postadressen.");
    String retentionText = in.read(RETENTION_PERIOD);
    Period retention = retentionText == null ? null : period(in, retentionText);
    DataController.Dpo dpo = null;
    Object rawDpo = body.get("dpo");
    if (rawDpo == null) {
      in.errors(List.of(new FieldError("dpo", "Ange dataskyddsombudets namn, e-postadress och telefonnummer.")));
    } else if (!(rawDpo instanceof Map<?, ?> dpoBody)) {
      in.errors(List.of(new FieldError("dpo", "Dataskyddsombudet ska vara ett objekt med name, email och phone.")));
    } else {
      List<String> sent = dpoBody.keySet().stream().map(String::valueOf).toList();
      in.errors(FieldError.unknown(sent, DPO_FIELDS, "Fältet finns inte för dataskyddsombudet").stream()
          .map(error -> new FieldError("dpo." + error.field(), error.reason())).toList());
      FormReader dpoIn = new FormReader(key -> dpoBody.get(key.substring("dpo.".length())));
      dpo = new DataController.Dpo(dpoIn.required(DPO_NAME, "Ange dataskyddsombudets namn."),
          dpoIn.required(DPO_EMAIL, "Ange dataskyddsombudets e-postadress."),
          dpoIn.required(DPO_PHONE, "Ange dataskyddsombudets telefonnummer."));
      in.errors(dpoIn.collected());
    }
    in.throwIfInvalid(TITLE);
    return new DataController(id, name, organisationNumber, postalAddress, dpo, retention);
  }

  /** A text on one line (no line breaks or other control characters) of at most {@code max} characters. */
  private static Field<String> line(String name, int max) {
    return Field.text(name, max).rule(value -> value.chars().noneMatch(Character::isISOControl),
        "Texten får inte innehålla radbrytningar eller andra styrtecken.");
  }

  /**
   * An ISO-8601 period of whole years, months, weeks or days ({@code P10Y}, {@code P18M}), from a month to a
   * hundred years; null when it cannot be read (the reader then has the error).
   */
  private static Period period(FormReader in, String text) {
    String reason = "Ange gallringsfristen som en ISO-8601-period mellan en månad och hundra år, t.ex. P10Y "
        + "(tio år) eller P18M (arton månader).";
    Period period;
    try {
      period = Period.parse(text);
      LocalDate base = LocalDate.of(2000, 1, 1);
      if (period.getYears() < 0 || period.getMonths() < 0 || period.getDays() < 0
          || base.plus(period).isBefore(base.plus(SHORTEST)) || base.plus(period).isAfter(base.plus(LONGEST))) {
        period = null;
      }
    } catch (DateTimeException | ArithmeticException e) {
      period = null;
    }
    if (period == null) {
      in.error(RETENTION_PERIOD, reason);
    }
    return period;
  }
}
