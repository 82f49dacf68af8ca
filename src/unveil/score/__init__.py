"""Network features and the explained risk score."""
