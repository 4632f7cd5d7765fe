package se.breachflow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load program for a running breachflow (issue 11, BENCHMARKS.md). Not a test: surefire's default includes
 * (*Test, Test*, *Tests, *TestCase) do not match it, and it uses nothing but the JDK, so it runs from the
 * source file or from target/test-classes:
 *
 * <pre>
 * java src/test/java/se/breachflow/bench/BreachflowBenchmark.java --url http://localhost:8080 \
 *      --scenarios intake,engine-start --clients 1,8,32 --duration 20 --warmup 5
 * </pre>
 *
 * Closed loop: each client (a thread) sends its next request when the previous answer has arrived. For each
 * client count, the scenarios run one after the other against the same application (a figure and its
 * baseline in one run). Reports requests per second and p50/p95/p99/max latency of the measured period
 * (after the warm-up); answers other than 2xx are counted as errors and left out of the latencies.
 *
 * Scenarios: intake (POST /api/incidents as reporter, README's body), engine-start (POST
 * /engine-rest/process-definition/key/benchTrivial/start; the trivial model startEvent -> userTask is
 * deployed via engine REST as admin first), assessment (POST /api/assessments as dpo, README's body),
 * health (GET /actuator/health, no login), engine (GET /engine-rest/engine as dpo), get:PATH (GET PATH as
 * --user). Other modes: --seed N [--aware-hours-ago H] (report N incidents with --clients[0] clients, discovered
 * H hours ago, default 1; 50 makes the 24-hours-left reminder due), --seed-timer N (deploy the baseline benchTimer,
 * a user task with an already due non-interrupting timer, and start N instances), --time PATH [--repeat N] (N
 * sequential GETs of PATH as --user, print each time and the size), --tasklist [--repeat N] [--page 15] (the
 * Tasklist filter "Min grupps uppgifter" of --user: first page and count), --replay tasklist|cockpit|overview
 * [--repeat N] [--filter NAME] (log in to the webapp as --user with its login form, then N times the requests the
 * page asks when it is opened, in the browser's order and concurrency: Tasklist with the filter NAME, default "Min
 * grupps uppgifter", Cockpit's dashboard, breachflow's overview #/oversikt; each request's time and the page's wall
 * time, see {@link #replay}), --suspend KEY (suspend the job definitions and jobs of a process definition key, as
 * admin), --fire KEY --activity ID --jdbc URL [--db-user U] [--db-password P] (activate them and wait until the
 * activity's timer jobs have fired; the job executor's rate from the job log; needs the JDBC driver on the
 * classpath).
 */
public final class BreachflowBenchmark {

    /**
     * The README's example report. Its times are relative to now ({@link #incident}): a fixed date would, a few
     * days later, make the window's reminder (and then the deadline) due at once, so that every report also
     * fired timers and the intake figure would depend on the day it was measured.
     */
    static final String INCIDENT = """
            {"controllerId": "ks", "description": "E-post med tre elevers namn skickades till fel vårdnadshavare.",
             "cause": "MISDIRECTED_EMAIL", "occurredAt": "%s",
             "discoveredAt": "%s", "breachTypes": ["CONFIDENTIALITY"],
             "dataCategories": ["IDENTITY", "CONTACT"], "dataSubjectCount": 3, "vulnerableSubjects": true,
             "recipient": "EXTERNAL", "recipientConfirmedDeletion": false, "processor": null,
             "measuresTaken": "Mottagaren ombedd att radera." }""";

    /** The report with discoveredAt = now - hoursAgo (occurredAt one hour earlier). */
    static String incident(double hoursAgo) {
        Instant discovered = Instant.now().minusSeconds((long) (hoursAgo * 3600)).truncatedTo(ChronoUnit.SECONDS);
        return INCIDENT.formatted(discovered.minusSeconds(3600), discovered);
    }

    static final String ASSESSMENT = """
            {"breachTypes": ["CONFIDENTIALITY"], "cause": "MISDIRECTED_EMAIL", "dataCategories": ["IDENTITY", "CONTACT"],
             "dataSubjectCount": 24, "vulnerableSubjects": false, "publiclyAvailable": false, "identifiability": "MAXIMUM",
             "confidentialityLoss": "KNOWN_RECIPIENTS", "integrityLoss": "NONE", "availabilityLoss": "NONE",
             "maliciousIntent": false, "unintelligible": false, "recipientConfirmedDeletion": true }""";

    static final String TRIVIAL_KEY = "benchTrivial";

    static final String TRIVIAL_BPMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="benchDefinitions"
                targetNamespace="http://breachflow.se/bench">
              <bpmn:process id="benchTrivial" name="Benchmark baseline" isExecutable="true"
                  camunda:historyTimeToLive="P1D" camunda:isStartableInTasklist="false">
                <bpmn:startEvent id="start"/>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
                <bpmn:userTask id="task" name="Trivial" camunda:candidateGroups="dpo-ks"/>
              </bpmn:process>
            </bpmn:definitions>
            """;

    static final String TIMER_KEY = "benchTimer";

    /**
     * The scale baseline: startEvent -> userTask (candidate group dpo-ks) with a non-interrupting timer boundary
     * event that is already due (a fixed date in the past) -> endEvent. Its timer is the counterpart of
     * breachflow's boundaryEvent_deadlineReminder, which fires a service task that writes to the outbox.
     */
    static final String TIMER_BPMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="benchTimerDefinitions"
                targetNamespace="http://breachflow.se/bench">
              <bpmn:process id="benchTimer" name="Benchmark baseline with a due timer" isExecutable="true"
                  camunda:historyTimeToLive="P1D" camunda:isStartableInTasklist="false">
                <bpmn:startEvent id="start"/>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
                <bpmn:userTask id="task" name="Trivial with timer" camunda:candidateGroups="dpo-ks"/>
                <bpmn:boundaryEvent id="reminder" cancelActivity="false" attachedToRef="task">
                  <bpmn:timerEventDefinition><bpmn:timeDate>2000-01-01T00:00:00Z</bpmn:timeDate></bpmn:timerEventDefinition>
                </bpmn:boundaryEvent>
                <bpmn:sequenceFlow id="f2" sourceRef="reminder" targetRef="reminded"/>
                <bpmn:endEvent id="reminded"/>
              </bpmn:process>
            </bpmn:definitions>
            """;

    record Scenario(String name, String method, String path, String user, String body) {}

    record Result(String scenario, int clients, long ok, long errors, double seconds, long[] latenciesNanos) {
        double throughput() { return ok / seconds; }
        double pct(double p) {
            if (latenciesNanos.length == 0) return Double.NaN;
            int i = (int) Math.ceil(p / 100.0 * latenciesNanos.length) - 1;
            return latenciesNanos[Math.max(0, Math.min(i, latenciesNanos.length - 1))] / 1e6;
        }
    }

    private final HttpClient http;
    private final String url;
    private final Map<String, String> users = new LinkedHashMap<>();

    BreachflowBenchmark(String url) {
        this.url = url.replaceAll("/$", "");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i < argv.length; i++) {
            String k = argv[i].replaceFirst("^--", "");
            String v = (i + 1 < argv.length && !argv[i + 1].startsWith("--")) ? argv[++i] : "true";
            a.put(k, v);
        }
        BreachflowBenchmark b = new BreachflowBenchmark(a.getOrDefault("url", "http://localhost:8080"));
        b.users.put("reporter", a.getOrDefault("reporter", "reporter:reporter"));
        b.users.put("dpo", a.getOrDefault("dpo", "dpo:dpo"));
        b.users.put("admin", a.getOrDefault("admin", "admin:admin"));
        b.users.put("user", a.getOrDefault("user", "dpo:dpo"));
        b.users.put("baseline", a.getOrDefault("baseline-user", "reporter:reporter"));
        int[] clients = Arrays.stream(a.getOrDefault("clients", "1,8,32").split(",")).mapToInt(Integer::parseInt).toArray();

        if (a.containsKey("seed")) {
            b.seed(Integer.parseInt(a.get("seed")), clients[0], Double.parseDouble(a.getOrDefault("aware-hours-ago", "1")));
            return;
        }
        if (a.containsKey("seed-timer")) {
            b.deploy(TIMER_KEY, TIMER_BPMN);
            b.seedTimer(Integer.parseInt(a.get("seed-timer")), clients[0]);
            return;
        }
        if (a.containsKey("tasklist")) {
            b.tasklist(Integer.parseInt(a.getOrDefault("repeat", "5")), Integer.parseInt(a.getOrDefault("page", "15")));
            return;
        }
        if (a.containsKey("advance")) {
            b.users.put("coordinator", a.getOrDefault("coordinator", "coordinator:coordinator"));
            b.users.put("decider", a.getOrDefault("decider", "decider:decider"));
            b.advance(a.get("advance"));
            return;
        }
        if (a.containsKey("suspend")) {
            b.suspendJobs(a.get("suspend"), true);
            return;
        }
        if (a.containsKey("fire")) {
            b.fire(a.get("fire"), a.get("activity"), a.get("jdbc"), a.getOrDefault("db-user", "sa"),
                    a.getOrDefault("db-password", ""), Double.parseDouble(a.getOrDefault("poll", "1")),
                    Integer.parseInt(a.getOrDefault("timeout", "1800")));
            return;
        }
        if (a.containsKey("time")) {
            b.time(a.get("time"), Integer.parseInt(a.getOrDefault("repeat", "5")));
            return;
        }
        if (a.containsKey("replay")) {
            b.replay(a.get("replay"), Integer.parseInt(a.getOrDefault("repeat", "5")),
                    a.getOrDefault("filter", "Min grupps uppgifter"));
            return;
        }
        int duration = Integer.parseInt(a.getOrDefault("duration", "20"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "5"));
        List<Scenario> scenarios = new ArrayList<>();
        for (String s : a.getOrDefault("scenarios", "intake,engine-start").split(",")) scenarios.add(b.scenario(s));
        if (scenarios.stream().anyMatch(s -> s.name().equals("engine-start"))) b.deployTrivial();

        System.out.printf(Locale.ROOT, "# %s, %d s measured after %d s warm-up per scenario and client count%n",
                b.url, duration, warmup);
        System.out.println("| scenario | clients | requests/s | p50 ms | p95 ms | p99 ms | max ms | ok | errors |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int c : clients) {
            for (Scenario s : scenarios) {
                Result r = b.run(s, c, warmup, duration);
                System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %d |%n",
                        s.name(), c, r.throughput(), r.pct(50), r.pct(95), r.pct(99), r.pct(100), r.ok(), r.errors());
            }
        }
    }

    Scenario scenario(String name) {
        return switch (name) {
            case "intake" -> new Scenario(name, "POST", "/api/incidents", "reporter", incident(1));
            case "engine-start" -> new Scenario(name, "POST",
                    "/engine-rest/process-definition/key/" + TRIVIAL_KEY + "/start", "baseline", "{}");
            case "assessment" -> new Scenario(name, "POST", "/api/assessments", "dpo", ASSESSMENT);
            case "health" -> new Scenario(name, "GET", "/actuator/health", null, null);
            case "engine" -> new Scenario(name, "GET", "/engine-rest/engine", "dpo", null);
            default -> {
                if (name.startsWith("get:")) yield new Scenario(name, "GET", name.substring(4), "user", null);
                throw new IllegalArgumentException("unknown scenario " + name);
            }
        };
    }

    HttpRequest request(String method, String path, String user, String body) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(120));
        if (user != null) {
            r.header("Authorization", basic(user));
        }
        if (body != null) {
            r.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            r.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return r.build();
    }

    /** The HTTP Basic header of one of the runner's users (reporter, dpo, admin, user, baseline). */
    private String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString(users.get(user).getBytes(StandardCharsets.UTF_8));
    }

    /** Deploys the baseline's trivial model through engine REST as admin (multipart, as the brief asks). */
    void deployTrivial() throws IOException, InterruptedException {
        deploy(TRIVIAL_KEY, TRIVIAL_BPMN);
    }

    void deploy(String key, String bpmn) throws IOException, InterruptedException {
        String boundary = "bench" + UUID.randomUUID();
        String multipart = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\nbenchmark-baseline\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"enable-duplicate-filtering\"\r\n\r\ntrue\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"data\"; filename=\"" + key + ".bpmn\"\r\n"
                + "Content-Type: application/xml\r\n\r\n" + bpmn + "\r\n"
                + "--" + boundary + "--\r\n";
        HttpRequest r = HttpRequest.newBuilder(URI.create(url + "/engine-rest/deployment/create"))
                .header("Authorization", basic("admin"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(multipart, StandardCharsets.UTF_8)).build();
        HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString());
        if (resp.statusCode() / 100 != 2) {
            throw new IllegalStateException("deployment failed: " + resp.statusCode() + " " + resp.body());
        }
        System.out.println("# deployed " + key + ": " + resp.statusCode());
        // Staff may start breachflow's process (AccessSetup); the same grant for the baseline's model, so both
        // are started by the same user with the same authorization checks. A second run finds it present.
        HttpRequest grant = HttpRequest.newBuilder(URI.create(url + "/engine-rest/authorization/create"))
                .header("Authorization", basic("admin"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\": 1, \"permissions\": [\"READ\", \"CREATE_INSTANCE\"], "
                        + "\"groupId\": \"staff\", \"resourceType\": 6, \"resourceId\": \"" + key + "\"}")).build();
        HttpResponse<String> granted = http.send(grant, HttpResponse.BodyHandlers.ofString());
        System.out.println("# granted staff READ, CREATE_INSTANCE on " + key + ": " + granted.statusCode());
    }

    Result run(Scenario s, int clients, int warmupSeconds, int seconds) throws InterruptedException {
        HttpRequest req = request(s.method(), s.path(), s.user(), s.body());
        long start = System.nanoTime();
        long measureFrom = start + warmupSeconds * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        List<long[]> perClient = new ArrayList<>(java.util.Collections.nCopies(clients, (long[]) null));
        int[] counts = new int[clients];
        CountDownLatch done = new CountDownLatch(clients);
        String[] firstError = new String[1];
        for (int c = 0; c < clients; c++) {
            long[][] buf = {new long[4096]};
            int idx = c;
            Thread t = new Thread(() -> {
                try {
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= end) break;
                        int status;
                        String body;
                        try {
                            HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
                            status = resp.statusCode();
                            body = resp.body();
                        } catch (IOException e) {
                            status = -1;
                            body = e.toString();
                        } catch (InterruptedException e) {
                            return;
                        }
                        long t1 = System.nanoTime();
                        if (t0 < measureFrom || t1 > end) continue;
                        if (status / 100 != 2) {
                            if (errors.getAndIncrement() == 0) firstError[0] = status + " " + body;
                            continue;
                        }
                        if (counts[idx] == buf[0].length) buf[0] = Arrays.copyOf(buf[0], buf[0].length * 2);
                        buf[0][counts[idx]++] = t1 - t0;
                    }
                } finally {
                    synchronized (perClient) {
                        perClient.set(idx, Arrays.copyOf(buf[0], counts[idx]));
                    }
                    done.countDown();
                }
            }, "bench-" + s.name() + "-" + c);
            t.start();
        }
        done.await();
        long[] all = perClient.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        if (firstError[0] != null) {
            System.out.println("# " + s.name() + ": first error " + firstError[0].substring(0, Math.min(300, firstError[0].length())));
        }
        return new Result(s.name(), clients, all.length, errors.get(), seconds, all);
    }

    /**
     * Reports n incidents with the given number of clients; prints the first and last number. discoveredAt is
     * now - awareHoursAgo: with 50, the window's 24-hours-left reminder (awareness + 48 h) is already due, the
     * escalation (awareness + 66 h) and the deadline (+ 72 h) are not.
     */
    void seed(int n, int clients, double awareHoursAgo) throws InterruptedException {
        HttpRequest req = request("POST", "/api/incidents", "reporter", incident(awareHoursAgo));
        load("incidents (aware " + awareHoursAgo + " h ago)", req, Pattern.compile("\"number\"\\s*:\\s*\"([^\"]+)\""), n, clients);
    }

    /** Starts n instances of the baseline's benchTimer (deployed first) through engine REST as the baseline user. */
    void seedTimer(int n, int clients) throws InterruptedException {
        HttpRequest req = request("POST", "/engine-rest/process-definition/key/" + TIMER_KEY + "/start", "baseline", "{}");
        load(TIMER_KEY + " instances", req, Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\""), n, clients);
    }

    private void load(String what, HttpRequest req, Pattern id, int n, int clients) throws InterruptedException {
        AtomicLong left = new AtomicLong(n);
        AtomicLong errors = new AtomicLong();
        List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        String[] firstError = new String[1];
        long t0 = System.nanoTime();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            new Thread(() -> {
                try {
                    while (left.getAndDecrement() > 0) {
                        try {
                            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                            Matcher m = id.matcher(r.body());
                            if (r.statusCode() / 100 == 2 && m.find()) {
                                ids.add(m.group(1));
                                if (ids.size() % 1000 == 0) {
                                    System.out.printf(Locale.ROOT, "#   %d after %.1f s%n", ids.size(), (System.nanoTime() - t0) / 1e9);
                                }
                            } else if (errors.getAndIncrement() == 0) {
                                firstError[0] = r.statusCode() + " " + r.body();
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        double s = (System.nanoTime() - t0) / 1e9;
        if (firstError[0] != null) System.out.println("# first error: " + firstError[0].substring(0, Math.min(300, firstError[0].length())));
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        System.out.printf(Locale.ROOT, "# seeded %d %s (%d errors) in %.1f s (%.1f/s) with %d clients: %s .. %s%n",
                ids.size(), what, errors.get(), s, ids.size() / s, clients,
                sorted.isEmpty() ? "-" : sorted.get(0), sorted.isEmpty() ? "-" : sorted.get(sorted.size() - 1));
    }

    private String get(String path, String user, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", basic(user));
        if (accept != null) r.header("Accept", accept);
        HttpResponse<String> resp = http.send(r.GET().build(), HttpResponse.BodyHandlers.ofString());
        if (resp.statusCode() / 100 != 2) throw new IllegalStateException(path + ": " + resp.statusCode() + " " + resp.body());
        return resp.body();
    }

    private static long count(String json) {
        Matcher m = Pattern.compile("\"count\"\\s*:\\s*(\\d+)").matcher(json);
        if (!m.find()) throw new IllegalStateException("no count in " + json);
        return Long.parseLong(m.group(1));
    }

    /**
     * The task list as Tasklist shows it to --user: its filter "Min grupps uppgifter" (candidate groups of the
     * user, assigned tasks included; AccessSetup), first page sorted by creation time, newest first, as HAL
     * (the list and its count in one answer, as Tasklist asks for it), then the same list as plain JSON (no count,
     * no embedded resources) and the filter's count alone, to tell the parts apart.
     */
    void tasklist(int n, int pageSize) throws IOException, InterruptedException {
        String filters = get("/engine-rest/filter?resourceType=Task&name=" + java.net.URLEncoder.encode("Min grupps uppgifter", StandardCharsets.UTF_8), "user", null);
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(filters);
        if (!m.find()) throw new IllegalStateException("filter not found: " + filters);
        String filter = m.group(1);
        HttpRequest list = HttpRequest.newBuilder(URI.create(url + "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=" + pageSize))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", basic("user"))
                .header("Content-Type", "application/json").header("Accept", "application/hal+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sorting\": [{\"sortBy\": \"created\", \"sortOrder\": \"desc\"}]}")).build();
        timeRequests("filter " + filter + " list (HAL, first " + pageSize + ", created desc)", list, n);
        HttpRequest plain = HttpRequest.newBuilder(list, (k, v) -> !k.equalsIgnoreCase("Accept")).header("Accept", "application/json").build();
        timeRequests("filter " + filter + " list (plain JSON, first " + pageSize + ", created desc)", plain, n);
        timeRequests("filter " + filter + " count", request("GET", "/engine-rest/filter/" + filter + "/count", "user", null), n);
    }

    private void timeRequests(String label, HttpRequest req, int n) throws IOException, InterruptedException {
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            times[i] = System.nanoTime() - t0;
            String body = r.body();
            Matcher c = Pattern.compile("\"count\"\\s*:\\s*(\\d+)").matcher(body);
            System.out.printf(Locale.ROOT, "#   %s run %d: %d, %d chars%s, %.1f ms%n", label, i + 1, r.statusCode(), body.length(),
                    c.find() ? ", count " + c.group(1) : "", times[i] / 1e6);
        }
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "| %s | %d runs | first %.1f ms | median %.1f ms | min %.1f ms |%n",
                label, n, times[0] / 1e6, sorted[(n - 1) / 2] / 1e6, sorted[0] / 1e6);
    }

    /**
     * Takes one incident (its number) through the coordinator's assessment, the DPO's advice and the controller's
     * decision (notify IMY,
     * inform the data subjects) to a filed preliminary notification to IMY, claiming and submitting each task's
     * form through engine REST as Tasklist does, so that every document kind exists for it.
     */
    void advance(String number) throws IOException, InterruptedException {
        complete(number, "userTask_assessIncident", "coordinator", """
                {"identifiability": {"value": "MAXIMUM"}, "confidentialityLoss": {"value": "KNOWN_RECIPIENTS"},
                 "integrityLoss": {"value": "NONE"}, "availabilityLoss": {"value": "NONE"},
                 "maliciousIntent": {"value": false}, "unintelligible": {"value": false},
                 "publiclyAvailable": {"value": false}}""");
        complete(number, "userTask_dpoAdvice", "dpo", """
                {"dpoAdviceNotABreach": {"value": false}, "dpoAdviceNotifyImy": {"value": true},
                 "dpoAdviceInformDataSubjects": {"value": true},
                 "dpoAdviceReasons": {"value": "Elevuppgifter till fel mottagare; risk för de registrerade."}}""");
        complete(number, "userTask_decision", "decider", """
                {"notABreach": {"value": false}, "notifyImy": {"value": true}, "informDataSubjects": {"value": true},
                 "informUrgently": {"value": false},
                 "decisionJustification": {"value": "Elevuppgifter till fel mottagare; risk för de registrerade."}}""");
        complete(number, "userTask_notifyImy", "dpo", """
                {"imyCaseNumber": {"value": "IMY-2026-1234"}, "imySubmittedAt": {"value": "%s"},
                 "imyReportType": {"value": "PRELIMINARY"},
                 "imyContactAddress": {"value": "Exempelkommunen, Box 1, 123 45 Exempelstad"}}"""
                .formatted(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    }

    private void complete(String number, String taskKey, String user, String variables) throws IOException, InterruptedException {
        String tasks = get("/engine-rest/task?processInstanceBusinessKey=" + number + "&taskDefinitionKey=" + taskKey, user, null);
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(tasks);
        if (!m.find()) throw new IllegalStateException(taskKey + " of " + number + " not found as " + user + ": " + tasks);
        String id = m.group(1);
        String userId = users.get(user).split(":")[0];
        for (String[] call : new String[][] {{"claim", "{\"userId\": \"" + userId + "\"}"},
                {"submit-form", "{\"variables\": " + variables + "}"}}) {
            HttpResponse<String> r = http.send(request("POST", "/engine-rest/task/" + id + "/" + call[0], user, call[1]),
                    HttpResponse.BodyHandlers.ofString());
            System.out.printf(Locale.ROOT, "# %s %s %s as %s: %d%n", number, taskKey, call[0], userId, r.statusCode());
            if (r.statusCode() / 100 != 2) throw new IllegalStateException(r.body());
        }
    }

    /** Suspends (or activates) the job definitions of a process definition key and their jobs, as admin. */
    void suspendJobs(String key, boolean suspended) throws IOException, InterruptedException {
        HttpRequest r = request("PUT", "/engine-rest/job-definition/suspended", "admin",
                "{\"processDefinitionKey\": \"" + key + "\", \"suspended\": " + suspended + ", \"includeJobs\": true}");
        HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString());
        System.out.printf(Locale.ROOT, "# %s job definitions and jobs of %s: %d %s%n", suspended ? "suspended" : "activated",
                key, resp.statusCode(), resp.body());
        if (resp.statusCode() / 100 != 2) throw new IllegalStateException("suspension failed");
    }

    /**
     * The job executor's firing rate for the timer of one activity (e.g. boundaryEvent_deadlineReminder of
     * personal-data-breach, or reminder of benchTimer): activates that process definition's (suspended) jobs
     * through engine REST, polls the number of that timer's jobs left in the database every pollSeconds until
     * none is left (over JDBC: on H2 with 10,000s of jobs, engine REST's job queries took seconds to minutes, see
     * BENCHMARKS.md), then reads the rate from the history: the success entries of the job log since the activation (the
     * application and the runner in UTC), first to last.
     * The JDBC driver comes from the classpath (java -cp h2.jar or postgresql.jar BreachflowBenchmark.java ...),
     * the only mode that needs more than the JDK.
     */
    void fire(String key, String activity, String jdbcUrl, String dbUser, String dbPassword, double pollSeconds,
            int timeoutSeconds) throws Exception {
        String defs = get("/engine-rest/job-definition?processDefinitionKey=" + key + "&activityIdIn=" + activity, "admin", null);
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(defs);
        if (!m.find()) throw new IllegalStateException("no job definition: " + defs);
        String jobDefinition = m.group(1);
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(jdbcUrl, dbUser, dbPassword)) {
            java.sql.PreparedStatement left = db.prepareStatement("select count(*) from act_ru_job where job_def_id_ = ?");
            left.setString(1, jobDefinition);
            long before = single(left);
            System.out.printf(Locale.ROOT, "# %s %s (job definition %s): %d timer jobs%n", key, activity, jobDefinition, before);
            java.sql.Timestamp activated = java.sql.Timestamp.from(Instant.now().minusSeconds(1));
            suspendJobs(key, false);
            long t0 = System.nanoTime();
            double lastPrint = -10;
            long n;
            while (true) {
                n = single(left);
                double t = (System.nanoTime() - t0) / 1e9;
                if (t - lastPrint >= 5 || n == 0) {
                    System.out.printf(Locale.ROOT, "#   %.1f s: %d left (%s)%n", t, n, java.time.LocalTime.now().withNano(0));
                    lastPrint = t;
                }
                if (n == 0 || t > timeoutSeconds) break;
                Thread.sleep((long) (pollSeconds * 1000));
            }
            java.sql.PreparedStatement log = db.prepareStatement("select count(*), min(timestamp_), max(timestamp_) "
                    + "from act_hi_job_log where job_def_id_ = ? and job_state_ = 2 and timestamp_ >= ?");
            log.setString(1, jobDefinition);
            log.setTimestamp(2, activated);
            try (java.sql.ResultSet r = log.executeQuery()) {
                r.next();
                long fired = r.getLong(1);
                java.sql.Timestamp first = r.getTimestamp(2), last = r.getTimestamp(3);
                double span = (last.getTime() - first.getTime()) / 1000.0;
                System.out.printf(Locale.ROOT, "| %s %s | %d fired (job log) | first %s, last %s | %.1f s | %.1f jobs/s | %d left |%n",
                        key, activity, fired, first, last, span, fired / span, n);
            }
            java.sql.PreparedStatement failed = db.prepareStatement(
                    "select count(*) from act_ru_job where job_def_id_ = ? and exception_msg_ is not null");
            failed.setString(1, jobDefinition);
            System.out.println("# jobs with an exception: " + single(failed));
        }
    }

    private static long single(java.sql.PreparedStatement s) throws java.sql.SQLException {
        try (java.sql.ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    /** n sequential GETs of path as --user; prints each time, status and size, then the median. */
    void time(String path, int n) throws IOException, InterruptedException {
        HttpRequest req = request("GET", path, "user", null);
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            times[i] = System.nanoTime() - t0;
            System.out.printf(Locale.ROOT, "#   %s run %d: %d, %d bytes, %.1f ms%n", path, i + 1, r.statusCode(),
                    r.body().length, times[i] / 1e6);
        }
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "| GET %s | %d runs | first %.1f ms | median %.1f ms | min %.1f ms |%n",
                path, n, times[0] / 1e6, sorted[(n - 1) / 2] / 1e6, sorted[0] / 1e6);
    }

    // ------------------------------------------------------------------------------ --replay: a webapp page

    /** Chromium's limit of connections to one host over HTTP/1.1: more requests of a page wait for one. */
    static final int BROWSER_CONNECTIONS = 6;
    static final String ANGULAR_ACCEPT = "application/json, text/plain, */*";
    static final String HAL_ACCEPT = "application/hal+json, application/json; q=0.5";
    static final String JSON = "application/json";
    static final String WEBAPP_API = "/camunda/api/engine/engine/default";
    static final Pattern INCIDENT_NUMBER = Pattern.compile("PUI-\\d{4}-\\d{4,}");
    static final Pattern COUNT_AT_END = Pattern.compile("\"count\"\\s*:\\s*(\\d+)\\s*}\\s*$");

    /** One answer of a page's request: what it was, how it went, how long it took. */
    record Answer(String label, int status, int chars, long started, long nanos, String body) {}

    /**
     * A login to a Camunda webapp as the browser has it (the login form's request, the session cookie, the CSRF
     * token from its cookie sent as X-XSRF-TOKEN, as the webapps' Angular client does), and one load of a page
     * with it: at most {@link #BROWSER_CONNECTIONS} requests in flight, the browser's limit.
     */
    final class WebappPage {
        final java.net.CookieManager cookies = new java.net.CookieManager();
        final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(10)).build();
        final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "page");
            t.setDaemon(true);
            return t;
        });
        java.util.concurrent.Semaphore connections;
        final List<Answer> answers = java.util.Collections.synchronizedList(new ArrayList<>());

        void login(String user, String password, String app) throws IOException, InterruptedException {
            client.send(HttpRequest.newBuilder(URI.create(url + "/camunda/app/" + app + "/default/")).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                    URI.create(url + "/camunda/api/admin/auth/user/default/login/" + app))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token())
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + java.net.URLEncoder.encode(user, StandardCharsets.UTF_8)
                            + "&password=" + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IllegalStateException("login of " + user + " to " + app + ": " + r.statusCode());
        }

        private String token() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(java.net.HttpCookie::getValue).findFirst().orElse("");
        }

        /** Starts one load of the page: the answers of the previous one are dropped. */
        void start() {
            answers.clear();
            connections = new java.util.concurrent.Semaphore(BROWSER_CONNECTIONS);
        }

        /** One request as the page sends it (webapp paths with the CSRF header, breachflow's /api without). */
        String send(String label, String method, String path, String accept, String body) throws IOException, InterruptedException {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(120))
                    .header("Accept", accept);
            if (path.startsWith("/camunda/")) r.header("X-XSRF-TOKEN", token());
            if (path.equals("/camunda/api/engine/engine/") || path.equals("/camunda/api/admin/auth/user/default")) {
                r.header("X-Authorized-Engine", "default");
            }
            if (body != null) r.header("Content-Type", JSON);
            r.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            connections.acquire();
            try {
                long t0 = System.nanoTime();
                HttpResponse<String> resp = client.send(r.build(), HttpResponse.BodyHandlers.ofString());
                long t = System.nanoTime() - t0;
                answers.add(new Answer(label, resp.statusCode(), resp.body().length(), t0, t, resp.body()));
                return resp.body();
            } finally {
                connections.release();
            }
        }

        String get(String path, String accept) throws IOException, InterruptedException {
            return send("GET " + path, "GET", path, accept, null);
        }

        /** Parts of the page the browser runs at the same time; returns when all have answered. */
        void together(java.util.concurrent.Callable<?>... parts) throws Exception {
            List<java.util.concurrent.Future<?>> running = new ArrayList<>();
            for (java.util.concurrent.Callable<?> part : parts) running.add(pool.submit(part));
            for (java.util.concurrent.Future<?> f : running) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof Exception x ? x : e;
                }
            }
        }
    }

    /**
     * Replays what a webapp page asks the server when it is opened (recorded in Chromium 156 with Camunda 7.24's
     * webapps and breachflow's scripts, warm: the static files and the webapp's locale file come from the
     * browser's cache and are left out), in the page's order: each arrow waits for the answer before, parts in
     * braces run at the same time, at most {@link #BROWSER_CONNECTIONS} requests in flight. Logs in with the
     * webapp's login form as --user, then loads the page n times; prints each request's time per load and a table
     * per request and of the page's wall time (first load, median, min). Not in it: what the browser does with the
     * answers (drawing: the overview's 10,000 rows take seconds), Tasklist's refresh of the list every 10 s (the
     * filters' "refresh"), and Tasklist opened with a URL without a sorting (it then asks for the list twice at
     * once, newest first, before breachflow's script sorts by due date once per browser tab).
     * <ul>
     * <li>tasklist: Tasklist with the filter named filterName selected, sorted by due date (breachflow's
     * default): GET engine -> GET auth -> { GET profile | { GET filter/count | OPTIONS filter } -> GET filter
     * (all, to find the selected one) -> POST filter/ID/list (HAL: the first 15 and the count) -> { one GET
     * /api/incidents/NUMBER per task row with an incident number (breachflow's deadline and risk in the row) } }.
     * <li>cockpit: Cockpit's dashboard: GET engine -> GET auth -> { GET profile | task/count -> assigned ->
     * unassigned with candidate groups -> without (the "right now" counts; asked for management too, who do
     * not see them) | process-definition/count -> decision-definition/count -> case-definition/count ->
     * deployment/count | GET /api/overview (breachflow's key figures) | process-definition/statistics
     * (403 for management) }.
     * <li>overview: breachflow's overview #/oversikt in Cockpit: GET engine -> GET auth -> GET /api/overview.
     * </ul>
     */
    void replay(String page, int n, String filterName) throws Exception {
        if (!List.of("tasklist", "cockpit", "overview").contains(page)) {
            throw new IllegalArgumentException("--replay tasklist|cockpit|overview, not " + page);
        }
        String[] credentials = users.get("user").split(":", 2);
        String user = credentials[0];
        WebappPage browser = new WebappPage();
        browser.login(user, credentials[1], page.equals("tasklist") ? "tasklist" : "cockpit");
        Map<String, List<Long>> byLabel = new LinkedHashMap<>();
        Map<String, java.util.Set<Integer>> statuses = new LinkedHashMap<>();
        long[] walls = new long[n];
        System.out.printf(Locale.ROOT, "# %s %s as %s, %d loads after the login%n", url, page, user, n);
        for (int i = 0; i < n; i++) {
            browser.start();
            long t0 = System.nanoTime();
            switch (page) {
                case "tasklist" -> tasklistPage(browser, user, filterName);
                case "cockpit" -> cockpitPage(browser, user);
                case "overview" -> {
                    bootstrap(browser);
                    browser.get("/api/overview", JSON);
                }
                default -> throw new IllegalStateException(page);
            }
            walls[i] = System.nanoTime() - t0;
            List<Answer> answers = new ArrayList<>(browser.answers);
            answers.sort(java.util.Comparator.comparingLong(Answer::started)); // the table in the page's order
            StringBuilder line = new StringBuilder();
            for (Answer a : answers) {
                // A count answer, or the HAL list's count (its last member).
                Matcher c = COUNT_AT_END.matcher(a.chars() < 100_000 ? a.body() : "");
                String count = c.find() ? ", count " + c.group(1) : "";
                line.append(a.status() == 0 ? String.format(Locale.ROOT, "%n#     %s: %.1f ms", a.label(), a.nanos() / 1e6)
                        : String.format(Locale.ROOT, "%n#     %s: %d, %d chars%s, %.1f ms", a.label(), a.status(), a.chars(), count, a.nanos() / 1e6));
                byLabel.computeIfAbsent(a.label(), k -> new ArrayList<>()).add(a.nanos());
                statuses.computeIfAbsent(a.label(), k -> new java.util.TreeSet<>()).add(a.status());
            }
            System.out.printf(Locale.ROOT, "#   load %d: %d requests, %.1f ms (wall)%s%n", i + 1, answers.size(), walls[i] / 1e6, line);
        }
        for (Map.Entry<String, List<Long>> e : byLabel.entrySet()) {
            long[] t = e.getValue().stream().mapToLong(Long::longValue).toArray();
            java.util.Set<Integer> s = statuses.get(e.getKey());
            String label = e.getKey() + (s.stream().allMatch(x -> x == 0 || x / 100 == 2) ? "" : " (" + s + ")");
            row(label, t.length == n ? n + " runs" : t.length + " requests in " + n + " runs", t);
        }
        row("page " + page + " as " + user + " (wall, requests only)", n + " runs", walls);
        browser.pool.shutdownNow();
    }

    private static void row(String label, String runs, long[] times) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "| %s | %s | first %.1f ms | median %.1f ms | min %.1f ms |%n",
                label, runs, times[0] / 1e6, sorted[(sorted.length - 1) / 2] / 1e6, sorted[0] / 1e6);
    }

    /** What every webapp page asks first: the engines (one, "default"), then who is logged in. */
    private static void bootstrap(WebappPage b) throws IOException, InterruptedException {
        b.get("/camunda/api/engine/engine/", ANGULAR_ACCEPT);
        b.get("/camunda/api/admin/auth/user/default", ANGULAR_ACCEPT);
    }

    private static void tasklistPage(WebappPage b, String user, String filterName) throws Exception {
        bootstrap(b);
        b.together(
                () -> b.get(WEBAPP_API + "/user/" + user + "/profile", HAL_ACCEPT),
                () -> {
                    b.together(() -> b.get(WEBAPP_API + "/filter/count?itemCount=false&resourceType=Task", HAL_ACCEPT),
                            () -> b.send("OPTIONS " + WEBAPP_API + "/filter", "OPTIONS", WEBAPP_API + "/filter", JSON, null));
                    String filters = b.get(WEBAPP_API + "/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task", HAL_ACCEPT);
                    String filter = filterId(filters, filterName);
                    String list = b.send("POST " + WEBAPP_API + "/filter/{" + filterName + "}/list?firstResult=0&maxResults=15 (HAL, due date)",
                            "POST", WEBAPP_API + "/filter/" + filter + "/list?firstResult=0&maxResults=15", HAL_ACCEPT,
                            "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],\"firstResult\":0,"
                                    + "\"maxResults\":15,\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}],\"active\":true}");
                    // breachflow's Tasklist script reads each row's incident (its deadline and risk), all at once.
                    List<java.util.concurrent.Callable<?>> rows = new ArrayList<>();
                    INCIDENT_NUMBER.matcher(list).results().map(java.util.regex.MatchResult::group).distinct().forEach(number ->
                            rows.add(() -> b.send("GET /api/incidents/{number} (one per task row)", "GET", "/api/incidents/" + number, JSON, null)));
                    long t0 = System.nanoTime();
                    b.together(rows.toArray(new java.util.concurrent.Callable<?>[0]));
                    if (!rows.isEmpty()) {
                        b.answers.add(new Answer("the rows' GET /api/incidents/{number}, " + BROWSER_CONNECTIONS + " at a time (wall)",
                                0, 0, t0, System.nanoTime() - t0, ""));
                    }
                    return null;
                });
    }

    /** The filter's id in Tasklist's list of filters: the "id" just before its name (id, resourceType, name, ...). */
    static String filterId(String filters, String name) {
        int at = filters.indexOf("\"name\":\"" + name + "\"");
        if (at < 0) throw new IllegalStateException("no filter " + name + " in " + filters);
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(filters.substring(0, at));
        String id = null;
        while (m.find()) id = m.group(1);
        if (id == null) throw new IllegalStateException("no id of filter " + name);
        return id;
    }

    private static void cockpitPage(WebappPage b, String user) throws Exception {
        bootstrap(b);
        b.together(
                () -> b.get(WEBAPP_API + "/user/" + user + "/profile", HAL_ACCEPT),
                () -> {
                    for (String q : new String[] {"", "?unfinished=true&assigned=true",
                            "?unfinished=true&unassigned=true&withCandidateGroups=true",
                            "?unfinished=true&unassigned=true&withoutCandidateGroups=true"}) {
                        b.get(WEBAPP_API + "/task/count" + q, HAL_ACCEPT);
                    }
                    return null;
                },
                () -> {
                    for (String what : new String[] {"process-definition/count?latestVersion=true",
                            "decision-definition/count?latestVersion=true", "case-definition/count?latestVersion=true",
                            "deployment/count"}) {
                        b.get(WEBAPP_API + "/" + what, HAL_ACCEPT);
                    }
                    return null;
                },
                () -> b.get("/api/overview", JSON),
                () -> b.get(WEBAPP_API + "/process-definition/statistics?rootIncidents=true", ANGULAR_ACCEPT));
    }
}
