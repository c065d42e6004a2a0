# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The published roster's night and 24-hour duties fill the payslip's
night-duty input; duties, unpaid leave and absences show as worked days.
March 2026, the shipped pay tables and auxiliary salary structure."""
from .common import AuxDutyCase

MARCH = ("2026-03-01", "2026-03-31")


class TestPayslipDuties(AuxDutyCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        if "aux.training.requirement" in env:
            env["aux.training.requirement"].search([]).write({"blocks_post_assignment": False})
        cls.structure = env.ref("aux_payroll.aux_salary_structure")
        cls.journal = env["account.journal"].create({
            "name": "Aux salaries (duty test)", "code": "TDUT", "type": "general"})
        grade = env.ref("aux_personnel.aux_grade_l7")
        for employee in (cls.emp_a, cls.emp_a1):
            employee.write({"aux_category": "duty", "entry_date": "2025-01-01",
                            "aux_grade_id": grade.id})
            env["hr.contract"].create({
                "name": "Contract %s" % employee.name, "employee_id": employee.id,
                "wage": 3000.0, "date_start": "2025-01-01", "state": "open",
                "struct_id": cls.structure.id})
        cls.emp_new = cls.emp_a
        cls.emp_mid = cls.emp_a1
        cls.night = cls.shift_night
        cls.duty24 = cls.shift_24
        cls.day_shift = cls.shift_day
        # emp_new: 3 night shifts, 2 24-hour duties, 5 day shifts
        days = {day: cls.night for day in (3, 7, 11)}
        days.update({day: cls.duty24 for day in (5, 15)})
        days.update({day: cls.day_shift for day in (1, 2, 4, 6, 8)})
        cls.roster = cls.make_roster(cls.unit_a, cls.emp_new, days)

    def slip(self, employee, **values):
        vals = {"employee_id": employee.id, "name": "Payslip %s" % employee.name,
                "date_from": MARCH[0], "date_to": MARCH[1],
                "contract_id": employee.contract_ids[:1].id,
                "struct_id": self.structure.id, "journal_id": self.journal.id}
        vals.update(values)
        return self.env["hr.payslip"].create(vals)

    @staticmethod
    def amounts(slip):
        return {line.code: line.total for line in slip.line_ids}

    def worked_days(self, slip):
        return {line.code: line.number_of_days for line in slip.worked_days_line_ids}

    def inputs(self, slip, code):
        return slip.input_line_ids.filtered(lambda i: i.code == code)

    def test_roster_fills_night_duties(self):
        slip = self.slip(self.emp_new)
        slip.compute_sheet()
        night = self.inputs(slip, "NIGHT_DUTY")
        self.assertEqual(len(night), 1)
        self.assertEqual(night.amount, 5.0, "3 night shifts and 2 24-hour duties")
        rate = self.env["aux.pay.table"]._aux_readers(["2026-03-31"])["2026-03-31"].rate(
            "ALLOW_NIGHT")
        self.assertAlmostEqual(self.amounts(slip)["ALW_NIGHT"], 5 * rate, places=2)
        worked = self.worked_days(slip)
        self.assertEqual((worked["DUTY_NIGHT"], worked["DUTY_24H"]), (3, 2))
        # recomputing replaces, never adds
        slip.compute_sheet()
        self.assertEqual(len(self.inputs(slip, "NIGHT_DUTY")), 1)
        self.assertEqual(len(slip.worked_days_line_ids.filtered(
            lambda w: w.code == "DUTY_NIGHT")), 1)

    def test_roster_replaces_the_typed_value(self):
        slip = self.slip(self.emp_new, input_line_ids=[(0, 0, {
            "name": "Night duties", "code": "NIGHT_DUTY", "amount": 9,
            "contract_id": self.emp_new.contract_ids[:1].id})])
        slip.compute_sheet()
        self.assertEqual(self.inputs(slip, "NIGHT_DUTY").mapped("amount"), [5.0])

    def test_no_published_roster_keeps_the_typed_value(self):
        slip = self.slip(self.emp_mid, input_line_ids=[(0, 0, {
            "name": "Night duties", "code": "NIGHT_DUTY", "amount": 4,
            "contract_id": self.emp_mid.contract_ids[:1].id})])
        slip.compute_sheet()
        self.assertEqual(self.inputs(slip, "NIGHT_DUTY").mapped("amount"), [4.0])
        self.assertNotIn("DUTY_NIGHT", self.worked_days(slip))

    def test_draft_roster_does_not_count(self):
        self.roster.action_reopen()
        slip = self.slip(self.emp_new)
        slip.compute_sheet()
        self.assertFalse(self.inputs(slip, "NIGHT_DUTY"))

    def test_unpaid_leave_and_absence_as_worked_days(self):
        leave = self.env["aux.leave.request"].create({
            "employee_id": self.emp_new.id, "date_from": "2026-03-18",
            "date_to": "2026-03-19",
            "holiday_status_id": self.env.ref("aux_duty.leave_personal").id})
        leave.action_submit()
        leave.action_approve()
        self.assertEqual(leave.state, "approved")
        self.env["aux.duty.exception"]._aux_compute("2026-03-01", "2026-03-31",
                                                    employees=self.emp_new)
        absences = self.env["aux.duty.exception"].search([
            ("employee_id", "=", self.emp_new.id), ("kind", "=", "absent")])
        self.assertEqual(len(absences), 10, "no punch at all on the 10 duty days")
        absences[:2].action_confirm()
        slip = self.slip(self.emp_new)
        slip.compute_sheet()
        worked = self.worked_days(slip)
        self.assertEqual(worked["LEAVE_UNPAID"], 2)
        self.assertEqual(worked["ABSENCE"], 2)
        self.assertEqual(self.inputs(slip, "UNPAID_DAYS").amount, 2)
        self.assertLess(self.amounts(slip)["UNPAID"], 0)
