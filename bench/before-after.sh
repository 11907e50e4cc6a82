#!/usr/bin/env bash
# Two builds of ipclab on the same scenario files, interleaved: bench/before-after.sh OLD_DIR [NEW_DIR]
# OLD_DIR and NEW_DIR are checkouts with their jars built (e.g. `git worktree add /tmp/old 4f63014 &&
# (cd /tmp/old && mvn -q -o package -DskipTests)`); NEW_DIR defaults to this checkout. Each round runs
# every case with both builds, the order alternating round by round; the table shows each build's
# median with its min-max and the ratio after/before (p50 for pingpong cases, MiB/s for streams).
#   ROUNDS=5                 rounds (default 3)
#   CASES="stream-msgq-4096" case names, files OLD_DIR/scenarios/bench/CASE.yaml (old build's files,
#                            which both builds read: the old one knows no `cpu:`)
#   PIN="taskset -c 1"       a prefix for both builds' runs: all processes of both on one CPU, the
#                            like-with-like way for builds without `cpu:` (round trips across two
#                            unpinned CPUs are bimodal here). Spinning cases cannot share one CPU.
set -u
OLD=${1:?usage: bench/before-after.sh OLD_DIR [NEW_DIR]}
NEW=${2:-$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)}
ROUNDS=${ROUNDS:-3}
CASES=${CASES:-"pingpong-msgq-64 pingpong-unix-64 stream-msgq-4096 stream-shm-sem-4096 stream-unix-4096"}
OUT=$(mktemp -d /tmp/before-after.XXXX); echo "out: $OUT"
export XDG_STATE_HOME=$OUT/state XDG_DATA_HOME=$OUT/data
for r in $(seq 1 "$ROUNDS"); do for c in $CASES; do
  if [ $((r % 2)) -eq 1 ]; then order="old new"; else order="new old"; fi
  for w in $order; do
    d=$OLD; [ "$w" = new ] && d=$NEW
    (cd "$d" && ${PIN:-} ./ipclab run "$OLD/scenarios/bench/$c.yaml" --json "$OUT/$c.$r.$w.json" >/dev/null 2>&1) \
      || echo "FAILED $c round $r ($w)"
  done
done; done
python3 - "$OUT" $CASES <<'PY'
import json, sys, glob, statistics as st
out = sys.argv[1]
print("| case | figure | before (median, min-max) | after (median, min-max) | after/before |")
print("|---|---|---|---|---|")
for c in sys.argv[2:]:
    fig = 'p50 ns' if c.startswith('pingpong') else 'MiB/s'
    v = {}
    for w in ('old', 'new'):
        xs = []
        for f in glob.glob(f"{out}/{c}.*.{w}.json"):
            ch = json.load(open(f))['channels'][0]
            xs.append(ch['latencyNs']['p50'] if fig == 'p50 ns' else ch['throughput']['mibPerSec'])
        v[w] = xs
    if not v['old'] or not v['new']:
        print(f"| {c} | missing |"); continue
    mo, mn = st.median(v['old']), st.median(v['new'])
    print(f"| {c} | {fig} | {mo:.4g} ({min(v['old']):.4g}-{max(v['old']):.4g}) | "
          f"{mn:.4g} ({min(v['new']):.4g}-{max(v['new']):.4g}) | {mn/mo:.2f} |")
PY
rm -rf "$OUT/state" "$OUT/data"
echo "kept: $OUT (the runs' JSON)"
