/*
 * DailyPapers: the "Copy BibTeX" button of a paper page's Cite box. The button stays hidden without script (the
 * BibTeX is there to select); with it, a click copies the text of the element the button's data-copy names, or,
 * where the page may not write the clipboard (plain http), selects it for Ctrl+C.
 */
(function () {
  "use strict";

  function say(button, message) {
    var status = button.parentElement.querySelector(".cite-status");
    if (status) {
      status.textContent = message;
    }
  }

  function select(target) {
    var range = document.createRange();
    range.selectNodeContents(target);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var target = document.getElementById(button.getAttribute("data-copy"));
    if (!target) {
      return;
    }

    button.hidden = false;
    button.addEventListener("click", function () {
      if (!navigator.clipboard || !window.isSecureContext) {
        select(target);
        say(button, "Selected: press Ctrl+C (⌘C) to copy.");
        return;
      }

      navigator.clipboard.writeText(target.textContent).then(
        function () { say(button, "Copied."); },
        function () {
          select(target);
          say(button, "Selected: press Ctrl+C (⌘C) to copy.");
        });
    });
  });
})();
