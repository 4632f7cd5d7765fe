package se.breachflow.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Camunda Admin in Swedish, as Tasklist is: every label of the webjar's English file has a Swedish text (Swedish is
 * the fallback, so a missing key would show raw), which is not the English one unless it is a name or a symbol, and
 * keeps the English text's placeholders ({{user}}) and markup; the config offers Swedish first.
 */
class AdminLocaleTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Names, symbols and type names that are the same in Swedish. */
  private static final List<String> SAME_IN_BOTH = List.of("Admin", "Camunda", "Cockpit", "Tasklist", "Filter",
      "Optimize", "System", "GLOBAL", "OK", "Operator", "<null>", "Double", "Integer", "Long", "Short", "String", "<",
      "<=", ">", ">=");
  private static final Pattern PLACEHOLDERS = Pattern.compile("\\{\\{[^}]*}}|</?(?:strong|a|b|em|br|code|span|p)\\b[^>]*>");

  @Test
  void everyEnglishLabelHasASwedishTextWithTheSamePlaceholders() throws IOException {
    JsonNode english = read("META-INF/resources/webjars/camunda/app/admin/locales/en.json").path("labels");
    JsonNode swedish = read("META-INF/resources/webjars/camunda/app/admin/locales/sv.json").path("labels");
    assertThat(english.size()).as("Camunda's English labels").isGreaterThan(500);
    List<String> missing = new ArrayList<>();
    List<String> untranslated = new ArrayList<>();
    List<String> placeholders = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = english.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> label = it.next();
      String text = label.getValue().asText();
      JsonNode translated = swedish.get(label.getKey());
      if (translated == null || translated.asText().isBlank()) {
        missing.add(label.getKey());
      } else if (translated.asText().equals(text) && !SAME_IN_BOTH.contains(text)) {
        untranslated.add(label.getKey());
      } else if (!placeholders(text).equals(placeholders(translated.asText()))) {
        placeholders.add(label.getKey());
      }
    }
    assertThat(missing).as("labels without a Swedish text").isEmpty();
    assertThat(untranslated).as("labels still in English").isEmpty();
    assertThat(placeholders).as("labels whose placeholders or markup differ").isEmpty();
    assertThat(swedish.path("GROUPS_GROUPS").asText()).isEqualTo("Grupper");
    assertThat(swedish.path("AUTHORIZATION_AUTHORIZATIONS").asText()).isEqualTo("Behörigheter");
  }

  @Test
  void swedishDatesAndSwedishFirst() throws IOException {
    JsonNode swedish = read("META-INF/resources/webjars/camunda/app/admin/locales/sv.json");
    assertThat(swedish.at("/dateLocales/months/0").asText()).isEqualTo("januari");
    assertThat(swedish.at("/dateLocales/longDateFormat/L").asText()).isEqualTo("YYYY-MM-DD");
    String config = text("META-INF/resources/webjars/camunda/app/admin/scripts/config.js");
    assertThat(config.replaceAll("\\s+", " ")).contains("locales: { availableLocales: ['sv', 'en'], fallbackLocale: 'sv' }")
        .contains("customScripts: ['scripts/breachflow-admin']");
  }

  private static List<String> placeholders(String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = PLACEHOLDERS.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group().replace(" ", ""));
    }
    found.sort(null);
    return found;
  }

  private static JsonNode read(String path) throws IOException {
    String text = text(path);
    return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
  }

  private static String text(String path) throws IOException {
    try (InputStream in = AdminLocaleTest.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
