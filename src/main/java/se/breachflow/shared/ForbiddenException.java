package se.breachflow.shared;

/** Something the logged-in user may not do; the API answers 403 with a Swedish problem. */
public class ForbiddenException extends RuntimeException {

  public ForbiddenException(String message) {
    super(message);
  }
}
