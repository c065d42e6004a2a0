"""Reader of the access matrix in ``security/`` (see ``security/README.md``)
and renderer of the README's Roles block.  Pure Python: no Odoo import, so
``bin/roles_table.py`` and the README test run without a database.

Cells of ``access_matrix.csv`` give, per operation ``read/write/create/unlink``,
a scope: ``-`` (none), ``own`` (about the user himself), ``unit`` (own unit
and sub-units), ``all``, ``mine`` (records the user wrote or is assigned,
whoever they are about) or ``mine_in_unit`` (those of them about people of his
unit), optionally limited to states and joined by ``+``:
``own(done)`` is own records in state ``done`` and nothing in the other
states the fixtures build; ``unit+mine`` is the unit's records and the
user's own talks or visits elsewhere."""
import csv
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SECURITY = os.path.join(ROOT, "security")
ROLES_FILE = os.path.join(SECURITY, "roles.csv")
MATRIX_FILE = os.path.join(SECURITY, "access_matrix.csv")
PRIVATE_FILE = os.path.join(SECURITY, "private_fields.csv")
README = os.path.join(ROOT, "README.md")

OPERATIONS = ("read", "write", "create", "unlink")
SCOPES = ("own", "unit", "all", "mine", "mine_in_unit")
KINDS = ("person", "unit", "config", "acl")
BEGIN = "<!-- roles:begin -->"
END = "<!-- roles:end -->"
_PART = re.compile(r"^(own|unit|all|mine|mine_in_unit)(?:\(([\w|]+)\))?$")


def _rows(path):
    """Rows of a CSV file as dicts; lines starting with ``#`` are comments."""
    with open(path, encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.lstrip().startswith("#")]
    return [{key: (value or "").strip() for key, value in row.items()}
            for row in csv.DictReader(lines)]


def load_roles():
    """``[{role, groups (list of xmlids), login, group, who, does}]`` in file order."""
    roles = []
    for row in _rows(ROLES_FILE):
        row["groups"] = row["groups"].split()
        roles.append(row)
    return roles


def role_names():
    return [role["role"] for role in load_roles()]


def load_matrix():
    """``{model: {"kind", "note", "cells": {role: {operation: cell}}}}``."""
    roles = role_names()
    matrix = {}
    for row in _rows(MATRIX_FILE):
        model = row["model"]
        if model in matrix:
            raise ValueError("%s: model %s listed twice" % (MATRIX_FILE, model))
        if row["kind"] not in KINDS:
            raise ValueError("%s: %s: unknown kind %r" % (MATRIX_FILE, model, row["kind"]))
        cells = {}
        for role in roles:
            parts = row[role].split("/")
            if len(parts) != len(OPERATIONS):
                raise ValueError("%s: %s, %s: %r is not read/write/create/unlink"
                                 % (MATRIX_FILE, model, role, row[role]))
            for part in parts:
                parse_cell(part)
            cells[role] = dict(zip(OPERATIONS, parts, strict=True))
        matrix[model] = {"kind": row["kind"], "note": row.get("note", ""), "cells": cells}
    return matrix


def load_private_fields():
    """``{(model, field): {"groups", "note", "cells": {role: "yes" | "-"}}}``."""
    roles = role_names()
    fields = {}
    for row in _rows(PRIVATE_FILE):
        key = (row["model"], row["field"])
        cells = {role: row[role] for role in roles}
        for role, value in cells.items():
            if value not in ("yes", "-"):
                raise ValueError("%s: %s.%s, %s: %r is not yes or -"
                                 % (PRIVATE_FILE, key[0], key[1], role, value))
        fields[key] = {"groups": row["groups"], "note": row.get("note", ""), "cells": cells}
    return fields


def parse_cell(cell):
    """``[(scope, states or None)]``: ``own(done)+mine`` ->
    ``[("own", ("done",)), ("mine", None)]``; ``-`` -> ``[]``."""
    if cell.strip() == "-":
        return []
    parts = []
    for part in cell.split("+"):
        match = _PART.match(part.strip())
        if not match:
            raise ValueError("not a scope: %r (expected -, or own, unit, all, mine, "
                             "mine_in_unit, each "
                             "optionally with (state|state), joined by +)" % cell)
        states = tuple(match.group(2).split("|")) if match.group(2) else None
        parts.append((match.group(1), states))
    return parts


