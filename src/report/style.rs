//! The page's inline stylesheet.

/// Inline stylesheet. Must contain no `<` or `&` so it stays valid XML text.
pub(crate) const CSS: &str = r#"
:root { --ink: #1f2933; --muted: #5f6b7a; --line: #e3e7ec; --bg: #f4f6f9; --panel: #ffffff;
  --accent: #2f5d8a; --accent-soft: #e3ecf5; --warn: #b4531c; --warn-soft: #fbeee6; }
* { box-sizing: border-box; }
html { background: var(--bg); }
body { margin: 0; color: var(--ink); font-size: 15px; line-height: 1.55;
  font-family: -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans CJK SC",
    "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
    "WenQuanYi Micro Hei", sans-serif; }
code { font-family: "SFMono-Regular", Menlo, Consolas, "Liberation Mono", "Noto Sans Mono CJK SC",
  monospace; font-size: 0.88em; background: #f0f2f5; border-radius: 4px; padding: 0.05em 0.35em; }
.wrap { max-width: 1120px; margin: 0 auto; padding: 0 24px; }
.page-header { background: #24405f; color: #fff; padding: 28px 0 24px; margin-bottom: 20px; }
.page-header h1 { margin: 2px 0 6px; font-size: 30px; font-weight: 650; letter-spacing: 0.01em; }
.page-header .eyebrow { margin: 0; color: #b9cce0; font-size: 13px; letter-spacing: 0.08em; text-transform: uppercase; }
.page-header .meta { margin: 0; color: #dce6f0; font-size: 14px; }
.page-header code { background: rgba(255, 255, 255, 0.14); color: #fff; }
.toc { display: flex; flex-wrap: wrap; align-items: baseline; gap: 6px 14px; background: var(--panel);
  border: 1px solid var(--line); border-radius: 10px; padding: 10px 16px; margin-bottom: 18px; }
.toc-title { font-weight: 600; color: var(--muted); font-size: 13px; text-transform: uppercase; letter-spacing: 0.06em; }
.toc ol { display: flex; flex-wrap: wrap; gap: 4px 6px; margin: 0; padding: 0; list-style: none; counter-reset: toc; }
.toc li { counter-increment: toc; }
.toc a { display: inline-block; padding: 3px 10px; border-radius: 999px; color: var(--accent);
  text-decoration: none; font-size: 14px; background: var(--accent-soft); }
.toc a::before { content: counter(toc) ". "; color: var(--muted); }
.toc a:hover { background: #cfdeee; }
.panel { background: var(--panel); border: 1px solid var(--line); border-radius: 10px;
  padding: 18px 24px 22px; margin-bottom: 18px; }
.panel h2 { margin: 0 0 4px; font-size: 21px; font-weight: 650; }
.panel h3 { margin: 18px 0 6px; font-size: 15px; font-weight: 600; color: var(--muted); }
.lead { margin: 0 0 12px; color: var(--muted); }
.note { color: var(--muted); font-size: 14px; margin: 8px 0; }
.empty { color: var(--muted); font-style: italic; margin: 8px 0; }
.notice { background: var(--warn-soft); color: var(--warn); border-radius: 8px; padding: 10px 14px; margin: 8px 0 14px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin: 12px 0 4px; }
.card { border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; background: #fbfcfd; }
.card-label { font-size: 12px; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); }
.card-value { font-size: 24px; font-weight: 650; font-variant-numeric: tabular-nums; margin: 2px 0; white-space: nowrap; }
.card-sub { font-size: 13px; color: var(--muted); }
.card.warn { border-color: #efcdb8; background: var(--warn-soft); }
.card.warn .card-value { color: var(--warn); }
.columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 8px 32px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 5px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { font-size: 12px; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted);
  border-bottom: 2px solid var(--line); font-weight: 600; }
tfoot th, tfoot td { font-weight: 600; border-bottom: none; border-top: 2px solid var(--line); }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.muted { color: var(--muted); }
table.kv th { width: 34%; color: var(--muted); font-weight: 500; }
table.compact { width: auto; min-width: 320px; margin-top: 6px; }
.path { overflow-wrap: anywhere; }
.scroll { overflow-x: auto; }
.rejects td:nth-child(2) { min-width: 220px; max-width: 460px; }
details.more-rows summary { cursor: pointer; color: var(--accent); margin: 10px 0 6px; font-weight: 600; }
.tag { display: inline-block; font-size: 12px; padding: 1px 8px; border-radius: 999px; background: var(--warn-soft); color: var(--warn); white-space: nowrap; }
tr.others td { color: var(--muted); font-style: italic; }
figure.chart { margin: 6px 0 10px; overflow-x: auto; }
figure.chart .more { color: var(--muted); font-size: 13px; margin-top: 2px; }
svg.bars { display: block; max-width: 100%; height: auto; }
svg.bars text { font-size: 12px; fill: var(--ink); font-family: inherit; }
svg.bars .tick { font-size: 11px; fill: var(--muted); }
svg.bars .axis-label { font-size: 12px; fill: var(--muted); }
svg.bars .value { font-weight: 600; fill: #33475b; }
svg.bars .bar { fill: var(--accent); }
svg.bars .bar:hover { fill: #3f78b0; }
svg.bars .track { fill: var(--accent-soft); }
svg.bars .grid { stroke: #edf0f3; stroke-width: 1; }
svg.bars .axis { stroke: #9aa5b1; stroke-width: 1; }
.side-by-side { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 8px 40px; }
.side-by-side figure.chart { flex: 0 1 auto; min-width: 0; }
.controls { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: center; margin: 6px 0 10px;
  font-size: 14px; color: var(--muted); }
.controls input, .controls select, .controls button, .pager button { font: inherit; font-size: 14px;
  color: var(--ink); padding: 4px 8px; border: 1px solid #c9d1da; border-radius: 6px; background: #fff; }
.controls input[type=search] { width: 230px; }
.controls button, .pager button { cursor: pointer; background: var(--accent-soft); border-color: #c4d5e8; }
.pager button:disabled { opacity: 0.45; cursor: default; }
.pager { display: flex; gap: 12px; align-items: center; margin-top: 10px; font-size: 14px; color: var(--muted); }
table.docs { font-size: 13px; }
table.docs th button.sort { font: inherit; color: inherit; text-transform: inherit; letter-spacing: inherit;
  background: none; border: none; padding: 0; cursor: pointer; }
table.docs th[aria-sort=ascending] button.sort::after { content: " \25B2"; }
table.docs th[aria-sort=descending] button.sort::after { content: " \25BC"; }
table.docs td.title { min-width: 200px; }
table.docs td:first-child { min-width: 150px; }
table.docs td:nth-child(3) { min-width: 110px; }
table.docs td.parts { min-width: 150px; }
table.docs td.parts .tag { margin: 0 2px 2px 0; }
table.levels tbody th, table.levels tfoot th { white-space: nowrap; }
table.levels thead th { white-space: normal; vertical-align: bottom; }
table.docs code.path { font-size: 12px; }
table.docs a.doc-link { text-decoration: none; }
tr.doc-detail { display: none; }
tr.doc-detail:target { display: table-row; }
table.js tr.doc-detail:target { display: none; }
table.js tr.doc-detail.open { display: table-row; }
table.docs tr[hidden] { display: none !important; }
tr.doc-detail td { background: #f7f9fb; padding: 8px 14px 12px; }
dl.extraction { display: grid; grid-template-columns: max-content 1fr; gap: 3px 16px; margin: 0; }
dl.extraction dt { color: var(--muted); }
dl.extraction dd { margin: 0; }
dl.extraction ul { margin: 0; padding-left: 18px; }
table.kinds .example { color: var(--muted); font-size: 13px; margin-top: 2px; word-break: break-word; }
table.kinds td.examples { min-width: 260px; }
table.kinds td.examples div { margin-bottom: 2px; }
table.kinds td.examples code { font-size: 12px; }
table.levels tbody th, table.levels tfoot th { font-weight: 500; }
ul.findings { margin: 4px 0 0; padding-left: 20px; }
ul.findings li { margin: 3px 0; }
tr.zero td { color: var(--muted); }
.page-footer { color: var(--muted); font-size: 13px; padding-bottom: 32px; }
"#;
