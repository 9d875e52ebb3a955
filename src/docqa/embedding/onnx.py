"""The query-time encoder without torch: the model exported to ONNX at build time, run with
onnxruntime + tokenizers when questions are asked.

Importing sentence-transformers costs seconds; onnxruntime and tokenizers load and encode a query in
a fraction of one.  The export (transformer, pooling and L2 normalisation in one graph) is made once
per model into a cache, installed in each index by its store (the local store hard-links it into the
generation's ``encoder/``), and checked against the sentence-transformers vectors by the tests.  Models with
modules beyond Transformer → Pooling →
Normalize (a Dense layer, say) are not exported; their indexes fall back to sentence-transformers.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from docqa.cache import cache_dir
from docqa.embedding import INT8_SUFFIX

MODEL_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"
CONFIG_FILE = "encoder.json"
# The export with its graph optimised once and its weights in a file of their own, which onnxruntime maps
# into memory instead of parsing: a question encoder starts in ~10 ms instead of ~170 ms (docs/performance.md).
FAST_MODEL_FILE = "query.onnx"
FAST_WEIGHTS_FILE = "query.weights"
# Every word piece's vector through the model ("[CLS] piece [SEP]"), centred, float16: a sentence's rough vector is
# the mean of its pieces' rows, about 35 times faster than the transformer (highlights; benchmarks/highlights.py).
PIECES_FILE = "pieces.npy"
BATCH = 32
PIECE_BATCH = 1024


def cache_root() -> Path:
    return cache_dir("encoders")


def export(model: Any, name: str, target: Path) -> bool:
    """Export a loaded SentenceTransformer to ``target`` (a folder); False if its shape is not supported.

    Imports torch: for build time only.
    """
    import torch

    modules = list(model)
    kinds = [type(m).__name__ for m in modules]
    if kinds[:2] != ["Transformer", "Pooling"] or any(k != "Normalize" for k in kinds[2:]):
        return False
    transformer, pooling = modules[0], modules[1]
    mode = _pooling_mode(pooling.get_config_dict())
    if mode is None:
        return False
    tokenizer_json = Path(transformer.tokenizer.name_or_path) / TOKENIZER_FILE
    if not tokenizer_json.is_file():
        return False
    auto = transformer.auto_model
    previous = getattr(auto.config, "_attn_implementation", None)
    try:
        auto.set_attn_implementation("eager")  # scaled-dot-product attention does not export cleanly
    except Exception:
        return False
    inputs = [n for n in transformer.tokenizer.model_input_names if n in ("input_ids", "attention_mask", "token_type_ids")]

    class Encoder(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = auto

        def forward(self, *tensors: torch.Tensor) -> torch.Tensor:
            named = dict(zip(inputs, tensors, strict=True))
            hidden = self.model(**named).last_hidden_state
            mask = named["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            if mode == "cls":
                pooled = hidden[:, 0]
            elif mode == "max":
                pooled = hidden.masked_fill(mask == 0, -1e9).max(dim=1).values
            else:
                pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2, dim=1)

    sample = transformer.tokenizer(["a short text", "and a slightly longer one"], padding=True, return_tensors="pt")
    partial = target.with_name(target.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    try:
        import warnings

        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                Encoder().eval(), tuple(sample[n] for n in inputs), str(partial / MODEL_FILE),
                input_names=inputs, output_names=["embedding"],
                dynamic_axes={**{n: {0: "batch", 1: "sequence"} for n in inputs}, "embedding": {0: "batch"}},
                opset_version=17, dynamo=False,
            )
    except Exception:
        shutil.rmtree(partial, ignore_errors=True)
        return False
    finally:
        if previous:
            auto.set_attn_implementation(previous)
    shutil.copyfile(tokenizer_json, partial / TOKENIZER_FILE)
    config = {"model": name, "inputs": inputs, "max_seq_length": int(transformer.max_seq_length), "pooling": mode,
              "dimension": int(auto.config.hidden_size)}
    (partial / CONFIG_FILE).write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    shutil.rmtree(target, ignore_errors=True)
    os.replace(partial, target)
    return True


def _pooling_mode(config: dict[str, Any]) -> str | None:
    """"mean", "cls" or "max" from a Pooling config of either sentence-transformers generation; None otherwise."""
    if "pooling_mode" in config:  # sentence-transformers >= 6
        mode = config["pooling_mode"]
        return mode if mode in ("mean", "cls", "max") else None
    flags = [k for k in ("cls_token", "mean_tokens", "max_tokens") if config.get(f"pooling_mode_{k}")]
    others = [k for k, v in config.items() if k.startswith("pooling_mode_") and v and k[13:] not in ("cls_token", "mean_tokens",
                                                                                                     "max_tokens")]
    if len(flags) != 1 or others:
        return None
    return {"cls_token": "cls", "mean_tokens": "mean", "max_tokens": "max"}[flags[0]]


def cached_export(load_model: Callable[[], Any], name: str, source: Path | None) -> Path | None:
    """The model's export from the cache, made there first if needed (loading the model only then);
    None if it cannot be exported."""
    stamp = ""
    if source is not None and source.exists():
        weights = sorted(p for p in source.rglob("*") if p.suffix in (".safetensors", ".bin"))
        stamp = ";".join(f"{p.name}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in weights)
    key = hashlib.sha256(f"{name}|{source}|{stamp}".encode()).hexdigest()[:16]
    target = cache_root() / key
    if (target / CONFIG_FILE).is_file():
        return target
    return target if export(load_model(), name, target) else None


def prepare_for_questions(folder: Path) -> None:
    """Everything an export needs beside it before an index answers with it: the fast-start form and the piece table."""
    prepare_fast_start(folder)
    prepare_pieces(folder)


def prepare_fast_start(folder: Path) -> None:
    """Save the export in the form a question encoder starts from quickly (``FAST_MODEL_FILE``), once per export.

    The graph is optimised at the level every CPU runs (``ORT_ENABLE_EXTENDED``: operator fusions, no
    hardware-specific layout), so an index copied to another machine still loads it; the weights go to
    ``FAST_WEIGHTS_FILE`` beside it.  Written to a temporary folder and moved in, weights first: a folder
    with ``FAST_MODEL_FILE`` has both.  Nothing is lost if it cannot be made: the encoder loads ``MODEL_FILE``.
    """
    if (folder / FAST_MODEL_FILE).is_file() or not (folder / MODEL_FILE).is_file():
        return
    import tempfile

    try:
        import onnxruntime
    except ImportError:
        return
    partial = Path(tempfile.mkdtemp(prefix=".fast-", dir=folder))
    try:
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_EXTENDED
        options.optimized_model_filepath = str(partial / FAST_MODEL_FILE)
        options.add_session_config_entry("session.optimized_model_external_initializers_file_name", FAST_WEIGHTS_FILE)
        options.add_session_config_entry("session.optimized_model_external_initializers_min_size_in_bytes", "1024")
        onnxruntime.InferenceSession(str(folder / MODEL_FILE), options, providers=["CPUExecutionProvider"])
        os.replace(partial / FAST_WEIGHTS_FILE, folder / FAST_WEIGHTS_FILE)
        os.replace(partial / FAST_MODEL_FILE, folder / FAST_MODEL_FILE)
    except Exception:  # noqa: BLE001 - onnxruntime's errors derive from Exception; none may stop a build
        pass  # a read-only cache, a full disk, an onnxruntime that cannot save: questions load the plain export
    finally:
        shutil.rmtree(partial, ignore_errors=True)


def prepare_pieces(folder: Path) -> None:
    """Save ``PIECES_FILE`` beside an export, once per export (~12 s for MiniLM's 30,522 pieces on 2 cores).

    The distillation model2vec makes (Tulkens & van Dongen, 2024), without its PCA: each vocabulary entry
    encoded alone by the exported model, then centred on the table's mean.  Written to a temporary file and
    moved in.  Nothing is lost if it cannot be made: highlights then encode sentences with the model.
    """
    if (folder / PIECES_FILE).is_file() or not (folder / MODEL_FILE).is_file():
        return
    import tempfile

    partial = Path(tempfile.mkdtemp(prefix=".pieces-", dir=folder))
    try:
        table = OnnxEmbedder(folder).encode_pieces()
        table -= table.mean(axis=0)
        np.save(partial / PIECES_FILE, table.astype(np.float16), allow_pickle=False)
        os.replace(partial / PIECES_FILE, folder / PIECES_FILE)
    except Exception:  # noqa: BLE001 - onnxruntime's errors derive from Exception; none may stop a build
        pass  # a read-only cache, a full disk: highlights encode sentences with the model
    finally:
        shutil.rmtree(partial, ignore_errors=True)


def quantized(exported: Path) -> Path:
    """The int8 version of an export (dynamic quantisation, per channel), cached beside it."""
    target = exported.with_name(exported.name + "-int8")
    if (target / CONFIG_FILE).is_file():
        return target
    from onnxruntime.quantization import QuantType, quantize_dynamic

    partial = target.with_name(target.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    import logging

    root_logger = logging.getLogger()
    level = root_logger.level
    root_logger.setLevel(logging.ERROR)  # onnxruntime logs advice on the root logger
    try:
        # per-channel keeps the vectors close to fp32 (mean cosine ~0.99; per-tensor only ~0.95)
        quantize_dynamic(str(exported / MODEL_FILE), str(partial / MODEL_FILE), per_channel=True, weight_type=QuantType.QInt8)
    finally:
        root_logger.setLevel(level)
    shutil.copyfile(exported / TOKENIZER_FILE, partial / TOKENIZER_FILE)
    config = json.loads((exported / CONFIG_FILE).read_text(encoding="utf-8"))
    config["model"] += INT8_SUFFIX
    (partial / CONFIG_FILE).write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    shutil.rmtree(target, ignore_errors=True)
    os.replace(partial, target)
    return target


class OnnxEmbedder:
    """Encodes with an exported model: onnxruntime + tokenizers, no torch.

    ``OnnxEmbedder(folder).encode(["Turkey"])`` gives one 384-dimensional row for MiniLM, with ``folder`` an
    index's ``encoder/`` (or any export made by ``cached_export``).
    """

    def __init__(self, folder: Path, threads: int | None = None, query_folder: Path | None = None,
                 fast_start: bool = False, prepack: bool = True) -> None:
        """``fast_start``: load the saved optimised form if the folder has one (``prepare_fast_start``).
        ``prepack``: pre-pack the weights of that form (0.05 s more to start, ~2 ms less per question); a
        one-shot question is faster without."""
        import onnxruntime

        self.folder = folder
        # The encoder an index built with this one should answer with: an int8 model's fp32 original
        # (quantisation error on one side only: SciFact nDCG@10 -0.8 points instead of -1.4).
        self.query_folder = query_folder or folder
        from tokenizers import Tokenizer

        config = json.loads((folder / CONFIG_FILE).read_text(encoding="utf-8"))
        self.name: str = config["model"]
        self._dimension = int(config["dimension"])
        self._inputs: list[str] = config["inputs"]
        self._tokenizer = Tokenizer.from_file(str(folder / TOKENIZER_FILE))
        self._tokenizer.enable_truncation(max_length=int(config["max_seq_length"]))
        self._tokenizer.no_padding()
        options = self._options(onnxruntime, threads)
        self._session = None
        self.model_file = folder / MODEL_FILE  # the file the session was made from
        if fast_start and (folder / FAST_MODEL_FILE).is_file():
            options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_DISABLE_ALL  # done when saved
            if not prepack:
                options.add_session_config_entry("session.disable_prepacking", "1")
            try:
                self._session = onnxruntime.InferenceSession(str(folder / FAST_MODEL_FILE), options,
                                                             providers=["CPUExecutionProvider"])
                self.model_file = folder / FAST_MODEL_FILE
            except Exception:  # damaged, or saved by another onnxruntime: the plain export still loads
                options = self._options(onnxruntime, threads)
        if self._session is None:
            self._session = onnxruntime.InferenceSession(str(self.model_file), options, providers=["CPUExecutionProvider"])

    @staticmethod
    def _options(onnxruntime: Any, threads: int | None) -> Any:
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads or int(os.environ.get("DOCQA_ONNX_THREADS") or 0) or min(4, os.cpu_count() or 1)
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        return options

    @property
    def dimension(self) -> int:
        return self._dimension

    def query_encoder(self) -> Path:
        """The export questions are encoded with: this one, or the fp32 original of an int8 model."""
        return self.query_folder

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self._dimension), dtype=np.float32)
        if not texts:
            return out
        encodings = self._tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))  # similar lengths share a batch
        for start in range(0, len(order), BATCH):
            rows = order[start : start + BATCH]
            width = max(len(encodings[i].ids) for i in rows)
            feed = {name: np.zeros((len(rows), width), dtype=np.int64) for name in self._inputs}
            for r, i in enumerate(rows):
                enc = encodings[i]
                n = len(enc.ids)
                feed["input_ids"][r, :n] = enc.ids
                feed["attention_mask"][r, :n] = 1
                if "token_type_ids" in feed:
                    feed["token_type_ids"][r, :n] = enc.type_ids
            out[rows] = self._session.run(None, feed)[0]
        return out

    @functools.cached_property
    def _pieces(self) -> np.ndarray | None:
        """The folder's piece table, mapped into memory (rows are read as sentences need them); None without one,
        or with one that is not this tokenizer's and model's (a row per vocabulary entry, the model's width)."""
        path = self.folder / PIECES_FILE
        try:
            table = np.load(path, mmap_mode="r", allow_pickle=False) if path.is_file() else None
        except (OSError, ValueError):  # damaged or truncated: highlights run the model instead
            return None
        wanted = (self._tokenizer.get_vocab_size(), self._dimension)
        return table if table is not None and table.shape == wanted else None

    def encode_pieces(self) -> np.ndarray:
        """Every vocabulary entry's vector, each encoded alone between the tokenizer's own start and end marks."""
        size = self._tokenizer.get_vocab_size()
        around = self._tokenizer.encode("")  # e.g. [CLS] [SEP]: where a piece goes between them
        first, last = list(around.ids[:1]), list(around.ids[1:])
        out = np.zeros((size, self._dimension), dtype=np.float32)
        for start in range(0, size, PIECE_BATCH):
            ids = np.arange(start, min(size, start + PIECE_BATCH), dtype=np.int64)
            columns = [np.full(len(ids), i, dtype=np.int64) for i in first] + [ids]
            columns += [np.full(len(ids), i, dtype=np.int64) for i in last]
            feed = {"input_ids": np.stack(columns, axis=1)}
            feed["attention_mask"] = np.ones_like(feed["input_ids"])
            if "token_type_ids" in self._inputs:
                feed["token_type_ids"] = np.zeros_like(feed["input_ids"])
            out[ids] = self._session.run(None, feed)[0]
        return out

    def encode_rough(self, texts: Sequence[str]) -> np.ndarray:
        """Sentences as the mean of their word pieces' vectors (``prepare_pieces``), normalised: for choosing the
        sentence of a passage closest to a question's vector, not for search.  Without the table, the model's vectors.
        Against the model's choice on QMSum turns that share no word with the question: the same sentence 58 %
        of the time (train and val), the first sentence 25 % (val 21 %); ``benchmarks/highlights.py``."""
        table = self._pieces
        if table is None:
            return self.encode(texts)
        out = np.zeros((len(texts), self._dimension), dtype=np.float32)
        for row, encoding in enumerate(self._tokenizer.encode_batch(list(texts))):
            ids = [i for i, special in zip(encoding.ids, encoding.special_tokens_mask, strict=True) if not special]
            if ids:
                vector = np.asarray(table[sorted(ids)], dtype=np.float32).mean(axis=0)
                out[row] = vector / (float(np.linalg.norm(vector)) or 1.0)
        return out
