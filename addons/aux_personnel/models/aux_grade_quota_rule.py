# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math

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

    @api.model
    def _grade_counts(self, departments):
        """{(department_id, grade_id): head count} of active auxiliaries,
        one read_group for all units."""
        data = self.env["hr.employee"].sudo().read_group(
            [("is_auxiliary", "=", True), ("department_id", "in", departments.ids),
             ("aux_grade_id", "!=", False)],
            ["department_id", "aux_grade_id"], ["department_id", "aux_grade_id"],
            lazy=False)
        return {(d["department_id"][0], d["aux_grade_id"][0]): d["__count"] for d in data}

    @api.model
    def _check_moves(self, moves, date):
        """Check every rule in force on ``date`` for the units touched by
        ``moves`` (a list of (employee, new grade)), as if they were applied.
        Return the list of error messages (empty when the batch is fine)."""
        departments = self.env["hr.department"].browse(
            list({employee.department_id.id for employee, _grade in moves
                  if employee.department_id}))
        if not departments:
            return []
        before = self._grade_counts(departments)
        after = dict(before)
        for employee, grade in moves:
            dept = employee.department_id.id
            if not dept:
                continue
            if employee.aux_grade_id:
                key = (dept, employee.aux_grade_id.id)
                after[key] = after.get(key, 0) - 1
            after[(dept, grade.id)] = after.get((dept, grade.id), 0) + 1
        unit_quota = self.env["aux.establishment.quota"]._unit_quota(departments, date)
        errors = []
        for rule in self._rules_on(date):
            for dept in departments:
                def count(counts, grades, dept_id=dept.id):
                    return sum(counts.get((dept_id, g), 0) for g in grades.ids)
                if rule.base == "unit_quota":
                    if dept.id not in unit_quota:
                        continue  # no establishment plan for this unit: nothing to cap
                    base_before = base_after = unit_quota[dept.id]
                else:
                    base_before = count(before, rule.base_grade_ids)
                    base_after = count(after, rule.base_grade_ids)
                limit_before = math.floor(base_before * rule.max_share / 100.0 + 1e-9)
                limit_after = math.floor(base_after * rule.max_share / 100.0 + 1e-9)
                held_before = count(before, rule.grade_ids)
                held_after = count(after, rule.grade_ids)
                worse = held_after > held_before or limit_after < limit_before
                if held_after > limit_after and worse:
                    errors.append(_(
                        "Unit %(unit)s, grades %(grades)s: %(count)s people after the "
                        "promotions, but the rule \"%(rule)s\" allows at most %(limit)s "
                        "(%(share)s%% of %(base)s).") % {
                        "unit": dept.display_name,
                        "grades": ", ".join(rule.grade_ids.mapped("name")),
                        "count": held_after, "rule": rule.name, "limit": limit_after,
                        "share": rule.max_share, "base": base_after})
        return errors
