package se.breachflow.document;

/**
 * The predefined answers of the EDPB's draft common template for notifying a personal data breach (version 1.0
 * for public consultation, June 2026) that breachflow can give, each with a stable English key (the JSON
 * value), the template's letter and a Swedish text for the PDF. Only the lists breachflow answers from its own
 * facts are here; the template's whole field list, and where the field list comes from, is in
 * docs/edpb-notification.md. The template's English wording was not read from the EDPB's own document
 * (research note of 2026-12-01): compare with the .docx before relying on a letter.
 */
final class EdpbTemplate {

  /** The template's version this export follows. */
  static final String VERSION = "EDPB-PDBN-1.0-consultation";

  private EdpbTemplate() {}

  /** One predefined answer: the enum's name is the stable key. */
  interface Option {
    String name();

    /** The template's letter, e.g. {@code b}. */
    String letter();

    /** The answer in Swedish (breachflow's translation; the template exists only in English). */
    String swedish();
  }

  /** Row 3: type of notification. */
  enum NotificationType implements Option {
    NEW("a", "Ny anmälan"),
    FOLLOW_UP("b", "Uppföljande anmälan");

    private final String letter;
    private final String swedish;

    NotificationType(String letter, String swedish) {
      this.letter = letter;
      this.swedish = swedish;
    }

    @Override public String letter() { return letter; }
    @Override public String swedish() { return swedish; }
  }

  /** Row 4: sub-type of notification (withdraw only in a follow-up). */
  enum NotificationSubType implements Option {
    COMPLETE("a", "Fullständig"),
    INCOMPLETE("b", "Ofullständig (kompletteras)"),
    WITHDRAW("c", "Återkallelse av en tidigare anmälan");

    private final String letter;
    private final String swedish;

    NotificationSubType(String letter, String swedish) {
      this.letter = letter;
      this.swedish = swedish;
    }

    @Override public String letter() { return letter; }
    @Override public String swedish() { return swedish; }
  }

  /** Row 10: type of identifier of the controller. */
  enum IdentifierType implements Option {
    COMPANY_ID("a", "Företags-id"),
    ORGANISATION_NUMBER("b", "Organisationsnummer"),
    VAT_NUMBER("c", "Momsregistreringsnummer");

    private final String letter;
    private final String swedish;

    IdentifierType(String letter, String swedish) {
      this.letter = letter;
      this.swedish = swedish;
    }

    @Override public String letter() { return letter; }
    @Override public String swedish() { return swedish; }
  }

  /** Row 23: function of the reporting person. */
  enum ReportingFunction implements Option {
    DPO("a", "Dataskyddsombud"),
    LEGAL_REPRESENTATIVE("b", "Juridisk företrädare"),
    AUTHORISED_REPRESENTATIVE_OR_OTHER("c", "Befullmäktigat ombud eller annan");

    private final String letter;
    private final String swedish;

    ReportingFunction(String letter, String swedish) {
      this.letter = letter;
      this.swedish = swedish;
    }

    @Override public String letter() { return letter; }
    @Override public String swedish() { return swedish; }
  }

  /** Row 33: where more information about the incident can be obtained. */
  enum ContactPoint implements Option {
    DPO("a", "Dataskyddsombudet"),
    REPORTING_PERSON("b", "Den som gör anmälan"),
    OTHER("c", "Annan");

    private final String letter;
    private final String swedish;

    ContactPoint(String letter, String swedish) {
      this.letter = letter;
      this.swedish = swedish;
    }

    @Override public String letter() { return letter; }
    @Override public String swedish() { return swedish; }
  }

  /** Row 39 is free text in the template; these keys are the research note's suggestion. */
  enum PartyQualification implements Option {
    PROCESSOR("–", "Personuppgiftsbiträde");

    private final String letter;
    private final String swedish;

    PartyQualification(String letter, String swedish) {
      this.letter = letter;
      this.swedish = swedish;
    }

    @Override public String letter() { return letter; }
    @Override public String swedish() { return swedish; }
  }

