#!/usr/bin/env bash
# Issue 22's quiet run (BENCHMARKS.md): every figure beside its baseline, in one run. Not part of the build.
#
#   src/test/bench/quiet-run.sh OUT_DIR BEFORE.jar AFTER.jar BARE.jar [LADDER.jar ...]
#
# BEFORE and AFTER are breachflow jars (./mvnw -B -q -DskipTests package at two commits), BARE the bare Camunda
# webapp starter of BENCHMARKS.md section 3, LADDER the jars of each step in between (in order; may be empty).
# PostgreSQL 15 must run on localhost:5432 with the user breachflow/breachflow allowed to create databases, and a
# database SCALE_DB (default bench22_scale) must hold 10,000 open incidents (seed it with the runner's --seed).
# Nothing else should run on the machine. Environment: WARMUP and DURATION (s, default 40 and 20) for block B,
# LADDER_WARMUP and LADDER_DURATION (20, 15) for block A, PAIRS (5) for block D, SCALE_DB, H2_SEED (10000), REST
# (s between applications, default 15 in block B and 10 elsewhere; a smaller one only to try the script out).
#
# A. the ladder: each LADDER jar on H2, one application each, the trivial start, intake and the assessment at 8
#    clients. B. BEFORE and AFTER on H2 and PostgreSQL, each scenario on an application of its own (new database),
#    1 and 8 clients. C. AFTER at 10,000 open incidents on PostgreSQL (SCALE_DB) and on H2 (seeded here), job
#    executor off: Tasklist's filter, the Tasklist and Cockpit pages, the overview. D. start-up: PAIRS pairs, BARE and
#    AFTER alternately (startup.sh). E. memory after 35 s of load at 8 clients, a full GC, RSS and the live heap.
# Results go to OUT_DIR/out.txt (Markdown rows and "# " lines with the time and the load), the load every 10 s to
# OUT_DIR/load.txt.
set -u
out_dir=$(readlink -f "$1"); BEFORE=$(readlink -f "$2"); AFTER=$(readlink -f "$3"); BARE=$(readlink -f "$4"); shift 4
LADDER=("$@")
here=$(cd "$(dirname "$0")" && pwd); repo=$(cd "$here/../../.." && pwd)
mkdir -p "$out_dir"; O=$out_dir/out.txt; L=$out_dir/load.txt
B="java $repo/src/test/java/se/breachflow/bench/BreachflowBenchmark.java"
SCALE_DB=${SCALE_DB:-bench22_scale}
export PGPASSWORD=breachflow

load() { cut -d' ' -f1-3 /proc/loadavg; }
log() { echo "$*" >> "$O"; }
wait_up() {
  for _ in $(seq 1 120); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$1/actuator/health")" = 200 ] && return 0
    sleep 1
  done
  return 1
}
# start JAR PORT h2|pg [app args...]: a fresh working directory (H2: a new ./data) or a new PostgreSQL database
start() {
  local jar=$1 port=$2 db=$3; shift 3
  D=$out_dir/app-$port; rm -rf "$D"; mkdir "$D"; cd "$D" || exit 1
  if [ "$db" = pg ]; then
    dropdb -U breachflow -h localhost --if-exists "q_$port"; createdb -U breachflow -h localhost "q_$port"
    BREACHFLOW_DB_URL=jdbc:postgresql://localhost:5432/q_$port BREACHFLOW_DB_USER=breachflow \
      BREACHFLOW_DB_PASSWORD=breachflow java -Duser.timezone=UTC -jar "$jar" --server.port="$port" "$@" > app.log 2>&1 &
  else
    java -Duser.timezone=UTC -jar "$jar" --server.port="$port" "$@" > app.log 2>&1 &
  fi
  P=$!
  wait_up "$port" || log "# $(basename "$jar") did not start"
  cd "$out_dir" || exit 1
}
# stop h2|pg PORT REST_SECONDS: stop it, remove its files or database, sync, rest
stop() {
  kill "$P"; wait "$P" 2>/dev/null
  rm -rf "$D"
  [ "$1" = pg ] && dropdb -U breachflow -h localhost --if-exists "q_$2"
  sync; sleep "$3"
}
# pages URL: the requests of Tasklist, Cockpit and the overview, five times each
pages() {
  for u in coordinator dpo; do $B --url "$1" --tasklist --user $u:$u --repeat 5 >> "$O" 2>&1; done
  for u in coordinator dpo; do $B --url "$1" --replay tasklist --user $u:$u --repeat 5 >> "$O" 2>&1; done
  for u in manager admin; do $B --url "$1" --replay cockpit --user $u:$u --repeat 5 >> "$O" 2>&1; done
  $B --url "$1" --replay overview --user manager:manager --repeat 5 >> "$O" 2>&1
}

