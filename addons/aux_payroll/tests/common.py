# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Shared fixtures of the pay table, engine and payslip security tests.

A small bureau: unit A (with sub-unit A1) and unit B, auxiliaries of
several grades and seniorities with running contracts on the auxiliary
structure, confirmed monthly assessments of March 2030 (one with a veto, one
person without assessment), a salary journal and one user per role.  The
default pay tables of the addon are used as shipped.  No test method here.
"""
from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust
from odoo.addons.aux_personnel.tests.common import PERSONNEL_ROLES, AuxBureauCase

YEAR = 2030
MARCH = ("2030-03-01", "2030-03-31")
FEBRUARY = ("2030-02-01", "2030-02-28")

#: the roles of aux_payroll (and aux_personnel's): {short name: group xmlid}
PAYROLL_ROLES = dict(
    PERSONNEL_ROLES, officer="aux_payroll.group_aux_payroll_officer",
    finance="aux_payroll.group_aux_payroll_finance",
    boss="aux_payroll.group_aux_payroll_leader",
    editor="aux_payroll.group_aux_payroll_rule_editor")


class PayrollBureauCase(AuxBureauCase):
    """What the payroll fixtures (this module's and payroll_run_common's)
    share: the payroll roles, people without resident IDs, no pre-job
    training gate on their posts."""

    _aux_roles = PAYROLL_ROLES
    _aux_resident_ids = False

    @classmethod
    def setUpClass(cls):
        super(PayrollBureauCase, cls).setUpClass()
        cls._aux_without_training_gate()


class AuxPayrollCase(PayrollBureauCase):

    _aux_prefix = "Pay "

    @classmethod
    def setUpClass(cls):
        super(AuxPayrollCase, cls).setUpClass()
        env = cls.env
        cls.structure = env.ref("aux_payroll.aux_salary_structure")
        cls.Slip = env["hr.payslip"]
        cls.Table = env["aux.pay.table"]
        cls.Version = env["aux.pay.table.version"]
        cls.journal = env["account.journal"].create({
            "name": "Aux salaries (test)", "code": "TAUX", "type": "general"})
        cls.grades = {level: env.ref("aux_personnel.aux_grade_l%d" % level)
                      for level in range(1, 8)}
        # profiles of the hand-computed payslips (see test_payslip_compute);
        # the veteran in level 1 is the only one of his unit in levels 3-1,
        # which the shipped rule "level 1 at most 30% of levels 3-1" refuses
        # (aux_personnel's tests cover it): the pay fixtures do without it
        env.ref("aux_personnel.aux_grade_quota_rule_top").active = False
        cls.emp_new = cls._aux("Pay New L7", cls.unit_a, 7, "2030-01-01")
        cls.emp_mid = cls._aux("Pay Mid L5", cls.unit_a1, 5, "2020-03-15")
        cls.emp_old = cls._aux("Pay Veteran L1", cls.unit_a, 1, "1990-01-01",
                               contribution_base=25000.0)
        cls.emp_tax = cls._aux("Pay Taxed L3", cls.unit_b, 3, "2015-06-01",
                               contribution_base=4600.0)
        cls.emp_none = cls._aux("Pay Unassessed L6", cls.unit_b, 6, "2028-03-01")
        cls.emp_veto = cls._aux("Pay Veto L7", cls.unit_a, 7, "2030-01-01")
        cls.emp_leave = cls._aux("Pay Leave L7", cls.unit_a, 7, "2030-01-01")
        cls.sworn_a = cls._aux_person("Pay Officer A", cls.unit_a, auxiliary=False)

        # assessments: confirmed monthly sheets of February and March
        periods = env["aux.assessment.period"]._create_year(YEAR)
        cls.period_feb = periods.filtered(lambda p: p.name == "%s-02" % YEAR)
        cls.period_mar = periods.filtered(lambda p: p.name == "%s-03" % YEAR)
        trust(env["aux.assessment.event"]).create({
            "employee_id": cls.emp_veto.id, "date": "2030-03-10", "state": "confirmed",
            "type_id": env.ref("aux_assessment.event_type_veto_drinking").id})
        trust(env["aux.assessment.event"]).create({
            "employee_id": cls.emp_tax.id, "date": "2030-03-12", "state": "confirmed",
            "type_id": env.ref("aux_assessment.event_type_commendation_county").id})
        scores = {cls.emp_new: 80, cls.emp_mid: 65, cls.emp_old: 80, cls.emp_tax: 80,
                  cls.emp_veto: 95, cls.emp_leave: 80}
        cls._assess(cls.period_feb, scores)
        cls._assess(cls.period_mar, scores)

        user = cls._aux_user
        cls.user_self = user("pay_self", "self", employee=cls.emp_new)
        cls.user_leader_a = user("pay_leader_a", "leader", employee=cls.sworn_a)
        cls.user_officer = user("pay_officer", "officer")
        cls.user_finance = user("pay_finance", "finance")
        cls.user_payroll_manager = user("pay_hr_manager", "hr_payroll.group_hr_payroll_manager",
                                        "officer")
        cls.user_editor = user("pay_editor", "editor")

    @classmethod
    def _aux(cls, name, unit, level, entry_date, contribution_base=0.0, category="duty"):
        """An auxiliary of grade ``level`` since ``entry_date`` with a running
        contract on the auxiliary structure (given by default)."""
        employee = cls._aux_person(name, unit, aux_category=category, entry_date=entry_date,
                                   aux_grade_id=cls.grades[level].id)
        cls.env["hr.contract"].create({
            "name": "Contract %s" % name, "employee_id": employee.id, "wage": 3000.0,
            "date_start": entry_date, "state": "open",
            "aux_contribution_base": contribution_base})
        return employee

    @classmethod
    def _assess(cls, period, scores):
        """Confirmed monthly sheets of ``period`` with the total of ``scores``."""
        Sheet = cls.env["aux.assessment.sheet"]
        employees = cls.env["hr.employee"].browse([e.id for e in scores])
        sheets = Sheet._generate(period, employees)
        for sheet in sheets:
            cls._set_total(sheet, scores[sheet.employee_id])
        sheets.action_submit()
        sheets.action_check()
        sheets.action_confirm()
        return sheets

    @staticmethod
    def _set_total(sheet, target):
        lines = sheet.line_ids.sorted(lambda ln: (ln.item_type != "flexible", -ln.max_score))
        remaining = target
        for line in lines:
            score = min(line.max_score, remaining)
            line.base_score = score
            remaining -= score

    @classmethod
    def slip(cls, employee, period=MARCH, **values):
        vals = {"employee_id": employee.id, "name": "Payslip %s %s" % (employee.name,
                                                                        period[0][:7]),
                "date_from": period[0], "date_to": period[1],
                "contract_id": employee.contract_ids[:1].id,
                "struct_id": cls.structure.id, "journal_id": cls.journal.id}
        vals.update(values)
        return cls.Slip.create(vals)

    @staticmethod
    def amounts(slip):
        """{rule code: total} of the payslip (arrears lines summed)."""
        result = {}
        for line in slip.line_ids:
            result[line.code] = round(result.get(line.code, 0.0) + line.total, 2)
        return result
