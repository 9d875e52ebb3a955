"""Load test of `docqa serve` on loopback: concurrent clients for a bounded time, one reader (one lock)
against a pool of readers, measured in one run.

    python benchmarks/load.py                          # 100k passages, 16 and 64 clients, 30 s each
    python benchmarks/load.py --size 10000 --seconds 10  # a quicker look
    python benchmarks/load.py --index INDEX -q "what did the professor say about the features" -q …

The default store has real text but synthetic vectors, so its hits rarely share the question's
words and every hit's sentences are highlighted by meaning (from the word-piece table since
2026-11-30; through the model before): a pessimistic load.  ``--index``
puts the load on a real index instead, with questions about its documents (``-q``, repeatable).

Only 127.0.0.1 is ever asked; every loop stops by itself after ``--seconds``.
"""

from __future__ import annotations

import argparse
import importlib.util
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ["what did the press secretary say about inflation", "who talked about vaccines for children",
             "sanctions on Russia", "what did Speaker 12 say about infrastructure", "student loans"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(index: str, workers: int, clients: int, seconds: float, questions: list[str] = QUESTIONS) -> dict:
    import httpx

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "docqa", "serve", "--index", index, "--port", str(port), "--workers",
                             str(workers)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            if proc.poll() is not None:
                lines = (proc.stderr.read() if proc.stderr else "").strip().splitlines()
                raise SystemExit(f"load.py: docqa serve stopped: {lines[-1] if lines else 'no message'}")
            try:
                httpx.get(base + "/health", timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        latencies: list[float] = []  # of requests that finished within the window: throughput counts only those
        late = [0]
        errors = [0]
        deadline = time.perf_counter() + seconds

        def client(n: int) -> None:
            with httpx.Client(base_url=base, timeout=60) as http:
                i = n
                while time.perf_counter() < deadline:
                    start = time.perf_counter()
                    try:
                        ok = http.get("/ask", params={"q": questions[i % len(questions)], "k": 5}).status_code == 200
                    except httpx.HTTPError:
                        ok = False
                    end = time.perf_counter()
                    if end > deadline:  # started in the window, finished after it: not part of its throughput
                        late[0] += 1
                        break
                    latencies.append((end - start) * 1000)
                    errors[0] += not ok
                    i += 1

        threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        proc.terminate()
        proc.wait(timeout=60)
    latencies.sort()
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] if latencies else float("nan")  # noqa: E731
    return {"requests": len(latencies), "late": late[0], "per_s": len(latencies) / seconds,
            "p50": statistics.median(latencies) if latencies else 0,
            "p95": pick(0.95), "p99": pick(0.99), "errors": errors[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--clients", type=int, nargs="+", default=[16, 64])
    parser.add_argument("--index", help="an existing index to load (default: a synthetic store of --size passages)")
    parser.add_argument("-q", "--question", action="append", help="a question the clients ask (repeatable)")
    options = parser.parse_args()
    questions = options.question or QUESTIONS
    if options.index:
        store = options.index
    else:
        spec = importlib.util.spec_from_file_location("bench", ROOT / "benchmarks" / "run.py")
        bench = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(bench)  # type: ignore[union-attr]
        store = str(Path(tempfile.mkdtemp(prefix="docqa-load-")) / "store")
        bench.job_store(options.size, store)
    print("| clients | readers | requests/s | p50 ms | p95 ms | p99 ms | errors |\n|---|---|---|---|---|---|---|")
    for clients in options.clients:
        for workers, label in ((1, "1 (one lock)"), (4, "4 (pool)")):
            r = run(store, workers, clients, options.seconds, questions)
            print(f"| {clients} | {label} | {r['per_s']:.1f} | {r['p50']:.0f} | {r['p95']:.0f} | {r['p99']:.0f} "
                  f"| {r['errors']} |", flush=True)


if __name__ == "__main__":
    main()
