package se.breachflow.process;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;

import se.breachflow.web.Echo;
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

  /**
   * A text: a string, nothing else (a number, a list or an object is a wrong type, not a text). NUL cannot
   * be stored in PostgreSQL's text types; it is refused here rather than failing at commit.
   */
  static Variable<String> string(String name) {
    return new Variable<>(name, raw -> {
      if (!(raw instanceof CharSequence text)) {
        throw new InvalidVariableException(name, "ska vara en text");
      }
      if (text.chars().anyMatch(c -> c == 0)) {
        throw new InvalidVariableException(name, "innehåller ett otillåtet tecken (NUL)");
      }
      return text.toString().strip();
    }, v -> v);
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

  /**
   * A point in time: a Date, or an ISO-8601 string with offset (or without, read as Stockholm time), within
   * the years {@link Times#EARLIEST} to {@link Times#LATEST}: ISO-8601 allows years of nine digits, which
   * neither {@link Date} nor the database can hold.
   */
  static Variable<Instant> instant(String name) {
    return new Variable<>(name, raw -> {
      Instant instant;
      if (raw instanceof Date d) {
        instant = d.toInstant();
      } else if (raw instanceof CharSequence chars) {
        instant = parseInstant(name, chars.toString().strip());
      } else {
        throw new InvalidVariableException(name, "är inte en giltig tidpunkt");
      }
      if (!Times.isWithinRange(instant)) {
        throw new InvalidVariableException(name, "ligger utanför åren " + Times.EARLIEST.getYear() + "–"
            + Times.LATEST.getYear());
      }
      return instant;
    }, Date::from);
  }

  private static Instant parseInstant(String name, String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(text).atZone(Times.STOCKHOLM).toInstant();
      } catch (java.time.DateTimeException e) {
        throw new InvalidVariableException(name, "är inte en giltig tidpunkt");
      }
    } catch (java.time.DateTimeException outOfRange) {
      throw new InvalidVariableException(name, "är inte en giltig tidpunkt");
    }
  }

  static <E extends Enum<E>> Variable<E> enumeration(String name, Class<E> type) {
    return new Variable<>(name, raw -> {
      if (raw instanceof Enum<?> value && type.isInstance(value)) {
        return type.cast(value);
      }
      if (!(raw instanceof CharSequence text)) {
        throw new InvalidVariableException(name, "ska vara ett av värdena " + allowed(type));
      }
      return parse(name, type, text.toString().strip());
    }, Enum::name);
  }

  /**
   * A set of enum values, stored as a JSON array (what a checklist in a Camunda Form submits). Read from a
   * JSON array of strings, a collection of strings, JSON array text, or comma-separated names; anything else
   * (numbers, nulls, objects, nested lists, text that is not JSON) is refused, naming the variable.
   */
  static <E extends Enum<E>> Variable<Set<E>> enumSet(String name, Class<E> type) {
    return new Variable<>(name, raw -> {
      EnumSet<E> values = EnumSet.noneOf(type);
      if (raw instanceof SpinJsonNode node) {
        readJson(name, type, node, values);
      } else if (raw instanceof Collection<?> collection) {
        for (Object element : collection) {
          if (!(element instanceof CharSequence text)) {
            throw notAList(name, type);
          }
          values.add(parse(name, type, text.toString().strip()));
        }
      } else if (raw instanceof CharSequence chars) {
        String text = chars.toString().strip();
        if (text.startsWith("[")) {
          readJson(name, type, json(name, type, text), values);
        } else {
          for (String part : text.split(",")) {
            if (!part.isBlank()) {
              values.add(parse(name, type, part.strip()));
            }
          }
        }
      } else {
        throw notAList(name, type);
      }
      return values;
    }, values -> SpinValues.jsonValue(toJson(values)).create());
  }

  private static <E extends Enum<E>> void readJson(String name, Class<E> type, SpinJsonNode node, Set<E> values) {
    if (!node.isArray()) {
      throw notAList(name, type);
    }
    for (SpinJsonNode element : node.elements()) {
      if (!element.isString()) {
        throw notAList(name, type);
      }
      values.add(parse(name, type, element.stringValue()));
    }
  }

  private static SpinJsonNode json(String name, Class<? extends Enum<?>> type, String text) {
    try {
      return Spin.JSON(text);
    } catch (RuntimeException notJson) {
      // Spin's parse errors (SpinJsonException and its kin) carry the text; the variable's name is enough.
      throw notAList(name, type);
    }
  }

  private static InvalidVariableException notAList(String name, Class<? extends Enum<?>> type) {
    return new InvalidVariableException(name, "ska vara en lista med ett eller flera av värdena " + allowed(type));
  }

  private static String allowed(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
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
      throw new InvalidVariableException(name, "har ett okänt värde: " + Echo.of(value));
    }
  }
}
