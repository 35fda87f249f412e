// Search with Pagefind's own interface; the plain form stays for when it cannot load.
(function () {
  "use strict";
  function start() {
    var target = document.getElementById("search");
    if (!target || typeof PagefindUI === "undefined") return;
    // As a path from the site's root: the parts are fetched by Pagefind's worker, not this page.
    var bundle = new URL(target.getAttribute("data-bundle"), window.location.href).pathname;
    // A large site's index is in parts, listed beside the first; each is searched and merged.
    fetch(bundle + "shards.json")
      .then(function (response) { return response.ok ? response.json() : { shards: [] }; })
      .catch(function () { return { shards: [] }; })
      .then(function (listing) { show(target, bundle, listing.shards || []); });
  }
  function show(target, bundle, shards) {
    var ui = new PagefindUI({
      element: "#search",
      bundlePath: bundle,
      mergeIndex: shards.map(function (part) { return { bundlePath: bundle + part }; }),
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
