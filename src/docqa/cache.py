"""Where docqa caches what it can make again (ONNX exports of models, indexes of evaluation datasets)."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir(*parts: str) -> Path:
    """``$XDG_CACHE_HOME/docqa/...`` (``~/.cache/docqa/...`` by default); not created here.

    >>> cache_dir("encoders").name
    'encoders'
    """
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")).joinpath("docqa", *parts)
