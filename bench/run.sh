#!/usr/bin/env bash
# Runs hprune's benchmarks (not part of CI). Usage: bench/run.sh [model|pruning|pruning-speed|cshim|soak]
# Prints markdown tables measured side by side in one run on this machine.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export TF_ENABLE_ONEDNN_OPTS="${TF_ENABLE_ONEDNN_OPTS:-1}"
bash scripts/fetch-test-material.sh
mvn -B -q -pl tests -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
case "${1:-model}" in
  model) main=dev.hprune.tests.bench.ModelThroughputBench ;;
  pruning) main=dev.hprune.tests.bench.MnistPruningReport ;;
  pruning-speed) main=dev.hprune.tests.bench.PruningSpeedBench ;;
  cshim) main=dev.hprune.tests.bench.CInterfaceCallBench ;;
  # a fixed, pre-touched Java heap, so that RSS growth is native memory and not the heap expanding
  soak) main=dev.hprune.tests.bench.SoakBench; BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xms256m -Xmx256m -XX:+AlwaysPreTouch}" ;;
  *) echo "unknown benchmark '$1' (known: model, pruning, pruning-speed, cshim, soak)" >&2; exit 2 ;;
esac
exec java ${BENCH_JAVA_OPTS:-} -Dhprune.testMaterial="$root/.cache/test-material" \
  -cp "tests/target/test-classes:$(cat tests/target/bench-classpath.txt)" "$main"
