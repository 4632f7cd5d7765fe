package se.breachflow.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import se.breachflow.web.SecurityHeadersFilter;

/**
 * The webapps' engine API ({@code /camunda/api/engine/engine/<name>/…}, Tasklist's, Cockpit's and Welcome's calls
 * with the session's login) for anyone but administrators: only what those apps call for the people who use them
 * (README, Security), as {@link EngineRestAllowList} does for engine REST. Everything else — jobs and job
 * definitions changed, {@code identity/verify} (a password oracle), users, groups, tenants and authorizations
 * managed, deployments, modifications, migrations, batches, external tasks, annotations, messages, signals,
 * conditions, metrics, filters created — answers {@code 403}, whatever Camunda's authorizations would say (they
 * let anyone who may read the process definition read and suspend its job definitions, for one). What passes is
 * still checked by the engine's authorizations and by the variable boundary.
 *
 * <ul>
 *   <li><b>Everyone logged in</b> (Tasklist, Welcome): the process definitions and the start form, the tasks, their
 *       forms, comments and history, claiming, assigning, completing and commenting, the task filters, the
 *       instances, one's own profile, password and groups.</li>
 *   <li><b>Who may use Cockpit</b> (Camunda's {@code ACCESS} to the application {@code cockpit}: management, by
 *       {@link AccessSetup}): besides, the reads of Cockpit's views — job definitions and jobs, incidents,
 *       executions, variables, decisions, deployments, batches and the history — and its queries.</li>
 * </ul>
 *
 * A request without a webapp login passes: Camunda's own security filter answers it (401) except for its few
 * open paths (the list of engines, the password policy).
 */
public class WebappEngineApiAllowList extends OncePerRequestFilter {

  private static final String OWN_HISTORY = "/history/(process-instance|activity-instance|task|variable-instance)";

  /** Reading for everyone logged in: GET, HEAD and OPTIONS (Tasklist asks OPTIONS which filter actions it has). */
  private static final List<Pattern> READ = patterns(
      "/engine",
      // Not the statistics of all definitions: the engine counts every controller's instances there for anyone who
      // may read the definition (its per-instance grants do not filter them); administrators only.
      "/process-definition(/(?!statistics$).*)?",
      "/task(/.*)?",
      "/process-instance(/.*)?",
      "/filter(/.*)?",
      OWN_HISTORY + "(/.*)?",
      // Tasklist's history of a task.
      "/history/user-operation(/count)?",
      // Welcome's list of one's groups: the engine lets a member read only the groups they belong to.
      "/group(/count)?",
      "/identity/password-policy");

  /** Changes and POST queries for everyone logged in. */
  private static final List<Pattern> WRITE = patterns(
      "/process-definition/key/[^/]+(/tenant-id/[^/]+)?/(start|submit-form)",
      "/process-definition/[^/]+/(start|submit-form)",
      "/task(/count)?",
      // Assigning goes to the task's candidates only, and resolve carries no values (workflow/VariableBoundary).
      "/task/[^/]+/(claim|unclaim|assignee|complete|submit-form|resolve)",
      "/task/[^/]+/comment/create",
      "/process-instance(/count)?",
      "/filter/[^/]+/(list|count)",
      OWN_HISTORY + "(/count)?",
      "/group(/count)?",
      "/identity/password-policy");

  /** Tasklist saves the whole task to set its follow-up date; the boundary refuses every other property. */
  private static final List<Pattern> UPDATE = patterns("/task/[^/]+");

  /** Cockpit's reads, for those who may use Cockpit. */
  private static final List<Pattern> COCKPIT_READ = patterns(
      "/job-definition(/.*)?",
      "/job(/.*)?",
      "/incident(/.*)?",
      "/execution(/.*)?",
      "/variable-instance(/.*)?",
      "/external-task(/count)?",
      "/decision-definition(/.*)?",
      "/decision-requirements-definition(/.*)?",
      "/case-definition(/.*)?",
      "/case-instance(/.*)?",
      "/deployment(/.*)?",
      "/batch(/.*)?",
      "/history(/.*)?");

  /** Cockpit's POST queries. */
  private static final List<Pattern> COCKPIT_QUERIES = patterns(
      "/(job|variable-instance|execution|external-task)(/count)?",
      "/history/(decision-instance|incident|job-log|detail|user-operation|external-task-log)(/count)?");

