package se.breachflow.document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import se.breachflow.assessment.BreachType;
import se.breachflow.assessment.DataCategory;
import se.breachflow.incident.Incident;
import se.breachflow.incident.IncidentReport;
import se.breachflow.organisation.DataController;
import se.breachflow.shared.Times;

/**
 * The letter to the data subjects (Art. 34): in clear and plain Swedish, what happened, what it means, what
 * the controller has done, what the person can do and how to reach the DPO. It is built from the structured
 * facts only: the free-text description (which may name other people), the reporter and the case handlers
 * are left out. The measures are the controller's own texts and are quoted as written.
 */
final class DataSubjectLetterContent {

  private DataSubjectLetterContent() {}

  static List<String> subtitle(DocumentData data) {
    return List.of("Från " + data.controller().name() + ", vårt referensnummer " + data.incident().number());
  }

  static List<Section> letter(DocumentData data) {
    Incident incident = data.incident();
    IncidentReport report = incident.report();
    DataController controller = data.controller();
    List<Section> sections = new ArrayList<>();

    sections.add(Section.titled("Till dig som berörs")
        .paragraph("Vi på " + controller.name() + " vill berätta att en incident har inträffat som berör "
            + "personuppgifter om dig. Vi beklagar det som har hänt. I det här brevet får du veta vad som "
            + "har hänt, vad det kan innebära för dig, vad vi har gjort och vad du själv kan göra.")
        .build());

    String when = report.occurredAt() != null
        ? "Incidenten inträffade " + day(report.occurredAt()) + " och upptäcktes " + day(report.discoveredAt()) + "."
        : "Incidenten upptäcktes " + day(report.discoveredAt()) + ".";
    sections.add(Section.titled("Vad har hänt?")
        .paragraph(when)
        .paragraph("Orsak: " + report.cause().label().toLowerCase(Locale.ROOT) + ".")
        .paragraph(whatHappened(report))
        .paragraph("De uppgifter om dig som berörs är:\n" + report.dataCategories().stream().sorted()
            .map(category -> "– " + category.label()).collect(Collectors.joining("\n")))
        .build());

    sections.add(Section.titled("Vad kan det innebära för dig?")
        .paragraph(Swedish.consequences(report).stream().map(line -> "– " + line)
            .collect(Collectors.joining("\n")))
        .build());

    Section.Builder done = Section.titled("Vad har vi gjort?");
    if (report.measuresTaken() != null) {
      done.paragraph(report.measuresTaken());
    }
    if (incident.followUp() != null && incident.followUp().remedialActions() != null) {
      done.paragraph(incident.followUp().remedialActions());
    }
    if (incident.imy() != null) {
      done.paragraph("Vi har anmält incidenten till Integritetsskyddsmyndigheten (IMY).");
    } else if (incident.decision() != null && incident.decision().notifyImy()) {
      done.paragraph("Vi anmäler incidenten till Integritetsskyddsmyndigheten (IMY).");
    }
    done.paragraph("Vi går igenom våra rutiner för att det som har hänt inte ska hända igen.");
    sections.add(done.build());

    sections.add(Section.titled("Vad kan du göra?")
        .paragraph(Swedish.advice(report).stream().map(line -> "– " + line).collect(Collectors.joining("\n")))
        .build());

    Section.Builder contact = Section.titled("Frågor? Kontakta oss");
    DataController.Dpo dpo = controller.dpo();
    if (dpo != null) {
      contact.paragraph("Du kan kontakta vårt dataskyddsombud om du har frågor om incidenten eller om hur vi "
          + "behandlar dina personuppgifter. Ange vårt referensnummer " + incident.number() + ".");
      contact.field("Dataskyddsombud", Swedish.text(dpo.name()));
      contact.field("E-post", Swedish.text(dpo.email()));
      contact.field("Telefon", Swedish.text(dpo.phone()));
    }
    contact.field("Personuppgiftsansvarig", controller.name()
        + (controller.postalAddress() == null ? "" : "\n" + controller.postalAddress()));
    sections.add(contact.build());
    return sections;
  }

  private static String whatHappened(IncidentReport report) {
    List<String> parts = new ArrayList<>();
    if (report.breachTypes().contains(BreachType.CONFIDENTIALITY)) {
      parts.add("någon som inte skulle ha fått dem kan ha tagit del av uppgifter om dig");
    }
    if (report.breachTypes().contains(BreachType.INTEGRITY)) {
      parts.add("uppgifter om dig har ändrats felaktigt");
    }
    if (report.breachTypes().contains(BreachType.AVAILABILITY)) {
      parts.add("uppgifter om dig har förlorats eller inte gått att använda under en tid");
    }
    String text = "Det innebär att " + String.join(" och att ", parts) + ".";
    if (report.dataCategories().contains(DataCategory.PROTECTED_IDENTITY)) {
      text += " Uppgifterna omfattas av skydd för personer som lever med skyddade personuppgifter.";
    }
    return text;
  }

  private static String day(Instant instant) {
    return Times.display(instant);
  }
}
