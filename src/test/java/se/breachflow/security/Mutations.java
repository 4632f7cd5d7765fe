package se.breachflow.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * Mutated JSON bodies for the fuzz test, from a seeded {@link Random}: the same seed gives the same bodies.
 * A body is a list of (key, raw JSON value) pairs, so that keys can be duplicated and values can be any text,
 * valid JSON or not; each mutant says what was done to it, for the report of a failure.
 */
final class Mutations {

  /** A request to send: what was mutated, and the parts of the request. */
  record Mutant(String description, byte[] body, String contentType, String accept, boolean chunked) {
    @Override
    public String toString() {
      return description + (contentType == null ? " [no Content-Type]" : " [" + contentType + "]")
          + (accept == null ? "" : " Accept: " + accept) + (chunked ? " chunked" : "");
    }
  }

  static final List<String> CONTENT_TYPES = List.of("application/json; charset=UTF-8", "application/json;charset=utf-16",
      "application/json; charset=nonsense", "application/json; charset=", "application/problem+json", "text/plain",
      "text/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "multipart/form-data",
      "application/xml", "application/octet-stream", "*/*", "application/*", "application/json;;;", "nonsense",
      "application/json; q=0.5; x=\"", "");

  static final List<String> ACCEPTS = List.of("*/*", "application/json", "application/problem+json", "text/html",
      "application/xml", "text/plain", "image/*", "application/json;q=0", "nonsense", ",,,", "*/*;q=x",
      "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

  private static final List<String> DATES = List.of("\"-999999999-01-01T00:00:00Z\"", "\"+999999999-12-31T23:59:59Z\"",
      "\"-999999999-01-01\"", "\"0000-01-01T00:00:00Z\"", "\"1899-12-31T23:59:59Z\"", "\"1900-01-01T00:00:00Z\"",
      "\"9999-12-31T23:59:59Z\"", "\"+10000-01-01T00:00:00Z\"", "\"2026-02-30T10:00:00+01:00\"",
      "\"2026-11-20T10:30\"", "\"2026-11-20\"", "\"2026-11-20T10:30:00+18:00\"", "\"2026-11-20T10:30:00+19:00\"",
      "\"2016-12-31T23:59:60Z\"", "\"2026-11-20T11:59:00+01:00\"", "\"2026-11-20T12:04:00+01:00\"",
      "\"2026-11-20T12:06:00+01:00\"", "\"2026-11-17T11:00:00+01:00\"", "\"igår\"", "\"T\"", "\"2026-11-20T10:30:00.123456789123Z\"",
      "1763631000000", "\"1763631000000\"");

  private static final List<String> UNICODE = List.of("å", "Å", "ä", "ö", "\u0000", "\u202e", "\u200b", "\ufeff",
      "\ud83d\udca5", "\ud800", "\udfff", "e\u0301", "\u0085", "\u2028", "\\", "\"", "<script>", "'; drop table incident;--",
      "%s%n", "${jndi:ldap://x}", "\r\n", "\t", "\u00a0", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢");

  private static final List<String> UNKNOWN_KEYS = List.of("reporterId", "incidentNumber", "authorityDeadline",
      "imyReportType", "supplementDue", "status", "number", "__proto__", "constructor", "", " description",
      "Description", "description\u0000", "processInstanceId", "late", "x".repeat(300));

  private final Random random;
  private final List<String> enumNames;

  Mutations(long seed, List<String> enumNames) {
    this.random = new Random(seed);
    this.enumNames = enumNames;
  }

  Random random() {
    return random;
  }

  /** One to three changes to the fields, then sometimes a change to the text or the request. */
  Mutant mutate(Map<String, String> valid) {
    List<String[]> fields = new ArrayList<>();
    valid.forEach((key, value) -> fields.add(new String[] {key, value}));
    List<String> done = new ArrayList<>();
    int changes = 1 + random.nextInt(3);
    for (int i = 0; i < changes; i++) {
      done.add(mutateFields(fields));
    }
    return finish(done, object(fields));
  }

  /**
   * A body of engine REST ({@code {"variables": {name: {"value": v, "type": t}}}}) with one to three changes
   * to the variables: values of any kind, types changed or dropped, variables dropped, duplicated, added or
   * not typed-value objects at all, odd valueInfo; then sometimes a change to the text or the request.
   */
  Mutant mutateVariables(Map<String, String[]> valid) {
    List<String[]> variables = new ArrayList<>();
    valid.forEach((name, typed) -> variables.add(new String[] {name, typed[0], typed[1], null}));
    List<String> done = new ArrayList<>();
    int changes = 1 + random.nextInt(3);
    for (int i = 0; i < changes; i++) {
      done.add(mutateVariable(variables));
    }
    List<String[]> members = new ArrayList<>();
    List<String[]> typed = new ArrayList<>();
    for (String[] variable : variables) {
      if (variable[1] == null) {
        typed.add(new String[] {variable[0], variable[3]});
        continue;
      }
      List<String[]> parts = new ArrayList<>();
      parts.add(new String[] {"value", variable[1]});
      if (variable[2] != null) {
        parts.add(new String[] {"type", quote(variable[2])});
      }
      if (variable[3] != null) {
        parts.add(new String[] {"valueInfo", variable[3]});
      }
      typed.add(new String[] {variable[0], object(parts)});
    }
    members.add(new String[] {"variables", object(typed)});
    if (random.nextInt(10) == 0) {
      String value = value();
      members.add(new String[] {pick(List.of("businessKey", "withVariablesInReturn", "caseInstanceId", "variables")),
          value});
      done.add("body member = " + shortText(value));
    }
    return finish(done, object(members));
  }

  /** Lengths of long texts: around the engine's 4,000-character column and the report's 20,000 limit, and far above. */
  private static final int[] LENGTHS = {1_500, 3_000, 4_001, 19_999, 20_000, 20_001, 60_000, 400_000};

  private static final List<String> ENGINE_TYPES = List.of("String", "Boolean", "Integer", "Long", "Short", "Double",
      "Date", "Json", "Xml", "Object", "Bytes", "File", "Null", "Nonsense", "string", "");

  private String mutateVariable(List<String[]> variables) {
    int kind = random.nextInt(100);
    if (variables.isEmpty() || kind < 10) {
      String name = pick(UNKNOWN_KEYS);
      String value = value();
      variables.add(new String[] {name, value, random.nextBoolean() ? pick(ENGINE_TYPES) : null, null});
      return "add " + shortText(name) + " = " + shortText(value);
    }
    String[] variable = variables.get(random.nextInt(variables.size()));
    if (kind < 20) {
      variables.remove(variable);
      return "drop " + variable[0];
    }
    if (kind < 25) {
      String value = value();
      variables.add(new String[] {variable[0], value, variable[2], null});
      return "duplicate " + variable[0] + " = " + shortText(value);
    }
    if (kind < 35) {
      variable[2] = pick(ENGINE_TYPES);
      return "type of " + variable[0] + " = " + variable[2];
    }
    if (kind < 42) {
      variable[2] = null;
      variable[1] = value();
      return "untyped " + variable[0] + " = " + shortText(variable[1]);
    }
    if (kind < 47) {
      // Not a typed-value object at all.
      variable[1] = null;
      variable[3] = value();
      return variable[0] + " is " + shortText(variable[3]);
    }
    if (kind < 55) {
      variable[3] = pick(List.of("{}", "null", "1", "[]", "{\"objectTypeName\":\"java.util.ArrayList\","
          + "\"serializationDataFormat\":\"application/json\"}", "{\"objectTypeName\":\"java.lang.Runtime\","
          + "\"serializationDataFormat\":\"application/x-java-serialized-object\"}",
          "{\"serializationDataFormat\":\"nonsense\"}", "{\"transient\":true}", "{\"transient\":\"x\"}",
          "{\"filename\":\"../../etc/passwd\",\"mimeType\":\"text/plain\",\"encoding\":\"x\"}"));
      return "valueInfo of " + variable[0] + " = " + shortText(variable[3]);
    }
    variable[1] = value();
    return "set " + variable[0] + " = " + shortText(variable[1]);
  }

  private String object(List<String[]> members) {
    StringBuilder text = new StringBuilder("{");
    for (String[] member : members) {
      if (text.length() > 1) {
        text.append(',');
      }
      text.append('"').append(escape(member[0])).append("\":").append(member[1]);
    }
    return text.append('}').toString();
  }

  private Mutant finish(List<String> done, String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    if (random.nextInt(100) < 15) {
      Changed changed = mutateText(body);
      done.add(changed.description());
      body = changed.body();
    }
    String contentType = random.nextInt(100) < 88 ? "application/json" : pick(CONTENT_TYPES);
    if ("".equals(contentType)) {
      contentType = null;
    }
    String accept = random.nextInt(100) < 80 ? null : pick(ACCEPTS);
    boolean chunked = random.nextInt(100) < 8;
    return new Mutant(String.join("; ", done), body, contentType, accept, chunked);
  }

  private String mutateFields(List<String[]> fields) {
    int kind = random.nextInt(100);
    if (fields.isEmpty() || kind < 8) {
      String key = pick(UNKNOWN_KEYS);
      String value = value();
      fields.add(new String[] {key, value});
      return "add " + shortText(key) + " = " + shortText(value);
    }
    String[] field = fields.get(random.nextInt(fields.size()));
    if (kind < 20) {
      fields.remove(field);
      return "drop " + field[0];
    }
    if (kind < 28) {
      String value = value();
      fields.add(random.nextInt(fields.size() + 1), new String[] {field[0], value});
      return "duplicate " + field[0] + " = " + shortText(value);
    }
    String value = value();
    field[1] = value;
    return "set " + field[0] + " = " + shortText(value);
  }

  /** A raw JSON value (or not quite JSON) of some kind. */
  String value() {
    return switch (random.nextInt(14)) {
      case 0 -> pick(List.of("null", "true", "false", "\"true\"", "\"false\"", "\"\"", "\"   \"", "\"null\""));
      case 1 -> pick(List.of("0", "-1", "1", "3", "2147483647", "2147483648", "-2147483649", "9223372036854775808",
          "1e308", "-1e308", "1e400", "1e-400", "0.5", "-0", "1E+2", "3.0", "\"3\"", "\" 3 \"", "0x10", "01", "NaN",
          "Infinity", "-Infinity", "+1", ".5"));
      case 2 -> "9".repeat(1 + random.nextInt(1500));
      case 3 -> pick(DATES);
      case 4 -> quote(enumName());
      case 5 -> "[" + String.join(",", randomList()) + "]";
      case 6 -> pick(List.of("[]", "[null]", "[1]", "[{}]", "[[]]", "[true]", "[\"\"]", "{}", "{\"value\":1}",
          "{\"a\":{\"b\":[1,{}]}}", "\"[\"", "\"[1,\"", "\"[\\\"IDENTITY\\\", {}]\"", "\"[\\\"IDENTITY\\\"]\"",
          "\"IDENTITY,CONTACT\"", "\"IDENTITY,,\"", "\",\""));
      case 7 -> nested(1 + random.nextInt(random.nextBoolean() ? 100 : 1500));
      case 8 -> quote(longText(LENGTHS[random.nextInt(LENGTHS.length)]));
      case 9 -> quote(unicode(1 + random.nextInt(30)));
      case 10 -> quote(unicode(1 + random.nextInt(3)) + "x".repeat(random.nextInt(5_000)));
      case 11 -> pick(List.of("\"ks\"", "\"sn\"", "\"KS\"", "\"xx\"", "\" ks \"", "\"ks\\u0000\"", "\"../sn\""));
      case 12 -> pick(List.of("tru", "nul", "\"unterminated", "'single'", "[1,]", "{\"a\"}", "}", "", "/*c*/1",
          "\"\\uZZZZ\"", "\"\\x41\"", "\"tab\there\""));
      default -> quote(pick(List.of("MAXIMUM", "NONE", "CONFIDENTIALITY", "MISDIRECTED_EMAIL", "EXTERNAL", "IDENTITY",
          "HEALTH", "maximum", "Maximum", " MAXIMUM ", "MAXIMUM\n", "SOCIAL_SECURITY_NUMBER")));
    };
  }

  private List<String> randomList() {
    List<String> elements = new ArrayList<>();
    int size = random.nextInt(6);
    for (int i = 0; i < size; i++) {
      elements.add(random.nextInt(4) == 0 ? value() : quote(enumName()));
    }
    return elements;
  }

  private String enumName() {
    return random.nextInt(5) == 0 ? unicode(1 + random.nextInt(8)) : pick(enumNames);
  }

  private record Changed(String description, byte[] body) {
    Changed(String description, String text) {
      this(description, text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private Changed mutateText(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    return switch (random.nextInt(9)) {
      case 0 -> new Changed("truncated", text.substring(0, random.nextInt(Math.max(1, text.length()))));
      case 1 -> {
        int at = random.nextInt(Math.max(1, text.length()));
        String garbage = pick(List.of("}", "{", ",", "\"", "]", "\u0000", "\\", ":", "/*", "\ufeff"));
        yield new Changed("inserted " + shortText(garbage) + " at " + at, text.substring(0, at) + garbage + text.substring(at));
      }
      case 2 -> {
        String whole = pick(List.of("", "null", "[]", "\"x\"", "1", "true", "{", "}", "{}}", "{\"a\":1,}",
            "{'a':1}", "/*c*/{}", "[" + text + "]", text + text, nested(3000)));
        yield new Changed("whole body = " + shortText(whole), whole);
      }
      case 3 -> new Changed("BOM before", "\ufeff" + text);
      case 4 -> new Changed("trailing garbage", text + pick(List.of(" x", "}", ",{}", "\u0000")));
      case 5 -> new Changed("UTF-16 bytes", text.getBytes(StandardCharsets.UTF_16));
      case 6 -> new Changed("Latin-1 bytes", text.getBytes(StandardCharsets.ISO_8859_1));
      case 7 -> {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int at = random.nextInt(Math.max(1, bytes.length));
        byte[] broken = new byte[bytes.length + 2];
        System.arraycopy(bytes, 0, broken, 0, at);
        broken[at] = (byte) 0xC3;
        broken[at + 1] = (byte) 0x28;
        System.arraycopy(bytes, at, broken, at + 2, bytes.length - at);
        yield new Changed("invalid UTF-8 at " + at, broken);
      }
      default -> new Changed("pretty-printed with comments", text.replace(",", ",\n  // kommentar\n"));
    };
  }

  String pick(List<String> options) {
    return options.get(random.nextInt(options.size()));
  }

  private String unicode(int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(random.nextInt(3) == 0 ? pick(UNICODE) : (char) (0x20 + random.nextInt(0x2fff)));
    }
    return text.toString();
  }

  private static String nested(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  static String longText(int length) {
    return BadInputAttackTest.longText(length);
  }

  static String quote(String text) {
    return "\"" + escape(text) + "\"";
  }

  private static String escape(String text) {
    return new String(JsonStringEncoder.getInstance().quoteAsString(text));
  }

  private static String shortText(String text) {
    String oneLine = text.replaceAll("\\p{Cntrl}", "·");
    return oneLine.length() > 60 ? oneLine.substring(0, 60) + "…(" + text.length() + ")" : oneLine;
  }

  /** The fields of a JSON object as (key, raw value) in order. */
  static Map<String, String> fields(com.fasterxml.jackson.databind.JsonNode object) {
    Map<String, String> fields = new LinkedHashMap<>();
    object.fields().forEachRemaining(entry -> fields.put(entry.getKey(), entry.getValue().toString()));
    return fields;
  }
}
