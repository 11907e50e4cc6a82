#!/usr/bin/env bash
# ipclab against a native yardstick, case by case, interleaved (see bench/README.md).
#
#   bench/compare.sh [REGEX]          every case of bench/cases.txt whose name (MODE-MECH-SIZE) matches
#   REPEAT=3   runs of each case per tool (default 3); each yardstick run sits next to an ipclab run
#   SCALE=1    multiplies every COUNT (SCALE=0.2 for a quick look)
#   OUT=DIR    where the JSON files go (default: a new /tmp/ipclab-bench.XXXXXX, kept)
#   IPCREF_SRC=FILE        the yardstick: the independent ipcref.c instead of the project's own
#                          baseline, bench/native/ipcbase.c (the default)
#   IPCREF_CPUS=A,B|none   pinning, the same for both tools: the pinger or writer on CPU A, the echo
#                          or reader on CPU B (default 0,1); none leaves both tools to the scheduler.
#                          Never mixed: when ipclab's scenarios cannot pin (no per-process cpu: key
#                          yet), an explicit A,B is refused and the default falls back to none.
#
# Prints the comparison table (ipclab.bench.Compare) and the stream throughput crossovers
# (msgq and unix against shm-sem) of both tools at the end; exit 1 if a run failed, 2 on bad input.
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
REPEAT=${REPEAT:-3}
SCALE=${SCALE:-1}
FILTER=${1:-.}

