package se.breachflow.document;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import se.breachflow.assessment.BreachType;
import se.breachflow.assessment.DataCategory;
import se.breachflow.document.EdpbTemplate.Impact;
import se.breachflow.incident.ImyReportType;
import se.breachflow.incident.IncidentReport;
import se.breachflow.shared.Labelled;
import se.breachflow.shared.Times;

/** The Swedish words the documents use for the record's values. */
public final class Swedish {

  public static final String NOT_STATED = "Ej angivet";

  private Swedish() {}

  public static String time(Instant instant) {
    return instant == null ? NOT_STATED : Times.display(instant);
  }

  public static String yesNo(boolean value) {
    return value ? "Ja" : "Nej";
  }

  public static String text(String value) {
    return value == null || value.isBlank() ? NOT_STATED : value;
  }

  /** The value's label, or "Ej angivet" when there is none. */
  public static String label(Labelled value) {
    return value == null ? NOT_STATED : value.label();
  }

  public static String reportType(ImyReportType type) {
    return type == null ? "Ej fastställt" : type.label();
  }

  /** The labels of a set of values, one per line, in the enum's order. */
  public static <E extends Enum<E> & Labelled> String labels(Collection<E> values) {
    return values.stream().sorted().map(Labelled::label).collect(Collectors.joining("\n"));
  }

  public static String specialCategories(Collection<DataCategory> categories) {
    Set<DataCategory> special = Set.of(DataCategory.HEALTH, DataCategory.SPECIAL_CATEGORY,
        DataCategory.CRIMINAL_OFFENCE, DataCategory.SOCIAL_SERVICES, DataCategory.PROTECTED_IDENTITY,
        DataCategory.PERSONAL_ID_NUMBER);
    String found = categories.stream().filter(special::contains).sorted().map(DataCategory::label)
        .collect(Collectors.joining("\n"));
    return found.isEmpty() ? "Nej" : found;
  }

  /** The likely consequences for the people, from the kind of breach and the kinds of data. */
  public static Set<String> consequences(IncidentReport report) {
    Set<String> out = new LinkedHashSet<>();
    likelyConsequences(report).forEach(consequence -> out.add(consequence.sentence()));
    return out;
  }

  /**
   * A likely consequence: the sentence the documents print, and the impacts of the EDPB template (row 85) that
   * the sentence names, so that the EDPB export says no more than the IMY notification.
   */
  record Consequence(String sentence, Set<EdpbTemplate.Impact> impacts) {

    Consequence(String sentence, EdpbTemplate.Impact... impacts) {
      this(sentence, Set.of(impacts));
    }
  }

  /** The likely consequences, in the order they are printed, each once. */
  static Set<Consequence> likelyConsequences(IncidentReport report) {
    Set<Consequence> out = new LinkedHashSet<>();
    if (report.breachTypes().contains(BreachType.CONFIDENTIALITY)) {
      out.add(new Consequence("Obehöriga kan ha tagit del av uppgifterna, vilket innebär ett intrång i de berördas "
          + "privatliv.", Impact.DISCLOSURE_TO_UNAUTHORISED_THIRD_PARTIES));
    }
    if (report.breachTypes().contains(BreachType.INTEGRITY)) {
      out.add(new Consequence("Felaktiga uppgifter kan leda till felaktiga beslut eller åtgärder som rör de berörda."));
    }
    if (report.breachTypes().contains(BreachType.AVAILABILITY)) {
      out.add(new Consequence("Uppgifterna har inte kunnat användas, vilket kan försena handläggning, vård eller stöd."));
    }
    for (DataCategory category : report.dataCategories().stream().sorted().toList()) {
      switch (category) {
        case PERSONAL_ID_NUMBER -> out.add(new Consequence(
            "Personnummer kan användas för identitetsstöld eller bedrägeri.", Impact.IDENTITY_THEFT, Impact.FRAUD));
        case FINANCIAL -> out.add(new Consequence(
            "Ekonomiska uppgifter kan leda till bedrägeri eller ekonomisk skada.", Impact.FRAUD, Impact.FINANCIAL_LOSS));
        case CREDENTIALS -> out.add(new Consequence(
            "Inloggningsuppgifter kan ge obehöriga tillgång till konton och fler uppgifter.", Impact.LOSS_OF_CONTROL));
        case HEALTH, SPECIAL_CATEGORY -> out.add(new Consequence(
            "Känsliga uppgifter kan leda till diskriminering, skada på anseende eller psykiskt lidande.",
            Impact.DISCRIMINATION, Impact.DAMAGE_TO_REPUTATION, Impact.PHYSICAL_OR_MENTAL_HARM));
        case CRIMINAL_OFFENCE -> out.add(new Consequence(
            "Uppgifter om lagöverträdelser kan leda till skada på anseende och utanförskap.",
            Impact.DAMAGE_TO_REPUTATION, Impact.SIGNIFICANT_ECONOMIC_OR_SOCIAL_DISADVANTAGE));
        case SOCIAL_SERVICES -> out.add(new Consequence(
            "Socialtjänstuppgifter kan leda till skada på anseende, utsatthet eller lidande.",
            Impact.DAMAGE_TO_REPUTATION, Impact.PHYSICAL_OR_MENTAL_HARM));
        case PROTECTED_IDENTITY -> out.add(new Consequence(
            "Röjda skyddade personuppgifter kan innebära fara för de berördas säkerhet.", Impact.PHYSICAL_OR_MENTAL_HARM));
        case LOCATION -> out.add(new Consequence("Platsuppgifter kan användas för att hitta eller följa de berörda."));
        case CONTACT -> out.add(new Consequence("Kontaktuppgifter kan användas för oönskade kontakter eller nätfiske."));
        default -> { }
      }
    }
    if (report.vulnerableSubjects()) {
      out.add(new Consequence("Barn eller andra sårbara personer berörs, vilket gör konsekvenserna allvarligare."));
    }
    return out;
  }

  /** What the people can do themselves, from the kinds of data (for the letter). */
  public static Set<String> advice(IncidentReport report) {
    Set<String> out = new LinkedHashSet<>();
    for (DataCategory category : report.dataCategories().stream().sorted().toList()) {
      switch (category) {
        case CREDENTIALS -> out.add("Byt lösenord på de tjänster där du använder samma eller ett liknande lösenord.");
        case PERSONAL_ID_NUMBER -> out.add(
            "Var uppmärksam på kreditupplysningar, lån eller köp i ditt namn som du inte känner igen.");
        case FINANCIAL -> out.add("Håll uppsikt över dina konton och kontakta din bank om något ser konstigt ut.");
        case CONTACT -> out.add(
            "Var uppmärksam på oväntade samtal, sms eller e-post. Lämna aldrig ut koder eller lösenord.");
        case PROTECTED_IDENTITY -> out.add(
            "Kontakta polisen om du känner dig hotad. Vi hjälper dig gärna med kontakten.");
        default -> { }
      }
    }
    out.add("Kontakta oss om du får frågor från någon om de uppgifter som berörs eller om något annat verkar fel.");
    out.add("Du har rätt att lämna klagomål till Integritetsskyddsmyndigheten (IMY), www.imy.se.");
    return out;
  }

  public static String lines(Collection<String> lines) {
    return String.join("\n", lines);
  }
}
