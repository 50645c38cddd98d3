"""Plan pages. Each view loads its object through apps.core.permissions (404, then 403), calls a
selector or a service, and renders."""
