package se.breachflow.assessment;

import se.breachflow.shared.Labelled;

/** What caused the incident, in the order a reporter thinks of them. */
public enum Cause implements Labelled {
  MISDIRECTED_EMAIL("Felskickad e-post"),
  MISDIRECTED_POST("Felskickat brev"),
  MISDIRECTED_OTHER("Felskickat sms eller annat meddelande"),
  LOST_OR_STOLEN("Förlorad eller stulen enhet eller handling"),
  UNAUTHORISED_ACCESS("Obehörig åtkomst"),
  HACKING("Dataintrång eller skadlig kod"),
  RANSOMWARE("Utpressningsvirus (ransomware)"),
  SOCIAL_ENGINEERING("Bedrägeri eller nätfiske (phishing)"),
  PUBLISHED_BY_MISTAKE("Publicerat av misstag"),
  TECHNICAL_ERROR("Tekniskt fel"),
  OTHER("Annat");

  private final String label;

  Cause(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  public boolean isMisdirectedMessage() {
    return this == MISDIRECTED_EMAIL || this == MISDIRECTED_POST || this == MISDIRECTED_OTHER;
  }

  /** Causes that by their nature involve someone acting on purpose (ENISA: malicious intent). */
  public boolean isMalicious() {
    return this == HACKING || this == RANSOMWARE || this == SOCIAL_ENGINEERING || this == UNAUTHORISED_ACCESS;
  }
}
