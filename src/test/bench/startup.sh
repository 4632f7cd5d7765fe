#!/usr/bin/env bash
# Start-up time and memory of a Spring Boot jar (BENCHMARKS.md, figure 3). Not part of the build.
#   src/test/bench/startup.sh JAR PORT [USER:PASSWORD for /actuator/metrics] [extra app args...]
# Starts the jar from a fresh temporary working directory (so ./data is a new H2 database), measures the
# time to "Started ...Application" in its log and to the first 200 from /actuator/health, then, 20 s after
# that, VmRSS from /proc/<pid>/status and jvm.memory.used{area=heap} from /actuator/metrics (after one
# System.gc()-free pause), prints one line and stops the application (by its pid).
# With BENCH_DIR set, that directory is the working directory instead (created if missing): a second start there
# is a restart on the database the first one made.
set -euo pipefail
jar=$(readlink -f "$1"); port=$2; cred=${3:-admin:admin}; shift 3 || shift $#
dir=${BENCH_DIR:-$(mktemp -d /tmp/bench-startup.XXXXXX)}
mkdir -p "$dir"
cd "$dir"
t0=$(date +%s%N)
java -Duser.timezone=UTC -jar "$jar" --server.port="$port" \
  --management.endpoints.web.exposure.include=health,info,prometheus,metrics "$@" > app.log 2>&1 &
pid=$!
started=""; healthy=""
while kill -0 $pid 2>/dev/null; do
  now=$(date +%s%N)
  if [ -z "$started" ] && grep -q "Started .*Application in" app.log; then started=$(( (now - t0) / 1000000 )); fi
  if [ -z "$healthy" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$port/actuator/health")" = 200 ]; then
    healthy=$(( (now - t0) / 1000000 )); fi
  [ -n "$started" ] && [ -n "$healthy" ] && break
  [ $(( (now - t0) / 1000000000 )) -gt 300 ] && { echo "timeout"; break; }
  sleep 0.05
done
sleep 20
rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
heap=$(curl -s -u "$cred" "localhost:$port/actuator/metrics/jvm.memory.used?tag=area:heap" | sed -n 's/.*"value":\([0-9.E]*\).*/\1/p')
spring=$(grep -o "Started .*Application in [0-9.]* seconds" app.log | head -1)
printf '%s: started (log) %s ms, health 200 %s ms, VmRSS %s MiB, heap used %s MiB | "%s" | load %s | dir %s\n' \
  "$(basename "$jar")" "$started" "$healthy" "$((rss / 1024))" \
  "$(awk -v h="$heap" 'BEGIN { printf "%.0f", h / 1048576 }')" "$spring" "$(cut -d' ' -f1-3 /proc/loadavg)" "$dir"
kill $pid; wait $pid 2>/dev/null || true
