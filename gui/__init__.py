"""Article Comparer GUI (PySide6). Importing this package itself loads no Qt."""
