#!/usr/bin/env bash
# Installs what is needed, builds everything with -Werror, and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
# Tests, benchmarks and fuzz replays on explicitly: the demo may have configured the same build
# directory with them off, and CMake would keep that cached choice.
./scripts/build.sh -DCLEARHOUSE_WERROR=ON -DCLEARHOUSE_TESTS=ON -DCLEARHOUSE_BENCH=ON -DCLEARHOUSE_FUZZ=ON
cd "${CLEARHOUSE_BUILD_DIR:-build}"
ctest --output-on-failure --no-tests=error -j "$(nproc)" --timeout 900
