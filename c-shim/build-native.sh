#!/usr/bin/env bash
# Builds libhprune_c.so, the C examples and the C test programs. Called by Maven (exec-maven-plugin) in the compile
# phase; usable by hand too: c-shim/build-native.sh [output-dir] [java-home]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/target}
java_home=${2:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}
mkdir -p "$out"
cc=${CC:-gcc}
# Messages may be cut at the buffer size on purpose: -Wno-format-truncation.
flags=(-std=gnu11 -O2 -g -Wall -Wextra -Werror -Wno-format-truncation)
"$cc" "${flags[@]}" -fPIC -shared -I"$java_home/include" -I"$java_home/include/linux" \
  -o "$out/libhprune_c.so" "$here"/src/main/c/*.c -ldl -lpthread
# Programs find the library next to them ($ORIGIN) and the header in src/main/c.
prog() {
  "$cc" "${flags[@]}" -I"$here/src/main/c" -o "$out/$1" "$2" -L"$out" -lhprune_c -lpthread -Wl,-rpath,'$ORIGIN'
}
prog prune_example "$here/examples/prune_example.c"
prog threads_test "$here/src/test/c/threads_test.c"
prog leak_probe "$here/src/test/c/leak_probe.c"
