"""Forms of the plan pages: parsing input only; the rules, and their messages, are the services'."""