( while true; do echo "$(date +%H:%M:%S) $(load)" >> "$L"; sleep 10; done ) &
LOADPID=$!
trap 'kill $LOADPID 2>/dev/null' EXIT
log "# run start $(date +%H:%M:%S) load $(load)"
sync; sleep 20

log "## A ladder"
for jar in "${LADDER[@]}"; do
  start "$(readlink -f "$jar")" 18801 h2
  log "# $(basename "$jar") $(date +%H:%M:%S) load $(load)"
  $B --url http://localhost:18801 --scenarios engine-start,intake,assessment --clients 8 \
    --duration "${LADDER_DURATION:-15}" --warmup "${LADDER_WARMUP:-20}" 2>&1 | grep "^| [a-z]" | grep -v scenario >> "$O"
  stop h2 18801 "${REST:-10}"
done

log "## B main"
for db in h2 pg; do for sc in engine-start intake assessment; do for jar in "$AFTER" "$BEFORE"; do
  start "$jar" 18802 $db
  log "# $(basename "$jar") $sc $db $(date +%H:%M:%S) load $(load)"
  $B --url http://localhost:18802 --scenarios $sc --clients 1,8 --duration "${DURATION:-20}" --warmup "${WARMUP:-40}" \
    2>&1 | grep "^| $sc" >> "$O"
  stop $db 18802 "${REST:-15}"
done; done; done

log "## C PostgreSQL, $SCALE_DB $(date +%H:%M:%S) load $(load)"
D=$out_dir/scale; rm -rf "$D"; mkdir "$D"; cd "$D" || exit 1
BREACHFLOW_DB_URL=jdbc:postgresql://localhost:5432/$SCALE_DB BREACHFLOW_DB_USER=breachflow BREACHFLOW_DB_PASSWORD=breachflow \
  java -Duser.timezone=UTC -jar "$AFTER" --server.port=18803 --camunda.bpm.job-execution.enabled=false > app.log 2>&1 &
P=$!; wait_up 18803; cd "$out_dir" || exit 1
pages http://localhost:18803
log "# load after $(load)"
kill "$P"; wait "$P" 2>/dev/null; sync; sleep 15

log "## C2 H2, ${H2_SEED:-10000} seeded $(date +%H:%M:%S) load $(load)"
start "$AFTER" 18804 h2 --camunda.bpm.job-execution.enabled=false
$B --url http://localhost:18804 --seed "${H2_SEED:-10000}" --clients 4 >> "$O" 2>&1
log "# seeded $(date +%H:%M:%S) load $(load)"; sleep 20
pages http://localhost:18804
log "# load after $(load)"
stop h2 18804 "${REST:-15}"

log "## D startup $(date +%H:%M:%S) load $(load)"
for _ in $(seq 1 "${PAIRS:-5}"); do
  "$here/startup.sh" "$BARE" 18805 admin:admin >> "$O" 2>&1; sync; sleep 5
  "$here/startup.sh" "$AFTER" 18806 admin:admin >> "$O" 2>&1; sync; sleep 5
done

log "## E memory $(date +%H:%M:%S) load $(load)"
for which in bare breachflow; do
  if [ $which = bare ]; then start "$BARE" 18807 h2; sc=engine-start; extra=(--baseline-user admin:admin)
  else start "$AFTER" 18807 h2; sc=intake; extra=(); fi
  $B --url http://localhost:18807 --scenarios $sc --clients 8 --duration 35 --warmup 1 "${extra[@]}" 2>&1 \
    | grep "^| $sc" >> "$O"
  r1=$(awk '/VmRSS/ {print $2}' /proc/$P/status); jcmd "$P" GC.run > /dev/null; sleep 3
  r2=$(awk '/VmRSS/ {print $2}' /proc/$P/status); heap=$(jcmd "$P" GC.heap_info | grep -o "used [0-9]*K" | head -1)
  log "# mem $which: RSS after load $((r1 / 1024)) MiB, after GC $((r2 / 1024)) MiB, heap $heap"
  stop h2 18807 "${REST:-10}"
done
log "# run end $(date +%H:%M:%S) load $(load)"
echo DONE >> "$O"
