package se.breachflow.shared;

/** One bad field of a request or form: its name and, in Swedish, what is wrong. */
public record FieldError(String field, String reason) {

  /**
   * The names sent that are none of the allowed, each refused (never dropped in silence), in name order.
   *
   * @param reason what is wrong, in Swedish; the allowed names follow it
   * @param allowed in the order they are listed to the caller
   */
  public static java.util.List<FieldError> unknown(java.util.Collection<String> sent,
      java.util.Collection<String> allowed, String reason) {
    String listed = " (tillåtna fält: " + String.join(", ", allowed) + ").";
    return sent.stream().filter(name -> !allowed.contains(name)).sorted()
        .map(name -> new FieldError(name, reason + listed)).toList();
  }
}
