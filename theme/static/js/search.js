// Search with Pagefind's own interface; the plain form stays for when it cannot load.
(function () {
  "use strict";
  function start() {
    var target = document.getElementById("search");
    if (!target || typeof PagefindUI === "undefined") return;
    var ui = new PagefindUI({
      element: "#search",
      bundlePath: target.getAttribute("data-bundle"),
      showSubResults: false,
      excerptLength: 24,
      showImages: false,
      resetStyles: false,
      translations: { placeholder: "Search the blog" }
    });
    labelInput(target, 20);
    var fallback = document.querySelector("[data-search-fallback]");
    if (fallback) fallback.hidden = true;
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) ui.triggerSearch(query);
  }
  // Pagefind's input has only a placeholder; a screen reader needs a name.
  function labelInput(target, triesLeft) {
    var input = target.querySelector("input");
    if (input) {
      input.setAttribute("aria-label", "Search the blog");
    } else if (triesLeft > 0) {
      window.setTimeout(function () { labelInput(target, triesLeft - 1); }, 50);
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
