"""The screenshot of the search page in docs/server.md: serve an index, ask the sample question in chromium, save a PNG.

    python scripts/screenshot.py [--index index/] [--out docs/search-page.png]

Needs `docqa[serve]`, the playwright package and a chromium (Debian: apt-get install chromium).
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

QUESTION = "what did Blinken say about Turkey"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", default="index/")
    parser.add_argument("--out", default="docs/search-page.png")
    parser.add_argument("--chromium", default=os.environ.get("DOCQA_CHROMIUM") or shutil.which("chromium"))
    args = parser.parse_args()
    if not args.chromium:
        sys.exit("no chromium found: apt-get install chromium, or pass --chromium PATH")
    from playwright.sync_api import sync_playwright

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "docqa", "serve", "--index", args.index, "--port", str(port)])
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(base + "/health", timeout=5)
                break
            except OSError:
                time.sleep(0.1)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=args.chromium, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1100, "height": 760}, device_scale_factor=1)
            page.goto(f"{base}/?q={QUESTION.replace(' ', '+')}&k=3&all=1")
            page.screenshot(path=args.out)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
