package se.breachflow.incident;

/** How the data subjects were told (Art. 34), or the Art. 34(3) ground for not telling them individually. */
public enum DataSubjectCommunication {
  /** Each person was told directly. */
  INFORMED,
  /** Art. 34(3)(c): individual communication would be disproportionate; a public communication instead. */
  PUBLIC_COMMUNICATION,
  /** Art. 34(3)(a): the data were unintelligible to anyone not authorised (e.g. encrypted). */
  NOT_INFORMED_UNINTELLIGIBLE,
  /** Art. 34(3)(b): later measures ensure the high risk is no longer likely to materialise. */
  NOT_INFORMED_RISK_REMOVED
}
