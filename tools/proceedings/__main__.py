"""Entry point for python -m tools.proceedings."""

from .cli import main

raise SystemExit(main())
