package se.breachflow.document;

import java.util.ArrayList;
import java.util.List;

/**
 * A titled part of a document: labelled fields (label, value) and plain paragraphs (label null). Values are
 * user text or generated text; they are always rendered as text, never interpreted.
 */
public record Section(String title, List<Field> fields) {

  public Section {
    fields = List.copyOf(fields);
  }

  /** One labelled value, or a paragraph when {@code label} is null. An empty value is printed as a dash. */
  public record Field(String label, String value) {

    public static Field paragraph(String text) {
      return new Field(null, text);
    }
  }

  /** Collects the fields of a section in order. */
  public static final class Builder {
    private final String title;
    private final List<Field> fields = new ArrayList<>();

    public Builder(String title) {
      this.title = title;
    }

    public Builder field(String label, String value) {
      fields.add(new Field(label, value));
      return this;
    }

    public Builder paragraph(String text) {
      fields.add(Field.paragraph(text));
      return this;
    }

    public Section build() {
      return new Section(title, fields);
    }
  }

  public static Builder titled(String title) {
    return new Builder(title);
  }
}
