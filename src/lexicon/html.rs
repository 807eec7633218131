//! DOM evidence for finding the article of a government web page.

/// Elements whose text is never report text.
pub const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "svg", "head", "select", "option",
    "button", "textarea", "input", "object", "embed", "canvas", "map",
];

/// Elements that start and end a line of text.
pub const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "nav",
    "aside",
    "blockquote",
    "center",
    "pre",
    "dl",
    "dt",
    "dd",
    "form",
    "fieldset",
    "address",
    "figure",
    "figcaption",
    "hr",
    "body",
    "html",
];

/// Elements never taken as the article container themselves, only as parts of one: links,
/// paragraphs, inline text, list items and table rows.
pub const NOT_ARTICLE_TAGS: &[&str] = &["a", "p", "span", "font", "li", "ul", "tr"];

/// class/id fragments of the article container on CMSs used by government sites
/// (TRS WCM's `TRS_Editor`, the `zoom` font-size box, …): a strong sign.
pub const STRONG_CONTENT_HINTS: &[&str] = &[
    "trs_editor",
    "trs_word",
    "zoom",
    "article-content",
    "article_content",
    "articlecontent",
    "news_content",
    "newscontent",
    "news-content",
    "detail-content",
    "detail_content",
    "zw-con",
    "zwnr",
    "xxgk_content",
    "view trs",
    "bt_content",
    "pages_content",
    "art_con",
    "content_text",
    "contenttext",
    "text_content",
    "wzy_content",
];

/// Generic content-like fragments: a weaker sign.
pub const CONTENT_HINTS: &[&str] = &[
    "article", "content", "detail", "main", "text", "body", "zhengwen", "zw", "con", "wz",
];

/// Word starts of class/id values on navigation and furniture.
pub const NEGATIVE_HINTS: &[&str] = &[
    "nav",
    "menu",
    "foot",
    "sidebar",
    "side",
    "crumb",
    "breadcrumb",
    "position",
    "location",
    "share",
    "relate",
    "comment",
    "header",
    "head",
    "banner",
    "copyright",
    "bottom",
    "links",
    "friend",
    "tabs",
    "login",
    "search",
    "print",
    "qrcode",
    "ewm",
    "xgwz",
    "xgxx",
    "wzdt",
];

/// `<meta name=… content=…>` names and which page-metadata field they fill.
pub const META_NAMES: &[(&str, &str)] = &[
    ("ArticleTitle", "title"),
    ("PubDate", "publish"),
    ("publishdate", "publish"),
    ("firstpublishedtime", "publish"),
    ("ContentSource", "source"),
    ("SiteName", "site"),
];
