"""The worked example in notebooks/ runs top to bottom from either place people open it, and ships
with its outputs (so it reads rendered where it is published)."""

from __future__ import annotations

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow
NOTEBOOK = ROOT / "notebooks" / "quickstart.ipynb"


@pytest.mark.parametrize("start_in", ["repository root", "notebooks/"])
def test_quickstart_notebook_executes(start_in: str) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    folder = ROOT if start_in == "repository root" else ROOT / "notebooks"
    nbclient.NotebookClient(notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()
    outputs = "".join(
        out.get("text", "") + str(out.get("data", {}).get("text/plain", ""))
        for cell in notebook.cells if cell.cell_type == "code" for out in cell.get("outputs", [])
    )
    assert "Antony Blinken" in outputs and "Turkey" in outputs and "relevance" in outputs
    assert "Traceback" not in outputs


def test_the_notebook_ships_with_its_outputs() -> None:
    nbformat = pytest.importorskip("nbformat")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code and all(cell.get("outputs") for cell in code), "run `make notebook` and commit the outputs"
