package se.breachflow.organisation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The controllers, as stored in the database ({@link ControllerStore}; the configuration only seeds it). Reads
 * are served from a copy that is checked against the table's version row on every read: one primary-key lookup,
 * so that every node of a cluster sees a change made on another at its next read (docs/adr/0020).
 *
 * <p>{@link #ControllerRegistry(List)} is a fixed list, for code and tests without a database.
 */
public class ControllerRegistry {

  /** A controller's id: part of group names ({@code coordinator-<id>}) and of every incident record. */
  public static final String ID_PATTERN = "[a-z0-9][a-z0-9_-]{0,31}";

  private final ControllerStore store;
  private volatile Snapshot snapshot;

  /** A fixed list of controllers, checked as the configuration is. */
  public ControllerRegistry(List<DataController> controllers) {
    this.store = null;
    this.snapshot = new Snapshot(null, byId(controllers == null ? List.of() : controllers));
  }

  ControllerRegistry(ControllerStore store) {
    this.store = store;
  }

  public List<DataController> all() {
    return List.copyOf(current().byId().values());
  }

  public Optional<DataController> find(String id) {
    return Optional.ofNullable(id == null ? null : current().byId().get(id));
  }

  private Snapshot current() {
    Snapshot copy = snapshot;
    if (store == null) {
      return copy;
    }
    String version = store.version();
    if (copy == null || !version.equals(copy.version())) {
      // The version first, then the rows: a change committed in between makes the copy look old at the next
      // read, never new.
      copy = new Snapshot(version, byId(store.all()));
      snapshot = copy;
    }
    return copy;
  }

  /** The controllers by id, in order; refuses an id that cannot be part of a group name, or one used twice. */
  static Map<String, DataController> byId(List<DataController> controllers) {
    Map<String, DataController> byId = new LinkedHashMap<>();
    for (DataController controller : controllers) {
      if (controller.id() == null || !controller.id().matches(ID_PATTERN)) {
        throw new IllegalStateException("breachflow.controllers: the id '" + controller.id()
            + "' must be 1-32 lower-case letters, digits, '-' or '_' (it is part of group names)");
      }
      if (byId.putIfAbsent(controller.id(), controller) != null) {
        throw new IllegalStateException("breachflow.controllers: the id '" + controller.id() + "' is used twice");
      }
    }
    return byId;
  }

  private record Snapshot(String version, Map<String, DataController> byId) {}
}
