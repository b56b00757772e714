"""A generated page as one object: its file, title, description, renderer and the kinds it shows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.site.context import PageContext


@dataclass(frozen=True)
class Page:
    """One generated page of every edition.

    `shows` names the kinds of record whose entries the page holds (links to a record lead there);
    a page that shows none is about the whole fact base (its update date is the newest change).
    Whether it loads plotly.js is decided from the rendered page, so charts need no flag here.
    """

    uri: str
    title: str
    description: str
    render: Callable[[PageContext], str]
    shows: tuple[str, ...] = ()
