"""A tiny OpenID Connect provider (django-oidc-provider) that the single sign-on journey starts
on a loopback port, so SaferPlan is tested against a real provider rather than a mock."""
