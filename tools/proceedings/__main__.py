"""Entry point for python -m tools.proceedings."""

import sys

from .cli import main

sys.exit(main())
