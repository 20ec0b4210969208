#!/usr/bin/env bash
# Runs hprune's benchmarks (not part of CI).
# Usage: bench/run.sh [compare|model|pruning|pruning-speed|cshim|soak|ort-overhead|spark]
# Prints markdown tables measured side by side in one run on this machine.
#   compare (default)  hprune next to PyTorch and ONNX Runtime on MobileNetV2, ResNet-18/50, an MNIST CNN and the
#                      PP-OCR classifier; the table also goes to bench/RESULTS.md (BENCH_RESULTS overrides the path).
#                      Needs Debian's python3-torch and python3-torchvision (installed with apt when missing).
#   pruning            oracle, L1 norm, random and an independent Taylor reference at equal MACs (50 and 30 % kept) on
#                      two MNIST models, retrained in 3 orders; about 16 minutes on 2 busy cores.
#   model, pruning-speed  the earlier, smaller benches; cshim: the C interface's per-call cost;
#   soak: native-memory growth over 10,000 scoring and inference calls; ort-overhead: ApplyDlModel on the ONNX Runtime
#   device next to ONNX Runtime called directly (same session options, 1 thread) at batch 1/16/32.
#   spark              oracle scoring images/s in one process, on Spark local[1] and local[2] (PP-OCR classifier).
# BENCH_JAVA_OPTS passes options to the JVM, e.g. -Dbench.seconds=2 -Dbench.only=1,3
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export TF_ENABLE_ONEDNN_OPTS="${TF_ENABLE_ONEDNN_OPTS:-1}"
export TF_OVERRIDE_GLOBAL_THREADPOOL="${TF_OVERRIDE_GLOBAL_THREADPOOL:-1}"
which=${1:-compare}
bash scripts/fetch-test-material.sh
extra=()
if [ "$which" = compare ]; then
  python=/usr/bin/python3
  if ! "$python" -c 'import torch, torchvision, onnx' >/dev/null 2>&1; then
    echo "bench: installing python3-torch, python3-torchvision and python3-onnx with apt" >&2
    sudo_cmd=(); [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq python3-torch python3-torchvision python3-onnx >/dev/null
  fi
  cache="$root/.cache/bench"
  mkdir -p "$cache"
  # exported once; delete .cache/bench to export again
  if [ ! -f "$cache/resnet50.onnx" ] || [ bench/torch_peer.py -nt "$cache/resnet50.onnx" ]; then
    "$python" bench/torch_peer.py export "$cache" 2> >(grep -v -i warning >&2)
  fi
  extra=(-Dhprune.benchCache="$cache" -Dhprune.python="$python" -Dhprune.peerScript="$root/bench/torch_peer.py"
         -Dhprune.benchResults="${BENCH_RESULTS:-$root/bench/RESULTS.md}")
fi
if [ "$which" = spark ]; then
  mvn -B -q -pl spark -am -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
  exec java @spark/jvm.options -Dlog4j2.configurationFile=spark/log4j2.properties ${BENCH_JAVA_OPTS:-} -Dhprune.testMaterial="$root/.cache/test-material" \
    -cp "spark/target/test-classes:spark/target/classes:$(cat spark/target/bench-classpath.txt)" \
    dev.hprune.spark.ScoringScalingBench
fi
mvn -B -q -pl tests -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
case "$which" in
  compare) main=dev.hprune.tests.bench.ComparisonBench ;;
  model) main=dev.hprune.tests.bench.ModelThroughputBench ;;
  pruning) main=dev.hprune.tests.bench.MnistPruningReport ;;
  pruning-speed) main=dev.hprune.tests.bench.PruningSpeedBench ;;
  cshim) main=dev.hprune.tests.bench.CInterfaceCallBench ;;
  ort-overhead) main=dev.hprune.tests.bench.OrtDeviceOverheadBench ;;
  # a fixed, pre-touched Java heap, so that RSS growth is native memory and not the heap expanding
  soak) main=dev.hprune.tests.bench.SoakBench; BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xms256m -Xmx256m -XX:+AlwaysPreTouch}" ;;
  *) echo "unknown benchmark '$which' (known: compare, model, pruning, pruning-speed, cshim, soak, ort-overhead, spark)" >&2
     exit 2 ;;
esac
exec java ${BENCH_JAVA_OPTS:-} -Dhprune.testMaterial="$root/.cache/test-material" "${extra[@]}" \
  -cp "tests/target/test-classes:$(cat tests/target/bench-classpath.txt)" "$main"
