#!/usr/bin/env python3
"""Regenerate the Roles block of README.md (between <!-- roles:begin --> and
<!-- roles:end -->) from security/roles.csv and security/access_matrix.csv.

    bin/roles_table.py            rewrite the block in README.md
    bin/roles_table.py --check    exit 1 if the block differs (what the test checks)

Only the block changes; the rest of the README is left as it is."""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from tests.access import matrix  # noqa: E402  (needs ROOT on the path)


def main(argv):
    with open(matrix.README, encoding="utf-8") as handle:
        text = handle.read()
    current = matrix.readme_block(text)
    if current is None:
        sys.stderr.write("README.md has no %s ... %s block\n" % (matrix.BEGIN, matrix.END))
        return 2
    wanted = matrix.render_roles_block()
    if "--check" in argv:
        if current != wanted:
            sys.stderr.write("README.md's Roles block is out of date: run bin/roles_table.py\n")
            return 1
        return 0
    if current != wanted:
        with open(matrix.README, "w", encoding="utf-8") as handle:
            handle.write(text.replace(current, wanted))
        sys.stdout.write("README.md: Roles block regenerated\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