  /** Row 44: when the breach occurred. */
  enum Occurrence implements Option {
    SPECIFIC_DAY("a", "En viss dag"),
    PERIOD("b", "Från ett datum till ett datum"),
    ONGOING("c", "Från ett datum och pågår fortfarande"),
    CANNOT_BE_DETERMINED("d", "Kan inte fastställas"),
    TO_BE_DETERMINED("e", "Ska fastställas");

    private final String letter;
    private final String swedish;

    Occurrence(String letter, String swedish) {
      this.letter = letter;
      this.swedish = swedish;
    }

    @Override public String letter() { return letter; }
    @Override public String swedish() { return swedish; }
  }

  /** Row 50: how the breach was discovered (breachflow knows only whether a processor told the controller). */
  enum DiscoveredBy implements Option {
    CONTROLLER("a", "Upptäckt av den personuppgiftsansvarige"),
    PROCESSOR("b", "Upptäckt och meddelad av personuppgiftsbiträdet"),
    DATA_SUBJECT("c", "Meddelad av en registrerad"),
    EXTERNAL_PARTY("d", "Meddelad av en utomstående"),
    PRESS("e", "Nyheter i medier"),
    OTHER("f", "Annat");

    private final String letter;
    private final String swedish;

    DiscoveredBy(String letter, String swedish) {
      this.letter = letter;
      this.swedish = swedish;
    }

    @Override public String letter() { return letter; }
    @Override public String swedish() { return swedish; }
  }

  /** Row 55: nature of the breach (the same three kinds as breachflow's BreachType). */
  enum Nature implements Option {
    CONFIDENTIALITY("a", "Konfidentialitetsincident: obehörigt eller oavsiktligt röjande av eller åtkomst till personuppgifter"),
    INTEGRITY("b", "Integritetsincident: obehörig eller oavsiktlig ändring av personuppgifter"),
    AVAILABILITY("c", "Tillgänglighetsincident: oavsiktlig eller obehörig förlust av åtkomst till, eller förstöring av, personuppgifter");

    private final String letter;
    private final String swedish;

    Nature(String letter, String swedish) {
      this.letter = letter;
      this.swedish = swedish;
    }

    @Override public String letter() { return letter; }
    @Override public String swedish() { return swedish; }
  }

  /** Row 57: whether the data was unintelligible to anyone not authorised. */
  enum Unintelligible implements Option {
    YES_PROTECTION_INTACT("a", "Ja, och skyddet är fortfarande intakt (t.ex. säkert krypterade uppgifter)"),
    PROTECTION_LIKELY_SUBVERTED("b", "Skydd fanns, men det kan sannolikt kringgås"),
    NO("c", "Nej"),
    NOT_POSSIBLE_TO_ASSESS("d", "Går inte att bedöma"),
    TO_BE_DETERMINED("e", "Ska fastställas");

    private final String letter;
    private final String swedish;

    Unintelligible(String letter, String swedish) {
      this.letter = letter;
      this.swedish = swedish;
    }

    @Override public String letter() { return letter; }
    @Override public String swedish() { return swedish; }
  }

  /** Row 59: type of availability breach. */
  enum AvailabilityType implements Option {
    TEMPORARY("a", "Tillfälligt tillgänglighetsproblem"),
    PERMANENT("b", "Permanent tillgänglighetsproblem"),
    NOT_DETERMINED("c", "Inte fastställt");

    private final String letter;
    private final String swedish;

    AvailabilityType(String letter, String swedish) {
      this.letter = letter;
      this.swedish = swedish;
    }

    @Override public String letter() { return letter; }
    @Override public String swedish() { return swedish; }
  }

