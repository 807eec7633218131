#!/usr/bin/env bash
# End-to-end benchmark: generates corpora with `govreport synth` and runs the whole pipeline
# on them, printing MB/s of input, docs/s, peak RSS and the time per stage (from each run's
# manifest.json). Usage: scripts/bench.sh [SIZES...]   (default: 1000 10000 100000)
# Corpora are cached under $BENCH_DIR (default /tmp/govreport-bench) by size, mix and seed.
# Each run is repeated $REPEAT times (default 3) and the run with the median time is shown:
# a shared VM's speed drifts from one second to the next. The 1-vs-2-threads ratio is also
# measured on $PAIRS (default 5) back-to-back pairs of runs.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${CARGO_TARGET_DIR:-target}/release/govreport
BENCH_DIR=${BENCH_DIR:-/tmp/govreport-bench}
SEED=${SEED:-42}
REPEAT=${REPEAT:-3}
PAIRS=${PAIRS:-5}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000 100000)
mkdir -p "$BENCH_DIR"

corpus() { # size formats -> directory
  local dir="$BENCH_DIR/corpus-$1-${2//,/-}-$SEED"
  if [ ! -f "$dir/.done" ]; then
    rm -rf "$dir"
    "$BIN" synth --docs "$1" --out "$dir" --seed "$SEED" --formats "$2" >&2
    touch "$dir/.done"
  fi
  echo "$dir"
}

# One worker thread must also mean one core: the table writers have threads of their own,
# so a 1-thread run is pinned to one CPU (when taskset exists) to measure 1 vs 2 cores.
run_pipeline() { # input output threads [flags...]
  local pin=()
  if [ "$3" = 1 ] && command -v taskset >/dev/null; then pin=(taskset -c 0); fi
  "${pin[@]}" "$BIN" run --input "$1" --output "$2" --threads "$3" --quiet "${@:4}"
}

# The manifests of a label's runs, one per repeat. Listed by number, not by a glob: the
# label text-10000 is a prefix of text-10000-1thread.
manifests() { # label -> paths
  for ((i = 1; i <= REPEAT; i++)); do echo "$BENCH_DIR/manifest-$1-$i.json"; done
}

