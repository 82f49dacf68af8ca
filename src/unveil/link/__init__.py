"""Cross-ad linking: candidate edges between ads, and networks as their components."""
