package se.breachflow.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;


/**
 * Reads submitted values (a form's variables or an API body) as typed variables and collects every bad
 * field instead of stopping at the first. Forms validate only in the browser; this is the real check.
 */
public final class FormReader {

  private final Function<String, Object> values;
  private final Predicate<String> present;
  private final List<FieldError> errors = new ArrayList<>();

  /** Values where an absent field and an empty one are the same. */
  public FormReader(Function<String, Object> values) {
    this(values, name -> values.apply(name) != null);
  }

  /** @param present whether the submission has the field at all (also when it is empty) */
  public FormReader(Function<String, Object> values, Predicate<String> present) {
    this.values = values;
    this.present = present;
  }

  /** Whether the submission has the field, even empty: a form sends every field it shows. */
  public boolean has(String name) {
    return present.test(name);
  }

  /** The value as submitted, unread (for a check that reads the same submission with another reader). */
  public Object raw(String name) {
    return values.apply(name);
  }

  public <T> T read(Field<T> variable) {
    try {
      return variable.read(values.apply(variable.name()));
    } catch (InvalidFieldException e) {
      error(variable, e.reason());
      return null;
    } catch (ClassCastException e) {
      error(variable, "Värdet för " + variable.name() + " kan inte läsas: fel typ.");
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

  /** The errors collected so far. */
  public List<FieldError> collected() {
    return List.copyOf(errors);
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  public boolean hasError(Field<?> variable) {
    return errors.stream().anyMatch(e -> e.field().equals(variable.name()));
  }

  /** Throws with every collected error, if there is any. */
  public void throwIfInvalid(String title) {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(title, errors);
    }
  }
}
