#!/usr/bin/env bash
# Builds the self-contained Linux release binary: scripts/release-build.sh [VERSION]
#
#   swift build -c release --static-swift-stdlib, with the version, commit and date recorded
#   (Sources/PatchbayCLI/ReleaseStamp.swift, written for the build and removed after), then
#   checks with ldd that no Swift runtime library is needed, and writes
#     dist/patchbay-linux-ARCH.tar.gz         patchbay, LICENSE, README.md (the same name for
#                                             every version, so releases/latest/download/ works)
#     dist/patchbay-linux-ARCH.tar.gz.sha256  its checksum (sha256sum -c format)
# VERSION defaults to BuildInfo.baseVersion; RELEASE_SCRATCH_PATH (default .build) is the build directory. Slow (a whole-module optimised build of every
# dependency): not part of .ci/run; the release workflow runs it.
set -euo pipefail
cd "$(dirname "$0")/.."

version=${1:-$(sed -n 's/.*static let baseVersion = "\(.*\)".*/\1/p' Sources/PatchbayCLI/BuildInfo.swift)}
version=${version#v}
commit=$(git rev-parse HEAD)
if ! git diff --quiet HEAD -- Sources Package.swift; then commit="$commit-dirty"; fi
date=$(date -u +%Y-%m-%d)
arch=$(uname -m)
name="patchbay-linux-$arch"

stamp=Sources/PatchbayCLI/ReleaseStamp.swift
trap 'rm -f "$stamp"' EXIT
cat > "$stamp" <<SWIFT
// Written by scripts/release-build.sh for one build; not committed.
enum ReleaseStamp {
    static let version = "$version"
    static let commit = "$commit"
    static let date = "$date"
}
SWIFT

echo "== swift build -c release --static-swift-stdlib ($name, commit $commit)"
flags=(-c release --static-swift-stdlib --product patchbay -Xswiftc -DPATCHBAY_RELEASE)
# RELEASE_SCRATCH_PATH: a build directory of its own, to build beside a debug build in use.
if [ -n "${RELEASE_SCRATCH_PATH:-}" ]; then flags+=(--scratch-path "$RELEASE_SCRATCH_PATH"); fi
swift build "${flags[@]}"
binary="$(swift build "${flags[@]}" --show-bin-path)/patchbay"

echo "== ldd $binary"
ldd "$binary" | tee /tmp/patchbay-release-ldd.txt
if grep -q 'libswift\|libFoundation\|libdispatch\|libBlocksRuntime' /tmp/patchbay-release-ldd.txt; then
  echo "release-build: the binary needs the Swift runtime (see ldd above)" >&2
  exit 1
fi

echo "== patchbay version"
"$binary" version | tee /tmp/patchbay-release-version.txt
grep -q "commit $commit" /tmp/patchbay-release-version.txt

rm -rf "dist/$name" && mkdir -p "dist/$name"
cp "$binary" "dist/$name/patchbay"
strip "dist/$name/patchbay" 2>/dev/null || true
cp LICENSE README.md "dist/$name/"
tar -czf "dist/$name.tar.gz" -C "dist/$name" patchbay LICENSE README.md
(cd dist && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
echo "== dist"
ls -l "dist/$name/patchbay" "dist/$name.tar.gz"
cat "dist/$name.tar.gz.sha256"
