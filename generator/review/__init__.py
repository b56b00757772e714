"""Review tools: what a contributor's change does, for the people who review it.

The conversion review (which words the Traditional edition changes), the fact diff as text and
Markdown, and the pull-request comment. They read the facts and render pages as the site does,
and nothing in the site reads them.
"""
