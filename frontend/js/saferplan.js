// Every page's components: GOV.UK Frontend's, then the session time-out warning.
import { initAll } from "./govuk/govuk-frontend.min.js";
import { initSessionTimeout } from "./session-timeout.js";

initAll();
initSessionTimeout(document.querySelector('[data-module="app-session-timeout"]'));
