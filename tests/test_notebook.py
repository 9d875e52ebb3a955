"""The worked example in notebooks/ runs top to bottom, so it never rots."""

from __future__ import annotations

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow


def test_quickstart_notebook_executes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    notebook = nbformat.read(ROOT / "notebooks" / "quickstart.ipynb", as_version=4)
    client = nbclient.NotebookClient(notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}})
    client.execute()
    outputs = "".join(
        out.get("text", "") + str(out.get("data", {}).get("text/plain", ""))
        for cell in notebook.cells if cell.cell_type == "code" for out in cell.get("outputs", [])
    )
    assert "Antony Blinken" in outputs and "Turkey" in outputs
