"""Single sign-on with OpenID Connect: an organisation's people sign in with their own
organisation's account, the provider chosen by their email domain (ADR 12)."""
