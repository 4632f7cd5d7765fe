package se.breachflow.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import se.breachflow.web.SecurityHeadersFilter;

/**
 * Engine REST ({@code /engine-rest/**}) for anyone but administrators: only what an integration of this
 * process needs (README, Security) — start the process, read and work one's tasks (also through the task
 * filters), read the instances and their history that the engine's authorizations let one see. Everything else (jobs, job definitions,
 * metrics, deployments, identity, authorizations, variables set directly, deletion, modification, batches,
 * ...) answers {@code 403}, whatever the engine's authorizations would say: Camunda grants reading much of it
 * to anyone who may read the process definition. Runs after engine REST's authentication. The webapps do not
 * use engine REST: they have their own copy of it under {@code /camunda/api/engine}, with an allow-list of its own
 * ({@link WebappEngineApiAllowList}).
 */
public class EngineRestAllowList extends OncePerRequestFilter {

  private static final String HISTORY = "/history/(process-instance|activity-instance|task|variable-instance)";

  /** Reading: queries and single resources, all still subject to the engine's authorizations. */
  private static final List<Pattern> READ = patterns(
      "/engine",
      // Not the statistics of all definitions: the engine counts every controller's instances there for anyone who
      // may read the definition (its per-instance grants do not filter them); administrators only.
      "/process-definition(/(?!statistics$).*)?",
      "/task(/.*)?",
      "/process-instance(/.*)?",
      // Task filters (Tasklist's "Mina uppgifter"), READ granted per filter: a task list of one's own.
      "/filter(/.*)?",
      HISTORY + "(/.*)?");

  /** Changes and POST queries. */
  private static final List<Pattern> WRITE = patterns(
      "/process-definition/key/[^/]+(/tenant-id/[^/]+)?/(start|submit-form)",
      "/process-definition/[^/]+/(start|submit-form)",
      "/task(/count)?",
      "/task/[^/]+/(claim|unclaim|complete|submit-form)",
      "/task/[^/]+/comment/create",
      "/process-instance(/count)?",
      "/filter/[^/]+/(list|count)",
      HISTORY + "(/count)?");

  private static final Map<String, List<Pattern>> BY_METHOD =
      Map.of("GET", READ, "HEAD", READ, "POST", WRITE);
  private static final Pattern NAMED_ENGINE = Pattern.compile("^/engine/[^/]+(?=/|$)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final IdentityService identity;
  private final String restPath;

  /** @param restPath where engine REST lives, {@code /engine-rest} */
  public EngineRestAllowList(IdentityService identity, String restPath) {
    this.identity = identity;
    this.restPath = restPath;
  }

  /** May someone who is not an administrator send this request? */
  public static boolean allowed(String method, String resourcePath) {
    String path = NAMED_ENGINE.matcher(resourcePath).replaceFirst("");
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String resource = path;
    return BY_METHOD.getOrDefault(method, List.of()).stream().anyMatch(p -> p.matcher(resource).matches());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = SecurityHeadersFilter.pathOf(request);
    String resource = path.startsWith(restPath) ? path.substring(restPath.length()) : path;
    if (isAdministrator() || allowed(request.getMethod(), resource)) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpStatus.FORBIDDEN.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(JSON.writeValueAsString(Map.of("type", "AuthorizationException",
        "message", "Engine REST: " + request.getMethod() + " " + resource + " är förbehållet administratörer.")));
  }

  private boolean isAdministrator() {
    Authentication authentication = identity.getCurrentAuthentication();
    return authentication != null && authentication.getGroupIds() != null
        && authentication.getGroupIds().contains(Groups.ADMIN);
  }

  private static List<Pattern> patterns(String... regexes) {
    return Set.of(regexes).stream().map(Pattern::compile).toList();
  }
}
