package se.breachflow.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import se.breachflow.incident.DataSubjectCommunication;
import se.breachflow.incident.DataSubjectsOutcome;
import se.breachflow.incident.Incident;

/** The documents' content and layout, rendered and read back, without the engine. */
class DocumentContentTest {

  @Test
  void shouldPrintSwedishCharactersThatCanBeReadBack() {
    byte[] pdf = PdfRenderer.write("Rubrik åäöé ÅÄÖÉ", List.of(),
        List.of(Section.titled("Avsnitt").field("Fält", "åäöé ÅÄÖÉ – § ×").build()),
        new PdfRenderer.Page("Nämnd", "PUI-2026-0001", Samples.DISCOVERED, false));

    String text = Pdfs.text(pdf);
    assertThat(text).contains("Rubrik åäöé ÅÄÖÉ").contains("åäöé ÅÄÖÉ – § ×")
        .contains("Nämnd").contains("PUI-2026-0001").contains("Sida 1 av 1")
        .contains("Skapad 2026-11-20 kl. 10:30 (svensk tid)")
        .doesNotContain(PdfRenderer.DRAFT_MARK);
  }

  @Test
  void shouldPrintTheReasonsForTheDelayOfALateNotification() {
    DocumentData late = Samples.data(Samples.full(), true)
        .withLateReason("Incidenten upptäcktes under en helg och ansvarig handläggare nåddes först på måndagen.");

    String text = Pdfs.text(IncidentDocuments.imyNotification(late));

    assertThat(text).contains(ImyNotificationContent.DELAY)
        .contains("Skäl till att anmälan görs senare än 72 timmar efter upptäckten")
        .contains("Incidenten upptäcktes under en helg och ansvarig handläggare nåddes först på måndagen.")
        .contains("Fristen på 72 timmar från upptäckten gick ut 2026-11-23 kl. 10:30");
  }

  @Test
  void shouldAskForTheReasonsWhenLateWithoutThem() {
    String text = Pdfs.text(IncidentDocuments.imyNotification(Samples.data(Samples.full(), true)));
    assertThat(text).contains(ImyNotificationContent.DELAY)
        .contains("En anmälan som görs efter fristen ska innehålla skälen till förseningen");
  }

  @Test
  void shouldLeaveTheDelayOutWhenInTime() {
    String text = Pdfs.text(IncidentDocuments.imyNotification(Samples.data(Samples.full(), false)));
    assertThat(text).doesNotContain(ImyNotificationContent.DELAY).contains(ImyNotificationContent.SECRECY);
  }

  @Test
  void shouldPutTheSectionsInTheOrderOfImysEService() {
    String text = Pdfs.text(IncidentDocuments.imyNotification(Samples.data(Samples.full(), true)));
    assertThat(text).containsSubsequence(ImyNotificationContent.CONTROLLER, ImyNotificationContent.CONTACT,
        ImyNotificationContent.INCIDENT, ImyNotificationContent.PERSONAL_DATA, ImyNotificationContent.CONSEQUENCES,
        ImyNotificationContent.SEVERITY, ImyNotificationContent.MEASURES, ImyNotificationContent.DATA_SUBJECTS,
        ImyNotificationContent.COMPLETENESS, ImyNotificationContent.DELAY, ImyNotificationContent.SECRECY);
    assertThat(text)
        .contains("Personuppgiftsansvarigs namn Socialnämnden")
        .contains("Organisationsnummer 212000-0001")
        .contains("Ert eget referensnummer PUI-2026-0042")
        .contains("IMY:s diarienummer IMY-2026-9876")
        .contains("Kontaktperson för anmälan Åsa Öberg (dso@exempel.example)")
        .contains("Dataskyddsombudets namn Dataskyddsombudet Åsa Öberg")
        .contains("När inträffade incidenten? 2026-11-19 kl. 09:00")
        .contains("När upptäcktes incidenten? 2026-11-20 kl. 10:30")
        .contains("Beskriv vad som har hänt Beslut om bistånd skickades till fel adress. Åtgärd: ÄÖÅé.")
        .contains("Felskickat brev")
        .contains("personuppgiftsbiträdet Posthanteraren AB")
        .contains("Röjande (obehöriga kan ha tagit del av uppgifterna)")
        .contains("Socialtjänstuppgifter")
        .contains("Ungefärligt antal berörda personer (registrerade) 12")
        .contains("Barn eller andra sårbara personer berörs.")
        .contains("Allvarlighetsgrad enligt ENISA:s metod (poäng) 3,5")
        .contains("Allvarlighetsnivå Hög")
        .contains("Risknivå för de registrerade Hög risk")
        .contains("Allvarlighetsgrad >= 3 -> hög risk.")
        .contains("Vilka åtgärder har vidtagits? Mottagaren ombedd att återsända brevet.")
        .contains("Vilka åtgärder planeras? Kuvertering med dubbelkontroll.")
        .contains("När informerades de registrerade? 2026-11-25 kl. 09:00")
        .contains("Hur informerades de registrerade? Brev till varje berörd")
        .contains("Anmälan är preliminär och kommer att kompletteras")
        .contains("Uppgifter i anmälan som bör omfattas av sekretess")
        .doesNotContain(PdfRenderer.DRAFT_MARK);
  }

