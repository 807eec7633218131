//! `govreport._native`: the extraction core for Python. Documents come in and tables go out as
//! Arrow record batches over the Arrow C data interface (no copy of the columns either way);
//! the GIL is released while Rust works, and a batch's documents are processed in parallel on
//! rayon's pool (`RAYON_NUM_THREADS`). The Python package (`python/govreport`) wraps these
//! two functions; `run` is the command line's.

use arrow_array::cast::AsArray;
use arrow_array::{Array, RecordBatch};
use arrow_pyarrow::{FromPyArrow, ToPyArrow};
use arrow_schema::DataType;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use govreport::batch::{self, Input};
use govreport::ingest::ReadLimits;

pyo3::create_exception!(
    _native,
    GovreportError,
    pyo3::exceptions::PyException,
    "A document govreport refuses or cannot read (the reject sentence), or a failed run."
);

/// One document's whole extraction as a JSON text (what `govreport extract FILE` prints);
/// raises `GovreportError` with the reject sentence when the document is refused.
#[pyfunction]
fn extract_json(py: Python<'_>, data: &[u8], filename: &str) -> PyResult<String> {
    let result = py.detach(|| batch::extract_bytes_json(filename, data.to_vec()));
    match result {
        Ok(json) => Ok(json.to_string()),
        // The reject sentence, as the rejects table's `error` column has it.
        Err(reject) => Err(GovreportError::new_err(reject.error)),
    }
}

/// A column of text or bytes of the input batch, read in place.
enum Column<'a> {
    Utf8(&'a arrow_array::StringArray),
    LargeUtf8(&'a arrow_array::LargeStringArray),
    Utf8View(&'a arrow_array::StringViewArray),
    Binary(&'a arrow_array::BinaryArray),
    LargeBinary(&'a arrow_array::LargeBinaryArray),
    BinaryView(&'a arrow_array::BinaryViewArray),
}

impl<'a> Column<'a> {
    fn of(batch: &'a RecordBatch, name: &str, binary: bool) -> PyResult<Self> {
        let array = batch.column_by_name(name).ok_or_else(|| {
            PyTypeError::new_err(format!(
                "the batch has no column {name:?} (it needs `path` (string) and `content` (binary))"
            ))
        })?;
        Ok(match array.data_type() {
            DataType::Utf8 => Column::Utf8(array.as_string()),
            DataType::LargeUtf8 => Column::LargeUtf8(array.as_string()),
            DataType::Utf8View => Column::Utf8View(array.as_string_view()),
            DataType::Binary if binary => Column::Binary(array.as_binary()),
            DataType::LargeBinary if binary => Column::LargeBinary(array.as_binary()),
            DataType::BinaryView if binary => Column::BinaryView(array.as_binary_view()),
            other => {
                let wanted = if binary { "binary or string" } else { "string" };
                return Err(PyTypeError::new_err(format!(
                    "column {name:?} is {other}, not {wanted}"
                )));
            }
        })
    }

    /// The value of row `i` as bytes; `None` for a null.
    fn bytes(&self, i: usize) -> Option<&'a [u8]> {
        macro_rules! get {
            ($a:expr, $to_bytes:expr) => {
                ($a.is_valid(i)).then(|| $to_bytes($a.value(i)))
            };
        }
        match self {
            Column::Utf8(a) => get!(a, str::as_bytes),
            Column::LargeUtf8(a) => get!(a, str::as_bytes),
            Column::Utf8View(a) => get!(a, str::as_bytes),
            Column::Binary(a) => get!(a, |b| b),
            Column::LargeBinary(a) => get!(a, |b| b),
            Column::BinaryView(a) => get!(a, |b| b),
        }
    }
}

/// The six tables for a record batch with columns `path` (string) and `content` (binary or
/// string), as a dict of pyarrow record batches. A null path is read as the empty path; a
/// null content is a document of no bytes (a reject: the file is empty).
#[pyfunction]
fn extract_batch<'py>(py: Python<'py>, batch: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyDict>> {
    let batch = RecordBatch::from_pyarrow_bound(batch)?;
    let paths = Column::of(&batch, "path", false)?;
    let contents = Column::of(&batch, "content", true)?;
    let inputs: Vec<Input<'_>> = (0..batch.num_rows())
        .map(|i| Input {
            path: paths
                .bytes(i)
                .map_or("", |b| std::str::from_utf8(b).unwrap_or_default()),
            content: contents.bytes(i).unwrap_or_default(),
        })
        .collect();
    let tables = py
        .detach(|| batch::extract_batch(&inputs, ReadLimits::default()))
        .map_err(GovreportError::new_err)?;
    let out = PyDict::new(py);
    for (name, table) in tables {
        out.set_item(PyString::new(py, name), table.to_pyarrow(py)?)?;
    }
    Ok(out)
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract_json, m)?)?;
    m.add_function(wrap_pyfunction!(extract_batch, m)?)?;
    m.add("GovreportError", m.py().get_type::<GovreportError>())?;
    m.add("TABLES", batch::TABLES.to_vec())?;
    Ok(())
}
