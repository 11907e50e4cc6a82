#!/usr/bin/env bash
# Streams as a user writes them, two builds of ipclab against ipcbase, interleaved: each stream case
# of the bench (pinned cpu 0 / cpu 1, its message count) both as committed (equal work: 'verify:
# ends', 'sample: 64') and with those keys removed ('-defaults': ipclab's defaults, full verification,
# every latency, the default warm-up), as a scenario written by someone else would be.
#
#   A=/path/to/main/ipclab B=./ipclab bench/stream-ab.sh                      # msgq and shm-spin at 4 KiB
#   ROUNDS=5 A=... B=... bench/stream-ab.sh stream-msgq-64 stream-shm-spin-64
#
#   IPCREF_SRC=../shared/bench/ipcref.c A=... bench/stream-ab.sh ...        # the yardstick: ipcref, not ipcbase
#   VARIANTS=committed A=... bench/stream-ab.sh ...                          # only the committed (equal-work) scenarios
#   OUT=/tmp/ab FIRST=4 ROUNDS=3 A=... bench/stream-ab.sh ...                # rounds 4-6 added to /tmp/ab's (its trained caches)
#
# Each build runs with its own state directory (XDG_STATE_HOME under OUT), so that neither prunes
# the other's AOT cache; the first run of each trains its cache, which this script waits for.
# Per round and case: ipcbase, A, B (reversed on even rounds). Prints one line per run and then a
# markdown row per case: medians of MiB/s and of the per-round ratios B/A and B/ipcbase (ranges in
# brackets), and B's warm-up (messages, ms, how it ended). Files in OUT.
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
A=${A:?set A to the launcher of the build to compare against (e.g. a checkout of main)}
B=${B:-$ROOT/ipclab}
ROUNDS=${ROUNDS:-3}
CASES=("$@")
[ ${#CASES[@]} -gt 0 ] || CASES=(stream-msgq-4096 stream-shm-spin-4096)
command -v jq >/dev/null || { echo "stream-ab.sh: jq is needed (sudo apt-get install jq)" >&2; exit 2; }
command -v gcc >/dev/null || { echo "stream-ab.sh: gcc is needed for ipcbase" >&2; exit 2; }
OUT=${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/ipclab-stream-ab.XXXXXX")}
mkdir -p "$OUT/state-A" "$OUT/state-B"
# the yardstick (both pinned 0/1 by default, as the scenarios): ipcbase, or ipcref with IPCREF_SRC
if [ -n "${IPCREF_SRC:-}" ]; then YARD=ipcref; gcc -O2 -Wall -o "$OUT/ipcbase" "$IPCREF_SRC"
else YARD=ipcbase; gcc -O2 -Wall -o "$OUT/ipcbase" "$ROOT/bench/native/ipcbase.c"; fi
VARIANTS=${VARIANTS:-both}
[ "$VARIANTS" = both ] || [ "$VARIANTS" = committed ] || { echo "stream-ab.sh: VARIANTS=$VARIANTS: both or committed" >&2; exit 2; }

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
range() { sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { if (NR) printf "%s-%s", lo, hi }'; }
mib() { jq '.channels[0].throughput.mibPerSec // 0' "$1" 2>/dev/null || echo 0; }

run() { # who scenario json
  local state=$OUT/state-$1 launcher
  [ "$1" = A ] && launcher=$A || launcher=$B
  XDG_STATE_HOME=$state "$launcher" run "$2" --json "$3" > "${3%.json}.txt" 2>&1 || true
}

# both builds' AOT caches, before the first measurement
for who in A B; do
  run "$who" "$ROOT/scenarios/bench/stream-msgq-64.yaml" "$OUT/train-$who.json"
  for _ in $(seq 1 60); do compgen -G "$OUT/state-$who/ipclab/aot/*.lock" >/dev/null || break; sleep 5; done
done

files=()
for c in "${CASES[@]}"; do
  src="$ROOT/scenarios/bench/$c.yaml"
  [ -f "$src" ] || { echo "stream-ab.sh: no scenario $src" >&2; exit 2; }
  cp "$src" "$OUT/$c.yaml"
  sed -e '/^    verify: /d' -e '/^    sample: /d' "$src" > "$OUT/$c-defaults.yaml"
  files+=("$c")
  [ "$VARIANTS" = committed ] || files+=("$c-defaults")
done

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%Y-%m-%d %H:%M UTC'); ROUNDS=$ROUNDS A=$A B=$B yardstick $YARD" >&2
FIRST=${FIRST:-1} # the first round's number: a later call with the same OUT (and FIRST) adds rounds to it
for r in $(seq "$FIRST" $((FIRST + ROUNDS - 1))); do
  for f in "${files[@]}"; do
    c=${f%-defaults}
    read -r mech size <<< "$(echo "$c" | sed -E 's/^stream-(.*)-([0-9]+)$/\1 \2/')"
    n=$(awk '/^    messages: / { print $2; exit }' "$OUT/$f.yaml")
    order="base A B"; [ $((r % 2)) -eq 0 ] && order="B A base"
    for who in $order; do
      if [ "$who" = base ]; then
        "$OUT/ipcbase" "$mech" stream "$size" "$n" > "$OUT/$f.$r.base.json" 2>/dev/null || true
        v=$(head -1 "$OUT/$f.$r.base.json" | jq '.mib_per_s // 0' 2>/dev/null || echo 0)
      else
        run "$who" "$OUT/$f.yaml" "$OUT/$f.$r.$who.json"
        v=$(mib "$OUT/$f.$r.$who.json")
      fi
      echo "$v" >> "$OUT/$f.$who"
      echo "$(date -u +%H:%M:%S) load $(cut -d' ' -f1 /proc/loadavg) round $r $f $who $v MiB/s" >&2
    done
    a=$(tail -1 "$OUT/$f.A"); b=$(tail -1 "$OUT/$f.B"); base=$(tail -1 "$OUT/$f.base")
    awk -v a="$a" -v b="$b" 'BEGIN { if (a > 0) printf "%.2f\n", b / a }' >> "$OUT/$f.BA"
    awk -v x="$base" -v b="$b" 'BEGIN { if (x > 0) printf "%.2f\n", b / x }' >> "$OUT/$f.Bbase"
    awk -v x="$base" -v a="$a" 'BEGIN { if (x > 0) printf "%.2f\n", a / x }' >> "$OUT/$f.Abase"
    echo "round $r $f: $YARD $base MiB/s, A/$YARD $(tail -1 "$OUT/$f.Abase"), B/$YARD $(tail -1 "$OUT/$f.Bbase"), B/A $(tail -1 "$OUT/$f.BA")" >&2
    jq -r '[.processes[] | select(.role == "writer")][0].events
      | "\(.warmup // 0) msgs \(."warmup-ms" // "-") ms \(if ."warmup-capped" then "capped" elif ."warmup-quiet-ms" then "quiet" else "fixed" end)"' \
      "$OUT/$f.$r.B.json" >> "$OUT/$f.Bwarmup" 2>/dev/null || true
  done
done
echo "| case | $YARD MiB/s | A MiB/s | B MiB/s | A/$YARD (range) | B/$YARD (range) | B/A (range) | B's warm-up, last round |"
echo "| --- | --: | --: | --: | --: | --: | --: | --- |"
for f in "${files[@]}"; do
  printf '| %s | %s | %s | %s | %s (%s) | %s (%s) | %s (%s) | %s |\n' "$f" "$(median < "$OUT/$f.base")" \
    "$(median < "$OUT/$f.A")" "$(median < "$OUT/$f.B")" "$(median < "$OUT/$f.Abase")" "$(range < "$OUT/$f.Abase")" \
    "$(median < "$OUT/$f.Bbase")" "$(range < "$OUT/$f.Bbase")" "$(median < "$OUT/$f.BA")" "$(range < "$OUT/$f.BA")" \
    "$(tail -1 "$OUT/$f.Bwarmup" 2>/dev/null || echo -)"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); runs in $OUT" >&2
