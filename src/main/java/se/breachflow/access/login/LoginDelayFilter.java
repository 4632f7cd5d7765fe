package se.breachflow.access.login;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import se.breachflow.access.BasicCredentials;
import se.breachflow.web.ApiProblems;

/**
 * HTTP Basic on the APIs ({@code /api/**}, {@code /actuator/prometheus}, {@code /engine-rest/**}): a request
 * whose (user, client) is delayed is answered at once with {@code 429 Too Many Requests} and
 * {@code Retry-After}, before any password is checked, without holding the request thread. The counting
 * itself happens at the password check ({@link PasswordCheckThrottling}); this filter only gives the
 * refusal its clear answer. (The webapps' login form gets its usual "login failed" instead.)
 */
public class LoginDelayFilter extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LoginThrottle throttle;
  private final boolean engineRest;

  /** @param engineRest answer in engine REST's error shape ({@code type}, {@code message}) instead of problem+json */
  public LoginDelayFilter(LoginThrottle throttle, boolean engineRest) {
    this.throttle = throttle;
    this.engineRest = engineRest;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Duration> delay = BasicCredentials.of(request.getHeader(HttpHeaders.AUTHORIZATION))
        .flatMap(credentials -> throttle.remainingDelay(credentials.user(), LoginClient.of(request)));
    if (delay.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    long seconds = Math.max(1, (delay.get().toMillis() + 999) / 1000);
    String message = "För många felaktiga inloggningsförsök för användaren från din adress. Försök igen om "
        + seconds + (seconds == 1 ? " sekund." : " sekunder.");
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    if (!engineRest) {
      ProblemDetail problem = ApiProblems.of(HttpStatus.TOO_MANY_REQUESTS, "För många inloggningsförsök", message);
      problem.setProperty("retryAfterSeconds", seconds);
      ApiProblems.write(response, ApiProblems.at(problem, request.getRequestURI()));
      return;
    }
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "LoginDelayedException");
    body.put("message", message);
    response.getWriter().write(JSON.writeValueAsString(body));
  }
}
