# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The consequences of the assessment results (management loop): the
candidate lists by the rules of the person's unit, the results that stop a
promotion, and what a confirmed or reopened result sets off (must-talk
rules, renewal advice)."""
from odoo import _, api, models

from odoo.addons.aux_personnel.tools.local_time import local_today


class AuxAssessmentSheet(models.Model):
    _inherit = "aux.assessment.sheet"  # pylint: disable=consider-merging-classes-inherited

    @api.multi
    def action_confirm(self):
        res = super().action_confirm()
        self._aux_after_confirm()
        return res

    @api.multi
    def _reopen(self, reason):
        res = super()._reopen(reason)
        annual = self.sudo().filtered(lambda s: s.period_type == "annual")
        if annual:
            self.env["hr.contract"]._aux_refresh_renewal_advice(annual.mapped("employee_id"))
        return res

    @api.multi
    def _aux_after_confirm(self):
        """A confirmed result is signalled to the must-talk rules (low band,
        aux_welfare) and an annual one changes the renewal advice."""
        sheets = self.sudo().filtered("band_id")
        self.env["hr.employee"]._aux_signal("low_band", [{
            "employee": sheet.employee_id, "date": sheet.period_date_to,
            "origin": "%s,%d" % (self._name, sheet.id), "key": "sheet-%d" % sheet.id,
            "period_type": sheet.period_type, "codes": [sheet.band_id.code],
            "reason": _("Result of %(period)s: %(band)s (%(score)g points)") % {
                "period": sheet.period_id.name, "band": sheet.band_id.name,
                "score": sheet.total_score},
        } for sheet in sheets])
        annual = sheets.filtered(lambda s: s.period_type == "annual")
        if annual:
            self.env["hr.contract"]._aux_refresh_renewal_advice(annual.mapped("employee_id"))

    @api.model
    def _aux_consequence_candidates(self, date=None, employees=None):
        """Candidate employee ids per consequence, from the confirmed annual results.

        Returns {"promotion": set, "demotion": set, "nonrenewal": set}; see
        _aux_consequence_details() for the rules.
        """
        details = self._aux_consequence_details(date, employees)
        return {kind: set(found) for kind, found in details.items()}

    @api.model
    def _aux_consequence_details(self, date=None, employees=None):
        """{consequence: {employee id: reason}} from the confirmed annual results
        (of ``employees``, or everyone), for "promotion", "demotion" and
        "nonrenewal".

        The thresholds are those of the assessment rules in force on ``date``
        for the person's unit (a unit's own rules, else the nearest parent
        unit's, else the bureau's): promotion when each of the last N results
        is at least the promotion band and no sanction blocks it; demotion
        (non-renewal) when each of the last N results is at or below the
        demotion (non-renewal) band. Set-based: one search of the results.
        """
        date = date or local_today(self)
        domain = [("period_type", "=", "annual"), ("state", "=", "confirmed"),
                  ("period_date_to", "<=", date)]
        if employees is not None:
            domain.append(("employee_id", "in", employees.ids))
        sheets = self.sudo().search(domain, order="period_date_from desc, id desc")
        results = {}
        for sheet in sheets:
            results.setdefault(sheet.employee_id, []).append(sheet)
        rule_for = self._rule_cache()
        details = {"promotion": {}, "demotion": {}, "nonrenewal": {}}
        for employee, mine in results.items():
            rule = rule_for(date, employee.department_id)
            for kind, band, years in (
                    ("promotion", rule.promotion_band_id, rule.promotion_years),
                    ("demotion", rule.demotion_band_id, rule.demotion_years),
                    ("nonrenewal", rule.nonrenewal_band_id, rule.nonrenewal_years)):
                last = mine[:years]
                if len(last) < years:
                    continue
                if kind == "promotion":
                    if not all(s.band_id.min_score >= band.min_score for s in last):
                        continue
                    text = _("Annual results %(results)s: the last %(years)d at least "
                             "%(band)s (%(rule)s)")
                elif all(s.band_id.min_score <= band.min_score for s in last):
                    text = _("Annual results %(results)s: %(years)d in a row at or below "
                             "%(band)s (%(rule)s)")
                else:
                    continue
                details[kind][employee.id] = text % {
                    "results": ", ".join("%s %s" % (s.year, s.band_id.name)
                                         for s in reversed(last)),
                    "years": years, "band": band.name, "rule": rule.name}
        promoted = details["promotion"]
        if promoted:
            blocked = self.env["aux.discipline.case"]._aux_promotion_blockers(
                self.env["hr.employee"].browse(list(promoted)), date)
            for emp_id in blocked:
                del promoted[emp_id]
        return details

    @api.model
    def _aux_promotion_result_blockers(self, employees, date):
        """{employee id: [reason]}: what in the annual results stops a
        promotion on ``date``.

        The years checked are the person's years in the current grade whose
        annual period has ended by ``date``, the last N of them (N and the
        band from the assessment rules of the person's unit): each result
        must reach the promotion band; a full year in grade without a
        confirmed result blocks when the person's unit was assessed that
        year; a confirmed veto in a year without a result (the current year)
        blocks. Set-based: a few searches for all the people.
        """
        if not employees:
            return {}
        year = int(date[:4])
        last_year = year if date[5:] == "12-31" else year - 1
        lines = self.env["aux.grade.history"].sudo().search([
            ("employee_id", "in", employees.ids), ("date_from", "<=", date),
            "|", ("date_to", "=", False), ("date_to", ">=", date)])
        starts = {line.employee_id.id: line.date_from for line in lines}
        sheets = self.sudo().search([
            ("employee_id", "in", employees.ids), ("period_type", "=", "annual"),
            ("state", "=", "confirmed"), ("year", "<=", last_year)])
        results = {(s.employee_id.id, s.year): s for s in sheets}
        assessed = {(row["year"], row["department_id"] and row["department_id"][0])
                    for row in self.sudo().read_group(
                        [("period_type", "=", "annual"), ("state", "=", "confirmed"),
                         ("year", "<=", last_year)],
                        ["year", "department_id"], ["year", "department_id"], lazy=False)}
        rule_for = self._rule_cache()
        blockers = {}
        first_years = {}
        for employee in employees.sudo():
            rule = rule_for(date, employee.department_id)
            band = rule.promotion_band_id
            start = starts.get(employee.id)
            first = int(start[:4]) if start else last_year - rule.promotion_years + 1
            counted = list(range(max(first, last_year - rule.promotion_years + 1),
                                 last_year + 1))
            first_years[employee.id] = counted[0] if counted else year
            reasons = []
            for counted_year in counted:
                sheet = results.get((employee.id, counted_year))
                full_year = counted_year > first or (start and start[5:] == "01-01")
                if sheet and sheet.band_id.min_score < band.min_score:
                    reasons.append(_("Annual result %(year)s: %(band)s, below %(min)s "
                                     "(%(rule)s)") % {
                        "year": counted_year, "band": sheet.band_id.name, "min": band.name,
                        "rule": rule.name})
                elif not sheet and full_year and (
                        counted_year, employee.department_id.id) in assessed:
                    reasons.append(_("No confirmed annual result for %(year)s (%(rule)s)")
                                   % {"year": counted_year, "rule": rule.name})
            if reasons:
                blockers[employee.id] = reasons
        vetoes = self.env["aux.assessment.event"].sudo().search([
            ("employee_id", "in", employees.ids), ("is_veto", "=", True),
            ("state", "=", "confirmed"), ("date", "<=", date),
            ("date", ">=", "%d-01-01" % min(first_years.values()))], order="date")
        for event in vetoes:
            emp_id = event.employee_id.id
            if int(event.date[:4]) < first_years[emp_id] \
                    or (emp_id, int(event.date[:4])) in results:
                continue  # before the years checked, or counted in that year's result
            blockers.setdefault(emp_id, []).append(
                _("Veto item %(type)s on %(date)s") % {"type": event.type_id.name,
                                                        "date": event.date})
        return blockers
