#!/usr/bin/env bash
# Copy the pinned front-end packages from node_modules into static/ (git-ignored build output).
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf static
mkdir -p static/govuk static/htmx static/axe
# The compiled CSS asks for /assets/…; point it at the copy beside it, wherever STATIC_URL is.
sed 's#url(/assets/#url(assets/#g' node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css \
  > static/govuk/govuk-frontend.min.css
cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js static/govuk/
cp -r node_modules/govuk-frontend/dist/govuk/assets static/govuk/assets
cp node_modules/htmx.org/dist/htmx.min.js static/htmx/
cp node_modules/axe-core/axe.min.js static/axe/
cp frontend/css/saferplan.css static/
# Our scripts: no inline script anywhere, so the Content-Security-Policy can forbid it.
cp frontend/js/*.js static/
