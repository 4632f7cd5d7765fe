package se.breachflow.access.oidc;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Writes who signed in, with their name, address and roles, into the engine's user and group tables, so that
 * everything that reads the identity service (names in documents and Tasklist, the members of a role who get
 * notified, the engine's group checks) sees the provider's word as of the latest login or bearer request. The
 * only writer of those tables in {@code oidc}: it uses the engine's own table code inside an engine command, so
 * the rows are exactly those the engine writes itself. A role that someone no longer has is taken away.
 */
public class OidcDirectory {

  private final ProcessEngineConfigurationImpl engine;

  public OidcDirectory(ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
  }

  /** Idempotent; writes only what differs, so a repeated login or token costs reads only. */
  public void record(SignedInUser user) {
    try {
      write(user);
    } catch (RuntimeException concurrentFirstLogin) {
      // Two requests of someone new (or changed) at once: one inserted the rows, the other now only reads them.
      write(user);
    }
  }

  private void write(SignedInUser user) {
    engine.getCommandExecutorTxRequired().execute((CommandContext context) -> {
      context.disableAuthorizationCheck();
      try {
        update(new DbIdentityServiceProvider(), user);
      } finally {
        context.enableAuthorizationCheck();
      }
      return null;
    });
  }

  private static void update(DbIdentityServiceProvider tables, SignedInUser user) {
    UserEntity existing = tables.findUserById(user.id());
    String[] name = firstAndLast(user.name() == null ? user.id() : user.name());
    if (existing == null) {
      UserEntity created = tables.createNewUser(user.id());
      created.setFirstName(name[0]);
      created.setLastName(name[1]);
      created.setEmail(user.email());
      tables.saveUser(created);
    } else if (!Objects.equals(existing.getFirstName(), name[0]) || !Objects.equals(existing.getLastName(), name[1])
        || !Objects.equals(existing.getEmail(), user.email())) {
      existing.setFirstName(name[0]);
      existing.setLastName(name[1]);
      existing.setEmail(user.email());
      tables.saveUser(existing);
    }
    Set<String> current = tables.createGroupQuery().groupMember(user.id()).list().stream().map(Group::getId)
        .collect(Collectors.toCollection(HashSet::new));
    for (String role : user.roles()) {
      if (!current.contains(role)) {
        ensureGroup(tables, role);
        tables.createMembership(user.id(), role);
      }
    }
    for (String role : List.copyOf(current)) {
      if (!user.roles().contains(role)) {
        tables.deleteMembership(user.id(), role);
      }
    }
  }

  /**
   * The engine keeps a first and a last name, and Camunda and People show them joined by a space: the token's one
   * name split at its last space gives back the same text ("Anna Maria Andersson" → "Anna Maria", "Andersson").
   */
  static String[] firstAndLast(String name) {
    int space = name.lastIndexOf(' ');
    return space < 0 ? new String[] {name, ""} : new String[] {name.substring(0, space), name.substring(space + 1)};
  }

  /** AccessSetup cannot create the role groups in a read-only identity; the first member brings its group. */
  private static void ensureGroup(DbIdentityServiceProvider tables, String role) {
    if (tables.findGroupById(role) == null) {
      GroupEntity group = tables.createNewGroup(role);
      group.setName(role);
      group.setType("WORKFLOW");
      tables.saveGroup(group);
    }
  }
}
