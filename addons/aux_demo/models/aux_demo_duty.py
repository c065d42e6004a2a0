# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo bureau's duty: a year of duty, attendance and leave in the
first brigade (the units of the demo unit leader and self-service logins).

For each squadron of the brigade: the rosters of the twelve months before
this one and of this month, published, each person on an eight-day rotation
(day, day, night, rest, day, day, 24-hour duty, rest) shifted by person, the
duty phone held by whoever has the 24-hour duty; about forty leave requests
of every type through the approval chain (most reported back, one person on
leave today, one not reported back and flagged, requests waiting for the
unit and for the office, two of the self-service login); the punches of every
past working shift from the terminal file format (a few late arrivals, early
departures and absences), turned into exceptions of which those of past
months are decided (most confirmed into assessment events, a few excused).

Deterministic (seeded), idempotent (nothing is done when the brigade already
has rosters), dates relative to today; about 50,000 punches written in one
set INSERT.
"""
import random
from datetime import datetime, timedelta

import pytz
from dateutil.relativedelta import relativedelta
from psycopg2.extras import execute_values

from odoo import api, fields, models

from odoo.addons.aux_duty.models.aux_duty_roster import DAY_FIELDS, month_end
from odoo.addons.aux_duty.models.aux_duty_shift import duty_timezone
from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust

SEED = 20261205
ROTATION = ("shift_day", "shift_day", "shift_night", "shift_rest", "shift_day",
            "shift_day", "shift_duty24", "shift_rest")
LEAVE_TYPES = ("leave_annual", "leave_annual", "leave_annual", "leave_sick", "leave_sick",
               "leave_personal", "leave_home_visit", "leave_marriage", "leave_bereavement",
               "leave_paternity")
REASONS = {"leave_annual": "年休假，回老家探望父母", "leave_sick": "感冒发烧，医院建议休息",
           "leave_personal": "家中有事需要处理", "leave_home_visit": "探亲",
           "leave_marriage": "结婚", "leave_bereavement": "祖父去世，回老家奔丧",
           "leave_paternity": "妻子生产，陪产"}
LATE_RATE = 0.006
EARLY_RATE = 0.003
ABSENT_RATE = 0.0015


class AuxDemoDuty(models.AbstractModel):
    _name = "aux.demo.duty"
    _description = "Demo Bureau: Duty and Leave"

    @api.model
    def _generate(self, today=None, months=12):
        env = self.env
        brigade = env.ref("aux_demo.hr_department_brigade_1_demo", raise_if_not_found=False)
        if not brigade:
            return False
        squadrons = env["hr.department"].search([("parent_id", "=", brigade.id)])
        Roster = trust(env["aux.duty.roster"])
        if not squadrons or Roster.search_count([("department_id", "in", squadrons.ids)]):
            return False
        rng = random.Random(SEED)
        today = fields.Date.from_string(today or fields.Date.context_today(self))
        first = (today - relativedelta(months=months)).replace(day=1)
        shifts = [env.ref("aux_duty." + name) for name in ROTATION]
        people = env["hr.employee"].search([("department_id", "in", squadrons.ids)])
        index = {emp.id: i for i, emp in enumerate(people)}
        # rosters, published
        month = first
        while month <= today.replace(day=1):
            for squadron in squadrons:
                roster = Roster.create({
                    "department_id": squadron.id, "date_from": fields.Date.to_string(month),
                    "duty_phone": "0571-8700%d%02d" % (squadron.id % 10, month.month)})
                last = month_end(month).day
                for emp in people.filtered(lambda e, s=squadron: e.department_id == s):
                    values = {"roster_id": roster.id, "employee_id": emp.id}
                    for day in range(1, last + 1):
                        date = month + timedelta(days=day - 1)
                        step = (date.toordinal() + index[emp.id]) % len(ROTATION)
                        values[DAY_FIELDS[day - 1]] = shifts[step].id
                    trust(env["aux.duty.roster.row"]).create(values)
                roster._aux_transition("publish")
            month += relativedelta(months=1)
        self._generate_leaves(rng, people, today, first)
        self._generate_punches(rng, people, today, first)
        Exception_ = env["aux.duty.exception"]
        Exception_._aux_compute(fields.Date.to_string(first),
                                fields.Date.to_string(today - timedelta(days=1)))
        self._decide_exceptions(rng, today)
        env["aux.leave.request"]._cron_flag_overdue()
        return True

    @api.model
    def _users(self):
        return {login: self.env["res.users"].search([("login", "=", login)], limit=1)
                for login in ("aux_leader", "aux_manager", "aux_self")}

    @api.model
    def _generate_leaves(self, rng, people, today, first):
        env = self.env
        users = self._users()
        leader = users["aux_leader"] or env.user
        office = users["aux_manager"] or env.user
        Leave = env["aux.leave.request"]
        me = users["aux_self"].employee_ids[:1]
        others = people - me - leader.employee_ids
        span = (today - first).days
        taken = set()

        def make(employee, status, start, days, reason=None):
            end = start + timedelta(days=days - 1)
            key = [(employee.id, start + timedelta(days=d)) for d in range(days + 2)]
            if any(k in taken for k in key):
                return Leave
            taken.update(key)
            leave = Leave.create({
                "employee_id": employee.id, "holiday_status_id": env.ref("aux_duty." + status).id,
                "date_from": fields.Date.to_string(start), "date_to": fields.Date.to_string(end),
                "reason": reason or REASONS[status],
                "destination": rng.choice(["老家", "本市", "省人民医院", "杭州"])})
            if not leave.days:  # only public holidays
                leave.unlink()
                return Leave
            return leave

        def approve(leaves):
            leaves.action_submit()
            leaves.sudo(leader).action_approve()
            waiting = leaves.filtered(lambda lv: lv.state == "unit_approved")
            if waiting:
                waiting.sudo(office).action_approve()

        past = Leave
        for _n in range(36):
            status = rng.choice(LEAVE_TYPES)
            days = {"leave_marriage": 10, "leave_bereavement": 3, "leave_paternity": 15}.get(
                status, rng.choice([1, 1, 2, 3, 5]))
            start = first + timedelta(days=rng.randrange(0, max(span - 40, 1)))
            past |= make(rng.choice(others), status, start, days)
        approve(past)
        for leave in past:
            late = rng.random() < 0.1
            back = fields.Date.from_string(leave.date_to) + timedelta(days=2 if late else 1)
            leave.sudo(leader).action_report_back(fields.Date.to_string(back))
        # on leave today, not reported back, waiting for the unit and the office
        current = make(others[0], "leave_annual", today - timedelta(days=1), 3)
        overdue = make(others[1], "leave_sick", today - timedelta(days=5), 2)
        approve(current | overdue)
        waiting_unit = make(others[2], "leave_personal", today + timedelta(days=3), 1)
        waiting_office = make(others[3], "leave_home_visit", today + timedelta(days=7), 8)
        (waiting_unit | waiting_office).action_submit()
        waiting_office.sudo(leader).action_approve()
        if me:
            mine = make(me, "leave_annual", today - timedelta(days=45), 2) \
                or make(me, "leave_sick", today - timedelta(days=52), 2)
            if mine:
                approve(mine)
                mine.sudo(users["aux_self"]).action_report_back(fields.Date.to_string(
                    fields.Date.from_string(mine.date_to) + timedelta(days=1)))
            ask = make(me, "leave_annual", today + timedelta(days=10), 2, "回老家办事")
            if ask:
                ask.sudo(users["aux_self"]).action_submit()

    @api.model
    def _generate_punches(self, rng, people, today, first):
        """The terminal's punches of every past working shift (one set INSERT)."""
        env = self.env
        tz = pytz.timezone(duty_timezone(env))
        duties = env["aux.duty.roster"]._published_duties(
            people.ids, fields.Date.to_string(first),
            fields.Date.to_string(today - timedelta(days=1)))
        shifts = {s.id: s for s in env["aux.duty.shift"].search([])}
        on_leave = set()
        for leave in env["aux.leave.request"].search([
                ("employee_id", "in", people.ids),
                ("state", "in", ("approved", "overdue", "returned"))]):
            start = fields.Date.from_string(leave.date_from)
            end = fields.Date.from_string(leave.date_to)
            if leave.state == "overdue":
                end = today
            while start <= end:
                on_leave.add((leave.employee_id.id, fields.Date.to_string(start)))
                start += timedelta(days=1)
        rows = []
        for (emp_id, day), shift_id in sorted(duties.items()):
            shift = shifts[shift_id]
            if shift.kind == "rest" or (emp_id, day) in on_leave:
                continue
            if rng.random() < ABSENT_RATE:
                continue
            start = datetime.strptime(day, "%Y-%m-%d") + timedelta(hours=shift.start_hour)
            end = start + timedelta(hours=shift.duration)
            arrive = start - timedelta(minutes=rng.randint(2, 20))
            if rng.random() < LATE_RATE:
                arrive = start + timedelta(minutes=rng.randint(10, 45))
            leave = end + timedelta(minutes=rng.randint(1, 25))
            if rng.random() < EARLY_RATE:
                leave = end - timedelta(minutes=rng.randint(20, 90))
            for moment in (arrive, leave):
                utc = tz.localize(moment).astimezone(pytz.utc).replace(tzinfo=None)
                rows.append((emp_id, utc, rng.choice(["东门指纹机", "值班室人脸机"]), "terminal",
                             "demo", env.uid, env.uid))
        execute_values(env.cr, """
            INSERT INTO aux_duty_punch (employee_id, punch_time, device, source, import_ref,
                create_uid, write_uid, create_date, write_date)
            VALUES %s ON CONFLICT DO NOTHING""", rows,
            template="(%s, %s, %s, %s, %s, %s, %s, now() at time zone 'UTC', "
                     "now() at time zone 'UTC')", page_size=5000)

    @api.model
    def _decide_exceptions(self, rng, today):
        """The unit leader decides the exceptions of past months: most are
        confirmed (assessment events), some excused."""
        leader = self._users()["aux_leader"] or self.env.user
        month = fields.Date.to_string(today.replace(day=1))
        exceptions = self.env["aux.duty.exception"].search([
            ("state", "=", "open"), ("date", "<", month), ("origin", "=", "punch")])
        excused = exceptions.filtered(lambda x: rng.random() < 0.2)
        for exception in excused:
            exception.write({"reason": rng.choice([
                "指纹机故障，已由值班室登记", "执行紧急任务，经大队长同意", "参加局里培训"])})
        excused.sudo(leader).action_excuse()
        (exceptions - excused).sudo(leader).action_confirm()