  /** Row 60: nature of the incident (finer than breachflow's Cause; see docs/edpb-notification.md). */
  enum IncidentType implements Option {
    EMPLOYEE_ACCESS_ABUSE("a", "Anställds missbruk av behörighet"),
    RANSOMWARE("b", "Krypterad enhet / utpressningsvirus (ransomware)"),
    HACKING_MALWARE("c", "Dataintrång / skadlig kod upptäckt"),
    PHISHING_SOCIAL_ENGINEERING("d", "Nätfiske / social manipulation"),
    VULNERABILITY_EXPLOITED("e", "Säkerhetsbrist (sannolikt) utnyttjad"),
    UNAUTHORISED_ACCESS_IT("f", "Obehörig åtkomst till personuppgifter i it-system"),
    DATA_EXFILTRATION("g", "Dataexfiltrering / obehörigt uttag av personuppgifter"),
    WRONG_DATA_SUBJECT_SHOWN("h", "Uppgifter om fel registrerad visade (sammanblandning)"),
    DEVICE_LOST_OR_STOLEN("i", "Enhet förlorad eller stulen"),
    E_WASTE("j", "Elektroniskt avfall (personuppgifter kvar på uttjänt enhet)"),
    INCORRECT_PAPER_DISPOSAL("k", "Felaktig kassering av personuppgifter på papper"),
    MAIL_LOST_OR_MISDELIVERED("l", "Post förlorad, öppnad eller felaktigt levererad (post/e-post)"),
    MISCONFIGURATION("m", "Felkonfiguration"),
    INCORRECT_ACCESS_PERMISSIONS("n", "Felaktiga behörigheter (t.ex. molnlagring, delad mapp)"),
    PAPER_LOST_OR_STOLEN("o", "Papper förlorade, stulna eller lämnade på osäker plats"),
    DATA_DELETED_OR_DESTROYED("p", "Personuppgifter raderade eller förstörda"),
    DISPLAYED_TO_WRONG_RECIPIENT("q", "Personuppgifter visade för fel mottagare"),
    SENT_BY_MISTAKE("r", "Personuppgifter skickade av misstag (post/e-post)"),
    NO_BLIND_COPY("s", "E-post till flera mottagare utan dold kopia / med öppen sändlista"),
    TECHNICAL_MALFUNCTION("t", "Tekniskt fel"),
    UNAUTHORISED_MODIFICATION("u", "Obehörig ändring av uppgifter"),
    UNINTENDED_PUBLICATION("v", "Oavsiktlig publicering (t.ex. öppen länk, webbplats, delad enhet)"),
    VERBAL_DISCLOSURE("w", "Muntligt obehörigt röjande av personuppgifter"),
    TO_BE_DETERMINED("x", "Ska fastställas"),
    OTHER("y", "Annat (beskrivs närmare)");

    private final String letter;
    private final String swedish;

    IncidentType(String letter, String swedish) {
      this.letter = letter;
      this.swedish = swedish;
    }

    @Override public String letter() { return letter; }
    @Override public String swedish() { return swedish; }
  }

  /** Row 61: cause of the breach. */
  enum Cause implements Option {
    INTERNAL_NON_MALICIOUS("a", "Intern, utan uppsåt"),
    INTERNAL_MALICIOUS("b", "Intern, med uppsåt"),
    EXTERNAL_NON_MALICIOUS("c", "Extern, utan uppsåt"),
    EXTERNAL_MALICIOUS("d", "Extern, med uppsåt"),
    TO_BE_DETERMINED("e", "Ska fastställas"),
    UNKNOWN("f", "Okänd");

    private final String letter;
    private final String swedish;

    Cause(String letter, String swedish) {
      this.letter = letter;
      this.swedish = swedish;
    }

    @Override public String letter() { return letter; }
    @Override public String swedish() { return swedish; }
  }

  /** Row 65: categories of data subjects. */
  enum SubjectCategory implements Option {
    CUSTOMERS("a", "Kunder (nuvarande och möjliga)"),
    EMPLOYEES("b", "Anställda (tidigare, nuvarande och sökande)"),
    MILITARY_OR_LAW_ENFORCEMENT("c", "Militär eller brottsbekämpande personal"),
    MINORS("d", "Minderåriga"),
    PATIENTS("e", "Patienter"),
    STUDENTS("f", "Elever och studerande"),
    SUBSCRIBERS("g", "Abonnenter"),
    USERS("h", "Användare"),
    VULNERABLE_INDIVIDUALS("i", "Sårbara personer (äldre, flyktingar, personer med funktionsnedsättning, brottsoffer …)"),
    OTHER("j", "Andra registrerade (beskrivs närmare)"),
    NOT_YET_KNOWN("k", "Ännu inte känt");

    private final String letter;
    private final String swedish;

