"""Graphical interface (gui layer): Qt widgets that talk to the core through Library operations."""
