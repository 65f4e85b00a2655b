// yusuan web UI: CSRF header on htmx requests; link findings, table cells and page boxes.
(function () {
  "use strict";
  var token = function () { var m = document.querySelector('meta[name="csrf-token"]'); return m ? m.content : ""; };
  document.addEventListener("htmx:configRequest", function (e) { e.detail.headers["X-CSRF-Token"] = token(); });

  function activate(no, scroll) {
    document.querySelectorAll(".is-active").forEach(function (el) { el.classList.remove("is-active"); });
    document.querySelectorAll(".page-frame rect.active").forEach(function (el) { el.classList.remove("active"); });
    if (no === null || no === undefined || no === "") { return; }
    var card = document.getElementById("f" + no);
    if (card) {
      card.classList.add("is-active");
      if (scroll) { card.scrollIntoView({ block: "nearest", behavior: "smooth" }); }
    }
    document.querySelectorAll("td[data-findings]").forEach(function (td) {
      if ((" " + td.dataset.findings + " ").indexOf(" " + no + " ") >= 0) { td.classList.add("is-active"); }
    });
    document.querySelectorAll('.page-frame rect[data-finding="' + no + '"]').forEach(function (r) { r.classList.add("active"); });
  }

  function showPage(no) {
    var card = document.getElementById("f" + no);
    var button = card && card.querySelector("button.locate");
    if (button && window.htmx) { button.click(); }
  }

  function filter(show) {  // the finding list by severity, or those without a decision
    document.querySelectorAll(".finding-filter .btn").forEach(function (b) {
      var on = b.dataset.show === show; b.classList.toggle("on", on); b.setAttribute("aria-pressed", on ? "true" : "false");
    });
    document.querySelectorAll("#findings .finding").forEach(function (card) {
      var keep = show === "all" || card.classList.contains(show) || (show === "open" && !card.classList.contains("decided"));
      card.hidden = !keep;
    });
  }

  document.addEventListener("click", function (e) {
    var only = e.target.closest(".finding-filter .btn");
    if (only) { filter(only.dataset.show); return; }
    var rect = e.target.closest(".page-frame rect");
    if (rect) { activate(rect.dataset.finding, true); return; }
    var cell = e.target.closest("td[data-findings]");
    if (cell) { var first = cell.dataset.findings.split(" ")[0]; activate(first, true); showPage(first); return; }
    var locate = e.target.closest("button.locate");
    if (locate) { activate(locate.dataset.finding, false); return; }
    var link = e.target.closest("a.cell-link");
    if (link) { activate(link.dataset.finding, false); }
    var card = e.target.closest(".finding");
    if (card && !e.target.closest("form, a, button")) { activate(card.dataset.finding, false); showPage(card.dataset.finding); }
  });
  document.addEventListener("keydown", function (e) {
    var cell = e.target.closest && e.target.closest("td[data-findings]");
    if (cell && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); cell.click(); }
  });
  document.addEventListener("htmx:afterSwap", function (e) {
    var active = document.querySelector(".finding.is-active");
    if (e.target.id === "page-view") {
      var rect = e.target.querySelector("rect.active");
      if (rect) { activate(rect.dataset.finding, false); }
      if (window.innerWidth <= 1100) { e.target.scrollIntoView({ block: "start", behavior: "smooth" }); }
      var frame = e.target.querySelector(".page-frame");
      if (rect && frame) {  // bring the boxed cell into view inside the page image
        var box = rect.getBoundingClientRect();
        if (box.top < 0 || box.bottom > window.innerHeight) { rect.scrollIntoView({ block: "center", behavior: "smooth" }); }
      }
    } else if (active) { activate(active.dataset.finding, false); }
  });
})();
