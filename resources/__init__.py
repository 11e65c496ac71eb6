"""Files shipped beside the code: bundled example pair, alias tables, report CSS, icons."""
