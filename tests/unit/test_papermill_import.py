"""papermill is imported without jsonschema's IRI grammar, whose import raced CPython 3.11's ast in threads."""

import subprocess
import sys

IMPORT_THEN_VALIDATE = """
import sys
from quartieri_erp.pipeline.execute import import_papermill
pm = import_papermill()
import nbformat
nbformat.validate(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1")]))
print(sys.modules.get("rfc3987_syntax"), callable(pm.execute_notebook))
"""


def test_papermill_imports_without_the_iri_grammar_and_still_validates_notebooks():
    result = subprocess.run([sys.executable, "-c", IMPORT_THEN_VALIDATE], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["None", "True"]
