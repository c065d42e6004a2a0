# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools


class AuxWelfareTodo(models.Model):
    """Open visits and talks of the leaders, overdue first (read-only SQL view)."""

    _name = "aux.welfare.todo"
    _description = "Care To-do of Leaders"
    _auto = False
    _order = "is_overdue desc, deadline, id"

    kind = fields.Selection(
        [("visit", "Care visit"), ("talk", "Heart-to-heart talk")], readonly=True)
    name = fields.Char(string="Subject", readonly=True)
    event_type_id = fields.Many2one(
        "aux.life.event.type", readonly=True)
    employee_id = fields.Many2one("hr.employee", readonly=True)
    department_id = fields.Many2one("hr.department", string="Unit", readonly=True)
    user_id = fields.Many2one("res.users", string="Responsible", readonly=True)
    deadline = fields.Date(readonly=True)
    is_overdue = fields.Boolean(string="Overdue", readonly=True)
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
                       (v.state = 'overdue' OR v.deadline < CURRENT_DATE) AS is_overdue,
                       v.id AS visit_id, NULL::integer AS talk_id
                  FROM aux_care_visit v
                  JOIN aux_life_event ev ON ev.id = v.event_id
                  JOIN hr_employee e ON e.id = ev.employee_id
                 WHERE v.state IN ('todo', 'overdue')
                UNION ALL
                SELECT k.id * 2 + 1, 'talk', k.name, NULL::integer,
                       k.employee_id, e.department_id,
                       k.talker_id, k.date_planned,
                       (k.date_planned < CURRENT_DATE), NULL::integer, k.id
                  FROM aux_talk k
                  JOIN hr_employee e ON e.id = k.employee_id
                 WHERE k.state IN ('suggested', 'planned')
            )""")

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
