"""Shipped linear models (logistic regression weights) scored in plain Python.

A model is a bias and a map from feature string to weight; its score for an item is the bias plus
the weights of the item's features (a feature string the model does not know weighs nothing).
Training happens offline (scikit-learn, the `train` extra, in a bench script); run time only reads
the weights from a msgpack file in auditor/data/ and adds them up, so no learning library is
imported when auditing.

File layout: {"format": FORMAT, "models": {label: {"bias": float, "weights": {feature: float}}}}.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import msgpack

FORMAT = "linear-model/1"


class ModelFileError(ValueError):
    """The file is not a linear-model file this code can read."""


@dataclass(frozen=True, slots=True)
class LinearModel:
    bias: float
    weights: Mapping[str, float]

    def logit(self, features: Iterable[str] | Mapping[str, float]) -> float:
        """Bias plus the weight of each feature; a mapping gives each feature a value to weigh
        (a count, a scaled number), an iterable counts each feature it yields once."""
        weights = self.weights
        if isinstance(features, Mapping):
            return self.bias + sum(weights.get(f, 0.0) * v for f, v in features.items())
        return self.bias + sum(weights.get(f, 0.0) for f in features)

    def probability(self, features: Iterable[str] | Mapping[str, float]) -> float:
        return sigmoid(self.logit(features))


def sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def logit_of(probability: float) -> float:
    """The score at which a model's probability equals `probability` (thresholds compare logits,
    which spares an exp per item)."""
    return math.log(probability / (1.0 - probability))


def pruned(weights: Mapping[str, float], smallest: float) -> dict[str, float]:
    """The weights whose size is at least `smallest`, in feature order (a stable file)."""
    return {f: w for f, w in sorted(weights.items()) if abs(w) >= smallest}


def dump_models(models: Mapping[str, LinearModel], path: Path) -> None:
    """Write the models to `path` byte for byte the same for the same weights (sorted keys,
    single-precision floats, which keep more digits than the training data earns)."""
    payload = {
        "format": FORMAT,
        "models": {
            label: {"bias": model.bias, "weights": dict(sorted(model.weights.items()))}
            for label, model in sorted(models.items())
        },
    }
    path.write_bytes(msgpack.packb(payload, use_single_float=True))


def load_models(path: Path) -> dict[str, LinearModel]:
    payload = msgpack.unpackb(path.read_bytes(), raw=False, strict_map_key=False)
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise ModelFileError(f"{path} is not a {FORMAT} file")
    return {
        str(label): LinearModel(float(model["bias"]), dict(model["weights"]))
        for label, model in payload["models"].items()
    }
