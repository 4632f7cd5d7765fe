package se.breachflow.shared;

/** A submitted value that cannot be read as its variable's type; the message is Swedish, for the form. */
public class InvalidFieldException extends RuntimeException {

  private final String variable;

  public InvalidFieldException(String variable, String problem) {
    super(variable + " " + problem);
    this.variable = variable;
  }

  public String variable() {
    return variable;
  }
}
