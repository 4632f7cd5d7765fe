package se.breachflow.incident;

import se.breachflow.shared.Labelled;

/** Which groups the people concerned belong to (IMY asks "Vilka grupper tillhör de registrerade?"). */
public enum DataSubjectGroup implements Labelled {
  PUPILS("Elever"),
  GUARDIANS("Vårdnadshavare"),
  PATIENTS("Patienter"),
  CARE_RECIPIENTS("Omsorgstagare (t.ex. inom äldreomsorg eller LSS)"),
  SOCIAL_SERVICES_CLIENTS("Klienter inom socialtjänsten"),
  EMPLOYEES("Anställda"),
  ELECTED_OFFICIALS("Förtroendevalda"),
  RESIDENTS("Kommuninvånare"),
  APPLICANTS("Sökande (t.ex. till en tjänst, en utbildning eller ett bidrag)"),
  OTHER("Andra");

  private final String label;

  DataSubjectGroup(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
