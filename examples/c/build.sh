#!/usr/bin/env bash
# Builds the C version of the pruning program (prune_classifier) as c-shim/build-native.sh builds its C example: gcc
# with the same warnings, HalconC.h from c-shim's include/, libhprune_c.so next to the program ($ORIGIN). The library
# is copied, not linked to: it reads its JVM's class path from hprune-classpath.txt next to itself, and this module's
# class path holds the TensorFlow backend that c-shim's does not. Called by Maven (exec-maven-plugin) in the compile
# phase after c-shim is built; usable by hand too: examples/c/build.sh [output-dir] [c-shim-target-dir]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/../target}
shim=${2:-$here/../../c-shim/target}
if [[ ! -f "$shim/libhprune_c.so" || ! -f "$shim/include/HalconC.h" ]]; then
  echo "examples/c/build.sh: $shim has no libhprune_c.so or include/HalconC.h: build c-shim first" \
    "(mvn -pl examples -am compile)" >&2
  exit 1
fi
mkdir -p "$out"
cp "$shim/libhprune_c.so" "$out/"
flags=(-std=gnu11 -O2 -g -Wall -Wextra -Werror -Wno-format-truncation)
"${CC:-gcc}" "${flags[@]}" -I"$shim/include" -o "$out/prune_classifier" "$here/prune_classifier.c" -L"$out" \
  -lhprune_c -lpthread -Wl,-rpath,'$ORIGIN'
