import os
from typing import Any, Dict, Mapping, Optional, Sequence, Tuple, Union

import pyarrow as pa

BatchLike = Union[pa.RecordBatch, pa.Table, Mapping[str, Sequence[Any]]]
PathLike = Union[str, "os.PathLike[str]"]

TABLES: Tuple[str, ...]
_INPUT_SCHEMA: pa.Schema

class GovreportError(Exception):
    """A document govreport refuses or cannot read (the reject sentence), or a failed run."""

def extract(data: Union[bytes, str], filename: Optional[str] = ...) -> Dict[str, Any]: ...
def extract_batch(batch: BatchLike) -> Dict[str, pa.RecordBatch]: ...
def schemas() -> Dict[str, pa.Schema]: ...
def cli_path() -> str: ...
def run(
    input: PathLike,
    output: PathLike,
    pipeline: Optional[PathLike] = ...,
    **options: Any,
) -> Dict[str, Any]: ...
