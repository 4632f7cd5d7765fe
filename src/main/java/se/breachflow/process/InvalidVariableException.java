package se.breachflow.process;

/** A submitted value that cannot be read as its variable's type; the message is Swedish, for the form. */
public class InvalidVariableException extends RuntimeException {

  private final String variable;

  public InvalidVariableException(String variable, String problem) {
    super(variable + " " + problem);
    this.variable = variable;
  }

  public String variable() {
    return variable;
  }
}
