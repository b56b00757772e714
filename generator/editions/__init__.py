"""Editions: converting the facts and hand-written pages between scripts (glossary, OpenCC,
newsroom vocabulary), words for search, and how each edition is built. Reads the facts only.
"""