    SubjectCategory(String letter, String swedish) {
      this.letter = letter;
      this.swedish = swedish;
    }

    @Override public String letter() { return letter; }
    @Override public String swedish() { return swedish; }
  }

  /** Rows 67 and 72: how the number of data subjects or records is known. */
  enum CountKind implements Option {
    EXACT("a", "Exakt antal"),
    APPROXIMATE("b", "Ungefärligt antal"),
    CANNOT_BE_DETERMINED("c", "Antalet kan inte fastställas"),
    TO_BE_DETERMINED("d", "Antalet ska fastställas");

    private final String letter;
    private final String swedish;

    CountKind(String letter, String swedish) {
      this.letter = letter;
      this.swedish = swedish;
    }

    @Override public String letter() { return letter; }
    @Override public String swedish() { return swedish; }
  }

  /** Row 70: type of breached data. */
  enum DataType implements Option {
    BASIC("a", "Grundläggande uppgifter (t.ex. namn, efternamn, födelsedatum)"),
    CONTACT("b", "Kontaktuppgifter (t.ex. adress, telefonnummer, e-post)"),
    BIOMETRIC("c", "Biometriska uppgifter"),
    CRIMINAL("d", "Fällande domar i brottmål, lagöverträdelser eller säkerhetsåtgärder"),
    POLITICAL_OPINIONS("e", "Uppgifter som avslöjar politiska åsikter"),
    RACIAL_OR_ETHNIC_ORIGIN("f", "Uppgifter som avslöjar ras eller etniskt ursprung"),
    RELIGIOUS_OR_PHILOSOPHICAL_BELIEFS("g", "Uppgifter som avslöjar religiös eller filosofisk övertygelse"),
    SEX_LIFE_OR_ORIENTATION("h", "Uppgifter om sexualliv eller sexuell läggning"),
    TRADE_UNION_MEMBERSHIP("i", "Uppgifter om medlemskap i fackförening"),
    GENETIC("j", "Genetiska uppgifter"),
    HEALTH("k", "Uppgifter om hälsa (t.ex. journaler, provsvar)"),
    ECONOMIC_AND_FINANCIAL("l", "Ekonomiska och finansiella uppgifter"),
    EMPLOYMENT_RELATED_HEALTH("m", "Hälsouppgifter i anställningen (t.ex. sjukintyg)"),
    IDENTIFICATION("n", "Identifieringsuppgifter (t.ex. personnummer, id-nummer)"),
    LOCATION("o", "Platsuppgifter"),
    OFFICIAL_DOCUMENTS("p", "Officiella handlingar (t.ex. inskannade kopior)"),
    PAYMENT_METHODS("q", "Betalningsmedel (t.ex. kreditkort, bankkonton)"),
    PROFILE("r", "Profiluppgifter (t.ex. sociala medier, kreditvärdighet, psykologisk profil)"),
    USER_CREDENTIALS("s", "Inloggningsuppgifter (t.ex. användarnamn, lösenord, token)"),
    NOT_YET_KNOWN("t", "Ännu inte känt"),
    OTHER("u", "Andra typer av uppgifter (beskrivs närmare)");

    private final String letter;
    private final String swedish;

    DataType(String letter, String swedish) {
      this.letter = letter;
      this.swedish = swedish;
    }

    @Override public String letter() { return letter; }
    @Override public String swedish() { return swedish; }
  }

