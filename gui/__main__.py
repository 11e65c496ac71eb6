"""``python -m gui`` runs the same command as ``article-comparer``."""

import sys

from gui.cli import main

sys.exit(main())
