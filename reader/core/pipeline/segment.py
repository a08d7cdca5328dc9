"""Word segmentation with jieba (core layer, pipeline). Loaded lazily; quiet; cache kept in our cache folder."""
from __future__ import annotations

import logging
import threading

_lock = threading.Lock()
_tokenizer = None


def _get_tokenizer():  # noqa: ANN202 - jieba has no type hints
    global _tokenizer
    with _lock:
        if _tokenizer is None:
            import jieba

            from reader.core.paths import cache_dir

            jieba.setLogLevel(logging.WARNING)
            tokenizer = jieba.Tokenizer()
            try:
                folder = cache_dir()
                folder.mkdir(parents=True, exist_ok=True)
                tokenizer.tmp_dir = str(folder)
            except OSError:
                pass  # jieba falls back to the system temp folder
            tokenizer.initialize()
            _tokenizer = tokenizer
        return _tokenizer


def segment(text: str) -> list[str]:
    """Split `text` into words; the concatenation of the result is exactly `text`."""
    if not text:
        return []
    return list(_get_tokenizer().cut(text, HMM=True))


def warm_up() -> None:
    """Load the segmenter's dictionary now (it takes about a second the first time)."""
    _get_tokenizer()
