#!/usr/bin/env bash
# Exploration speed, schedules per second on a three-process race (ipclab.bench.ExploreRate): bench/explore-rate.sh [--fresh] [RUNS]
# (--fresh: new worker JVMs for every schedule, as before the worker pool)
# Builds ipclab with its launcher if needed, then runs ExploreRate on the bench module's class path (jars,
# so the AOT cache applies). Uses the normal state directory, where runs keep the AOT cache.
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
"$ROOT/ipclab" --version >/dev/null   # builds only when the sources changed
best=""; bestv=0
for d in ${JAVA_HOME:-} /usr/lib/jvm/*; do
  [ -r "$d/release" ] && [ -x "$d/bin/java" ] || continue
  v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$d/release")
  [ -n "$v" ] && [ "$v" -ge 25 ] && [ "$v" -gt "$bestv" ] && { best=$d; bestv=$v; }
done
[ -n "$best" ] || { echo "explore-rate.sh: no JDK 25 found" >&2; exit 2; }
CP="$ROOT/bench/target/ipclab-bench-0.1.0-SNAPSHOT.jar:$(cat "$ROOT/bench/target/runtime-classpath.txt")"
exec "$best/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" ipclab.bench.ExploreRate "$@"
