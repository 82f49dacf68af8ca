"""``python -m unveil`` runs the command line."""

from unveil.cli import main

raise SystemExit(main())
