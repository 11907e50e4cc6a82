#!/usr/bin/env bash
# Worker start-up against a bare JVM (ipclab.bench.Startup): bench/startup.sh [ROUNDS]
# Builds ipclab with its launcher if needed, then runs Startup on the bench module's class path (jars,
# so the AOT cache applies). Uses the normal state directory, where runs keep the AOT cache.
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
"$ROOT/ipclab" --version >/dev/null   # builds only when the sources changed
. "$ROOT/bench/bench-java.sh"
JAVA=$(bench_java) || { echo "startup.sh: no JDK 25 found" >&2; exit 2; }
exec "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$BENCH_CP" ipclab.bench.Startup "$@"
