"""The tables of a folder of reports with Ray Data on this machine; the same code runs on a Ray
cluster (ray.init(address="auto")) with the package installed on every node. Run from the
repository root: .venv/bin/python python/examples/ray_local.py data /tmp/govreport-ray"""

from __future__ import annotations

import sys

import ray

from govreport.ray import extract_table, read_files, write_tables

root, output = (sys.argv[1], sys.argv[2]) if len(sys.argv) > 2 else ("data", "/tmp/govreport-ray")
ray.init(num_cpus=2, include_dashboard=False)

files = read_files(root, file_extensions=["txt"])  # path (relative to root), content
documents = extract_table(files, "documents")  # one table, a Ray Dataset
print(documents.select_columns(["source_path", "org_short", "report_year"]).take(3))

# All six tables from one pass, as Parquet parts under output/<table>/.
print(write_tables(files, output))
ray.shutdown()
