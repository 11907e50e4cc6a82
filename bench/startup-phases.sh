#!/usr/bin/env bash
# Where a worker's spawn-to-ready goes: bench/startup-phases.sh [RUNS] [SCENARIO]
# Runs SCENARIO (default scenarios/pingpong-msgq.yaml) RUNS times (default 5) with the AOT cache,
# each worker writing its phase marks (-Dipclab.startupTrace) and its class-load log, and prints per
# worker: spawn-to-ready (the report's), the JVM's own start (spawn to WorkerMain.main), then each
# phase of WorkerMain (ms), its CPU time at ready, and how many classes it did not find in the AOT
# cache (of them hidden:
# LambdaForms and FFM downcall stubs spun at run time). Medians at the end. Not a timing to quote on
# a loaded machine: the shares, and CPU against a bare JVM's (run before each run), are what it shows.
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
RUNS=${1:-5}
SCENARIO=${2:-$ROOT/scenarios/pingpong-msgq.yaml}
"$ROOT/ipclab" --version >/dev/null   # builds only when the sources changed
OUT=$(mktemp -d "${TMPDIR:-/tmp}/ipclab-phases.XXXXXX")
trap 'rm -rf "$OUT"' EXIT
STATE=${XDG_STATE_HOME:+$XDG_STATE_HOME/ipclab}
STATE=${STATE:-$HOME/.local/state/ipclab}

# A first run starts the AOT cache's training if the jars changed; wait for it to end.
"$ROOT/ipclab" run "$SCENARIO" >/dev/null 2>&1 || true
for _ in $(seq 300); do
  compgen -G "$STATE/aot/*.lock" >/dev/null || break
  sleep 1
done

. "$ROOT/bench/bench-java.sh"
JAVA=$(bench_java) || { echo "startup-phases.sh: no JDK 25 found" >&2; exit 2; }
mapfile -t HELLO < <("$JAVA" -cp "$BENCH_CP" ipclab.bench.Startup --hello-command)

for r in $(seq "$RUNS"); do
  # a bare JVM (the workers' launcher, flags and class path, printing hello) before each run: wall and CPU ms
  /usr/bin/time -f "hello %e %U %S" -a -o "$OUT/hello.txt" "${HELLO[@]}" >/dev/null
  IPCLAB_WORKER_XFLAGS="-Dipclab.startupTrace=$OUT/t-%p -Xlog:class+load:file=$OUT/c-%p.log" \
    "$ROOT/ipclab" run "$SCENARIO" > "$OUT/run-$r.txt" 2>&1 || { cat "$OUT/run-$r.txt" >&2; exit 1; }
done

# The report table's rows: name role sent received pid exit ... ready-ms cpus
mid() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
HWALL=$(awk '/^hello/ { print $2 * 1000 }' "$OUT/hello.txt" | mid)
HCPU=$(awk '/^hello/ { print ($3 + $4) * 1000 }' "$OUT/hello.txt" | mid)
cat "$OUT"/run-*.txt | awk -v out="$OUT" -v hwall="$HWALL" -v hcpu="$HCPU" '
  $5 ~ /^[0-9]+$/ && $(NF-1) ~ /^[0-9.]+$/ && $6 ~ /^[0-9]+$/ {
    pid = $5; ready = $(NF-1)
    t = out "/t-" pid; c = out "/c-" pid ".log"
    if ((getline line < t) <= 0) next
    close(t)
    n = split(line, f, " ")
    delete ph
    for (i = 1; i <= n; i++) if (split(f[i], kv, "=") == 2) ph[kv[1]] = kv[2]
    notCached = 0; hidden = 0
    while ((getline cl < c) > 0) {
      if (cl ~ /source: shared objects file/) continue
      notCached++
      if (cl ~ /LambdaForm\$|DowncallStub|\$\$Lambda|Species_/) hidden++
    }
    close(c)
    jvm = ready - ph["ready-sent"]
    row = sprintf("%-8s %7d %7.0f %5d %7.1f %7.1f %7.1f %7.1f %7.1f %7.1f %6d %6d", $1, pid, ready, ph["cpu"], jvm,
      ph["tied"], ph["spec-parsed"] - ph["tied"], ph["pinned"] - ph["spec-parsed"],
      ph["role-made"] - ph["pinned"], ph["started"] - ph["role-made"], notCached, hidden)
    rows[++k] = row
    v[1, k] = ready; v[2, k] = jvm; v[3, k] = ph["tied"]; v[4, k] = ph["spec-parsed"] - ph["tied"]
    v[5, k] = ph["pinned"] - ph["spec-parsed"]; v[6, k] = ph["role-made"] - ph["pinned"]
    v[7, k] = ph["started"] - ph["role-made"]; v[8, k] = notCached; v[9, k] = hidden; v[10, k] = ph["cpu"]
  }
  function median(col,   i, j, a, tmp) {
    for (i = 1; i <= k; i++) a[i] = v[col, i]
    for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] < a[i]) { tmp = a[i]; a[i] = a[j]; a[j] = tmp }
    return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
  }
  END {
    if (k == 0) { print "startup-phases.sh: no worker rows with traces" > "/dev/stderr"; exit 1 }
    printf "%-8s %7s %7s %5s %7s %7s %7s %7s %7s %7s %6s %6s\n", "process", "pid", "ready", "cpu", "jvm", "tie",
      "spec", "pin", "role", "onStart", "!cache", "hidden"
    for (i = 1; i <= k; i++) print rows[i]
    printf "%-8s %7s %7.0f %5d %7.1f %7.1f %7.1f %7.1f %7.1f %7.1f %6d %6d\n", "median", "", median(1), median(10), median(2),
      median(3), median(4), median(5), median(6), median(7), median(8), median(9)
    printf "bare JVM hello (median of %d): %.0f ms wall, %.0f ms CPU; worker / hello: %.2f wall, %.2f CPU\n",
      k / 2, hwall, hcpu, median(1) / hwall, median(10) / hcpu
    print "ms: ready = spawn to ready (report); cpu = CPU time of the whole JVM at ready; jvm = spawn to WorkerMain.main; tie = prctl in the worker (0 when"
    print "setpriv tied it); spec = read + parse the spec; pin = control thread + CPU affinity; role = make the role;"
    print "onStart = attach the channel. !cache = classes not from the AOT cache, hidden = of them spun at run time."
  }'
