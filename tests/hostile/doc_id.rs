//! Defect 8: identical files at two paths are two documents with two doc_ids, so a join on
//! doc_id never multiplies rows.

use std::fs;

use super::support::*;

#[test]
fn identical_files_at_two_paths_are_two_rows_with_their_own_ids() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    fs::create_dir_all(input.join("mirror")).unwrap();
    let (name, bytes) = seeds().remove(0);
    fs::write(input.join(&name), &bytes).unwrap();
    fs::write(input.join("mirror").join(&name), &bytes).unwrap();
    let out = tmp.path().join("out");
    run_ok(tmp.path(), &input, &out, "");
    let docs = records(&out, "documents");
    assert_eq!(docs.len(), 2);
    let (a, b) = (&docs[0]["doc_id"], &docs[1]["doc_id"]);
    assert_ne!(a, b, "doc_id is unique per row");
    assert_eq!(
        &docs[1]["duplicate_of"], a,
        "duplicate_of points to the first copy"
    );
    // Facts join to one document each: no doc_id has the facts of two documents.
    let facts = records(&out, "facts");
    let n = |id: &str| facts.iter().filter(|f| f["doc_id"] == id).count();
    assert!(n(a) > 0 && n(a) == n(b));
    // Stable: the same ids in a second run.
    let again = tmp.path().join("again");
    run_ok(tmp.path(), &input, &again, "");
    let ids: Vec<String> = records(&again, "documents")
        .iter()
        .map(|d| d["doc_id"].clone())
        .collect();
    assert_eq!(ids, [a.clone(), b.clone()]);
}
