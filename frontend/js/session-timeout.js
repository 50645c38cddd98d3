// Warn a signed-in user before an idle session ends, and let them stay signed in.
//
// The page holds the warning banner in a <template> inside an element whose data attributes say
// how many seconds the session has left and how long before the end to warn. "Stay signed in"
// posts to the keep-alive address (the request itself restarts the server's idle clock), which
// answers with the seconds now left. When the time is up the page reloads, and the server sends
// the user to sign in saying why.

export function initSessionTimeout(root) {
  if (!root || !window.fetch) {
    return;
  }
  const template = root.querySelector("template");
  const warningSeconds = Number(root.dataset.warningSeconds);
  let banner = null;
  let warnTimer;
  let endTimer;

  function hide() {
    if (banner) {
      banner.remove();
      banner = null;
    }
  }

  function show() {
    if (banner) {
      return;
    }
    root.appendChild(template.content.cloneNode(true));
    banner = root.querySelector(".govuk-notification-banner");
    banner.querySelector("form").addEventListener("submit", stay);
    banner.focus();
  }

  function schedule(secondsLeft) {
    window.clearTimeout(warnTimer);
    window.clearTimeout(endTimer);
    hide();
    warnTimer = window.setTimeout(show, Math.max(0, secondsLeft - warningSeconds) * 1000);
    // A second late, so the server agrees the session has ended.
    endTimer = window.setTimeout(function () {
      window.location.reload();
    }, (secondsLeft + 1) * 1000);
  }

  function stay(event) {
    event.preventDefault();
    const form = event.target;
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
    })
      .then(function (response) {
        if (!response.ok || response.redirected) {
          window.location.reload();
          return undefined;
        }
        return response.text().then(function (text) {
          schedule(Number(text));
        });
      })
      .catch(function () {
        window.location.reload();
      });
  }

  // A request htmx makes is activity too: the idle clock restarted on the server.
  document.body.addEventListener("htmx:afterRequest", function () {
    schedule(Number(root.dataset.idleSeconds));
  });

  schedule(Number(root.dataset.secondsLeft));
}
