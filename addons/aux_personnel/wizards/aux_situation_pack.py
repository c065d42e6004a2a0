# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import time

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError


class AuxSituationPack(models.TransientModel):
    """Monthly team-situation pack (月度队伍情况) for leaders: one XLSX with
    one sheet per section.

    Sections come from :meth:`_aux_situation_sections`; other addons add
    theirs by extending it with ``super()``. Each section is a dict
    ``{"title": str, "headers": [str], "rows": [[value]], "note": str}``
    (``note`` optional). Every section reads with the user's rights, so
    record rules keep a unit leader to own units; a unit outside them is
    refused before anything is read.
    """

    _name = "aux.situation.pack"
    _description = "Monthly Team Situation Pack"

    month = fields.Date(
        required=True, default=lambda self: fields.Date.to_string(
            fields.Date.from_string(fields.Date.context_today(self)).replace(day=1)),
        help="Any day of the month reported on.")
    department_id = fields.Many2one(
        "hr.department", string="Unit",
        help="The unit and its sub-units; empty for every unit you may see.")

    @api.multi
    def action_export(self):
        self.ensure_one()
        self._aux_check_scope()
        return self.env.ref("aux_personnel.aux_situation_pack_xlsx_report").report_action(
            self, config=False)

    @api.multi
    def action_produce(self):
        """Produce the workbook and say what it holds: a dialog with the
        number of sheets and data rows, the time it took and the file."""
        self.ensure_one()
        self._aux_check_scope()
        started = time.time()
        data = {}
        content, _format = self.env.ref(
            "aux_personnel.aux_situation_pack_xlsx_report").render_xlsx(self.ids, data)
        sheets, rows = data["aux_counts"]["sheets"], data["aux_counts"]["rows"]
        month = self._aux_month_bounds()[0][:7]
        message = _("Monthly team situation %(month)s of %(scope)s: %(sheets)s sheets, "
                    "%(rows)s rows.") % {
            "month": month, "scope": self._aux_scope_label(), "sheets": sheets, "rows": rows}
        return self.env["aux.operation.result"].aux_show(
            _("Monthly Team Situation"), message, rows, time.time() - started,
            data=base64.b64encode(content), filename="team_situation_%s.xlsx" % month)

    # ------------------------------------------------------------------
    # Scope and dates, shared by every section
    # ------------------------------------------------------------------
    @api.multi
    def _aux_month_bounds(self):
        """(first day, last day) of the month, as date strings."""
        self.ensure_one()
        first = fields.Date.from_string(self.month).replace(day=1)
        last = first + relativedelta(months=1, days=-1)
        return fields.Date.to_string(first), fields.Date.to_string(last)

    @api.multi
    def _aux_check_scope(self):
        """Refuse a unit outside the units a unit leader may see."""
        self.ensure_one()
        user = self.env.user
        if not self.department_id or user.has_group("aux_personnel.group_aux_personnel_user"):
            return
        own = self.env["hr.department"].search(
            [("id", "child_of", user.employee_ids.mapped("department_id").ids)])
        if self.department_id not in own:
            raise AccessError(_(
                "You may produce the team situation pack of your own units only, "
                "not of %s.") % self.department_id.display_name)

    @api.multi
    def _aux_scope_units(self):
        """Units the pack covers (sub-units included by the callers): the
        chosen unit; else a unit leader's own units; else None (every unit)."""
        self.ensure_one()
        if self.department_id:
            return self.department_id
        user = self.env.user
        if user.has_group("aux_personnel.group_aux_personnel_user"):
            return None
        return user.employee_ids.mapped("department_id")

    @api.multi
    def _aux_scope_domain(self, field_name="department_id"):
        """Domain restricting ``field_name`` to the units of the pack and
        their sub-units; record rules apply on top of it."""
        units = self._aux_scope_units()
        if units is None:
            return []
        return [(field_name, "child_of", units.ids)]

    @api.multi
    def _aux_scope_label(self):
        """The unit chosen; else the user's own units when he sees only
        them (a unit leader); else all units."""
        self.ensure_one()
        units = self._aux_scope_units()
        if units is None:
            return _("All units")
        return ", ".join(units.mapped("display_name")) or _("No unit")

    @staticmethod
    def _aux_label(value):
        """Label of a read_group value (many2one pair, False or a plain value)."""
        if isinstance(value, (list, tuple)):
            return value[1]
        return value if value not in (False, None) else _("Not set")

    @api.multi
    def _aux_groups_by_unit(self, model, domain, groupby, units, aggregates=()):
        """The sections' shared step: one ``read_group`` of ``model`` on the
        pack's scope and ``domain``, grouped (not lazily) by ``groupby``, the
        unit field ``department_id`` first, summing ``aggregates``. Returns
        {(unit id, other group values...): group}, a many2one given by its
        id, and records in ``units`` ({unit id: label}) each unit met."""
        groups = {}
        for group in model.read_group(
                self._aux_scope_domain() + list(domain), list(groupby) + list(aggregates),
                list(groupby), lazy=False):
            unit = group["department_id"]
            units[unit and unit[0]] = self._aux_label(unit)
            groups[tuple(group[name][0] if isinstance(group[name], (list, tuple))
                         else group[name] for name in groupby)] = group
        return groups

    @staticmethod
    def _aux_counts(groups):
        """{key: number of records} of :meth:`_aux_groups_by_unit`'s groups."""
        return {key: group["__count"] for key, group in groups.items()}

    @staticmethod
    def _aux_units_sorted(units):
        """Unit ids of ``units`` ({id: label}) in the order of their labels."""
        return sorted(units, key=lambda unit_id: units[unit_id])

    # ------------------------------------------------------------------
    # Sections
    # ------------------------------------------------------------------
    @api.multi
    def _aux_situation_sections(self):
        """The pack's sections, in order. Extend with ``super()`` and append."""
        self.ensure_one()
        self._aux_check_scope()
        return [self._aux_section_headcount(), self._aux_section_composition(),
                self._aux_section_movements(), self._aux_section_grades()]

    @api.multi
    def _aux_section_headcount(self):
        """Auxiliaries on the last day of the month per unit and category,
        against the establishment quotas of that year."""
        date_to = self._aux_month_bounds()[1]
        Employee = self.env["hr.employee"].with_context(active_test=False)
        units = {}
        # In service on the last day: active auxiliaries who had entered, and
        # people whose confirmed exit came later.
        counts = self._aux_counts(self._aux_groups_by_unit(Employee, [
            ("active", "=", True), ("is_auxiliary", "=", True),
            "|", ("entry_date", "=", False), ("entry_date", "<=", date_to)],
            ["department_id", "aux_category"], units))
        # One read for the exits, one (prefetched) for their people.
        left_later = self.env["aux.employee.exit"].search(
            self._aux_scope_domain() + [("state", "=", "done"), ("last_day", ">", date_to)])
        for record in left_later:
            person = record.employee_id
            if person.entry_date and person.entry_date > date_to:
                continue
            unit = record.department_id
            key = (unit.id, person.aux_category)
            units[key[0]] = unit.display_name if unit else _("Not set")
            counts[key] = counts.get(key, 0) + 1
        year = fields.Date.from_string(date_to).year
        quotas = self._aux_groups_by_unit(self.env["aux.establishment.quota"], [
            ("year_from", "<=", year), "|", ("year_to", "=", False), ("year_to", ">=", year)],
            ["department_id", "category"], units, aggregates=["quota"])
        quota_of = {key: group["quota"] for key, group in quotas.items()}
        labels = dict(self.env["hr.employee"]._fields["aux_category"]._description_selection(
            self.env))
        rows = []
        for unit_id in self._aux_units_sorted(units):
            keys = sorted({k[1] for k in list(counts) + list(quota_of)
                           if k[0] == unit_id and k[1]})
            for category in keys:
                count = counts.get((unit_id, category), 0)
                quota = quota_of.get((unit_id, category))
                rows.append([units[unit_id], labels.get(category, category), count,
                             quota if quota is not None else "",
                             quota - count if quota is not None else ""])
            total = sum(v for k, v in counts.items() if k[0] == unit_id)
            quota = sum(v for k, v in quota_of.items() if k[0] == unit_id) \
                if any(k[0] == unit_id for k in quota_of) else None
            rows.append([units[unit_id], _("All categories"), total,
                         quota if quota is not None else "",
                         quota - total if quota is not None else ""])
        return {
            "title": _("Head count vs quota"),
            "headers": [_("Unit"), _("Category"), _("Head count"), _("Quota"),
                        _("Vacancies")],
            "rows": rows,
            "note": _("Auxiliaries in service on %(day)s (sub-units listed on their own); "
                      "quotas in force in %(year)s. A quota without category covers "
                      "all categories.") % {"day": date_to, "year": year},
        }

    @api.multi
    def _aux_section_composition(self):
        """The team composition report's figures (computed there, today)."""
        result = self.env["aux.team.composition.report"]._composition(
            self.department_id or None)
        rows = [[_("All staff"), _("Total"), result["total"], 100.0 if result["total"] else 0.0,
                 result["auxiliaries"], result["share"]]]
        for dimension in result["dimensions"]:
            for line in dimension["rows"]:
                rows.append([dimension["title"], line["label"], line["count"],
                             line["percent"], line["aux_count"], line["aux_percent"]])
        return {
            "title": _("Composition"),
            "headers": [_("Dimension"), _("Value"), _("All staff"), _("Share of all staff"),
                        _("Auxiliaries"), _("Share of auxiliaries")],
            "rows": rows,
            "note": _("Active register on the day of the export; a band covers from "
                      "<= years < below (e.g. 1-3 means 1 <= years < 3)."),
        }

    @api.multi
    def _aux_section_movements(self):
        """Entries, exits (with reasons) and conversions to cadre of the month."""
        date_from, date_to = self._aux_month_bounds()
        entries = self.env["hr.employee"].with_context(active_test=False).search(
            self._aux_scope_domain() + [("is_auxiliary", "=", True),
                                        ("entry_date", ">=", date_from),
                                        ("entry_date", "<=", date_to)],
            order="entry_date, name")
        exits = self.env["aux.employee.exit"].search(
            self._aux_scope_domain() + [("state", "=", "done"),
                                        ("last_day", ">=", date_from),
                                        ("last_day", "<=", date_to)],
            order="last_day, id")
        types = dict(self.env["aux.employee.exit"]._fields["exit_type"]._description_selection(
            self.env))
        rows = [[_("Joined"), person.entry_date, person.name,
                 person.department_id.display_name or "", ""] for person in entries]
        rows += [[types[record.exit_type], record.last_day, record.employee_id.name,
                  record.department_id.display_name or "", record.reason_id.name]
                 for record in exits]
        return {
            "title": _("Movements"),
            "headers": [_("Movement"), _("Date"), _("Person"), _("Unit"), _("Reason")],
            "rows": rows,
            "note": _("Entries of auxiliaries (entry date in the month) and confirmed exits "
                      "and conversions to cadre (last day in the month). Transfers between "
                      "units are not recorded as movements in the register."),
        }

    @api.multi
    def _aux_section_grades(self):
        """Auxiliaries per unit and grade, and each grade quota rule in force
        on the last day of the month against its limit per unit."""
        date_to = self._aux_month_bounds()[1]
        units = {}
        counts = self._aux_counts(self._aux_groups_by_unit(
            self.env["hr.employee"], [("is_auxiliary", "=", True), ("aux_grade_id", "!=", False),
                                      ("department_id", "!=", False)],
            ["department_id", "aux_grade_id"], units))
        grade_ids = {key[1] for key in counts}
        grades = self.env["aux.grade"].browse(sorted(grade_ids)).sorted(
            lambda g: (g.sequence, g.id))
        departments = self.env["hr.department"].browse(list(units))
        unit_quota = self.env["aux.establishment.quota"]._unit_quota(departments, date_to)
        # Quota rules are configuration, not personal data: a unit leader
        # sees them applied to own units.
        rules = self.env["aux.grade.quota.rule"].sudo()._rules_on(date_to)
        rows = []
        for unit_id in self._aux_units_sorted(units):
            for grade in grades:
                if (unit_id, grade.id) in counts:
                    rows.append([units[unit_id], grade.name, counts[(unit_id, grade.id)],
                                 "", ""])
            for rule in rules:
                held = sum(counts.get((unit_id, g), 0) for g in rule.grade_ids.ids)
                if rule.base == "unit_quota":
                    if unit_id not in unit_quota:
                        continue
                    base = unit_quota[unit_id]
                else:
                    base = sum(counts.get((unit_id, g), 0) for g in rule.base_grade_ids.ids)
                limit = int(base * rule.max_share / 100.0 + 1e-9)
                rows.append([units[unit_id], "%s (%s)" % (
                    rule.name, ", ".join(rule.grade_ids.mapped("name"))), held, limit,
                    limit - held])
        return {
            "title": _("Grades vs quotas"),
            "headers": [_("Unit"), _("Grade or quota rule"), _("People"), _("Limit"),
                        _("Room left")],
            "rows": rows,
            "note": _("Current grades of active auxiliaries per unit, then each grade quota "
                      "rule in force on %s with the most people it allows in the unit "
                      "(share of the base, rounded down).") % date_to,
        }