run() { # label size formats threads [flags...] -> prints the table row; keeps the median manifest
  local dir out flags=("${@:5}")
  dir=$(corpus "$2" "$3")
  out="$BENCH_DIR/out-$1"
  for ((i = 1; i <= REPEAT; i++)); do
    # Measure the pipeline, not the disk: the previous output is removed and flushed, and
    # the corpus read once into the page cache, before the clock starts.
    rm -rf "$out"
    find "$dir" -type f -exec cat {} + >/dev/null
    sync
    run_pipeline "$dir" "$out" "$4" "${flags[@]}"
    cp "$out/manifest.json" "$BENCH_DIR/manifest-$1-$i.json"
  done
  local runs
  mapfile -t runs < <(manifests "$1")
  python3 - "$1" "$2" "$3" "$4" "$YARDSTICK" "${runs[@]}" <<'PY'
import json, sys
label, docs, formats, threads, yardstick = sys.argv[1:6]
runs = sorted((json.load(open(p)) for p in sys.argv[6:]), key=lambda m: m["elapsed_seconds"])
m = runs[len(runs) // 2]
st = m["stage_seconds"]
stages = " ".join(f"{k} {v:.2f}" for k, v in st.items())
print(f"| {label} | {docs} | {formats} | {threads} | {m['input_bytes']/1e6:.1f} | "
      f"{m['elapsed_seconds']:.2f} | {m['mb_per_second']:.1f} | "
      f"{m['mb_per_second'] / float(yardstick):.2f} | {m['docs_per_second']:.0f} | "
      f"{m['peak_rss_bytes']/2**20:.0f} | {stages} |")
PY
}

# Where the CPU of a label's median run went, in two lines. First, what writing the tables
# alone allows: the table writers' CPU seconds (summed over their threads) spread over every
# core, as if extraction cost nothing. When this ceiling is near or under a throughput
# target, no change to extraction can meet it. Second, the whole process's CPU clock.
cpu_summary() { # label -> two lines
  local runs
  mapfile -t runs < <(manifests "$1")
  python3 - "$1" "$(nproc)" "${runs[@]}" <<'PY'
import json, sys
label, cores = sys.argv[1], int(sys.argv[2])
runs = sorted((json.load(open(p)) for p in sys.argv[3:]), key=lambda m: m["elapsed_seconds"])
m = runs[len(runs) // 2]
st = m["stage_seconds"]
write = st["write"]
stages = sum(v for k, v in st.items() if k != "analysis")
print(f"writing the tables ({label}): {write:.2f} CPU s, {100 * write / stages:.0f}% of the "
      f"stages' CPU; with extraction free, {cores} cores could take at most "
      f"{m['input_bytes'] / 1e6 / (write / cores):.0f} MB/s of input")
# The process's own CPU clock (manifests since session 12): how busy the cores were, and
# the kernel's share (page faults, file writes), which the stage times do not count.
cpu = m.get("cpu_seconds")
if cpu:
    total = cpu["user"] + cpu["system"]
    print(f"whole process ({label}): {cpu['user']:.2f} user + {cpu['system']:.2f} system CPU s "
          f"in {m['elapsed_seconds']:.2f} s: {total / m['elapsed_seconds']:.2f} of {cores} cores "
          f"busy on average, {100 * cpu['system'] / total:.0f}% of it in the kernel")
PY
}

# Seconds of the median run of a label (for the speed-up line).
median_seconds() {
  local runs
  mapfile -t runs < <(manifests "$1")
  python3 - "${runs[@]}" <<'PY'
import json, sys
t = sorted(json.load(open(p))["elapsed_seconds"] for p in sys.argv[1:])
print(t[len(t) // 2])
PY
}

# A yardstick for comparing machines: the same VM type has run this pipeline 3x faster or
# slower from one session to the next, so each result table carries the speed of a fixed,
# well-known job (gzip -1 of the 10k text corpus on one core) measured just before it.
yardstick() { # directory -> MB/s of gzip -1 on one core
  python3 - "$1" <<'PY'
import os, subprocess, sys, time
data = b"".join(open(os.path.join(r, f), "rb").read()
                for r, _, fs in sorted(os.walk(sys.argv[1])) for f in sorted(fs))
t = time.perf_counter()
subprocess.run(["gzip", "-1", "-c"], input=data, stdout=subprocess.DEVNULL, check=True)
print(f"{len(data) / (time.perf_counter() - t) / 1e6:.1f}")
PY
}

n=${SIZES[1]:-${SIZES[0]}}
cpu=$(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo 2>/dev/null || true)
echo "machine: $(nproc) cores (${cpu:-unknown CPU}), $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr), $(date -u +%F)"
YARDSTICK=$(yardstick "$(corpus "$n" txt,md)")
echo "yardstick: gzip -1 of the $n-document text corpus on one core: $YARDSTICK MB/s"
echo
# "÷ yardstick": MB/s as a multiple of the yardstick, comparable across machines of
# different speed (the VM type has run 3x faster or slower from one session to the next).
echo "| run | docs | formats | threads | input MB | seconds | MB/s | ÷ yardstick | docs/s | peak RSS MiB | CPU seconds per stage (summed over threads; analysis: wall) |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
run "text-$n" "$n" txt,md 0
run "html-$n" "$n" html 0
run "text-$n-1thread" "$n" txt,md 1
run "text-$n-2threads" "$n" txt,md 2
for s in "${SIZES[@]}"; do
  run "mix-$s" "$s" txt,md,html,docx 0
done
# Attachments: PDF alone (pages per second, the issue-25 figure), then the three formats.
run "pdf-$n" "$n" pdf 0
run "attachments-$n" "$n" pdf,doc,ofd 0
python3 - "$(corpus "$n" pdf)" "$BENCH_DIR/manifest-pdf-$n" "$REPEAT" <<'PY'
import json, os, re, sys
corpus, prefix, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
page = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
pages = sum(len(page.findall(open(os.path.join(r, f), "rb").read()))
            for r, _, fs in os.walk(corpus) for f in fs if f.endswith(".pdf"))
secs = sorted(json.load(open(f"{prefix}-{i}.json"))["elapsed_seconds"] for i in range(1, repeat + 1))
print(f"PDF: {pages} pages in {secs[len(secs) // 2]:.2f} s (median run): "
      f"{pages / secs[len(secs) // 2]:.0f} pages/s, whole pipeline")
PY
# The largest corpus again, Hive-partitioned by year: memory must not grow with the years.
last=${SIZES[${#SIZES[@]}-1]}
run "mix-$last-by-year" "$last" txt,md,html,docx 0 --partition-by-year
echo
cpu_summary "text-$n"
cpu_summary "html-$n"
one=$(median_seconds "text-$n-1thread")
two=$(median_seconds "text-$n-2threads")
echo "2 threads vs 1 thread (text mix, median of $REPEAT runs each): $(python3 -c "print(f'{$one / $two:.2f}x')")"
# The same ratio from back-to-back pairs (1 thread, then 2), so that a change in the machine's
# speed between the runs above does not enter it: the median of the pairs' ratios.
dir=$(corpus "$n" txt,md)
for ((i = 1; i <= PAIRS; i++)); do
  for t in 1 2; do
    rm -rf "$BENCH_DIR/out-pair"
    sync
    run_pipeline "$dir" "$BENCH_DIR/out-pair" "$t"
    cp "$BENCH_DIR/out-pair/manifest.json" "$BENCH_DIR/pair-$i-$t.json"
  done
done
python3 - "$BENCH_DIR" "$PAIRS" <<'PY'
import json, sys
d, n = sys.argv[1], int(sys.argv[2])
secs = lambda i, t: json.load(open(f"{d}/pair-{i}-{t}.json"))["elapsed_seconds"]
r = sorted(secs(i, 1) / secs(i, 2) for i in range(1, n + 1))
print(f"2 threads vs 1 thread (text mix, {n} back-to-back pairs): median {r[n // 2]:.2f}x, "
      f"range {r[0]:.2f}-{r[-1]:.2f}x")
PY
# The nightly case (issue 24): new documents onto the largest dataset with --incremental,
# against a full run over the same corpus, in this same bench run.
echo
BENCH_DIR="$BENCH_DIR" SEED="$SEED" scripts/bench_incremental.sh "$last"
# Measured again at the end: when the two readings differ much, the machine's speed moved
# during the runs and their figures compare less well.
echo "yardstick after the runs: $(yardstick "$(corpus "$n" txt,md)") MB/s (before: $YARDSTICK)"
