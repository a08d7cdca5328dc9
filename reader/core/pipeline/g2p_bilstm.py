"""Polyphone classifier (core layer): a batched numpy forward pass of the g2pM BiLSTM.

The network and its weights are g2pM's (Park & Lee, Interspeech 2020; Apache License 2.0), read from the
installed `g2pM` package. This module only reimplements the forward pass: float32, all sentences of a call
in one padded batch, both directions in one loop of in-place numpy calls, input projections precomputed per
vocabulary entry. It returns raw class scores; the caller restricts them to each character's own readings
(the original package picks the best of all 876 classes, so it can give a character a reading it never has).
Its outputs match the original package's predictions.
"""
from __future__ import annotations

import importlib.util
import pickle
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

_UNK = "<UNK>"
_BOS = "시"  # g2pM's begin/end-of-sentence tokens (characters never seen in Chinese text)
_EOS = "끝"


def _package_dir() -> Path:
    spec = importlib.util.find_spec("g2pM")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("the g2pM package (polyphone model weights) is not installed")
    return Path(spec.origin).parent


def _load_pickle(path: Path) -> object:
    with path.open("rb") as handle:
        return pickle.load(handle)  # noqa: S301 - the package's own shipped files


def to_model_reading(reading: str) -> str:
    """TONE3 with `v` (lv4) → the model's CC-CEDICT spelling (lu:4)."""
    return reading.replace("v", "u:")


def from_model_reading(reading: str) -> str:
    """The model's CC-CEDICT spelling (lu:4) → TONE3 with `v` (lv4)."""
    return reading.replace("u:", "v")


