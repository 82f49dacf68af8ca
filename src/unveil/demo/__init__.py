"""Synthetic demo corpus with ground truth: see :mod:`unveil.demo.generator`."""

from unveil.demo.generator import CorpusSummary, generate_corpus, iter_ads, iter_labelled_ads

__all__ = ["CorpusSummary", "generate_corpus", "iter_ads", "iter_labelled_ads"]
