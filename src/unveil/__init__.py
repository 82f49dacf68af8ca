"""unveil: read escort-ad corpora, extract contacts, flag indicators, link ads into networks.

The tool ranks and explains; a human decides.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
