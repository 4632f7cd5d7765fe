package se.breachflow.assessment;

/** What caused the incident, in the order a reporter thinks of them. */
public enum Cause {
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

  private final String swedish;

  Cause(String swedish) {
    this.swedish = swedish;
  }

  public String swedish() {
    return swedish;
  }

  public boolean isMisdirectedMessage() {
    return this == MISDIRECTED_EMAIL || this == MISDIRECTED_POST || this == MISDIRECTED_OTHER;
  }

  /** Causes that by their nature involve someone acting on purpose (ENISA: malicious intent). */
  public boolean isMalicious() {
    return this == HACKING || this == RANSOMWARE || this == SOCIAL_ENGINEERING || this == UNAUTHORISED_ACCESS;
  }
}
