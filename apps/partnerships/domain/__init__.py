"""Pure rules about partnerships: which printed names are agencies, and who a lead is."""
