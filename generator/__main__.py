"""`python -m generator`: the command line."""

from generator.glue.cli import main

raise SystemExit(main())
