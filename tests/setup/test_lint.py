"""Lint runs with the tests, so a manifest without a license, a print left
behind or an unused import fails the suite early."""
import os
import subprocess
import sys

BIN = os.path.dirname(sys.executable)
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run(*command):
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_finds_nothing():
    result = run(os.path.join(BIN, "ruff"), "check", "--no-cache", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_pylint_odoo_finds_nothing():
    addons = sorted(
        os.path.join("addons", name) for name in os.listdir(os.path.join(ROOT, "addons"))
        if os.path.isfile(os.path.join(ROOT, "addons", name, "__manifest__.py")))
    assert len(addons) >= 5
    result = run(os.path.join(BIN, "pylint"), "--rcfile=.pylintrc", *addons)
    assert result.returncode == 0, result.stdout + result.stderr


def test_pylint_odoo_would_catch_a_manifest_without_license(tmp_path):
    addon = tmp_path / "aux_broken"
    addon.mkdir()
    (addon / "__init__.py").write_text("")
    (addon / "README.rst").write_text("Broken\n======\n")
    (addon / "__manifest__.py").write_text(
        '{"name": "Broken", "version": "11.0.1.0.0", '
        '"author": "Auxiliary Personnel Project", "depends": ["base"]}\n')
    result = run(os.path.join(BIN, "pylint"), "--rcfile=.pylintrc", str(addon))
    assert result.returncode != 0
    assert "manifest-required-key" in result.stdout
