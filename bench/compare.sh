#!/usr/bin/env bash
# ipclab against the C yardstick ipcref, case by case, interleaved (see bench/README.md).
#
#   bench/compare.sh [REGEX]          every case of bench/cases.txt whose name (MODE-MECH-SIZE) matches
#   REPEAT=3   runs of each case per tool (default 3); each ipcref run sits next to an ipclab run
#   SCALE=1    multiplies every COUNT (SCALE=0.2 for a quick look)
#   OUT=DIR    where the JSON files go (default: a new /tmp/ipclab-bench.XXXXXX)
#   IPCREF_CPUS=A,B|none   ipcref's pinning (default: its own, the first two CPUs); ipclab's workers are not pinned
#
# Prints the comparison table (ipclab.bench.Compare) at the end; exit 1 if a run failed.
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
REPEAT=${REPEAT:-3}
SCALE=${SCALE:-1}
FILTER=${1:-.}
OUT=${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/ipclab-bench.XXXXXX")}
mkdir -p "$OUT/scenarios"

# ipcref, built from the shared source next to the repository.
# (beside the main checkout: $ROOT/../shared; beside a worktree under wt/: $ROOT/../../shared)
SRC=${IPCREF_SRC:-$ROOT/../shared/bench/ipcref.c}
[ -r "$SRC" ] || [ -n "${IPCREF_SRC:-}" ] || SRC=$ROOT/../../shared/bench/ipcref.c
[ -r "$SRC" ] || { echo "compare.sh: ipcref.c not found at $SRC (set IPCREF_SRC)" >&2; exit 2; }
command -v gcc >/dev/null || { echo "compare.sh: gcc is needed to build ipcref" >&2; exit 2; }
gcc -O2 -Wall -Wextra -o "$OUT/ipcref" "$SRC"

# ipclab, built (if needed) by its launcher; Compare runs on the launcher's class path.
"$ROOT/ipclab" --version >/dev/null   # builds only when the sources changed
java_of() { # a java >= 25: JAVA_HOME's, else the newest under /usr/lib/jvm (as the launcher does)
  local d v best="" bestv=0
  for d in ${JAVA_HOME:-} /usr/lib/jvm/*; do
    [ -r "$d/release" ] && [ -x "$d/bin/java" ] || continue
    v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$d/release")
    [ -n "$v" ] && [ "$v" -ge 25 ] && [ "$v" -gt "$bestv" ] && { best=$d; bestv=$v; }
  done
  [ -n "$best" ] && echo "$best/bin/java"
}
JAVA=$(java_of) || { echo "compare.sh: no JDK 25 found" >&2; exit 2; }
CP="$ROOT/bench/target/ipclab-bench-0.1.0-SNAPSHOT.jar:$(cat "$ROOT/bench/target/runtime-classpath.txt")"

MSGMAX=$(cat /proc/sys/kernel/msgmax)
: > "$OUT/cases.order"
CASES=()
while read -r mode mech size count; do
  [[ -z "$mode" || "$mode" == \#* ]] && continue
  name="$mode-$mech-$size"
  [[ "$name" =~ $FILTER ]] || continue
  if [ "$mech" = msgq ] && [ "$size" -gt "$MSGMAX" ]; then echo "skip $name: over msgmax ($MSGMAX)" >&2; continue; fi
  n=$(awk -v c="$count" -v s="$SCALE" 'BEGIN { n = int(c * s); if (n < 100) n = 100; print n }')
  w=$(( n / 10 > 100 ? n / 10 : 100 ))
  # the scenario with the scaled count (ipcref gets the same COUNT; its warm-up is the same max(100, COUNT/10))
  sed -e "s/^\(    messages: \).*/\1$n/" -e "s/^\(    warmup: \).*/\1$w/" \
    "$ROOT/scenarios/bench/$name.yaml" > "$OUT/scenarios/$name.yaml"
  CASES+=("$name $mode $mech $size $n")
  echo "$name" >> "$OUT/cases.order"
done < "$ROOT/bench/cases.txt"
[ ${#CASES[@]} -gt 0 ] || { echo "compare.sh: no case matches '$FILTER'" >&2; exit 2; }

{
  echo "date: $(date -Is)"
  echo "host: $(uname -srm), $(nproc) cpus, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java: $("$JAVA" -version 2>&1 | head -1)"
  echo "REPEAT=$REPEAT SCALE=$SCALE FILTER=$FILTER IPCREF_CPUS=${IPCREF_CPUS:-default}"
} | tee "$OUT/env.txt" >&2

run_ref() { # name mode mech size count rep
  local slots=()
  # ipcref's own default is 4 MiB / slot within 4..64 (63 at 64 KiB); ipclab's slots are a power of two: 64 for both.
  case $3 in shm-*) slots=(env IPCREF_SLOTS=64) ;; esac
  "${slots[@]}" "$OUT/ipcref" "$3" "$2" "$4" "$5" > "$OUT/$1.$6.ipcref.json" 2> "$OUT/$1.$6.ipcref.err" || true
}
run_lab() { # name rep
  "$ROOT/ipclab" run "$OUT/scenarios/$1.yaml" --json "$OUT/$1.$2.ipclab.json" > "$OUT/$1.$2.ipclab.txt" 2>&1 || true
}

for rep in $(seq 1 "$REPEAT"); do
  for c in "${CASES[@]}"; do
    read -r name mode mech size n <<< "$c"
    echo "[$rep/$REPEAT] $name" >&2
    # alternate who goes first, so that neither always runs right after the other's JVM exits
    if (( rep % 2 == 1 )); then run_ref "$name" "$mode" "$mech" "$size" "$n" "$rep"; run_lab "$name" "$rep"
    else run_lab "$name" "$rep"; run_ref "$name" "$mode" "$mech" "$size" "$n" "$rep"; fi
  done
done

echo "results in $OUT" >&2
"$JAVA" -cp "$CP" ipclab.bench.Compare "$OUT" | tee "$OUT/table.txt"
