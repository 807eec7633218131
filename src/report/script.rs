//! The page's one inline script: sorts, filters and pages the document table, keeps that
//! state in the URL fragment (`#documents?level=市&sort=facts&dir=desc`, so a view can be
//! shared and a headless browser can be sent to one), and opens a document's extraction
//! when its `#doc-…` anchor is followed. The page reads fully without it: every row is in
//! the HTML and a document's extraction opens by its anchor alone (CSS `:target`).

/// The script element, its text wrapped in a commented CDATA section so that the page stays
/// well-formed XML (the code uses `<` and `&&`).
pub(crate) const SCRIPT_ELEMENT: &str = concat!(
    "<script>//<![CDATA[\n",
    include_str!("script.js"),
    "//]]>\n</script>\n"
);
