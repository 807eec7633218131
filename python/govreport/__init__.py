"""govreport: Chinese rule-of-law government annual reports to typed tables, from Python.

The same Rust extraction as the ``govreport`` command line, with Arrow in and Arrow out:

- :func:`extract`: one document's whole extraction as a dict (what ``govreport extract FILE``
  prints);
- :func:`extract_batch`: a batch of documents (columns ``path`` and ``content``) to one
  ``pyarrow.RecordBatch`` per table (documents, texts, sections, facts, dates, rejects), with
  exactly the tables' schemas; the work runs in Rust without the GIL, in parallel;
- :func:`run`: the command line's ``govreport run`` on a directory (all tables, including
  indicators, panel and report.html).

Adapters for engines that hand out Arrow batches: :mod:`govreport.spark` (``mapInArrow``),
:mod:`govreport.ray` (``map_batches``) and :mod:`govreport.frames` (polars, DuckDB).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union

import pyarrow as pa

from . import _native
from ._native import GovreportError

__all__ = [
    "TABLES",
    "GovreportError",
    "cli_path",
    "extract",
    "extract_batch",
    "run",
    "schemas",
]

#: The tables :func:`extract_batch` returns, in a run's order.
TABLES: tuple = tuple(_native.TABLES)

BatchLike = Union[pa.RecordBatch, pa.Table, Mapping[str, Sequence[Any]]]

_INPUT_COLUMNS: List[Tuple[str, pa.DataType]] = [("path", pa.string()), ("content", pa.binary())]
#: The columns extract_batch reads (a dict of lists is made into them).
_INPUT_SCHEMA = pa.schema(_INPUT_COLUMNS)


def extract(data: Union[bytes, str], filename: Optional[str] = None) -> Dict[str, Any]:
    """One document's whole extraction: the same dict as ``govreport extract FILE``'s JSON.

    ``data`` is the file's bytes (a ``str`` is taken as its UTF-8 bytes). ``filename`` plays
    the part of the file's name: it becomes ``source_path``, goes into ``doc_id``, and its
    extension decides between formats the bytes cannot tell apart (``.txt`` or ``.md``);
    without it the name is ``input``, as the command line names a file without a name.

    Raises :class:`GovreportError` with the reject sentence (the message of the ``rejects``
    table's ``error`` column) when the document cannot be read or processed.
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    elif not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"data must be bytes or str, not {type(data).__name__}")
    result: Dict[str, Any] = json.loads(
        _native.extract_json(bytes(data), filename or "input")
    )
    return result


def _as_record_batch(batch: BatchLike) -> pa.RecordBatch:
    """A RecordBatch from a RecordBatch, a Table (its chunks combined) or a dict of lists."""
    if isinstance(batch, pa.RecordBatch):
        return batch
    if isinstance(batch, pa.Table):
        batches = batch.combine_chunks().to_batches()
        if not batches:
            return pa.RecordBatch.from_pylist([], schema=batch.schema)
        return batches[0]
    if isinstance(batch, Mapping):
        columns = {name: list(values) for name, values in batch.items()}
        if "content" in columns:
            columns["content"] = [
                v.encode("utf-8") if isinstance(v, str) else v for v in columns["content"]
            ]
            return pa.RecordBatch.from_pydict(
                columns,
                schema=_INPUT_SCHEMA,
            )
        return pa.RecordBatch.from_pydict(columns)
    raise TypeError(
        "extract_batch takes a pyarrow RecordBatch or Table, or a dict of lists, with columns "
        f"path and content; not {type(batch).__name__}"
    )


def extract_batch(batch: BatchLike) -> Dict[str, pa.RecordBatch]:
    """Every document of ``batch`` through the extraction; one RecordBatch per table.

    ``batch`` has a column ``path`` (string) and a column ``content`` (binary, or string for
    text): a ``pyarrow.RecordBatch``, a ``pyarrow.Table`` or a dict of lists. ``path`` is what
    a run calls the file's path relative to its input root: it becomes ``source_path`` and goes
    into ``doc_id`` (so ``path`` ``a/b.txt`` gives the rows ``govreport run`` gives for the file
    ``INPUT/a/b.txt``), and its extension decides between formats the bytes cannot tell apart.

    Returns ``{"documents": ..., "texts": ..., "sections": ..., "facts": ..., "dates": ...,
    "rejects": ...}`` with exactly the schemas of the tables a run writes (docs/DATA_DICTIONARY.md).
    A document that cannot be read (empty, binary, too large) or processed is a row of
    ``rejects`` with the sentence saying why, never an exception. ``duplicate_of`` points to the
    first document of the batch with the same body (a run looks across all its files).

    The GIL is released while Rust works and the documents are processed in parallel on
    rayon's threads (``RAYON_NUM_THREADS``, default one per core); the columns cross between
    pyarrow and Rust over the Arrow C data interface, without copying.
    """
    result: Dict[str, pa.RecordBatch] = _native.extract_batch(_as_record_batch(batch))
    return result


