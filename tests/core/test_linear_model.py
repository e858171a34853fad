"""Shipped linear models: weights read from a msgpack file and scored by adding them up."""

from __future__ import annotations

import math

import msgpack
import pytest

from auditor.nlp.linear_model import (
    LinearModel,
    ModelFileError,
    dump_models,
    load_models,
    logit_of,
    pruned,
    sigmoid,
)

MODEL = LinearModel(bias=-1.0, weights={"w=ziek": 2.5, "w=konijn": -3.0, "name_near": 0.75})


@pytest.mark.parametrize(
    ("features", "expected"),
    [
        (["w=ziek"], 1.5),
        (["w=ziek", "name_near"], 2.25),
        (["w=ziek", "w=konijn"], -1.5),
        (["w=onbekend"], -1.0),
        ([], -1.0),
    ],
)
def test_logit_is_bias_plus_the_weights_of_known_features(features, expected):
    assert MODEL.logit(features) == pytest.approx(expected)


def test_a_mapping_weighs_each_feature_by_its_value():
    assert MODEL.logit({"w=ziek": 2.0, "name_near": 0.5}) == pytest.approx(-1.0 + 5.0 + 0.375)


def test_probability_is_the_sigmoid_of_the_logit():
    assert MODEL.probability(["w=ziek"]) == pytest.approx(1 / (1 + math.exp(-1.5)))


@pytest.mark.parametrize("x", [-800.0, -3.0, 0.0, 2.0, 800.0])
def test_sigmoid_stays_finite_and_inverts_logit_of(x):
    p = sigmoid(x)
    assert 0.0 <= p <= 1.0
    if abs(x) < 30:
        assert logit_of(p) == pytest.approx(x)


def test_pruned_keeps_weights_at_least_the_smallest_size_in_feature_order():
    kept = pruned({"b": 0.2, "a": -0.5, "c": 0.01}, smallest=0.1)
    assert list(kept) == ["a", "b"]


def test_a_dumped_file_loads_back_the_same_scores(tmp_path):
    path = tmp_path / "model.msgpack"
    dump_models({"health": MODEL}, path)
    loaded = load_models(path)
    assert set(loaded) == {"health"}
    for features in (["w=ziek"], ["w=konijn", "name_near"], []):
        assert loaded["health"].logit(features) == pytest.approx(MODEL.logit(features), abs=1e-6)


def test_dumping_the_same_weights_twice_gives_the_same_bytes(tmp_path):
    first, second = tmp_path / "a.msgpack", tmp_path / "b.msgpack"
    dump_models({"x": MODEL, "y": LinearModel(0.0, {"q": 1.0})}, first)
    dump_models({"y": LinearModel(0.0, {"q": 1.0}), "x": MODEL}, second)
    assert first.read_bytes() == second.read_bytes()


def test_a_file_of_another_format_is_refused(tmp_path):
    path = tmp_path / "other.msgpack"
    path.write_bytes(msgpack.packb({"format": "something-else", "models": {}}))
    with pytest.raises(ModelFileError):
        load_models(path)
