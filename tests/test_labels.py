"""Every code the model allows has words for readers, so no page can show a raw code."""

from __future__ import annotations

from typing import get_args

import pytest

from generator.facts import model
from generator.facts.dates import Precision
from generator.site import labels

PAIRS = [
    (labels.EVENT_KIND_WORDS, model.EventKind),
    (labels.PRODUCT_KIND_WORDS, model.ProductKind),
    (labels.PRODUCT_STATUS_WORDS, model.ProductStatus),
    (labels.FIGURE_KIND_WORDS, model.FigureKind),
    (labels.ORG_KIND_WORDS, model.OrgKind),
    (labels.TOPIC_WORDS, model.ClaimTopic),
    (labels.COMPARATOR_WORDS, model.Comparator),
    (labels.COUNTRY_WORDS, model.Organization.model_fields["country"].annotation),
    (labels.RELATION_WORDS, model.Relation.model_fields["kind"].annotation),
    (labels.FORECAST_STATUS_WORDS, model.Forecast.model_fields["status"].annotation),
]


@pytest.mark.parametrize(("words", "codes"), PAIRS, ids=[str(codes) for _, codes in PAIRS])
def test_every_code_has_words(words, codes):
    assert set(words) == set(get_args(codes))


def test_every_attribution_and_precision_has_words():
    assert set(labels.ATTRIBUTION_WORDS) == set(model.Attribution)
    assert set(labels.ATTRIBUTION_MEANING) == set(model.Attribution)
    assert set(labels.PRECISION_WORDS) == set(Precision)
