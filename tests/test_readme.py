"""The README starts with the two commands, both in a fresh virtual environment, and CI runs the
second one exactly."""

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

VENV = "python3 -m venv .venv && . .venv/bin/activate && "


def _blocks() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert text.index("```sh") < text.index("#", text.index("# VitaleGraph") + 1)   # the commands come first
    return [b.split("```", 1)[0].strip() for b in text.split("```sh\n")[1:3]]


def test_first_command_installs_into_a_venv_and_builds():
    assert _blocks()[0] == VENV + "pip install -e . && vitalegraph build"


def test_second_command_installs_chromium_virtuoso_and_the_test_extra_into_a_venv():
    second = _blocks()[1]
    # npm from Debian only where none is installed (Debian's npm conflicts with a nodejs from elsewhere)
    assert second.startswith("apt-get update && apt-get install -y chromium chromium-driver virtuoso-opensource && "
                             "(command -v npm > /dev/null || apt-get install -y npm) && " + VENV)
    # axe-core for tests/test_accessibility.py, into the virtual environment's folder (gitignored)
    assert VENV + "npm install --prefix .venv/npm --no-audit --no-fund axe-core@4 && pip install" in second
    assert second.endswith("pip install -e '.[test]' && python -m pytest -q")
    assert "--system-site-packages" not in second


def test_ci_runs_the_second_command_from_nothing():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    lines = [line for line in ci.splitlines() if line and not line.startswith("#")]
    assert _blocks()[1] in lines                       # the very same line, not a variant of it
    assert lines.index("rm -rf .venv") < lines.index(_blocks()[1])   # no environment left from a run before
    assert "--system-site-packages" not in ci
    assert "pip install" not in ci.split(VENV)[0]      # nothing installed into the machine's own Python


def test_tests_run_in_a_venv_of_their_own():
    """What CI runs: this Python is a virtual environment's and sees no system site-packages."""
    if Path(sys.prefix).resolve() != (ROOT / ".venv").resolve():
        return   # run by hand outside the project's .venv: nothing to say about that Python
    out = subprocess.run([sys.executable, "-c", "import sys, site; print(sys.prefix != sys.base_prefix, "
                          "any(p.startswith(sys.base_prefix) and 'site-packages' in p for p in sys.path))"],
                         capture_output=True, text=True, check=True).stdout.split()
    assert out == ["True", "False"]
