"""Polyphone classifier (core layer): a batched numpy forward pass of the g2pM BiLSTM.

The network and its weights are g2pM's (Park & Lee, Interspeech 2020; Apache License 2.0), read from the
installed `g2pM` package. This module only reimplements the forward pass: float32, all sentences of a call
in one padded batch, both directions in one loop, and the output restricted to the readings the caller
allows for each character (the original picks the best of all 876 classes, so it can give a character a
reading it never has).
"""
from __future__ import annotations

import importlib.util
import pickle
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

_UNK = "<UNK>"
_BOS = "시"  # g2pM's begin/end-of-sentence tokens (characters never seen in Chinese text)
_EOS = "끝"


@dataclass(frozen=True)
class Query:
    """One character to classify: which sentence, which position, and the readings allowed for it."""

    sentence: int
    position: int
    candidates: tuple[str, ...]


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
        self.w_ih_fw = regroup(w_ih, np.zeros_like(w_ih))  # [d, 8h], feeds the forward columns only
        self.w_ih_bw = regroup(np.zeros_like(w_ih_rev), w_ih_rev)
        self.bias = regroup(w("lstm.bias_ih_l0") + w("lstm.bias_hh_l0"),
                            w("lstm.bias_ih_l0_reverse") + w("lstm.bias_hh_l0_reverse"))
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

    def _encode(self, sentences: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        lengths = np.array([len(s) + 2 for s in sentences], dtype=np.int64)
        ids = np.zeros((len(sentences), int(lengths.max())), dtype=np.int64)  # 0 = padding
        get = self.char2idx.get
        for row, sentence in enumerate(sentences):
            ids[row, : lengths[row]] = [self.bos, *(get(c, self.unk) for c in sentence), self.eos]
        return ids, lengths

    def _states(self, sentences: Sequence[str]) -> np.ndarray:
        """Concatenated forward/backward hidden states, [batch, time, 2h] (time includes BOS/EOS)."""
        ids, lengths = self._encode(sentences)
        batch, steps = ids.shape
        h = self.hidden
        emb = self.embedding[ids]  # [b, t, d]
        # The backward direction reads each sentence from its own last token: reverse row by row.
        rev_index = lengths[:, None] - 1 - np.arange(steps)[None, :]
        rev_index = np.where(rev_index >= 0, rev_index, 0)
        emb_rev = np.take_along_axis(emb, rev_index[:, :, None], axis=1)
        x = emb @ self.w_ih_fw + emb_rev @ self.w_ih_bw + self.bias  # [b, t, 8h]
        x = np.ascontiguousarray(x.transpose(1, 0, 2))  # [t, b, 8h]
        out = np.empty((steps, batch, 2 * h), dtype=np.float32)
        state = np.zeros((batch, 2 * h), dtype=np.float32)
        cell = np.zeros((batch, 2 * h), dtype=np.float32)
        w_hh = self.w_hh
        for t in range(steps):
            gates = np.tanh(x[t] + state @ w_hh)
            sig = gates[:, : 6 * h] * 0.5 + 0.5
            cell = sig[:, 2 * h: 4 * h] * cell + sig[:, : 2 * h] * gates[:, 6 * h:]
            state = sig[:, 4 * h:] * np.tanh(cell)
            out[t] = state
        out = out.transpose(1, 0, 2)  # [b, t, 2h]
        # The forward half is in reading order; put the backward half back in reading order too.
        backward = np.take_along_axis(out[:, :, h:], rev_index[:, :, None], axis=1)
        return np.concatenate([out[:, :, :h], backward], axis=2)

    def logits(self, sentences: Sequence[str], positions: Iterable[tuple[int, int]]) -> np.ndarray:
        """Class scores [n, classes] for (sentence index, character index) pairs."""
        pairs = list(positions)
        if not pairs:
            return np.zeros((0, len(self.class2idx)), dtype=np.float32)
        states = self._states(sentences)
        rows = np.array([p[0] for p in pairs])
        cols = np.array([p[1] + 1 for p in pairs])  # +1: BOS
        hidden = np.maximum(states[rows, cols] @ self.fc0_w + self.fc0_b, 0.0)
        return hidden @ self.fc1_w + self.fc1_b

    def classify(self, sentences: Sequence[str], queries: Sequence[Query]) -> list[str | None]:
        """Best allowed reading for each query; None when the model knows none of its candidates."""
        if not queries:
            return []
        scores = self.logits(sentences, ((q.sentence, q.position) for q in queries))
        results: list[str | None] = []
        for row, query in zip(scores, queries, strict=True):
            known = [r for r in query.candidates if r in self.class2idx]
            if not known:
                results.append(None)
                continue
            results.append(max(known, key=lambda r: row[self.class2idx[r]]))
        return results
