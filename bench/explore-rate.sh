#!/usr/bin/env bash
# Exploration speed, schedules per second on a three-process race (ipclab.bench.ExploreRate): bench/explore-rate.sh [--fresh] [RUNS]
# (--fresh: new worker JVMs for every schedule, as before the worker pool)
# Builds ipclab with its launcher if needed, then runs ExploreRate on the bench module's class path (jars,
# so the AOT cache applies). Uses the normal state directory, where runs keep the AOT cache.
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
"$ROOT/ipclab" --version >/dev/null   # builds only when the sources changed
. "$ROOT/bench/bench-java.sh"
JAVA=$(bench_java) || { echo "explore-rate.sh: no JDK 25 found" >&2; exit 2; }
exec "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$BENCH_CP" ipclab.bench.ExploreRate "$@"
