package se.breachflow.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on everything the application serves itself (README, Security). The Camunda webapps under
 * {@code /camunda} send their own (Camunda's header security: a content security policy with
 * {@code frame-ancestors 'none'}, {@code nosniff}, HSTS in prod); their API answers get only
 * {@code Cache-Control: no-store} from here.
 *
 * <ul>
 *   <li>{@code /api/**}, {@code /engine-rest/**}, {@code /actuator/**}: personal data, or facts about the
 *       register: never stored by a browser or proxy ({@code no-store}, which no later filter or controller
 *       can weaken), never sniffed into something else, never framed;</li>
 *   <li>the start page: a content security policy that allows only its own files (it has no inline script);</li>
 *   <li>everything else (its CSS and script, the OpenAPI description): {@code nosniff} and no framing.</li>
 * </ul>
 */
public class SecurityHeadersFilter extends OncePerRequestFilter {

  static final String NO_STORE = "no-store";
  static final String START_PAGE_POLICY = "default-src 'self'; object-src 'none'; base-uri 'self'; "
      + "form-action 'self'; frame-ancestors 'none'";

  private final String webappPath;

  /** @param webappPath where the Camunda webapps live ({@code camunda.bpm.webapp.application-path}) */
  public SecurityHeadersFilter(String webappPath) {
    this.webappPath = webappPath.endsWith("/") ? webappPath : webappPath + "/";
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = pathOf(request);
    if (path.startsWith(webappPath)) {
      boolean webappApi = path.startsWith(webappPath + "api/") && !path.contains("/static/");
      chain.doFilter(request, webappApi ? noStore(response) : response);
      return;
    }
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/engine-rest/")
        || path.startsWith("/actuator/")) {
      response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
      chain.doFilter(request, noStore(response));
      return;
    }
    if (path.equals("/") || path.equals("/index.html")) {
      response.setHeader("Content-Security-Policy", START_PAGE_POLICY);
    }
    chain.doFilter(request, response);
  }

  /** The path within the application, decoded and normalised by the servlet container (no {@code ..}, no {@code ;}). */
  public static String pathOf(HttpServletRequest request) {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return path.replaceAll("/{2,}", "/");
  }

  /** Cache-Control is no-store, whatever is set later (engine REST's own filter sets "no-cache" on GETs). */
  private static HttpServletResponse noStore(HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
    return new HttpServletResponseWrapper(response) {
      @Override
      public void setHeader(String name, String value) {
        if (!HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)) {
          super.setHeader(name, value);
        }
      }

      @Override
      public void addHeader(String name, String value) {
        if (!HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)) {
          super.addHeader(name, value);
        }
      }
    };
  }
}
