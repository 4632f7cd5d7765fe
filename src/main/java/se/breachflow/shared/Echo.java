package se.breachflow.shared;

/**
 * A value the user sent, as an error message repeats it: on one line and at most 40 characters, so that a
 * huge or multi-line input does not come back in the answer (or the log) in full.
 */
public final class Echo {

  static final int MAX = 40;

  private Echo() {}

  public static String of(String value) {
    if (value == null) {
      return "";
    }
    String oneLine = value.replaceAll("\\p{Cntrl}", " ");
    return oneLine.length() > MAX ? oneLine.substring(0, MAX) + "…" : oneLine;
  }
}
