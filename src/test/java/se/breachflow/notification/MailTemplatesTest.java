package se.breachflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MailTemplatesTest {

  private final MailTemplates templates = new MailTemplates("https://pui.exempelkommun.example/");
  private final Instant now = Instant.parse("2026-11-20T11:00:00Z");

  @Test
  void shouldWriteATaskMessageInSwedishWithTheLinkToTheTask() {
    MailContent content = templates.render(NoticeKind.TASK_CANDIDATE, new MailTemplates.Facts("PUI-2026-0007",
        "Socialnämnden", Instant.parse("2026-11-23T09:30:00Z"), "abc-123", "Granska och besluta"), now);

    assertThat(content.subject()).isEqualTo("Ny uppgift: Granska och besluta (PUI-2026-0007)");
    assertThat(content.text()).isEqualTo("""
        Hej!

        Uppgiften "Granska och besluta" för personuppgiftsincident PUI-2026-0007 väntar på din grupp.

        Incident: PUI-2026-0007
        Personuppgiftsansvarig: Socialnämnden
        Frist för anmälan till IMY: 2026-11-23 kl. 10:30 (om 70 timmar)
        Uppgift: Granska och besluta
        Öppna uppgiften i Tasklist: https://pui.exempelkommun.example/camunda/app/tasklist/default/#/?task=abc-123

        Ta uppgiften i Tasklist om du arbetar med den.

        Meddelandet innehåller av säkerhetsskäl inga personuppgifter och ingen beskrivning av incidenten. \
        Logga in för att läsa ärendet. Svara inte på meddelandet och skicka aldrig personuppgifter med e-post.
        """);
    assertThat(content.html()).contains("<a href=\"https://pui.exempelkommun.example/camunda/app/tasklist/"
        + "default/#/?task=abc-123\">Öppna uppgiften i Tasklist</a>").contains("lang=\"sv\"");
  }

  @ParameterizedTest
  @EnumSource(NoticeKind.class)
  void shouldWriteEveryKindWithTheNumberAndNoPlaceholder(NoticeKind kind) {
    MailContent withoutTask = templates.render(kind, new MailTemplates.Facts("PUI-2026-0007", "Kommunstyrelsen",
        Instant.parse("2026-11-23T09:30:00Z"), null, null), now);

    assertThat(withoutTask.subject()).contains("PUI-2026-0007").doesNotContain("null");
    assertThat(withoutTask.text()).contains("https://pui.exempelkommun.example/api/incidents/PUI-2026-0007")
        .doesNotContain("null");
    assertThat(withoutTask.html()).doesNotContain("null").contains("</html>");
  }

  @Test
  void shouldEscapeWhatComesFromTheModelInHtml() {
    MailContent content = templates.render(NoticeKind.TASK_ASSIGNED, new MailTemplates.Facts("PUI-2026-0007",
        "Barn- & utbildningsnämnden", null, "t1", "<Följ upp>"), now);

    assertThat(content.html()).contains("Barn- &amp; utbildningsnämnden").contains("&lt;Följ upp&gt;")
        .doesNotContain("<Följ upp>");
  }
}
