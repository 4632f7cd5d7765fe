package se.breachflow.register;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import se.breachflow.web.FieldError;
import se.breachflow.web.InvalidInputException;
import se.breachflow.web.Times;

/**
 * A period of whole days in Stockholm, {@code from} and {@code to} inclusive (ISO dates); either may be open.
 *
 * @param start inclusive, or null
 * @param end exclusive, or null
 */
record Period(Instant start, Instant end) {

  static Period parse(String from, String to) {
    List<FieldError> errors = new ArrayList<>();
    LocalDate first = date("from", from, errors);
    LocalDate last = date("to", to, errors);
    if (first != null && last != null && last.isBefore(first)) {
      errors.add(new FieldError("to", "Slutdatumet kan inte ligga före startdatumet."));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException("Ogiltig period", errors);
    }
    return new Period(first == null ? null : first.atStartOfDay(Times.STOCKHOLM).toInstant(),
        last == null ? null : last.plusDays(1).atStartOfDay(Times.STOCKHOLM).toInstant());
  }

  private static LocalDate date(String field, String value, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "Ange ett datum som ÅÅÅÅ-MM-DD."));
      return null;
    }
  }
}
