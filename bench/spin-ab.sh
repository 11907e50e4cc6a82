#!/usr/bin/env bash
# shm-spin streams, two builds of ipclab against ipcref and ipcbase, interleaved (section "Session 5:
# shm-spin streams" of bench/HISTORY.md). Per round, in the order given (reversed on even rounds):
#   ref | base | A:VARIANT | B:VARIANT | T:VARIANT      (T: B with glibc's rep movsb switched off)
# VARIANT: full (ipclab's defaults: verify: full, a latency per message), full64 (sample: 64),
# ends1 (verify: ends), ends64 (verify: ends, sample: 64: ipcref's work per message).
# Writer cpu 0, reader cpu 1, both tools. Prints MiB/s per item and round.
#   A=/path/to/main/ipclab [B=./ipclab] [SIZE=4096] [COUNT=200000] [ROUNDS=5] bench/spin-ab.sh ref A:full B:full A:ends64 B:ends64 base
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
A=${A:?set A to the launcher of the build to compare against}; B=${B:-$ROOT/ipclab}
SIZE=${SIZE:-4096}; COUNT=${COUNT:-200000}; ROUNDS=${ROUNDS:-5}
OUT=$(mktemp -d "${TMPDIR:-/tmp}/ipclab-spin-ab.XXXXXX"); trap 'rm -rf "$OUT"' EXIT
SRC=${IPCREF_SRC:-$ROOT/../shared/bench/ipcref.c}
[ -r "$SRC" ] && gcc -O2 -o "$OUT/ipcref" "$SRC"
gcc -O2 -o "$OUT/ipcbase" "$ROOT/bench/native/ipcbase.c"
for v in "full:" "full64:, sample: 64" "ends1:, verify: ends" "ends64:, verify: ends, sample: 64"; do
  printf 'name: spin-ab-%s\nchannels:\n  link: {type: shm, sync: spin%s}\nprocesses:\n  producer: {role: writer, channel: link, messages: %s, size: %s, cpu: 0}\n  consumer: {role: reader, channel: link, cpu: 1}\n' \
    "${v%%:*}" "${v#*:}" "$COUNT" "$SIZE" > "$OUT/${v%%:*}.yaml"
done
mib() { grep -o '"mib_per_s":[0-9.]*' | cut -d: -f2; }
for r in $(seq 1 "$ROUNDS"); do
  items=("$@"); if [ $((r % 2)) = 0 ]; then items=(); for ((i = $#; i >= 1; i--)); do items+=("${!i}"); done; fi
  line="round $r:"
  for it in "${items[@]}"; do
    case $it in
      ref) v=$(IPCREF_CPUS=0,1 "$OUT/ipcref" shm-spin stream "$SIZE" "$COUNT" | mib) ;;
      base) v=$("$OUT/ipcbase" -c 0,1 shm-spin stream "$SIZE" "$COUNT" | mib) ;;
      *) who=${it%%:*} var=${it#*:}
         case $who in A) run=("$A") ;; B) run=("$B") ;; T) run=(env GLIBC_TUNABLES=glibc.cpu.x86_rep_movsb_threshold=1000000 "$B") ;; esac
         "${run[@]}" run "$OUT/$var.yaml" --json "$OUT/o.json" > /dev/null 2>&1 || true
         v=$(jq '.channels[0].throughput.mibPerSec // 0' "$OUT/o.json" 2>/dev/null | cut -d. -f1); rm -f "$OUT/o.json" ;;
    esac
    line="$line $it=$v"
  done
  echo "$line"
done
