#!/usr/bin/env bash
# The browser test (ctest label "browser"): installs playwright-core with `npm ci` from the
# committed lock file into the build tree (no browser download: Debian's chromium is used),
# then runs worklist_page.test.mjs against the freshly built clearhouse.
#   run.sh SOURCE_DIR BUILD_DIR CLEARHOUSE_BINARY
# Exit 77 (ctest: skipped) when node, npm or chromium is missing; scripts/install-deps.sh
# installs all three, so CI always runs it.
set -euo pipefail
src="$1"
build="$2"
binary="$3"
for tool in node npm; do
  command -v "$tool" >/dev/null 2>&1 || { echo "browser test skipped: $tool not found (scripts/install-deps.sh installs it)"; exit 77; }
done
chromium="${CLEARHOUSE_CHROMIUM:-/usr/bin/chromium}"
[ -x "$chromium" ] || { echo "browser test skipped: $chromium not found (scripts/install-deps.sh installs Debian's chromium)"; exit 77; }

work="$build/browser-test"
mkdir -p "$work"
cp "$src/tests/browser/package.json" "$src/tests/browser/package-lock.json" "$src/tests/browser/worklist_page.test.mjs" "$work/"
# npm ci only when the lock file changed since the last install (it wipes node_modules).
stamp="$work/node_modules/.clearhouse-lock.sha256"
want="$(sha256sum "$work/package-lock.json" | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  (cd "$work" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" > "$stamp"
fi
export CLEARHOUSE_BINARY="$binary" CLEARHOUSE_SOURCE_DIR="$src" CLEARHOUSE_BROWSER_OUT="$build/browser-test/out"
exec node "$work/worklist_page.test.mjs"
