# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Hooks of the management loop, kept by the register and filled in by the
addons above it:

- ``hr.employee._aux_promotion_blockers(employees, date)``: what stops a
  promotion (aux_assessment adds the results and the sanctions); the *Due
  for Seniority Promotion* list and the promote wizard are gated by it, with
  the reasons shown;
- ``hr.employee._aux_signal(trigger, signals)``: something happened to
  people that a rule may answer (aux_welfare's must-talk rules): a veto,
  penalty points, a low band, a planned exit. The register signals planned
  exits itself.
"""
from odoo import _, api, fields, models

from ..tools.local_time import local_today


class HrEmployee(models.Model):
    _inherit = "hr.employee"  # pylint: disable=consider-merging-classes-inherited

    # the reasons name pending discipline cases, which the person may not read
    aux_promotion_blocked = fields.Boolean(
        string="Promotion Blocked", compute="_compute_aux_promotion_blocked",
        search="_search_aux_promotion_blocked",
        groups="aux_personnel.group_aux_personnel_unit_leader",
        help="Something in the results or the discipline record stops a promotion "
             "today (see the reasons).")
    aux_promotion_block_reason = fields.Text(
        string="Why Not Promoted", compute="_compute_aux_promotion_blocked",
        groups="aux_personnel.group_aux_personnel_unit_leader",
        help="The annual results, vetoes and sanctions that stop a promotion today.")

    @api.model
    def _aux_promotion_blockers(self, employees, date):
        """Return ``{employee id: [reason]}``: what stops the promotion of
        ``employees`` on ``date``.

        Hook: the register knows no results nor sanctions and finds nothing;
        aux_assessment adds them (call ``super()`` and extend the lists).
        Work on the whole recordset at once.
        """
        return {}

    @api.model
    def _aux_signal(self, trigger, signals):
        """Tell the rules that answer ``trigger`` what happened to people.

        :param trigger: ``veto``, ``penalty_points``, ``low_band``,
            ``planned_exit`` or ``life_event``
        :param signals: list of dicts: ``employee`` (one hr.employee),
            ``date``, ``reason`` (text for the people who act on it),
            ``origin`` (``"model,id"`` of the record behind it), ``key`` (the
            same key twice is the same occurrence: answered once), and as
            the trigger needs ``codes`` (list of codes: event type, band,
            exit reason), ``period_type`` and ``value`` (e.g. points).

        Hook: nothing answers here; aux_welfare's must-talk rules do.
        """
        return True

    @api.multi
    def _compute_aux_promotion_blocked(self):
        blockers = self._aux_promotion_blockers(self, local_today(self))
        for employee in self:
            reasons = blockers.get(employee.id)
            employee.aux_promotion_blocked = bool(reasons)
            employee.aux_promotion_block_reason = "\n".join(reasons) if reasons else False

    @api.model
    def _search_aux_promotion_blocked(self, operator, value):
        """Among the auxiliaries in service."""
        people = self.search([("is_auxiliary", "=", True)])
        ids = list(self._aux_promotion_blockers(people, local_today(self)))
        positive = (operator in ("=", "==")) == bool(value)
        return [("id", "in" if positive else "not in", ids)]

    @api.multi
    def _compute_aux_promotion_due(self):
        """Due by seniority, and nothing stops the promotion."""
        due = self._aux_promotion_due_map()
        people = self.filtered(lambda e: e.id in due)
        blocked = self._aux_promotion_blockers(people, local_today(self))
        for employee in self:
            employee.aux_promotion_due = employee.id in due and employee.id not in blocked

    @api.model
    def _search_aux_promotion_due(self, operator, value):
        due = self._aux_promotion_due_map()
        blocked = self._aux_promotion_blockers(
            self.browse(list(due)), local_today(self))
        ids = [emp_id for emp_id in due if emp_id not in blocked]
        positive = (operator in ("=", "==")) == bool(value)
        return [("id", "in" if positive else "not in", ids)]


class AuxEmployeeExit(models.Model):
    _inherit = "aux.employee.exit"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def create(self, vals):
        """An exit recorded ahead of its last day is a planned exit: signalled."""
        record = super().create(vals)
        if record.exit_type == "exit" and record.state == "draft":
            record._aux_signal_planned_exit()
        return record

    @api.multi
    def _aux_signal_planned_exit(self):
        exits = self.sudo()
        self.env["hr.employee"]._aux_signal("planned_exit", [{
            "employee": rec.employee_id, "date": rec.last_day,
            "origin": "%s,%d" % (self._name, rec.id), "key": "exit-%d" % rec.id,
            "codes": [rec.reason_id.code],
            "reason": _("Planned exit on %(date)s: %(reason)s") % {
                "date": rec.last_day, "reason": rec.reason_id.name},
        } for rec in exits])
