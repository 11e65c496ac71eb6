"""The shipped sentence-pair model: reads two sentences together and scores "B says what A says".

A small cross-encoder (MiniLM, 6 layers) trained by ``training/train_pair_model.py`` on public
paraphrase and similarity pairs, exported to ONNX and quantized to int8. It is run with
onnxruntime on the CPU; the word-piece tokenizer is the ``tokenizers`` package reading the
shipped ``tokenizer.json``. Both files live in ``resources/model``; nothing is downloaded.

The model is loaded once, on first use, and kept for the life of the process (``load()``): the
loaded session is never changed after that, so threads may share it. A missing or unreadable
model file makes ``load()`` answer None (logged once) and the comparison stays lexical.

Imports: numpy, onnxruntime, tokenizers; core nothing.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib.resources import as_file, files
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

#: the model and tokenizer files inside the ``resources`` package
MODEL_FILE = "pair_model.onnx"
TOKENIZER_FILE = "tokenizer.json"
#: longest input in word pieces (both sentences with their separators); longer pairs are cut
MAX_TOKENS = 128
#: pairs run through the model at once; the cancel check runs between batches
BATCH = 16
#: threads onnxruntime may use (the machine the product targets has two cores)
THREADS = 2


def model_dir() -> Path:
    """Folder of the shipped model files."""
    with as_file(files("resources") / "model") as folder:
        return Path(folder)


def model_available() -> bool:
    """Whether the model file ships with this installation."""
    return (model_dir() / MODEL_FILE).is_file()


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@dataclass(frozen=True, slots=True)
class PairModel:
    """A loaded model: an onnxruntime session and its tokenizer (never changed once made)."""

    session: object  # onnxruntime.InferenceSession (the package ships no type hints)
    tokenizer: object  # tokenizers.Tokenizer

    def score(
        self, pairs: Sequence[tuple[str, str]], tick: Callable[[], None] | None = None
    ) -> list[float]:
        """Probability, per (a, b) pair, that the two sentences state the same thing.

        Each pair is read in one fixed order of its two texts (the smaller string first), so
        the score of (a, b) is the score of (b, a) and swapping the articles mirrors the links.
        Pairs run in batches of similar length; ``tick`` is called between batches (it may
        raise to cancel).
        """
        pairs = [(x, y) if x <= y else (y, x) for x, y in pairs]

        # batches are made from the texts alone (not their positions), so the same pairs form
        # the same batches whichever article is A: int8 activations are scaled per batch
        def key(k: int) -> tuple[int, tuple[str, str]]:
            return len(pairs[k][0]) + len(pairs[k][1]), pairs[k]

        order = sorted(range(len(pairs)), key=key)
        out = [0.0] * len(pairs)
        for start in range(0, len(order), BATCH):
            if tick is not None:
                tick()
            ks = order[start : start + BATCH]
            probs = self._run([pairs[k] for k in ks])
            for k, p in zip(ks, probs, strict=True):
                out[k] = p
        return out

    def _run(self, pairs: list[tuple[str, str]]) -> list[float]:
        encs = self.tokenizer.encode_batch(pairs)  # type: ignore[attr-defined]
        ids = np.array([e.ids for e in encs], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encs], dtype=np.int64)
        types = np.array([e.type_ids for e in encs], dtype=np.int64)
        feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
        logits = self.session.run(["logits"], feed)[0][:, 0]  # type: ignore[attr-defined]
        return [float(x) for x in 1.0 / (1.0 + np.exp(-logits.astype(np.float64)))]


_lock = threading.Lock()
_loaded: list[PairModel | None] = []  # empty until the first load() (then one entry)


def load() -> PairModel | None:
    """The shipped model, loaded on first call and cached; None when it cannot be loaded."""
    with _lock:
        if not _loaded:
            _loaded.append(_load(model_dir()))
        return _loaded[0]


def _load(folder: Path) -> PairModel | None:
    model, vocab = folder / MODEL_FILE, folder / TOKENIZER_FILE
    if not (model.is_file() and vocab.is_file()):
        return None
    try:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = THREADS
        opts.inter_op_num_threads = 1
        session = ort.InferenceSession(str(model), opts, providers=["CPUExecutionProvider"])
        tok = Tokenizer.from_file(str(vocab))
        tok.enable_truncation(MAX_TOKENS, strategy="longest_first")
        tok.enable_padding(pad_id=0, pad_token="[PAD]")
    except Exception as exc:  # a damaged file must not stop the comparison
        log.warning("%s: the pair model could not be loaded (%s); comparing lexically", model, exc)
        return None
    return PairModel(session, tok)
