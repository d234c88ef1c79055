#!/usr/bin/env bash
# Installs what is needed, builds everything with -Werror, and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh -DCLEARHOUSE_WERROR=ON
cd "${CLEARHOUSE_BUILD_DIR:-build}"
ctest --output-on-failure -j "$(nproc)" --timeout 900
