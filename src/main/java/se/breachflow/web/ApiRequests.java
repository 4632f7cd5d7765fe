package se.breachflow.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first filter of every request to the API ({@code /api/*}, as the servlet container maps it). It marks
 * the request as the API's, so that the error path answers it with a problem whatever happens later
 * (ApiErrorController), and it allows at most {@link #MAX_BYTES} of body: 413, before anything is parsed.
 * The largest legitimate body, a report with two free texts at their limit of 20,000 characters, is well
 * under it even with every character escaped; without a limit, one request could make the server parse and
 * hold any amount. A body without a length (chunked) is counted while it is read.
 */
public class ApiRequests extends OncePerRequestFilter {

  public static final long MAX_BYTES = 1024 * 1024;
  static final String MAX_TEXT = "1 MB";
  /** Request attribute: the request is one of the API's. */
  static final String MARK = ApiRequests.class.getName() + ".api";

  static boolean isMarked(HttpServletRequest request) {
    return Boolean.TRUE.equals(request.getAttribute(MARK));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    request.setAttribute(MARK, Boolean.TRUE);
    if (request.getContentLengthLong() > MAX_BYTES) {
      response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
      return;
    }
    chain.doFilter(new Limited(request), response);
  }

  /** Thrown while reading a body that turns out to be larger than the limit; the API answers 413. */
  public static class BodyTooLargeException extends IOException {
    BodyTooLargeException() {
      super("The request body is larger than " + MAX_BYTES + " bytes");
    }
  }

  private static final class Limited extends HttpServletRequestWrapper {

    private ServletInputStream stream;

    Limited(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new Counting(super.getInputStream());
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      return new BufferedReader(new InputStreamReader(getInputStream(), charset(getCharacterEncoding())));
    }
  }

  /** The request's charset; UTF-8 (JSON's) when it names none or one that does not exist. */
  static Charset charset(String encoding) {
    try {
      return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    } catch (IllegalArgumentException unknown) {
      return StandardCharsets.UTF_8;
    }
  }

  private static final class Counting extends ServletInputStream {

    private final ServletInputStream in;
    private long count;

    Counting(ServletInputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    private void counted(int n) throws BodyTooLargeException {
      count += n;
      if (count > MAX_BYTES) {
        throw new BodyTooLargeException();
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
