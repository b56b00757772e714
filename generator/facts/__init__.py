"""The facts: the model, strict YAML reading, dates, checks against the sources, derived-value
arithmetic and the exports. Knows nothing of editions, pages or MkDocs.
"""
