# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The set-based payslip engine of the auxiliary salary structure.

``hr.payslip._aux_compute_batch()`` computes many payslips at once: it loads
the pay tables, contracts, employees, grade and post histories, assessment
coefficients, rewards, unpaid leaves and inputs of all payslips with a few
searches, evaluates the salary rules (each compiled once per batch and run in
safe_eval's sandbox: checked opcodes, restricted builtins) and writes all
lines at once.  The year-to-date figures of the cumulative income tax are
aggregated once per batch too (``_aux_load_tax_ytd``).  Stock
``compute_sheet()`` is routed to it for payslips of auxiliary structures and
keeps its stock behaviour for the others.
"""
import csv
import io
from collections import defaultdict

from dateutil.relativedelta import relativedelta
from psycopg2.extras import execute_values

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import float_round
from odoo.tools.safe_eval import _BUILTINS, _SAFE_OPCODES, test_expr, unsafe_eval

from odoo.addons.aux_personnel.models.aux_service_rule import years_between
from odoo.addons.aux_personnel.models.aux_workflow_mixin import MAIL_FIELD_PREFIXES, is_trusted

from .hr_payslip_run import LOCKED_STATES

# Inputs the engine fills from other records at each computation (an input
# line of another code is kept as typed by the payroll officer).
AUTO_INPUTS = ("PERF_COEF", "REWARD", "UNPAID_DAYS", "ARREARS")
# Categories (codes) of the pay components that arrears compare.
EARNING_CATEGORIES = ("BASIC", "ALW")
ARREARS_CODE = "ARREARS"
# Categories (codes) of the payslip lines the cumulative income tax adds up
# over the tax year: gross pay, tax-exempt employee contributions (lines
# directly in DED) and the tax withheld.
YTD_INCOME_CATEGORY = "GROSS"
YTD_CONTRIBUTION_CATEGORY = "DED"
YTD_TAX_CATEGORY = "TAX"
# Category (code) of the net pay, shown on every adjustment payslip.
NET_CATEGORY = "NET"
# Pay table of the month (1-12) that pays the year-end performance pay.
YEAR_END_MONTH_TABLE = "YEAR_END_MONTH"
# Payslips loaded, evaluated and written together (bounds the memory used).
BATCH_SIZE = 2000
# Fields hr_payroll_account sets on a payslip it has just made done.
FIRST_LINK_FIELDS = frozenset({"move_id", "date"})
# Columns of hr_payslip_line written by the engine (besides the audit columns).
LINE_COLUMNS = (
    "slip_id", "salary_rule_id", "contract_id", "employee_id", "name", "code",
    "category_id", "sequence", "appears_on_payslip", "condition_select",
    "condition_python", "amount_select", "amount_fix", "amount_percentage", "register_id",
    "company_id", "active", "quantity", "rate", "amount", "total",
    "aux_arrears_date", "aux_arrears_code")


class _Values(object):
    """Stock hr_payroll's BrowsableObject: ``obj.CODE`` or 0.0."""

    __slots__ = ("dict",)

    def __init__(self, values):
        self.dict = values

    def __getattr__(self, attr):
        return self.dict.get(attr) or 0.0


class _Input(object):
    """An input line as rule code sees it (``inputs.CODE.amount``)."""

    __slots__ = ("code", "name", "amount")

    def __init__(self, code, name, amount):
        self.code = code
        self.name = name
        self.amount = amount


class _Facts(object):
    """What the engine knows of the person for the pay period, available in
    rule code as ``aux``: grade_id, post_id (ids or False, in force on the
    last day of the period), category, years (completed years of service on
    that day, counted by the years of service rule of aux_personnel, as the
    register and the per-head budget count them), month (1-12 of the period
    end), contribution_base (declared on the contract, 0.0 when none),
    annual_band (code of the band of the person's confirmed annual result of
    the year before the period's, e.g. 'excellent', or False: the year-end
    performance pay), and for the cumulative income tax the
    figures of the earlier payslips of the tax year with the same employer
    (see ``HrPayslip._aux_load_tax_ytd``): ytd_income (gross pay),
    ytd_deductions (tax-exempt employee contributions, positive), ytd_tax
    (tax withheld, positive), tax_months (months counted, this one
    included) and special_deductions (special additional deductions of the
    months counted)."""

    __slots__ = ("grade_id", "post_id", "category", "years", "month",
                 "contribution_base", "department_id", "annual_band", "ytd_income",
                 "ytd_deductions", "ytd_tax", "tax_months", "special_deductions")

    def __init__(self, **values):
        for key, value in values.items():
            setattr(self, key, value)


class _PayslipProxy(object):
    """``payslip`` in rule code: the payslip's fields and stock's ``sum``."""

    __slots__ = ("_record",)

    def __init__(self, record):
        self._record = record

    def __getattr__(self, attr):
        return getattr(self._record, attr)

    def sum(self, code, from_date, to_date=None):
        to_date = to_date or fields.Date.today()
        cr = self._record.env.cr
        cr.execute("""
            SELECT sum(CASE WHEN hp.credit_note = False THEN pl.total ELSE -pl.total END)
            FROM hr_payslip hp JOIN hr_payslip_line pl ON pl.slip_id = hp.id
            WHERE hp.employee_id = %s AND hp.state = 'done'
            AND hp.date_from >= %s AND hp.date_to <= %s AND pl.code = %s""",
                   (self._record.employee_id.id, from_date, to_date, code))
        return cr.fetchone()[0] or 0.0


def _in_force(periods, date_from, date_to):
    """The value of the (date_from, date_to, value) period containing the
    last day ``date_to``, else of the latest one overlapping the period."""
    found = False
    for start, end, value in periods:
        if start <= date_to and (not end or end >= date_to):
            return value
        if start <= date_to and (not end or end >= date_from):
            found = value
    return found


class HrPayslip(models.Model):
    _inherit = "hr.payslip"

    aux_warning = fields.Text(
        string="Payroll Warning", readonly=True, copy=False,
        help="Why the amounts of this payslip may be wrong, e.g. no confirmed "
             "assessment for the period.")
    aux_rates_date = fields.Datetime(
        string="Computed On", readonly=True, copy=False,
        help="When the auxiliary payroll engine last computed this payslip: pay "
             "tables or grades changed later with an earlier effective date are "
             "paid as arrears.")
    aux_arrears_total = fields.Float(
        string="Arrears", compute="_compute_aux_arrears_total", digits=(16, 2))

    @api.multi
    def _compute_aux_arrears_total(self):
        for slip in self:
            slip.aux_arrears_total = sum(
                slip.line_ids.filtered(lambda ln: ln.code == ARREARS_CODE).mapped("total"))

    # ------------------------------------------------------------------ locks
    @api.multi
    def _aux_is_locked(self):
        """A payslip of an approved or posted run, or a done payslip, is
        locked; its lines, inputs and worked days with it."""
        self.ensure_one()
        return self.state == "done" or self.payslip_run_id.aux_locked

    @api.multi
    def _aux_check_lock(self, vals=None):
        """Refuse changes (``vals``; None: deletion or computation) to locked
        payslips, and state changes of payslips of an auxiliary run outside
        the run's own actions.  hr_payroll_account links the entry of a
        payslip just made done: a missing ``move_id`` / ``date`` may be set."""
        if is_trusted(self) or not self.pool.ready:
            return
        slips = self.sudo()
        if vals is not None:
            names = {name for name in vals if not name.startswith(MAIL_FIELD_PREFIXES)}
            if "state" in names and slips.filtered(lambda s: s.payslip_run_id.is_aux):
                raise AccessError(_(
                    "The payslips of an auxiliary payroll run change state only through "
                    "the run's approval and posting."))
            if not names:
                return
            if names <= FIRST_LINK_FIELDS:
                slips = slips.filtered(
                    lambda s: any(s[name] for name in names) or s.payslip_run_id.aux_locked)
        for slip in slips:
            if slip._aux_is_locked():
                raise UserError(_(
                    "Payslip %(slip)s is locked (done, or in the approved payroll run "
                    "%(run)s): record a reopening of the run or make an adjustment "
                    "payslip.") % {
                    "slip": slip.number or slip.name,
                    "run": slip.payslip_run_id.name or "-"})

    @api.model
    def create(self, vals):
        if not is_trusted(self) and self.pool.ready and vals.get("payslip_run_id"):
            run = self.env["hr.payslip.run"].sudo().browse(vals["payslip_run_id"])
            if run.aux_locked:
                raise UserError(_(
                    "Payroll run %s is approved and locked: no payslip can be added.")
                    % run.name)
            if run.is_aux and vals.get("state", "draft") != "draft":
                raise AccessError(_(
                    "A payslip of an auxiliary payroll run starts as a draft."))
        return super(HrPayslip, self).create(vals)

    @api.multi
    def write(self, vals):
        self.check_access_rights("write")  # no right at all: say so first
        self._aux_check_lock(vals)
        return super(HrPayslip, self).write(vals)

    @api.multi
    def unlink(self):
        self._aux_check_lock()
        return super(HrPayslip, self).unlink()

    @api.multi
    def action_payslip_done(self):
        """Confirming a payslip makes its journal entry (hr_payroll_account):
        finance does it.  The payslips of an auxiliary run are confirmed by
        the run's posting (see ``_aux_check_lock``)."""
        if is_trusted(self) or not self.pool.ready:
            return super(HrPayslip, self).action_payslip_done()
        if self.sudo().filtered(lambda s: s.payslip_run_id.is_aux):
            raise AccessError(_(
                "The payslips of an auxiliary payroll run change state only through "
                "the run's approval and posting."))
        if not self.env["account.move"].check_access_rights("create", False):
            raise UserError(_(
                "Confirming payslip %s makes its journal entry: finance confirms "
                "payslips. Hand it to a finance officer.")
                % ", ".join(self.mapped(lambda s: s.number or s.name)))
        return super(HrPayslip, self).action_payslip_done()

    @api.multi
    def compute_sheet(self):
        self.sudo().mapped("payslip_run_id")._aux_lock_runs()
        aux = self._aux_filter_aux()
        if aux:
            aux._aux_compute_batch()
        return super(HrPayslip, self - aux).compute_sheet() if self - aux else True

    @api.multi
    def _aux_filter_aux(self):
        """The payslips of ``self`` computed by the auxiliary engine: those on
        the auxiliary structure or a child of it, or without structure on a
        contract that has it."""
        structure = self.env.ref("aux_payroll.aux_salary_structure", raise_if_not_found=False)
        if not structure:
            return self.browse()
        family = self.env["hr.payroll.structure"].search([("id", "child_of", structure.id)])
        return self.filtered(lambda s: (s.struct_id or s.contract_id.struct_id) in family)

    # ----------------------------------------------------------------- engine
    @api.multi
    def _aux_compute_batch(self):
        """Compute the payslips of ``self`` (auxiliary structure) in sets."""
        if not self:
            return True
        if len(self) > BATCH_SIZE:
            for start in range(0, len(self), BATCH_SIZE):
                self[start:start + BATCH_SIZE]._aux_compute_batch()
            return True
        self.check_access_rights("write")
        self.check_access_rule("write")
        self.env["hr.payslip.line"].check_access_rights("create")
        self._aux_check_lock()
        slips = self.read(["employee_id", "contract_id", "struct_id", "date_from", "date_to",
                           "number", "company_id", "name", "credit_note", "state",
                           "payslip_run_id"], load="_classic_write")
        for slip in slips:
            if slip["state"] in ("done", "cancel"):
                raise UserError(_(
                    "Payslip %s is done or rejected: it cannot be computed again.")
                    % (slip["number"] or slip["name"]))
        ctx = self._aux_load(slips)
        self._aux_load_adjusted(ctx, slips)
        results = {}
        for slip in slips:
            inputs, warnings = self._aux_auto_inputs(ctx, slip)
            results[slip["id"]] = {"inputs": inputs, "warnings": warnings}
        arrears = self._aux_arrears(ctx, slips)
        for slip in slips:
            result = results[slip["id"]]
            details = arrears.get(slip["id"], [])
            total = sum(detail[3] for detail in details)
            result["inputs"]["ARREARS"] = (ctx["labels"]["ARREARS"], total)
            inputs = dict(ctx["manual_inputs"].get(slip["id"], {}))
            for code, (name, amount) in result["inputs"].items():
                inputs[code] = _Input(code, name, amount)
            lines, warnings = self._aux_evaluate(ctx, slip, inputs, details)
            if slip["id"] in ctx["adjustment_ids"]:
                lines = self._aux_difference(ctx, slip, lines)
            result["lines"] = lines
            result["warnings"] += warnings
        self._aux_store(ctx, slips, results)
        return True

    @api.model
    def _aux_load(self, slips):
        """Everything the rules of ``slips`` (dicts read from hr.payslip) need,
        loaded with a few searches."""
        env = self.env
        emp_ids = list({s["employee_id"] for s in slips})
        min_from = min(s["date_from"] for s in slips)
        max_to = max(s["date_to"] for s in slips)
        ctx = {"min_from": min_from, "max_to": max_to, "slips": slips, "labels": {
            # translated once per batch (a lookup per call is slow)
            "ARREARS": _("Arrears (back pay)"), "PERF_COEF": _("Performance coefficient"),
            "REWARD": _("Reward amounts"), "UNPAID_DAYS": _("Unpaid leave days")}}
        # contracts: the payslip's, else the running contract of the period
        missing = [s for s in slips if not s["contract_id"]]
        if missing:
            contracts = env["hr.contract"].search_read(
                [("employee_id", "in", [s["employee_id"] for s in missing]),
                 ("state", "=", "open"), ("date_start", "<=", max_to),
                 "|", ("date_end", "=", False), ("date_end", ">=", min_from)],
                ["employee_id", "date_start", "date_end"], order="date_start desc")
            for slip in missing:
                for contract in contracts:
                    if contract["employee_id"][0] == slip["employee_id"] \
                            and contract["date_start"] <= slip["date_to"] \
                            and (not contract["date_end"]
                                 or contract["date_end"] >= slip["date_from"]):
                        slip["contract_id"] = contract["id"]
                        break
        for slip in slips:
            if not slip["contract_id"]:
                raise UserError(_(
                    "Payslip %(slip)s: %(employee)s has no running contract between "
                    "%(start)s and %(end)s.") % {
                    "slip": slip["number"] or slip["name"],
                    "employee": env["hr.employee"].browse(slip["employee_id"]).name,
                    "start": slip["date_from"], "end": slip["date_to"]})
        contract_ids = list({s["contract_id"] for s in slips})
        contracts = env["hr.contract"].browse(contract_ids)
        ctx["contracts"] = {c.id: c for c in contracts}
        ctx["contract_data"] = {c["id"]: c for c in contracts.read(
            ["struct_id", "aux_post_id", "aux_grade_id", "aux_contribution_base",
             "date_start"], load="_classic_write")}
        employees = env["hr.employee"].with_context(active_test=False).browse(emp_ids)
        ctx["employees"] = {e.id: e for e in employees}
        ctx["employee_data"] = {e["id"]: e for e in employees.read(
            ["name", "entry_date", "aux_category", "aux_grade_id", "department_id"],
            load="_classic_write")}
        for slip in slips:
            if not slip["struct_id"]:
                slip["struct_id"] = ctx["contract_data"][slip["contract_id"]]["struct_id"]
            if not slip["struct_id"]:
                raise UserError(_(
                    "Payslip %s has no salary structure, neither has its contract.")
                    % (slip["number"] or slip["name"]))
        # grade and main post histories
        ctx["grades"] = defaultdict(list)
        for line in env["aux.grade.history"].sudo().search_read(
                [("employee_id", "in", emp_ids), ("date_from", "<=", max_to),
                 "|", ("date_to", "=", False), ("date_to", ">=", min_from)],
                ["employee_id", "date_from", "date_to", "grade_id"], order="date_from"):
            ctx["grades"][line["employee_id"][0]].append(
                (line["date_from"], line["date_to"], line["grade_id"][0]))
        ctx["posts"] = defaultdict(list)
        for line in env["aux.post.assignment"].sudo().search_read(
                [("employee_id", "in", emp_ids), ("assignment_type", "=", "main"),
                 ("date_from", "<=", max_to),
                 "|", ("date_to", "=", False), ("date_to", ">=", min_from)],
                ["employee_id", "date_from", "date_to", "post_id"], order="date_from"):
            ctx["posts"][line["employee_id"][0]].append(
                (line["date_from"], line["date_to"], line["post_id"][0]))
        ctx["readers"] = env["aux.pay.table"]._aux_readers([s["date_to"] for s in slips])
        # years of service: the one definition (aux.service.rule), read once
        ctx["service_excluded"] = env["aux.service.rule"]._aux_excluded_months_loader()
        ctx["annual_bands"] = self._aux_load_annual_bands(
            emp_ids, {int(s["date_to"][:4]) - 1 for s in slips})
        ctx["rules"] = self._aux_prepare_rules({s["struct_id"] for s in slips})
        # inputs typed by the officer and worked days already on the payslips
        ctx["manual_inputs"] = defaultdict(dict)
        for line in env["hr.payslip.input"].search_read(
                [("payslip_id", "in", [s["id"] for s in slips if s.get("id")]),
                 ("code", "not in", AUTO_INPUTS)], ["payslip_id", "code", "name", "amount"]):
            ctx["manual_inputs"][line["payslip_id"][0]][line["code"]] = _Input(
                line["code"], line["name"], line["amount"])
        ctx["worked_days"] = defaultdict(dict)
        for line in env["hr.payslip.worked_days"].search_read(
                [("payslip_id", "in", [s["id"] for s in slips if s.get("id")])],
                ["payslip_id", "code", "number_of_days", "number_of_hours"]):
            ctx["worked_days"][line["payslip_id"][0]][line["code"]] = _Values(line)
        self._aux_load_tax_ytd(ctx, slips)
        companies = env["res.company"].browse(list({s["company_id"] for s in slips}))
        ctx["rounding"] = {c.id: c.currency_id.rounding for c in companies}
        ctx["records"] = {s.id: s for s in self.browse([s["id"] for s in slips])}
        return ctx

    @api.model
    def _aux_load_annual_bands(self, emp_ids, years):
        """{(employee id, year): band code} of the confirmed annual results of
        ``years`` (the year-end performance pay); two reads for the batch."""
        sheets = self.env["aux.assessment.sheet"].sudo().search_read(
            [("employee_id", "in", emp_ids), ("period_type", "=", "annual"),
             ("state", "=", "confirmed"), ("year", "in", list(years)),
             ("band_id", "!=", False)],
            ["employee_id", "year", "band_id"], order="confirm_date, id")
        codes = {band["id"]: band["code"] for band in self.env[
            "aux.assessment.band"].sudo().with_context(active_test=False).browse(
            list({s["band_id"][0] for s in sheets})).read(["code"])}
        return {(s["employee_id"][0], s["year"]): codes[s["band_id"][0]] for s in sheets}

    @api.model
    def _aux_load_adjusted(self, ctx, slips):
        """For the payslips of adjustment runs in ``slips``, load what the
        month already paid, so that they pay only the difference:

        - ``ctx["adjustment_ids"]``: ids of those payslips (empty for a
          regular run: nothing else is loaded then);
        - ``ctx["adjusted"]``: {(employee id, month YYYY-MM): {(rule code,
          arrears period, arrears component): total}} over the employee's
          other payslips of the month (not cancelled) in auxiliary runs: the
          adjusted regular run and earlier adjustment runs; a refund (credit
          note) counts negatively, as in the journal entry of a run;
        - ``ctx["adjusted_slip_ids"]``: the ids of those payslips (their
          arrears are not "paid earlier" for the recomputed month);
        - ``ctx["adjusted_ytd"]``: {(employee id, month): [gross pay, employee
          contributions, tax withheld]} of those of them that count in the
          year-to-date figures of the income tax (see ``_aux_tax_ytd``);
        - the officer's inputs of those payslips (latest first) fill the
          inputs not typed on the adjustment payslip, so that e.g. the night
          duties of the month are not taken back.

        Parameterised SQL: one aggregate for the whole batch."""
        ctx["adjustment_ids"] = set()
        ctx["adjusted"] = defaultdict(dict)
        ctx["adjusted_slip_ids"] = set()
        ctx["adjusted_ytd"] = defaultdict(lambda: [0.0, 0.0, 0.0])
        run_ids = list({s["payslip_run_id"] for s in slips if s["payslip_run_id"]})
        if not run_ids:
            return
        runs = self.env["hr.payslip.run"].sudo().browse(run_ids).filtered("aux_adjustment")
        adjustments = [s for s in slips if s["payslip_run_id"] in runs.ids]
        if not adjustments:
            return
        ctx["adjustment_ids"] = {s["id"] for s in adjustments}
        self.env.cr.execute("""
            SELECT s.employee_id, to_char(s.date_to, 'YYYY-MM'), l.code,
                   to_char(l.aux_arrears_date, 'YYYY-MM-DD'), l.aux_arrears_code, c.code,
                   s.state = 'done' OR r.aux_state IN %(locked)s,
                   SUM(CASE WHEN s.credit_note THEN -l.total ELSE l.total END),
                   array_agg(DISTINCT s.id)
              FROM hr_payslip s
              JOIN hr_payslip_run r ON r.id = s.payslip_run_id
              JOIN hr_payslip_line l ON l.slip_id = s.id
         LEFT JOIN hr_salary_rule_category c ON c.id = l.category_id
             WHERE s.employee_id IN %(employees)s
               AND s.id NOT IN %(slips)s
               AND s.state != 'cancel' AND r.is_aux
               AND to_char(s.date_to, 'YYYY-MM') IN %(months)s
          GROUP BY 1, 2, 3, 4, 5, 6, 7""", {
            "employees": tuple({s["employee_id"] for s in adjustments}),
            "slips": tuple(s["id"] for s in slips),
            "months": tuple({s["date_to"][:7] for s in adjustments}),
            "locked": tuple(LOCKED_STATES)})
        wanted = {(s["employee_id"], s["date_to"][:7]) for s in adjustments}
        earlier = {}
        signs = {YTD_INCOME_CATEGORY: (0, 1.0), YTD_CONTRIBUTION_CATEGORY: (1, -1.0),
                 YTD_TAX_CATEGORY: (2, -1.0)}
        for emp_id, month, code, arrears_date, arrears_code, category, final, total, \
                slip_ids in self.env.cr.fetchall():
            if (emp_id, month) not in wanted:
                continue
            paid = ctx["adjusted"][(emp_id, month)]
            key = (code, arrears_date, arrears_code)
            paid[key] = paid.get(key, 0.0) + total
            if final and category in signs:
                # what these payslips put in the year-to-date figures of the month
                index, sign = signs[category]
                ctx["adjusted_ytd"][(emp_id, month)][index] += sign * total
            for slip_id in slip_ids:
                earlier[slip_id] = (emp_id, month)
        ctx["adjusted_slip_ids"] = set(earlier)
        if not earlier:
            return
        adjustment_of = {(s["employee_id"], s["date_to"][:7]): s["id"] for s in adjustments}
        for line in self.env["hr.payslip.input"].sudo().search_read(
                [("payslip_id", "in", list(earlier)), ("code", "not in", AUTO_INPUTS)],
                ["payslip_id", "code", "name", "amount"], order="payslip_id desc"):
            slip_id = adjustment_of[earlier[line["payslip_id"][0]]]
            ctx["manual_inputs"][slip_id].setdefault(
                line["code"], _Input(line["code"], line["name"], line["amount"]))

    @api.model
    def _aux_difference(self, ctx, slip, lines):
        """The lines of an adjustment payslip: each recomputed line (``lines``,
        the full month) less what the month's other payslips paid for the same
        rule (and arrears period), see ``_aux_load_adjusted``.  A rule paid
        before and no longer due is taken back by a negative line.  Lines of
        no difference are left out, except the gross and net pay lines which
        every payslip shows.  The income tax needs no special case: the
        adjustment payslip's tax is computed without the payslips it
        subtracts in the year-to-date figures (see ``_aux_tax_ytd``), i.e.
        the full cumulative tax with the corrected month less the tax of the
        earlier months, and the tax they withheld in the month is subtracted
        here like any other rule (once)."""
        rounding = ctx["rounding"][slip["company_id"]]
        paid = dict(ctx["adjusted"].get((slip["employee_id"], slip["date_to"][:7]), {}))
        rules = {rule["code"]: rule for rule in ctx["rules"][slip["struct_id"]]}
        result = []
        for line in lines:
            arrears = line.get("arrears")
            key = (line["rule"]["code"], arrears and arrears[0] or None,
                   arrears and arrears[1] or None)
            total = float_round(line["total"] - paid.pop(key, 0.0), precision_rounding=rounding)
            result.append(dict(line, amount=total, quantity=1.0, rate=100.0, total=total))
        for (code, arrears_date, arrears_code), total in sorted(
                paid.items(), key=lambda item: tuple(v or "" for v in item[0])):
            rule = rules.get(code)
            if rule is None:
                continue
            total = float_round(-total, precision_rounding=rounding)
            line = {"rule": rule, "amount": total, "quantity": 1.0, "rate": 100.0,
                    "total": total}
            if arrears_date:
                component = rules.get(arrears_code)
                line["arrears"] = (arrears_date, arrears_code,
                                   component["name"] if component else arrears_code)
            result.append(line)
        return [line for line in result if abs(line["total"]) >= rounding / 2 or set(
            line["rule"]["categories"]) & {YTD_INCOME_CATEGORY, NET_CATEGORY}]

    @api.model
    def _aux_prepare_rules(self, struct_ids):
        """{structure id: [prepared rule dict]}: rules by sequence with their
        code compiled once (safe_eval's opcode check) and category chain."""
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
            structure = self.env["hr.payroll.structure"].browse(struct_id)
            rule_ids = structure._get_parent_structure().get_all_rules()
            ordered = [rid for rid, _seq in sorted(rule_ids, key=lambda x: x[1])]
            rules = []
            for rule in self.env["hr.salary.rule"].browse(ordered):
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
                        item["base"] = compile_expr(
                            rule.amount_percentage_base, "eval", rule)
                rules.append(item)
            prepared[struct_id] = rules
        return prepared

    @api.model
    def _aux_facts(self, ctx, slip):
        employee = ctx["employee_data"][slip["employee_id"]]
        contract = ctx["contract_data"][slip["contract_id"]]
        date_from, date_to = slip["date_from"], slip["date_to"]
        grade = _in_force(ctx["grades"].get(slip["employee_id"], ()), date_from, date_to) \
            or employee["aux_grade_id"] or contract["aux_grade_id"]
        post = _in_force(ctx["posts"].get(slip["employee_id"], ()), date_from, date_to) \
            or contract["aux_post_id"]
        start = self.env["aux.service.rule"]._aux_service_start(
            employee["entry_date"] or contract["date_start"],
            ctx["service_excluded"](slip["company_id"], date_to))
        years = int(years_between(start, fields.Date.from_string(date_to)))
        ytd = self._aux_tax_ytd(ctx, slip)
        return _Facts(grade_id=grade or False, post_id=post or False,
                      category=employee["aux_category"] or False, years=years,
                      month=int(date_to[5:7]),
                      contribution_base=contract["aux_contribution_base"] or 0.0,
                      department_id=employee["department_id"] or False,
                      annual_band=ctx["annual_bands"].get(
                          (slip["employee_id"], int(date_to[:4]) - 1), False), **ytd)

    @api.model
    def _aux_load_tax_ytd(self, ctx, slips):
        """Load what the cumulative income tax of ``slips`` needs, with three
        queries for the whole batch:

        - ``ctx["tax_ytd"]``: {(employee id, company id): {month (YYYY-MM):
          [gross pay, employee contributions, tax withheld, counted]}} over
          the earlier payslips of the tax years of the batch.  A payslip
          counts once it is final: done, or (not cancelled) in a payroll run
          that is approved or posted (locked: its amounts can no longer
          change and will be paid, even if finance has not posted it yet).
          Payslips of runs still in approval do not count.  The payslips
          being computed never count.  A refund (credit note) counts
          negatively and does not count a month.  Several payslips of one
          month (the regular one and an adjustment run's) add their amounts
          and count the month once; arrears count in the month that paid
          them, where they are part of the gross pay.
        - ``ctx["iit_deductions"]``: {employee id: [(date_from, date_to,
          monthly amount)]}, the special additional deductions declared.
        - ``ctx["iit_openings"]``: {(employee id, company id, year): opening
          balance values}, the year-to-date figures of the months before the
          first payslip in the system (``aux.iit.opening``), added to those
          of every payslip of that tax year and company.

        Parameterised SQL: one aggregate over the year's payslip lines of
        the batch's people instead of reading every line through the ORM
        (in December about 130,000 lines of those categories for 2,000 people)."""
        emp_ids = tuple({s["employee_id"] for s in slips})
        year_start = min(s["date_to"] for s in slips)[:4] + "-01-01"
        self.env.cr.execute("""
            SELECT s.employee_id, s.company_id, to_char(s.date_to, 'YYYY-MM'),
                   SUM(CASE WHEN c.code = %(income)s THEN l.total ELSE 0 END
                       * CASE WHEN s.credit_note THEN -1 ELSE 1 END),
                   SUM(CASE WHEN c.code = %(contribution)s THEN -l.total ELSE 0 END
                       * CASE WHEN s.credit_note THEN -1 ELSE 1 END),
                   SUM(CASE WHEN c.code = %(tax)s THEN -l.total ELSE 0 END
                       * CASE WHEN s.credit_note THEN -1 ELSE 1 END),
                   bool_or(NOT COALESCE(s.credit_note, FALSE))
              FROM hr_payslip s
              JOIN hr_payslip_line l ON l.slip_id = s.id
              JOIN hr_salary_rule_category c ON c.id = l.category_id
         LEFT JOIN hr_payslip_run r ON r.id = s.payslip_run_id
             WHERE s.employee_id IN %(employees)s
               AND s.id NOT IN %(slips)s
               AND s.date_to >= %(start)s AND s.date_to <= %(end)s
               AND c.code IN (%(income)s, %(contribution)s, %(tax)s)
               AND (s.state = 'done' OR (s.state != 'cancel' AND r.aux_state IN %(locked)s))
          GROUP BY s.employee_id, s.company_id, to_char(s.date_to, 'YYYY-MM')""", {
            "income": YTD_INCOME_CATEGORY, "contribution": YTD_CONTRIBUTION_CATEGORY,
            "tax": YTD_TAX_CATEGORY, "employees": emp_ids,
            "slips": tuple(s["id"] for s in slips) or (0,), "start": year_start,
            "end": max(s["date_to"] for s in slips),
            "locked": tuple(LOCKED_STATES)})
        ytd = defaultdict(dict)
        for emp_id, company_id, month, income, contribution, tax, counted in \
                self.env.cr.fetchall():
            ytd[(emp_id, company_id)][month] = (income or 0.0, contribution or 0.0,
                                                tax or 0.0, counted)
        ctx["tax_ytd"] = ytd
        ctx["iit_deductions"] = defaultdict(list)
        for line in self.env["aux.iit.deduction"].sudo().search_read(
                [("employee_id", "in", list(emp_ids)), ("date_from", "<=", ctx["max_to"]),
                 "|", ("date_to", "=", False), ("date_to", ">=", year_start)],
                ["employee_id", "date_from", "date_to", "amount"]):
            ctx["iit_deductions"][line["employee_id"][0]].append(
                (line["date_from"][:7], line["date_to"] and line["date_to"][:7] or "9999-12",
                 line["amount"]))
        # opening balances (months before the first payslip in the system):
        # one read for the batch, keyed like the payslips' figures
        ctx["iit_openings"] = {}
        years = {int(s["date_to"][:4]) for s in slips}
        openings = self.env["aux.iit.opening"].sudo().search(
            [("employee_id", "in", list(emp_ids)), ("year", "in", list(years))])
        for opening in openings.read(
                ["employee_id", "company_id", "year", "months", "income", "contributions",
                 "special_deductions", "tax_withheld"], load="_classic_write"):
            ctx["iit_openings"][(opening["employee_id"], opening["company_id"],
                                 opening["year"])] = opening

    @api.model
    def _aux_tax_ytd(self, ctx, slip):
        """The year-to-date facts of ``slip`` for the cumulative income tax
        (see ``_Facts``), from what ``_aux_load_tax_ytd`` loaded.

        A payslip of an adjustment run is computed for the full month and
        then less what the month's other payslips paid and withheld (see
        ``_aux_difference``): the month's payslips it subtracts are therefore
        left out here, else their income would count twice and their tax be
        deducted twice."""
        month = slip["date_to"][:7]
        income = contribution = tax = 0.0
        if slip["id"] in ctx.get("adjustment_ids", ()):
            income, contribution, tax = [-value for value in ctx["adjusted_ytd"].get(
                (slip["employee_id"], month), (0.0, 0.0, 0.0))]
        months = {month}
        for row_month, values in ctx["tax_ytd"].get(
                (slip["employee_id"], slip["company_id"]), {}).items():
            if row_month[:4] != month[:4] or row_month > month:
                continue
            income += values[0]
            contribution += values[1]
            tax += values[2]
            if values[3]:
                months.add(row_month)
        special = 0.0
        for start, end, amount in ctx["iit_deductions"].get(slip["employee_id"], ()):
            special += amount * len([m for m in months if start <= m <= end])
        tax_months = len(months)
        # the opening balance of the tax year (see aux.iit.opening): its months
        # have no payslip here, so its special deductions are the ones used
        # in them and the declared monthly ones above cover the other months
        opening = ctx.get("iit_openings", {}).get(
            (slip["employee_id"], slip["company_id"], int(month[:4])))
        if opening:
            income += opening["income"]
            contribution += opening["contributions"]
            tax += opening["tax_withheld"]
            special += opening["special_deductions"]
            tax_months += opening["months"]
        return {"ytd_income": income, "ytd_deductions": contribution, "ytd_tax": tax,
                "tax_months": tax_months, "special_deductions": special}

    @api.model
    def _aux_auto_inputs(self, ctx, slip):
        """({code: (name, amount)}, [warnings]) of the inputs the engine fills
        for ``slip``: performance coefficient, rewards and unpaid leave days."""
        if "coefficients" not in ctx:
            self._aux_load_inputs(ctx)
        reader = ctx["readers"][slip["date_to"]]
        warnings = []
        coefficient = ctx["coefficients"].get((slip["date_from"], slip["employee_id"]))
        if coefficient is None:
            coefficient = reader.rate("PERF_COEF")
            warnings.append(_(
                "No confirmed assessment for %(period)s: performance pay computed with "
                "coefficient %(coef)s from table %(table)s.") % {
                "period": slip["date_from"][:7], "coef": "%.2f" % coefficient,
                "table": reader.version_name("PERF_COEF")})
        reward = 0.0
        for date, level in ctx["rewards"].get(slip["employee_id"], ()):
            if slip["date_from"] <= date <= slip["date_to"]:
                reward += reader.rate("REWARD", level)
        unpaid = 0.0
        for leave_from, leave_to, days in ctx["leaves"].get(slip["employee_id"], ()):
            start = max(leave_from, fields.Date.from_string(slip["date_from"]))
            end = min(leave_to, fields.Date.from_string(slip["date_to"]))
            if start > end:
                continue
            span = (leave_to - leave_from).days + 1
            unpaid += days * ((end - start).days + 1) / span
        labels = ctx["labels"]
        return {"PERF_COEF": (labels["PERF_COEF"], coefficient),
                "REWARD": (labels["REWARD"], reward),
                "UNPAID_DAYS": (labels["UNPAID_DAYS"], round(unpaid, 2))}, warnings

    @api.model
    def _aux_load_inputs(self, ctx):
        """Load the sources of the automatic inputs of the slips of ``ctx``:
        confirmed assessment coefficients, commendations and unpaid leaves."""
        env = self.env
        slips = ctx["slips"]
        ctx["coefficients"] = {}
        by_period = defaultdict(set)
        for slip in slips:
            by_period[slip["date_from"]].add(slip["employee_id"])
        Sheet = env["aux.assessment.sheet"]
        for date, emp_ids in by_period.items():
            coefficients = Sheet._aux_performance_coefficients(
                env["hr.employee"].browse(list(emp_ids)), date)
            for emp_id, coefficient in coefficients.items():
                ctx["coefficients"][(date, emp_id)] = coefficient
        emp_ids = list({s["employee_id"] for s in slips})
        events = env["aux.assessment.event"].sudo().search_read(
            [("employee_id", "in", emp_ids), ("state", "=", "confirmed"),
             ("is_commendation", "=", True), ("date", ">=", ctx["min_from"]),
             ("date", "<=", ctx["max_to"])], ["employee_id", "date", "type_id"])
        levels = {t["id"]: t["commendation_level"] for t in env[
            "aux.assessment.event.type"].sudo().with_context(active_test=False).browse(
            list({e["type_id"][0] for e in events})).read(["commendation_level"])}
        ctx["rewards"] = defaultdict(list)
        for event in events:
            ctx["rewards"][event["employee_id"][0]].append(
                (event["date"], levels.get(event["type_id"][0])))
        ctx["leaves"] = defaultdict(list)
        statuses = env["hr.holidays.status"].sudo().with_context(active_test=False).search(
            [("aux_unpaid", "=", True)])
        if statuses:
            for leave in env["hr.holidays"].sudo().search_read(
                    [("employee_id", "in", emp_ids), ("type", "=", "remove"),
                     ("state", "=", "validate"), ("holiday_status_id", "in", statuses.ids),
                     ("date_from", "<=", ctx["max_to"] + " 23:59:59"),
                     ("date_to", ">=", ctx["min_from"] + " 00:00:00")],
                    ["employee_id", "date_from", "date_to", "number_of_days_temp"]):
                ctx["leaves"][leave["employee_id"][0]].append((
                    fields.Datetime.from_string(leave["date_from"]).date(),
                    fields.Datetime.from_string(leave["date_to"]).date(),
                    leave["number_of_days_temp"]))

    @api.model
    def _aux_evaluate(self, ctx, slip, inputs, arrears_details=()):
        """Run the rules of ``slip`` and return (line dicts, warnings)."""
        reader = ctx["readers"][slip["date_to"]]
        reader.missing = set()
        facts = self._aux_facts(ctx, slip)
        rounding = ctx["rounding"][slip["company_id"]]
        categories = {}
        rules_dict = {}
        localdict = {
            "categories": _Values(categories), "rules": _Values(rules_dict),
            "payslip": _PayslipProxy(ctx["records"][slip["id"]]) if slip["id"] in ctx[
                "records"] else None,
            "worked_days": _Values(ctx["worked_days"].get(slip["id"], {})),
            "inputs": _Values(inputs), "employee": ctx["employees"][slip["employee_id"]],
            "contract": ctx["contracts"][slip["contract_id"]], "tables": reader,
            "aux": facts,
        }
        globals_dict = {"__builtins__": _BUILTINS}
        lines = {}
        blacklist = set()
        for rule in ctx["rules"][slip["struct_id"]]:
            if rule["id"] in blacklist:
                continue
            localdict["result"] = None
            localdict["result_qty"] = 1.0
            localdict["result_rate"] = 100
            try:
                if not self._aux_condition(rule, globals_dict, localdict):
                    blacklist.update(rule["descendants"])
                    continue
                amount, qty, rate = self._aux_amount(rule, globals_dict, localdict)
            except UserError:
                raise
            except Exception as error:
                raise UserError(_(
                    "Wrong python code defined for salary rule %(rule)s (%(code)s), "
                    "payslip of %(employee)s: %(error)s") % {
                    "rule": rule["name"], "code": rule["code"],
                    "employee": ctx["employee_data"][slip["employee_id"]]["name"],
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
        warnings = []
        if not facts.grade_id:
            warnings.append(_("No grade on %s: the grade pay is 0.") % slip["date_to"])
        year = int(slip["date_to"][:4]) - 1
        if not facts.annual_band and reader.has(YEAR_END_MONTH_TABLE) \
                and facts.month == int(reader.rate(YEAR_END_MONTH_TABLE)):
            employee = ctx["employee_data"][slip["employee_id"]]
            start = employee["entry_date"] or ctx["contract_data"][
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

    @staticmethod
    def _aux_condition(rule, globals_dict, localdict):
        select = rule["condition_select"]
        if select == "none":
            return True
        if select == "range":
            value = unsafe_eval(rule["condition"], globals_dict, localdict)
            return rule["range"][0] <= value <= rule["range"][1]
        unsafe_eval(rule["condition"], globals_dict, localdict)
        return bool(localdict.get("result"))

    @staticmethod
    def _aux_amount(rule, globals_dict, localdict):
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

    # ---------------------------------------------------------------- arrears
    @api.model
    def _aux_arrears(self, ctx, slips):
        """{slip id: [(period start, rule code, rule name, amount)]}: what the
        confirmed payslips of earlier periods should have paid with the grade,
        post and pay tables now recorded for their periods, minus what they
        and earlier arrears paid.  Only payslips computed before a back-dated
        change (a pay table version, grade or post line recorded after them
        and effective in their period) are recomputed."""
        env = self.env
        current = {s["employee_id"]: s for s in slips}
        latest_start = max(s["date_from"] for s in slips)
        months = ctx["readers"][max(s["date_to"] for s in slips)].rate("ARREARS_MONTHS")
        if not months:
            return {}
        lookback = fields.Date.to_string(fields.Date.from_string(
            min(s["date_from"] for s in slips)) - relativedelta(months=int(months)))
        old = self.sudo().search(
            [("employee_id", "in", list(current)), ("state", "=", "done"),
             ("credit_note", "=", False), ("aux_rates_date", "!=", False),
             ("date_from", ">=", lookback), ("date_to", "<", latest_start)]).read(
            ["employee_id", "contract_id", "struct_id", "date_from", "date_to", "number",
             "company_id", "name", "credit_note", "aux_rates_date"], load="_classic_write")
        old = [o for o in old if o["date_to"] < current[o["employee_id"]]["date_from"]]
        if not old:
            return {}
        # a month may have several payslips (the regular one and adjustment
        # payslips): it is recomputed once, from its first payslip, against
        # what all of them paid, and only if a change was recorded after the
        # latest of them was computed
        by_month = defaultdict(list)
        for slip in sorted(old, key=lambda o: o["id"]):
            by_month[(slip["employee_id"], slip["date_from"])].append(slip)
        old = []
        for month_slips in by_month.values():
            old.append(dict(month_slips[0], aux_rates_date=max(
                o["aux_rates_date"] for o in month_slips)))
        since = min(o["aux_rates_date"] for o in old)
        versions = env["aux.pay.table.version"].sudo().search_read(
            [("create_date", ">", since)], ["date_from", "create_date"])
        changes = defaultdict(list)
        for model in ("aux.grade.history", "aux.post.assignment"):
            for line in env[model].sudo().search_read(
                    [("employee_id", "in", list(current)), ("write_date", ">", since)],
                    ["employee_id", "date_from", "date_to", "write_date"]):
                changes[line["employee_id"][0]].append(line)
        # an annual result confirmed later changes the year-end pay of the
        # payslips of the next year computed before it
        for sheet in env["aux.assessment.sheet"].sudo().search_read(
                [("employee_id", "in", list(current)), ("period_type", "=", "annual"),
                 ("state", "=", "confirmed"), ("confirm_date", ">", since)],
                ["employee_id", "year", "confirm_date"]):
            changes[sheet["employee_id"][0]].append({
                "date_from": "%04d-01-01" % (sheet["year"] + 1),
                "date_to": "%04d-12-31" % (sheet["year"] + 1),
                "write_date": sheet["confirm_date"]})
        candidates = []
        for slip in old:
            stamp = slip["aux_rates_date"]
            if any(v["create_date"] > stamp and v["date_from"] <= slip["date_to"]
                   for v in versions) or any(
                    c["write_date"] > stamp and c["date_from"] <= slip["date_to"]
                    and (not c["date_to"] or c["date_to"] >= slip["date_from"])
                    for c in changes.get(slip["employee_id"], ())):
                candidates.append(slip)
        if not candidates:
            return {}
        old_ctx = self.browse()._aux_load(candidates)
        stored_inputs = defaultdict(dict)
        for line in env["hr.payslip.input"].sudo().search_read(
                [("payslip_id", "in", [c["id"] for c in candidates])],
                ["payslip_id", "code", "name", "amount"]):
            stored_inputs[line["payslip_id"][0]][line["code"]] = _Input(
                line["code"], line["name"], 0.0 if line["code"] == ARREARS_CODE
                else line["amount"])
        first_of = {}
        for month_slips in by_month.values():
            for slip in month_slips:
                first_of[slip["id"]] = month_slips[0]["id"]
        candidate_ids = {c["id"] for c in candidates}
        paid = defaultdict(float)
        for line in env["hr.payslip.line"].sudo().search_read(
                [("slip_id", "in", [slip_id for slip_id, first in first_of.items()
                                    if first in candidate_ids])],
                ["slip_id", "code", "total"]):
            paid[(first_of[line["slip_id"][0]], line["code"])] += line["total"]
        paid_arrears = defaultdict(float)
        # the arrears paid by the payslips an adjustment payslip recomputes
        # are subtracted from it with their other lines (``_aux_difference``)
        excluded = [s["id"] for s in slips] + list(ctx.get("adjusted_slip_ids", ()))
        for line in env["hr.payslip.line"].sudo().search_read(
                [("employee_id", "in", list(current)), ("code", "=", ARREARS_CODE),
                 ("aux_arrears_date", "!=", False), ("slip_id.state", "=", "done"),
                 ("slip_id", "not in", excluded)],
                ["employee_id", "aux_arrears_date", "aux_arrears_code", "total"]):
            paid_arrears[(line["employee_id"][0], line["aux_arrears_date"],
                          line["aux_arrears_code"])] += line["total"]
        result = defaultdict(list)
        for slip in sorted(candidates, key=lambda c: c["date_from"]):
            lines, _warnings = self._aux_evaluate(old_ctx, slip, stored_inputs[slip["id"]])
            target = current[slip["employee_id"]]
            rounding = ctx["rounding"][target["company_id"]]
            for line in lines:
                rule = line["rule"]
                if rule["code"] == ARREARS_CODE or not set(
                        rule["categories"]) & set(EARNING_CATEGORIES):
                    continue
                due = line["total"] - paid[(slip["id"], rule["code"])] - paid_arrears[
                    (slip["employee_id"], slip["date_from"], rule["code"])]
                due = float_round(due, precision_rounding=rounding)
                if abs(due) >= rounding:
                    result[target["id"]].append(
                        (slip["date_from"], rule["code"], rule["name"], due))
        return result

    # ------------------------------------------------------------------ store
    @api.model
    def _aux_store(self, ctx, slips, results):
        """Write the lines, automatic inputs, numbers and warnings of all the
        payslips at once.

        Parameterised SQL on purpose: a monthly run creates about 25 lines per
        person, and the ORM creates one record per call in Odoo 11 (about 1 ms
        each), which alone would exceed the whole budget of the run (10,000
        payslips in 120 s).  Access rights and locks are checked before; the
        caches are invalidated and stored computed fields recomputed after.
        """
        env = self.env
        cr = env.cr
        slip_ids = tuple(s["id"] for s in slips)
        now = fields.Datetime.now()
        uid = env.uid
        cr.execute("DELETE FROM hr_payslip_line WHERE slip_id IN %s", (slip_ids,))
        cr.execute("DELETE FROM hr_payslip_input WHERE payslip_id IN %s AND code IN %s",
                   (slip_ids, AUTO_INPUTS))
        input_rows = []
        line_rows = []
        for slip in slips:
            result = results[slip["id"]]
            for sequence, (code, (name, amount)) in enumerate(
                    sorted(result["inputs"].items())):
                # an empty reward, leave or arrears input says nothing: not stored
                if amount or code == "PERF_COEF":
                    input_rows.append((name, slip["id"], sequence + 1, code, amount,
                                       slip["contract_id"], uid, now, uid, now))
            for line in result["lines"]:
                rule = line["rule"]
                arrears = line.get("arrears")
                name = rule["name"]
                if arrears:
                    name = _("%(rule)s: %(component)s of %(period)s") % {
                        "rule": rule["name"], "component": arrears[2],
                        "period": arrears[0][:7]}
                values = rule["values"]
                line_rows.append((
                    slip["id"], rule["id"], slip["contract_id"], slip["employee_id"], name,
                    rule["code"], values[0], values[1], values[2], values[3], values[4],
                    values[5], values[6], values[7], values[8], values[9], True,
                    line["quantity"], line["rate"], line["amount"], line["total"],
                    arrears and arrears[0] or None, arrears and arrears[1] or None,
                    uid, now, uid, now))
        if input_rows:
            execute_values(cr, """
                INSERT INTO hr_payslip_input (name, payslip_id, sequence, code, amount,
                    contract_id, create_uid, create_date, write_uid, write_date)
                VALUES %s""", input_rows, page_size=1000)
        if line_rows:
            # COPY: measured about 30 % faster than a multi-row INSERT here
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            for row in line_rows:
                writer.writerow(["" if value is None else value for value in row])
            buffer.seek(0)
            cr._obj.copy_expert(
                "COPY hr_payslip_line (%s, create_uid, create_date, write_uid, write_date) "
                "FROM STDIN WITH (FORMAT csv)" % ", ".join(LINE_COLUMNS), buffer)
        numbers = iter(self._aux_next_numbers(
            len([s for s in slips if not s["number"]]), list(ctx["rounding"])))
        slip_rows = []
        for slip in slips:
            number = slip["number"] or next(numbers, None)
            warning = "\n".join(results[slip["id"]]["warnings"]) or None
            slip_rows.append((slip["id"], number, warning, slip["contract_id"],
                              slip["struct_id"] or None, now, uid, now))
        execute_values(cr, """
            UPDATE hr_payslip SET number = v.number, aux_warning = v.warning,
                contract_id = v.contract_id, struct_id = v.struct_id,
                aux_rates_date = v.stamp::timestamp, write_uid = v.uid,
                write_date = v.stamp2::timestamp
            FROM (VALUES %s) AS v(id, number, warning, contract_id, struct_id, stamp, uid,
                                  stamp2)
            WHERE hr_payslip.id = v.id""", slip_rows, page_size=1000)
        self.invalidate_cache()
        cr.execute("SELECT id FROM hr_payslip_line WHERE slip_id IN %s", (slip_ids,))
        self._aux_recompute_after_store([row[0] for row in cr.fetchall()], slip_ids)

    @api.model
    def _aux_next_numbers(self, count, company_ids):
        """``count`` payslip references of the salary.slip sequence, drawn at
        once from its PostgreSQL sequence (standard implementation without
        date ranges), else one by one."""
        if not count:
            return []
        sequence = self.env["ir.sequence"].sudo().search(
            [("code", "=", "salary.slip"), ("company_id", "in", [False] + company_ids)],
            limit=1)
        if not sequence:
            return []
        if sequence.implementation != "standard" or sequence.use_date_range:
            return [sequence._next() for _index in range(count)]
        self.env.cr.execute("SELECT nextval('ir_sequence_%03d') FROM generate_series(1, %%s)"
                            % sequence.id, (count,))
        return [sequence.get_next_char(row[0]) for row in self.env.cr.fetchall()]

    @api.model
    def _aux_recompute_after_store(self, line_ids, slip_ids):
        """Let stored computed fields that depend on payslip lines or on the
        payslip (in this or other addons) follow the SQL writes."""
        Line = self.env["hr.payslip.line"]
        lines = Line.browse(line_ids)
        for name, field in Line._fields.items():
            if field.store and field.compute and name != "total" and lines:
                self.env.add_todo(field, lines)
        slips = self.browse(slip_ids)
        # not amount/quantity/rate: "total" was written with them, and its
        # recomputation would read every line again
        lines.modified(["slip_id", "total", "code"])
        slips.modified(["number", "aux_warning", "aux_rates_date", "line_ids",
                        "input_line_ids", "contract_id", "struct_id"])
        self.recompute()
