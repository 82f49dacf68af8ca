"""Reports written from the store."""
