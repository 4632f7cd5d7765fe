package se.breachflow.access.oidc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import se.breachflow.access.Groups;
import se.breachflow.organisation.DataController;

/**
 * The token's groups (or app roles) to breachflow's roles, by configuration only: Entra ID sends group object ids
 * (GUIDs), other providers names of their own, and neither is trusted to be a breachflow role by its spelling. A
 * token value no entry names gives no role; a role no configured controller has is refused at start (a typo
 * would otherwise silently give nobody the role).
 */
public final class RoleMapping {

  /** One role and the token values that give it. */
  public static class Entry {
    private String role;
    private List<String> groups = new ArrayList<>();

    public String getRole() {
      return role;
    }

    public void setRole(String role) {
      this.role = role;
    }

    public List<String> getGroups() {
      return groups;
    }

    public void setGroups(List<String> groups) {
      this.groups = groups;
    }
  }

  private final Map<String, Set<String>> rolesByValue;
  private final boolean everyoneIsStaff;

  private RoleMapping(Map<String, Set<String>> rolesByValue, boolean everyoneIsStaff) {
    this.rolesByValue = rolesByValue;
    this.everyoneIsStaff = everyoneIsStaff;
  }

  public static RoleMapping of(List<Entry> entries, boolean everyoneIsStaff, Collection<DataController> controllers) {
    Set<String> known = knownRoles(controllers);
    Map<String, Set<String>> rolesByValue = new HashMap<>();
    for (Entry entry : entries) {
      String role = entry.getRole() == null ? "" : entry.getRole().strip();
      if (!known.contains(role)) {
        throw new IllegalStateException("breachflow.oidc.roles: unknown role '" + role + "'; known roles are "
            + new TreeSet<>(known));
      }
      for (String value : entry.getGroups()) {
        if (value != null && !value.isBlank()) {
          rolesByValue.computeIfAbsent(value.strip(), v -> new HashSet<>()).add(role);
        }
      }
    }
    return new RoleMapping(Map.copyOf(rolesByValue), everyoneIsStaff);
  }

  /** The breachflow roles of someone whose token carries these group values. */
  public Set<String> roles(Collection<String> tokenGroups) {
    Set<String> roles = new TreeSet<>();
    if (everyoneIsStaff) {
      roles.add(Groups.STAFF);
    }
    for (String value : tokenGroups) {
      roles.addAll(rolesByValue.getOrDefault(value, Set.of()));
    }
    return roles;
  }

  static Set<String> knownRoles(Collection<DataController> controllers) {
    Set<String> known = new HashSet<>(Set.of(Groups.STAFF, Groups.ADMIN, Groups.MONITORING));
    for (DataController controller : controllers) {
      known.addAll(Groups.caseReaders(controller.id()));
    }
    return known;
  }
}
