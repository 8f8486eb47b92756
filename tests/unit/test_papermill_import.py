"""papermill is imported without jsonschema's IRI grammar, whose import raced CPython 3.11's ast in threads."""

import subprocess
import sys

IMPORT_THEN_PARAMETERISE = """
import sys
from quartieri_erp.pipeline.execute import import_papermill
pm = import_papermill()
import nbformat
nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["parameters"]})])
nbformat.validate(nb)
from papermill.parameterize import parameterize_notebook
out = parameterize_notebook(nb, {"x": 2}, kernel_name="python3", language="python", report_mode=False)
print(sys.modules.get("rfc3987_syntax"), sum("x = 2" in c.source for c in out.cells))
"""


def test_papermill_imports_without_the_iri_grammar_and_still_parameterises_notebooks():
    result = subprocess.run([sys.executable, "-c", IMPORT_THEN_PARAMETERISE], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["None", "1"]
