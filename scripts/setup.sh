#!/usr/bin/env bash
# Installs what building and testing quotelens needs, skipping whatever is already there, so a
# second run takes seconds. `npm start` and `npm test` call it first; run it alone with
#
#   bash scripts/setup.sh            # build tools: wasm target, wasm-bindgen-cli, npm packages
#   bash scripts/setup.sh --browser  # and, for the tests, Debian's Chromium and the Vite project
#
# Everything comes from package registries (crates.io, npm, Debian), never a download of a
# binary or a browser of its own: playwright-core drives Debian's /usr/bin/chromium, and wasm-opt
# comes from the npm package `binaryen` (Debian's binaryen is too old for rustc's output).
set -euo pipefail
cd "$(dirname "$0")/.."

browser=0
for arg in "$@"; do
  case "$arg" in
    --browser) browser=1 ;;
    *) echo "usage: scripts/setup.sh [--browser]" >&2; exit 2 ;;
  esac
done

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: %s\n' "$*" >&2; exit 1; }

# Rust: the toolchain itself is the machine's (rustup); we only add the wasm target.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
command -v cargo >/dev/null || die "cargo not found: install Rust with rustup (https://rustup.rs)"
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly, or the generated JS
# and the module disagree. (`cargo install --locked` fails here, so it is left out.) Default
# features only add TLS (rustls, ring) for the test runner's downloads; the build needs none.
# Compiling it is the slow part of a fresh set-up; opt-level 1 cuts it from about 3 to 2.4
# CPU-minutes, and the tool still processes our module in a tenth of a second (same output).
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$want" ] || die "no wasm-bindgen entry in Cargo.lock"
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (have: ${have:-none}); this compiles for a few minutes"
  CARGO_PROFILE_RELEASE_OPT_LEVEL=1 cargo install wasm-bindgen-cli --version "=$want" --no-default-features
fi

# Node ≥ 20 (the loader reads the .wasm with fs/promises; Vite 8 needs ^20.19).
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
[ "$node_major" -ge 20 ] || die "Node.js 20 or newer is needed (found: $(node --version 2>/dev/null || echo none))"

# npm packages, exactly as package-lock.json pins them. npm records what it installed in
# node_modules/.package-lock.json; a lock file newer than that means node_modules is stale.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi

if [ "$browser" = 1 ]; then
  # The Vite test project depends on this package by path (file:../..): a link, no download.
  if [ ! -e tests/vite/node_modules/quotelens ]; then
    say "linking the package into tests/vite"
    (cd tests/vite && npm install --no-package-lock --no-audit --no-fund)
  fi

  chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
  if [ ! -x "$chromium" ] || ! command -v chromedriver >/dev/null; then
    if [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ] && command -v apt-get >/dev/null; then
      say "installing Debian's chromium and chromium-driver"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq
      apt-get install -y -qq --no-install-recommends chromium chromium-driver
    else
      say "the browser tests need Chromium at $chromium (or set CHROMIUM_PATH=/path/to/chromium)."
      say "On Debian or Ubuntu, as root: apt-get install chromium chromium-driver"
    fi
  fi
fi
say "ready"
