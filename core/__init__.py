"""Article Comparer core: reading, aligning, fact matching and reports. Pure Python, no Qt."""