# Temporary files: the yardstick's binary lives in BUILD, always removed; OUT is removed too when
# this script made it and nothing was measured (an error or ^C before the first run).
BUILD=$(mktemp -d "${TMPDIR:-/tmp}/ipclab-bench-build.XXXXXX")
OUT_MADE=""
cleanup() {
  rm -rf "$BUILD"
  if [ -n "$OUT_MADE" ] && [ -d "$OUT" ] && ! compgen -G "$OUT/*.json" >/dev/null; then rm -rf "$OUT"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
die() { echo "compare.sh: $*" >&2; exit 2; }

[[ "$REPEAT" =~ ^[1-9][0-9]*$ ]] || die "REPEAT=$REPEAT must be a positive whole number"
[[ "$SCALE" =~ ^[0-9]*\.?[0-9]+$ ]] || die "SCALE=$SCALE must be a positive number, e.g. 0.2"

# The yardstick, built with gcc: the project's baseline unless IPCREF_SRC names ipcref.c.
command -v gcc >/dev/null || die "gcc is needed to build the native yardstick"
if [ -n "${IPCREF_SRC:-}" ]; then
  [ -r "$IPCREF_SRC" ] || die "IPCREF_SRC=$IPCREF_SRC is not a readable file"
  YARD=ipcref SRC=$IPCREF_SRC
else
  YARD=ipcbase SRC=$ROOT/bench/native/ipcbase.c
fi
gcc -O2 -Wall -Wextra -o "$BUILD/$YARD" "$SRC" || die "gcc could not build $SRC"

# Pinning, the same for both tools.
CPUS=${IPCREF_CPUS:-0,1}
if [ "$CPUS" != none ]; then
  [[ "$CPUS" =~ ^[0-9]+,[0-9]+$ ]] || die "IPCREF_CPUS=$CPUS: expected two CPUs like 0,1, or none"
  CPU_A=${CPUS%,*} CPU_B=${CPUS#*,}
fi

# ipclab, built (if needed) by its launcher; IPCLAB=/path/to/launcher runs another build.
IPCLAB=${IPCLAB:-$ROOT/ipclab}
"$IPCLAB" --version >/dev/null   # builds only when the sources changed

# ipclab's scenario for a case: COUNT scaled, warm-up max(100, COUNT/10) as the yardsticks', and
# the processes pinned like the yardstick's (pinger/writer on A, echo/reader on B) unless CPUS=none.
# The committed scenarios pin 0/1 themselves; their cpu: lines are replaced (removed for none).
scenario() { # name count warmup -> stdout
  local pins=(-e '/^    cpu: /d')
  if [ "$CPUS" != none ]; then
    pins+=(-e "/^    role: \(pinger\|writer\)\$/a\\    cpu: $CPU_A" -e "/^    role: \(echo\|reader\)\$/a\\    cpu: $CPU_B")
  fi
  sed -e "s/^\(    messages: \).*/\1$2/" -e "s/^\(    warmup: \).*/\1$3/" "${pins[@]}" "$ROOT/scenarios/bench/$1.yaml"
}
if [ "$CPUS" != none ]; then
  probe=$(awk '!/^#/ && NF { print $1 "-" $2 "-" $3; exit }' "$ROOT/bench/cases.txt")
  scenario "$probe" 100 100 > "$BUILD/probe.yaml"
  if ! why=$("$IPCLAB" validate "$BUILD/probe.yaml" 2>&1); then
    if [ -n "${IPCREF_CPUS:-}" ]; then
      die "IPCREF_CPUS=$CPUS, but ipclab cannot pin its workers (its scenarios have no per-process cpu: key yet:
  ${why##*$'\n'}); comparing pinned with unpinned is not like with like. Use IPCREF_CPUS=none."
    fi
    echo "compare.sh: ipclab cannot pin its workers yet (no per-process cpu: key); comparing unpinned with unpinned" >&2
    CPUS=none
  fi
fi

# The workers' JDK AOT cache: the first run of a fresh build starts training it in the background
# (tens of seconds of CPU on two cores). Start it now and wait for it, so that the training does not
# compete with the first measured runs nor leave them without the cache.
STATE=${XDG_STATE_HOME:-$HOME/.local/state}/ipclab
probe=$(awk '!/^#/ && NF { print $1 "-" $2 "-" $3; exit }' "$ROOT/bench/cases.txt")
scenario "$probe" 100 100 > "$BUILD/aot.yaml"
"$IPCLAB" run "$BUILD/aot.yaml" >/dev/null 2>&1 || true
for i in $(seq 1 300); do
  compgen -G "$STATE/aot/*.lock" >/dev/null || break
  [ "$i" = 1 ] && echo "compare.sh: waiting for the workers' AOT cache to be trained ($STATE/aot)" >&2
  sleep 1
done

OUT=${OUT:-}
if [ -z "$OUT" ]; then OUT=$(mktemp -d "${TMPDIR:-/tmp}/ipclab-bench.XXXXXX"); OUT_MADE=1; fi
mkdir -p "$OUT/scenarios"

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
  scenario "$name" "$n" "$w" > "$OUT/scenarios/$name.yaml"
  CASES+=("$name $mode $mech $size $n")
  echo "$name" >> "$OUT/cases.order"
done < "$ROOT/bench/cases.txt"
[ ${#CASES[@]} -gt 0 ] || die "no case matches '$FILTER'"

{
  echo "date: $(date -Is)"
  echo "host: $(uname -srm), $(nproc) cpus (online $(cat /sys/devices/system/cpu/online)), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "yardstick: $YARD ($SRC)"
  echo "pinning: ${CPUS/#none/none (both tools unpinned)}$([ "$CPUS" != none ] && echo " (pinger/writer on CPU $CPU_A, echo/reader on CPU $CPU_B, both tools)")"
  echo "REPEAT=$REPEAT SCALE=$SCALE FILTER=$FILTER"
} | tee "$OUT/env.txt" >&2

# The yardstick's JSON line goes to CASE.REP.ipcref.json whichever yardstick it is (Compare's name).
run_ref() { # name mode mech size count rep
  local cmd
  if [ "$YARD" = ipcbase ]; then
    cmd=("$BUILD/ipcbase" -c "$CPUS" "$3" "$2" "$4" "$5")          # its shm rings have 64 slots, as the scenarios
  else
    # ipcref's own default is 4 MiB / slot within 4..64 (63 at 64 KiB); ipclab's slots are a power of two: 64 for both.
    cmd=(env IPCREF_CPUS="$CPUS" IPCREF_SLOTS=64 "$BUILD/ipcref" "$3" "$2" "$4" "$5")
  fi
  "${cmd[@]}" > "$OUT/$1.$6.ipcref.json" 2> "$OUT/$1.$6.ipcref.err" || true
}
run_lab() { # name rep
  "$IPCLAB" run "$OUT/scenarios/$1.yaml" --json "$OUT/$1.$2.ipclab.json" > "$OUT/$1.$2.ipclab.txt" 2>&1 || true
}

for rep in $(seq 1 "$REPEAT"); do
  for c in "${CASES[@]}"; do
    read -r name mode mech size n <<< "$c"
    echo "[$rep/$REPEAT] $name" >&2
    # alternate who goes first, so that neither always runs right after the other's exit
    if (( rep % 2 == 1 )); then run_ref "$name" "$mode" "$mech" "$size" "$n" "$rep"; run_lab "$name" "$rep"
    else run_lab "$name" "$rep"; run_ref "$name" "$mode" "$mech" "$size" "$n" "$rep"; fi
  done
done
echo "results in $OUT" >&2
echo "yardstick: $YARD; the table's ipcref columns hold its figures; pinning: $CPUS" >&2

# The table (Compare runs on the bench module's class path).
. "$ROOT/bench/bench-java.sh"
JAVA=$(bench_java) || die "no JDK 25 found"
status=0
"$JAVA" -cp "$BENCH_CP" ipclab.bench.Compare "$OUT" | tee "$OUT/table.txt" || status=$?

"$ROOT/bench/crossover.sh" "$OUT" "$YARD" | tee "$OUT/crossover.txt"
exit "$status"
