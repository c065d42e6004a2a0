# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools

from odoo.addons.aux_personnel.tools.local_time import local_today


class AuxWelfareTodo(models.Model):
    """Open visits and talks of the leaders, overdue first (read-only SQL view).

    Overdue: flagged so by the daily job, or past the deadline on the user's
    local date (not the database's). Overdue tasks have the earliest
    deadlines, so the deadline order lists them first."""

    _name = "aux.welfare.todo"
    _description = "Care To-do of Leaders"
    _auto = False
    _order = "deadline, id"

    kind = fields.Selection(
        [("visit", "Care visit"), ("talk", "Heart-to-heart talk")], readonly=True)
    name = fields.Char(string="Subject", readonly=True)
    event_type_id = fields.Many2one(
        "aux.life.event.type", readonly=True)
    employee_id = fields.Many2one("hr.employee", readonly=True)
    department_id = fields.Many2one("hr.department", string="Unit", readonly=True)
    user_id = fields.Many2one("res.users", string="Responsible", readonly=True)
    deadline = fields.Date(readonly=True)
    flagged_overdue = fields.Boolean(readonly=True)
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue")
    visit_id = fields.Many2one("aux.care.visit", readonly=True)
    talk_id = fields.Many2one("aux.talk", readonly=True)

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # Static SQL (no user input): visits get even ids, talks odd ids.
        self.env.cr.execute("""
            CREATE OR REPLACE VIEW aux_welfare_todo AS (
                SELECT v.id * 2 AS id, 'visit' AS kind, ev.name AS name,
                       ev.event_type_id AS event_type_id,
                       e.id AS employee_id, e.department_id AS department_id,
                       v.visitor_id AS user_id, v.deadline AS deadline,
                       (v.state = 'overdue') AS flagged_overdue,
                       v.id AS visit_id, NULL::integer AS talk_id
                  FROM aux_care_visit v
                  JOIN aux_life_event ev ON ev.id = v.event_id
                  JOIN hr_employee e ON e.id = ev.employee_id
                 WHERE v.state IN ('todo', 'overdue')
                UNION ALL
                SELECT k.id * 2 + 1, 'talk', k.name, NULL::integer,
                       k.employee_id, e.department_id,
                       k.talker_id, k.date_planned,
                       FALSE, NULL::integer, k.id
                  FROM aux_talk k
                  JOIN hr_employee e ON e.id = k.employee_id
                 WHERE k.state IN ('suggested', 'planned')
            )""")

    @api.multi
    def _compute_is_overdue(self):
        today = local_today(self)
        for todo in self:
            todo.is_overdue = todo.flagged_overdue or bool(
                todo.deadline and todo.deadline < today)

    @api.model
    def _search_is_overdue(self, operator, value):
        today = local_today(self)
        if (operator == "=") == bool(value):
            return ["|", ("flagged_overdue", "=", True), ("deadline", "<", today)]
        return ["&", ("flagged_overdue", "=", False),
                "|", ("deadline", "=", False), ("deadline", ">=", today)]

    @api.multi
    def action_open(self):
        self.ensure_one()
        record = self.visit_id or self.talk_id
        return {
            "type": "ir.actions.act_window",
            "res_model": record._name,
            "res_id": record.id,
            "view_mode": "form",
            "target": "current",
        }
