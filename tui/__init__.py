"""Everything a person touches in a terminal: the command line, reports and the app."""
