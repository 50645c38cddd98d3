"""Two-factor sign-in: an authenticator app (TOTP) with single-use recovery codes (ADR 12)."""
