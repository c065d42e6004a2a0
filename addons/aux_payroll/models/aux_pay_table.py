# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Date-versioned pay tables and the reader used by salary-rule code.

Every amount, rate, base limit and tax bracket of the auxiliary salary
structure lives in an ``aux.pay.table`` (one per code) with versions
(``aux.pay.table.version``, each valid from its start date until the next
version starts) and lines (``aux.pay.table.line``).  Rule code reads them
through the object returned by ``env["aux.pay.table"]._aux_reader(date)``,
available in rule code as ``tables``.

The performance-pay coefficient of a person with a confirmed assessment is
the coefficient of the assessment band (``aux.assessment.band``): that band
table is its single source.  The pay table PERF_COEF only holds the
coefficient applied while a person has no confirmed assessment.
"""
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_round

TABLE_KINDS = [
    ("single", "Single amount"),
    ("grade", "Amount per grade"),
    ("post", "Amount per post"),
    ("code", "Amount per key"),
    ("years", "Amount per year of service"),
    ("contribution", "Contribution rates and base"),
    ("bracket", "Progressive tax brackets"),
]


class AuxPayTableReader(object):
    """The pay tables in force on one date, loaded once, answered from memory.

    Available in salary-rule code as ``tables``:

    - ``tables.rate(code, key=None)``: the amount of table ``code`` for
      ``key``: an ``aux.grade`` / ``aux.post`` record or id (grade and post
      tables), a key string or number (per-key tables, e.g. a month number
      or a commendation level), a number of years (per-year tables: the
      amount per year of the band reached), or None (single-amount tables;
      also the fallback line without key of any table).  For contribution
      tables it is the employee rate in percent.  Unknown table or key: 0.0
      (a missing table is recorded in ``missing`` for the payslip warning).
    - ``tables.seniority_pay(years, code="SENIORITY")``: amount per year of
      the band reached times the years counted, at most the line's cap.
    - ``tables.contribution_base(code, base)``: ``base`` within the table's
      floor and ceiling.
    - ``tables.employee_share(code, base)`` / ``tables.employer_share(code,
      base)``: the contribution on the bounded base.
    - ``tables.income_tax(income, code="IIT_BRACKETS",
      threshold_code="IIT_THRESHOLD")``: monthly method: tax on ``income``
      minus the monthly threshold, by the monthly progressive brackets (rate
      and quick deduction).  Kept for bureaus that withhold month by month.
    - ``tables.income_tax_cumulative(income, income_before=0.0, months=1,
      tax_before=0.0, special_deductions=0.0, code="IIT_ANNUAL_BRACKETS",
      deduction_code="IIT_THRESHOLD")``: cumulative withholding (累计预扣法,
      the default since 2019): the tax to withhold this month, never below 0::

          taxable = income_before + income
                    - months x tables.rate(deduction_code)
                    - special_deductions
          withheld = taxable x rate - quick deduction   (annual brackets)
                     - tax_before

      ``income``: this month's income less the tax-exempt employee
      contributions; ``income_before``: the same for the earlier months of
      the tax year with this employer; ``months``: months counted in the
      year, this one included; ``tax_before``: tax already withheld in the
      year; ``special_deductions``: the special additional deductions of
      the months counted.  The engine gives all of them in ``aux``
      (``aux.ytd_income - aux.ytd_deductions``, ``aux.tax_months``,
      ``aux.ytd_tax``, ``aux.special_deductions``).
    - ``tables.version_name(code)``: "table name (version)" for messages.
    """

    def __init__(self, date, tables):
        self.date = date
        self._tables = tables
        self.missing = set()

    def _table(self, code):
        table = self._tables.get(code)
        if table is None:
            self.missing.add(code)
        return table

    @staticmethod
    def _key(key):
        if key is None or key is False:
            return None
        if hasattr(key, "_name"):
            return key.id or None
        return key

    def _line(self, table, key):
        key = self._key(key)
        if table["kind"] == "years":
            found = None
            for line in table["lines"]:
                if key is not None and line["lower_bound"] <= float(key):
                    found = line
            return found
        if key is not None:
            if table["kind"] == "code":
                key = str(key)
            line = table["by_key"].get(key)
            if line is not None:
                return line
        return table["by_key"].get(None)

    def rate(self, code, key=None):
        table = self._table(code)
        if table is None:
            return 0.0
        line = self._line(table, key)
        if line is None:
            return 0.0
        if table["kind"] == "contribution":
            return line["rate"]
        return line["amount"]

    def seniority_pay(self, years, code="SENIORITY"):
        table = self._table(code)
        line = table and self._line(table, years)
        if not line:
            return 0.0
        counted = float(years)
        if line["cap"]:
            counted = min(counted, line["cap"])
        return line["amount"] * counted

    def _contribution_line(self, code):
        table = self._table(code)
        return table and table["by_key"].get(None)

    def contribution_base(self, code, base):
        line = self._contribution_line(code)
        if not line:
            return 0.0
        base = max(base, line["base_floor"])
        if line["base_ceiling"]:
            base = min(base, line["base_ceiling"])
        return base

    def employee_share(self, code, base):
        line = self._contribution_line(code)
        if not line:
            return 0.0
        return self.contribution_base(code, base) * line["rate"] / 100.0

    def employer_share(self, code, base):
        line = self._contribution_line(code)
        if not line:
            return 0.0
        return self.contribution_base(code, base) * line["employer_rate"] / 100.0

    @staticmethod
    def _bracket_tax(table, taxable):
        """Tax on ``taxable`` by the progressive brackets of ``table``."""
        if taxable <= 0:
            return 0.0
        bracket = None
        for line in table["lines"]:
            if line["lower_bound"] < taxable:
                bracket = line
        if not bracket:
            return 0.0
        return max(taxable * bracket["rate"] / 100.0 - bracket["quick_deduction"], 0.0)

    def income_tax(self, income, code="IIT_BRACKETS", threshold_code="IIT_THRESHOLD"):
        table = self._table(code)
        if not table:
            return 0.0
        return self._bracket_tax(table, income - self.rate(threshold_code))

    def income_tax_cumulative(self, income, income_before=0.0, months=1, tax_before=0.0,
                              special_deductions=0.0, code="IIT_ANNUAL_BRACKETS",
                              deduction_code="IIT_THRESHOLD"):
        table = self._table(code)
        if not table:
            return 0.0
        taxable = income_before + income - self.rate(deduction_code) * max(months, 1) \
            - special_deductions
        # the year-to-date tax is rounded to the cent before what was withheld
        # is taken off, as the tax office's withholding software does
        return max(float_round(self._bracket_tax(table, taxable), precision_digits=2)
                   - tax_before, 0.0)

    def has(self, code):
        """Whether table ``code`` has a version in force (not recorded as
        missing)."""
        return code in self._tables

    def version_name(self, code):
        table = self._tables.get(code)
        if table is None:
            return code
        return "%s [%s] (%s)" % (table["name"], code, table["version_name"])

    def version_id(self, code):
        table = self._tables.get(code)
        return table and table["version_id"]


class AuxPayTable(models.Model):
    _name = "aux.pay.table"
    _description = "Pay Table"
    _inherit = ["mail.thread"]
    _order = "sequence, code"

    name = fields.Char(required=True, translate=True, track_visibility="onchange")
    code = fields.Char(
        required=True, track_visibility="onchange",
        help="Code used by salary-rule code, e.g. tables.rate('GRADE_PAY', grade).")
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        TABLE_KINDS, required=True, default="single", track_visibility="onchange",
        help="What the lines of this table are keyed by and what they hold.")
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
    version_ids = fields.One2many("aux.pay.table.version", "table_id", string="Versions")
    current_version_id = fields.Many2one(
        "aux.pay.table.version", string="Version in Force",
        compute="_compute_current_version_id")

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of a pay table must be unique."),
    ]

    @api.multi
    def _compute_current_version_id(self):
        today = fields.Date.context_today(self)
        versions = self.env["aux.pay.table.version"].search(
            [("table_id", "in", self.ids), ("date_from", "<=", today)],
            order="date_from desc")
        for table in self:
            table.current_version_id = versions.filtered(lambda v, t=table: v.table_id == t)[:1]

    @api.multi
    def write(self, vals):
        if "kind" in vals and self.mapped("version_ids.line_ids"):
            changed = self.filtered(lambda t: t.kind != vals["kind"] and t.version_ids.line_ids)
            if changed:
                raise ValidationError(_(
                    "Pay table %s already has lines: its kind cannot be changed. "
                    "Create another table instead.") % changed[0].display_name)
        return super(AuxPayTable, self).write(vals)

    @api.model
    def _aux_reader(self, date):
        """The pay tables in force on ``date`` (see AuxPayTableReader)."""
        return self._aux_readers([date])[date]

    @api.model
    def _aux_readers(self, dates):
        """{date: reader} for several dates, loading the versions and lines
        of every date with one search and one read each."""
        dates = sorted(set(dates))
        if not dates:
            return {}
        Version = self.env["aux.pay.table.version"].sudo()
        versions = Version.search_read(
            [("date_from", "<=", dates[-1]), ("table_id.active", "=", True)],
            ["table_id", "date_from", "name"], order="date_from")
        by_table = defaultdict(list)
        for version in versions:
            by_table[version["table_id"][0]].append(version)
        in_force = {}
        for table_id, table_versions in by_table.items():
            for date in dates:
                valid = [v for v in table_versions if v["date_from"] <= date]
                if valid:
                    in_force[(table_id, date)] = valid[-1]
        used_ids = list({v["id"] for v in in_force.values()})
        lines = self.env["aux.pay.table.line"].sudo().search_read(
            [("version_id", "in", used_ids)],
            ["version_id", "grade_id", "post_id", "key_code", "lower_bound", "amount",
             "rate", "employer_rate", "base_floor", "base_ceiling", "quick_deduction", "cap"],
            order="version_id, lower_bound, id")
        lines_by_version = defaultdict(list)
        for line in lines:
            lines_by_version[line["version_id"][0]].append(line)
        tables = {t["id"]: t for t in self.sudo().with_context(active_test=False).search_read(
            [("id", "in", list(by_table))], ["code", "name", "kind"])}
        readers = {}
        for date in dates:
            data = {}
            for table_id, table in tables.items():
                version = in_force.get((table_id, date))
                if not version:
                    continue
                version_lines = lines_by_version[version["id"]]
                by_key = {}
                for line in version_lines:
                    by_key[self._aux_line_key(table["kind"], line)] = line
                data[table["code"]] = {
                    "kind": table["kind"], "name": table["name"],
                    "version_id": version["id"], "version_name": version["name"],
                    "lines": version_lines, "by_key": by_key}
            readers[date] = AuxPayTableReader(date, data)
        return readers

    @api.model
    def _aux_line_key(self, kind, line):
        """The key of a line read by search_read, as the reader looks it up."""
        if kind == "grade":
            return line["grade_id"] and line["grade_id"][0] or None
        if kind == "post":
            return line["post_id"] and line["post_id"][0] or None
        if kind == "code":
            return line["key_code"] or None
        if kind == "years":
            return line["lower_bound"]
        return None
