# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust
from odoo.addons.aux_personnel.tools.local_time import local_today

NOTICE_PARAM = "aux_training.certificate_expiry_notice_days"


class AuxTrainingCertificate(models.Model):
    """A certificate of a person.  Its state (valid, expiring, expired) is
    worked out by the server from the expiry date, never written."""

    _name = "aux.training.certificate"
    _description = "Training Certificate"
    _inherit = ["mail.thread", "aux.workflow.mixin"]
    _order = "date_expiry, id"
    _aux_workflow_fields = ("department_id",)
    _aux_unlink_states = ("valid", "expiring", "expired")

    name = fields.Char(required=True, track_visibility="onchange")
    number = fields.Char()
    employee_id = fields.Many2one(
        "hr.employee", required=True, ondelete="cascade", index=True,
        track_visibility="onchange")
    department_id = fields.Many2one(
        related="employee_id.department_id", store=True, readonly=True, string="Unit")
    course_id = fields.Many2one("aux.training.course")
    session_id = fields.Many2one("aux.training.session")
    date_issued = fields.Date(
        string="Issued On", required=True, default=local_today,
        track_visibility="onchange")
    date_expiry = fields.Date(
        string="Expires On", track_visibility="onchange",
        help="Empty: the certificate does not expire.")
    state = fields.Selection(
        [("valid", "Valid"), ("expiring", "Expiring"), ("expired", "Expired")],
        default="valid", required=True, readonly=True, track_visibility="onchange",
        help="Expiring: expires within the notice period set in the system parameter "
             "aux_training.certificate_expiry_notice_days. Updated daily.")

    @api.model
    def _aux_notice_days(self):
        return int(self.env["ir.config_parameter"].sudo().get_param(NOTICE_PARAM, "0"))

    @api.model
    def _aux_state_for(self, date_expiry, today=None, notice_days=None):
        if not date_expiry:
            return "valid"
        today = fields.Date.from_string(today or local_today(self))
        if notice_days is None:
            notice_days = self._aux_notice_days()
        expiry = fields.Date.from_string(date_expiry)
        if expiry < today:
            return "expired"
        if expiry <= today + timedelta(days=notice_days):
            return "expiring"
        return "valid"

    @api.model
    def _aux_check_dates(self, name, date_issued, date_expiry):
        if date_issued and date_expiry and date_expiry < date_issued:
            raise ValidationError(
                _("Certificate %(name)s expires on %(expiry)s, before it is issued on "
                  "%(issued)s.")
                % {"name": name, "expiry": date_expiry, "issued": date_issued})

    @api.constrains("date_issued", "date_expiry")
    def _check_dates(self):
        for rec in self:
            self._aux_check_dates(rec.name, rec.date_issued, rec.date_expiry)

    @api.model
    def create(self, vals):
        self._aux_check_dates(
            vals.get("name"),
            vals.get("date_issued") or local_today(self),
            vals.get("date_expiry"))
        return super(AuxTrainingCertificate, self).create(vals)

    @api.model
    def _aux_server_values(self, vals):
        return dict(super(AuxTrainingCertificate, self)._aux_server_values(vals),
                    state=self._aux_state_for(vals.get("date_expiry")))

    @api.multi
    def write(self, vals):
        if "date_issued" in vals or "date_expiry" in vals:
            for rec in self:
                self._aux_check_dates(
                    vals.get("name", rec.name),
                    vals.get("date_issued", rec.date_issued),
                    vals.get("date_expiry", rec.date_expiry))
        res = super(AuxTrainingCertificate, self).write(vals)
        if "date_expiry" in vals:
            self._aux_refresh_state()
        return res

    @api.multi
    def _aux_refresh_state(self, today=None):
        """Recompute the state of ``self``; one write per resulting state."""
        notice_days = self._aux_notice_days()
        by_state = {}
        for rec in self:
            state = self._aux_state_for(rec.date_expiry, today, notice_days)
            if state != rec.state:
                by_state.setdefault(state, self.browse())
                by_state[state] |= rec
        for state, records in by_state.items():
            # no date in the values: write() does not come back here
            trust(records).write({"state": state})
        return by_state

    @api.model
    def _cron_update_expiry_state(self, today=None):
        """Daily: mark certificates expiring within the notice period or expired."""
        certificates = self.search([("date_expiry", "!=", False), ("state", "!=", "expired")])
        changed = certificates._aux_refresh_state(today)
        for rec in changed.get("expiring", self.browse()):
            rec.message_post(
                body=_("Certificate %(name)s of %(employee)s expires on %(expiry)s.")
                % {"name": rec.name, "employee": rec.employee_id.name,
                   "expiry": rec.date_expiry})
        return changed
