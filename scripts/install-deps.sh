#!/usr/bin/env bash
# Installs everything clearhouse needs to build, test and benchmark on Debian 12.
# Run as root (or with sudo). Idempotent: apt-get skips what is already there.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates
  libboost1.81-dev                     # Spirit X3, Asio, Beast (header-only parts)
  libboost-program-options1.81-dev     # the command-line parser (engine/command_line/args.cpp)
  libspdlog-dev libfmt-dev rapidjson-dev
  libsqlite3-dev sqlite3
  libssl-dev                           # libcrypto: SHA-256 of the files the ledger records
  libpq-dev postgresql-15              # libpq client + a real server for the PostgreSQL tests
  libcairo2-dev libpango1.0-dev       # patient statements as PDF (generators/statements/statement_pdf.cpp)
  fonts-dejavu-core                    # the font Pango finds for those statements
  poppler-utils                        # pdftotext: the statement PDF test reads the text back
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  python3                              # ../shared/tools (corpus checker, generator) used by tests and benches
  procps time                          # ps/pkill in the crash tests, /usr/bin/time -v for RSS figures
  chromium                             # the worklist page's browser test (playwright-core drives Debian's chromium)
)
# Node.js for the browser test: Debian's nodejs + npm unless a Node.js with npm is already installed
# (e.g. from NodeSource, whose nodejs package conflicts with Debian's npm).
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
