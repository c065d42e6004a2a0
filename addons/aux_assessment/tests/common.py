# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust
from odoo.addons.aux_personnel.tests.common import AuxBureauCase

YEAR = 2011


class AssessmentCase(AuxBureauCase):
    """Units A (with sub-unit A1) and B, auxiliaries in each, a sworn leader of
    A, users for every role, the periods of one year and the default data."""

    # messages in English; the chatter records what the fixtures do
    _aux_context = {"lang": "en_US"}
    _aux_resident_ids = False

    @classmethod
    def setUpClass(cls):
        super(AssessmentCase, cls).setUpClass()
        env = cls.env
        aux = cls._aux_person
        cls.emp_a = aux("Aux A Alpha", cls.unit_a)
        cls.emp_a2 = aux("Aux A Bravo", cls.unit_a)
        cls.emp_a3 = aux("Aux A Charlie", cls.unit_a)
        cls.emp_a4 = aux("Aux A Delta", cls.unit_a)
        cls.emp_a5 = aux("Aux A Echo", cls.unit_a)
        cls.emp_a1 = aux("Aux A1 Sub", cls.unit_a1)
        cls.emp_b = aux("Aux B", cls.unit_b)
        cls.sworn_a = aux("Officer A", cls.unit_a, auxiliary=False)

        user = cls._aux_user
        cls.user_self = user("aux_a_self", "self", employee=cls.emp_a)
        cls.user_self_b = user("aux_a_self_b", "self", employee=cls.emp_b)
        cls.user_leader = user("aux_a_leader", "leader", employee=cls.sworn_a)
        cls.user_office = user("aux_a_office", "office")
        cls.user_office2 = user("aux_a_office2", "office")
        cls.user_manager = user("aux_a_manager", "manager")

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
