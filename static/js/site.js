// The site frame: the main menu is a <details> that works without JavaScript. With it, Escape closes an open
// menu or Cooperation list and gives focus back to its summary.
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var open = document.querySelectorAll(".site-header details[open]");
    if (!open.length) { return; }
    var last = open[open.length - 1];
    last.open = false;
    last.querySelector("summary").focus();
  });
})();
