package se.breachflow.operations;

import java.sql.SQLException;

/**
 * Group commit for H2: commits that need a sync at the same time share one. A commit that asks while a sync runs
 * waits for it to end and then for the next one, which covers every commit that asked before it began; so each
 * caller still returns only after a sync that started after its commit (nothing acknowledged is left unwritten),
 * but eight concurrent reports cost one sync instead of eight (issue 22: H2 writes every changed page again on each
 * sync, the largest cost of a report at 8 clients). A failed sync covers nobody: its caller gets the error, and
 * each commit that waited for it syncs again itself (and gets its own error if the disk still refuses).
 */
final class SharedSync {

  /** The sync itself: {@code CHECKPOINT SYNC} on the committing connection. */
  interface Sync {
    void run() throws SQLException;
  }

  private long asked;
  private long covered;
  private boolean running;

  /** How many commits have asked so far (for tests). */
  synchronized long asked() {
    return asked;
  }

  /** Returns once a sync that began after this call has ended; throws the error of this caller's own sync. */
  void afterCommit(Sync sync) throws SQLException {
    long ticket;
    long upTo;
    synchronized (this) {
      ticket = ++asked;
      boolean interrupted = false;
      while (running && covered < ticket) {
        try {
          wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      if (covered >= ticket) {
        return;
      }
      running = true;
      upTo = asked;
    }
    boolean synced = false;
    try {
      sync.run();
      synced = true;
    } finally {
      synchronized (this) {
        running = false;
        if (synced) {
          covered = Math.max(covered, upTo);
        }
        notifyAll();
      }
    }
  }
}
