"""The README's Roles table is generated from the roles and the access
matrix (security/), so it cannot drift from what the matrix test checks."""
import os
import subprocess
import sys

from . import matrix


def test_readme_roles_block_is_generated_from_the_matrix():
    with open(matrix.README, encoding="utf-8") as handle:
        block = matrix.readme_block(handle.read())
    assert block is not None, "README.md lost its %s ... %s markers" % (matrix.BEGIN, matrix.END)
    assert block == matrix.render_roles_block(), (
        "README.md's Roles table differs from security/roles.csv and "
        "security/access_matrix.csv: run bin/roles_table.py")


def test_every_role_has_a_column_and_a_readme_row():
    roles = matrix.role_names()
    assert len(set(roles)) == len(roles)
    loaded = matrix.load_matrix()
    for row in loaded.values():
        assert list(row["cells"]) == roles
    for model, _label in matrix.SUMMARY:
        assert model in loaded, model


def test_cells_round_trip():
    states = ("draft", "confirmed", "closed")
    for cell in ("-", "own", "unit", "all", "own(draft)", "unit(draft|confirmed)",
                 "own(draft)+all(closed)", "unit+mine", "unit(draft)+mine"):
        assert matrix.render_cell(matrix.cell_by_state(cell, states)) == cell


def test_roles_table_script_checks_the_readme():
    script = os.path.join(matrix.ROOT, "bin", "roles_table.py")
    result = subprocess.run([sys.executable, script, "--check"], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
