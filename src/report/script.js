(function () {
  "use strict";
  var table = document.getElementById("doc-table");
  var form = document.getElementById("doc-filters");
  if (!table || !form) { return; }
  table.classList.add("js");
  form.hidden = false;
  var PAGE = 100;
  var body = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  var rows = [];
  Array.prototype.forEach.call(body.rows, function (tr) {
    if (tr.classList.contains("doc-row")) {
      var text = [0, 1, 2].map(function (i) { return tr.cells[i].textContent; }).join(" ");
      rows.push({ tr: tr, detail: null, order: rows.length, text: text.toLowerCase() });
    } else if (rows.length) {
      rows[rows.length - 1].detail = tr;
    }
  });
  var state = { sort: "", dir: "asc", page: 1 };
  var filters = ["q", "level", "genre", "year", "problem"];
  var status = document.getElementById("doc-status");
  var prev = document.getElementById("doc-prev");
  var next = document.getElementById("doc-next");

  function value(r, i) {
    var c = r.tr.cells[i];
    return c.hasAttribute("data-v") ? c.getAttribute("data-v") : c.textContent;
  }
  function column(key) {
    for (var i = 0; i < heads.length; i++) {
      if (heads[i].getAttribute("data-key") === key) { return i; }
    }
    return -1;
  }
  function matches(r) {
    var q = form.elements.q.value.trim().toLowerCase();
    if (q && r.text.indexOf(q) < 0) { return false; }
    var keys = ["level", "genre", "year"];
    for (var k = 0; k < keys.length; k++) {
      var want = form.elements[keys[k]].value;
      var have = value(r, column(keys[k]));
      if (want !== "*" && (have === "" ? "unknown" : have) !== want) { return false; }
    }
    var problem = form.elements.problem.value;
    return problem === "*" || r.tr.getAttribute("data-" + problem) === "1";
  }
  function compare(i, numeric) {
    return function (a, b) {
      var x = value(a, i), y = value(b, i);
      // Empty values sort last whichever way.
      if (x === "" || y === "") { return (x === "") - (y === "") || a.order - b.order; }
      var d = numeric ? Number(x) - Number(y) : x.localeCompare(y, "zh");
      if (state.dir === "desc") { d = -d; }
      return d || a.order - b.order;
    };
  }
  function sortedRows() {
    var i = column(state.sort);
    var sorted = rows.slice();
    if (i >= 0) { sorted.sort(compare(i, heads[i].getAttribute("data-type") === "num")); }
    return sorted;
  }
  function clearFilters() {
    filters.forEach(function (f) {
      var el = form.elements[f];
      el.value = el.tagName === "SELECT" ? "*" : "";
    });
  }
  function apply(keepPage) {
    var sorted = sortedRows();
    var shown = sorted.filter(matches);
    var pages = Math.max(1, Math.ceil(shown.length / PAGE));
    if (!keepPage) { state.page = 1; }
    state.page = Math.min(Math.max(1, state.page), pages);
    var first = (state.page - 1) * PAGE;
    var visible = new Set(shown.slice(first, first + PAGE));
    var frag = document.createDocumentFragment();
    sorted.forEach(function (r) {
      frag.appendChild(r.tr);
      r.tr.hidden = !visible.has(r);
      if (r.detail) { frag.appendChild(r.detail); r.detail.hidden = r.tr.hidden; }
    });
    body.appendChild(frag);
    for (var h = 0; h < heads.length; h++) {
      var key = heads[h].getAttribute("data-key");
      if (key === state.sort) {
        heads[h].setAttribute("aria-sort", state.dir === "asc" ? "ascending" : "descending");
      } else {
        heads[h].removeAttribute("aria-sort");
      }
    }
    status.textContent = shown.length === 0 ? "No listed document matches." :
      "Showing " + (first + 1) + "–" + Math.min(first + PAGE, shown.length) + " of " +
      shown.length + " matching (" + rows.length + " listed), page " + state.page + " of " + pages + ".";
    status.setAttribute("data-matching", String(shown.length));
    prev.disabled = state.page <= 1;
    next.disabled = state.page >= pages;
  }
  function remember() {
    var p = new URLSearchParams();
    filters.forEach(function (f) {
      var v = form.elements[f].value;
      if (v && v !== "*") { p.set(f, v); }
    });
    if (state.sort) { p.set("sort", state.sort); p.set("dir", state.dir); }
    if (state.page > 1) { p.set("page", String(state.page)); }
    var s = p.toString();
    try { history.replaceState(null, "", "#documents" + (s ? "?" + s : "")); } catch (e) { /* file: URLs may refuse */ }
  }
  function fromHash(scroll) {
    var h = decodeURIComponent(location.hash);
    if (h.indexOf("#doc-") === 0) { openDocument(h.slice(1)); return; }
    if (h.indexOf("#documents?") !== 0) { return; }
    var p = new URLSearchParams(location.hash.slice("#documents?".length));
    filters.forEach(function (f) {
      var el = form.elements[f];
      el.value = p.get(f) || (el.tagName === "SELECT" ? "*" : "");
      if (el.tagName === "SELECT" && el.selectedIndex < 0) { el.value = "*"; }
    });
    state.sort = column(p.get("sort") || "") >= 0 ? p.get("sort") : "";
    state.dir = p.get("dir") === "desc" ? "desc" : "asc";
    state.page = parseInt(p.get("page") || "1", 10) || 1;
    apply(true);
    if (scroll) { document.getElementById("documents").scrollIntoView(); }
  }
  function openDocument(id) {
    var target = document.getElementById(id);
    var r = rows.filter(function (x) { return x.detail === target || x.tr === target; })[0];
    if (!r) { return; }
    if (!matches(r)) { clearFilters(); }
    state.page = Math.floor(sortedRows().filter(matches).indexOf(r) / PAGE) + 1;
    apply(true);
    if (r.detail) { r.detail.classList.add("open"); }
    r.tr.scrollIntoView({ block: "center" });
  }

  form.addEventListener("input", function () { apply(false); remember(); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.addEventListener("reset", function (e) {
    e.preventDefault();
    clearFilters();
    apply(false);
    remember();
  });
  prev.addEventListener("click", function () { state.page--; apply(true); remember(); });
  next.addEventListener("click", function () { state.page++; apply(true); remember(); });
  Array.prototype.forEach.call(heads, function (th) {
    var button = th.querySelector("button");
    if (!button) { return; }
    button.addEventListener("click", function () {
      var key = th.getAttribute("data-key");
      state.dir = state.sort === key && state.dir === "asc" ? "desc" : "asc";
      state.sort = key;
      apply(true);
      remember();
    });
  });
  body.addEventListener("click", function (e) {
    var link = e.target.closest("a.doc-link");
    if (!link) { return; }
    e.preventDefault();
    var detail = document.getElementById(link.getAttribute("href").slice(1));
    if (detail) { detail.classList.toggle("open"); }
  });
  window.addEventListener("hashchange", function () { fromHash(true); });
  document.getElementById("doc-pager").hidden = false;
  apply(false);
  fromHash(location.hash.indexOf("#documents?") === 0);
  document.documentElement.setAttribute("data-doc-table", "ready");
})();
