# Sourced by the bench scripts: bench_java prints a java >= 25 (JAVA_HOME's, else the newest under
# /usr/lib/jvm, as the launcher chooses) or fails; BENCH_CP is the bench module's class path (jars,
# so that the workers' AOT cache applies). Needs ROOT set to the checkout.
bench_java() {
  local d v best="" bestv=0
  for d in ${JAVA_HOME:-} /usr/lib/jvm/*; do
    [ -r "$d/release" ] && [ -x "$d/bin/java" ] || continue
    v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$d/release")
    [ -n "$v" ] && [ "$v" -ge 25 ] && [ "$v" -gt "$bestv" ] && { best=$d; bestv=$v; }
  done
  [ -n "$best" ] && echo "$best/bin/java"
}
BENCH_CP="$ROOT/bench/target/ipclab-bench-0.1.0-SNAPSHOT.jar:$(cat "$ROOT/bench/target/runtime-classpath.txt" 2>/dev/null)"
