package se.breachflow.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.breachflow.incident.DataSubjectCommunication;
import se.breachflow.incident.DataSubjectsOutcome;
import se.breachflow.incident.Decision;
import se.breachflow.incident.Incident;
import se.breachflow.incident.SupplementKind;
import se.breachflow.shared.Records;

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

    assertThat(text).contains("Del 10: " + ImyNotificationContent.DELAY)
        .contains(ImyNotificationContent.LATE_REASON
            + " Incidenten upptäcktes under en helg och ansvarig handläggare nåddes först på måndagen.")
        .contains(ImyNotificationContent.DEADLINE + " 2026-11-23 kl. 10:30")
        .contains("Del 11: " + ImyNotificationContent.SECRECY);
  }

  @Test
  void shouldAskForTheReasonsWhenLateWithoutThem() {
    String text = Pdfs.text(IncidentDocuments.imyNotification(Samples.data(Samples.full(), true)));
    assertThat(text).contains(ImyNotificationContent.DELAY)
        .contains(ImyNotificationContent.LATE_REASON + " Ej angivet. En anmälan som görs efter fristen ska innehålla "
            + "skälen (artikel 33.1).");
  }

  @Test
  void shouldLeaveTheDelayOutWhenInTimeEvenWithReasonsRecorded() {
    DocumentData inTime = Samples.data(Samples.full(), false).withLateReason("Skäl som inte behövs.");
    String text = Pdfs.text(IncidentDocuments.imyNotification(inTime));
    assertThat(text).doesNotContain(ImyNotificationContent.DELAY).doesNotContain(ImyNotificationContent.LATE_REASON)
        .doesNotContain("Skäl som inte behövs.")
        // no gap in the numbering: the secrecy part follows the part about the notification
        .contains("Del 9: " + ImyNotificationContent.ABOUT).contains("Del 10: " + ImyNotificationContent.SECRECY)
        .doesNotContain("Del 11");
  }

  @Test
  void shouldPutTheSectionsInTheOrderOfImysEServiceWithImysLabels() {
    String text = Pdfs.body(IncidentDocuments.imyNotification(Samples.data(Samples.full(), true)));
    assertThat(text).containsSubsequence("Del 1: " + ImyNotificationContent.CONTROLLER,
        "Del 2: " + ImyNotificationContent.CONTACT, "Del 3: " + ImyNotificationContent.INCIDENT,
        "Del 4: " + ImyNotificationContent.PERSONAL_DATA, "Del 5: " + ImyNotificationContent.CONSEQUENCES,
        "Del 6: " + ImyNotificationContent.SEVERITY, "Del 7: " + ImyNotificationContent.MEASURES,
        "Del 8: " + ImyNotificationContent.DATA_SUBJECTS, "Del 9: " + ImyNotificationContent.ABOUT,
        "Del 10: " + ImyNotificationContent.DELAY, "Del 11: " + ImyNotificationContent.SECRECY);
    // IMY's questions in the e-service's order
    assertThat(text).containsSubsequence("3. Organisationens postadress", "9. Den adress ni önskar bli kontaktad på",
        "13. När upphörde incidenten?", "25. Vilka grupper tillhör de registrerade?",
        "26. Vilken sorts personuppgifter har incidenten drabbat?", "28. Vad kan bli konsekvenserna av incidenten?",
        "30. Hur har ni agerat efter incidenten?", "32. När informerade ni de registrerade?");
    assertThat(text)
        .contains("Integritetsskyddsmyndigheten")
        .contains("Personuppgiftsansvarigs namn Socialnämnden")
        .contains("Organisationsnummer 212000-0001")
        .contains("3. Organisationens postadress Exempelkommunen, Box 2, 123 45 Exempelstad")
        .contains("Ert referensnummer PUI-2026-0042")
        .contains("IMY:s diarienummer IMY-2026-9876")
        .contains("Kontaktperson för anmälan Åsa Öberg (dso@exempel.example), dataskyddsombud")
        .contains("Dataskyddsombudets namn Dataskyddsombudet Åsa Öberg")
        .contains("9. Den adress ni önskar bli kontaktad på Socialförvaltningen, Box 9, 123 45 Exempelstad")
        .contains("När inträffade incidenten? 2026-11-19 kl. 09:00")
        .contains("13. När upphörde incidenten? 2026-11-19 kl. 10:00")
        .contains("När upptäcktes incidenten? 2026-11-20 kl. 10:30")
        .contains("Beskriv vad som har hänt Beslut om bistånd skickades till fel adress. Åtgärd: ÄÖÅé.")
        .contains("Felskickat brev")
        .contains("personuppgiftsbiträdet Posthanteraren AB")
        .contains("Röjande (obehöriga kan ha tagit del av uppgifterna)")
        .contains(ImyNotificationContent.SECURITY_BEFORE
            + " Kuverten adresseras ur verksamhetssystemet; utskick kontrolleras stickprovsvis.")
        .contains("25. Vilka grupper tillhör de registrerade? Vårdnadshavare Klienter inom socialtjänsten "
            + "Barn eller andra sårbara personer berörs.")
        .contains("26. Vilken sorts personuppgifter har incidenten drabbat? Personnummer eller samordningsnummer "
            + "Socialtjänstuppgifter")
        .contains("Ungefärligt antal berörda personer (registrerade) 12")
        .contains(ImyNotificationContent.RECORD_COUNT + " 40")
        .contains("28. Vad kan bli konsekvenserna av incidenten? Obehöriga kan ha tagit del av uppgifterna")
        .contains("Allvarlighetsgrad enligt ENISA:s metod (poäng) 3,5")
        .contains("Allvarlighetsnivå Hög")
        .contains("Risknivå för de registrerade Hög risk")
        .contains("Allvarlighetsgrad >= 3 -> hög risk.")
        .contains("30. Hur har ni agerat efter incidenten? Vidtagna åtgärder: Mottagaren ombedd att återsända brevet. "
            + "Planerade åtgärder: Kuvertering med dubbelkontroll.")
        .contains("32. När informerade ni de registrerade? 2026-11-25 kl. 09:00")
        .contains("Hur informerades de registrerade? Brev till varje berörd")
        .contains("Anmälan är preliminär och kommer att kompletteras")
        .contains("Dataskyddsombudets bedömning lämnad av Åsa Öberg (dpo)")
        .contains("Beslut om anmälan fattat av Bo Beslutsfattare (decider)")
        .contains("Anmälan gjord av Åsa Öberg (dpo)")
        .contains("Uppgifter i anmälan som bör omfattas av sekretess")
        .doesNotContain("Del 12").doesNotContain(PdfRenderer.DRAFT_MARK);
  }

  @Test
  void shouldSayOngoingAndWhenTheDataSubjectsWillBeToldBeforeTheyAre() {
    Incident full = Samples.full();
    Incident planned = full.toBuilder().dataSubjects(null)
        .report(Records.with(full.report(), "endedAt", null)).build();
    String text = Pdfs.text(IncidentDocuments.imyNotification(Samples.data(planned, false)));
    assertThat(text).contains("13. När upphörde incidenten? Pågår")
        .contains("Nej, inte ännu. De registrerade kommer att informeras.")
        .contains("34. När kommer ni att informera de registrerade? 2026-11-26 kl. 09:00");

    Incident notInformed = full.toBuilder().dataSubjects(null)
        .decision(new Decision(false, true, false, false, "Låg risk för de enskilda.", "decider", Samples.DEADLINE))
        .build();
    assertThat(Pdfs.text(IncidentDocuments.imyNotification(Samples.data(notInformed, false))))
        .contains("35. Varför kommer ni inte att informera de registrerade? Låg risk för de enskilda.")
        .doesNotContain("34. När kommer ni");
  }

  @Test
  void shouldShowTheDposAdviceAndTheControllersDecisionInTheIncidentReport() {
    Incident full = Samples.full();
    Incident urgent = full.toBuilder().decision(new Decision(false, true, true, true,
        "Brådskande: skyddade personuppgifter.", "decider", Samples.DEADLINE)).build();

    String text = Pdfs.body(IncidentDocuments.incidentReport(Samples.data(urgent, false)));

    assertThat(text).containsSubsequence("Dataskyddsombudets bedömning", "Bedömning lämnad av Åsa Öberg (dpo)",
            "Instämmer i reglernas rekommendation Ja", "Råd: anmälan till IMY Ja",
            "Råd: information till de registrerade Ja", "Skäl Hög risk: socialtjänstuppgifter.",
            "Den personuppgiftsansvariges beslut", "Beslutat av Bo Beslutsfattare (decider)",
            "Anmälan till IMY Ja", "Information till de registrerade Ja",
            "Informeras skyndsamt, före eller samtidigt med anmälan Ja", "Följer dataskyddsombudets bedömning Ja",
            "Motivering Brådskande: skyddade personuppgifter.")
        .contains("Upphörde 2026-11-19 kl. 10:00")
        .contains("Ungefärligt antal personuppgiftsposter 40")
        .contains("Grupper av registrerade Vårdnadshavare Klienter inom socialtjänsten")
        .contains("Säkerhetsåtgärder före incidenten Kuverten adresseras")
        .contains("Adress där IMY kontaktar oss Socialförvaltningen, Box 9")
        .contains("Typ av komplettering Komplettering med uppgifter som saknades i anmälan");

    Incident departing = full.toBuilder().decision(new Decision(false, true, false, false,
        "Nämnden bedömer att risken inte är hög.", "decider", Samples.DEADLINE)).build();
    assertThat(Pdfs.text(IncidentDocuments.incidentReport(Samples.data(departing, false))))
        .contains("Följer dataskyddsombudets bedömning Nej")
        .contains("Informeras skyndsamt, före eller samtidigt med anmälan Nej");
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldExportASupplementedNotificationAsAFollowUpAndNotABreachAsAWithdrawal() {
    Incident full = Samples.full();
    Map<String, Object> json = EdpbNotificationContent.json(Samples.data(full, false));

    Map<String, Object> type = (Map<String, Object>) ((Map<String, Object>) json.get("notification"))
        .get("typeOfNotification");
    assertThat(type).containsEntry("type", "FOLLOW_UP").containsEntry("subType", "COMPLETE")
        .containsEntry("previousNotificationId", "IMY-2026-9876").containsEntry("withdrawalReason", null);
    Map<String, Object> initial = (Map<String, Object>) json.get("initialInformation");
    assertThat((Map<String, Object>) initial.get("personalDataRecords"))
        .containsEntry("dataTypes", List.of("IDENTIFICATION", "OTHER")).containsEntry("count", 40);
    assertThat((Map<String, Object>) initial.get("dataSubjects"))
        .containsEntry("categories", List.of("VULNERABLE_INDIVIDUALS", "OTHER"));
    assertThat((Map<String, Object>) json.get("communicationToDataSubjects"))
        .containsEntry("status", "COMMUNICATED").containsEntry("communicatedOn", "2026-11-25")
        .containsEntry("means", "INDIVIDUAL").containsEntry("plannedOn", null);
    Map<String, Object> se = (Map<String, Object>) ((Map<String, Object>) json.get("nationalExtensions")).get("se");
    assertThat(se).containsEntry("dataCategoryDetails", List.of("SOCIAL_SERVICES"))
        .containsEntry("supplementKind", "COMPLEMENT").containsEntry("informUrgently", false);

    Incident withdrawn = full.toBuilder().imy(Records.with(full.imy(), "supplementKind", SupplementKind.NOT_A_BREACH))
        .build();
    Map<String, Object> withdrawal = (Map<String, Object>) ((Map<String, Object>) EdpbNotificationContent
        .json(Samples.data(withdrawn, false)).get("notification")).get("typeOfNotification");
    assertThat(withdrawal).containsEntry("subType", "WITHDRAW")
        .containsEntry("withdrawalReason", "Antalet berörda är fastställt.");
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
        .contains(ImyNotificationContent.SUPPLEMENT_KIND + " Komplettering med uppgifter som saknades i anmälan")
        .contains(ImyNotificationContent.DATA_SUBJECTS).contains("Hur informerades de registrerade? Brev till varje berörd")
        .contains(ImyNotificationContent.MEASURES).contains("Planerade åtgärder: Kuvertering med dubbelkontroll.")
        .doesNotContain(ImyNotificationContent.INCIDENT).doesNotContain("Beskriv vad som har hänt")
        .doesNotContain("Beslut om bistånd").doesNotContain(ImyNotificationContent.PERSONAL_DATA)
        .doesNotContain(ImyNotificationContent.SEVERITY).doesNotContain("Dataskyddsombudets namn");
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
