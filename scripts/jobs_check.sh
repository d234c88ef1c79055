#!/usr/bin/env bash
# --jobs on a large file: the output of `--jobs 1` and `--jobs N` is byte for byte the same, and
# peak RSS stays flat, for `clearhouse parse` (JSON and summary) and `clearhouse validate`;
# then for `clearhouse post` on a smaller file (a ledger of 1.9 million claims is heavy to write
# twice: $POST_CLAIMS, default 400000 claims, about 200 MB; 0 skips it).
#
#   scripts/jobs_check.sh [CLAIMS|FILE] [JOBS]   (defaults: 1900000 claims, about 1 GB; 2 jobs)
#
# Generates an 835 with ../shared/tools/gen_x12.py into $TMPDIR (deleted at the end), runs each
# command with --jobs 1 and --jobs N under /usr/bin/time, compares stdout and stderr (as SHA-256
# digests, never kept) and the exit statuses, and prints wall time, user time, peak RSS and the
# speedup. Exit 1 if an output or exit status differs or a peak RSS reaches 64 MB.
# post: the 835 pays encounters submitted first into a SQLite ledger; each run posts into a copy
# of it; stdout, stderr and every table's rows (the clock's timestamps blanked) must be the
# same; the ledger's own cache grows with the claims, so what must stay flat there is the peak
# RSS of --jobs N over that of --jobs 1 (under 64 MB).
set -euo pipefail

claims=${1:-1900000}
jobs=${2:-2}
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${CLEARHOUSE_BIN:-$here/build/engine/clearhouse}
gen=$here/../shared/tools/gen_x12.py
[ -x "$bin" ] || { echo "build clearhouse first ($bin)"; exit 2; }
[ -f "$claims" ] || [ -f "$gen" ] || { echo "needs ../shared/tools/gen_x12.py"; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/clearhouse-jobs.XXXXXX")
trap 'rm -rf "$work"' EXIT
if [ -f "$claims" ]; then
  file=$claims  # an existing file (kept)
else
  file=$work/big.835
  echo "generating $claims claims ..."
  python3 "$gen" --type 835 --claims "$claims" --seed 11 -o "$file" 2>/dev/null
fi
size=$(stat -c %s "$file")
echo "file: $size bytes; $(nproc) cores; $(uptime)"

status=0
run() {  # run JOBS ARGS...: prints "wall user rss stdout_digest stderr_digest exit_status"
  local jobs=$1 rc=0; shift
  /usr/bin/time -f "%e %U %M" -o "$work/time" "$bin" "$@" --jobs "$jobs" 2>"$work/err" | sha256sum | cut -c1-16 >"$work/digest" || rc=$?
  # time(1) writes "Command exited with non-zero status N" first when it does: the figures are its last line.
  echo "$(tail -n 1 "$work/time") $(cat "$work/digest") $(sha256sum <"$work/err" | cut -c1-16) $rc"
}
printf '%-28s %6s %8s %8s %9s %10s  %s\n' command jobs wall_s user_s rss_MB MB/s same
for cmd in "parse --format summary" "parse" "validate"; do
  # shellcheck disable=SC2086
  read -r w1 u1 r1 d1 e1 x1 < <(run 1 $cmd "$file")
  # shellcheck disable=SC2086
  read -r wn un rn dn en xn < <(run "$jobs" $cmd "$file")
  same=yes
  [ "$d1" = "$dn" ] && [ "$e1" = "$en" ] && [ "$x1" = "$xn" ] || { same=NO; status=1; }
  for row in "1 $w1 $u1 $r1" "$jobs $wn $un $rn"; do
    set -- $row
    printf '%-28s %6s %8s %8s %9.1f %10.0f  %s\n' "$cmd" "$1" "$2" "$3" "$(echo "$4/1024" | bc -l)" \
      "$(echo "$size/1000000/$2" | bc -l)" "$same"
    if [ "$4" -ge 65536 ]; then echo "  peak RSS $4 KB is not under 64 MB"; status=1; fi
  done
  echo "  speedup --jobs $jobs: $(echo "$w1/$wn" | bc -l | cut -c1-4)x"
done

post_claims=${POST_CLAIMS:-400000}
if [ "$post_claims" != 0 ] && [ -f "$gen" ]; then
  rm -f "$work/big.835"  # room for the next one
  echo "post: generating $post_claims claims and submitting their encounters ..."
  python3 "$gen" --type 835 --claims "$post_claims" --seed 41 -o "$work/pay.835" --encounters-json "$work/pay.jsonl" 2>/dev/null
  "$bin" submit "$work/pay.jsonl" --db "sqlite:$work/submitted.db" --out "$work/out" >/dev/null
  rm -rf "$work/pay.jsonl" "$work/out"
  size=$(stat -c %s "$work/pay.835")
  echo "post file: $size bytes; $(uptime)"
  rows() {  # every table's rows, the clock's timestamps blanked, as one digest
    python3 - "$1" <<'PY'
import hashlib, re, sqlite3, sys
c = sqlite3.connect(sys.argv[1])
h = hashlib.sha256()
for (t,) in c.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
    h.update(("== " + t + "\n").encode())
    for row in c.execute('SELECT * FROM "%s" ORDER BY rowid' % t):
        h.update((re.sub(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d[0-9:.Z]*", "<time>", repr(row)) + "\n").encode())
print(h.hexdigest()[:16])
PY
  }
  post_run() {  # post_run JOBS: prints "wall user rss digest err_digest exit_status rows_digest"
    cp "$work/submitted.db" "$work/run.db"
    local r
    r=$(run "$1" post "$work/pay.835" --db "sqlite:$work/run.db" --as-of 2024-07-01)
    echo "$r $(rows "$work/run.db")"
    rm -f "$work/run.db" "$work/run.db-wal" "$work/run.db-shm"
  }
  read -r w1 u1 r1 d1 e1 x1 l1 < <(post_run 1)
  read -r wn un rn dn en xn ln < <(post_run "$jobs")
  same=yes
  [ "$d1" = "$dn" ] && [ "$e1" = "$en" ] && [ "$x1" = "$xn" ] && [ "$l1" = "$ln" ] || { same=NO; status=1; }
  printf '%-28s %6s %8s %8s %9s %10s  %s\n' command jobs wall_s user_s rss_MB claims/s same
  for row in "1 $w1 $u1 $r1" "$jobs $wn $un $rn"; do
    set -- $row
    printf '%-28s %6s %8s %8s %9.1f %10.0f  %s\n' "post" "$1" "$2" "$3" "$(echo "$4/1024" | bc -l)" \
      "$(echo "$post_claims/$2" | bc -l)" "$same"
  done
  if [ $((rn - r1)) -ge 65536 ]; then echo "  peak RSS of --jobs $jobs is $(((rn - r1) / 1024)) MB over --jobs 1's"; status=1; fi
  echo "  speedup --jobs $jobs: $(echo "$w1/$wn" | bc -l | cut -c1-4)x"
fi
exit $status
