package se.breachflow.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Group commit: no caller returns before a sync that began after it asked; waiting callers share one. */
class SharedSyncTest {

  private final ExecutorService threads = Executors.newFixedThreadPool(6);

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void shouldSyncForASingleCaller() throws Exception {
    SharedSync shared = new SharedSync();
    AtomicInteger syncs = new AtomicInteger();

    shared.afterCommit(syncs::incrementAndGet);
    shared.afterCommit(syncs::incrementAndGet);

    assertThat(syncs).hasValue(2);
  }

  @Test
  void shouldLetCommitsThatAskDuringASyncShareTheNextOne() throws Exception {
    SharedSync shared = new SharedSync();
    AtomicInteger syncs = new AtomicInteger();
    AtomicInteger ended = new AtomicInteger();
    CountDownLatch firstRunning = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    CountDownLatch releaseSecond = new CountDownLatch(1);
    SharedSync.Sync sync = () -> {
      int n = syncs.incrementAndGet();
      if (n == 1) {
        firstRunning.countDown();
        await(releaseFirst);
      } else {
        await(releaseSecond);
      }
      ended.set(n);
    };
    Future<?> first = threads.submit(() -> call(shared, sync));
    assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
    List<Future<?>> waiting = new ArrayList<>();
    List<Integer> endedWhenReturned = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 5; i++) {
      waiting.add(threads.submit(() -> {
        call(shared, sync);
        endedWhenReturned.add(ended.get());
      }));
    }
    while (shared.asked() < 6) { // the five wait for the running sync, which began before they asked
      Thread.sleep(10);
    }

    releaseFirst.countDown();
    first.get(10, TimeUnit.SECONDS);
    Thread.sleep(200);
    assertThat(endedWhenReturned).as("nobody returns on the sync that began before it asked").isEmpty();
    releaseSecond.countDown();
    for (Future<?> f : waiting) {
      f.get(10, TimeUnit.SECONDS);
    }

    assertThat(syncs).as("one sync for the five").hasValue(2);
    assertThat(endedWhenReturned).containsOnly(2).hasSize(5);
  }

  @Test
  void shouldGiveAFailureToItsCallerAndLetTheWaitersSyncThemselves() throws Exception {
    SharedSync shared = new SharedSync();
    AtomicInteger syncs = new AtomicInteger();
    CountDownLatch firstRunning = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    SharedSync.Sync sync = () -> {
      if (syncs.incrementAndGet() == 1) {
        firstRunning.countDown();
        await(releaseFirst);
        throw new SQLException("disk full");
      }
    };
    Future<?> first = threads.submit(() -> {
      shared.afterCommit(sync);
      return null;
    });
    assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
    Future<?> second = threads.submit(() -> call(shared, sync));
    while (shared.asked() < 2) {
      Thread.sleep(10);
    }

    releaseFirst.countDown();

    assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("disk full");
    second.get(10, TimeUnit.SECONDS);
    assertThat(syncs).as("the waiter's own sync after the failed one").hasValue(2);
  }

  private static void call(SharedSync shared, SharedSync.Sync sync) {
    try {
      shared.afterCommit(sync);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not released");
      }
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
