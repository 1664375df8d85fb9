"""How long a picture takes to draw in headless Chromium: synthetic graphs of several sizes.

    python benchmarks/picture_open.py              # 400, 1000 and 5000 nodes, three loads each
    python benchmarks/picture_open.py 400 10000    # other sizes

Prints, per size, the page's own ``vgReady`` (milliseconds from the start of the page's script until
the network has drawn) of each load and their median. The targets (README, Pictures): a few hundred
nodes within a second, 5,000 within five. The tests check that such pictures open and pan, not how
fast (a timed test fails on a loaded machine); the numbers are measured here.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))      # the tests' headless Chromium (tests/browser.py)


def main(argv: list[str]) -> int:
    from browser import Browser

    from vitalegraph import picture as vp

    sizes = [int(a) for a in argv] or [400, 1000, 5000]
    browser = Browser()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            print(f"{'nodes':>6}  {'edges':>6}  {'loads (ms)':<24}  median ms")
            for n in sizes:
                G = vp.synthetic_graph(n)
                path = Path(tmp) / f"synthetic-{n}.html"
                path.write_text(vp.picture_html(G, title=f"{n} synthetic nodes"), encoding="utf-8")
                loads = [browser.open(path, ready_timeout=120) for _ in range(3)]
                shown = " ".join(f"{t:.0f}" for t in loads)
                print(f"{G.number_of_nodes():>6}  {G.number_of_edges():>6}  {shown:<24}  {statistics.median(loads):.0f}")
    finally:
        browser.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
