# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A care task is overdue from the day after its deadline on the leader's own
calendar, not the database's (issue 14, item 6).

At 07:00 in Beijing (23:00 UTC the day before) a visit due that day is not
overdue and one due the day before is, although the UTC date is still the
day before. The test cannot choose the hour it runs at, so it chooses the
leader's time zone: UTC+14 when it runs after noon UTC and UTC-12 before,
which puts the leader's day on another date than UTC's at every hour."""
from datetime import datetime, timedelta

from odoo import fields

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust

from .common import AuxWelfareCase, days_from_today


class TestLocalOverdue(AuxWelfareCase):

    def _visit_due(self, deadline):
        event = self._create_event(self.emp_aux_a2, date=days_from_today(-1))
        event.action_confirm()
        visits = event.visit_ids.filtered(lambda v: v.visitor_id == self.user_leader_a)
        trust(visits).write({"deadline": deadline})
        return visits

    def test_overdue_follows_the_leaders_day(self):
        utc_now = datetime.utcnow()
        self.user_leader_a.tz = "Pacific/Kiritimati" if utc_now.hour >= 12 else "Etc/GMT+12"
        Todo = self.env["aux.welfare.todo"].sudo(self.user_leader_a)
        today = fields.Date.from_string(
            fields.Date.context_today(Todo.with_context(tz=self.user_leader_a.tz)))
        self.assertNotEqual(today, utc_now.date(), "the leader's day is not the UTC day")
        due_today = self._visit_due(fields.Date.to_string(today))
        due_yesterday = self._visit_due(fields.Date.to_string(today - timedelta(days=1)))
        rows = Todo.search([("visit_id", "in", (due_today | due_yesterday).ids)])
        overdue = rows.filtered("is_overdue").mapped("visit_id")
        self.assertEqual(overdue, due_yesterday, "due yesterday on the leader's calendar")
        self.assertEqual(
            Todo.search([("visit_id", "in", rows.mapped("visit_id").ids),
                         ("is_overdue", "=", True)]).mapped("visit_id"),
            due_yesterday, "the Overdue filter agrees")
        self.assertEqual(
            Todo.search([("visit_id", "in", rows.mapped("visit_id").ids),
                         ("is_overdue", "=", False)]).mapped("visit_id"),
            due_today)
        self.assertEqual(rows[0].visit_id, due_yesterday, "overdue first")

        # the daily job, in the leader's time zone, flags the same visit
        self.env["aux.care.visit"].with_context(tz=self.user_leader_a.tz)._cron_flag_overdue()
        self.assertEqual(due_yesterday.state, "overdue")
        self.assertEqual(due_today.state, "todo")
