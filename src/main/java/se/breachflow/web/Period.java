package se.breachflow.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import se.breachflow.shared.Times;
import se.breachflow.shared.FieldError;
import se.breachflow.shared.InvalidInputException;

/**
 * A period of whole days in Stockholm, {@code from} and {@code to} inclusive (ISO dates); either may be open.
 * The one reading of the API's {@code from}/{@code to} parameters.
 *
 * @param first the first day, or null
 * @param last the last day (inclusive), or null
 */
public record Period(LocalDate first, LocalDate last) {

  /** The period of the request parameters; an {@link InvalidInputException} naming {@code from}/{@code to}. */
  public static Period parse(String from, String to) {
    List<FieldError> errors = new ArrayList<>();
    LocalDate first = date("from", from, errors);
    LocalDate last = date("to", to, errors);
    if (first != null && last != null && last.isBefore(first)) {
      errors.add(new FieldError("to", "Slutdatumet kan inte ligga före startdatumet."));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException("Ogiltig period", errors);
    }
    return new Period(first, last);
  }

  /** The first moment of the period, or null. */
  public Instant start() {
    return first == null ? null : first.atStartOfDay(Times.STOCKHOLM).toInstant();
  }

  /** The first moment after the period, or null. */
  public Instant end() {
    return last == null ? null : last.plusDays(1).atStartOfDay(Times.STOCKHOLM).toInstant();
  }

  private static LocalDate date(String field, String value, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "Ange ett datum som ÅÅÅÅ-MM-DD."));
      return null;
    }
    if (!Times.isWithinRange(date)) {
      // ISO-8601 allows years such as -999999999, which no database query can use.
      errors.add(new FieldError(field, "Ange ett datum mellan " + Times.EARLIEST + " och " + Times.LATEST + "."));
      return null;
    }
    return date;
  }
}
