"""Every notebook in notebooks/ is stored without outputs and runs top to bottom without an error.

Each runs with nbclient on the ``python3`` kernel, in the project folder (as the README's commands).
"""

from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks():
    assert [p.name for p in NOTEBOOKS if p.name == "analyst.ipynb"] == ["analyst.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_is_stored_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.outputs == [] and c.execution_count is None for c in code)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_top_to_bottom(path):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}})
    try:
        client.execute()
    except CellExecutionError as exc:
        pytest.fail(f"{path.name}: a cell failed: {str(exc).splitlines()[0] if str(exc) else exc!r}", pytrace=False)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []
    assert all(c.execution_count for c in nb.cells if c.cell_type == "code")
    if path.name == "analyst.ipynb":
        outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
        plots = [o for o in outputs if "image/png" in o.get("data", {})]
        assert len(plots) >= 3, "the bar chart, the department x district matrix and the linkers"
        sentences = [o["data"]["text/markdown"] for o in outputs if "text/markdown" in o.get("data", {})]
        assert len(sentences) >= 8 and any("reach the most districts" in s for s in sentences)
        tables = "".join(o["data"].get("text/html", "") for o in outputs if "data" in o)
        assert "https://w3id.org/vitalegraph/id/" not in tables.split("<iframe")[0]    # short labels, no IRIs
