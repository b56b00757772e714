"""The benchmark's scaled fact base is a valid one: `make bench` measures builds, not refusals."""

from __future__ import annotations

import shutil
from pathlib import Path

from benchmark import multiply_data

from generator.facts.load import load_fact_base

ROOT = Path(__file__).parent.parent


def test_a_fact_base_times_three_loads_with_three_times_the_scaled_records(tmp_path):
    data = shutil.copytree(ROOT / "data", tmp_path / "data")
    once = load_fact_base(data)
    records, capped = multiply_data(data, 3)
    thrice = load_fact_base(data)
    assert capped == {}
    assert len(thrice.events) == 3 * len(once.events)
    assert len(thrice.derived) == 3 * len(once.derived)
    assert records == 3 * sum(
        len(getattr(once, kind))
        for kind in (
            "events",
            "claims",
            "figures",
            "derived",
            "products",
            "organizations",
            "people",
        )
    )
