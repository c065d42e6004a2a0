# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The payslip of the auxiliary payroll: its fields, its locks and the
entry into the engine.

``compute_sheet()`` sends the payslips of the auxiliary structures to the
set-based engine (``aux_payroll/engine``, see its ``__init__``) through
``_aux_compute_batch`` and keeps stock behaviour for the others.  Other
addons add facts, inputs and records to the computation through
``_aux_engine_extensions`` (``engine/extension.py``).

One regular payslip a person and month.  A monthly run never creates a
second payslip for a person paid by another regular run of the month
(``hr.payslip.run._aux_paid_elsewhere``), and two generations of the same
run never overlap (``_aux_lock_runs``).  This is the guarantee underneath,
whatever the path (two runs generated at the same time, a payslip moved into
a run, stock wizards): a partial unique index on the employee and the month
of the payslips (not cancelled, not refunds) of regular auxiliary runs.
Adjustment runs legitimately add a second payslip of the month and are left
out; so are payslips outside auxiliary runs.
"""
import logging

from odoo import _, api, fields, models, tools
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.aux_personnel.models.aux_workflow_mixin import MAIL_FIELD_PREFIXES, is_trusted

from .. import engine
from ..engine.codes import ARREARS_CODE

_logger = logging.getLogger(__name__)

# Fields hr_payroll_account sets on a payslip it has just made done.
FIRST_LINK_FIELDS = frozenset({"move_id", "date"})
CONSTRAINT = "hr_payslip_aux_one_regular_per_month"


class HrPayslip(models.Model):
    _inherit = "hr.payslip"

    # A partial unique index as a table constraint (EXCLUDE ... WITH =), so
    # that Odoo maps its violation to this message; written as PostgreSQL
    # prints it back, so that module updates find it unchanged.
    _sql_constraints = [(
        "aux_one_regular_per_month",
        "EXCLUDE USING btree (employee_id WITH =, date_trunc('month'::text, "
        "(date_from)::timestamp without time zone) WITH =) WHERE ((aux_regular_run AND "
        "((state)::text <> 'cancel'::text) AND (credit_note IS NOT TRUE)))",
        "A person has at most one payslip a month in the regular payroll runs (not "
        "cancelled, not a refund): a correction goes to an adjustment run.")]

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
    aux_unit_id = fields.Many2one(
        "hr.department", string="Unit", index=True, readonly=True,
        states={"draft": [("readonly", False)]},
        help="The employee's unit when the payslip was made: payroll cost, the "
             "register and the journal entry are reported per this unit.")
    aux_adjustment = fields.Boolean(
        string="Adjustment Payslip", related="payslip_run_id.aux_adjustment", readonly=True,
        help="A payslip of an adjustment run: its amounts are the difference between "
             "the month recomputed and what the month's other payslips paid.")
    aux_regular_run = fields.Boolean(
        string="In a Regular Run", compute="_compute_aux_regular_run", store=True,
        help="The payslip belongs to a regular (not adjustment) auxiliary payroll run: "
             "a person has at most one such payslip a month.")

    @api.multi
    def _compute_aux_arrears_total(self):
        for slip in self:
            slip.aux_arrears_total = sum(
                slip.line_ids.filtered(lambda ln: ln.code == ARREARS_CODE).mapped("total"))

    @api.depends("payslip_run_id.is_aux", "payslip_run_id.aux_adjustment")
    def _compute_aux_regular_run(self):
        for slip in self:
            run = slip.payslip_run_id
            slip.aux_regular_run = bool(run.is_aux and not run.aux_adjustment)

    @api.constrains("aux_regular_run", "payslip_run_id", "employee_id", "date_from", "state",
                    "credit_note")
    def _check_aux_one_regular_per_month(self):
        """The constraint's rule with names, for the ORM paths (checked as
        soon as the payslip's run is written, before the constraint itself
        sees the recomputed flag): one query for the whole batch (a run
        writes thousands of payslips at once)."""
        if not self.pool.ready:
            return  # module update: existing payslips, see init()
        slips = self.filtered("aux_regular_run")
        if not slips:
            return
        self.env.cr.execute("""
            SELECT s.id, o.id
              FROM hr_payslip s
              JOIN hr_payslip o
                ON o.employee_id = s.employee_id AND o.id != s.id
               AND date_trunc('month', o.date_from::timestamp)
                   = date_trunc('month', s.date_from::timestamp)
               AND o.aux_regular_run AND o.state != 'cancel' AND o.credit_note IS NOT TRUE
             WHERE s.id IN %s
               AND s.state != 'cancel' AND s.credit_note IS NOT TRUE
             LIMIT 1""", (tuple(slips.ids),))
        row = self.env.cr.fetchone()
        if row:
            slip, other = self.browse(row).sudo()
            raise ValidationError(_(
                "%(employee)s already has a payslip of %(month)s in the regular payroll "
                "run %(run)s: a person is paid once a month (a correction goes to an "
                "adjustment run).") % {
                "employee": slip.employee_id.name, "month": slip.date_from[:7],
                "run": other.payslip_run_id.name})

    @api.model_cr
    def init(self):
        """A database that already holds two regular payslips of a person and
        month (made before this constraint) keeps working: the constraint is
        left out, and an error in the log names them, until they are cleaned
        up and the module is updated.  (The stored flag of existing payslips
        is computed after this, so the runs say which are regular.)"""
        cr = self.env.cr
        cr.execute("""
            SELECT s.employee_id, to_char(s.date_from, 'YYYY-MM'), array_agg(s.id)
              FROM hr_payslip s
              JOIN hr_payslip_run r ON r.id = s.payslip_run_id
             WHERE r.is_aux AND r.aux_adjustment IS NOT TRUE
               AND s.state != 'cancel' AND s.credit_note IS NOT TRUE
          GROUP BY 1, 2 HAVING count(*) > 1 LIMIT 10""")
        duplicates = cr.fetchall()
        if duplicates:
            _logger.error(
                "Constraint %s left out: employees paid twice in a month by regular "
                "auxiliary runs (employee id, month, payslip ids): %s", CONSTRAINT,
                duplicates)
            tools.drop_constraint(cr, self._table, CONSTRAINT)

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
        """Compute the payslips of ``self`` (auxiliary structures) with the
        engine, ``engine.BATCH_SIZE`` at a time, after checking the user's
        rights and the locks."""
        for start in range(0, len(self), engine.BATCH_SIZE):
            slips = self[start:start + engine.BATCH_SIZE]
            slips.check_access_rights("write")
            slips.check_access_rule("write")
            self.env["hr.payslip.line"].check_access_rights("create")
            slips._aux_check_lock()
            engine.compute(slips)
        return True

    @api.model
    def _aux_engine_extensions(self):
        """Hook: the extensions of the payroll engine, new instances for each
        batch (see ``engine/extension.py``).  An addon adds its own with
        ``return super()._aux_engine_extensions() + [MyExtension()]``."""
        return []
