// Warn a signed-in user before an idle session ends, and let them stay signed in.
//
// The banner is in the page, hidden, for signed-in users only. Its data attributes say how many
// seconds the session has left and how long before the end to warn. "Stay signed in" posts to
// the keep-alive address (the request itself restarts the server's idle clock), which answers
// with the seconds now left. When the time is up the page reloads, and the server sends the
// user to sign in saying why.

export function initSessionTimeout(banner) {
  if (!banner || !window.fetch) {
    return;
  }
  const form = banner.querySelector("form");
  const warningSeconds = Number(banner.dataset.warningSeconds);
  let warnTimer;
  let endTimer;

  function schedule(secondsLeft) {
    window.clearTimeout(warnTimer);
    window.clearTimeout(endTimer);
    banner.hidden = true;
    warnTimer = window.setTimeout(
      function () {
        banner.hidden = false;
        banner.focus();
      },
      Math.max(0, secondsLeft - warningSeconds) * 1000,
    );
    // A second late, so the server agrees the session has ended.
    endTimer = window.setTimeout(function () {
      window.location.reload();
    }, (secondsLeft + 1) * 1000);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" },
    })
      .then(function (response) {
        if (!response.ok || response.redirected) {
          window.location.reload();
          return;
        }
        return response.text().then(function (text) {
          schedule(Number(text));
        });
      })
      .catch(function () {
        window.location.reload();
      });
  });

  // A request htmx makes is activity too: the idle clock restarted on the server.
  document.body.addEventListener("htmx:afterRequest", function () {
    schedule(Number(banner.dataset.idleSeconds));
  });

  schedule(Number(banner.dataset.secondsLeft));
}
