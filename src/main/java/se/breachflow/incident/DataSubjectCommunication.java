package se.breachflow.incident;

import se.breachflow.shared.Labelled;

/** How the data subjects were told (Art. 34), or the Art. 34(3) ground for not telling them individually. */
public enum DataSubjectCommunication implements Labelled {
  /** Each person was told directly. */
  INFORMED("De registrerade har informerats", "De registrerade har informerats direkt"),
  /** Art. 34(3)(c): individual communication would be disproportionate; a public communication instead. */
  PUBLIC_COMMUNICATION("Offentligt meddelande i stället för individuell information (artikel 34.3 c)", "Information har lämnats offentligt (individuell information skulle kräva oproportionerlig ansträngning, art. 34.3 c)"),
  /** Art. 34(3)(a): the data were unintelligible to anyone not authorised (e.g. encrypted). */
  NOT_INFORMED_UNINTELLIGIBLE("Informeras inte: uppgifterna var oläsliga för obehöriga, t.ex. krypterade (artikel 34.3 a)", "Informeras inte: uppgifterna var oläsliga för obehöriga (art. 34.3 a)"),
  /** Art. 34(3)(b): later measures ensure the high risk is no longer likely to materialise. */
  NOT_INFORMED_RISK_REMOVED("Informeras inte: vidtagna åtgärder gör att den höga risken inte längre är sannolik (artikel 34.3 b)", "Informeras inte: vidtagna åtgärder gör att den höga risken inte längre är sannolik (art. 34.3 b)");

  private final String label;
  private final String choice;

  DataSubjectCommunication(String label, String choice) {
    this.label = label;
    this.choice = choice;
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public String choice() {
    return choice;
  }
}
