"""A first analysis of govreport tables with pandas (or polars).

Run from the repository root after `make pipeline`:
    python3 examples/first_analysis.py [OUTPUT_DIR]
(needs `pip install pandas pyarrow polars duckdb`, or `make pyenv` and .venv/bin/python)
"""
import sys

import pandas as pd

out = sys.argv[1] if len(sys.argv) > 1 else "data/out"

docs = pd.read_parquet(f"{out}/documents.parquet")
facts = pd.read_parquet(f"{out}/facts.parquet")
indicators = pd.read_parquet(f"{out}/indicators.parquet")
panel = pd.read_parquet(f"{out}/panel.parquet")

# Types come through as declared: dates are dates, counts are integers.
assert str(docs["publish_date"].dtype).startswith(("datetime64", "object")), docs["publish_date"].dtype
print(f"{len(docs)} documents, {len(facts)} facts, {len(indicators)} indicator values")

# Who reported what, for which year.
print(docs[["org_short", "admin_level", "report_year", "required_sections_missing"]].to_string(index=False))

# Facts by kind of quantity.
print(facts.groupby("quantity_kind").size().sort_values(ascending=False).to_string())

# The panel: one row per report (duplicates left out), one column per indicator and unit,
# named as identifiers (the data dictionary maps indicator codes to columns).
cols = ["org_short", "report_year", "enforcement_cases_filed", "enforcement_fines", "mediation_disputes"]
print(panel[cols].to_string(index=False))

# The same with polars, lazily, if it is installed.
try:
    import polars as pl

    top = (
        pl.scan_parquet(f"{out}/indicators.parquet")
        .group_by("indicator")
        .agg(pl.len().alias("documents"), pl.col("value").sum().alias("total"))
        .sort("documents", descending=True)
        .head(10)
        .collect()
    )
    print(top)
except ImportError:
    print("polars not installed: skipped the polars part")
