# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests.common import SavepointCase

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust

YEAR = 2011


class AssessmentCase(SavepointCase):
    """Units A (with sub-unit A1) and B, auxiliaries in each, a sworn leader of
    A, users for every role, the periods of one year and the default data."""

    @classmethod
    def setUpClass(cls):
        super(AssessmentCase, cls).setUpClass()
        # messages are asserted in English whatever the admin's language
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        env = cls.env
        Department = env["hr.department"]
        Employee = env["hr.employee"]
        cls.unit_a = Department.create({"name": "Brigade A"})
        cls.unit_a1 = Department.create({"name": "Squadron A1", "parent_id": cls.unit_a.id})
        cls.unit_b = Department.create({"name": "Brigade B"})

        def aux(name, unit, category="duty"):
            return Employee.create({"name": name, "department_id": unit.id,
                                    "is_auxiliary": True, "aux_category": category})

        cls.emp_a = aux("Aux A Alpha", cls.unit_a)
        cls.emp_a2 = aux("Aux A Bravo", cls.unit_a)
        cls.emp_a3 = aux("Aux A Charlie", cls.unit_a)
        cls.emp_a4 = aux("Aux A Delta", cls.unit_a)
        cls.emp_a5 = aux("Aux A Echo", cls.unit_a)
        cls.emp_a1 = aux("Aux A1 Sub", cls.unit_a1)
        cls.emp_b = aux("Aux B", cls.unit_b)
        cls.sworn_a = Employee.create({"name": "Officer A", "department_id": cls.unit_a.id})

        Users = env["res.users"].with_context(no_reset_password=True)

        def user(login, group_xmlid, employee=None):
            new_user = Users.create({
                "name": login, "login": login, "email": "%s@example.com" % login,
                "groups_id": [(6, 0, [env.ref(group_xmlid).id])]})
            if employee:
                employee.user_id = new_user
            return new_user

        cls.user_self = user("aux_a_self", "aux_personnel.group_aux_personnel_self", cls.emp_a)
        cls.user_self_b = user("aux_a_self_b", "aux_personnel.group_aux_personnel_self",
                               cls.emp_b)
        cls.user_leader = user("aux_a_leader", "aux_personnel.group_aux_personnel_unit_leader",
                               cls.sworn_a)
        cls.user_office = user("aux_a_office", "aux_personnel.group_aux_personnel_user")
        cls.user_office2 = user("aux_a_office2", "aux_personnel.group_aux_personnel_user")
        cls.user_manager = user("aux_a_manager", "aux_personnel.group_aux_personnel_manager")

        cls.scheme = env.ref("aux_assessment.scheme_default")
        cls.rule = env.ref("aux_assessment.rule_default")
        cls.band_excellent = env.ref("aux_assessment.band_excellent")
        cls.band_competent = env.ref("aux_assessment.band_competent")
        cls.band_basic = env.ref("aux_assessment.band_basic")
        cls.band_incompetent = env.ref("aux_assessment.band_incompetent")
        cls.type_late = env.ref("aux_assessment.event_type_late")
        cls.type_absence = env.ref("aux_assessment.event_type_absence")
        cls.type_commend = env.ref("aux_assessment.event_type_commendation_county")
        cls.type_veto = env.ref("aux_assessment.event_type_veto_drinking")

        Period = env["aux.assessment.period"]
        periods = Period._create_year(YEAR)
        cls.jan = periods.filtered(lambda p: p.name == "%s-01" % YEAR)
        cls.feb = periods.filtered(lambda p: p.name == "%s-02" % YEAR)
        cls.q1 = periods.filtered(lambda p: p.name == "%s Q1" % YEAR)
        cls.year = periods.filtered(lambda p: p.period_type == "annual")
        cls.Sheet = env["aux.assessment.sheet"]
        cls.Event = env["aux.assessment.event"]

    @classmethod
    def generate(cls, period, employees):
        return cls.Sheet._generate(period, employees)

    @staticmethod
    def set_total(sheet, target):
        """Give ``sheet`` the scores that make its total ``target`` (0-100)."""
        lines = sheet.line_ids.sorted(lambda ln: (ln.item_type != "flexible", -ln.max_score))
        remaining = target
        vals = {}
        for line in lines.filtered(lambda ln: ln.item_type == "fixed"):
            vals[line] = min(line.max_score, remaining)
            remaining -= vals[line]
        for line in lines.filtered(lambda ln: ln.item_type == "flexible"):
            vals[line] = min(line.max_score, remaining)
            remaining -= vals[line]
        for line, score in vals.items():
            line.base_score = score

    def event(self, employee, etype, date, state="confirmed", **kw):
        """An event recorded directly in ``state`` (a fixture: trusted code)."""
        vals = {"employee_id": employee.id, "type_id": etype.id, "date": date,
                "state": state}
        vals.update(kw)
        return trust(self.Event).create(vals).with_env(self.env)

    @classmethod
    def annual(cls, employees, scores):
        """Annual sheets of ``employees`` with totals ``scores``
        (monthly average and year-end evaluation both set to the score; the
        average, computed by the server, is given by trusted fixture code)."""
        sheets = cls.Sheet._generate(cls.year, employees)
        ordered = sheets.sorted(lambda s: employees.ids.index(s.employee_id.id))
        for sheet, score in zip(ordered, scores, strict=True):
            trust(sheet).write({"period_score": score, "evaluation_score": score})
        return sheets

    @staticmethod
    def confirm(sheets):
        sheets.action_submit()
        sheets.action_check()
        sheets.action_confirm()
