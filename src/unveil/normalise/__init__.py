"""Text normalisation that keeps offsets back to the original."""
