#!/usr/bin/env bash
# Worker start-up of two builds, interleaved: A=/path/to/other/checkout bench/startup-ab.sh [ROUNDS]
#
# Per round, each build's own bench/startup.sh 1 (its Startup: a bare JVM printing hello with the
# workers' launcher, flags and class path, then a msgq pinger/echo pair without and with the AOT
# cache; Startup discards its warm-up round), A and B alternating which goes first. Each build runs
# with its own state directory (XDG_STATE_HOME under OUT), trained before the first round, so
# neither prunes the other's cache. Prints per round and build the bare JVM (ms), the slower worker
# with the AOT cache (ms) and their ratio, then per build the medians and ranges, and B/A of the
# workers. B defaults to this checkout. Files in OUT.
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
A=${A:?set A to the checkout to compare against (e.g. a clone of main)}
B=${B:-$ROOT}
ROUNDS=${1:-7}
OUT=${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/ipclab-startup-ab.XXXXXX")}
mkdir -p "$OUT/state-A" "$OUT/state-B"

dir() { [ "$1" = A ] && echo "$A" || echo "$B"; }
once() { XDG_STATE_HOME=$OUT/state-$1 "$(dir "$1")/bench/startup.sh" 1; }

for who in A B; do once "$who" > "$OUT/train-$who.txt" 2>&1 || { cat "$OUT/train-$who.txt" >&2; exit 1; }; done

printf '%-5s %-5s %8s %8s %7s\n' round build bare worker ratio
for r in $(seq "$ROUNDS"); do
  if [ $((r % 2)) = 1 ]; then order="A B"; else order="B A"; fi
  for who in $order; do
    f=$OUT/$who-$r.txt
    once "$who" > "$f" 2>&1 || { cat "$f" >&2; exit 1; }
    bare=$(awk '/^bare JVM hello/ { print $(NF-3) }' "$f")
    ratio=$(awk '/^per round, slower AOT worker/ { sub(",", "", $(NF-4)); print $(NF-4) }' "$f")
    worker=$(awk -v b="$bare" -v q="$ratio" 'BEGIN { printf "%.0f", b * q }')
    printf '%-5s %-5s %8s %8s %7s\n' "$r" "$who" "$bare" "$worker" "$ratio" | tee -a "$OUT/rows.txt"
  done
done

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
range() { sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%s-%s", lo, hi }'; }
echo
for who in A B; do
  for col in 3 4 5; do
    v=$(awk -v w="$who" -v c="$col" '$2 == w { print $c }' "$OUT/rows.txt")
    printf '%s %s: median %s (%s)\n' "$who" "$(echo "bare worker ratio" | cut -d' ' -f$((col - 2)))" \
      "$(echo "$v" | median)" "$(echo "$v" | range)"
  done
done
awk '{ w[$1, $2] = $4 } END { for (k in w) { split(k, p, SUBSEP); if (p[2] == "B" && (p[1], "A") in w) print w[k] / w[p[1], "A"] } }' \
  "$OUT/rows.txt" > "$OUT/ba.txt"
printf 'worker B/A per round: median %.2f (%s)\n' "$(median < "$OUT/ba.txt")" "$(range < "$OUT/ba.txt")"
echo "files: $OUT"
