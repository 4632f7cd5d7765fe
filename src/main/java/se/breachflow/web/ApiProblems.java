package se.breachflow.web;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;

import se.breachflow.shared.FieldError;

/**
 * The problems ({@code application/problem+json}, RFC 9457) the API answers with, in Swedish. One place for
 * the texts, whichever way an error arrives: a controller's exception (ApiExceptionHandler), an error Spring
 * MVC answers before any controller runs (404, 405, 406, 415), or an error of the servlet container or a
 * filter (ApiErrorController).
 */
public final class ApiProblems {

  /** Requests under this path are the project's API and get problems, never HTML or Boot's error JSON. */
  public static final String API_PATH = "/api/";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ApiProblems() {}

  public static boolean isApi(String path) {
    return path != null && (path.startsWith(API_PATH) || path.equals("/api"));
  }

  /** The problem for a status, with its Swedish title and detail. */
  public static ProblemDetail of(HttpStatusCode status) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status.value()));
    problem.setTitle(title(status.value()));
    return problem;
  }

  /** The 400 of bad fields: {@code errors: [{field, reason}]}. */
  public static ProblemDetail invalid(List<FieldError> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "Uppgifterna innehåller fel: se errors.");
    problem.setTitle("Ogiltiga uppgifter");
    problem.setProperty("errors", errors);
    return problem;
  }

  /** The problem with the path of the request as its {@code instance}. */
  public static ProblemDetail at(ProblemDetail problem, String path) {
    if (path != null && problem.getInstance() == null) {
      try {
        problem.setInstance(URI.create(path));
      } catch (IllegalArgumentException unusable) {
        // The path is only informative; a problem without it is still complete.
      }
    }
    return problem;
  }

  /**
   * The answer with the problem: its status and {@code Content-Type: application/problem+json} set, so that
   * it is not negotiated (a client that accepts only HTML still gets the problem, not an empty 406).
   */
  public static ResponseEntity<Object> response(ProblemDetail problem) {
    return response(problem, new HttpHeaders());
  }

  public static ResponseEntity<Object> response(ProblemDetail problem, HttpHeaders headers) {
    HttpHeaders all = new HttpHeaders();
    all.putAll(headers);
    all.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return ResponseEntity.status(problem.getStatus()).headers(all).body(problem);
  }

  /** The problem as a map for a plain JSON writer (the members of RFC 9457, then the extensions). */
  public static Map<String, Object> toMap(ProblemDetail problem) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", problem.getType().toString());
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    if (problem.getInstance() != null) {
      body.put("instance", problem.getInstance().toString());
    }
    if (problem.getProperties() != null) {
      body.putAll(problem.getProperties());
    }
    return body;
  }

  /**
   * Writes the problem as the answer of a filter that runs before Spring MVC (logins, throttles, restricted paths):
   * its status, {@code application/problem+json} without a charset as MVC's problems (JSON is UTF-8), the body.
   * Headers such as {@code WWW-Authenticate} are the caller's.
   */
  public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    byte[] body = JSON.writeValueAsBytes(toMap(problem));
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** A problem with its own title and detail. */
  public static ProblemDetail of(HttpStatusCode status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }

  static String title(int status) {
    return switch (status) {
      case 400 -> "Ogiltig begäran";
      case 401 -> "Inloggning krävs";
      case 403 -> "Åtkomst nekad";
      case 404 -> "Hittades inte";
      case 405 -> "Metoden stöds inte";
      case 406 -> "Svarsformatet stöds inte";
      case 409 -> "Konflikt";
      case 413 -> "För stort innehåll";
      case 415 -> "Innehållstypen stöds inte";
      case 503 -> "Tjänsten är inte tillgänglig";
      default -> status >= 500 ? "Internt fel" : "Begäran kunde inte utföras";
    };
  }

  static String detail(int status) {
    return switch (status) {
      case 400 -> "Begäran kunde inte läsas. Kontrollera adressen, parametrarna och innehållet.";
      case 401 -> "Logga in med användarnamn och lösenord (HTTP Basic).";
      case 403 -> "Du har inte behörighet till detta.";
      case 404 -> "Det finns inget på den här adressen.";
      case 405 -> "Metoden går inte att använda på den här adressen. Tillåtna metoder står i Allow.";
      case 406 -> "Svaret kan bara ges som application/json (och fel som application/problem+json). "
          + "Ange Accept: application/json eller utelämna Accept.";
      case 409 -> "Begäran krockar med ärendets nuvarande läge.";
      case 413 -> "Innehållet är för stort: högst " + ApiRequests.MAX_TEXT + ".";
      case 415 -> "Skicka innehållet som JSON med Content-Type: application/json.";
      case 503 -> "Tjänsten är tillfälligt otillgänglig. Försök igen om en stund.";
      default -> status >= 500
          ? "Ett oväntat fel inträffade. Inget har sparats; försök igen eller kontakta administratören."
          : "Begäran kunde inte utföras.";
    };
  }
}
