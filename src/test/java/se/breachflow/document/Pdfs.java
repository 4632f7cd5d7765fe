package se.breachflow.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads generated PDFs back as text (PDFBox), as a person copying from them would see it. */
public final class Pdfs {

  private Pdfs() {}

  /** The text of every page, with runs of white space (line wraps included) folded into one space. */
  public static String text(byte[] pdf) {
    return raw(pdf).replaceAll("\\s+", " ");
  }

  /**
   * The text of every page without what is stamped on each page (controller and reference, generation time,
   * "Sida n av N", the draft mark), white space folded: a field broken across pages reads as one.
   */
  public static String body(byte[] pdf) {
    StringBuilder out = new StringBuilder();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      for (int page = 1; page <= document.getNumberOfPages(); page++) {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        List<String> lines = new ArrayList<>(List.of(stripper.getText(document).split("\\R")));
        // the stamps are written over the page after its body, so they come last
        while (!lines.isEmpty() && STAMP.matcher(lines.get(lines.size() - 1).strip()).matches()) {
          lines.remove(lines.size() - 1);
        }
        out.append(String.join("\n", lines)).append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().replaceAll("\\s+", " ");
  }

  private static final Pattern STAMP = Pattern.compile(
      "|.*PUI-\\d{4}-\\d{4}|Skapad .*|.*Sida \\d+ av \\d+|(" + PdfRenderer.DRAFT_MARK + " ?)+");

  static String raw(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int pages(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return document.getNumberOfPages();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of one page (1-based), white space folded. */
  static String page(byte[] pdf, int page) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setStartPage(page);
      stripper.setEndPage(page);
      return stripper.getText(document).replaceAll("\\s+", " ");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
