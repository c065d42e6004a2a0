# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Writing payslips and their results, and numbering them.

Two paths write the same records:

- up to a number of payslips (the technical setting
  ``aux_payroll.bulk_sql_threshold``, a system parameter, 100 when not
  set), through the ORM: ``create``, ``write`` and ``unlink``, so that the
  constraints, the other addons' overrides and the audit log see every
  record;
- above it, with parameterised bulk SQL (multi-row INSERT and UPDATE,
  COPY for the payslip lines): the ORM creates one record per call in
  Odoo 11 (about 6.5 ms a payslip, 1 ms a line), which for a run of 10,000
  people (180,000 lines) alone would take longer than the whole run may
  (bench/payroll_run.py).  Access rights, record rules and locks are
  checked before; afterwards the constraints of the fields written are
  validated (``_validate_fields``) and stored computed fields recomputed.

``create_payslips(Slip, values)`` creates the payslips of a run;
``store(batch, results)`` writes the lines, automatic inputs, numbers,
warnings and computation stamp of a computed batch, then lets the
extensions write theirs; ``create_rows`` is the same choice for an
extension's records; ``next_numbers`` draws payslip references from the
``salary.slip`` sequence of each payslip's company.
"""
import csv
import io
import logging

from psycopg2.extras import execute_values

from odoo import fields, models

from .codes import AUTO_INPUTS
from .i18n import translator

_logger = logging.getLogger(__name__)

THRESHOLD_PARAMETER = "aux_payroll.bulk_sql_threshold"
DEFAULT_THRESHOLD = 100
# Columns of hr_payslip_line written by the engine (besides the audit columns).
LINE_COLUMNS = (
    "slip_id", "salary_rule_id", "contract_id", "employee_id", "name", "code",
    "category_id", "sequence", "appears_on_payslip", "condition_select",
    "condition_python", "amount_select", "amount_fix", "amount_percentage", "register_id",
    "company_id", "active", "quantity", "rate", "amount", "total",
    "aux_arrears_date", "aux_arrears_code")
INPUT_COLUMNS = ("name", "payslip_id", "sequence", "code", "amount", "contract_id")
# Fields of hr.payslip written by a computation.
SLIP_FIELDS = ("number", "aux_warning", "contract_id", "struct_id", "aux_rates_date")


def use_bulk_sql(env, count):
    """Whether ``count`` records of a batch are written with bulk SQL."""
    value = env["ir.config_parameter"].sudo().get_param(THRESHOLD_PARAMETER)
    try:
        threshold = int(value) if value else DEFAULT_THRESHOLD
    except ValueError:
        _logger.warning("System parameter %s is not a whole number (%r): %s used",
                        THRESHOLD_PARAMETER, value, DEFAULT_THRESHOLD)
        threshold = DEFAULT_THRESHOLD
    return count > threshold


def create_rows(Model, rows, bulk):
    """Create records of ``Model`` from ``rows`` (dicts of column values,
    the same keys in each): one ``create`` each, or with ``bulk`` one
    multi-row INSERT (audit columns filled) whose new records are then
    validated.  Returns the new records."""
    if not rows:
        return Model.browse()
    if not bulk:
        return Model.browse([Model.create({
            name: False if value is None else value for name, value in row.items()}).id
            for row in rows])
    columns = list(rows[0])
    query = 'INSERT INTO "%s" (%s, create_uid, write_uid, create_date, write_date) ' \
            'VALUES %%s RETURNING id' % (Model._table, ", ".join('"%s"' % c for c in columns))
    template = "(%s, (now() at time zone 'UTC'), (now() at time zone 'UTC'))" \
        % ", ".join(["%s"] * (len(columns) + 2))
    uid = Model.env.uid
    ids = [row[0] for row in execute_values(
        Model.env.cr, query, [[row[c] for c in columns] + [uid, uid] for row in rows],
        template=template, page_size=1000, fetch=True)]
    records = Model.browse(ids)
    _after_bulk_create(records, columns)
    return records


def _after_bulk_create(records, columns):
    """What the ORM does after an INSERT: stored computed fields, caches,
    constraints of the fields written."""
    Model = records.browse()
    # the constraints of the columns inserted (those of the stored computed
    # fields are checked when they are recomputed, just after)
    records._validate_fields(columns)
    computed = [field for field in Model._fields.values() if field.store and field.compute]
    for field in computed:
        Model.env.add_todo(field, records)
    if computed:
        records.recompute()
    Model.invalidate_cache()


def create_payslips(Slip, values):
    """Create the payslips of ``values`` (dicts of hr.payslip values, the
    same keys in each): through the ORM up to the threshold, else with one
    multi-row INSERT of the values completed with the model's defaults,
    each converted by its field (access rights and record rules checked as
    the ORM does, constraints validated after)."""
    Slip.check_access_rights("create")
    if not values:
        return Slip.browse()
    if not use_bulk_sql(Slip.env, len(values)):
        return create_rows(Slip, values, bulk=False)
    magic = set(models.MAGIC_COLUMNS) | {"display_name"}
    stored = [name for name, field in Slip._fields.items()
              if field.store and field.column_type and not field.compute
              and name not in magic]
    defaults = Slip.default_get([name for name in stored if name not in values[0]])
    columns = [name for name in stored if name in defaults or name in values[0]]
    rows = []
    for vals in values:
        vals = dict(defaults, **vals)
        rows.append({name: Slip._fields[name].convert_to_column(vals.get(name), Slip, vals)
                     for name in columns})
    slips = create_rows(Slip, rows, bulk=True)
    slips.check_access_rule("create")
    return slips


def store(batch, results):
    """Write the results of ``batch`` ({slip id: SlipResult}), see the module."""
    env = batch.env
    slips = batch.slips
    slip_ids = tuple(s["id"] for s in slips)
    now = fields.Datetime.now()
    line_rows = []
    input_rows = []
    # automatic inputs replaced: the engine's, and those an extension filled
    replaced = {(s["id"], code) for s in slips
                for code in set(AUTO_INPUTS) | set(results[s["id"]].inputs)}
    for slip in slips:
        result = results[slip["id"]]
        for sequence, (code, (name, amount)) in enumerate(sorted(result.inputs.items())):
            # an empty reward, leave or arrears input says nothing: not stored
            if amount or code == "PERF_COEF":
                input_rows.append(dict(zip(INPUT_COLUMNS, (
                    name, slip["id"], sequence + 1, code, amount, slip["contract_id"]),
                    strict=True)))
        for line in result.lines:
            line_rows.append(_line_values(batch.env, slip, line))
    numbers = _numbers(env, slips)
    slip_values = {slip["id"]: {
        "number": slip["number"] or numbers.get(slip["id"]),
        "aux_warning": "\n".join(results[slip["id"]].warnings) or None,
        "contract_id": slip["contract_id"], "struct_id": slip["struct_id"] or None,
        "aux_rates_date": now} for slip in slips}
    if batch.bulk:
        _store_sql(env, slip_ids, replaced, line_rows, input_rows, slip_values, now)
    else:
        _store_orm(env, slip_ids, replaced, line_rows, input_rows, slip_values)
    for extension in batch.extensions:
        extension.store(batch, results)


def _line_values(env, slip, line):
    rule = line["rule"]
    arrears = line.get("arrears")
    name = rule["name"]
    if arrears:
        _ = translator(env)
        name = _("%(rule)s: %(component)s of %(period)s") % {
            "rule": rule["name"], "component": arrears[2], "period": arrears[0][:7]}
    return dict(zip(LINE_COLUMNS, (
        slip["id"], rule["id"], slip["contract_id"], slip["employee_id"], name,
        rule["code"]) + tuple(rule["values"]) + (
        True, line["quantity"], line["rate"], line["amount"], line["total"],
        arrears and arrears[0] or None, arrears and arrears[1] or None), strict=True))


def _numbers(env, slips):
    """{slip id: reference} of the payslips without one, from the sequence
    of each payslip's company."""
    by_company = {}
    for slip in slips:
        if not slip["number"]:
            by_company.setdefault(slip["company_id"], []).append(slip["id"])
    numbers = {}
    for company_id, ids in by_company.items():
        # no sequence: no reference (as stock hr_payroll)
        numbers.update(zip(ids, next_numbers(env, len(ids), company_id), strict=False))
    return numbers


