"""Numpy-only static sentence encoder (model2vec-style table distilled from all-MiniLM-L6-v2).

A sentence vector is the mean of the table rows of its WordPiece tokens (BERT uncased), then
L2-normalized. The rows already carry their SIF (Zipf) weight as their norm, so the plain mean is a
weighted mean.
Needs only numpy and a table written by ``distill.py``:

    enc = StaticEncoder.load("tables/m2v_256_i8.npz")
    vecs = enc.encode(["A fire tore through the library.", "The library burned down."])
    cos = vecs @ vecs.T

Tokenization reproduces Hugging Face's ``BertTokenizer`` (do_lower_case=True): clean control
characters, space out CJK ideographs, lowercase, strip accents (NFD, drop Mn), split on whitespace
and on punctuation (ASCII symbols and Unicode P*), then greedy longest-match WordPiece with ``##``
continuations; a word that cannot be pieced (or is longer than 100 characters) becomes ``[UNK]``,
which is dropped, as model2vec does. Special tokens are not added.

Licence of the tables: derived from all-MiniLM-L6-v2 (Apache-2.0).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

__all__ = ["StaticEncoder", "basic_tokenize"]

F32 = npt.NDArray[np.float32]

_MAX_WORD_CHARS = 100
_WORD_CACHE_LIMIT = 200_000


@lru_cache(maxsize=4096)
def _is_punctuation(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp: int) -> bool:
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0x20000 <= cp <= 0x2A6DF
        or 0x2A700 <= cp <= 0x2B73F
        or 0x2B740 <= cp <= 0x2B81F
        or 0x2B820 <= cp <= 0x2CEAF
        or 0xF900 <= cp <= 0xFAFF
        or 0x2F800 <= cp <= 0x2FA1F
    )


def _clean(text: str) -> str:
    """Drop NUL, U+FFFD and control characters, map whitespace to a space, space out CJK."""
    if text.isascii() and text.isprintable():
        return text
    out: list[str] = []
    for ch in text:
        cp = ord(ch)
        if cp == 0 or cp == 0xFFFD:
            continue
        if ch in "\t\n\r" or unicodedata.category(ch) == "Zs":
            out.append(" ")
            continue
        if unicodedata.category(ch) in ("Cc", "Cf"):
            continue
        if _is_cjk(cp):
            out.append(f" {ch} ")
        else:
            out.append(ch)
    return "".join(out)


def _strip_accents(text: str) -> str:
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def _split_punctuation(token: str) -> list[str]:
    out: list[str] = []
    start = 0
    for i, ch in enumerate(token):
        if _is_punctuation(ch):
            if start < i:
                out.append(token[start:i])
            out.append(ch)
            start = i + 1
    if start < len(token):
        out.append(token[start:])
    return out


def basic_tokenize(text: str) -> list[str]:
    """BERT-uncased basic tokenization: the words WordPiece is then applied to."""
    words: list[str] = []
    for token in _strip_accents(_clean(text).lower()).split():
        if token.isalnum():
            words.append(token)
        else:
            words.extend(_split_punctuation(token))
    return words


class StaticEncoder:
    """Sentence vectors from a static WordPiece-token table (numpy only)."""

    def __init__(self, vectors: F32, vocab: Sequence[str], unk_token: str = "[UNK]") -> None:
        if vectors.ndim != 2 or vectors.shape[0] != len(vocab):
            raise ValueError(f"table shape {vectors.shape} does not fit {len(vocab)} tokens")
        self.vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        self.dim = int(vectors.shape[1])
        self._ids = {tok: i for i, tok in enumerate(vocab)}
        self._unk = self._ids.get(unk_token, -1)
        self._max_piece = max(len(t) for t in vocab)
        self._word_cache: dict[str, tuple[int, ...]] = {}

    @classmethod
    def load(cls, path: str | Path) -> StaticEncoder:
        """Load a ``.npz`` table: ``vectors`` (float16/float32, or int8 with a per-row ``scale``)
        and ``vocab`` (UTF-8 bytes, tokens joined by newlines, row order)."""
        with np.load(path, allow_pickle=False) as z:
            vocab = bytes(z["vocab"]).decode("utf-8").split("\n")
            raw = z["vectors"]
            if raw.dtype == np.int8:
                vectors = raw.astype(np.float32) * z["scale"].astype(np.float32)[:, None]
            else:
                vectors = raw.astype(np.float32)
        return cls(vectors, vocab)

    def _wordpiece(self, word: str) -> tuple[int, ...]:
        cached = self._word_cache.get(word)
        if cached is not None:
            return cached
        ids: list[int] = []
        if len(word) > _MAX_WORD_CHARS:
            ids = [self._unk]
        else:
            start, n = 0, len(word)
            while start < n:
                end = min(n, start + self._max_piece)
                found = -1
                while start < end:
                    piece = word[start:end] if start == 0 else "##" + word[start:end]
                    found = self._ids.get(piece, -1)
                    if found >= 0:
                        break
                    end -= 1
                if found < 0:
                    ids = [self._unk]
                    break
                ids.append(found)
                start = end
        result = tuple(i for i in ids if i >= 0 and i != self._unk)
        if len(self._word_cache) >= _WORD_CACHE_LIMIT:
            self._word_cache.clear()
        self._word_cache[word] = result
        return result

    def token_ids(self, text: str) -> list[int]:
        """Vocabulary rows of ``text`` (``[UNK]`` dropped)."""
        ids: list[int] = []
        for word in basic_tokenize(text):
            ids.extend(self._wordpiece(word))
        return ids

    def encode(self, texts: Sequence[str]) -> F32:
        """L2-normalized sentence vectors, shape (len(texts), dim); a text without known tokens
        gets the zero vector (cosine 0 with everything)."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        all_ids: list[int] = []
        offsets: list[int] = []
        nonempty: list[int] = []
        for k, text in enumerate(texts):
            ids = self.token_ids(text)
            if ids:
                offsets.append(len(all_ids))
                nonempty.append(k)
                all_ids.extend(ids)
        if not all_ids:
            return out
        rows = self.vectors[np.asarray(all_ids, dtype=np.intp)]
        sums = np.add.reduceat(rows, np.asarray(offsets, dtype=np.intp), axis=0)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        out[np.asarray(nonempty, dtype=np.intp)] = sums / np.maximum(norms, 1e-12)
        return out
