# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The monthly payroll run of the auxiliaries on ``hr.payslip.run``.

One action generates the payslips of a unit (or of the whole bureau) for a
month without ever duplicating a payslip, computes them through the
auxiliary engine (``hr.payslip._aux_compute_batch``), then the run goes
through the approval chain unit -> auxiliary office -> finance -> leader.
An approved run is locked (``aux_locked``); a correction is a recorded
reopening.  Posting makes ONE journal entry for the whole run (see
``_aux_move_values``).
"""
import time

import babel.dates

from dateutil.relativedelta import relativedelta
from psycopg2 import OperationalError, errorcodes

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare, float_is_zero, html_escape

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust

from ..engine import store
from ..engine.final import LOCKED_STATES

AUX_RUN_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted to Unit"),
    ("unit_ok", "Approved by Unit"),
    ("office_ok", "Approved by Auxiliary Office"),
    ("finance_ok", "Approved by Finance"),
    ("approved", "Approved"),
    ("posted", "Posted"),
]

# Approval chain: step -> (state before, state after, group allowed).
AUX_STEPS = {
    "submit": ("draft", "submitted", "aux_payroll.group_aux_payroll_officer"),
    "unit": ("submitted", "unit_ok", "aux_personnel.group_aux_personnel_unit_leader"),
    "office": ("unit_ok", "office_ok", "aux_personnel.group_aux_personnel_manager"),
    "finance": ("office_ok", "finance_ok", "aux_payroll.group_aux_payroll_finance"),
    "leader": ("finance_ok", "approved", "aux_payroll.group_aux_payroll_leader"),
}


class HrPayslipRun(models.Model):
    _name = "hr.payslip.run"
    _inherit = ["hr.payslip.run", "mail.thread", "aux.workflow.mixin"]
    _order = "date_start desc, id desc"
    # The approval chain (AUX_STEPS) with its groups and unit checks is in
    # _aux_check_step; the mechanism writes the state and keeps it guarded.
    _aux_state_field = "aux_state"
    _aux_transitions = dict(
        {step: {"from": (before,), "to": after, "rule": "read"}
         for step, (before, after, _group) in AUX_STEPS.items()},
        **{"return": {"from": ("submitted", "unit_ok", "office_ok", "finance_ok"),
                      "to": "draft", "rule": "read"},
           "reopen": {"from": ("approved",), "to": "draft", "rule": "read"},
           "post": {"from": ("approved",), "to": "posted", "rule": "read"}})
    _aux_locked_states = LOCKED_STATES
    _aux_workflow_fields = ("state", "aux_move_id", "aux_generation_note", "is_aux",
                            "aux_adjustment", "aux_adjusted_run_id", "aux_month", "aux_locked")

    is_aux = fields.Boolean(
        string="Auxiliary Run", default=lambda self: self.env.context.get("default_is_aux", False),
        index=True, readonly=True,
        help="A monthly run of the auxiliary payroll (as opposed to a stock payslip batch).")
    aux_department_id = fields.Many2one(
        "hr.department", string="Unit", index=True, readonly=True,
        states={"draft": [("readonly", False)]}, track_visibility="onchange",
        help="The unit whose auxiliaries (sub-units included) are paid by this run; "
             "empty: the whole bureau.")
    aux_month = fields.Char(
        string="Month", compute="_compute_aux_month", store=True, index=True,
        help="Month of the run (YYYY-MM), from its start date.")
    aux_state = fields.Selection(
        AUX_RUN_STATES, string="Approval", default="draft", required=True, copy=False,
        index=True, readonly=True, track_visibility="onchange")
    aux_locked = fields.Boolean(
        string="Locked", compute="_compute_aux_locked", store=True, index=True,
        help="Approved runs and their payslips are locked; a correction needs a "
             "recorded reopening.")
    aux_approval_ids = fields.One2many(
        "aux.payroll.approval", "run_id", string="Approval Log", readonly=True)
    aux_move_id = fields.Many2one(
        "account.move", string="Journal Entry", readonly=True, copy=False,
        help="The single journal entry of the run, made when it is posted.")
    aux_generation_note = fields.Text(
        string="Last Generation", readonly=True, copy=False,
        help="What the last generation did: payslips added, people skipped and why.")
    aux_adjustment = fields.Boolean(
        string="Adjustment Run", readonly=True, copy=False,
        help="An adjustment run pays corrections on top of a posted run of the "
             "same month; it may contain people already paid that month.")
    aux_adjusted_run_id = fields.Many2one(
        "hr.payslip.run", string="Adjusts", readonly=True, copy=False)
    aux_adjust_employee_ids = fields.Many2many(
        "hr.employee", "hr_payslip_run_aux_adjust_employee_rel", "run_id", "employee_id",
        string="Employees to Adjust", copy=False, readonly=True,
        states={"draft": [("readonly", False)]},
        domain=["|", ("is_auxiliary", "=", True), ("aux_is_cadre", "=", True)],
        help="An adjustment run recomputes only these people of its unit; empty: "
             "everyone of the unit.  Only people whose pay differs get a payslip.")
    aux_slip_count = fields.Integer(string="Payslips", compute="_compute_aux_totals")
    aux_warning_count = fields.Integer(string="Warnings", compute="_compute_aux_totals")
    aux_total_gross = fields.Float(string="Gross", compute="_compute_aux_totals")
    aux_total_net = fields.Float(string="Net", compute="_compute_aux_totals")
    aux_total_employer = fields.Float(
        string="Employer Contributions", compute="_compute_aux_totals")
    aux_total_cost = fields.Float(
        string="Total Cost", compute="_compute_aux_totals",
        help="Gross pay plus employer contributions.")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, readonly=True,
        states={"draft": [("readonly", False)]},
        default=lambda self: self.env["res.company"]._company_default_get("hr.payslip.run"),
        help="The company (bureau or branch) whose people this run pays, in its "
             "currency and with its payslip numbers.")
    currency_id = fields.Many2one(
        "res.currency", compute="_compute_currency_id")

    @api.depends("date_start")
    def _compute_aux_month(self):
        for run in self:
            run.aux_month = run.date_start and run.date_start[:7] or False

    @api.depends("aux_state")
    def _compute_aux_locked(self):
        for run in self:
            run.aux_locked = run.aux_state in LOCKED_STATES

    @api.depends("company_id")
    def _compute_currency_id(self):
        for run in self:
            run.currency_id = run.company_id.currency_id

    @api.multi
    def _compute_aux_totals(self):
        """Totals per run by category code (GROSS, COMP, NET), two read_groups;
        sudo because unit leaders see the totals of their unit, not the lines."""
        Slip = self.env["hr.payslip"].sudo()
        Line = self.env["hr.payslip.line"].sudo()
        slips = Slip.read_group([("payslip_run_id", "in", self.ids)],
                                ["payslip_run_id"], ["payslip_run_id"])
        counts = {g["payslip_run_id"][0]: g["payslip_run_id_count"] for g in slips}
        warned = Slip.read_group([("payslip_run_id", "in", self.ids),
                                  ("aux_warning", "!=", False)],
                                 ["payslip_run_id"], ["payslip_run_id"])
        warnings = {g["payslip_run_id"][0]: g["payslip_run_id_count"] for g in warned}
        totals = {}
        for run in self:
            if not run.id:
                continue
            for group in Line.read_group(
                    [("slip_id.payslip_run_id", "=", run.id),
                     ("category_id.code", "in", ("GROSS", "COMP", "NET"))],
                    ["total", "category_id"], ["category_id"]):
                code = Line.env["hr.salary.rule.category"].browse(
                    group["category_id"][0]).code
                totals[(run.id, code)] = totals.get((run.id, code), 0.0) + group["total"]
        for run in self:
            run.aux_slip_count = counts.get(run.id, 0)
            run.aux_warning_count = warnings.get(run.id, 0)
            run.aux_total_gross = totals.get((run.id, "GROSS"), 0.0)
            run.aux_total_net = totals.get((run.id, "NET"), 0.0)
            run.aux_total_employer = totals.get((run.id, "COMP"), 0.0)
            run.aux_total_cost = run.aux_total_gross + run.aux_total_employer

    @api.onchange("date_start")
    def _onchange_aux_date_start(self):
        if self.is_aux and self.date_start:
            start = fields.Date.from_string(self.date_start).replace(day=1)
            self.date_start = fields.Date.to_string(start)
            self.date_end = fields.Date.to_string(start + relativedelta(months=1, days=-1))

    @api.onchange("aux_department_id")
    def _onchange_aux_department_company(self):
        if self.aux_department_id.company_id:
            self.company_id = self.aux_department_id.company_id

    @api.onchange("company_id")
    def _onchange_aux_company_journal(self):
        """A run books in a journal of its own company: the first general
        journal of the company when the one chosen belongs to another."""
        if self.company_id and self.journal_id.company_id != self.company_id:
            self.journal_id = self.env["account.journal"].search([
                ("type", "=", "general"), ("company_id", "=", self.company_id.id)],
                limit=1)

    @api.constrains("company_id", "aux_department_id", "journal_id")
    def _check_aux_company(self):
        """A run pays the people of its company: its unit belongs to it, and
        it books in a journal of that company."""
        for run in self:
            unit_company = run.aux_department_id.sudo().company_id
            if unit_company and unit_company != run.company_id:
                raise ValidationError(_(
                    "Payroll run %(run)s pays the people of %(company)s, but its unit "
                    "%(unit)s belongs to %(unit_company)s.") % {
                    "run": run.name, "company": run.company_id.name,
                    "unit": run.aux_department_id.sudo().display_name,
                    "unit_company": unit_company.name})
            journal = run.journal_id.sudo()
            if journal.company_id and journal.company_id != run.company_id:
                raise ValidationError(_(
                    "Payroll run %(run)s pays the people of %(company)s, but its salary "
                    "journal %(journal)s belongs to %(journal_company)s: choose a journal "
                    "of %(company)s.") % {
                    "run": run.name, "company": run.company_id.name,
                    "journal": journal.name, "journal_company": journal.company_id.name})

    @api.onchange("date_start", "aux_department_id")
    def _onchange_aux_name(self):
        if self.is_aux and self.date_start:
            self.name = self._aux_default_name(self.date_start, self.aux_department_id)

    @api.model
    def create(self, vals):
        """A run created for a company without a journal books in the first
        general journal of that company (the stock default is the first
        general journal of any company)."""
        if vals.get("company_id") and not vals.get("journal_id"):
            journal = self.env["account.journal"].search([
                ("type", "=", "general"), ("company_id", "=", vals["company_id"])], limit=1)
            if journal:
                vals = dict(vals, journal_id=journal.id)
        return super(HrPayslipRun, self).create(vals)

    @api.model
    def _aux_default_name(self, date_start, department):
        return _("Auxiliary payroll %(month)s %(unit)s") % {
            "month": date_start[:7],
            "unit": department.display_name if department else _("(whole bureau)")}

    @api.multi
    def _aux_is_locked(self):
        self.ensure_one()
        return self.aux_locked

    @api.multi
    def _aux_check_write(self, vals):
        """Stock payslip batches (not auxiliary runs) keep their stock
        buttons, which write ``state``; everything else is guarded."""
        if "state" in vals and not self.filtered("is_aux"):
            vals = {name: value for name, value in vals.items() if name != "state"}
        return super(HrPayslipRun, self)._aux_check_write(vals)

    # Generation -----------------------------------------------------------

    @api.multi
    def _aux_scope_domain(self):
        """Domain of the people paid by this run: the auxiliaries and the
        bureau-employed cadres (converted auxiliaries, on the cadre structure)."""
        self.ensure_one()
        domain = ["|", ("is_auxiliary", "=", True), ("aux_is_cadre", "=", True),
                  ("active", "=", True), ("company_id", "=", self.company_id.id)]
        if self.aux_department_id:
            domain.append(("department_id", "child_of", self.aux_department_id.id))
        return domain

    @api.multi
    def _aux_running_contracts(self):
        """{employee id: contract} of the auxiliaries in scope with a contract
        running during the month (the latest one when there are several).
        Two searches and one batched read; 'pending' (to renew) contracts
        still run."""
        self.ensure_one()
        employees = self.env["hr.employee"].search(self._aux_scope_domain())
        contracts = self.env["hr.contract"].search([
            ("employee_id", "in", employees.ids),
            ("state", "in", ("open", "pending")),
            ("date_start", "<=", self.date_end),
            "|", ("date_end", "=", False), ("date_end", ">=", self.date_start),
        ], order="date_start, id")
        rows = contracts.read(["employee_id"], load="_classic_write")
        return {row["employee_id"]: contracts.browse(row["id"]) for row in rows}

    @api.multi
    def _aux_paid_elsewhere(self, employee_ids):
        """Employees that already have a payslip (not cancelled) of another
        auxiliary run overlapping this month, e.g. a unit run and the bureau run."""
        self.ensure_one()
        slips = self.env["hr.payslip"].search([
            ("employee_id", "in", employee_ids),
            ("payslip_run_id", "!=", self.id),
            ("payslip_run_id.is_aux", "=", True),
            ("payslip_run_id.aux_adjustment", "=", False),
            ("state", "!=", "cancel"),
            ("credit_note", "=", False),
            ("date_from", "<=", self.date_end),
            ("date_to", ">=", self.date_start),
        ])
        return set(slips.mapped("employee_id").ids)

    @api.multi
    def _aux_lock_runs(self):
        """Row-lock the runs until the end of the transaction, so that two
        generations, computations or postings of the same run never overlap
        (two users clicking at once would each add the missing payslips).

        NOWAIT: the second one is refused at once with a message instead of
        waiting a minute behind the first.  Parameterised SQL: the ORM has no
        row lock; the savepoint keeps the transaction usable after a refusal."""
        if not self.ids:
            return
        try:
            with self.env.cr.savepoint():
                self.env.cr.execute(
                    "SELECT id FROM hr_payslip_run WHERE id IN %s FOR UPDATE NOWAIT",
                    (tuple(self.ids),), log_exceptions=False)
        except OperationalError as error:
            if error.pgcode != errorcodes.LOCK_NOT_AVAILABLE:
                raise
            raise UserError(_(
                "Payroll run %s is being computed by another user: try again in a "
                "moment.") % ", ".join(self.sudo().mapped("name")))

    @api.multi
    def action_aux_generate(self):
        """Create the missing payslips of the run and compute them.  Running it
        again adds only the people still missing and says so.  Returns the
        dialog reporting what was produced (see ``_aux_operation_result``)."""
        self.ensure_one()
        started = time.time()
        self._aux_lock_runs()
        if self.aux_state != "draft":
            raise UserError(_(
                "Payroll run %s is no longer a draft: payslips can only be generated "
                "in draft.") % self.name)
        contracts = self._aux_running_contracts()
        if self.aux_adjustment and self.aux_adjust_employee_ids:
            contracts = {emp_id: contract for emp_id, contract in contracts.items()
                         if emp_id in self.aux_adjust_employee_ids.ids}
        present = set(self.slip_ids.filtered(lambda s: s.state != "cancel")
                      .mapped("employee_id").ids)
        missing = [emp_id for emp_id in contracts if emp_id not in present]
        if self.aux_adjustment:
            self._aux_generate_adjustment(
                [contracts[emp_id] for emp_id in missing], len(present & set(contracts)))
            return self._aux_operation_result(
                _("Generate Payslips"), self.aux_generation_note,
                self.slip_ids.filtered(lambda s: s.state != "cancel"), started, post=False)
        elsewhere = self._aux_paid_elsewhere(missing)
        to_create = [emp_id for emp_id in missing if emp_id not in elsewhere]
        slips = self._aux_create_slips([contracts[emp_id] for emp_id in to_create])
        self._aux_compute(slips)
        note = _("%(added)s payslips added; %(present)s people already had one in "
                 "this run; %(elsewhere)s already paid by another run of the month "
                 "(not duplicated).") % {
            "added": len(slips), "present": len(present & set(contracts)),
            "elsewhere": len(elsewhere)}
        trust(self).write({"aux_generation_note": note})
        return self._aux_operation_result(_("Generate Payslips"), note, slips, started)

    @api.multi
    def _aux_operation_result(self, operation, note, slips, started, post=True):
        """Say what a generation or computation produced: how many payslips,
        how many of them with a warning to check, and how long it took, in
        the run's chatter (unless ``post`` is False: already said) and in the
        dialog returned to the user (``aux.operation.result``)."""
        self.ensure_one()
        duration = time.time() - started
        warned = self.env["hr.payslip"].search_count(
            [("id", "in", slips.ids), ("aux_warning", "!=", False)]) if slips else 0
        summary = _("%(count)s payslips computed in %(seconds).1f s; %(warned)s with a "
                    "warning to check.") % {
            "count": len(slips), "seconds": duration, "warned": warned}
        message = "%s\n%s" % (note, summary) if note else summary
        if post:
            self.message_post(body="".join(
                "<p>%s</p>" % html_escape(text) for text in (note, summary) if text))
        return self.env["aux.operation.result"].aux_show(
            "%s: %s" % (operation, self.name), message, len(slips), duration)

    @api.multi
    def _aux_generate_adjustment(self, contracts, present):
        """Generation in an adjustment run: the payslips of ``contracts`` are
        computed (each pays the difference between the month recomputed and
        what the month's other payslips paid, see
        ``engine/adjustment.py``), then those with no difference are
        deleted at once: only people whose pay differs keep a payslip."""
        self.ensure_one()
        slips = self._aux_create_slips(contracts)
        self._aux_compute(slips)
        changed = self.env["hr.payslip"].browse()
        if slips:
            groups = self.env["hr.payslip.line"].read_group(
                [("slip_id", "in", slips.ids), ("total", "!=", 0.0)],
                ["slip_id"], ["slip_id"])
            changed = slips.browse([group["slip_id"][0] for group in groups])
        (slips - changed).unlink()
        self.invalidate_cache(["slip_ids"], self.ids)
        note = _("Adjustment of %(month)s: %(changed)s of %(checked)s people recomputed "
                 "had a difference and got an adjustment payslip; %(present)s people "
                 "already had one in this run.") % {
            "month": self.aux_month, "changed": len(changed), "checked": len(slips),
            "present": present}
        trust(self).write({"aux_generation_note": note})
        self.message_post(body=note)
        return True

    @api.multi
    def _aux_slips_values(self, contracts):
        """Values of the payslips of ``contracts`` in this run (hook; batched
        reads, the month's label formatted once)."""
        self.ensure_one()
        contract_rows = contracts.read(["employee_id", "struct_id", "journal_id"],
                                       load="_classic_write")
        employees = self.env["hr.employee"].browse([r["employee_id"] for r in contract_rows])
        employee_rows = {row["id"]: row for row in employees.read(
            ["name", "department_id", "company_id"], load="_classic_write")}
        structure = self._aux_structure().id
        company = self.company_id.id
        month = babel.dates.format_date(
            date=fields.Date.from_string(self.date_start), format="MMMM-y",
            locale=self.env.context.get("lang") or "en_US")
        label = _("Adjustment of %(month)s: salary slip of %(name)s") if self.aux_adjustment \
            else _("Salary Slip of %(name)s for %(month)s")
        values = []
        for row in contract_rows:
            employee = employee_rows[row["employee_id"]]
            values.append({
                "employee_id": employee["id"],
                "contract_id": row["id"],
                "struct_id": row["struct_id"] or structure,
                "name": label % {"name": employee["name"], "month": month},
                "date_from": self.date_start,
                "date_to": self.date_end,
                "payslip_run_id": self.id,
                "company_id": employee["company_id"] or company,
                "journal_id": row["journal_id"] or self.journal_id.id,
                "credit_note": self.credit_note,
                "aux_unit_id": employee["department_id"],
            })
        return values

    @api.model
    def _aux_structure(self):
        return self.env.ref("aux_payroll.aux_salary_structure", raise_if_not_found=False) \
            or self.env["hr.payroll.structure"]

    @api.multi
    def _aux_create_slips(self, contracts):
        """Create one payslip per contract (no per-slip onchange: inputs and
        worked days are the engine's job): through the ORM for a few people,
        with one multi-row INSERT for many (``engine/store.py``)."""
        self.ensure_one()
        Slip = self.env["hr.payslip"]
        Slip.check_access_rights("create")
        if not contracts:
            return Slip
        values = self._aux_slips_values(self.env["hr.contract"].browse([c.id for c in contracts]))
        slips = store.create_payslips(Slip, values)
        self.invalidate_cache(["slip_ids"], self.ids)
        return slips

    @api.model
    def _aux_compute(self, slips):
        """Compute payslips: the auxiliary engine computes the payslips of the
        auxiliary structure in one batch, the others (a contract on another
        structure) go through the stock computation."""
        if not slips:
            return True
        aux = slips._aux_filter_aux()
        if aux:
            aux._aux_compute_batch()
        if slips - aux:
            (slips - aux).compute_sheet()
        return True

    @api.multi
    def action_aux_compute(self):
        """Recompute every draft payslip of the run (after a table or input
        change); one run: returns the dialog reporting what was computed."""
        started = time.time()
        self._aux_lock_runs()
        slips = self.env["hr.payslip"]
        for run in self:
            if run.aux_locked:
                raise UserError(_("Payroll run %s is locked: reopen it first.") % run.name)
            run_slips = run.slip_ids.filtered(lambda s: s.state in ("draft", "verify"))
            self._aux_compute(run_slips)
            slips |= run_slips
        if len(self) != 1:
            return True
        return self._aux_operation_result(_("Recompute"), "", slips, started)

    @api.multi
    def action_aux_open_slips(self, domain=None):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window", "name": _("Payslips"),
            "res_model": "hr.payslip", "view_mode": "tree,form",
            "domain": [("payslip_run_id", "=", self.id)] + (domain or []),
        }

    @api.multi
    def action_aux_open_warnings(self):
        return self.action_aux_open_slips([("aux_warning", "!=", False)])

    # Approval -------------------------------------------------------------

    @api.multi
    def _aux_check_step(self, step):
        before, _after, group = AUX_STEPS[step]
        labels = dict(self._fields["aux_state"]._description_selection(self.env))
        if self.env.uid != SUPERUSER_ID and not self.env.user.has_group(group):
            raise AccessError(_(
                "You may not record the step '%(step)s' of payroll run approval: it "
                "belongs to the group %(group)s.") % {
                "step": self._aux_step_label(step),
                "group": self.env.ref(group).sudo().full_name})
        for run in self:
            if run.aux_state != before:
                raise UserError(_(
                    "Payroll run %(run)s is '%(state)s': the step '%(step)s' needs "
                    "the run to be '%(before)s'.") % {
                    "run": run.name, "state": labels[run.aux_state],
                    "step": self._aux_step_label(step), "before": labels[before]})
            if step == "unit" and not run.aux_department_id and self.env.uid != SUPERUSER_ID \
                    and not self.env.user.has_group("aux_personnel.group_aux_personnel_user"):
                raise AccessError(_(
                    "Payroll run %s covers the whole bureau: the auxiliary office gives "
                    "its unit approval.") % run.name)
            if step == "unit" and run.aux_department_id and self.env.uid != SUPERUSER_ID:
                led = self.env.user.employee_ids.mapped("department_id")
                units = self.env["hr.department"].sudo().search(
                    [("id", "child_of", led.ids)]) if led else led
                if run.aux_department_id not in units:
                    raise AccessError(_(
                        "Payroll run %(run)s belongs to %(unit)s: only a leader of that "
                        "unit (or a parent unit) may approve it for the unit.") % {
                        "run": run.name, "unit": run.aux_department_id.display_name})

    @api.model
    def _aux_step_label(self, step):
        return dict(self.env["aux.payroll.approval"]._fields["step"]
                    ._description_selection(self.env))[step]

    @api.multi
    def _aux_record(self, step, note=False):
        """Record who did ``step`` and when, in the approval log."""
        Approval = self.env["aux.payroll.approval"].sudo()
        for run in self:
            Approval.create({"run_id": run.id, "step": step, "user_id": self.env.uid,
                             "date": fields.Datetime.now(), "note": note})

    @api.multi
    def _aux_step(self, step):
        self._aux_check_step(step)
        if step == "submit":
            for run in self:
                if not self.env["hr.payslip"].sudo().search_count(
                        [("payslip_run_id", "=", run.id)]):
                    raise UserError(_("Payroll run %s has no payslips: generate them "
                                      "before submitting it.") % run.name)
        after = AUX_STEPS[step][1]
        self._aux_transition(step, {"state": "close"} if after == "approved" else None)
        self._aux_record(step)
        return True

    @api.multi
    def action_aux_submit(self):
        return self._aux_step("submit")

    @api.multi
    def action_aux_approve_unit(self):
        return self._aux_step("unit")

    @api.multi
    def action_aux_approve_office(self):
        return self._aux_step("office")

    @api.multi
    def action_aux_approve_finance(self):
        return self._aux_step("finance")

    @api.multi
    def action_aux_approve_leader(self):
        return self._aux_step("leader")

    @api.multi
    def action_aux_return(self):
        """Send a run in approval back to draft (any approver of the next step)."""
        for run in self:
            step = next((s for s, spec in AUX_STEPS.items()
                         if spec[0] == run.aux_state and s != "submit"), None)
            if not step:
                raise UserError(_("Payroll run %s is not waiting for an approval.")
                                % run.name)
            run._aux_check_step(step)
            run._aux_transition("return")
            run._aux_record("return")
        return True

    @api.multi
    def action_aux_reopen(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Reopen Payroll Run"),
            "res_model": "aux.payroll.run.reopen",
            "view_mode": "form",
            "target": "new",
            "context": {"default_run_id": self.id},
        }

    @api.multi
    def _aux_reopen(self, reason):
        """Reopen an approved (not posted) run: back to draft, unlocked, with
        the reason, the user and the time in the approval log and the chatter."""
        if self.env.uid != SUPERUSER_ID and not (
                self.env.user.has_group("aux_personnel.group_aux_personnel_manager")
                or self.env.user.has_group("aux_payroll.group_aux_payroll_finance")):
            raise AccessError(_("Only the auxiliary office manager or finance may reopen "
                                "an approved payroll run."))
        if not (reason or "").strip():
            raise UserError(_("Give the reason for reopening the payroll run."))
        for run in self:
            if run.aux_state == "posted":
                raise UserError(_(
                    "Payroll run %s is posted: correct it with an adjustment run of "
                    "the month, not by reopening it.") % run.name)
            if run.aux_state != "approved":
                raise UserError(_("Payroll run %s is not approved: nothing to reopen.")
                                % run.name)
        self._aux_transition("reopen", {"state": "draft"}, note=reason)
        self._aux_record("reopen", reason)
        return True

    @api.multi
    def action_aux_adjustment(self):
        """Create an adjustment run of the same month and unit for a posted run:
        its payslips (e.g. arrears or corrections) are paid on top of the
        posted ones."""
        self.ensure_one()
        if self.aux_state != "posted":
            raise UserError(_("Payroll run %s is not posted: reopen it instead.")
                            % self.name)
        adjustment = trust(self).copy({
            "name": _("Adjustment of %s") % self.name, "slip_ids": [],
            "aux_adjustment": True, "aux_adjusted_run_id": self.id,
        }).with_env(self.env)
        return {
            "type": "ir.actions.act_window", "res_model": self._name,
            "res_id": adjustment.id, "view_mode": "form",
        }

    # Posting --------------------------------------------------------------

    @api.multi
    def action_aux_post(self):
        """Post the run: ONE journal entry per run, lines summed per salary
        rule, account, unit (analytic account) and partner.

        hr_payroll_account 11 makes one entry per payslip in
        ``hr.payslip.action_payslip_done`` (which also recomputes every
        slip); for 10,000 people that is 10,000 entries.  The run instead
        builds the same debit/credit lines from the rules' accounts, adds
        the unit's analytic account to the expense (debit) lines so that
        the per-head budget sees the actual cost, and marks the payslips
        done with the run's entry as their ``move_id``."""
        if self.env.uid != SUPERUSER_ID \
                and not self.env.user.has_group("aux_payroll.group_aux_payroll_finance"):
            raise AccessError(_("Only finance may post a payroll run."))
        self._aux_lock_runs()
        Move = self.env["account.move"].sudo()
        for run in self:
            if run.aux_state != "approved":
                raise UserError(_("Payroll run %s must be approved before it is posted.")
                                % run.name)
            if not run.journal_id:
                raise UserError(_("Payroll run %s has no salary journal.") % run.name)
            move = Move.create(run._aux_move_values())
            move.post()
            trust(run.slip_ids.filtered(lambda s: s.state in ("draft", "verify"))).write(
                {"state": "done", "move_id": move.id, "date": run.date_end})
            run._aux_transition("post", {"aux_move_id": move.id})
            run._aux_record("post")
        return True

    @api.multi
    def _aux_line_totals(self):
        """[(rule id, unit id, partner id, total)] of the run's payslip lines.

        Parameterised SQL: one aggregate over the 200,000 lines of a
        10,000-person run instead of reading them all through the ORM."""
        self.ensure_one()
        self.env.cr.execute("""
            SELECT l.salary_rule_id, s.aux_unit_id, e.address_home_id,
                   SUM(CASE WHEN s.credit_note THEN -l.total ELSE l.total END)
              FROM hr_payslip_line l
              JOIN hr_payslip s ON s.id = l.slip_id
              JOIN hr_employee e ON e.id = s.employee_id
             WHERE s.payslip_run_id = %s AND s.state IN ('draft', 'verify')
          GROUP BY l.salary_rule_id, s.aux_unit_id, e.address_home_id
        """, (self.id,))
        return self.env.cr.fetchall()

    @api.multi
    def _aux_move_values(self):
        """Values of the run's journal entry (see ``action_aux_post``)."""
        self.ensure_one()
        precision = self.env["decimal.precision"].precision_get("Payroll")
        rules = self.env["hr.salary.rule"].sudo()
        units = self.env["hr.department"].sudo()
        sums = {}
        for rule_id, unit_id, partner_id, total in self._aux_line_totals():
            rule = rules.browse(rule_id)
            if float_is_zero(total, precision_digits=precision):
                continue
            for side, account in (("debit", rule.account_debit), ("credit", rule.account_credit)):
                if not account:
                    continue
                analytic = rule.analytic_account_id
                if side == "debit" and not analytic and unit_id:
                    analytic = units.browse(unit_id)._aux_analytic_account()
                partner = partner_id if account.internal_type in ("receivable", "payable") \
                    or rule.register_id.partner_id else False
                if rule.register_id.partner_id:
                    partner = rule.register_id.partner_id.id
                key = (rule.id, side, account.id, analytic.id, partner)
                sums[key] = sums.get(key, 0.0) + total
        date = self.date_end
        lines = []
        debit_sum = credit_sum = 0.0
        for (rule_id, side, account_id, analytic_id, partner_id), amount in sorted(
                sums.items(), key=lambda item: (item[0][0], item[0][1], item[0][3] or 0)):
            amount = round(amount, precision)
            if side == "credit":
                amount = -amount
            debit, credit = (amount, 0.0) if amount > 0 else (0.0, -amount)
            debit_sum += debit
            credit_sum += credit
            lines.append((0, 0, {
                "name": rules.browse(rule_id).name, "account_id": account_id,
                "analytic_account_id": analytic_id or False, "partner_id": partner_id,
                "journal_id": self.journal_id.id, "date": date,
                "debit": debit, "credit": credit,
            }))
        diff = round(debit_sum - credit_sum, precision)
        if float_compare(diff, 0.0, precision_digits=precision):
            account = self.journal_id.default_credit_account_id if diff > 0 \
                else self.journal_id.default_debit_account_id
            if not account:
                raise UserError(_(
                    'The salary journal "%(journal)s" has no default debit/credit '
                    'account for the adjustment line of payroll run %(run)s.') % {
                    "journal": self.journal_id.name, "run": self.name})
            lines.append((0, 0, {
                "name": _("Adjustment Entry"), "account_id": account.id,
                "journal_id": self.journal_id.id, "date": date,
                "debit": diff < 0 and -diff or 0.0, "credit": diff > 0 and diff or 0.0,
            }))
        return {
            "narration": _("Payroll run %s") % self.name,
            "ref": self.name,
            "journal_id": self.journal_id.id,
            "date": date,
            "line_ids": lines,
        }

