/*
 * DailyPapers: upvote without leaving the page. Every upvote button is a plain form (it works without script);
 * this posts it with fetch, asking for JSON, and updates the count and pressed state from the server's answer.
 * The form says the state wanted ("voted=true"), not "toggle", so a double click cannot undo itself.
 */
(function () {
  "use strict";

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.classList.contains("vote-form")) {
      return;
    }

    event.preventDefault();
    var button = form.querySelector(".vote-button");
    if (button.disabled) {
      return;
    }

    button.disabled = true;
    window.DailyPapers.postForm(form, new FormData(form), "The vote was not counted")
      .then(function (state) {
        if (!state) {
          return;
        }
        form.querySelector(".vote-count").textContent = String(state.upvotes);
        form.querySelector("input[name=voted]").value = state.voted ? "false" : "true";
        button.setAttribute("aria-pressed", state.voted ? "true" : "false");
        button.title = state.voted ? "Take back your upvote" : "Upvote";
        // The "vote"/"votes" word beside the form (in .votes, outside it) follows the count.
        var box = form.parentElement;
        var label = box && box.classList.contains("votes") ? box.querySelector(":scope > small") : null;
        if (label) {
          label.textContent = state.upvotes === 1 ? "vote" : "votes";
        }
      })
      .catch(function (error) {
        button.title = error.message;
        window.alert(error.message);
      })
      .then(function () {
        button.disabled = false;
      });
  });
})();