def next_numbers(env, count, company_id):
    """``count`` payslip references of the ``salary.slip`` sequence of the
    company (a sequence of the company before one shared by all, as
    ``ir.sequence.next_by_code`` chooses), drawn at once from its
    PostgreSQL sequence (standard implementation without date ranges),
    else one by one."""
    if not count:
        return []
    sequence = env["ir.sequence"].sudo().search(
        [("code", "=", "salary.slip"), ("company_id", "in", [company_id, False])],
        order="company_id", limit=1)
    if not sequence:
        return []
    if sequence.implementation != "standard" or sequence.use_date_range:
        return [sequence._next() for _index in range(count)]
    env.cr.execute("SELECT nextval('ir_sequence_%03d') FROM generate_series(1, %%s)"
                   % sequence.id, (count,))
    return [sequence.get_next_char(row[0]) for row in env.cr.fetchall()]


def _store_orm(env, slip_ids, replaced, line_rows, input_rows, slip_values):
    """The ORM path: the old lines and replaced inputs deleted, the new ones
    created, the payslips written."""
    Line = env["hr.payslip.line"].with_context(active_test=False)
    Input = env["hr.payslip.input"]
    Line.search([("slip_id", "in", slip_ids)]).unlink()
    codes = list({code for _slip, code in replaced})
    Input.search([("payslip_id", "in", slip_ids), ("code", "in", codes)]).filtered(
        lambda i: (i.payslip_id.id, i.code) in replaced).unlink()
    create_rows(Input, input_rows, bulk=False)
    create_rows(Line, line_rows, bulk=False)
    Slip = env["hr.payslip"]
    for slip_id, values in slip_values.items():
        Slip.browse(slip_id).write({name: False if value is None else value
                                    for name, value in values.items()})


