package se.breachflow.notification;

/** Where a message is in its delivery. */
public enum OutboxStatus {
  /** Waiting for its (next) attempt. */
  PENDING,
  /** Handed to the SMTP server. */
  SENT,
  /** Given up after the configured number of attempts; the last error is kept. */
  FAILED
}
