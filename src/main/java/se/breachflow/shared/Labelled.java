package se.breachflow.shared;

/**
 * A value with the Swedish words people read for it, kept in the enum itself so that forms, documents,
 * registers, mails and the API say the same thing. {@link #label()} names the value where it is stated (a
 * document, a register, a summary); {@link #choice()} is how a form offers it when the question calls for
 * other words (defaults to the label). The forms' option lists are written from {@link #choice()} at
 * deployment (workflow/FormOptions), and a test holds the checked-in forms to it.
 */
public interface Labelled {

  String label();

  default String choice() {
    return label();
  }
}
