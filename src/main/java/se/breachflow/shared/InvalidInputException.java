package se.breachflow.shared;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that was refused, with every bad field. The API answers 400 application/problem+json; in Tasklist
 * the message (Swedish) is shown on the form, which keeps what the person typed.
 */
public class InvalidInputException extends RuntimeException {

  private final String title;
  private final List<FieldError> errors;

  public InvalidInputException(String title, List<FieldError> errors) {
    super(title + ": " + errors.stream().map(FieldError::reason).collect(Collectors.joining(" ")));
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  /** What could not be done, e.g. "Rapporten kunde inte registreras". */
  public String title() {
    return title;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
