package se.breachflow.document;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfGState;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;

import se.breachflow.shared.Times;

/**
 * Writes a document as an A4 PDF with OpenPDF: title, sections of labelled fields, and on every page a header
 * (controller, incident number, draft mark) and a footer (generation time in Stockholm, "Sida n av N").
 *
 * <p>The font is the standard Helvetica with the Windows-1252 encoding, which covers Swedish (å, ä, ö, é and
 * their capitals) and needs no font file; characters outside it are replaced ({@link #printable}). All text is
 * written as text: OpenPDF interprets no markup, so user text cannot change the document's structure. Long
 * texts wrap and continue on the next page.
 */
public final class PdfRenderer {

  /** The text printed in the header of a draft and across its pages. */
  static final String DRAFT_MARK = "UTKAST";

  private static final Charset CP1252 = Charset.forName("windows-1252");
  private static final BaseFont REGULAR = font(BaseFont.HELVETICA);
  private static final BaseFont BOLD = font(BaseFont.HELVETICA_BOLD);
  private static final Color GREY = new Color(90, 90, 90);

  private static final Font TITLE = new Font(BOLD, 16);
  private static final Font SUBTITLE = new Font(REGULAR, 10, Font.NORMAL, GREY);
  private static final Font SECTION = new Font(BOLD, 12);
  private static final Font LABEL = new Font(BOLD, 9, Font.NORMAL, GREY);
  private static final Font VALUE = new Font(REGULAR, 10);
  private static final Font NOTE = new Font(REGULAR, 9, Font.NORMAL, GREY);

  private PdfRenderer() {}

  /** What is printed around the body of every page. */
  public record Page(String controllerName, String reference, Instant generatedAt, boolean draft) {}

  public static byte[] write(String title, List<String> subtitle, List<Section> sections, Page page) {
    return stamp(body(title, subtitle, sections, page), page);
  }

  private static byte[] body(String title, List<String> subtitle, List<Section> sections, Page page) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 56, 56, 64, 64);
    try {
      com.lowagie.text.pdf.PdfWriter.getInstance(document, out);
      document.addTitle(printable(title));
      document.addCreator("breachflow");
      document.open();
      if (page.draft()) {
        Paragraph draft = new Paragraph(DRAFT_MARK + " – inte skickat eller fastställt", SECTION);
        draft.setSpacingAfter(6);
        document.add(draft);
      }
      Paragraph heading = new Paragraph(printable(title), TITLE);
      heading.setSpacingAfter(4);
      document.add(heading);
      for (String line : subtitle) {
        document.add(new Paragraph(printable(line), SUBTITLE));
      }
      for (Section section : sections) {
        Paragraph sectionTitle = new Paragraph(printable(section.title()), SECTION);
        sectionTitle.setSpacingBefore(14);
        sectionTitle.setSpacingAfter(2);
        document.add(sectionTitle);
        for (Section.Field field : section.fields()) {
          if (field.label() == null) {
            Paragraph paragraph = new Paragraph(12, printable(field.value()), VALUE);
            paragraph.setSpacingBefore(4);
            document.add(paragraph);
          } else {
            Paragraph label = new Paragraph(printable(field.label()), LABEL);
            label.setSpacingBefore(5);
            document.add(label);
            document.add(new Paragraph(12, valueText(field.value()), VALUE));
          }
        }
      }
      if (sections.isEmpty()) {
        document.add(new Paragraph("Inga uppgifter.", NOTE));
      }
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("The PDF could not be written", e);
    }
    return out.toByteArray();
  }

  /** Adds header, footer and page numbers once the number of pages is known. */
  private static byte[] stamp(byte[] pdf, Page page) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfReader reader = new PdfReader(pdf);
      PdfStamper stamper = new PdfStamper(reader, out);
      int pages = reader.getNumberOfPages();
      Font header = new Font(REGULAR, 8, Font.NORMAL, GREY);
      String generated = "Skapad " + Times.display(page.generatedAt()) + " (svensk tid)";
      for (int i = 1; i <= pages; i++) {
        Rectangle size = reader.getPageSize(i);
        PdfContentByte over = stamper.getOverContent(i);
        float top = size.getTop() - 36;
        float bottom = size.getBottom() + 30;
        ColumnText.showTextAligned(over, Element.ALIGN_LEFT,
            new Phrase(printable(page.controllerName()), header), 56, top, 0);
        ColumnText.showTextAligned(over, Element.ALIGN_RIGHT,
            new Phrase(printable(page.reference()), header), size.getRight() - 56, top, 0);
        ColumnText.showTextAligned(over, Element.ALIGN_LEFT, new Phrase(generated, header), 56, bottom, 0);
        ColumnText.showTextAligned(over, Element.ALIGN_RIGHT, new Phrase("Sida " + i + " av " + pages, header),
            size.getRight() - 56, bottom, 0);
        if (page.draft()) {
          ColumnText.showTextAligned(over, Element.ALIGN_CENTER,
              new Phrase(DRAFT_MARK, new Font(BOLD, 8, Font.NORMAL, Color.RED)), size.getWidth() / 2, top, 0);
          watermark(over, size);
        }
      }
      stamper.close();
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (DocumentException e) {
      throw new IllegalStateException("The PDF could not be stamped", e);
    }
    return out.toByteArray();
  }

  private static void watermark(PdfContentByte over, Rectangle size) {
    over.saveState();
    PdfGState faint = new PdfGState();
    faint.setFillOpacity(0.12f);
    over.setGState(faint);
    over.beginText();
    over.setFontAndSize(BOLD, 96);
    over.setColorFill(Color.GRAY);
    over.showTextAligned(Element.ALIGN_CENTER, DRAFT_MARK, size.getWidth() / 2, size.getHeight() / 2, 45);
    over.endText();
    over.restoreState();
  }

  private static String valueText(String value) {
    return value == null || value.isBlank() ? "–" : printable(value);
  }

  /**
   * Text the font can print: line breaks normalised, control characters dropped, a few common symbols
   * spelled out, and any other character outside Windows-1252 replaced by '?'.
   */
  static String printable(String text) {
    if (text == null) {
      return "";
    }
    CharsetEncoder encoder = CP1252.newEncoder();
    StringBuilder out = new StringBuilder(text.length());
    String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
    for (int i = 0; i < normalised.length(); ) {
      int c = normalised.codePointAt(i);
      i += Character.charCount(c);
      switch (c) {
        case '\n' -> out.append('\n');
        case '\t' -> out.append("    ");
        case 0x2192 -> out.append("->");
        case 0x2190 -> out.append("<-");
        case 0x2265 -> out.append(">=");
        case 0x2264 -> out.append("<=");
        case 0x2212, 0x2010, 0x2011 -> out.append('-');
        case 0x2248 -> out.append("ca");
        default -> {
          if (Character.isISOControl(c) || c == 0xFEFF) {
            continue;
          }
          String s = new String(Character.toChars(c));
          out.append(Character.charCount(c) == 1 && encoder.canEncode(s) ? s : "?");
        }
      }
    }
    return out.toString();
  }

  private static BaseFont font(String name) {
    try {
      return BaseFont.createFont(name, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
    } catch (DocumentException | IOException e) {
      throw new IllegalStateException("The standard font " + name + " is missing", e);
    }
  }
}
