package se.breachflow.assessment;

import se.breachflow.shared.Labelled;

/** Kinds of personal data, with the Swedish label a reporter sees. */
public enum DataCategory implements Labelled {
  IDENTITY("Namn och andra identitetsuppgifter"),
  CONTACT("Kontaktuppgifter (adress, telefon, e-post)"),
  PERSONAL_ID_NUMBER("Personnummer eller samordningsnummer"),
  EDUCATION_EMPLOYMENT("Uppgifter om skola, utbildning eller anställning"),
  LOCATION("Platsuppgifter"),
  BEHAVIOURAL("Uppgifter om beteende, vanor eller preferenser"),
  FINANCIAL("Ekonomiska uppgifter (t.ex. kontonummer, inkomst, skulder)"),
  CREDENTIALS("Inloggningsuppgifter eller lösenord"),
  HEALTH("Hälsa"),
  SPECIAL_CATEGORY("Andra känsliga personuppgifter (t.ex. etniskt ursprung, religion, politisk åsikt, sexualliv)"),
  CRIMINAL_OFFENCE("Lagöverträdelser (brott, misstankar, domar)"),
  SOCIAL_SERVICES("Socialtjänstuppgifter"),
  PROTECTED_IDENTITY("Skyddade personuppgifter (t.ex. sekretessmarkering)");

  private final String label;

  DataCategory(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
