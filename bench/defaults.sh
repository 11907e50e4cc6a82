#!/usr/bin/env bash
# Bench cases written as a user would write them (bench/defaults/*.yaml: the type, the roles,
# cpu: 0 / cpu: 1, the count and the size; nothing else, so ipclab's defaults: verify: full, a
# latency per message, the default warm-up), each run interleaved with the C yardstick.
#   bench/defaults.sh [ROUNDS]        default 3
#   IPCREF_SRC=../shared/bench/ipcref.c   the yardstick (default: that file if it is there, else
#                                     bench/native/ipcbase.c), both pinned 0/1
#   IPCLAB=/path/to/ipclab            another build; OUT=DIR keeps the files
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROUNDS=${1:-3}
IPCLAB=${IPCLAB:-$ROOT/ipclab}
if [ -n "${OUT:-}" ]; then mkdir -p "$OUT"
else OUT=$(mktemp -d "${TMPDIR:-/tmp}/ipclab-defaults.XXXXXX"); trap 'rm -rf "$OUT"' EXIT; fi
SRC=${IPCREF_SRC:-$ROOT/../shared/bench/ipcref.c}
[ -r "$SRC" ] || SRC=$ROOT/bench/native/ipcbase.c
gcc -O2 -o "$OUT/yardstick" "$SRC"
yard() { # mech mode size count
  if [[ "$SRC" == *ipcbase.c ]]; then "$OUT/yardstick" -c 0,1 "$@"; else IPCREF_CPUS=0,1 "$OUT/yardstick" "$@"; fi
}
# file:mech:mode:size:count; the yardstick gets what the scenario says
CASES=${CASES:-"pp-msgq-64:msgq:pingpong:64:10000 pp-unix-64:unix:pingpong:64:10000 pp-shm-spin-64:shm-spin:pingpong:64:100000 st-msgq-4096:msgq:stream:4096:50000 st-msgq-4096-ends:msgq:stream:4096:50000 st-shm-spin-4096:shm-spin:stream:4096:200000 st-shm-spin-4096-ends:shm-spin:stream:4096:200000"}
"$IPCLAB" run "$ROOT/bench/defaults/pp-msgq-64.yaml" > /dev/null 2>&1 || true   # trains the workers' AOT cache
STATE=${XDG_STATE_HOME:-$HOME/.local/state}/ipclab
for _ in $(seq 1 300); do compgen -G "$STATE/aot/*.lock" > /dev/null || break; sleep 1; done
echo "yardstick: $SRC; load: $(cut -d' ' -f1-3 /proc/loadavg); $ROUNDS rounds (OUT=DIR keeps the files)" >&2
for r in $(seq 1 "$ROUNDS"); do
  for c in $CASES; do
    IFS=: read -r f mech mode size count <<< "$c"
    yard "$mech" "$mode" "$size" "$count" > "$OUT/$f.$r.ref.json" 2> "$OUT/$f.$r.ref.err" || true
    "$IPCLAB" run "$ROOT/bench/defaults/$f.yaml" --json "$OUT/$f.$r.lab.json" > "$OUT/$f.$r.lab.txt" 2>&1 || true
  done
done
python3 - "$OUT" "$ROUNDS" $(for c in $CASES; do echo "${c%%:*}"; done) <<'PY'
import json, statistics as st, sys
out, rounds, cases = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
print("| case | yardstick (median) | ipclab (median) | ratio (median) | ratios | aim |")
print("|---|--:|--:|--:|---|---|")
for c in cases:
    refs, labs, ratios = [], [], []
    for r in range(1, rounds + 1):
        try:
            ref = json.load(open(f"{out}/{c}.{r}.ref.json"))
            ch = json.load(open(f"{out}/{c}.{r}.lab.json"))["channels"][0]
        except (OSError, ValueError, KeyError, IndexError) as e:
            print(f"| {c} | round {r} gave no figure ({e}) | | | | |"); continue
        a, b = (ref["p50_ns"], ch["latencyNs"]["p50"]) if c.startswith("pp") else (ref["mib_per_s"], ch["throughput"]["mibPerSec"])
        refs.append(a); labs.append(b); ratios.append(b / a)
    if not ratios: continue
    aim = ("<= 1.5" if "spin" in c else "<= 1.15") if c.startswith("pp") else (">= 0.6" if c.split("-")[-1] == "64" else ">= 0.85")
    unit = "ns p50" if c.startswith("pp") else "MiB/s"
    print(f"| {c} ({unit}) | {st.median(refs):.1f} | {st.median(labs):.1f} | {st.median(ratios):.2f} | "
          + ", ".join(f"{x:.2f}" for x in ratios) + f" | {aim} |")
PY
