package se.breachflow.shared;

/** A submitted value that cannot be read as its variable's type; the message is Swedish, for the form. */
public class InvalidFieldException extends RuntimeException {

  private final String variable;
  private final String reason;
  private final boolean sentence;

  public InvalidFieldException(String variable, String problem) {
    this(variable, problem, false);
  }

  /**
   * @param sentence whether the problem is a whole sentence to show as it is (a field's rule), rather than a
   *     phrase about the value ("ska vara en text")
   */
  public InvalidFieldException(String variable, String problem, boolean sentence) {
    super(sentence ? problem : variable + " " + problem);
    this.variable = variable;
    this.reason = problem;
    this.sentence = sentence;
  }

  public String variable() {
    return variable;
  }

  /** The problem as a sentence for the person who sent the value. */
  public String reason() {
    return sentence ? reason : "Värdet för " + variable + " kan inte läsas: " + getMessage() + ".";
  }
}
