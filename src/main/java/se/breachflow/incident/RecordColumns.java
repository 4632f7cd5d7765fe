package se.breachflow.incident;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.ResolvableType;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.support.JdbcUtils;

import se.breachflow.shared.Records;

/**
 * A record's components as columns of a row, by name: the component {@code occurredAt} is the column
 * {@code occurred_at} and the SQL parameter {@code :occurredAt}. A new component needs its column (a migration)
 * and nothing here. Reading converts what the driver returns with Spring's conversion service (a timestamp to an
 * {@link Instant}, an enum's name to the enum, comma-separated names to a set of enums); writing gives JDBC what
 * it binds: an enum's name, a set's sorted names joined by commas, an instant in UTC.
 *
 * @param <R> the record
 */
public final class RecordColumns<R extends Record> {

  private static final ConversionService CONVERSION = DefaultConversionService.getSharedInstance();

  private final Constructor<R> constructor;
  private final RecordComponent[] components;
  private final TypeDescriptor[] types;
  private final Set<String> skipped;

  private RecordColumns(Class<R> type, Set<String> skipped) {
    this.components = type.getRecordComponents();
    this.skipped = skipped;
    this.types = Arrays.stream(components)
        .map(c -> new TypeDescriptor(ResolvableType.forType(c.getGenericType()), null, null))
        .toArray(TypeDescriptor[]::new);
    this.constructor = Records.constructor(type);
  }

  public static <R extends Record> RecordColumns<R> of(Class<R> type) {
    return new RecordColumns<>(type, Set.of());
  }

  /** All components but those named: they are written elsewhere (another record shares their columns). */
  public static <R extends Record> RecordColumns<R> except(Class<R> type, String... components) {
    return new RecordColumns<>(type, Set.of(components));
  }

  public static String column(String component) {
    return JdbcUtils.convertPropertyNameToUnderscoreName(component);
  }

  /** The components this writes, by name. */
  public List<String> names() {
    return Arrays.stream(components).map(RecordComponent::getName).filter(name -> !skipped.contains(name)).toList();
  }

  /** {@code a, b_c} for an insert's column list. */
  public String columns() {
    return names().stream().map(RecordColumns::column).collect(Collectors.joining(", "));
  }

  /** {@code :a, :bC} for an insert's values. */
  public String parameters() {
    return names().stream().map(name -> ":" + name).collect(Collectors.joining(", "));
  }

  /** {@code a = :a, b_c = :bC} for an update. */
  public String assignments() {
    return names().stream().map(name -> column(name) + " = :" + name).collect(Collectors.joining(", "));
  }

  /** Adds the record's values as parameters. */
  public MapSqlParameterSource write(R value, MapSqlParameterSource into) {
    Records.values(value).forEach((name, component) -> {
      if (!skipped.contains(name)) {
        into.addValue(name, jdbcValue(component));
      }
    });
    return into;
  }

  /** The record from the row's columns (every component, also the skipped ones). */
  public R read(ResultSet rs) throws SQLException {
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      Object raw = rs.getObject(column(components[i].getName()));
      values[i] = raw == null ? null : CONVERSION.convert(raw, TypeDescriptor.forObject(raw), types[i]);
    }
    try {
      return constructor.newInstance(values);
    } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("Cannot make a " + constructor.getDeclaringClass().getSimpleName()
          + " of the row", e);
    }
  }

  private static Object jdbcValue(Object value) {
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    if (value instanceof Collection<?> values) {
      return values.stream().map(v -> v instanceof Enum<?> e ? e.name() : v.toString()).sorted()
          .collect(Collectors.joining(","));
    }
    if (value instanceof Instant instant) {
      return instant.atOffset(ZoneOffset.UTC);
    }
    return value;
  }
}
