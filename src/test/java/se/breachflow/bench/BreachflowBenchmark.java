package se.breachflow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * --user). Other modes: --seed N (report N incidents with --clients[0] clients, print their numbers' range),
 * --time PATH [--repeat N] (N sequential GETs of PATH as --user, print each time and the size).
 */
public final class BreachflowBenchmark {

    static final String INCIDENT = """
            {"controllerId": "ks", "description": "E-post med tre elevers namn skickades till fel vårdnadshavare.",
             "cause": "MISDIRECTED_EMAIL", "occurredAt": "2026-11-20T09:00:00+01:00",
             "discoveredAt": "2026-11-20T10:30:00+01:00", "breachTypes": ["CONFIDENTIALITY"],
             "dataCategories": ["IDENTITY", "CONTACT"], "dataSubjectCount": 3, "vulnerableSubjects": true,
             "recipient": "EXTERNAL", "recipientConfirmedDeletion": false, "processor": null,
             "measuresTaken": "Mottagaren ombedd att radera." }""";

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
            b.seed(Integer.parseInt(a.get("seed")), clients[0]);
            return;
        }
        if (a.containsKey("time")) {
            b.time(a.get("time"), Integer.parseInt(a.getOrDefault("repeat", "5")));
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
            case "intake" -> new Scenario(name, "POST", "/api/incidents", "reporter", INCIDENT);
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
            r.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(users.get(user).getBytes(StandardCharsets.UTF_8)));
        }
        if (body != null) {
            r.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            r.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return r.build();
    }

    /** Deploys the baseline's trivial model through engine REST as admin (multipart, as the brief asks). */
    void deployTrivial() throws IOException, InterruptedException {
        String boundary = "bench" + UUID.randomUUID();
        String multipart = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\nbenchmark-baseline\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"enable-duplicate-filtering\"\r\n\r\ntrue\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"data\"; filename=\"bench-trivial.bpmn\"\r\n"
                + "Content-Type: application/xml\r\n\r\n" + TRIVIAL_BPMN + "\r\n"
                + "--" + boundary + "--\r\n";
        HttpRequest r = HttpRequest.newBuilder(URI.create(url + "/engine-rest/deployment/create"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(users.get("admin").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(multipart, StandardCharsets.UTF_8)).build();
        HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString());
        if (resp.statusCode() / 100 != 2) {
            throw new IllegalStateException("deployment failed: " + resp.statusCode() + " " + resp.body());
        }
        System.out.println("# deployed " + TRIVIAL_KEY + ": " + resp.statusCode());
        // Staff may start breachflow's process (AccessSetup); the same grant for the baseline's model, so both
        // are started by the same user with the same authorization checks. A second run finds it present.
        HttpRequest grant = HttpRequest.newBuilder(URI.create(url + "/engine-rest/authorization/create"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(users.get("admin").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\": 1, \"permissions\": [\"READ\", \"CREATE_INSTANCE\"], "
                        + "\"groupId\": \"staff\", \"resourceType\": 6, \"resourceId\": \"" + TRIVIAL_KEY + "\"}")).build();
        HttpResponse<String> granted = http.send(grant, HttpResponse.BodyHandlers.ofString());
        System.out.println("# granted staff READ, CREATE_INSTANCE on " + TRIVIAL_KEY + ": " + granted.statusCode());
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

    /** Reports n incidents with the given number of clients; prints the first and last number. */
    void seed(int n, int clients) throws InterruptedException {
        HttpRequest req = request("POST", "/api/incidents", "reporter", INCIDENT);
        AtomicLong left = new AtomicLong(n);
        AtomicLong errors = new AtomicLong();
        Pattern number = Pattern.compile("\"number\"\\s*:\\s*\"([^\"]+)\"");
        List<String> numbers = java.util.Collections.synchronizedList(new ArrayList<>());
        long t0 = System.nanoTime();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            new Thread(() -> {
                try {
                    while (left.getAndDecrement() > 0) {
                        try {
                            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                            Matcher m = number.matcher(r.body());
                            if (r.statusCode() == 201 && m.find()) numbers.add(m.group(1));
                            else errors.incrementAndGet();
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
        List<String> sorted = new ArrayList<>(numbers);
        sorted.sort(null);
        System.out.printf(Locale.ROOT, "# seeded %d incidents (%d errors) in %.1f s (%.1f/s) with %d clients: %s .. %s%n",
                numbers.size(), errors.get(), s, numbers.size() / s, clients,
                sorted.isEmpty() ? "-" : sorted.get(0), sorted.isEmpty() ? "-" : sorted.get(sorted.size() - 1));
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
}
