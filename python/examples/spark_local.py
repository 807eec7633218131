"""The tables of a folder of reports with Spark on this machine (local[2]); the same code runs
on a cluster with the package installed on every executor. Run from the repository root:
.venv/bin/python python/examples/spark_local.py data /tmp/govreport-spark"""

from __future__ import annotations

import os
import sys

from pyspark.sql import SparkSession

from govreport.spark import extract_table, read_files, write_tables

root, output = (sys.argv[1], sys.argv[2]) if len(sys.argv) > 2 else ("data", "/tmp/govreport-spark")
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # the workers' Python has govreport
spark = SparkSession.builder.master("local[2]").appName("govreport").getOrCreate()

files = read_files(spark, root, "*.txt")  # path (relative to root), content
facts = extract_table(files, "facts")  # one table, a Spark DataFrame
facts.groupBy("indicator").count().orderBy("count", ascending=False).show(5, truncate=False)

# All six tables from one pass, as Parquet parts under output/<table>/.
print(write_tables(files, output))
spark.stop()
