"""Rendering of executed notebooks into the HTML and PDF report (real Quarto or the offline renderer)."""