  /** Row 85: nature of the potential impact for the data subjects. */
  enum Impact implements Option {
    LOSS_OF_CONTROL("a", "Förlorad kontroll över sina personuppgifter"),
    LIMITATION_OF_RIGHTS("b", "Begränsning av rättigheter"),
    DISCRIMINATION("c", "Diskriminering"),
    IDENTITY_THEFT("d", "Identitetsstöld eller identitetsintrång"),
    FRAUD("e", "Bedrägeri"),
    FINANCIAL_LOSS("f", "Ekonomisk förlust"),
    UNAUTHORISED_REVERSAL_OF_PSEUDONYMISATION("g", "Obehörigt upphävande av pseudonymisering"),
    DAMAGE_TO_REPUTATION("h", "Skadat anseende"),
    LOSS_OF_PROFESSIONAL_SECRECY("i", "Förlorad konfidentialitet för uppgifter som skyddas av tystnadsplikt"),
    DISCLOSURE_TO_UNAUTHORISED_THIRD_PARTIES("j", "Röjande av uppgifter för obehöriga tredje parter"),
    SIGNIFICANT_ECONOMIC_OR_SOCIAL_DISADVANTAGE("k", "Betydande ekonomisk eller social nackdel"),
    PHYSICAL_OR_MENTAL_HARM("l", "Fysisk eller psykisk skada"),
    MATERIAL_OR_NON_MATERIAL_DAMAGE("m", "Materiell eller immateriell skada på egendom"),
    OTHER("n", "Annan påverkan (beskrivs närmare)"),
    TO_BE_DETERMINED("o", "Ska fastställas");

    private final String letter;
    private final String swedish;

    Impact(String letter, String swedish) {
      this.letter = letter;
      this.swedish = swedish;
    }

    @Override public String letter() { return letter; }
    @Override public String swedish() { return swedish; }
  }

  /** Row 87: severity of the potential impacts. */
  enum SeverityLevel implements Option {
    MINOR("a", "Liten"),
    MODERATE("b", "Måttlig"),
    SEVERE("c", "Allvarlig"),
    TO_BE_DETERMINED("d", "Ska fastställas");

    private final String letter;
    private final String swedish;

    SeverityLevel(String letter, String swedish) {
      this.letter = letter;
      this.swedish = swedish;
    }

    @Override public String letter() { return letter; }
    @Override public String swedish() { return swedish; }
  }

  /**
   * Row 89: outcome of the controller's risk assessment. The extraction the research used letters the fourth
   * option "c" a second time; it is lettered "d" here.
   */
  enum RiskOutcome implements Option {
    HIGH_RISK("a", "Incidenten medför sannolikt en hög risk för fysiska personers rättigheter och friheter"),
    RISK("b", "Incidenten medför sannolikt en (inte hög) risk för fysiska personers rättigheter och friheter"),
    UNLIKELY_RISK("c", "Det är osannolikt att incidenten medför en risk för fysiska personers rättigheter och friheter"),
    ADDITIONAL_INFORMATION_NEEDED("d", "Mer information behövs för att bedöma risken");

    private final String letter;
    private final String swedish;

    RiskOutcome(String letter, String swedish) {
      this.letter = letter;
      this.swedish = swedish;
    }

    @Override public String letter() { return letter; }
    @Override public String swedish() { return swedish; }
  }

  /** Row 97: whether the breach has been communicated to the data subjects. */
  enum CommunicationStatus implements Option {
    COMMUNICATED("a", "Ja"),
    WILL_BE_COMMUNICATED_ON_DATE("b", "Nej, men de kommer att informeras ett visst datum"),
    WILL_BE_COMMUNICATED_DATE_TBD("b1", "Nej, men de kommer att informeras ett datum som inte är bestämt"),
    INVESTIGATION_ONGOING("c", "Nej, utredningen pågår fortfarande"),
    NOT_COMMUNICATED_NO_HIGH_RISK("d", "Nej, de informeras inte eftersom incidenten sannolikt inte medför en hög risk"),
    NOT_COMMUNICATED_ARTICLE_34_3("e", "Nej, de informeras inte eftersom ett av villkoren i artikel 34.3 är uppfyllt");

    private final String letter;
    private final String swedish;

    CommunicationStatus(String letter, String swedish) {
      this.letter = letter;
      this.swedish = swedish;
    }

    @Override public String letter() { return letter; }
    @Override public String swedish() { return swedish; }
  }

  /** Row 100: the condition of Art. 34(3) that is met. */
  enum Article34Condition implements Option {
    UNINTELLIGIBLE("a", "Artikel 34.3 a: uppgifterna var oläsliga för obehöriga, t.ex. genom kryptering"),
    HIGH_RISK_NO_LONGER_LIKELY("b", "Artikel 34.3 b: vidtagna åtgärder gör att den höga risken inte längre är sannolik"),
    DISPROPORTIONATE_EFFORT_PUBLIC_COMMUNICATION("c", "Artikel 34.3 c: oproportionerlig ansträngning; offentligt meddelande i stället");

