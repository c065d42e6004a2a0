# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Salary rules: compiled once per batch, evaluated per payslip.

``prepare_rules(env, struct_ids)`` gives, per structure, its rules in
sequence order as dicts, with their Python code compiled once by
safe_eval's ``test_expr`` (the opcode check of the sandbox) and their
category chain.  ``evaluate(batch, slip, inputs)`` runs them for one
payslip the way stock hr_payroll does (conditions, amounts, ``result_qty``
and ``result_rate``, a rule whose condition fails skips its children),
in safe_eval's sandbox (restricted builtins), with the names of
``rulecode.py``; it returns the line dicts and the warnings of the payslip.
"""
from odoo.exceptions import UserError
from odoo.tools import float_round
from odoo.tools.safe_eval import _BUILTINS, _SAFE_OPCODES, test_expr, unsafe_eval

from .codes import ARREARS_CODE, YEAR_END_MONTH_TABLE
from .facts import facts as slip_facts
from .i18n import translator
from .rulecode import PayslipProxy, Values


def prepare_rules(env, struct_ids):
    """{structure id: [prepared rule dict]}: rules by sequence with their
    code compiled once and their category chain."""
    _ = translator(env)
    prepared = {}
    compiled = {}

    def compile_expr(expr, mode, rule):
        key = (expr, mode)
        if key not in compiled:
            try:
                compiled[key] = test_expr(expr.strip() if mode == "eval" else expr,
                                          _SAFE_OPCODES, mode=mode)
            except Exception as error:
                raise UserError(_(
                    "Wrong python code defined for salary rule %(rule)s (%(code)s): "
                    "%(error)s") % {"rule": rule.name, "code": rule.code,
                                    "error": error}) from error
        return compiled[key]

    for struct_id in struct_ids:
        structure = env["hr.payroll.structure"].browse(struct_id)
        rule_ids = structure._get_parent_structure().get_all_rules()
        ordered = [rid for rid, _seq in sorted(rule_ids, key=lambda x: x[1])]
        rules = []
        for rule in env["hr.salary.rule"].browse(ordered):
            chain = []
            category = rule.category_id
            while category:
                chain.append(category.code)
                category = category.parent_id
            descendants = [rid for rid, _seq in rule._recursive_search_of_rules()]
            item = {
                "record": rule, "id": rule.id, "code": rule.code, "name": rule.name,
                "categories": chain, "descendants": descendants,
                "condition_select": rule.condition_select,
                "amount_select": rule.amount_select,
                "amount_fix": rule.amount_fix,
                "amount_percentage": rule.amount_percentage,
                # the rule's columns copied on its payslip lines (store.py)
                "values": (rule.category_id.id, rule.sequence, rule.appears_on_payslip,
                           rule.condition_select, rule.condition_python or "",
                           rule.amount_select, rule.amount_fix, rule.amount_percentage,
                           rule.register_id.id or None, rule.company_id.id or None),
            }
            if rule.condition_select == "python":
                item["condition"] = compile_expr(rule.condition_python, "exec", rule)
            elif rule.condition_select == "range":
                item["condition"] = compile_expr(rule.condition_range, "eval", rule)
                item["range"] = (rule.condition_range_min, rule.condition_range_max)
            if rule.amount_select == "code":
                item["amount"] = compile_expr(rule.amount_python_compute, "exec", rule)
            else:
                item["quantity"] = compile_expr(rule.quantity or "1.0", "eval", rule)
                if rule.amount_select == "percentage":
                    item["base"] = compile_expr(rule.amount_percentage_base, "eval", rule)
            rules.append(item)
        prepared[struct_id] = rules
    return prepared


def evaluate(batch, slip, inputs, arrears_details=()):
    """Run the rules of ``slip`` and return (line dicts, warnings).

    ``inputs``: {code: Input}; ``arrears_details``: [(period start, rule
    code, rule name, amount)] owed for earlier months (``arrears.py``): the
    arrears line is split into one line per period and component."""
    reader = batch.readers[slip["date_to"]]
    reader.missing = set()
    facts = slip_facts(batch, slip)
    rounding = batch.rounding[slip["company_id"]]
    categories = {}
    rules_dict = {}
    localdict = {
        "categories": Values(categories), "rules": Values(rules_dict),
        "payslip": PayslipProxy(batch.records[slip["id"]]) if slip["id"] in
        batch.records else None,
        "worked_days": Values(batch.worked_days.get(slip["id"], {})),
        "inputs": Values(inputs), "employee": batch.employees[slip["employee_id"]],
        "contract": batch.contracts[slip["contract_id"]], "tables": reader,
        "aux": facts,
    }
    globals_dict = {"__builtins__": _BUILTINS}
    lines = {}
    blacklist = set()
    for rule in batch.rules[slip["struct_id"]]:
        if rule["id"] in blacklist:
            continue
        localdict["result"] = None
        localdict["result_qty"] = 1.0
        localdict["result_rate"] = 100
        try:
            if not _condition(rule, globals_dict, localdict):
                blacklist.update(rule["descendants"])
                continue
            amount, qty, rate = _amount(rule, globals_dict, localdict)
        except UserError:
            raise
        except Exception as error:
            _ = translator(batch.env)
            raise UserError(_(
                "Wrong python code defined for salary rule %(rule)s (%(code)s), "
                "payslip of %(employee)s: %(error)s") % {
                "rule": rule["name"], "code": rule["code"],
                "employee": batch.employee_data[slip["employee_id"]]["name"],
                "error": error}) from error
        amount = float_round(amount, precision_rounding=rounding)
        total = float_round(amount * qty * rate / 100.0, precision_rounding=rounding)
        previous = localdict.get(rule["code"]) or 0.0
        localdict[rule["code"]] = total
        rules_dict[rule["code"]] = rule["record"]
        for code in rule["categories"]:
            categories[code] = categories.get(code, 0.0) + total - previous
        lines[rule["code"]] = {"rule": rule, "amount": amount, "quantity": qty,
                               "rate": rate, "total": total}
    warnings = _warnings(batch, slip, facts, reader)
    result = []
    for line in lines.values():
        if line["rule"]["code"] == ARREARS_CODE and arrears_details and abs(
                sum(d[3] for d in arrears_details) - line["total"]) < rounding:
            for date, code, name, amount in arrears_details:
                result.append(dict(line, amount=amount, quantity=1.0, rate=100.0,
                                   total=amount, arrears=(date, code, name)))
        else:
            result.append(line)
    return result, warnings


def _warnings(batch, slip, facts, reader):
    """What may make the amounts of ``slip`` wrong: no grade, no annual
    result in the month of the year-end pay, pay tables without a version."""
    _ = translator(batch.env)
    warnings = []
    if not facts.grade_id:
        warnings.append(_("No grade on %s: the grade pay is 0.") % slip["date_to"])
    year = int(slip["date_to"][:4]) - 1
    if not facts.annual_band and reader.has(YEAR_END_MONTH_TABLE) \
            and facts.month == int(reader.rate(YEAR_END_MONTH_TABLE)):
        employee = batch.employee_data[slip["employee_id"]]
        start = employee["entry_date"] or batch.contract_data[
            slip["contract_id"]]["date_start"]
        if start and start <= "%04d-12-31" % year:
            warnings.append(_(
                "No confirmed annual result for %(year)s: no year-end performance "
                "pay this month (it is paid as arrears once the result is "
                "confirmed).") % {"year": year})
    if reader.missing:
        warnings.append(_(
            "No version in force on %(date)s for pay table(s) %(codes)s: their "
            "amounts are 0.") % {"date": slip["date_to"],
                                 "codes": ", ".join(sorted(reader.missing))})
    return warnings


def _condition(rule, globals_dict, localdict):
    select = rule["condition_select"]
    if select == "none":
        return True
    if select == "range":
        value = unsafe_eval(rule["condition"], globals_dict, localdict)
        return rule["range"][0] <= value <= rule["range"][1]
    unsafe_eval(rule["condition"], globals_dict, localdict)
    return bool(localdict.get("result"))


def _amount(rule, globals_dict, localdict):
    select = rule["amount_select"]
    if select == "code":
        unsafe_eval(rule["amount"], globals_dict, localdict)
        return (float(localdict["result"] or 0.0),
                float(localdict.get("result_qty") if localdict.get("result_qty")
                      is not None else 1.0),
                float(localdict.get("result_rate") if localdict.get("result_rate")
                      is not None else 100.0))
    qty = float(unsafe_eval(rule["quantity"], globals_dict, localdict))
    if select == "fix":
        return rule["amount_fix"], qty, 100.0
    base = float(unsafe_eval(rule["base"], globals_dict, localdict))
    return base, qty, rule["amount_percentage"]
