"""Loads every table of govreport output folders with pyarrow, pandas, polars and DuckDB
(each where installed) and checks each column's type against the folder's schema.json.

    python tests/load_tables.py OUT [OUT ...]

Prints one line per tool and folder: "ok: ...", or "skipped: <tool> not installed"; exits 1
with the list of mismatches when a table does not load or a column has another type.
Run by tests/python_tables.rs (`make test`); `make pyenv` installs the tools.
"""

import csv
import datetime
import glob
import importlib
import json
import os
import sys

# The directory key of --partition-by-year folders (facts/year=2023/...): an extra column
# for readers that understand Hive partitioning; every file also has report_year.
PARTITION_KEY = "year"

problems = []


def problem(where, msg):
    problems.append(f"{where}: {msg}")


def tool(name):
    try:
        return importlib.import_module(name)
    except ImportError:
        print(f"skipped: {name} not installed")
        return None


def files(out, pattern):
    return sorted(glob.glob(os.path.join(out, pattern)))


def csv_header(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return next(csv.reader(f))


def check_columns(where, got, columns, extra_ok=()):
    """got: {column: ok?} in file order; columns: the schema's columns."""
    names = [c["name"] for c in columns]
    got_names = [n for n in got if n not in extra_ok]
    if got_names != names:
        problem(where, f"columns {got_names} != schema {names}")
    for c in columns:
        if c["name"] in got and got[c["name"]] is not True:
            problem(where, f"{c['name']}: {got[c['name']]} for schema type {c['type']}")


def check_csv_headers(out, name, table):
    """Every CSV file has the schema's columns, report_year included when partitioned."""
    paths = files(out, table["csv"])
    if not paths:
        problem(f"{out} {name}", f"no CSV file {table['csv']}")
    for p in paths:
        header = csv_header(p)
        names = [c["name"] for c in table["columns"]]
        if header != names:
            problem(p, f"CSV header {header} != schema {names}")


def arrow_check(pa, out, tables):
    expected = {
        "string": pa.string(),
        "int16": pa.int16(),
        "int32": pa.int32(),
        "int64": pa.int64(),
        "float64": pa.float64(),
        "date32": pa.date32(),
        "timestamp (µs, UTC)": pa.timestamp("us", tz="UTC"),
        "list<string>": pa.list_(pa.string()),
        "list<int32>": pa.list_(pa.int32()),
    }
    import pyarrow.dataset as ds
    import pyarrow.parquet as pq

    for name, t in tables.items():
        paths = files(out, t["parquet"])
        where = f"pyarrow {out} {name}"
        if not paths:
            problem(where, f"no Parquet file {t['parquet']}")
            continue
        # Each file on its own: the same schema in every partition.
        for p in paths:
            schema = pq.read_schema(p)
            got = {}
            for f in schema:
                want = expected.get(next((c["type"] for c in t["columns"] if c["name"] == f.name), ""), None)
                got[f.name] = True if f.type == want else str(f.type)
            check_columns(f"{where} {os.path.basename(p)}", got, t["columns"])
        # The whole table as one dataset (Hive folders for partitioned tables).
        source = paths[0] if len(paths) == 1 and "*" not in t["parquet"] else os.path.join(out, name)
        table = pq.read_table(source)
        got = {f.name: True if f.type == expected[next((c["type"] for c in t["columns"] if c["name"] == f.name), "string")] else str(f.type)
               for f in table.schema}
        check_columns(where, got, t["columns"], extra_ok=(PARTITION_KEY,))
        rows = sum(pq.read_metadata(p).num_rows for p in paths)
        if table.num_rows != rows:
            problem(where, f"{table.num_rows} rows as a dataset, {rows} in its files")
    print(f"ok: pyarrow read {len(tables)} tables of {out}")


def pandas_kind(pd, series, column):
    """True when pandas' default dtype for the column fits its schema type."""
    t, nullable = column["type"], column["nullable"]
    dt = series.dtype
    api = pd.api.types
    if t == "string":
        return api.is_string_dtype(dt) or api.is_object_dtype(dt)
    if t in ("int16", "int32", "int64"):
        if api.is_integer_dtype(dt):
            return str(dt) == t
        # pandas' default backend has no null integer: a column with nulls is float64.
        return nullable and api.is_float_dtype(dt) and series.isna().any()
    if t == "float64":
        return str(dt) == "float64"
    if t == "date32":
        values = series.dropna()
        return api.is_object_dtype(dt) and all(isinstance(v, datetime.date) for v in values) \
            or api.is_datetime64_any_dtype(dt)
    if t.startswith("timestamp"):
        return isinstance(dt, pd.DatetimeTZDtype) and str(dt.tz) == "UTC" or series.isna().all()
    if t.startswith("list<"):
        return api.is_object_dtype(dt)
    return False


def pandas_check(pd, out, tables):
    for name, t in tables.items():
        where = f"pandas {out} {name}"
        paths = files(out, t["parquet"])
        # pandas.read_parquet(dir) on a partitioned table: no dictionary-with-nulls error.
        source = os.path.join(out, name) if "*" in t["parquet"] else paths[0] if paths else None
        if source is None:
            problem(where, "no Parquet file")
            continue
        try:
            df = pd.read_parquet(source)
        except Exception as e:  # noqa: BLE001 - every failure is a finding
            problem(where, f"read_parquet failed: {e}")
            continue
        got = {c: bool(pandas_kind(pd, df[c], col)) or str(df[c].dtype)
               for c, col in ((col["name"], col) for col in t["columns"]) if c in df.columns}
        got = {c: got.get(c, str(df[c].dtype)) for c in df.columns}
        check_columns(where, got, t["columns"], extra_ok=(PARTITION_KEY,))
        # The CSV files with the schema's types (the README's and the dictionary's one-liner).
        cols = t["columns"]
        frames = [pd.read_csv(p, dtype={c["name"]: c["pandas_csv"] for c in cols if c["pandas_csv"]},
                              parse_dates=[c["name"] for c in cols if not c["pandas_csv"]])
                  for p in files(out, t["csv"])]
        if not frames:
            problem(where, "no CSV file")
            continue
        csv_df = pd.concat(frames) if len(frames) > 1 else frames[0]
        got = {}
        for c in cols:
            dt = csv_df[c["name"]].dtype
            want = c["pandas_csv"]
            if want is None:
                ok = bool(pd.api.types.is_datetime64_any_dtype(dt) or csv_df[c["name"]].isna().all())
            else:
                ok = str(dt) == want or (want == "string" and pd.api.types.is_string_dtype(dt))
            got[c["name"]] = True if ok else str(dt)
        check_columns(f"{where} (CSV)", got, cols)
        if len(csv_df) != len(df):
            problem(where, f"{len(csv_df)} CSV rows, {len(df)} Parquet rows")
    print(f"ok: pandas read {len(tables)} tables of {out}")


def polars_check(pl, out, tables):
    expected = {
        "string": pl.String,
        "int16": pl.Int16,
        "int32": pl.Int32,
        "int64": pl.Int64,
        "float64": pl.Float64,
        "date32": pl.Date,
        "timestamp (µs, UTC)": pl.Datetime("us", "UTC"),
        "list<string>": pl.List(pl.String),
        "list<int32>": pl.List(pl.Int32),
    }
    for name, t in tables.items():
        where = f"polars {out} {name}"
        partitioned = "*" in t["parquet"]
        source = os.path.join(out, name) if partitioned else os.path.join(out, t["parquet"])
        df = pl.read_parquet(source, hive_partitioning=partitioned)
        types = {c["name"]: c["type"] for c in t["columns"]}
        got = {c: True if c in types and df.schema[c] == expected[types[c]] else str(df.schema[c])
               for c in df.columns}
        check_columns(where, got, t["columns"], extra_ok=(PARTITION_KEY,))
        # CSV: read with the schema, and read with polars' own guesses: a float column is
        # never guessed to be an integer (floats are written with a decimal point).
        cols = t["columns"]
        paths = files(out, t["csv"])
        typed = pl.concat([pl.read_csv(p, schema_overrides={c["name"]: getattr(pl, c["polars_csv"]) for c in cols})
                           for p in paths])
        got = {c["name"]: True if typed.schema[c["name"]] == getattr(pl, c["polars_csv"]) else str(typed.schema[c["name"]])
               for c in cols}
        check_columns(f"{where} (CSV)", got, cols)
        for p in paths:
            # Only the float columns are left to guessing (the others are another matter).
            guessed = pl.read_csv(p, infer_schema_length=3, schema_overrides={
                c["name"]: pl.String for c in cols if c["type"] != "float64"})
            for c in cols:
                if c["type"] == "float64" and guessed.schema[c["name"]].is_integer():
                    problem(f"{where} {p}", f"{c['name']} guessed as {guessed.schema[c['name']]}")
        if len(typed) != len(df):
            problem(where, f"{len(typed)} CSV rows, {len(df)} Parquet rows")
    print(f"ok: polars read {len(tables)} tables of {out}")


def duckdb_type(name):
    """DuckDB's long name of a type (TIMESTAMPTZ reads back as TIMESTAMP WITH TIME ZONE)."""
    return {"TIMESTAMPTZ": "TIMESTAMP WITH TIME ZONE"}.get(name, name)


def duckdb_check(duckdb, out, tables):
    for name, t in tables.items():
        where = f"duckdb {out} {name}"
        con = duckdb.connect()
        rel = con.sql(f"SELECT * FROM read_parquet('{os.path.join(out, t['parquet'])}')")
        types = {c["name"]: duckdb_type(c["duckdb"]) for c in t["columns"]}
        got = {c: True if types.get(c) == str(ty) else str(ty) for c, ty in zip(rel.columns, rel.types)}
        check_columns(where, got, t["columns"], extra_ok=(PARTITION_KEY,))
    # schema.sql: typed tables filled from the CSV files, run in the output folder.
    con = duckdb.connect()
    cwd = os.getcwd()
    try:
        os.chdir(out)
        con.execute(open("schema.sql", encoding="utf-8").read())
    except Exception as e:  # noqa: BLE001
        problem(f"duckdb {out} schema.sql", str(e))
        return
    finally:
        os.chdir(cwd)
    for name, t in tables.items():
        rel = con.sql(f"SELECT * FROM {name}")
        types = {c["name"]: duckdb_type(c["duckdb"]) for c in t["columns"]}
        got = {c: True if types.get(c) == str(ty) else str(ty) for c, ty in zip(rel.columns, rel.types)}
        check_columns(f"duckdb {out} {name} (schema.sql)", got, t["columns"])
        n_csv = con.sql(f"SELECT count(*) FROM {name}").fetchall()[0][0]
        n_pq = con.sql(f"SELECT count(*) FROM read_parquet('{os.path.join(out, t['parquet'])}')").fetchall()[0][0]
        if n_csv != n_pq:
            problem(f"duckdb {out} {name}", f"{n_csv} rows from CSV, {n_pq} from Parquet")
    print(f"ok: duckdb read {len(tables)} tables of {out} (Parquet, and CSV through schema.sql)")


def main(outs):
    complete = []
    for out in outs:
        with open(os.path.join(out, "schema.json"), encoding="utf-8") as f:
            tables = json.load(f)["tables"]
        if any(t["parquet"] is None or t["csv"] is None for t in tables.values()):
            # The checks compare the two formats: a --formats run has only one.
            problem(out, "written without both formats (run without --formats)")
            continue
        complete.append(out)
        for name, t in tables.items():
            check_csv_headers(out, name, t)
    mods = {}
    for name in ("pyarrow", "pandas", "polars", "duckdb"):
        mods[name] = tool(name)
    for out in complete:
        with open(os.path.join(out, "schema.json"), encoding="utf-8") as f:
            tables = json.load(f)["tables"]
        if mods["pyarrow"]:
            arrow_check(mods["pyarrow"], out, tables)
        if mods["pandas"] and mods["pyarrow"]:
            pandas_check(mods["pandas"], out, tables)
        if mods["polars"]:
            polars_check(mods["polars"], out, tables)
        if mods["duckdb"]:
            duckdb_check(mods["duckdb"], out, tables)
    if problems:
        print("\n".join(["type mismatches:"] + problems))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