  private static final Map<String, List<Pattern>> EVERYONE =
      Map.of("GET", READ, "HEAD", READ, "OPTIONS", READ, "POST", WRITE, "PUT", UPDATE);
  private static final Map<String, List<Pattern>> COCKPIT =
      Map.of("GET", COCKPIT_READ, "HEAD", COCKPIT_READ, "OPTIONS", COCKPIT_READ, "POST", COCKPIT_QUERIES);

  /** Only about oneself: the profile (read), the password (with the current one), one's groups, one's permissions. */
  private static final Pattern OWN_PROFILE = Pattern.compile("/user/([^/]+)/profile");
  private static final Pattern OWN_CREDENTIALS = Pattern.compile("/user/([^/]+)/credentials");

  private static final Pattern NAMED_ENGINE = Pattern.compile("^/engine/[^/]+(?=/|$)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final SystemCalls system;
  private final String apiPath;
  private final String engineName;

  /**
   * @param webappPath where the webapps live, {@code /camunda}
   * @param engineName the engine whose login the webapps' session holds
   */
  public WebappEngineApiAllowList(IdentityService identity, AuthorizationService authorizations, SystemCalls system,
      String webappPath, String engineName) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.system = system;
    this.apiPath = (webappPath.endsWith("/") ? webappPath.substring(0, webappPath.length() - 1) : webappPath)
        + "/api/engine";
    this.engineName = engineName;
  }

  /** The resource of the engine API a path names: {@code /task/1/claim} for {@code /engine/default/task/1/claim}. */
  static String resource(String path) {
    String resource = NAMED_ENGINE.matcher(path).replaceFirst("");
    return resource.length() > 1 && resource.endsWith("/") ? resource.substring(0, resource.length() - 1) : resource;
  }

  /** May everyone logged in send this? {@code queryUserId} is the request's {@code userId} parameter. */
  static boolean allowedToEveryone(String method, String resource, String user, String queryUserId) {
    if (matches(EVERYONE, method, resource)) {
      return true;
    }
    boolean reading = method.equals("GET") || method.equals("HEAD");
    return reading && own(OWN_PROFILE, resource, user)
        || method.equals("PUT") && own(OWN_CREDENTIALS, resource, user)
        // Tasklist's and Welcome's question "which groups am I in?", and "may I …?" about oneself.
        || reading && resource.equals("/identity/groups") && user.equals(queryUserId)
        || reading && resource.equals("/authorization/check") && (queryUserId == null || user.equals(queryUserId));
  }

  /** May someone who may use Cockpit send this as well? */
  static boolean allowedInCockpit(String method, String resource) {
    return matches(COCKPIT, method, resource);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = SecurityHeadersFilter.pathOf(request);
    Optional<String> user = WebappSessionUser.of(request, engineName);
    if (!path.startsWith(apiPath + "/") || user.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    String method = request.getMethod();
    String resource = resource(path.substring(apiPath.length()));
    String queryUserId = method.equals("GET") || method.equals("HEAD") ? request.getParameter("userId") : null;
    if (allowedToEveryone(method, resource, user.get(), queryUserId) || privileged(user.get(), method, resource)) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpStatus.FORBIDDEN.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(JSON.writeValueAsString(Map.of("type", "AuthorizationException",
        "message", method + " " + resource + " är förbehållet administratörer.")));
  }

  /** An administrator; or, for Cockpit's reads, someone who may use Cockpit. Read afresh, as the application. */
  private boolean privileged(String user, String method, String resource) {
    Collection<String> groups = system.run(() -> identity.createGroupQuery().groupMember(user).list()).stream()
        .map(Group::getId).toList();
    if (groups.contains(Groups.ADMIN)) {
      return true;
    }
    return allowedInCockpit(method, resource) && system.run(() -> authorizations.isUserAuthorized(user,
        List.copyOf(groups), Permissions.ACCESS, Resources.APPLICATION, "cockpit"));
  }

  private static boolean own(Pattern pattern, String resource, String user) {
    var matcher = pattern.matcher(resource);
    return matcher.matches() && matcher.group(1).equals(user);
  }

  private static boolean matches(Map<String, List<Pattern>> byMethod, String method, String resource) {
    return byMethod.getOrDefault(method, List.of()).stream().anyMatch(p -> p.matcher(resource).matches());
  }

  private static List<Pattern> patterns(String... regexes) {
    return Arrays.stream(regexes).map(Pattern::compile).toList();
  }
}
