/*
 * DailyPapers: a card's "Save", "Not interested" and "More like this", and the Follow buttons, without leaving the
 * page. Each is a plain form (it works without script); this posts it with fetch, asking for JSON, and updates the
 * card from the answer. On the reader's own list (an element with data-refresh-list), the list is fetched again and
 * replaced, so a paper marked "not interested" leaves it and "more like this" reorders it at once.
 */
(function () {
  "use strict";

  function labelFor(change) {
    return {
      save: ["Save", "false", "Save to your collection “Saved”"],
      unsave: ["Saved", "true", "Saved; click to remove it"],
      dismiss: ["Not interested", "false", "Hide it from your lists and show fewer like it"],
      undismiss: ["Undo not interested", "true", "Show it in your lists again"]
    }[change];
  }

  function setButton(button, change) {
    var label = labelFor(change);
    button.value = change;
    button.textContent = label[0];
    button.setAttribute("aria-pressed", label[1]);
    button.title = label[2];
  }

  function refreshList(list) {
    return fetch(window.location.href, { headers: { "Accept": "text/html" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) {
          return;
        }
        var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-refresh-list]");
        if (fresh) {
          list.replaceWith(document.importNode(fresh, true));
          document.dispatchEvent(new CustomEvent("dailypapers:list-replaced"));
        }
      });
  }

  function showError(form, message) {
    var error = form.querySelector(".signal-error");
    if (!error) {
      error = document.createElement("span");
      error.className = "signal-error";
      error.setAttribute("role", "alert");
      form.appendChild(error);
    }
    error.textContent = message;
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.classList.contains("signal-form")) {
      return;
    }

    event.preventDefault();
    var button = event.submitter;
    if (!button || button.disabled) {
      return;
    }

    var body = new FormData(form, button);
    var change = button.value;
    button.disabled = true;
    window.DailyPapers.postForm(form, body, "That did not work")
      .then(function (answer) {
        if (!answer) {
          return null;
        }
        var card = form.closest(".paper-card");
        var list = form.closest("[data-refresh-list]");
        if (form.closest(".save-to")) {
          // "Save to…": say where it went, and press the card's own Save button, which now removes it from there.
          var status = form.querySelector(".save-status") || form.appendChild(document.createElement("span"));
          status.className = "save-status";
          status.setAttribute("role", "status");
          status.textContent = "Saved to " + answer.collection;
          var name = form.querySelector("input[name=newCollection]");
          if (name) {
            name.value = "";
          }
          var main = card && card.querySelector(".card-actions > form button[value=save]");
          if (main) {
            var hidden = document.createElement("input");
            hidden.type = "hidden";
            hidden.name = "collection";
            hidden.value = answer.collection;
            main.form.appendChild(hidden);
            setButton(main, "unsave");
          }
        } else if (change === "save" || change === "unsave") {
          var collection = form.querySelector("input[name=collection]");
          if (change === "save") {
            if (!collection) {
              collection = document.createElement("input");
              collection.type = "hidden";
              collection.name = "collection";
              form.appendChild(collection);
            }
            collection.value = answer.collection;
          } else if (collection) {
            collection.remove();
          }
          setButton(button, change === "save" ? "unsave" : "save");
        } else if (change === "dismiss" || change === "undismiss") {
          setButton(button, change === "dismiss" ? "undismiss" : "dismiss");
          if (card) {
            card.classList.toggle("dismissed", change === "dismiss");
          }
        } else if (change === "follow" || change === "unfollow") {
          var following = form.querySelector("input[name=following]");
          following.value = change === "follow" ? "false" : "true";
          button.value = change === "follow" ? "unfollow" : "follow";
          button.textContent = change === "follow" ? "Following" : "Follow";
          button.setAttribute("aria-pressed", change === "follow" ? "true" : "false");
        }
        return list && change !== "save" && change !== "unsave" ? refreshList(list) : null;
      })
      .catch(function (error) {
        showError(form, error.message);
      })
      .then(function () {
        button.disabled = false;
      });
  });
})();