def _store_sql(env, slip_ids, replaced, line_rows, input_rows, slip_values, now):
    """The bulk SQL path (see the module); ``now``: the computation stamp."""
    cr = env.cr
    uid = env.uid
    cr.execute("DELETE FROM hr_payslip_line WHERE slip_id IN %s", (slip_ids,))
    # payslips grouped by the codes replaced (one group unless an extension
    # fills an input for some payslips only)
    codes_of = {}
    for slip_id, code in replaced:
        codes_of.setdefault(slip_id, set()).add(code)
    by_codes = {}
    for slip_id, codes in codes_of.items():
        by_codes.setdefault(tuple(sorted(codes)), []).append(slip_id)
    for codes, ids in sorted(by_codes.items()):
        cr.execute("DELETE FROM hr_payslip_input WHERE payslip_id IN %s AND code IN %s",
                   (tuple(ids), codes))
    inputs = env["hr.payslip.input"]
    if input_rows:
        inputs = inputs.browse([row[0] for row in execute_values(cr, """
            INSERT INTO hr_payslip_input (name, payslip_id, sequence, code, amount,
                contract_id, create_uid, create_date, write_uid, write_date)
            VALUES %s RETURNING id""", [[row[c] for c in INPUT_COLUMNS] + [uid, now, uid, now]
                                        for row in input_rows], page_size=1000, fetch=True)])
    if line_rows:
        # COPY: measured about 30 % faster than a multi-row INSERT here
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        for row in line_rows:
            writer.writerow(["" if row[c] is None else row[c] for c in LINE_COLUMNS]
                            + [uid, now, uid, now])
        buffer.seek(0)
        cr.copy_expert(
            "COPY hr_payslip_line (%s, create_uid, create_date, write_uid, write_date) "
            "FROM STDIN WITH (FORMAT csv)" % ", ".join(LINE_COLUMNS), buffer)
    execute_values(cr, """
        UPDATE hr_payslip SET number = v.number, aux_warning = v.warning,
            contract_id = v.contract_id, struct_id = v.struct_id,
            aux_rates_date = v.stamp::timestamp, write_uid = v.uid,
            write_date = v.stamp2::timestamp
        FROM (VALUES %s) AS v(id, number, warning, contract_id, struct_id, stamp, uid,
                              stamp2)
        WHERE hr_payslip.id = v.id""", [
        (slip_id, values["number"], values["aux_warning"], values["contract_id"],
         values["struct_id"], values["aux_rates_date"], uid, now)
        for slip_id, values in slip_values.items()], page_size=1000)
    env["hr.payslip"].invalidate_cache()
    cr.execute("SELECT id FROM hr_payslip_line WHERE slip_id IN %s", (slip_ids,))
    lines = env["hr.payslip.line"].browse([row[0] for row in cr.fetchall()])
    slips = env["hr.payslip"].browse(slip_ids)
    _recompute_after_store(lines, slips)
    for records, names in ((lines, LINE_COLUMNS), (inputs, INPUT_COLUMNS),
                           (slips, SLIP_FIELDS)):
        records._validate_fields(names)


def _recompute_after_store(lines, slips):
    """Let stored computed fields that depend on payslip lines or on the
    payslip (in this or other addons) follow the SQL writes."""
    env = lines.env
    for name, field in lines._fields.items():
        if field.store and field.compute and name != "total" and lines:
            env.add_todo(field, lines)
    # not amount/quantity/rate: "total" was written with them, and its
    # recomputation would read every line again
    lines.modified(["slip_id", "total", "code"])
    slips.modified(["number", "aux_warning", "aux_rates_date", "line_ids",
                    "input_line_ids", "contract_id", "struct_id"])
    slips.recompute()
