"""Benchmarks of Bilingual Reader (bench layer, above the CLI): speed and memory against their targets.

Run by `python main.py bench` from a checkout (docs/benchmarks.md); not part of the installed package.
"""
