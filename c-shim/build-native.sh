#!/usr/bin/env bash
# Builds libhprune_c.so, the C examples and the C test programs, and (where g++ is installed) the C++ example and
# benchmark. Called by Maven (exec-maven-plugin) in the compile phase; usable by hand too:
# c-shim/build-native.sh [output-dir] [java-home]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/target}
java_home=${2:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}
mkdir -p "$out"
cc=${CC:-gcc}
cxx=${CXX:-g++}
# The per-operator parts of the C++ and Python interfaces, generated from HalconC.h: the C++ operator functions
# (include/HalconCppOperators.h) and the operator list compiled into the library (generated-c/operator_signatures.c).
"$java_home/bin/java" "$here/src/build/GenerateBindings.java" "$here/src/main/c/HalconC.h" "$out"
# One include directory for C and C++ programs.
cp "$here/src/main/c/HalconC.h" "$here/src/main/cpp/HalconCpp.h" "$out/include/"
# Messages may be cut at the buffer size on purpose: -Wno-format-truncation.
flags=(-std=gnu11 -O2 -g -Wall -Wextra -Werror -Wno-format-truncation)
"$cc" "${flags[@]}" -fPIC -shared -I"$here/src/main/c" -I"$java_home/include" -I"$java_home/include/linux" \
  -o "$out/libhprune_c.so" "$here"/src/main/c/*.c "$out/generated-c/operator_signatures.c" -ldl -lpthread
# Programs find the library next to them ($ORIGIN) and the headers in include/.
prog() {
  "$cc" "${flags[@]}" -I"$out/include" -o "$out/$1" "$2" -L"$out" -lhprune_c -lpthread -Wl,-rpath,'$ORIGIN'
}
prog prune_example "$here/examples/prune_example.c"
prog threads_test "$here/src/test/c/threads_test.c"
prog leak_probe "$here/src/test/c/leak_probe.c"
# C++: optional, so that a machine without g++ still builds the library (the C++ tests then skip, naming g++).
if command -v "$cxx" >/dev/null; then
  cxxprog() {
    "$cxx" -std=c++17 -O2 -g -Wall -Wextra -Werror -I"$out/include" -o "$out/$1" "$2" -L"$out" -lhprune_c \
      -Wl,-rpath,'$ORIGIN'
  }
  cxxprog prune_example_cpp "$here/examples/prune_example.cpp"
  cxxprog call_bench_cpp "$here/src/test/cpp/call_bench.cpp"
  cxxprog cpp_semantics_test "$here/src/test/cpp/cpp_semantics_test.cpp"
else
  echo "build-native: $cxx not found: the C++ example and benchmark are not built" >&2
fi
