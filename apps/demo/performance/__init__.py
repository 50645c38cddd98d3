"""The performance demo: Norfolk priorities A–F and the Nottinghamshire PCC headline measures."""
