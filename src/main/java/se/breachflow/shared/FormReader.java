package se.breachflow.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import se.breachflow.shared.FieldError;
import se.breachflow.shared.InvalidInputException;
import se.breachflow.shared.Field;

/**
 * Reads submitted values (a form's variables or an API body) as typed variables and collects every bad
 * field instead of stopping at the first. Forms validate only in the browser; this is the real check.
 */
public final class FormReader {

  private final Function<String, Object> values;
  private final List<FieldError> errors = new ArrayList<>();

  public FormReader(Function<String, Object> values) {
    this.values = values;
  }

  /** The value as submitted, unread (for a check that reads the same submission with another reader). */
  public Object raw(String name) {
    return values.apply(name);
  }

  public <T> T read(Field<T> variable) {
    try {
      return variable.read(values.apply(variable.name()));
    } catch (InvalidFieldException | ClassCastException e) {
      error(variable, "Värdet för " + variable.name() + " kan inte läsas: "
          + (e instanceof InvalidFieldException ? e.getMessage() : "fel typ") + ".");
      return null;
    }
  }

  /** The value, or an error with the given Swedish reason when it is missing. */
  public <T> T required(Field<T> variable, String reasonWhenMissing) {
    T value = read(variable);
    if (value == null && !hasError(variable)) {
      error(variable, reasonWhenMissing);
    }
    return value;
  }

  public void error(Field<?> variable, String reason) {
    errors.add(new FieldError(variable.name(), reason));
  }

  /** Adds errors found by another check of the same submission. */
  public void errors(List<FieldError> more) {
    errors.addAll(more);
  }

  public boolean hasError(Field<?> variable) {
    return errors.stream().anyMatch(e -> e.field().equals(variable.name()));
  }

  public void maxLength(Field<?> variable, String text, int max) {
    if (text != null && text.length() > max) {
      error(variable, "Texten är för lång (högst " + max + " tecken).");
    }
  }

  /** Throws with every collected error, if there is any. */
  public void throwIfInvalid(String title) {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(title, errors);
    }
  }
}
