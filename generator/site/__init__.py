"""The site: generated pages, charts and blocks, prose references, the fact history and
conversion review, metadata, share cards, safety headers and the theme. Reads facts and
editions; knows nothing of the MkDocs plugin or the command line.
"""
