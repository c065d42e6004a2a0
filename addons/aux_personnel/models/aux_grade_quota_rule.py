# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math
from collections import Counter
from contextlib import contextmanager
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class AuxGradeQuotaRule(models.Model):
    _name = "aux.grade.quota.rule"
    _description = "Grade Quota Rule"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    grade_ids = fields.Many2many(
        "aux.grade", "aux_grade_quota_rule_grade_rel", "rule_id", "grade_id",
        string="Capped Grades", required=True,
        help="People in these grades are counted against the cap.")
    base = fields.Selection(
        [("unit_quota", "Head-count quota of the unit"),
         ("grades", "People in other grades of the unit")],
        required=True, default="unit_quota",
        help="What the maximum share is taken of, per unit.")
    base_grade_ids = fields.Many2many(
        "aux.grade", "aux_grade_quota_rule_base_rel", "rule_id", "grade_id",
        string="Base Grades",
        help="When the base is other grades: the people in these grades of the unit.")
    max_share = fields.Float(
        string="Maximum Share (%)", required=True,
        help="Capped grades may hold at most this percentage of the base, rounded down.")
    date_from = fields.Date(string="Valid From")
    date_to = fields.Date(string="Valid To")

    @api.constrains("base", "base_grade_ids", "max_share", "date_from", "date_to")
    def _check_rule(self):
        for rule in self:
            if rule.base == "grades" and not rule.base_grade_ids:
                raise ValidationError(_(
                    "The quota rule %s takes its share of other grades: choose them.")
                    % rule.name)
            if not 0 <= rule.max_share <= 100:
                raise ValidationError(_(
                    "The maximum share of the quota rule %s must be between 0 and 100.")
                    % rule.name)
            if rule.date_from and rule.date_to and rule.date_to < rule.date_from:
                raise ValidationError(_(
                    "The quota rule %s ends before it starts.") % rule.name)

    @api.model
    def _rules_on(self, date):
        return self.search([
            "|", ("date_from", "=", False), ("date_from", "<=", date),
            "|", ("date_to", "=", False), ("date_to", ">=", date),
        ])

    # The check: one for every path that changes who holds a level in a unit

    @api.model
    @contextmanager
    def _aux_quota_guard(self):
        """Check the rules around a change of who holds which grade where.

        Every path (a grade-history line created, changed or deleted by hand
        or by a wizard, a hire, a transfer into a unit, a person made
        auxiliary or reactivated) runs inside this guard and tells it, before
        changing anything, which units it touches from which date
        (:meth:`_AuxQuotaGuard.watch`).  On leaving, the guard compares each
        unit's grade history before and after the change on every date from
        then on where a count or a limit may change, and refuses with one
        message per unit and rule when a rule in force on such a date is
        exceeded and the change made it worse (more people in the capped
        grades, or a smaller base).  A refused change is rolled back.

        Guards nest: a wizard that writes many lines is checked once, at the
        end of the outermost guard, with all its changes together."""
        cr = self.env.cr
        outer = getattr(cr, "_aux_grade_quota_guard", None)
        if isinstance(outer, _AuxQuotaGuard):
            yield outer
            return
        guard = _AuxQuotaGuard(self.sudo())
        cr._aux_grade_quota_guard = guard
        try:
            with cr.savepoint(), self.env.clear_upon_failure():
                yield guard
                errors = guard.errors()
                if errors:
                    raise ValidationError(_(
                        "The grade quota rules refuse this change:\n%s") % "\n".join(errors))
        finally:
            cr._aux_grade_quota_guard = None

    @api.model
    def _aux_timelines(self, departments):
        """{unit id: [(employee id, grade id, date from, date to or None)]}:
        the grade-history lines of the active auxiliaries now in each unit.
        Two queries for all units."""
        employees = self.env["hr.employee"].sudo().search_read(
            [("is_auxiliary", "=", True), ("department_id", "in", departments.ids)],
            ["department_id"])
        unit_of = {row["id"]: row["department_id"][0] for row in employees}
        timelines = {dept.id: [] for dept in departments}
        if unit_of:
            for row in self.env["aux.grade.history"].sudo().search_read(
                    [("employee_id", "in", list(unit_of))],
                    ["employee_id", "grade_id", "date_from", "date_to"]):
                employee_id = row["employee_id"][0]
                timelines[unit_of[employee_id]].append(
                    (employee_id, row["grade_id"][0], row["date_from"], row["date_to"] or None))
        return timelines

    @api.model
    def _aux_quota_errors(self, before, after, since):
        """Messages for the units of ``since`` ({unit id: first date
        changed}) whose ``after`` timeline breaks a rule on a date from then
        on where ``before`` did not, or less (see :meth:`_aux_quota_guard`)."""
        rules = self.sudo().search([("active", "=", True)])
        if not rules or not since:
            return []
        departments = self.env["hr.department"].sudo().browse(list(since))
        quotas = self.env["aux.establishment.quota"].sudo().search(
            [("department_id", "in", departments.ids)])
        errors = []
        for dept in departments:
            start = since[dept.id]
            dates = {start}
            for timeline in (before.get(dept.id, []), after.get(dept.id, [])):
                for _employee, _grade, date_from, date_to in timeline:
                    dates.add(date_from)
                    if date_to:
                        dates.add(_next_day(date_to))
            for rule in rules:
                dates.update(filter(None, (rule.date_from,
                                           rule.date_to and _next_day(rule.date_to))))
            unit_quotas = quotas.filtered(lambda q, d=dept: q.department_id == d)
            for quota in unit_quotas:
                dates.add("%04d-01-01" % quota.year_from)
                if quota.year_to:
                    dates.add("%04d-01-01" % (quota.year_to + 1))
            refused = set()
            for date in sorted(d for d in dates if d >= start):
                held_before = _held(before.get(dept.id, []), date)
                held_after = _held(after.get(dept.id, []), date)
                year = int(date[:4])
                unit_quota = [q.quota for q in unit_quotas
                              if q.year_from <= year and (not q.year_to or q.year_to >= year)]
                for rule in rules:
                    if rule.id in refused or (rule.date_from and rule.date_from > date) \
                            or (rule.date_to and rule.date_to < date):
                        continue
                    if rule.base == "unit_quota":
                        if not unit_quota:
                            continue  # no establishment plan for the unit that year
                        base_before = base_after = sum(unit_quota)
                    else:
                        base_before = _count(held_before, rule.base_grade_ids)
                        base_after = _count(held_after, rule.base_grade_ids)
                    limit_before = rule._aux_limit(base_before)
                    limit_after = rule._aux_limit(base_after)
                    count_before = _count(held_before, rule.grade_ids)
                    count_after = _count(held_after, rule.grade_ids)
                    worse = count_after > count_before or limit_after < limit_before
                    if count_after > limit_after and worse:
                        refused.add(rule.id)
                        errors.append(_(
                            "Unit %(unit)s, %(grades)s on %(date)s: %(count)s people, but "
                            "the rule \"%(rule)s\" allows at most %(limit)s (%(share)s%% "
                            "of %(base)s).") % {
                            "unit": dept.display_name,
                            "grades": ", ".join(rule.grade_ids.mapped("name")),
                            "date": date, "count": count_after, "rule": rule.name,
                            "limit": limit_after, "share": rule.max_share,
                            "base": base_after})
        return errors

    @api.multi
    def _aux_limit(self, base):
        """Most people the capped grades may hold for ``base``: the share,
        rounded down."""
        self.ensure_one()
        return int(math.floor(base * self.max_share / 100.0 + 1e-9))


