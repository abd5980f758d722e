#!/usr/bin/env bash
# Installs what Safeguard needs and is missing, and nothing else: safe to run again and again.
#   scripts/install-deps.sh build   compilers, libraries and GOV.UK Frontend (for make demo)
#   scripts/install-deps.sh test    also PostgreSQL 15, Chromium and Playwright (for make test)
# Packages come only from Debian's apt repositories and the npm registry.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-build}"
packages=(cmake g++ make pkg-config libboost-dev libboost-system-dev libsqlite3-dev libpq-dev nlohmann-json3-dev
          libcli11-dev libsodium-dev libssl-dev libgtest-dev libgmock-dev libbenchmark-dev libcpp-httplib-dev
          libexpat1-dev)
case "$mode" in
  build) ;;
  test) packages+=(postgresql-15 postgresql-client-15 chromium clang-14 libclang-rt-14-dev) ;;
  *) echo "usage: $0 build|test" >&2; exit 2 ;;
esac
# Node.js may come from elsewhere on the machine; install Debian's only if there is none.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing missing packages: ${missing[*]}"
  sudo=()
  [ "$(id -u)" = 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm ci when node_modules is missing or older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing npm packages (govuk-frontend, playwright-core) ..."
  npm ci --no-audit --no-fund --loglevel=error
fi
