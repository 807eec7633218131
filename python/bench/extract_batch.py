"""Documents per second through govreport.extract_batch on one and two threads, beside
`govreport run` on the same synthetic corpus (make bench-python; docs/BENCHMARKS.md).

The package's time is extract_batch alone (the files are read into memory first, as an engine
hands them over), in batches of --batch documents; the command line's is a whole run (reading,
the same extraction, Parquet writing and the indicators stage) with --formats parquet."""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def time_package(corpus: Path, threads: int, batch: int) -> tuple:
    """Wall and CPU seconds extract_batch takes over the corpus, in a process whose rayon
    pool has `threads` threads (rayon sizes its pool once per process)."""
    code = f"""
import time, govreport
from govreport.frames import read_files
files = read_files({str(corpus)!r})
start, cpu = time.perf_counter(), time.process_time()
for i in range(0, files.num_rows, {batch}):
    govreport.extract_batch(files.slice(i, {batch}))
print(time.perf_counter() - start, time.process_time() - cpu)
"""
    env = {**os.environ, "RAYON_NUM_THREADS": str(threads)}
    out = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True)
    wall, cpu = out.stdout.split()
    return float(wall), float(cpu)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_cli(binary: str, corpus: Path, threads: int, work: Path) -> tuple:
    """Wall and CPU seconds of a whole run."""
    out = work / f"out-{threads}"
    shutil.rmtree(out, ignore_errors=True)
    start, cpu = time.perf_counter(), children_cpu()
    subprocess.run(
        [binary, "run", "--input", str(corpus), "--output", str(out), "--threads", str(threads),
         "--formats", "parquet", "-q"],
        cwd=work, check=True, capture_output=True,
    )
    return time.perf_counter() - start, children_cpu() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=256)
    parser.add_argument("--bin", default=str(ROOT / "target" / "release" / "govreport"))
    parser.add_argument("--repeat", type=int, default=2, help="best of this many runs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = work / "corpus"
        subprocess.run(
            [args.bin, "synth", "--docs", str(args.docs), "--out", str(corpus), "--seed", "1",
             "--input", str(ROOT / "data")],
            check=True, capture_output=True,
        )
        files = sum(1 for p in corpus.rglob("*") if p.is_file())
        print(f"{files} files (govreport synth --docs {args.docs} --seed 1), "
              f"extract_batch in batches of {args.batch}, best of {args.repeat}\n")
        print("| threads | extract_batch docs/s | per CPU second | govreport run docs/s | per CPU second |")
        print("| ---: | ---: | ---: | ---: | ---: |")
        for threads in (1, 2):
            package = min(time_package(corpus, threads, args.batch) for _ in range(args.repeat))
            cli = min(time_cli(args.bin, corpus, threads, work) for _ in range(args.repeat))
            print(
                f"| {threads} | {files / package[0]:,.0f} | {files / package[1]:,.0f} "
                f"| {files / cli[0]:,.0f} | {files / cli[1]:,.0f} |"
            )


if __name__ == "__main__":
    main()
