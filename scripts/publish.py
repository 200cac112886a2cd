#!/usr/bin/env python3
"""Build the site and publish it atomically: `python scripts/publish.py /var/www/ke-hoach-06`."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from plannav.generator.publish import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
