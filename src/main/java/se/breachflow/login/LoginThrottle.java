package se.breachflow.login;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import se.breachflow.web.Times;

/**
 * Wrong passwords per (user, client), and the delay they impose on that pair's next try (docs/adr/0008).
 * Nothing is ever locked: a delay ends by itself after at most {@code max-delay}, and it holds only for the
 * client that typed the wrong passwords, so an attacker who knows the DPO's user name cannot keep the DPO
 * out. Kept in memory, per node: a restart forgets it.
 *
 * <p>An attempt counts as a failure from the moment it is let through ({@link #begin}) until it succeeds
 * ({@link #succeeded}): parallel requests of one client therefore cannot all slip through before the first
 * failure is recorded.
 */
@Component
public class LoginThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
  private static final int MAX_USER_LENGTH = 200;

  /** The outcome of asking to check a password: let through, or refused for {@code retryAfter}. */
  public record Attempt(boolean allowed, Duration retryAfter) {
    static final Attempt ALLOWED = new Attempt(true, Duration.ZERO);
  }

  /** A (user, client) that has to wait, as the administrator sees it. */
  public record Delayed(String user, String client, int failures, Instant lastFailureAt, Instant delayedUntil) {}

  private record Pair(String user, String client) {}

  private record State(int failures, Instant lastAttempt) {}

  private final LoginThrottleSettings settings;
  private final Supplier<Instant> clock;
  private final Map<Pair, State> states = new ConcurrentHashMap<>();
  private final ReentrantLock pruning = new ReentrantLock();

  @Autowired
  public LoginThrottle(LoginThrottleSettings settings) {
    this(settings, Times::now);
  }

  /** With a clock of its own; the application uses the engine's (tests move it with EngineClock). */
  LoginThrottle(LoginThrottleSettings settings, Supplier<Instant> clock) {
    this.settings = settings;
    this.clock = clock;
  }

  public LoginThrottleSettings settings() {
    return settings;
  }

  /** How long the pair still has to wait; empty if it may try now. Changes nothing. */
  public Optional<Duration> remainingDelay(String user, String client) {
    Instant now = clock.get();
    State state = states.get(pair(user, client));
    if (state == null || forgotten(state, now)) {
      return Optional.empty();
    }
    Duration left = Duration.between(now, delayedUntil(state));
    return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
  }

  /** Before a password is checked: refused while the pair is delayed, else counted as a failure until it succeeds. */
  public Attempt begin(String user, String client) {
    Instant now = clock.get();
    Pair pair = pair(user, client);
    Attempt[] outcome = {Attempt.ALLOWED};
    states.compute(pair, (key, state) -> {
      State current = state == null || forgotten(state, now) ? null : state;
      if (current != null && delayedUntil(current).isAfter(now)) {
        outcome[0] = new Attempt(false, Duration.between(now, delayedUntil(current)));
        return current;
      }
      return new State(current == null ? 1 : current.failures() + 1, now);
    });
    if (states.size() > settings.maxEntries()) {
      prune(now);
    }
    return outcome[0];
  }

  /** The password was right: the pair starts afresh. */
  public void succeeded(String user, String client) {
    states.remove(pair(user, client));
  }

  /** The password was wrong (it already counts as a failure since {@link #begin}). */
  public void failed(String user, String client) {
    Pair pair = pair(user, client);
    State state = states.get(pair);
    if (state != null && settings.delayAfter(state.failures()).compareTo(Duration.ZERO) > 0) {
      LOG.info("Wrong password for user '{}' from {} ({} in a row): that client waits until {} for this user",
          pair.user(), pair.client(), state.failures(), delayedUntil(state));
    }
  }

  /** The check could not be made (e.g. the directory was unreachable): the attempt does not count. */
  public void abandoned(String user, String client) {
    states.computeIfPresent(pair(user, client),
        (key, state) -> state.failures() <= 1 ? null : new State(state.failures() - 1, state.lastAttempt()));
  }

  /** The pairs that wait now, the longest-waiting last. */
  public List<Delayed> delayed() {
    Instant now = clock.get();
    return states.entrySet().stream()
        .filter(entry -> !forgotten(entry.getValue(), now) && delayedUntil(entry.getValue()).isAfter(now))
        .map(entry -> new Delayed(entry.getKey().user(), entry.getKey().client(), entry.getValue().failures(),
            entry.getValue().lastAttempt(), delayedUntil(entry.getValue())))
        .sorted(Comparator.comparing(Delayed::delayedUntil).thenComparing(Delayed::user))
        .toList();
  }

  /** The administrator lifts a delay: the pair starts afresh. False if it was not delayed. */
  public boolean lift(String user, String client) {
    Pair pair = pair(user, client);
    boolean wasDelayed = remainingDelay(user, client).isPresent();
    states.remove(pair);
    return wasDelayed;
  }

  /**
   * The key a user name is remembered by. Directories compare account names without regard to case or
   * surrounding spaces ("DPO", " dpo" and "dpo" are one account in Active Directory), so they are one key here:
   * otherwise each spelling would get its own free failures.
   */
  public static String userKey(String user) {
    String key = user == null ? "" : user.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    return key.length() > MAX_USER_LENGTH ? key.substring(0, MAX_USER_LENGTH) : key;
  }

  private Pair pair(String user, String client) {
    return new Pair(userKey(user), LoginClient.normalize(client));
  }

  private Instant delayedUntil(State state) {
    return state.lastAttempt().plus(settings.delayAfter(state.failures()));
  }

  private boolean forgotten(State state, Instant now) {
    return !state.lastAttempt().plus(settings.forgetAfter()).isAfter(now);
  }

  /**
   * Keeps memory bounded when many user names are tried: forgotten pairs go first, then those not delayed
   * (oldest first), and only then delayed ones, those whose delay ends soonest first.
   */
  private void prune(Instant now) {
    if (!pruning.tryLock()) {
      return;
    }
    try {
      states.entrySet().removeIf(entry -> forgotten(entry.getValue(), now));
      int target = settings.maxEntries() * 9 / 10;
      if (states.size() <= target) {
        return;
      }
      Comparator<Map.Entry<Pair, State>> waitingLast = Comparator
          .comparing((Map.Entry<Pair, State> entry) -> delayedUntil(entry.getValue()).isAfter(now))
          .thenComparing(entry -> delayedUntil(entry.getValue()))
          .thenComparing(entry -> entry.getValue().lastAttempt());
      List<Pair> victims = states.entrySet().stream().sorted(waitingLast)
          .limit(Math.max(0, states.size() - target)).map(Map.Entry::getKey).toList();
      victims.forEach(states::remove);
      LOG.warn("Login throttle: more than {} (user, client) pairs with wrong passwords; forgot {}",
          settings.maxEntries(), victims.size());
    } finally {
      pruning.unlock();
    }
  }
}
