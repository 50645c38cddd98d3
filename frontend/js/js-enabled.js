// Loaded at the top of <body>, before anything is drawn: GOV.UK Frontend's styles for pages with
// JavaScript (kept out of the page itself so the Content-Security-Policy can forbid inline script).
document.body.className +=
  " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
