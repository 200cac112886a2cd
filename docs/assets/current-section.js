/*
 * Entity pages (an agency, a deadline, a procedure...) are not listed in the sidebar; their section is.
 * Mark that section's sidebar entry as the current one, so the reader sees where they are.
 * The section is the link in the page's trail (nav.trail). Without JavaScript nothing changes.
 */
(function () {
  "use strict";
  function mark() {
    var trail = document.querySelector("article nav.trail a[href]");
    if (!trail) return;
    var links = document.querySelectorAll("nav.md-nav--primary a.md-nav__link[href]");
    for (var i = 0; i < links.length; i++) {
      if (links[i].href === trail.href) {
        links[i].classList.add("md-nav__link--active");
        links[i].setAttribute("aria-current", "location");
      }
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mark);
  else mark();
})();