class BiLSTMPolyphone:
    """g2pM's one-layer BiLSTM + two-layer classifier, evaluated in batches with numpy."""

    def __init__(self, package_dir: Path | None = None) -> None:
        folder = package_dir or _package_dir()
        weights = _load_pickle(folder / "np_ckpt.pkl")
        assert isinstance(weights, dict)
        self.char2idx: dict[str, int] = _load_pickle(folder / "char2idx.pkl")  # type: ignore[assignment]
        class2idx: dict[str, int] = _load_pickle(folder / "class2idx.pkl")  # type: ignore[assignment]
        cedict: dict[str, list[str]] = _load_pickle(folder / "digest_cedict.pkl")  # type: ignore[assignment]
        self.class2idx = {from_model_reading(k): v for k, v in class2idx.items()}
        # Readings of the characters the model was trained to disambiguate (CC-CEDICT digest).
        self.model_readings: dict[str, tuple[str, ...]] = {
            char: tuple(from_model_reading(r) for r in prons)
            for char, prons in cedict.items() if len(prons) > 1
        }

        def w(name: str) -> np.ndarray:
            return np.asarray(weights[name], dtype=np.float32)

        self.embedding = w("embedding.weight")
        h = w("lstm.weight_hh_l0").shape[1]
        self.hidden = h
        # PyTorch gate order is (i, f, g, o). Both directions run in one loop on one state vector
        # [h_fw | h_bw], with the gate columns regrouped as [i_fw i_bw f_fw f_bw o_fw o_bw | g_fw g_bw]
        # so that a single tanh serves all gates: sigmoid(x) = (tanh(x / 2) + 1) / 2, hence the
        # sigmoid columns are pre-scaled by 1/2.
        order = (0, 1, 3, 2)  # i, f, o, g
        scale = (0.5, 0.5, 0.5, 1.0)

        def regroup(fw: np.ndarray, bw: np.ndarray) -> np.ndarray:
            # fw, bw: [..., 4h] in PyTorch order -> [..., 8h] in the fused order, scaled.
            parts = []
            for gate, factor in zip(order, scale, strict=True):
                for mat in (fw, bw):
                    parts.append(mat[..., gate * h:(gate + 1) * h] * np.float32(factor))
            return np.concatenate(parts, axis=-1)

        w_ih, w_ih_rev = w("lstm.weight_ih_l0").T, w("lstm.weight_ih_l0_reverse").T
        bias = regroup(w("lstm.bias_ih_l0") + w("lstm.bias_hh_l0"),
                       w("lstm.bias_ih_l0_reverse") + w("lstm.bias_hh_l0_reverse"))
        # Input projection of every vocabulary entry, precomputed (5,398 × 256 floats per direction):
        # a step's input is then a table lookup instead of a matrix product.
        self.proj_fw = self.embedding @ regroup(w_ih, np.zeros_like(w_ih)) + bias
        self.proj_bw = self.embedding @ regroup(np.zeros_like(w_ih_rev), w_ih_rev)
        w_hh, w_hh_rev = w("lstm.weight_hh_l0").T, w("lstm.weight_hh_l0_reverse").T
        self.w_hh = np.concatenate([
            regroup(w_hh, np.zeros_like(w_hh)),  # rows fed by h_fw
            regroup(np.zeros_like(w_hh_rev), w_hh_rev),  # rows fed by h_bw
        ], axis=0)  # [2h, 8h]
        self.fc0_w = w("logit_layer.0.weight").T
        self.fc0_b = w("logit_layer.0.bias")
        self.fc1_w = w("logit_layer.2.weight").T
        self.fc1_b = w("logit_layer.2.bias")
        self.unk = self.char2idx[_UNK]
        self.bos = self.char2idx[_BOS]
        self.eos = self.char2idx[_EOS]

    def knows(self, reading: str) -> bool:
        return reading in self.class2idx

    def _encode(self, sentences: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Token ids in reading order and reversed (each row reversed within its own length), lengths."""
        lengths = np.array([len(s) + 2 for s in sentences], dtype=np.int64)
        steps = int(lengths.max())
        ids = np.zeros((steps, len(sentences)), dtype=np.int64)  # [time, batch]; 0 = padding
        ids_rev = np.zeros_like(ids)
        get = self.char2idx.get
        for col, sentence in enumerate(sentences):
            tokens = [self.bos, *(get(c, self.unk) for c in sentence), self.eos]
            ids[: len(tokens), col] = tokens
            ids_rev[: len(tokens), col] = tokens[::-1]
        return ids, ids_rev, lengths

    def _run(self, sentences: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Hidden states [time, batch, 2h]: forward half in reading order, backward half in reversed order."""
        ids, ids_rev, lengths = self._encode(sentences)
        steps, batch = ids.shape
        h2 = 2 * self.hidden
        x = self.proj_fw[ids]
        x += self.proj_bw[ids_rev]  # [t, b, 8h], biases included
        out = np.empty((steps, batch, h2), dtype=np.float32)
        cell = np.zeros((batch, h2), dtype=np.float32)
        state = np.zeros((batch, h2), dtype=np.float32)
        gates = np.empty((batch, 4 * h2), dtype=np.float32)
        tmp = np.empty((batch, h2), dtype=np.float32)
        sig, in_gate = gates[:, : 3 * h2], gates[:, :h2]
        forget, out_gate, cand = gates[:, h2 : 2 * h2], gates[:, 2 * h2 : 3 * h2], gates[:, 3 * h2 :]
        dot, add, mul, tanh, w_hh = np.dot, np.add, np.multiply, np.tanh, self.w_hh
        # In-place numpy calls: the cost of a step is the number of calls, not the arithmetic.
        for t in range(steps):
            dot(state, w_hh, out=gates)
            add(gates, x[t], out=gates)
            tanh(gates, out=gates)
            mul(sig, 0.5, out=sig)
            add(sig, 0.5, out=sig)  # sigmoid(z) = (tanh(z / 2) + 1) / 2; the / 2 is in the weights
            mul(forget, cell, out=cell)
            mul(in_gate, cand, out=tmp)
            add(cell, tmp, out=cell)
            tanh(cell, out=tmp)
            state = out[t]
            mul(out_gate, tmp, out=state)
        return out, lengths

    def logits(self, sentences: Sequence[str], positions: Iterable[tuple[int, int]]) -> np.ndarray:
        """Class scores [n, classes] for (sentence index, character index) pairs."""
        pairs = list(positions)
        if not pairs:
            return np.zeros((0, len(self.class2idx)), dtype=np.float32)
        out, lengths = self._run(sentences)
        h = self.hidden
        rows = np.array([p[0] for p in pairs])
        times = np.array([p[1] + 1 for p in pairs])  # +1: BOS
        forward = out[times, rows, :h]
        backward = out[lengths[rows] - 1 - times, rows, h:]
        states = np.concatenate([forward, backward], axis=1)
        hidden = np.maximum(states @ self.fc0_w + self.fc0_b, 0.0)
        return hidden @ self.fc1_w + self.fc1_b
