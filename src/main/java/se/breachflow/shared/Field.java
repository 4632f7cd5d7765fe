package se.breachflow.shared;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One typed field of a form or of the API: its name (the form's key, the JSON name) and how a submitted value is
 * read as its Java type, once, with a Swedish reason for a value that cannot be. Values are plain Java: text
 * (ISO-8601 for times, JSON array text or comma-separated names for sets), booleans, numbers, dates, lists of
 * text. (workflow/VariableBoundary turns the engine's typed values into these.)
 *
 * @param <T> the Java type of the value
 */
public final class Field<T> {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The longest text any field takes unless it says otherwise (the columns of free texts hold as much). */
  public static final int MAX_TEXT = 20_000;

  private final String name;
  private final Function<Object, T> reader;
  private final Class<? extends Enum<?>> options;
  private final int maxLength;

  private Field(String name, Function<Object, T> reader) {
    this(name, reader, null, 0);
  }

  private Field(String name, Function<Object, T> reader, Class<? extends Enum<?>> options) {
    this(name, reader, options, 0);
  }

  private Field(String name, Function<Object, T> reader, Class<? extends Enum<?>> options, int maxLength) {
    this.name = name;
    this.reader = reader;
    this.options = options;
    this.maxLength = maxLength;
  }

  public String name() {
    return name;
  }

  /** The longest text the field takes; 0 when it is not a text. */
  public int maxLength() {
    return maxLength;
  }

  /**
   * The same field with a rule every value must follow; a value that does not is refused with the reason, as
   * it is written (a Swedish sentence).
   */
  public Field<T> rule(Predicate<T> holds, String reason) {
    Function<Object, T> base = reader;
    return new Field<>(name, raw -> {
      T value = base.apply(raw);
      if (value != null && !holds.test(value)) {
        throw new InvalidFieldException(name, reason, true);
      }
      return value;
    }, options, maxLength);
  }

  /** The values a form offers for this field, in order: the constants of its enum; empty if it has none. */
  public List<Enum<?>> options() {
    return options == null ? List.of() : List.of(options.getEnumConstants());
  }

  /** The value, or null when it is absent or empty. */
  public T read(Object raw) {
    if (raw == null || (raw instanceof String s && s.isBlank())) {
      return null;
    }
    return reader.apply(raw);
  }

  @Override
  public String toString() {
    return name;
  }

  /**
   * A text: a string, nothing else (a number, a list or an object is a wrong type, not a text). NUL cannot
   * be stored in PostgreSQL's text types; it is refused here rather than failing at commit.
   */
  public static Field<String> string(String name) {
    return new Field<>(name, raw -> {
      if (!(raw instanceof CharSequence text)) {
        throw new InvalidFieldException(name, "ska vara en text");
      }
      if (text.chars().anyMatch(c -> c == 0)) {
        throw new InvalidFieldException(name, "innehåller ett otillåtet tecken (NUL)");
      }
      return text.toString().strip();
    });
  }

  /** A text of at most {@code maxLength} characters. */
  public static Field<String> text(String name, int maxLength) {
    Field<String> text = string(name).rule(value -> value.length() <= maxLength,
        "Texten är för lång (högst " + maxLength + " tecken).");
    return new Field<>(name, text.reader, null, maxLength);
  }

  /** A whole number of at least {@code min}. */
  public static Field<Integer> integer(String name, int min) {
    return integer(name).rule(value -> value >= min, "Ange ett tal som är minst " + min + ".");
  }

  public static Field<Boolean> bool(String name) {
    return new Field<>(name, raw -> {
      if (raw instanceof Boolean b) {
        return b;
      }
      return switch (raw.toString().strip()) {
        case "true" -> true;
        case "false" -> false;
        default -> throw new InvalidFieldException(name, "ska vara sant eller falskt (true/false)");
      };
    });
  }

  public static Field<Integer> integer(String name) {
    return new Field<>(name, raw -> {
      if (raw instanceof Number n) {
        if (n.doubleValue() != Math.rint(n.doubleValue()) || Math.abs(n.doubleValue()) > Integer.MAX_VALUE) {
          throw new InvalidFieldException(name, "ska vara ett heltal");
        }
        return n.intValue();
      }
      try {
        return Integer.valueOf(raw.toString().strip());
      } catch (NumberFormatException e) {
        throw new InvalidFieldException(name, "ska vara ett heltal");
      }
    });
  }

  /**
   * A point in time: a Date, or an ISO-8601 string with offset (or without, read as Stockholm time), within
   * the years {@link Times#EARLIEST} to {@link Times#LATEST}: ISO-8601 allows years of nine digits, which
   * neither {@link Date} nor the database can hold.
   */
  public static Field<Instant> instant(String name) {
    return new Field<>(name, raw -> {
      Instant instant;
      if (raw instanceof Date d) {
        instant = d.toInstant();
      } else if (raw instanceof CharSequence chars) {
        instant = parseInstant(name, chars.toString().strip());
      } else {
        throw new InvalidFieldException(name, "är inte en giltig tidpunkt");
      }
      if (!Times.isWithinRange(instant)) {
        throw new InvalidFieldException(name, "ligger utanför åren " + Times.EARLIEST.getYear() + "–"
            + Times.LATEST.getYear());
      }
      return instant;
    });
  }

  private static Instant parseInstant(String name, String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(text).atZone(Times.STOCKHOLM).toInstant();
      } catch (java.time.DateTimeException e) {
        throw new InvalidFieldException(name, "är inte en giltig tidpunkt");
      }
    } catch (java.time.DateTimeException outOfRange) {
      throw new InvalidFieldException(name, "är inte en giltig tidpunkt");
    }
  }

  public static <E extends Enum<E>> Field<E> enumeration(String name, Class<E> type) {
    return new Field<>(name, raw -> {
      if (raw instanceof Enum<?> value && type.isInstance(value)) {
        return type.cast(value);
      }
      if (!(raw instanceof CharSequence text)) {
        throw new InvalidFieldException(name, "ska vara ett av värdena " + allowed(type));
      }
      return parse(name, type, text.toString().strip());
    }, type);
  }

  /**
   * A set of enum values, stored as a JSON array (what a checklist in a Camunda Form submits). Read from a
   * JSON array of strings, a collection of strings, JSON array text, or comma-separated names; anything else
   * (numbers, nulls, objects, nested lists, text that is not JSON) is refused, naming the variable.
   */
  public static <E extends Enum<E>> Field<Set<E>> enumSet(String name, Class<E> type) {
    return new Field<>(name, raw -> {
      EnumSet<E> values = EnumSet.noneOf(type);
      if (raw instanceof Collection<?> collection) {
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
    }, type);
  }

  private static <E extends Enum<E>> void readJson(String name, Class<E> type, JsonNode node, Set<E> values) {
    if (!node.isArray()) {
      throw notAList(name, type);
    }
    for (JsonNode element : node) {
      if (!element.isTextual()) {
        throw notAList(name, type);
      }
      values.add(parse(name, type, element.textValue()));
    }
  }

  private static JsonNode json(String name, Class<? extends Enum<?>> type, String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException notJson) {
      // The parser's message quotes the text; the field's name is enough.
      throw notAList(name, type);
    }
  }

  private static InvalidFieldException notAList(String name, Class<? extends Enum<?>> type) {
    return new InvalidFieldException(name, "ska vara en lista med ett eller flera av värdena " + allowed(type));
  }

  private static String allowed(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
  }

  private static <E extends Enum<E>> E parse(String name, Class<E> type, String value) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(name, "har ett okänt värde: " + Echo.of(value));
    }
  }
}
