# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Per-head budget planning.

For each unit and cohort: planned head count (the current auxiliaries, plus
the vacant places of the establishment quota in force on 1 January when
asked) x standard cost per head (pay-table rates for the person's grade,
post or years of service, percentages of that pay, fixed yearly costs) ->
one ``crossovered.budget`` per plan, with one line per unit (analytic
account of the unit, created when missing) and cost category (budgetary
position, created when missing from the accounts of the standard costs and
of the auxiliary salary rules).  Amounts are planned as negative numbers,
Odoo's sign for costs, so that they compare with the practical amounts of
the payroll entries.  Every plan is a new draft budget: a scenario never
touches an approved budget.
"""
import time

from dateutil.relativedelta import relativedelta

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import html_escape

from odoo.addons.aux_personnel.models.aux_service_rule import years_between

from ..models.aux_budget_cost import COST_TYPES

# Categories of salary rules whose debit accounts carry the actual cost of
# the "pay" and "employer" budget lines (category codes of the contract).
ACTUAL_CATEGORIES = {"pay": ("BASIC", "ALW", "GROSS"), "employer": ("COMP",)}
# The people the per-head budget plans: the auxiliaries and the bureau-employed
# cadres (converted auxiliaries, paid by the cadre structure).
PLANNED_DOMAIN = ["|", ("is_auxiliary", "=", True), ("aux_is_cadre", "=", True)]
# Cost categories a pay scenario (+x%) scales; percentages of pay follow the pay.
SCENARIO_TYPES = ("pay", "employer")


class AuxBudgetPlan(models.TransientModel):
    _name = "aux.budget.plan"
    _description = "Per-Head Budget Planning"

    company_id = fields.Many2one(
        "res.company", required=True,
        default=lambda self: self.env["res.company"]._company_default_get("aux.budget.plan"),
        help="The bureau or branch whose people, quotas and standard costs are planned; "
             "the budget is made in it and in its currency.")
    year = fields.Integer(
        required=True, default=lambda self: fields.Date.from_string(
            fields.Date.context_today(self)).year + 1)
    name = fields.Char(string="Budget Name")
    department_ids = fields.Many2many(
        "hr.department", string="Units",
        help="Empty: every unit of the company with auxiliaries or an establishment quota.")
    include_vacancies = fields.Boolean(
        string="Fund Vacant Quota Places", default=True,
        help="Add the places of the establishment quota not yet filled, each at the "
             "average cost per head of the unit.")
    pay_increase = fields.Float(
        string="Pay Scenario (%)", digits=(6, 2),
        help="Scenario: increase of the pay and employer-contribution costs, e.g. "
             "5 for +5%. The plan is always a new draft budget.")
    base_budget_id = fields.Many2one(
        "crossovered.budget", string="Scenario of",
        help="The plan this scenario varies: the new budget is compared with it.")
    line_ids = fields.One2many(
        "aux.budget.plan.line", "plan_id", string="Head Count and Cost", readonly=True)
    budget_id = fields.Many2one("crossovered.budget", readonly=True)
    aux_result = fields.Text(
        string="Result", readonly=True,
        help="What the last preview computed: lines, units, heads and the time it took.")

    @api.multi
    def _check_finance(self):
        if self.env.uid != SUPERUSER_ID \
                and not self.env.user.has_group("aux_payroll.group_aux_payroll_finance"):
            raise AccessError(_("Only finance may plan the per-head budget."))

    @api.constrains("company_id", "department_ids", "base_budget_id")
    def _check_company(self):
        """A plan covers one company: its units and the plan it varies belong to it."""
        for plan in self:
            others = plan.department_ids.sudo().filtered(
                lambda unit, company=plan.company_id:
                unit.company_id and unit.company_id != company)
            if others:
                raise ValidationError(_(
                    "The plan is for %(company)s, but these units belong to another "
                    "company: %(units)s.") % {
                    "company": plan.company_id.name,
                    "units": ", ".join(others.mapped("display_name"))})
            base_company = plan.base_budget_id.sudo().company_id
            if base_company and base_company != plan.company_id:
                raise ValidationError(_(
                    "The plan is for %(company)s, but the budget it varies, %(budget)s, "
                    "belongs to %(base_company)s.") % {
                    "company": plan.company_id.name, "budget": plan.base_budget_id.name,
                    "base_company": base_company.name})

    @api.multi
    def _date_range(self):
        self.ensure_one()
        if self.year < 1900:
            raise UserError(_("The planned year %s is not a valid year.") % self.year)
        start = fields.Date.from_string("%04d-01-01" % self.year)
        return (fields.Date.to_string(start),
                fields.Date.to_string(start + relativedelta(years=1, days=-1)))

    @api.multi
    def _units(self):
        self.ensure_one()
        if self.department_ids:
            return self.department_ids
        date_from = self._date_range()[0]
        people = self.env["hr.employee"].read_group(
            PLANNED_DOMAIN + [("department_id", "!=", False),
                              ("company_id", "=", self.company_id.id)],
            ["department_id"], ["department_id"])
        units = self.env["hr.department"].browse([g["department_id"][0] for g in people])
        quotas = self.env["aux.establishment.quota"].search([
            ("department_id.company_id", "in", [self.company_id.id, False]),
            ("year_from", "<=", int(date_from[:4])),
            "|", ("year_to", "=", False), ("year_to", ">=", int(date_from[:4]))])
        return units | quotas.mapped("department_id")

    @api.model
    def _people(self, employees, date):
        """The people to plan as plain dicts (batched reads): unit, cohort,
        category, pay band (auxiliary or cadre), grade and main post on
        ``date``, whole years of service on ``date`` (``years``) and at the
        end of each month of its year (``years_by_month``: what each monthly
        payslip counts), both by the years of service rule of the register
        and payroll (aux.service.rule), from the entry date or, without one,
        the start of the running contract, as payroll counts them."""
        day = fields.Date.from_string(date)
        people = employees.read(["department_id", "cohort", "aux_category", "aux_grade_id",
                                 "entry_date", "aux_is_cadre", "company_id"],
                                load="_classic_write")
        assignments = self.env["aux.post.assignment"].search([
            ("employee_id", "in", employees.ids), ("assignment_type", "=", "main"),
            ("date_from", "<=", date), "|", ("date_to", "=", False), ("date_to", ">=", date)])
        posts = {row["employee_id"]: row["post_id"] for row in assignments.read(
            ["employee_id", "post_id"], load="_classic_write")}
        year_end = fields.Date.to_string(day + relativedelta(years=1, days=-1))
        missing = [person["id"] for person in people if not person["entry_date"]]
        contract_starts = {}
        if missing:
            for row in self.env["hr.contract"].sudo().search_read(
                    [("employee_id", "in", missing), ("state", "in", ("open", "pending")),
                     ("date_start", "<=", year_end),
                     "|", ("date_end", "=", False), ("date_end", ">=", date)],
                    ["employee_id", "date_start"], order="date_start"):
                contract_starts[row["employee_id"][0]] = row["date_start"]
        month_ends = [day + relativedelta(months=index + 1, day=1, days=-1)
                      for index in range(12)]
        excluded = self.env["aux.service.rule"]._aux_excluded_months_loader()
        Rule = self.env["aux.service.rule"]
        # people who entered on the same day count the same years: computed
        # once per entry date (a bureau has far fewer entry dates than people)
        by_entry = {}
        for person in people:
            person["aux_post_id"] = posts.get(person["id"]) or None
            person["pay_band"] = "cadre" if person["aux_is_cadre"] else "auxiliary"
            key = (person["entry_date"] or contract_starts.get(person["id"]),
                   excluded(person["company_id"], date))
            if key not in by_entry:
                start = Rule._aux_service_start(*key)
                by_entry[key] = (int(years_between(start, day)),
                                 self._years_by_month(start, month_ends))
            person["years"], person["years_by_month"] = by_entry[key]
        return people

    @staticmethod
    def _years_by_month(start, month_ends):
        """Whole years of service from ``start`` at each of ``month_ends``
        (the ends of the 12 months of a year): they grow at most once in the
        year, on the anniversary, so three date computations per start date
        instead of twelve."""
        if not start:
            return (0,) * len(month_ends)
        first = int(years_between(start, month_ends[0]))
        last = int(years_between(start, month_ends[-1]))
        if first == last:
            return (last,) * len(month_ends)
        anniversary = start + relativedelta(years=last)
        return tuple(last if end >= anniversary else last - 1 for end in month_ends)

    @api.multi
    def _person_costs(self, people, date):
        """{employee id: {cost type: yearly cost}} from the standard costs in
        force on date.  The costs are read once into plain dicts and every
        pay-table answer is cached by its key: 10,000 people cost a few
        hundred table look-ups, not 160,000."""
        self.ensure_one()
        costs = self.env["aux.budget.cost"]._in_force(date, self.company_id)
        if not costs:
            raise UserError(_(
                "No standard per-head cost is valid on %s: add them under "
                "Payroll > Configuration > Standard Per-Head Costs.") % date)
        factor = 1.0 + (self.pay_increase or 0.0) / 100.0
        reader = None
        if costs.filtered(lambda c: c.basis in ("table", "employer_share")):
            reader = self.env["aux.pay.table"]._aux_reader(date)
        order = {"table": 0, "wage": 0, "fixed": 1, "percent": 2, "employer_share": 2}
        specs = [{
            "id": cost.id, "type": cost.cost_type, "basis": cost.basis,
            "amount": cost.amount, "code": cost.table_code, "key": cost.table_key,
            "months": cost.months, "percent": cost.percent, "category": cost.aux_category,
            "pay_band": cost.pay_band,
            "scale": factor if cost.cost_type in SCENARIO_TYPES else 1.0,
        } for cost in costs.sorted(lambda c: (order[c.basis], c.sequence, c.id))]
        wages = {}
        wage_bands = {spec["pay_band"] for spec in specs if spec["basis"] == "wage"}
        if wage_bands:
            wages = self._wages([p["id"] for p in people if False in wage_bands
                                 or p["pay_band"] in wage_bands], date)
        key_field = {"grade": "aux_grade_id", "post": "aux_post_id",
                     "category": "aux_category"}
        cache = {}

        def table_rate(spec, key):
            cache_key = (spec["id"], key)
            if cache_key not in cache:
                if spec["key"] == "seniority":
                    cache[cache_key] = reader.seniority_pay(key or 0, spec["code"])
                else:
                    cache[cache_key] = reader.rate(spec["code"], key) or 0.0
            return cache[cache_key]

        def monthly_rate(spec, person):
            """The monthly amount of a table cost: for years of service the
            average over the months of the year of what each month's payslip
            counts (years at the month end), else the amount on ``date``."""
            if spec["key"] in ("years", "seniority"):
                months = person["years_by_month"]
                cache_key = (spec["id"], "months", months)
                if cache_key not in cache:
                    cache[cache_key] = sum(
                        table_rate(spec, years) for years in months) / len(months)
                return cache[cache_key]
            field = key_field.get(spec["key"])
            return table_rate(spec, person[field] if field else None)

        def employer_share(spec, monthly):
            cache_key = (spec["id"], "share", monthly)
            if cache_key not in cache:
                cache[cache_key] = reader.employer_share(spec["code"], monthly)
            return cache[cache_key]

        result = {}
        for person in people:
            by_type = {}
            pay = monthly = 0.0
            for spec in specs:
                if spec["category"] and spec["category"] != person["aux_category"]:
                    continue
                if spec["pay_band"] and spec["pay_band"] != person["pay_band"]:
                    continue
                basis = spec["basis"]
                if basis == "fixed":
                    value = spec["amount"] * spec["scale"]
                elif basis in ("table", "wage"):
                    month = monthly_rate(spec, person) if basis == "table" \
                        else wages.get(person["id"], 0.0)
                    month *= spec["scale"]
                    value = month * spec["months"]
                    if spec["type"] == "pay":
                        pay += value
                        monthly += month
                elif basis == "percent":
                    value = pay * spec["percent"] / 100.0
                else:
                    value = employer_share(spec, monthly) * spec["months"]
                by_type[spec["type"]] = by_type.get(spec["type"], 0.0) + value
            result[person["id"]] = by_type
        if reader is not None and getattr(reader, "missing", None):
            raise UserError(_(
                "The standard per-head costs read pay tables that have no version in "
                "force on %(date)s: %(codes)s.") % {
                "date": date, "codes": ", ".join(sorted(reader.missing))})
        return result

    @api.model
    def _wages(self, employee_ids, date):
        """{employee id: monthly wage of the contract running on ``date``, else
        of the first one starting in its year} (the cadres' band pay, which
        the cadre structure pays); one read."""
        year_end = fields.Date.to_string(
            fields.Date.from_string(date) + relativedelta(years=1, days=-1))
        wages = {}
        for row in self.env["hr.contract"].sudo().search_read(
                [("employee_id", "in", employee_ids), ("state", "in", ("open", "pending")),
                 ("date_start", "<=", year_end),
                 "|", ("date_end", "=", False), ("date_end", ">=", date)],
                ["employee_id", "date_start", "wage"], order="date_start desc"):
            if row["date_start"] <= date or row["employee_id"][0] not in wages:
                wages[row["employee_id"][0]] = row["wage"]
        return wages

    @api.multi
    def _plan(self):
        """Return (amounts {(unit id, cost type): yearly cost},
        rows [{unit, cohort, quota, headcount, planned, amount}])."""
        self.ensure_one()
        date_from = self._date_range()[0]
        units = self._units()
        employees = self.env["hr.employee"].search(PLANNED_DOMAIN + [
            ("active", "=", True), ("department_id", "in", units.ids),
            ("company_id", "=", self.company_id.id)])
        people = self._people(employees, date_from)
        per_person = self._person_costs(people, date_from)
        amounts = {}
        rows = {}
        per_unit = {}

        def row_of(unit_id, cohort):
            return rows.setdefault((unit_id, cohort), {
                "department_id": unit_id, "cohort": cohort,
                "quota": 0, "headcount": 0, "planned": 0, "amount": 0.0})

        for person in people:
            unit_id = person["department_id"]
            row = row_of(unit_id, person["cohort"] or "")
            row["headcount"] += 1
            row["planned"] += 1
            for cost_type, value in per_person[person["id"]].items():
                amounts[(unit_id, cost_type)] = amounts.get((unit_id, cost_type), 0.0) + value
                row["amount"] += value
            per_unit.setdefault(unit_id, []).append(person["id"])
        # quotas in force on 1 January, per unit and cohort
        quotas = self.env["aux.establishment.quota"]._quotas_on(units, date_from)
        unit_quota = {}
        for quota in quotas:
            unit_id = quota.department_id.id
            unit_quota[unit_id] = unit_quota.get(unit_id, 0) + quota.quota
            row_of(unit_id, quota.cohort or "")["quota"] += quota.quota
        if self.include_vacancies:
            everybody = list(per_person)
            for unit_id, quota in unit_quota.items():
                vacant = quota - len(per_unit.get(unit_id, []))
                sample = per_unit.get(unit_id) or everybody
                if vacant <= 0 or not sample:
                    continue
                row = row_of(unit_id, _("(vacant places)"))
                row["planned"] += vacant
                for cost_type, _label in COST_TYPES:
                    average = sum(per_person[e].get(cost_type, 0.0)
                                  for e in sample) / len(sample)
                    if average:
                        amounts[(unit_id, cost_type)] = amounts.get(
                            (unit_id, cost_type), 0.0) + average * vacant
                        row["amount"] += average * vacant
        currency = self.company_id.currency_id
        amounts = {key: currency.round(value) for key, value in amounts.items()
                   if not currency.is_zero(value)}
        for row in rows.values():
            row["amount"] = currency.round(row["amount"])
        return amounts, sorted(rows.values(), key=lambda r: (r["department_id"], r["cohort"]))

    @api.multi
    def action_compute(self):
        """Fill the head count and cost table of the wizard (no budget yet)."""
        self.ensure_one()
        self._check_finance()
        started = time.time()
        _amounts, rows = self._plan()
        self.line_ids = [(5, 0, 0)] + [(0, 0, row) for row in rows]
        self.aux_result = self._aux_result_text(rows, time.time() - started)
        return {
            "type": "ir.actions.act_window", "res_model": self._name, "res_id": self.id,
            "view_mode": "form", "target": "new",
        }

    @api.model
    def _aux_result_text(self, rows, duration, budget_lines=None):
        """What a preview or a budget holds, for the user (item 4 of issue 11:
        a long operation reports what it produced)."""
        values = {
            "rows": len(rows), "units": len({row["department_id"] for row in rows}),
            "heads": sum(row["planned"] for row in rows),
            "amount": sum(row["amount"] for row in rows), "seconds": duration}
        if budget_lines is None:
            return _("%(rows)s lines (unit and cohort) for %(units)s units, %(heads)s heads "
                     "planned, yearly cost %(amount).2f; computed in %(seconds).1f s.") % values
        values["lines"] = budget_lines
        return _("%(lines)s budget lines made for %(units)s units, %(heads)s heads planned, "
                 "yearly cost %(amount).2f; computed in %(seconds).1f s.") % values

    @api.multi
    def _budget_posts(self, cost_types):
        """{cost type: account.budget.post} of the plan's company, created when
        missing from the accounts of the standard costs and, for pay and
        employer contributions, the debit accounts of the auxiliary salary rules."""
        self.ensure_one()
        Cost = self.env["aux.budget.cost"].sudo()
        Post = self.env["account.budget.post"].sudo()
        labels = dict(Cost._fields["cost_type"]._description_selection(self.env))
        structure = self.env.ref("aux_payroll.aux_salary_structure", raise_if_not_found=False)
        rules = structure.sudo().rule_ids if structure else self.env["hr.salary.rule"]
        result = {}
        for cost_type in cost_types:
            costs = Cost.search([("cost_type", "=", cost_type),
                                 ("company_id", "=", self.company_id.id)])
            post = costs.mapped("budget_post_id")[:1]
            if not post:
                accounts = costs.mapped("account_id")
                if cost_type in ACTUAL_CATEGORIES:
                    accounts |= rules.filtered(
                        lambda r, ct=cost_type: r.category_id.code in ACTUAL_CATEGORIES[ct]
                    ).mapped("account_debit")
                if not accounts:
                    raise UserError(_(
                        "The cost category %s has no account: set the expense account "
                        "on its standard costs (or a budgetary position).")
                        % labels[cost_type])
                post = Post.create({
                    "name": _("Auxiliaries: %s") % labels[cost_type],
                    "account_ids": [(6, 0, accounts.ids)],
                    "company_id": self.company_id.id,
                })
                costs.write({"budget_post_id": post.id})
            result[cost_type] = post
        return result

    @api.multi
    def action_create_budget(self):
        """Create a new draft budget from the plan (never touches another budget)."""
        self.ensure_one()
        self._check_finance()
        started = time.time()
        amounts, rows = self._plan()
        if not amounts:
            raise UserError(_("Nothing to plan for %s: no auxiliary and no quota in the "
                              "chosen units.") % self.year)
        date_from, date_to = self._date_range()
        base = self.base_budget_id
        if base and base.aux_year != self.year:
            raise UserError(_("%(budget)s plans the year %(base)s: a scenario of it plans "
                              "the same year, not %(year)s.")
                            % {"budget": base.name, "base": base.aux_year, "year": self.year})
        units = self.env["hr.department"].browse(sorted({unit for unit, _t in amounts}))
        units._aux_analytic_account()
        posts = self._budget_posts(sorted({cost_type for _u, cost_type in amounts}))
        name = self.name or _("Auxiliary per-head budget %s") % self.year
        if self.pay_increase:
            name = _("%(name)s (scenario pay %(sign)s%(increase)s%%)") % {
                "name": name, "sign": "+" if self.pay_increase > 0 else "",
                "increase": self.pay_increase}
        lines = []
        for (unit_id, cost_type), amount in sorted(amounts.items()):
            lines.append((0, 0, {
                "analytic_account_id": self.env["hr.department"].browse(unit_id)
                .sudo().aux_analytic_account_id.id,
                "general_budget_id": posts[cost_type].id,
                "date_from": date_from, "date_to": date_to,
                "planned_amount": -amount,
            }))
        budget = self.env["crossovered.budget"].sudo().create({
            "name": name, "date_from": date_from, "date_to": date_to,
            "company_id": self.company_id.id, "creating_user_id": self.env.uid,
            "aux_year": self.year, "aux_pay_increase": self.pay_increase,
            "aux_headcount": sum(row["planned"] for row in rows),
            "aux_department_ids": [(6, 0, self.department_ids.ids)],
            "aux_include_vacancies": self.include_vacancies,
            "aux_base_budget_id": self.base_budget_id.id,
            "crossovered_budget_line": lines,
        })
        self.budget_id = budget
        budget.with_env(self.env).message_post(body=html_escape(self._aux_result_text(
            rows, time.time() - started, len(lines))))
        return {
            "type": "ir.actions.act_window", "res_model": "crossovered.budget",
            "res_id": budget.id, "view_mode": "form",
        }


class AuxBudgetPlanLine(models.TransientModel):
    _name = "aux.budget.plan.line"
    _description = "Per-Head Budget Planning Line"
    _order = "department_id, cohort"

    plan_id = fields.Many2one("aux.budget.plan", required=True, ondelete="cascade")
    department_id = fields.Many2one("hr.department", string="Unit")
    cohort = fields.Char()
    quota = fields.Integer()
    headcount = fields.Integer(string="Head Count")
    planned = fields.Integer(string="Planned Heads")
    amount = fields.Float(string="Yearly Cost", digits=(16, 2))
