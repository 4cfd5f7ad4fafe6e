"""Transforms: functions from Document to Document or to result objects (convert, summarize, glossary)."""
