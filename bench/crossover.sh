#!/usr/bin/env bash
# The stream throughput crossovers in a directory bench/compare.sh filled: for msgq and unix against
# shm-sem, the size from which shm-sem moves more MiB/s, by ipclab's figures and by the yardstick's,
# and how many sweep steps (sizes of bench/cases.txt) apart the two verdicts are (aim: at most 1).
#
#   bench/crossover.sh DIR [YARDSTICK]     YARDSTICK: the name to print (default: from DIR/env.txt)
#
# Each figure is the median over the runs of a case (min-max after it); a run of ipclab whose
# report is not ok, or a yardstick run without a figure, is left out. Needs only bash, grep, awk.
set -euo pipefail
DIR=${1:?usage: bench/crossover.sh DIR [YARDSTICK]}
[ -d "$DIR" ] || { echo "crossover.sh: $DIR is not a directory" >&2; exit 2; }
YARD=${2:-$(sed -n 's/^yardstick: \([a-z]*\).*/\1/p' "$DIR/env.txt" 2>/dev/null)}
YARD=${YARD:-ipcref}

# One line per run: TOOL MECH SIZE MIB_PER_S
figures() {
  local f base case rep tool v
  for f in "$DIR"/stream-*.ipcref.json "$DIR"/stream-*.ipclab.json; do
    [ -s "$f" ] || continue
    base=${f##*/}
    case=${base%%.*}                           # stream-MECH-SIZE
    rep=${base#*.}; rep=${rep%%.*}
    [[ "$rep" =~ ^[0-9]+$ ]] || continue
    if [[ "$base" == *.ipclab.json ]]; then
      tool=ipclab
      grep -q '"ok" *: *true' "$f" || continue
      v=$(grep -o '"mibPerSec" *: *[0-9.eE+-]*' "$f" | head -1 | sed 's/.*: *//')
    else
      tool=$YARD
      v=$(grep -o '"mib_per_s" *: *[0-9.eE+-]*' "$f" | head -1 | sed 's/.*: *//')
    fi
    [ -n "$v" ] || continue
    case=${case#stream-}
    echo "$tool ${case%-*} ${case##*-} $v"
  done
}

figures | awk -v yard="$YARD" '
  { key = $1 SUBSEP $2 SUBSEP $3; n[key]++; v[key, n[key]] = $4 + 0; sizes[$3 + 0] = 1 }
  function median(key,   i, j, t, m, a) {
    m = n[key]
    for (i = 1; i <= m; i++) a[i] = v[key, i]
    for (i = 2; i <= m; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    lo[key] = a[1]; hi[key] = a[m]
    return m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
  }
  function cell(key) { return (key in med) ? sprintf("%.1f (%.1f-%.1f)", med[key], lo[key], hi[key]) : "-" }
  # The index (in the sizes both mechanisms have) from which shm-sem stays ahead; count when never.
  function cross(tool, other,   i, k, c, ahead, prev, flips) {
    c = 0; k = -1; flips = 0
    for (i = 1; i <= ns; i++) {
      if (!((tool SUBSEP other SUBSEP size[i]) in med) || !((tool SUBSEP "shm-sem" SUBSEP size[i]) in med)) continue
      ahead = med[tool, "shm-sem", size[i]] > med[tool, other, size[i]]
      if (c > 0 && ahead != prev) flips++
      prev = ahead; at[++c] = size[i]; if (!ahead) k = c
    }
    common[tool] = c; multiple[tool] = flips > 1
    return k < 0 ? 1 : k + 1                 # 1: ahead at every size; c + 1: never ahead at the largest
  }
  function say(tool, other, k) {
    if (common[tool] == 0) return "no figures"
    if (k == 1) return "shm-sem ahead at every size (from " at[1] ")"
    if (k > common[tool]) return other " ahead at every size up to " at[common[tool]] " (no crossover in the sweep)"
    return "shm-sem ahead from " at[k] " (" other " ahead at " at[k - 1] ")" (multiple[tool] ? ", crosses more than once" : "")
  }
  END {
    for (key in n) med[key] = median(key)
    ns = 0
    for (s in sizes) size[++ns] = s + 0
    for (i = 2; i <= ns; i++) for (j = i; j > 1 && size[j - 1] > size[j]; j--) { t = size[j]; size[j] = size[j - 1]; size[j - 1] = t }
    split("msgq unix", others, " ")
    printed = 0
    for (o = 1; o <= 2; o++) {
      other = others[o]
      has = 0
      for (i = 1; i <= ns; i++) for (t = 1; t <= 2; t++) {
        tool = t == 1 ? "ipclab" : yard
        if ((tool SUBSEP other SUBSEP size[i]) in med && (tool SUBSEP "shm-sem" SUBSEP size[i]) in med) has = 1
      }
      if (!has) continue
      printf "\nstream throughput crossover, %s against shm-sem (MiB/s, median of the runs (min-max)):\n", other
      printf "  %-8s %-8s", "tool", "mech"; for (i = 1; i <= ns; i++) printf "  %22s", size[i] " B"; printf "\n"
      split("ipclab " yard, tools, " ")
      for (t = 1; t <= 2; t++) for (m = 1; m <= 2; m++) {
        mech = m == 1 ? other : "shm-sem"
        printf "  %-8s %-8s", tools[t], mech
        for (i = 1; i <= ns; i++) printf "  %22s", cell(tools[t] SUBSEP mech SUBSEP size[i])
        printf "\n"
      }
      kl = cross("ipclab", other); lsay = say("ipclab", other, kl)
      ky = cross(yard, other); ysay = say(yard, other, ky)
      printf "  %-8s %s\n  %-8s %s\n", "ipclab:", lsay, yard ":", ysay
      if (common["ipclab"] > 0 && common[yard] > 0) {
        d = kl - ky; if (d < 0) d = -d
        printf "  the verdicts are %d sweep step%s apart (aim: at most 1)%s\n", d, d == 1 ? "" : "s", d <= 1 ? "" : ": MISSED"
      }
      printed = 1
    }
    if (!printed) print "\n(no stream figures for msgq or unix and shm-sem: no crossover to show)"
  }'