def schemas() -> Dict[str, pa.Schema]:
    """The Arrow schema of each table :func:`extract_batch` returns (from an empty batch)."""
    empty = extract_batch(
        pa.RecordBatch.from_pydict(
            {"path": [], "content": []},
            schema=_INPUT_SCHEMA,
        )
    )
    return {name: b.schema for name, b in empty.items()}


def cli_path() -> str:
    """The ``govreport`` command line :func:`run` runs: ``$GOVREPORT_BIN``, else the copy in
    the installed package (``pip install .`` puts one there), else ``govreport`` on ``PATH``.

    Raises :class:`GovreportError` when none is found.
    """
    from_env = os.environ.get("GOVREPORT_BIN")
    if from_env:
        return from_env
    bundled = Path(__file__).parent / "bin" / "govreport"
    if bundled.is_file() and os.access(bundled, os.X_OK):
        return str(bundled)
    on_path = shutil.which("govreport")
    if on_path:
        return on_path
    raise GovreportError(
        "no govreport command line found: set GOVREPORT_BIN, install the package with its "
        "bundled binary (pip install . without GOVREPORT_PYTHON_NO_CLI), or put govreport on PATH"
    )


def _flags(options: Mapping[str, Any]) -> list:
    """Keyword options as ``govreport run`` flags: ``partition_by_year=True`` is
    ``--partition-by-year``, ``threads=2`` is ``--threads 2``, ``formats=["parquet"]`` is
    ``--formats parquet``; ``False`` and ``None`` leave a flag out."""
    args = []
    for key, value in options.items():
        flag = "--" + key.replace("_", "-")
        if value is None or value is False:
            continue
        if value is True:
            args.append(flag)
        elif isinstance(value, (list, tuple)):
            args += [flag, ",".join(str(v) for v in value)]
        else:
            args += [flag, str(value)]
    return args


def run(
    input: Union[str, "os.PathLike[str]"],
    output: Union[str, "os.PathLike[str]"],
    pipeline: Optional[Union[str, "os.PathLike[str]"]] = None,
    **options: Any,
) -> Dict[str, Any]:
    """``govreport run``: every table of ``input`` (a directory or one file) into ``output``.

    It runs the command line (see :func:`cli_path`), so the tables, ``indicators``, ``panel``,
    ``report.html`` and ``manifest.json`` are exactly a run's. ``pipeline`` is a pipeline file
    (TOML). Keyword options are the flags of ``govreport run --help``: ``threads=2``,
    ``partition_by_year=True``, ``formats="parquet"``, ``incremental=True``,
    ``max_reject_rate=0.2``, ``csv_bom=True``, ``excel=True``, ``files_from=...``,
    ``crawl_manifest=...``, ``strict=True``.

    Returns the run's summary (files found, documents, rejects, rows per table, seconds).
    Raises :class:`GovreportError` with the command line's message when the run fails (the
    previous tables are left in place) or, under ``strict=True``, rejected a file.
    """
    args = [cli_path(), "run"]
    if pipeline is not None:
        args.append(os.fspath(pipeline))
    args += ["--input", os.fspath(input), "--output", os.fspath(output)]
    options.setdefault("quiet", True)
    options["log_format"] = "json"
    args += _flags(options)
    proc = subprocess.run(args, capture_output=True, text=True, check=False)
    events = []
    for line in proc.stderr.splitlines():
        try:
            events.append(json.loads(line))
        except ValueError:
            events.append({"message": line})
    finished = [e for e in events if e.get("event") == "run_finished"]
    if proc.returncode == 0 and finished:
        summary: Dict[str, Any] = finished[-1]
        return summary
    errors = [e.get("message", "") for e in events if e.get("level") == "error"]
    if finished and not errors:
        errors = [finished[-1].get("message", "") + " (rejects under strict=True)"]
    message = "; ".join(m for m in errors if m) or proc.stderr.strip() or "the run failed"
    raise GovreportError(f"govreport run exited with {proc.returncode}: {message}")
