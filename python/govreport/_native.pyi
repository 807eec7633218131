from typing import List

import pyarrow as pa

TABLES: List[str]

class GovreportError(Exception): ...

def extract_json(data: bytes, filename: str) -> str: ...
def extract_batch(batch: pa.RecordBatch) -> dict[str, pa.RecordBatch]: ...
