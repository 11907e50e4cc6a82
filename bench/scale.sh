#!/usr/bin/env bash
# Scale: N/2 writers and N/2 readers on one channel, for N in SIZES (default 2 8 64), on a message
# queue and on an shm ring (semaphores, shared fanout); each run's time until every worker was ready,
# and the resident memory of the supervisor and of one worker (the largest), sampled from /proc.
#
#   bench/scale.sh                     # msgq and shm, 2 8 64 processes
#   SIZES="2 64" MECHS=msgq bench/scale.sh
#   IPCLAB=/path/to/launcher bench/scale.sh
#
# Output: one markdown table on stdout (bench/README.md, "Scale"); the reports and scenarios in OUT
# (default a new /tmp/ipclab-scale.XXXXXX, kept and named at the end). Exit 1 when a run failed.
# Needs jq. Memory: VmRSS of /proc/PID/status every 100 ms while the run lasts, the maximum seen.
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
IPCLAB=${IPCLAB:-$ROOT/ipclab}
SIZES=${SIZES:-2 8 64}
MECHS=${MECHS:-msgq shm}
MESSAGES=${MESSAGES:-2000}
command -v jq >/dev/null || { echo "scale.sh: jq is needed (sudo apt-get install jq)" >&2; exit 2; }
"$IPCLAB" --version >/dev/null   # builds only when the sources changed
OUT=${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/ipclab-scale.XXXXXX")}
mkdir -p "$OUT"

scenario() { # mech n -> stdout
  local half=$(( $2 / 2 ))
  echo "name: scale-$1-$2"
  echo "timeout: 10m"
  echo "channels:"
  if [ "$1" = msgq ]; then
    echo "  link: {type: msgq}"
  else
    echo "  link: {type: shm, sync: semaphore, slots: 64, size: 1MiB}"
  fi
  echo "processes:"
  echo "  writer: {role: writer, channel: link, replicas: $half, messages: $MESSAGES, size: 64}"
  echo "  reader: {role: reader, channel: link, replicas: $half}"
  echo "expect:"
  echo "  - reader.received == writer.sent"
}

rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }

# Runs ipclab in the background and samples its RSS and its children's until it exits.
measure() { # name -> "supervisorKiB workerKiB status"
  local sup=0 wrk=0 pid status=0 r c
  "$IPCLAB" run "$OUT/$1.yaml" --json "$OUT/$1.json" > "$OUT/$1.txt" 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    r=$(rss_kib "$pid"); [ "${r:-0}" -gt "$sup" ] && sup=$r
    for c in $(cat "/proc/$pid/task/"*/children 2>/dev/null); do
      r=$(rss_kib "$c"); [ "${r:-0}" -gt "$wrk" ] && wrk=$r
    done
    sleep 0.1
  done
  wait "$pid" || status=$?
  echo "$sup $wrk $status"
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cpus; $(date -u '+%Y-%m-%d %H:%M UTC')" >&2
echo "| channel | processes | all ready | ready per worker (median) | supervisor RSS | worker RSS (largest) | run | ok |"
echo "| --- | --: | --: | --: | --: | --: | --: | --- |"
failed=0
for mech in $MECHS; do
  for n in $SIZES; do
    name="scale-$mech-$n"
    scenario "$mech" "$n" > "$OUT/$name.yaml"
    read -r sup wrk status < <(measure "$name")
    if [ -s "$OUT/$name.json" ]; then
      ready=$(jq '[.processes[].readyAtMs] | max' "$OUT/$name.json")
      own=$(jq '[.processes[].spawnToReadyMs] | sort | .[length / 2 | floor]' "$OUT/$name.json")
      run=$(jq '.durationMs' "$OUT/$name.json")
      ok=$(jq -r 'if .ok then "ok" else "FAILED: " + ([.failures[].message] | first // "") end' "$OUT/$name.json")
    else
      ready=-; own=-; run=-; ok="FAILED (no report, exit $status; see $OUT/$name.txt)"
    fi
    [ "$status" -eq 0 ] || failed=1
    printf '| %s | %d | %s ms | %s ms | %d MiB | %d MiB | %s ms | %s |\n' "$mech" "$n" "$ready" "$own" \
      $(( sup / 1024 )) $(( wrk / 1024 )) "$run" "$ok"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); reports in $OUT" >&2
exit $failed
