package se.breachflow.shared;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records by the names of their components: made from values by name, and read as values by name. This is what
 * lets a new component of a record reach the table, the audit trail and the API without a line more.
 */
public final class Records {

  private Records() {}

  /** The record with each component's value by name; a missing boolean is false, a missing number 0. */
  public static <R extends Record> R create(Class<R> type, Map<String, ?> values) {
    RecordComponent[] components = type.getRecordComponents();
    Object[] arguments = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      Object value = values.get(components[i].getName());
      arguments[i] = value != null ? value : defaultOf(components[i].getType());
    }
    try {
      return constructor(type).newInstance(arguments);
    } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("Cannot make a " + type.getSimpleName() + " of " + values.keySet(), e);
    }
  }

  /** A copy of the record with one component's value changed. */
  public static <R extends Record> R with(R record, String component, Object value) {
    Map<String, Object> values = values(record);
    if (!values.containsKey(component)) {
      throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no component " + component);
    }
    values.put(component, value);
    @SuppressWarnings("unchecked")
    Class<R> type = (Class<R>) record.getClass();
    return create(type, values);
  }

  /** The record's components' values by name, in their declared order (null values included). */
  public static Map<String, Object> values(Record record) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      try {
        values.put(component.getName(), component.getAccessor().invoke(record));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException(e);
      }
    }
    return values;
  }

  /** The canonical constructor. */
  public static <R extends Record> Constructor<R> constructor(Class<R> type) {
    try {
      return type.getDeclaredConstructor(
          Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("A record has its canonical constructor", e);
    }
  }

  private static Object defaultOf(Class<?> type) {
    if (type == boolean.class) {
      return false;
    }
    if (type == int.class) {
      return 0;
    }
    if (type == long.class) {
      return 0L;
    }
    return null;
  }
}
