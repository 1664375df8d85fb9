"""Comparison of the cases: the coalition structure of each adoption team beside its outcome.

* :mod:`.coalitions` — the case table (one row per adoption team), every sourced cell with its quote;
* :mod:`.compare` — a crisp-set truth table (in the manner of QCA) over a few conditions of the table.

Both work on the built graph through SPARQL and name nothing of the corpus in code: a corpus in the
same formats with other teams and other evaluations gives its own table.
"""

from .coalitions import CASE_COLUMNS, SOURCED, Case, CaseTable, Evidence, case_table
from .compare import CONDITIONS, DEFAULT_CONDITIONS, TruthTable, truth_table

__all__ = ["CASE_COLUMNS", "SOURCED", "Case", "CaseTable", "Evidence", "case_table", "CONDITIONS", "DEFAULT_CONDITIONS",
           "TruthTable", "truth_table"]
