/*
 * DailyPapers: posting a page's plain forms with fetch, for the scripts that update a page in place (votes.js,
 * signals.js). Asks for JSON; a 401 goes to the sign-in page and comes back here; any other refusal becomes an Error
 * with the server's own message, since not every refusal is JSON (a stale antiforgery token answers 400 with an empty
 * body, a paper hidden meanwhile an HTML page), which response.json() would turn into a cryptic parse error.
 */
window.DailyPapers = window.DailyPapers || {};
window.DailyPapers.postForm = function (form, body, failure) {
  "use strict";
  return fetch(form.action, {
    method: "POST",
    body: body,
    headers: { "Accept": "application/json" },
    credentials: "same-origin"
  }).then(function (response) {
    if (response.status === 401) {
      window.location.href = "/account/signin?returnUrl=" + encodeURIComponent(window.location.pathname + window.location.search);
      return null;
    }
    return response.json().catch(function () { return null; }).then(function (answer) {
      if (!response.ok || !answer) {
        throw new Error(answer && answer.error ? answer.error : failure + " (" + response.status + "). Reload the page and try again.");
      }
      return answer;
    });
  });
};