    private final String letter;
    private final String swedish;

    Article34Condition(String letter, String swedish) {
      this.letter = letter;
      this.swedish = swedish;
    }

    @Override public String letter() { return letter; }
    @Override public String swedish() { return swedish; }
  }

  /** Row 104: means of communication used to inform the data subjects. */
  enum Means implements Option {
    INDIVIDUAL("a", "Individuellt meddelande (brev, e-post, personlig kontakt)"),
    PUBLIC_ANNOUNCEMENT("b", "Offentligt meddelande (webbplats, pressmeddelande, sociala medier)"),
    OTHER("c", "Annat");

    private final String letter;
    private final String swedish;

    Means(String letter, String swedish) {
      this.letter = letter;
      this.swedish = swedish;
    }

    @Override public String letter() { return letter; }
    @Override public String swedish() { return swedish; }
  }

  /** Row 14: the controller's sector. */
  enum Sector implements Option {
    PRIVATE("a", "Privat"),
    PUBLIC("b", "Offentlig");

    private final String letter;
    private final String swedish;

    Sector(String letter, String swedish) {
      this.letter = letter;
      this.swedish = swedish;
    }

    @Override public String letter() { return letter; }
    @Override public String swedish() { return swedish; }
  }

  /** Row 58: type of integrity breach. */
  enum IntegrityType implements Option {
    ALTERED_NO_EVIDENCE_OF_MISUSE("a", "Ändrade uppgifter, utan tecken på otillåten eller felaktig användning"),
    ALTERED_MISUSE_RECOVERABLE("b", "Ändrade uppgifter med tecken på felaktig användning; skadan kan återställas"),
    ALTERED_MISUSE_NOT_RECOVERABLE("c", "Ändrade uppgifter med tecken på felaktig användning; skadan kan inte återställas");

    private final String letter;
    private final String swedish;

    IntegrityType(String letter, String swedish) {
      this.letter = letter;
      this.swedish = swedish;
    }

    @Override public String letter() { return letter; }
    @Override public String swedish() { return swedish; }
  }

  /** Row 75: relevant measures in place when the breach occurred (breachflow holds them as text only). */
  enum MeasureInPlace implements Option {
    OTHER("l", "Andra åtgärder (beskrivs närmare)");

    private final String letter;
    private final String swedish;

    MeasureInPlace(String letter, String swedish) {
      this.letter = letter;
      this.swedish = swedish;
    }

    @Override public String letter() { return letter; }
    @Override public String swedish() { return swedish; }
  }

  /** Row 94: measures taken to prevent similar breaches (breachflow holds them as text only). */
  enum PreventiveMeasure implements Option {
    OTHER("o", "Andra åtgärder (beskrivs närmare)");

    private final String letter;
    private final String swedish;

    PreventiveMeasure(String letter, String swedish) {
      this.letter = letter;
      this.swedish = swedish;
    }

    @Override public String letter() { return letter; }
    @Override public String swedish() { return swedish; }
  }

  /** Rows 109, 110, 113, 120: yes, no or unknown. */
  enum YesNoUnknown implements Option {
    YES("a", "Ja"),
    NO("b", "Nej"),
    UNKNOWN("c", "Okänt");

    private final String letter;
    private final String swedish;

    YesNoUnknown(String letter, String swedish) {
      this.letter = letter;
      this.swedish = swedish;
    }

    @Override public String letter() { return letter; }
    @Override public String swedish() { return swedish; }
  }

  /** Row 125: the attachments (those breachflow produces). */
  enum AttachmentType implements Option {
    COMMUNICATION_TO_DATA_SUBJECTS("a", "Daterad kopia av informationen till de registrerade"),
    RISK_ASSESSMENT("b", "Daterad kopia av riskbedömningen");

    private final String letter;
    private final String swedish;

    AttachmentType(String letter, String swedish) {
      this.letter = letter;
      this.swedish = swedish;
    }

    @Override public String letter() { return letter; }
    @Override public String swedish() { return swedish; }
  }
}