  @Test
  void shouldCarryOnlyTheChangesInASupplement() {
    Incident filed = Samples.full();
    Incident before = filed.toBuilder().dataSubjects(null).followUp(null).build();
    List<Section> asFiled = ImyNotificationContent.notification(Samples.data(before, false));
    Incident now = filed.toBuilder().dataSubjects(
        new DataSubjectsOutcome(DataSubjectCommunication.INFORMED, Samples.DEADLINE, "Brev till varje berörd", null))
        .build();

    String text = Pdfs.text(IncidentDocuments.imySupplement(Samples.data(now, false), asFiled));

    assertThat(text).contains("Underlag för komplettering")
        .contains("IMY:s diarienummer IMY-2026-9876")
        .contains("Vad kompletteringen gäller Antalet berörda är fastställt.")
        .contains(ImyNotificationContent.DATA_SUBJECTS).contains("Hur informerades de registrerade? Brev till varje berörd")
        .contains(ImyNotificationContent.MEASURES).contains("Vilka åtgärder planeras? Kuvertering med dubbelkontroll.")
        .doesNotContain(ImyNotificationContent.INCIDENT).doesNotContain("Beskriv vad som har hänt")
        .doesNotContain("Beslut om bistånd").doesNotContain(ImyNotificationContent.PERSONAL_DATA)
        .doesNotContain(ImyNotificationContent.SEVERITY).doesNotContain("Vilka åtgärder har vidtagits?")
        .doesNotContain("Dataskyddsombudets namn");
  }

  @Test
  void shouldSaySoWhenNothingChanged() {
    DocumentData data = Samples.data(Samples.full(), false);
    String text = Pdfs.text(IncidentDocuments.imySupplement(data, ImyNotificationContent.notification(data)));
    assertThat(text).contains("Inga uppgifter i underlaget har ändrats sedan den senaste rapporten till IMY.");
  }

  @Test
  void shouldPrintUserTextAsTextAndBreakLongTextsAcrossPages() {
    String markup = "<b>fet</b> **stjärnor** [länk](http://x) ${expression} {{incidentNumber}} %PDF-1.4 ) Tj (";
    String longText = ("Ett mycket långt stycke med åäö som bryts över sidor. ").repeat(400)
        + "SLUTET" + "x".repeat(3000);
    Incident incident = Samples.full();
    Incident withText = incident.toBuilder().report(Samples.report(markup + "\n" + longText)).build();

    byte[] pdf = IncidentDocuments.imyNotification(Samples.data(withText, false));

    String text = Pdfs.text(pdf);
    assertThat(text).contains(markup).contains("SLUTET");
    int pages = Pdfs.pages(pdf);
    assertThat(pages).isGreaterThan(3);
    assertThat(Pdfs.page(pdf, pages)).contains("Sida " + pages + " av " + pages);
    assertThat(Pdfs.page(pdf, 2)).contains("Socialnämnden").contains("PUI-2026-0042").contains("Sida 2 av " + pages);
  }

  @Test
  void shouldReplaceWhatTheFontCannotPrint() {
    assertThat(PdfRenderer.printable("a\tb\r\nc ≥ 1 → 2 😀 \u0007")).isEqualTo("a    b\nc >= 1 -> 2 ? ");
  }

  @Test
  void shouldWriteTheLetterInPlainSwedishWithoutOtherPeoplesData() {
    String text = Pdfs.text(IncidentDocuments.letter(Samples.data(Samples.full(), false)));

    assertThat(text).containsSubsequence("Vad har hänt?", "Vad kan det innebära för dig?", "Vad har vi gjort?",
            "Vad kan du göra?", "Frågor? Kontakta oss")
        .contains("Incidenten inträffade 2026-11-19 kl. 09:00 och upptäcktes 2026-11-20 kl. 10:30.")
        .contains("Orsak: felskickat brev.")
        .contains("– Socialtjänstuppgifter")
        .contains("Mottagaren ombedd att återsända brevet.")
        .contains("Vi har anmält incidenten till Integritetsskyddsmyndigheten (IMY).")
        .contains("Var uppmärksam på kreditupplysningar")
        .contains("Dataskyddsombud Dataskyddsombudet Åsa Öberg")
        .contains("E-post dso@exempel.example").contains("Telefon 010-123 45 00")
        .contains("vårt referensnummer PUI-2026-0042")
        // the free-text description may name other people; the case handlers are not named
        .doesNotContain("Beslut om bistånd").doesNotContain("reporter").doesNotContain("coordinator")
        .doesNotContain("Åsa Öberg (dso");
  }
}
