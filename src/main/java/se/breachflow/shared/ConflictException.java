package se.breachflow.shared;

/** A request that the case's present state does not allow (409), with a Swedish message saying why. */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
