"""Run the notebooks in place and save their outputs, so they read rendered where they are published.

    python notebooks/execute.py        # (make notebook)
"""

from __future__ import annotations

from pathlib import Path

import nbclient
import nbformat

HERE = Path(__file__).resolve().parent

for path in sorted(HERE.glob("*.ipynb")):
    notebook = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(HERE)}}).execute()
    nbformat.write(notebook, path)
    print(f"executed {path.name}")
