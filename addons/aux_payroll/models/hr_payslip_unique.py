# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One regular payslip a person and month.

A monthly run never creates a second payslip for a person paid by another
regular run of the month (``hr.payslip.run._aux_paid_elsewhere``), and two
generations of the same run never overlap (``_aux_lock_runs``).  This is the
guarantee underneath, whatever the path (two runs generated at the same
time, a payslip moved into a run, stock wizards): a partial unique index on
the employee and the month of the payslips (not cancelled, not refunds) of
regular auxiliary runs.  Adjustment runs legitimately add a second payslip
of the month and are left out; so are payslips outside auxiliary runs.
"""
import logging

from odoo import _, api, fields, models, tools
from odoo.exceptions import ValidationError

_logger = logging.getLogger(__name__)

CONSTRAINT = "hr_payslip_aux_one_regular_per_month"


class HrPayslip(models.Model):
    _inherit = "hr.payslip"  # pylint: disable=consider-merging-classes-inherited

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

    aux_regular_run = fields.Boolean(
        string="In a Regular Run", compute="_compute_aux_regular_run", store=True,
        help="The payslip belongs to a regular (not adjustment) auxiliary payroll run: "
             "a person has at most one such payslip a month.")

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
