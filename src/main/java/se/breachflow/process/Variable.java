package se.breachflow.process;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;

import se.breachflow.web.Times;

/**
 * One typed process variable. Values arrive in the shapes Tasklist's forms submit (ISO strings for
 * datetimes, Spin JSON for checklists, any Number for numbers) and are read back as Java types here, once.
 *
 * @param <T> the Java type of the value
 */
public final class Variable<T> {

  private final String name;
  private final Function<Object, T> reader;
  private final Function<T, Object> writer;

  private Variable(String name, Function<Object, T> reader, Function<T, Object> writer) {
    this.name = name;
    this.reader = reader;
    this.writer = writer;
  }

  public String name() {
    return name;
  }

  /** The value, or null when the variable is absent or empty. */
  public T get(VariableScope scope) {
    return read(scope.getVariable(name));
  }

  public T read(Object raw) {
    if (raw == null || (raw instanceof String s && s.isBlank())) {
      return null;
    }
    return reader.apply(raw);
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value == null ? null : writer.apply(value));
  }

  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, value == null ? null : writer.apply(value));
  }

  /** The value in the form in which the engine stores it (for starting a process over the API). */
  public Object toEngineValue(T value) {
    return value == null ? null : writer.apply(value);
  }

  @Override
  public String toString() {
    return name;
  }

  static Variable<String> string(String name) {
    return new Variable<>(name, raw -> raw.toString().strip(), v -> v);
  }

  static Variable<Boolean> bool(String name) {
    return new Variable<>(name, raw -> {
      if (raw instanceof Boolean b) {
        return b;
      }
      return switch (raw.toString().strip()) {
        case "true" -> true;
        case "false" -> false;
        default -> throw new InvalidVariableException(name, "ska vara sant eller falskt (true/false)");
      };
    }, v -> v);
  }

  static Variable<Integer> integer(String name) {
    return new Variable<>(name, raw -> {
      if (raw instanceof Number n) {
        if (n.doubleValue() != Math.rint(n.doubleValue()) || Math.abs(n.doubleValue()) > Integer.MAX_VALUE) {
          throw new InvalidVariableException(name, "ska vara ett heltal");
        }
        return n.intValue();
      }
      try {
        return Integer.valueOf(raw.toString().strip());
      } catch (NumberFormatException e) {
        throw new InvalidVariableException(name, "ska vara ett heltal");
      }
    }, v -> v);
  }

  /** A point in time: a Date, or an ISO-8601 string with offset (or without, read as Stockholm time). */
  static Variable<Instant> instant(String name) {
    return new Variable<>(name, raw -> {
      if (raw instanceof Date d) {
        return d.toInstant();
      }
      String text = raw.toString().strip();
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException withoutOffset) {
        try {
          return LocalDateTime.parse(text).atZone(Times.STOCKHOLM).toInstant();
        } catch (DateTimeParseException e) {
          throw new InvalidVariableException(name, "är inte en giltig tidpunkt");
        }
      }
    }, Date::from);
  }

  static <E extends Enum<E>> Variable<E> enumeration(String name, Class<E> type) {
    return new Variable<>(name, raw -> parse(name, type, raw.toString().strip()), Enum::name);
  }

  /** A set of enum values, stored as a JSON array (what a checklist in a Camunda Form submits). */
  static <E extends Enum<E>> Variable<Set<E>> enumSet(String name, Class<E> type) {
    return new Variable<>(name, raw -> {
      EnumSet<E> values = EnumSet.noneOf(type);
      if (raw instanceof SpinJsonNode node) {
        if (!node.isArray()) {
          throw new InvalidVariableException(name, "ska vara en lista");
        }
        node.elements().forEach(element -> values.add(parse(name, type, element.stringValue())));
      } else if (raw instanceof Collection<?> collection) {
        collection.forEach(element -> values.add(parse(name, type, Objects.toString(element))));
      } else {
        String text = raw.toString().strip();
        if (text.startsWith("[")) {
          return read(name, type, org.camunda.spin.Spin.JSON(text));
        }
        for (String part : text.split(",")) {
          if (!part.isBlank()) {
            values.add(parse(name, type, part.strip()));
          }
        }
      }
      return values;
    }, values -> SpinValues.jsonValue(toJson(values)).create());
  }

  private static <E extends Enum<E>> Set<E> read(String name, Class<E> type, SpinJsonNode node) {
    return enumSet(name, type).read(node);
  }

  private static String toJson(Set<? extends Enum<?>> values) {
    StringBuilder json = new StringBuilder("[");
    for (Enum<?> value : values) {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append('"').append(value.name()).append('"');
    }
    return json.append(']').toString();
  }

  private static <E extends Enum<E>> E parse(String name, Class<E> type, String value) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new InvalidVariableException(name, "har ett okänt värde: " + value);
    }
  }
}
