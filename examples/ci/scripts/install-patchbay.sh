#!/usr/bin/env bash
# Installs a Patchbay release binary: install-patchbay.sh VERSION [DIR]
# Downloads patchbay-linux-ARCH.tar.gz of release vVERSION and its .sha256 from PATCHBAY_RELEASES_URL
# (default: the project's GitHub releases), checks the checksum, and puts `patchbay` in DIR
# (default ~/.local/bin, added to GITHUB_PATH in GitHub Actions).
set -euo pipefail
version=${1:?usage: install-patchbay.sh VERSION [DIR]}
dir=${2:-$HOME/.local/bin}
base=${PATCHBAY_RELEASES_URL:-https://github.com/OWNER/patchbay/releases/download}
case $(uname -m) in
  x86_64|amd64) arch=x86_64 ;;
  aarch64|arm64) arch=aarch64 ;;
  *) echo "install-patchbay: no release for $(uname -m)" >&2; exit 1 ;;
esac
name="patchbay-linux-$arch.tar.gz"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
curl -fsSL --retry 3 -o "$tmp/$name" "$base/v${version#v}/$name"
curl -fsSL --retry 3 -o "$tmp/$name.sha256" "$base/v${version#v}/$name.sha256"
(cd "$tmp" && sha256sum -c "$name.sha256" >&2)
mkdir -p "$dir"
tar -xzf "$tmp/$name" -C "$tmp"
install -m 0755 "$tmp/patchbay" "$dir/patchbay"
if [ -n "${GITHUB_PATH:-}" ]; then echo "$dir" >> "$GITHUB_PATH"; fi
"$dir/patchbay" version
