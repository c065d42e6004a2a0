# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo bureau's assessment: twelve months of it.

Monthly sheets of the twelve months before today for every auxiliary in
service in the first brigade (four squadrons, about 100 people: the units of the
demo unit leader and self-service logins; the whole bureau would take minutes
to install through the ORM) (scores that vary by person and month), the rewards and penalties of
each month (posted to the sheets), the older months confirmed and the latest
one in progress (checked, submitted or still draft depending on the unit),
last year's annual results confirmed within the top band quota, and a few
inspection findings and discipline cases.

Set-based: the events are recorded before the sheets exist, so that each
month's generation posts them in one pass; the scores are written in one
write per (item, score) pair; the past is approved in one trusted write for
all the months.
"""
import math
import random
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust

# Score given per item, as points below the item's maximum: (code, base,
# weight of the person's level, spread, largest deduction).
DEMO_DEDUCTIONS = (
    ("JI1", 6.0, 3.0, 2.0, 12),
    ("NENG1", 1.5, 1.0, 1.0, 4),
    ("NENG2", 1.0, 0.5, 1.0, 3),
    ("QIN2", 0.5, 0.5, 0.7, 2),
    ("DE2", 0.0, 0.0, 0.6, 2),
)
# Events of a month: (event type xmlid, share of the people, description).
DEMO_EVENTS = (
    ("event_type_late", 0.08, "上班迟到"),
    ("event_type_absence", 0.01, "未经批准缺勤一天"),
    ("event_type_complaint", 0.01, "群众投诉执勤态度生硬，经核实"),
    ("event_type_inspection", 0.02, "督察发现执勤记录不全"),
    ("event_type_commendation_unit", 0.04, "大队通报表扬"),
    ("event_type_commendation_county", 0.01, "县级表彰：协助抓获在逃人员"),
)


class AuxDemoAssessment(models.AbstractModel):
    _name = "aux.demo.assessment"
    _description = "Demo Bureau: Assessment"

    @api.model
    def _demo_employees(self):
        """The auxiliaries of the demo bureau's first brigade (the unit of the
        demo unit leader and self-service logins), else up to 60 of the database."""
        Employee = self.env["hr.employee"]
        brigade = self.env.ref("aux_demo.hr_department_brigade_1_demo",
                               raise_if_not_found=False)
        if brigade:
            return Employee.search([("is_auxiliary", "=", True),
                                    ("department_id", "child_of", brigade.id)])
        return Employee.search([("is_auxiliary", "=", True)], limit=60) \
            or Employee.search([], limit=60)

    @api.model
    def _generate(self, employees=None, today=None, months=12):
        """Build the demo; returns the monthly periods filled (oldest first).
        Runs once: nothing is done when the people already have sheets."""
        self = self.with_context(tracking_disable=True, mail_create_nolog=True,
                                 mail_create_nosubscribe=True, mail_notrack=True)
        employees = self._demo_employees() if employees is None else employees
        if not employees or self.env["aux.assessment.sheet"].search_count(
                [("employee_id", "in", employees.ids)]):
            return self.env["aux.assessment.period"]
        today = fields.Date.from_string(today or fields.Date.context_today(self))
        first = date(today.year, today.month, 1)
        starts = [fields.Date.to_string(first - relativedelta(months=back))
                  for back in range(months, 0, -1)]
        Period = self.env["aux.assessment.period"]
        Sheet = self.env["aux.assessment.sheet"]
        periods = Period.browse()
        for year in sorted({int(s[:4]) for s in starts} | {today.year - 1}):
            periods |= Period._create_year(year)
        monthly = periods.filtered(
            lambda p: p.period_type == "monthly" and p.date_from in starts).sorted("date_from")
        rng = random.Random(20260301)
        staff = {period.id: employees.filtered(
            lambda e, p=period: not e.entry_date or e.entry_date <= p.date_to)
            for period in monthly}
        self._demo_events(monthly, staff, rng)
        sheets = Sheet.browse()
        levels = {}
        for period in monthly:
            sheets |= Sheet._generate(period, staff[period.id], base_scores=self._demo_scores(
                staff[period.id], levels, rng))
        latest = monthly[-1:]
        done = sheets.filtered(lambda s: s.period_id != latest)
        self._demo_confirm(done)
        self._demo_in_progress(sheets - done)
        annual = periods.filtered(
            lambda p: p.period_type == "annual" and p.year == today.year - 1)
        self._demo_annual(annual, sheets.filtered(lambda s: s.year == today.year - 1)
                          .mapped("employee_id"), rng)
        self._demo_findings(employees, today)
        self._demo_discipline(employees, today)
        return monthly

    @api.model
    def _demo_events(self, monthly, staff, rng):
        """Rewards and penalties of each month, recorded before the sheets so that
        the generation of each month posts them at once. The latest month also
        has events still to confirm, among them a veto item. Recorded directly
        in their state (trusted demo code)."""
        Event = trust(self.env["aux.assessment.event"])
        ref = self.env.ref
        latest = monthly[-1:]
        for index, period in enumerate(monthly):
            people = staff[period.id]
            if not people:
                continue
            days = fields.Date.from_string(period.date_to).day
            for xmlid, share, description in DEMO_EVENTS:
                etype = ref("aux_assessment.%s" % xmlid)
                count = max(1, int(round(len(people) * share)))
                for employee in rng.sample(list(people), min(count, len(people))):
                    day = "%s%02d" % (period.date_from[:8], rng.randint(1, days))
                    state = "draft" if period == latest and rng.random() < 0.3 \
                        else "confirmed"
                    Event.create({"employee_id": employee.id, "date": day,
                                  "type_id": etype.id, "state": state,
                                  "description": description})
            if index == len(monthly) // 2 or period == latest:
                # a serious violation: confirmed mid-year, waiting for the office lately
                employee = people[(index * 37) % len(people)]
                Event.create({
                    "employee_id": employee.id,
                    "date": "%s%02d" % (period.date_from[:8], min(days, 15)),
                    "type_id": ref("aux_assessment.event_type_veto_drinking").id,
                    "state": "draft" if period == latest else "confirmed",
                    "description": "执勤期间饮酒，经督察查实"})

    @api.model
    def _demo_scores(self, employees, levels, rng):
        """Scores of one month: {(employee id, item code): score} from the
        person's steady level and some noise."""
        items = self.env["aux.assessment.item"].search(
            [("code", "in", [code for code, *_rest in DEMO_DEDUCTIONS])])
        maxima = {item.code: item.max_score for item in items}
        scores = {}
        for employee in employees:
            level = levels.setdefault(employee.id, rng.gauss(0.0, 1.0))
            for code, base, weight, spread, largest in DEMO_DEDUCTIONS:
                if code in maxima:
                    points = int(round(base - weight * level + rng.gauss(0.0, spread)))
                    scores[(employee.id, code)] = maxima[code] - max(0, min(largest, points))
        return scores

    @api.model
    def _demo_in_progress(self, sheets):
        """The latest month: a third of the units checked by the office, a third
        submitted, the rest still being scored."""
        units = sheets.mapped("department_id").sorted("id")
        checked = sheets.filtered(lambda s: units.ids.index(s.department_id.id) % 3 == 0
                                  if s.department_id else False)
        submitted = sheets.filtered(lambda s: units.ids.index(s.department_id.id) % 3 == 1
                                    if s.department_id else False)
        (checked | submitted).action_submit()
        checked.action_check()
        sheets._recompute_ranks()

    @api.model
    def _demo_annual(self, period, employees, rng):
        """Last year's results: year-end evaluation scores close to the monthly
        average, lowered where a unit would exceed its top band quota, confirmed."""
        if not period or not employees:
            return
        Sheet = self.env["aux.assessment.sheet"]
        Rule = self.env["aux.assessment.rule"]
        sheets = Sheet._generate(period, employees)
        scores = {}
        for unit in sheets.mapped("department_id") | self.env["hr.department"]:
            unit_sheets = sheets.filtered(lambda s, u=unit: s.department_id == u)
            if not unit_sheets:
                continue
            rule = Rule._rule_for(period.date_to, unit)
            quota = rule._top_quota(len(unit_sheets))
            top = rule.top_band_id.min_score
            proposed = {s.id: max(0, min(100, int(round(s.period_score + rng.gauss(0, 4)))))
                        for s in unit_sheets}

            def total(sheet, score, r=rule):
                return (r.period_weight * sheet.period_score
                        + r.evaluation_weight * score) / 100.0

            ranked = unit_sheets.sorted(lambda s, p=proposed: -total(s, p[s.id]))
            for pos, sheet in enumerate(ranked):
                score = proposed[sheet.id]
                if pos >= quota and total(sheet, score) >= top - 1 and rule.evaluation_weight:
                    # one point below the top band at most
                    score = max(0, int(math.floor(
                        (100.0 * (top - 1) - rule.period_weight * sheet.period_score)
                        / rule.evaluation_weight)))
                scores.setdefault(score, Sheet.browse())
                scores[score] |= sheet
        for score, group in scores.items():
            group.write({"evaluation_score": score})
        self._demo_confirm(sheets)

    @api.model
    def _demo_confirm(self, sheets):
        """The past approved: submitted, checked and confirmed by the demo's
        user in one trusted write (a year of sheets, without a chatter line
        per sheet and step), after the top band quota check of the
        confirmation, then ranked."""
        sheets.filtered(lambda s: s.period_type == "annual")._check_top_quota()
        now = fields.Datetime.now()
        uid = self.env.uid
        trust(sheets).write({
            "state": "confirmed", "submit_user_id": uid, "submit_date": now,
            "check_user_id": uid, "check_date": now, "confirm_user_id": uid,
            "confirm_date": now})
        sheets._recompute_ranks()

    @api.model
    def _demo_findings(self, employees, today):
        """Inspection findings: one fixed on time, one overdue, one not yet due
        (recorded directly in their state by trusted demo code)."""
        units = employees.mapped("department_id")[:3]
        Finding = trust(self.env["aux.inspection.finding"])
        plans = ((-40, -10, "fixed"), (-30, -5, "open"), (-5, 10, "open"))
        for unit, (found, due, state) in zip(units, plans, strict=False):
            responsible = employees.filtered(lambda e, u=unit: e.department_id == u)[:1]
            vals = {
                "name": "执勤日志记录不全",
                "department_id": unit.id, "responsible_id": responsible.id,
                "date": fields.Date.to_string(today + relativedelta(days=found)),
                "deadline": fields.Date.to_string(today + relativedelta(days=due)),
                "state": state,
            }
            if state == "fixed":
                vals.update({"fix_note": "已补记并建立每日核对制度", "fixed_user_id": self.env.uid,
                             "fixed_date": fields.Date.to_string(
                                 today + relativedelta(days=due - 5))})
            Finding.create(vals)

    @api.model
    def _demo_discipline(self, employees, today):
        """Discipline cases: the mid-year veto's mandatory case decided (a
        demerit in force), a circulated criticism decided two months ago, a
        dismissal-level case submitted last month and waiting for the
        office, a criticism still in draft (recorded in their state by
        trusted demo code), then the renewal advice of the people."""
        Case = self.env["aux.discipline.case"]
        ref = self.env.ref
        now = fields.Datetime.now()
        uid = self.env.uid

        def day(delta):
            return fields.Date.to_string(today + relativedelta(days=delta))

        vetoed = Case.search([("employee_id", "in", employees.ids), ("mandatory", "=", True),
                              ("state", "=", "draft")], order="violation_date", limit=1)
        others = employees - vetoed.mapped("employee_id")
        # (person, sanction, violation, decision or None, state, facts)
        plans = []
        if vetoed:
            decided = fields.Date.from_string(vetoed.violation_date) + relativedelta(days=10)
            plans.append((vetoed.employee_id, vetoed.sanction_type_id, vetoed.violation_date,
                          fields.Date.to_string(decided), "confirmed", None))
        plans += [
            (others[3:4], ref("aux_assessment.sanction_type_circulated"), day(-75), day(-60),
             "confirmed", "上班期间玩手机游戏，经督察通报"),
            (others[11:12], ref("aux_assessment.sanction_type_dismissal"), day(-40), None,
             "submitted", "酒后驾驶摩托车，被交警查处"),
            (others[17:18], ref("aux_assessment.sanction_type_criticism"), day(-6), None,
             "draft", "执勤时着装不规范"),
        ]
        creator = trust(Case.with_context(tracking_disable=True, mail_create_nolog=True))
        cases = Case
        for number, (person, stype, violation, decision, state, facts) in enumerate(plans, 1):
            if not person:
                continue
            case = vetoed if facts is None else creator.create({
                "employee_id": person.id, "violation_date": violation, "facts": facts,
                "sanction_type_id": stype.id})
            vals = {"state": state}
            if state != "draft":
                vals.update(submit_user_id=uid, submit_date=now)
            if state == "confirmed":
                vals.update(decision_ref="公辅处字〔%s〕%d号" % (decision[:4], number),
                            decision_date=decision, date_from=decision,
                            date_to=stype._end_of_effect(decision),
                            confirm_user_id=uid, confirm_date=now)
            trust(case).write(vals)
            cases |= case
        self.env["hr.contract"]._aux_refresh_renewal_advice(cases.mapped("employee_id"))
        return cases
