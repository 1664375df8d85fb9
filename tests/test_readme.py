"""The README starts with the two commands, and CI runs the second one exactly."""

from conftest import ROOT


def test_readme_commands_and_ci_agree():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0].strip() for b in text.split("```sh\n")[1:3]]
    assert blocks[0] == "pip install -e . && vitalegraph build"
    assert "python -m pytest" in blocks[1] and "chromium" in blocks[1]
    assert text.index("```sh") < text.index("#", text.index("# VitaleGraph") + 1)   # the commands come first
    assert blocks[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
