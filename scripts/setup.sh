#!/usr/bin/env bash
# Installs what Banka needs to build, run and test on Debian/Ubuntu, skipping what is there:
# the WebKitGTK/GTK system libraries, Xvfb and the WebKit WebDriver (for the end-to-end tests),
# tauri-driver, cargo-fuzz, and the UI's node modules. Safe to run again and again.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential pkg-config libssl-dev
  libwebkit2gtk-4.1-dev libgtk-3-dev libsoup-3.0-dev librsvg2-dev libayatana-appindicator3-dev libxdo-dev
  webkit2gtk-driver xvfb xauth imagemagick xdotool fonts-noto-cjk fontconfig sqlite3
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing system packages: ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

command -v cargo >/dev/null || { echo "setup: Rust is missing: install it with rustup (https://rustup.rs)" >&2; exit 1; }
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
[ "$node_major" -ge 20 ] || { echo "setup: Node.js 20.19 or newer is needed (found ${node_major})" >&2; exit 1; }

command -v tauri-driver >/dev/null || cargo install tauri-driver --locked --version '^2'
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

# npm ci only when the lock file changed since the last install.
if [ ! -f ui/node_modules/.package-lock.json ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  npm --prefix ui ci --no-audit --no-fund
fi
