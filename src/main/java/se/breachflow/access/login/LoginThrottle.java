package se.breachflow.access.login;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.HashMap;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import se.breachflow.shared.Times;

/**
 * Wrong passwords per (user, client), and the delay they impose on that pair's next try (docs/adr/0008).
 * Nothing is ever locked: a delay ends by itself after at most {@code max-delay}, and it holds only for the
 * client that typed the wrong passwords, so an attacker who knows the DPO's user name cannot keep the DPO
 * out. Kept in memory, per node: a restart forgets it.
 *
 * <p>Checks of one pair that run at the same time are as many as could still fail without a delay (at least one),
 * no more: a further one waits (briefly, {@link #MAX_WAIT}) for one of them to end. So a burst of parallel guesses gets
 * no more checks than guesses one after the other would, and an integration that sends several requests at
 * once with the right password is not held up: each success starts the pair afresh.
 */
@Component
public class LoginThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
  private static final int MAX_USER_LENGTH = 200;
  /** How long a check waits for another check of its pair to end before it is refused (real time). */
  static final Duration MAX_WAIT = Duration.ofSeconds(2);

  /** The outcome of asking to check a password: let through, or refused for {@code retryAfter}. */
  public record Attempt(boolean allowed, Duration retryAfter) {
    static final Attempt ALLOWED = new Attempt(true, Duration.ZERO);
  }

  /** A (user, client) that has to wait, as the administrator sees it. */
  public record Delayed(String user, String client, int failures, Instant lastFailureAt, Instant delayedUntil) {}

  private record Pair(String user, String client) {}

  /** Wrong passwords in a row, the time of the last, and the checks running now. */
  private record State(int failures, Instant lastFailure, int checking) {

    State finished() {
      return new State(failures, lastFailure, checking - 1);
    }
  }

  private final LoginThrottleSettings settings;
  private final Supplier<Instant> clock;
  private final Map<Pair, State> states = new HashMap<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition checkEnded = lock.newCondition();

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
    lock.lock();
    try {
      return waitFor(current(pair(user, client), clock.get()), clock.get());
    } finally {
      lock.unlock();
    }
  }

  /**
   * Before a password is checked: refused while the pair is delayed; otherwise let through as soon as fewer of
   * its checks run than could still fail without a delay.
   */
  public Attempt begin(String user, String client) {
    Pair pair = pair(user, client);
    long deadline = System.nanoTime() + MAX_WAIT.toNanos();
    lock.lock();
    try {
      while (true) {
        Instant now = clock.get();
        State state = current(pair, now);
        Optional<Duration> wait = waitFor(state, now);
        if (wait.isPresent()) {
          return new Attempt(false, wait.get());
        }
        int failures = state == null ? 0 : state.failures();
        int checking = state == null ? 0 : state.checking();
        // One check at a time is always let through; more only while they could all fail without a delay.
        if (checking == 0 || failures + checking <= settings.freeFailures()) {
          states.put(pair, new State(failures, state == null ? null : state.lastFailure(), checking + 1));
          if (states.size() > settings.maxEntries()) {
            prune(now);
          }
          return Attempt.ALLOWED;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return new Attempt(false, Duration.ofSeconds(1));
        }
        checkEnded.awaitNanos(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Attempt(false, Duration.ofSeconds(1));
    } finally {
      lock.unlock();
    }
  }

  /** The password was right: the pair starts afresh (its other checks still running stay counted). */
  public void succeeded(String user, String client) {
    end(pair(user, client), state -> state.checking() <= 1 ? null : new State(0, null, state.checking() - 1));
  }

  /** The password was wrong. */
  public void failed(String user, String client) {
    Pair pair = pair(user, client);
    Instant now = clock.get();
    State state = end(pair, current -> new State(current.failures() + 1, now, current.checking() - 1));
    if (state != null && settings.delayAfter(state.failures()).compareTo(Duration.ZERO) > 0) {
      LOG.info("Wrong password for user '{}' from {} ({} in a row): that client waits until {} for this user",
          pair.user(), pair.client(), state.failures(), delayedUntil(state));
    }
  }

  /** The check could not be made (e.g. the directory was unreachable): the attempt does not count. */
  public void abandoned(String user, String client) {
    end(pair(user, client), state -> state.failures() == 0 && state.checking() <= 1 ? null : state.finished());
  }

  /** The pairs that wait now, the longest-waiting last. */
  public List<Delayed> delayed() {
    lock.lock();
    try {
      Instant now = clock.get();
      return states.entrySet().stream()
          .filter(entry -> waitFor(entry.getValue(), now).isPresent())
          .map(entry -> new Delayed(entry.getKey().user(), entry.getKey().client(), entry.getValue().failures(),
              entry.getValue().lastFailure(), delayedUntil(entry.getValue())))
          .sorted(Comparator.comparing(Delayed::delayedUntil).thenComparing(Delayed::user))
          .toList();
    } finally {
      lock.unlock();
    }
  }

  /** The administrator lifts a delay: the pair starts afresh. False if it was not delayed. */
  public boolean lift(String user, String client) {
    Pair pair = pair(user, client);
    lock.lock();
    try {
      State state = current(pair, clock.get());
      boolean wasDelayed = waitFor(state, clock.get()).isPresent();
      if (state != null) {
        states.put(pair, new State(0, null, state.checking()));
        checkEnded.signalAll();
      }
      return wasDelayed;
    } finally {
      lock.unlock();
    }
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

  /** A check of the pair ended: its state changed as given (null forgets the pair), and waiting checks look. */
  private State end(Pair pair, UnaryOperator<State> change) {
    lock.lock();
    try {
      State state = states.get(pair);
      if (state == null) {
        return null;
      }
      State changed = change.apply(state);
      if (changed == null || (changed.failures() == 0 && changed.checking() <= 0)) {
        states.remove(pair);
      } else {
        states.put(pair, changed);
      }
      checkEnded.signalAll();
      return changed;
    } finally {
      lock.unlock();
    }
  }

  /** The pair's state, unless it has been forgotten (no check running, no wrong password for a day). */
  private State current(Pair pair, Instant now) {
    State state = states.get(pair);
    if (state != null && forgotten(state, now)) {
      states.remove(pair);
      return null;
    }
    return state;
  }

  private Optional<Duration> waitFor(State state, Instant now) {
    if (state == null || state.lastFailure() == null) {
      return Optional.empty();
    }
    Duration left = Duration.between(now, delayedUntil(state));
    return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
  }

  private Instant delayedUntil(State state) {
    return state.lastFailure() == null ? Instant.MIN : state.lastFailure().plus(settings.delayAfter(state.failures()));
  }

  private boolean forgotten(State state, Instant now) {
    return state.checking() <= 0
        && (state.lastFailure() == null || !state.lastFailure().plus(settings.forgetAfter()).isAfter(now));
  }

  /**
   * Keeps memory bounded when many user names are tried: forgotten pairs go first, then those not delayed
   * (oldest first), and only then delayed ones, those whose delay ends soonest first. Called with the lock held.
   */
  private void prune(Instant now) {
    states.entrySet().removeIf(entry -> forgotten(entry.getValue(), now));
    int target = settings.maxEntries() * 9 / 10;
    if (states.size() <= target) {
      return;
    }
    Comparator<Map.Entry<Pair, State>> waitingLast = Comparator
        .comparing((Map.Entry<Pair, State> entry) -> waitFor(entry.getValue(), now).isPresent())
        .thenComparing(entry -> delayedUntil(entry.getValue()))
        .thenComparing(entry -> entry.getValue().lastFailure() == null ? Instant.MIN : entry.getValue().lastFailure());
    List<Pair> victims = states.entrySet().stream().filter(entry -> entry.getValue().checking() <= 0)
        .sorted(waitingLast).limit(Math.max(0, states.size() - target)).map(Map.Entry::getKey).toList();
    victims.forEach(states::remove);
    LOG.warn("Login throttle: more than {} (user, client) pairs with wrong passwords; forgot {}",
        settings.maxEntries(), victims.size());
  }
}