def normalize(scopes):
    """The smallest equivalent set of scopes: all covers everything, unit
    covers own and mine_in_unit, mine covers mine_in_unit."""
    scopes = set(scopes) - {"-"}
    if "all" in scopes:
        return frozenset({"all"})
    if "unit" in scopes:
        scopes -= {"own", "mine_in_unit"}
    if "mine" in scopes:
        scopes.discard("mine_in_unit")
    return frozenset(scopes)


def cell_by_state(cell, states):
    """The scopes of ``cell`` in each of ``states`` (``(None,)`` when the
    fixtures of the model have no state): ``{state: frozenset of scopes}``."""
    result = {state: set() for state in states}
    for scope, limited in parse_cell(cell):
        for state in states:
            if limited is None or state in limited:
                result[state].add(scope)
    return {state: normalize(scopes) for state, scopes in result.items()}


def render_cell(by_state):
    """Inverse of :func:`cell_by_state`: the canonical cell text."""
    by_state = {state: normalize(scopes) for state, scopes in by_state.items()}
    parts = []
    for scope in SCOPES:
        states = [state for state, scopes in by_state.items() if scope in scopes]
        if not states:
            continue
        if len(states) == len(by_state):
            parts.append(scope)
        else:
            parts.append("%s(%s)" % (scope, "|".join(states)))
    return "+".join(parts) or "-"


def cell_grants(cell):
    """Whether ``cell`` grants the operation on some record."""
    return bool(parse_cell(cell))


# README -----------------------------------------------------------------

# personal records summarised in the README, in this order
SUMMARY = (
    ("hr.employee", "files"),
    ("hr.contract", "contracts"),
    ("aux.assessment.sheet", "assessment sheets"),
    ("hr.payslip", "payslips"),
    ("aux.training.enrolment", "training"),
    ("aux.life.event", "life events"),
    ("aux.family.member", "family"),
)


def _summary_cell(cells):
    read, write = cells["read"], cells["write"]
    if not cell_grants(read):
        text = "-"
    elif read == write:
        text = read
    elif not cell_grants(write):
        text = "%s, read only" % read
    else:
        text = "%s, write %s" % (read, write)
    return text.replace("|", "\\|")  # a pipe would end the Markdown table cell


def label_name(label):
    """``Unit Leader (Self-service)`` -> ``Unit Leader``: the README gives the
    implied groups in brackets after the group's own name."""
    return label[:label.rindex(" (")] if label.endswith(")") else label


def render_roles_block(roles=None, matrix=None):
    """The README's Roles block (between the markers), from roles.csv and
    the matrix."""
    roles = roles or load_roles()
    matrix = matrix or load_matrix()
    lines = [
        BEGIN,
        "<!-- generated by bin/roles_table.py from security/roles.csv and "
        "security/access_matrix.csv: edit those, then run it -->",
        "",
        "| group | who | demo login | sees and does |",
        "|---|---|---|---|",
    ]
    for role in roles:
        login = "`%s`" % role["login"] if role["login"] else "-"
        lines.append("| %s | %s | %s | %s |" % (role["group"], role["who"], login, role["does"]))
    lines += [
        "",
        "What each group reads and writes of the personal records: own = the "
        "person's own, unit = own unit and sub-units, all = the whole bureau, "
        "(state) = only in that state, - = nothing. The full matrix, every model and "
        "operation, is `security/access_matrix.csv`, the private fields are in "
        "`security/private_fields.csv` (format: `security/README.md`); `tests/access` "
        "checks every cell against the database for every role.",
        "",
        "| group | %s |" % " | ".join(label for _model, label in SUMMARY),
        "|---|" + "---|" * len(SUMMARY),
    ]
    for role in roles:
        cells = [_summary_cell(matrix[model]["cells"][role["role"]]) for model, _label in SUMMARY]
        lines.append("| %s | %s |" % (label_name(role["group"]), " | ".join(cells)))
    lines.append(END)
    return "\n".join(lines)


def readme_block(text):
    """The Roles block of the README text, markers included (None if absent)."""
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < start:
        return None
    return text[start:end + len(END)]
