#!/usr/bin/env python3
"""Interleaved A/B of Google Benchmark programs: ab.py BASE_BUILD NEW_BUILD ROUNDS bench[:filter] ...
Runs base and new alternately ROUNDS times, keeps each benchmark's best (highest rate, or lowest
cpu_time when it reports no rate), and prints new/base."""
import json, subprocess, sys, os
base, new, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
specs = sys.argv[4:]
def run(build, bench, flt):
    cmd = [os.path.join(build, 'bench', bench), '--benchmark_format=json']
    if flt: cmd.append('--benchmark_filter=' + flt)
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=build)
    if out.returncode != 0:
        print('FAILED', cmd, out.stderr[-500:]); return {}
    res = {}
    for b in json.loads(out.stdout)['benchmarks']:
        if b.get('run_type') == 'aggregate': continue
        for key in ('items_per_second', 'bytes_per_second', 'claims_per_second', 'claims/s'):
            if key in b: res[b['name']] = (key, b[key]); break
        else:
            res[b['name']] = ('1/cpu_time', 1.0 / b['cpu_time'])
    return res
best = {}
for r in range(rounds):
    for spec in specs:
        bench, _, flt = spec.partition(':')
        for side, build in (('base', base), ('new', new)):
            for name, (k, v) in run(build, bench, flt).items():
                key = (bench, name)
                d = best.setdefault(key, {'metric': k})
                d[side] = max(d.get(side, 0), v)
    print(f'round {r+1} done', file=sys.stderr)
print(f"{'benchmark':70} {'metric':18} {'base':>14} {'new':>14} {'new/base':>9}")
for (bench, name), d in sorted(best.items()):
    if 'base' in d and 'new' in d:
        print(f"{bench+' '+name:70.70} {d['metric']:18} {d['base']:14.4g} {d['new']:14.4g} {d['new']/d['base']:9.3f}")
    else:
        print(f"{bench+' '+name:70.70} only in {'base' if 'base' in d else 'new'}")
