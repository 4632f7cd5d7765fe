package se.breachflow.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Swedish locales of the Camunda webapps (src/main/resources/META-INF/resources/webjars/camunda/app/<app>/locales/sv.json)
 * against the English ones of the Camunda webjar on the classpath: a key Camunda has and we lack would show as
 * its raw key, since Swedish is also the fallback language.
 */
class WebappLocalesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Keys whose Swedish text may equal the English one (names, symbols, type names, "null", Admin's GLOBAL). */
  private static final List<String> SAME_IN_BOTH = List.of("Admin", "Camunda", "Cockpit", "Tasklist", "Filter",
      "Diagram", "Operator", "Information", "OK", "null", "<null>", "Double", "Integer", "Long", "Short", "String",
      "<", "<=", ">", ">=", "", "GLOBAL", "Optimize", "System");

  @ParameterizedTest(name = "{0}: every English key has a Swedish text")
  @ValueSource(strings = {"tasklist", "welcome", "admin"})
  void fullyTranslatedAppsHaveASwedishTextForEveryEnglishKey(String app) throws IOException {
    Map<String, String> english = flatten(read(app, "en"));
    Map<String, String> swedish = flatten(read(app, "sv"));

    assertThat(english).isNotEmpty();
    assertThat(swedish.keySet()).containsAll(english.keySet());
    assertThat(swedish).allSatisfy((key, text) -> assertThat(text).as(key).isNotNull());
    List<String> untranslated = new ArrayList<>();
    english.forEach((key, text) -> {
      if (isText(key) && text.equals(swedish.get(key)) && !SAME_IN_BOTH.contains(text)) {
        untranslated.add(key);
      }
    });
    assertThat(untranslated).as("texts still in English").isEmpty();
  }

  @Test
  void tasklistShowsSwedishDatesAndLabels() throws IOException {
    JsonNode swedish = read("tasklist", "sv");

    assertThat(swedish.at("/dateLocales/months/0").asText()).isEqualTo("januari");
    assertThat(swedish.at("/dateLocales/weekdays/1").asText()).isEqualTo("måndag");
    assertThat(swedish.at("/dateLocales/longDateFormat/L").asText()).isEqualTo("YYYY-MM-DD");
    assertThat(swedish.at("/labels/START_PROCESS").asText()).isEqualTo("Starta process");
    assertThat(swedish.at("/labels/CLAIM_TASK").asText()).isEqualTo("Ta uppgiften");
  }

  /**
   * Cockpit is translated in part: what management uses (navigation, dashboard, the processes list, the process
   * definition and instance views); every other key carries the English text, so nothing shows as a raw key.
   */
  @Test
  void cockpitIsPartlySwedishCoveringTheManagementViewsAndCompleteOtherwise() throws IOException {
    Map<String, String> english = flatten(read("cockpit", "en"));
    Map<String, String> swedish = flatten(read("cockpit", "sv"));

    assertThat(swedish.keySet()).containsAll(english.keySet());
    List<String> untranslated = new ArrayList<>();
    english.forEach((key, text) -> {
      String label = key.substring(key.indexOf('.') + 1);
      boolean covered = key.startsWith("dateLocales.") && isText(key)
          || key.startsWith("labels.") && (label.startsWith("COCKPIT_") || label.startsWith("DASHBOARD_")
              || label.startsWith("PROCESS_DEFINITION_") || label.startsWith("PROCESS_INSTANCE_")
              || label.startsWith("PLUGIN_PROCESS_DEF_") || label.startsWith("PLUGIN_PROCESS_INSTANCE")
              || label.startsWith("PAGE_LOGIN_") || label.startsWith("CAM_WIDGET_HEADER_"));
      if (covered && text.equals(swedish.get(key)) && !SAME_IN_BOTH.contains(text)) {
        untranslated.add(key);
      }
    });
    assertThat(untranslated).as("management texts still in English").isEmpty();
  }

  /** Labels, and the names of months and days; date patterns such as "HH:mm" may well stay as they are. */
  private static boolean isText(String key) {
    return key.startsWith("labels.") || key.startsWith("dateLocales.months") || key.startsWith("dateLocales.weekdays")
        || key.startsWith("dateLocales.relativeTime.");
  }

  private static JsonNode read(String app, String locale) throws IOException {
    String path = "META-INF/resources/webjars/camunda/app/" + app + "/locales/" + locale + ".json";
    URL url = WebappLocalesTest.class.getClassLoader().getResource(path);
    assertThat(url).as(path).isNotNull();
    try (InputStream in = url.openStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      // Camunda's files start with a byte-order mark.
      return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
  }

  /** Nested objects and arrays become dotted keys: labels.START_PROCESS, dateLocales.months.0, … */
  private static Map<String, String> flatten(JsonNode node) {
    Map<String, String> flat = new TreeMap<>();
    flatten("", node, flat);
    return flat;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> flat) {
    if (node.isObject()) {
      node.fields().forEachRemaining(field -> flatten(prefix + field.getKey() + ".", field.getValue(), flat));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(prefix + i + ".", node.get(i), flat);
      }
    } else {
      flat.put(prefix.substring(0, prefix.length() - 1), node.asText());
    }
  }
}
