"""Modal screens: help, baseline choice, export."""
