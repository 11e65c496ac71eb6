"""Measurements of Article Comparer: alignment quality (quality.py) and speed (bench_compare.py)."""
