package se.breachflow.access;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The people of the identity service (the engine's users, or the directory with LDAP): who someone is and how
 * to reach them. Read regardless of the current user's permissions: callers show or write only what their own
 * access rules allow.
 */
@Component
public class People {

  /** Someone, with the name and e-mail address the identity service has (null where it has none). */
  public record Person(String id, String name, String email) {

    /** For example {@code Anna Andersson (anna.andersson@kommun.se)}, or the user id when nothing else is known. */
    public String display() {
      String shown = name == null || name.isBlank() ? id : name;
      return email == null || email.isBlank() ? shown : shown + " (" + email + ")";
    }
  }

  private final IdentityService identity;
  private final SystemCalls system;

  public People(IdentityService identity, SystemCalls system) {
    this.identity = identity;
    this.system = system;
  }

  public Optional<Person> find(String userId) {
    if (userId == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(system.run(() -> identity.createUserQuery().userId(userId).singleResult()))
        .map(People::person);
  }

  /** The members of a group, by user id. */
  public List<Person> members(String groupId) {
    return system.run(() -> identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list())
        .stream().map(People::person).toList();
  }

  private static Person person(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return new Person(user.getId(), name.isEmpty() ? null : name,
        StringUtils.hasText(user.getEmail()) ? user.getEmail().strip() : null);
  }
}
