"""Glue: the MkDocs plugin (events to calls on facts, editions and site), its options, the
command line and what only the command line uses (staged builds, pull-request comments,
the new-report starter).
"""
