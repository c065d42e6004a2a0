# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust
from odoo.addons.aux_personnel.tools.local_time import local_today


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    aux_assessment_sheet_ids = fields.One2many("aux.assessment.sheet", "employee_id",
                                               string="Assessment Sheets")
    aux_assessment_count = fields.Integer(compute="_compute_aux_assessment_count",
                                          string="Assessments")
    aux_promotion_candidate = fields.Boolean(
        string="Promotion Candidate", compute="_compute_aux_candidates",
        search="_search_aux_promotion_candidate",
        help="Each of the last confirmed annual results reaches the promotion band "
             "(years and band from the assessment rules).")
    aux_demotion_candidate = fields.Boolean(
        string="Demotion Candidate", compute="_compute_aux_candidates",
        search="_search_aux_demotion_candidate")
    aux_nonrenewal_candidate = fields.Boolean(
        string="Contract Non-renewal Candidate", compute="_compute_aux_candidates",
        search="_search_aux_nonrenewal_candidate")
    aux_candidate_reason = fields.Text(
        string="Why on the Lists", compute="_compute_aux_candidates",
        help="The annual results and rule behind each consequence list the person is on.")
    aux_discipline_count = fields.Integer(
        string="Discipline", compute="_compute_aux_discipline_count")
    aux_sanction_in_force = fields.Boolean(
        string="Sanction in Force", compute="_compute_aux_discipline_count",
        search="_search_aux_sanction_in_force",
        help="A confirmed sanction of the person is in force today.")

    @api.multi
    def _compute_aux_assessment_count(self):
        data = self.env["aux.assessment.sheet"].read_group(
            [("employee_id", "in", self.ids)], ["employee_id"], ["employee_id"])
        counts = {d["employee_id"][0]: d["employee_id_count"] for d in data}
        for employee in self:
            employee.aux_assessment_count = counts.get(employee.id, 0)

    @api.multi
    def _compute_aux_candidates(self):
        details = self.env["aux.assessment.sheet"]._aux_consequence_details(employees=self)
        labels = {"promotion": _("Promotion"), "demotion": _("Demotion"),
                  "nonrenewal": _("Contract non-renewal")}
        for employee in self:
            employee.aux_promotion_candidate = employee.id in details["promotion"]
            employee.aux_demotion_candidate = employee.id in details["demotion"]
            employee.aux_nonrenewal_candidate = employee.id in details["nonrenewal"]
            employee.aux_candidate_reason = "\n".join(
                "%s: %s" % (labels[kind], details[kind][employee.id])
                for kind in ("promotion", "demotion", "nonrenewal")
                if employee.id in details[kind]) or False

    @api.multi
    def _compute_aux_discipline_count(self):
        Case = self.env["aux.discipline.case"]
        data = Case.read_group([("employee_id", "in", self.ids)], ["employee_id"],
                               ["employee_id"])
        counts = {d["employee_id"][0]: d["employee_id_count"] for d in data}
        in_force = set(Case.sudo().search(
            [("employee_id", "in", self.ids)]
            + Case._in_force_domain(local_today(self))).mapped("employee_id").ids)
        for employee in self:
            employee.aux_discipline_count = counts.get(employee.id, 0)
            employee.aux_sanction_in_force = employee.id in in_force

    @api.model
    def _search_aux_sanction_in_force(self, operator, value):
        Case = self.env["aux.discipline.case"]
        ids = Case.sudo().search(Case._in_force_domain(
            local_today(self))).mapped("employee_id").ids
        positive = (operator in ("=", "==")) == bool(value)
        return [("id", "in" if positive else "not in", ids)]

    @api.model
    def _aux_promotion_blockers(self, employees, date):
        """Results and sanctions that stop a promotion (hook of aux_personnel)."""
        blockers = super()._aux_promotion_blockers(employees, date)
        for source in (self.env["aux.assessment.sheet"]._aux_promotion_result_blockers,
                       self.env["aux.discipline.case"]._aux_promotion_blockers):
            for emp_id, reasons in source(employees, date).items():
                blockers.setdefault(emp_id, []).extend(reasons)
        return blockers

    @api.multi
    def action_view_aux_discipline_cases(self):
        self.ensure_one()
        action = self.env.ref("aux_assessment.aux_discipline_case_action").read()[0]
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id}
        return action

    @api.model
    def _search_aux_candidate(self, kind, operator, value):
        ids = list(self.env["aux.assessment.sheet"]._aux_consequence_candidates()[kind])
        positive = (operator in ("=", "==")) == bool(value)
        return [("id", "in" if positive else "not in", ids)]

    @api.model
    def _search_aux_promotion_candidate(self, operator, value):
        return self._search_aux_candidate("promotion", operator, value)

    @api.model
    def _search_aux_demotion_candidate(self, operator, value):
        return self._search_aux_candidate("demotion", operator, value)

    @api.model
    def _search_aux_nonrenewal_candidate(self, operator, value):
        return self._search_aux_candidate("nonrenewal", operator, value)

    @api.multi
    def action_view_aux_assessments(self):
        self.ensure_one()
        action = self.env.ref("aux_assessment.aux_assessment_sheet_action").read()[0]
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"search_default_group_period_type": 1}
        return action

    # Training results reach the ability (能) section: an event type may name a
    # training measure; when aux_training hands over a month's final results
    # (``hr.employee._aux_training_results``, a hook of aux_personnel), each
    # person gets one confirmed event per such type and month, worth the type's
    # points per occurrence, on the type's item (by default the training and
    # exams item).  Results handed over again (a session done or reopened) keep,
    # replace or withdraw that one event: a result counts once.

    @api.model
    def _aux_training_results(self, date_from, date_to, results):
        """Keep one confirmed event per person, training event type and month
        matching ``results`` (see aux_personnel): created, replaced when the
        count changed, withdrawn when nothing is left.  An event already on a
        confirmed sheet is not changed: the sheet must be reopened first."""
        res = super(HrEmployee, self)._aux_training_results(date_from, date_to, results)
        types = self.env["aux.assessment.event.type"].sudo().search(
            [("training_measure", "!=", False)])
        if not types or not results:
            return res
        month = date_from[:7]
        Event = self.env["aux.assessment.event"].sudo()
        existing = {
            (event.employee_id.id, event.type_id.id): event
            for event in Event.search([
                ("training_month", "=", month), ("employee_id", "in", list(results)),
                ("type_id", "in", types.ids), ("state", "!=", "cancelled")])}
        labels = dict(self.env["aux.assessment.event.type"].fields_get(
            ["training_measure"])["training_measure"]["selection"])
        withdraw = Event
        new = []
        for employee_id in sorted(results):
            for etype in types:
                count = int(results[employee_id].get(etype.training_measure) or 0)
                points = count * etype.default_points
                event = existing.get((employee_id, etype.id))
                if event and count and event.points == points:
                    continue
                if event:
                    withdraw |= event
                if count:
                    new.append({
                        "employee_id": employee_id, "type_id": etype.id,
                        "item_id": etype.item_id.id, "points": points,
                        "date": date_from, "training_month": month,
                        "state": "confirmed", "author_id": self.env.uid,
                        "description": _("Training results of %(month)s: %(count)s x "
                                         "%(measure)s") % {
                            "month": month, "count": count,
                            "measure": labels[etype.training_measure]},
                    })
        confirmed = withdraw.filtered(lambda e: e.sheet_id.state == "confirmed")
        if confirmed:
            raise UserError(_(
                "The training results of %(month)s of %(names)s count on confirmed "
                "sheets (%(sheets)s): a manager must reopen them before the results "
                "change.") % {
                "month": month, "names": ", ".join(confirmed.mapped("employee_id.name")),
                "sheets": ", ".join(confirmed.mapped("sheet_id.name"))})
        if withdraw:
            withdraw.with_context(tracking_disable=True)._aux_transition(
                "revoke", note=_("training results of %s handed over again") % month)
        Created = trust(Event).with_context(tracking_disable=True, mail_create_nolog=True)
        for vals in new:
            Created.create(vals)
        return res
