/*
 * DailyPapers: render TeX in abstracts and titles with KaTeX auto-render.
 *
 * Load order on a page (all external, no inline script, CSP-friendly):
 *   <link rel="stylesheet" href="/lib/katex/katex.min.css">
 *   <script defer src="/lib/katex/katex.min.js"></script>
 *   <script defer src="/lib/katex/contrib/auto-render.min.js"></script>
 *   <script defer src="/js/math.js"></script>
 *
 * Deferred scripts run in document order after parsing and before
 * DOMContentLoaded, so by the time this file runs the two KaTeX files have
 * run too (or failed to load). Every element with class "math" or the
 * attribute "data-math" is rendered once. If KaTeX is missing, the raw TeX
 * text is simply left as it is.
 */
(function () {
  "use strict";

  var SELECTOR = ".math, [data-math]";
  var DONE = "mathRendered"; // dataset flag: data-math-rendered="1"

  var OPTIONS = {
    // Longer delimiters first, so "$$" is not read as two "$".
    delimiters: [
      { left: "$$", right: "$$", display: true },
      { left: "\\[", right: "\\]", display: true },
      { left: "\\(", right: "\\)", display: false },
      { left: "$", right: "$", display: false }
    ],
    throwOnError: false,
    // Treat user-supplied TeX as untrusted: no \href, \url, \htmlClass, etc.
    trust: false,
    strict: "ignore",
    // Cap absurd user-specified sizes (\rule, \kern) from scraped abstracts.
    maxSize: 20,
    ignoredTags: ["script", "noscript", "style", "textarea", "pre", "code", "option", "input", "button"],
    ignoredClasses: ["no-math"]
  };

  function renderAll(root) {
    var render = window.renderMathInElement;
    if (typeof render !== "function" || !window.katex) {
      return; // KaTeX or auto-render did not load: leave the TeX text alone.
    }
    var scope = root && root.querySelectorAll ? root : document;
    var nodes = scope.querySelectorAll(SELECTOR);
    for (var i = 0; i < nodes.length; i++) {
      var el = nodes[i];
      if (el.dataset && el.dataset[DONE]) {
        continue;
      }
      // A matched element inside another matched element is rendered with
      // its ancestor; skip it here so nothing is rendered twice.
      var parent = el.parentElement;
      if (parent && parent.closest && parent.closest(SELECTOR)) {
        continue;
      }
      try {
        render(el, OPTIONS);
        if (el.dataset) {
          el.dataset[DONE] = "1";
        }
      } catch (e) {
        // Never let one bad formula break the page.
        if (window.console && console.warn) {
          console.warn("math.js: could not render math", e);
        }
      }
    }
  }

  // Let other scripts re-render content they insert later.
  window.DailyPapersMath = { render: renderAll };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { renderAll(document); });
  } else {
    renderAll(document);
  }
})();
