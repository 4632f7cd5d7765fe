package se.breachflow.workflow;

import java.time.Instant;
import java.util.Date;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.VariableScope;

import se.breachflow.shared.Field;

/**
 * One typed variable of the process: read from the engine's scope as its field reads a value, written in the
 * engine's shape (a {@link Date} for a time, an enum's name).
 *
 * @param <T> the Java type of the value
 */
final class ProcessVariable<T> {

  private final Field<T> field;
  private final Function<T, Object> writer;

  private ProcessVariable(Field<T> field, Function<T, Object> writer) {
    this.field = field;
    this.writer = writer;
  }

  static ProcessVariable<String> string(String name) {
    return new ProcessVariable<>(Field.string(name), value -> value);
  }

  static ProcessVariable<Boolean> bool(String name) {
    return new ProcessVariable<>(Field.bool(name), value -> value);
  }

  static ProcessVariable<Instant> instant(String name) {
    return new ProcessVariable<>(Field.instant(name), Date::from);
  }

  static <E extends Enum<E>> ProcessVariable<E> enumeration(String name, Class<E> type) {
    return new ProcessVariable<>(Field.enumeration(name, type), Enum::name);
  }

  String name() {
    return field.name();
  }

  /** The value, or null when the variable is absent or empty. */
  T get(VariableScope scope) {
    return field.read(scope.getVariable(field.name()));
  }

  void set(VariableScope scope, T value) {
    scope.setVariable(field.name(), value == null ? null : writer.apply(value));
  }

  @Override
  public String toString() {
    return field.name();
  }
}
