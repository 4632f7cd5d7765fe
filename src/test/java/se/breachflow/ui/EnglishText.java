package se.breachflow.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The English texts a person may meet on breachflow's screens: every label of Camunda's own English locale
 * files (Tasklist, Cockpit, Admin, Welcome, from the webapp jar on the classpath), form-js's own texts and
 * Spring's error page. {@link #foundIn(String)} lists those a page's text contains, so that a browser test
 * can say "no English here" about a whole screen, not about the few strings someone thought of.
 *
 * <p>A label is left out when breachflow's fully translated Swedish locale files (Tasklist, Welcome, Admin) keep
 * the same text (product names such as "Cockpit", words Swedish shares with English such as "Filter"), or when it
 * is a single word shorter than five letters or one of {@link #SHARED_WORDS}: a word as short as "Add" or
 * "Name" is too often part of a Swedish text or a name. Single words are matched as whole words, case-sensitive.
 */
final class EnglishText {

  private static final String[] APPS = {"tasklist", "cockpit", "admin", "welcome"};
  /**
   * The webapps breachflow translated in full (Tasklist, Welcome, Admin): where their Swedish file keeps Camunda's English text (a
   * product name, "Filter", a type), that is deliberate. Cockpit's and Admin's Swedish files translate only
   * the pages breachflow's users meet, so their untranslated texts stay on the list.
   */
  private static final String[] TRANSLATED = {"tasklist", "welcome", "admin"};
  private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";

  /** Texts of form-js and Spring that no locale file of Camunda's carries. */
  private static final List<String> OTHERS = List.of(
      "Whitelabel Error Page", "This application has no explicit mapping", "There was an unexpected error",
      "Field is required.", "Field must be a valid", "Select", "Search", "No results", "All values selected",
      "Add new", "Collapse", "yyyy-mm-dd", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
      "Saturday", "January", "February", "April", "June", "July", "August", "October", "December",
      "Date and time must both be entered.", "Internal Server Error", "Forbidden", "Not Found");

  /** Words English shares with Swedish (or with names on breachflow's screens): not English on their own. */
  static final Set<String> SHARED_WORDS = Set.of("Admin", "Cockpit", "Tasklist", "Camunda", "Filter", "Status",
      "Start", "Version", "Information", "Normal", "Process", "Definition", "Incident", "Incidents", "Detaljer",
      "Batch", "Deployment", "Tenant", "Metrics", "Dashboard", "Export", "System", "Instans", "Inspect",
      "Variables", "Variable", "Element", "Service", "Diagram", "Total", "Minimum", "Maximum", "Boolean", "String",
      "Integer", "Double", "Short", "Long", "Json", "Xml", "Object", "Bytes", "File", "Date", "Null");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|<[^>]*>|&[a-z]+;");
  private static final EnglishText CAMUNDA = new EnglishText();

  private final List<String> phrases = new ArrayList<>();
  private final List<Pattern> words = new ArrayList<>();

  private EnglishText() {
    Set<String> swedish = new HashSet<>();
    Set<String> english = new LinkedHashSet<>(OTHERS);
    for (String app : APPS) {
      labels(String.format(LOCALES, app, "en"), english);
    }
    for (String app : TRANSLATED) {
      labels(String.format(LOCALES, app, "sv"), swedish);
    }
    for (String text : english) {
      if (swedish.contains(text)) {
        continue;
      }
      for (String part : PLACEHOLDER.split(text)) {
        String trimmed = part.strip().replaceAll("[:.…]+$", "").strip();
        // A phrase of shared words only is a product's name ("Camunda Cockpit" in Cockpit's header), not English.
        if (trimmed.contains(" ") && trimmed.length() >= 8
            && !SHARED_WORDS.containsAll(List.of(trimmed.split(" ")))) {
          phrases.add(trimmed);
        } else if (trimmed.matches("[A-Z][a-z]{4,}") && !SHARED_WORDS.contains(trimmed) && !swedish.contains(trimmed)) {
          words.add(Pattern.compile("\\b" + Pattern.quote(trimmed) + "\\b"));
        }
      }
    }
  }

  /** The English texts of Camunda's webapps, form-js and Spring found in a page's text (empty: none). */
  static List<String> foundIn(String pageText) {
    return CAMUNDA.find(pageText);
  }

  private List<String> find(String text) {
    Set<String> found = new LinkedHashSet<>();
    for (String phrase : phrases) {
      if (text.contains(phrase)) {
        found.add(phrase);
      }
    }
    for (Pattern word : words) {
      Matcher matcher = word.matcher(text);
      if (matcher.find()) {
        found.add(matcher.group());
      }
    }
    return List.copyOf(found);
  }

  int size() {
    return phrases.size() + words.size();
  }

  static int known() {
    return CAMUNDA.size();
  }

  /** Every string value under the file's "labels" (an absent file, e.g. Admin's Swedish one, adds nothing). */
  private static void labels(String resource, Set<String> into) {
    try (InputStream in = EnglishText.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return;
      }
      collect(new ObjectMapper().readTree(in).path("labels"), into);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }

  private static void collect(JsonNode node, Set<String> into) {
    if (node.isTextual()) {
      into.add(node.asText());
    }
    node.forEach(child -> collect(child, into));
  }
}