def _next_day(date):
    return fields.Date.to_string(fields.Date.from_string(date) + timedelta(days=1))


def _held(timeline, date):
    """{grade id: people} holding each grade on ``date`` in a unit's timeline."""
    counts = Counter()
    for _employee, grade, date_from, date_to in timeline:
        if date_from <= date and (not date_to or date_to >= date):
            counts[grade] += 1
    return counts


def _count(held, grades):
    return sum(held.get(grade_id, 0) for grade_id in grades.ids)


class _AuxQuotaGuard(object):
    """The units a change touches and their grade history before it (see
    ``aux.grade.quota.rule._aux_quota_guard``)."""

    def __init__(self, rules):
        self.rules = rules
        self.before = {}
        self.since = {}

    def watch(self, departments, date):
        """Call before changing who holds a grade in ``departments`` from
        ``date`` (a date string) on."""
        departments = departments.exists()
        new = departments.filtered(lambda d: d.id not in self.before)
        if new:
            self.before.update(self.rules._aux_timelines(new))
        for dept in departments:
            self.since[dept.id] = min(self.since.get(dept.id) or date, date)

    def errors(self):
        if not self.since:
            return []
        departments = self.rules.env["hr.department"].browse(list(self.since))
        after = self.rules._aux_timelines(departments)
        return self.rules._aux_quota_errors(self.before, after, self.since)
