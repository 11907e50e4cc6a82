#!/usr/bin/env bash
# Round trips of ipcref and one or two ipclab builds, interleaved per case and round:
#   bench/roundtrip-ab.sh [OLD_DIR]
# Each round runs every case with the yardstick (ipcref or ipcbase, pinned 0/1, 64 slots) and with
# each build (the order rotating round by round), on this checkout's scenarios/bench/CASE.yaml (which
# pin 0/1). It prints one line per run (round, case, tool, p50 ns, the pinger's and echo's voluntary
# context switches) and a table: per case, each tool's median p50 and the median (min-max) of the
# per-round ratios build/yardstick and, with OLD_DIR, new/old.
#   ROUNDS=7                  rounds (default 7)
#   CASES="pingpong-unix-65536"  case names (default: the four 64 KiB blocking round trips)
#   IPCREF_SRC=../shared/bench/ipcref.c   the yardstick's source (default bench/native/ipcbase.c)
#   OUT=/tmp/dir              keep the runs' JSON there (default a new temp directory)
# XDG_STATE_HOME is left as it is: train the builds' AOT caches in it first.
set -u
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
OLD=${1:-}
ROUNDS=${ROUNDS:-7}
CASES=${CASES:-"pingpong-shm-sem-65536 pingpong-unix-65536 pingpong-tcp-65536 pingpong-pipe-65536"}
SRC=${IPCREF_SRC:-$ROOT/bench/native/ipcbase.c}
OUT=${OUT:-$(mktemp -d /tmp/roundtrip-ab.XXXX)}
mkdir -p "$OUT"
echo "out: $OUT"
gcc -O2 -o "$OUT/yardstick" "$SRC" || exit 2
tools="ref new"
[ -n "$OLD" ] && tools="ref old new"
for r in $(seq 1 "$ROUNDS"); do
  read -ra t <<<"$tools"
  k=$(((r - 1) % ${#t[@]}))
  order="${t[*]:k} ${t[*]:0:k}" # the order rotates round by round
  for c in $CASES; do
    read -r _ mech size <<<"$(echo "$c" | sed 's/^pingpong-\(.*\)-\([0-9]*\)$/x \1 \2/')"
    count=$(awk -v m="$mech" -v s="$size" '$1 == "pingpong" && $2 == m && $3 == s { print $4 }' "$ROOT/bench/cases.txt")
    for w in $order; do
      f=$OUT/$c.$r.$w.json
      case $w in
        ref) IPCREF_CPUS=0,1 IPCREF_SLOTS=64 "$OUT/yardstick" "$mech" pingpong "$size" "$count" >"$f" 2>/dev/null ;;
        old) (cd "$OLD" && ./ipclab run "$ROOT/scenarios/bench/$c.yaml" --json "$f" >/dev/null 2>&1) ;;
        new) (cd "$ROOT" && ./ipclab run "$ROOT/scenarios/bench/$c.yaml" --json "$f" >/dev/null 2>&1) ;;
      esac || echo "FAILED $c round $r ($w)"
    done
  done
done
python3 - "$OUT" "$ROUNDS" "$tools" $CASES <<'PY'
import json, sys, statistics as st
out, rounds, tools, cases = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(), sys.argv[4:]
def p50(c, r, w):
    try:
        text = open(f"{out}/{c}.{r}.{w}.json").read().strip()
        if w == 'ref':
            return json.loads(text.splitlines()[-1])['p50_ns']
        return json.loads(text)['channels'][0]['latencyNs']['p50']
    except Exception:
        return None
print("| case | round | " + " | ".join(f"{w} p50 us" for w in tools) + " | new/ref |" + (" old/ref | new/old |" if 'old' in tools else ""))
print("|---|--:|" + "--:|" * len(tools) + "--:|" + ("--:|--:|" if 'old' in tools else ""))
summary = []
for c in cases:
    ratios = {'new/ref': [], 'old/ref': [], 'new/old': []}
    for r in range(1, rounds + 1):
        v = {w: p50(c, r, w) for w in tools}
        row = [f"{v[w] / 1000:.1f}" if v[w] else "-" for w in tools]
        for k in ratios:
            a, b = k.split('/')
            if v.get(a) and v.get(b):
                ratios[k].append(v[a] / v[b])
        cells = [f"{v['new'] / v['ref']:.2f}" if v['new'] and v['ref'] else "-"]
        if 'old' in tools:
            cells += [f"{v['old'] / v['ref']:.2f}" if v['old'] and v['ref'] else "-",
                      f"{v['new'] / v['old']:.2f}" if v['new'] and v['old'] else "-"]
        print(f"| {c} | {r} | " + " | ".join(row) + " | " + " | ".join(cells) + " |")
    summary.append((c, ratios))
print()
print("| case | " + " | ".join(k for k in ('new/ref', 'old/ref', 'new/old') if 'old' in tools or k == 'new/ref') + " |")
print("|---|" + ("--:|" * (3 if 'old' in tools else 1)))
for c, ratios in summary:
    cells = []
    for k in ('new/ref', 'old/ref', 'new/old'):
        if k != 'new/ref' and 'old' not in tools:
            continue
        xs = ratios[k]
        cells.append(f"{st.median(xs):.2f} ({min(xs):.2f}-{max(xs):.2f})" if xs else "-")
    print(f"| {c} | " + " | ".join(cells) + " |")
PY
