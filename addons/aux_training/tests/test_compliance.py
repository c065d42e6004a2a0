# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError

from .common import TrainingCase, day


class TestCompliance(TrainingCase):

    def test_refresh_lists_people_out_of_compliance_per_unit(self):
        session = self._session(self.course_pre_job)
        self._enrol(session, self.emp_a)
        Compliance = self.env["aux.training.compliance"]
        employees = self.emp_a | self.emp_a2 | self.emp_b
        Compliance._aux_refresh(employees)
        rows = Compliance.search([("employee_id", "in", employees.ids),
                                  ("requirement_id", "=", self.req_pre_job.id)])
        self.assertEqual(len(rows), 3)
        met = rows.filtered("met")
        self.assertEqual(met.mapped("employee_id"), self.emp_a)
        self.assertEqual(met.out_of_compliance, 0)
        missing = rows - met
        self.assertEqual(missing.mapped("employee_id"), self.emp_a2 | self.emp_b)
        self.assertEqual(set(missing.mapped("missing_hours")), {40})
        groups = Compliance.read_group(
            [("employee_id", "in", employees.ids), ("requirement_id", "=", self.req_pre_job.id)],
            ["department_id", "out_of_compliance"], ["department_id"])
        per_unit = {g["department_id"][0]: g["out_of_compliance"] for g in groups}
        self.assertEqual(per_unit, {self.unit_a.id: 1, self.unit_b.id: 1})
        # a refresh replaces rows instead of adding to them
        Compliance._aux_refresh(employees)
        self.assertEqual(Compliance.search_count(
            [("employee_id", "in", employees.ids),
             ("requirement_id", "=", self.req_pre_job.id)]), 3)

    def test_refresh_drops_people_who_left(self):
        Compliance = self.env["aux.training.compliance"]
        Compliance._aux_refresh(self.emp_a | self.emp_b)
        self.emp_b.active = False
        Compliance._aux_refresh(self.emp_a)
        self.assertFalse(Compliance.search([("employee_id", "=", self.emp_b.id)]),
                         "No longer listed once archived")
        self.assertTrue(Compliance.search([("employee_id", "=", self.emp_a.id)]))

    def test_out_of_compliance_live_list_of_unit(self):
        session = self._session(self.course_pre_job)
        self._enrol(session, self.emp_a | self.emp_a2 | self.emp_a1)
        result = self.env["aux.training.compliance"]._aux_out_of_compliance(self.unit_a)
        self.assertNotIn(self.emp_b, result, "Other units are not listed")
        texts = result.get(self.emp_a, [])
        self.assertFalse([t for t in texts if self.req_pre_job.name in t])
        self.assertTrue([t for t in texts if self.req_periodic.name in t],
                        "No periodic training yet")

    def test_only_training_officers_refresh(self):
        with self.assertRaises(AccessError):
            self.env["aux.training.compliance"].sudo(self.user_leader).action_refresh()


class TestComplianceDue(TrainingCase):
    """Grace period of new hires and annual hours judged during the year."""

    def _dated_session(self, date, hours):
        """A done one-day session on ``date`` (a date string) worth ``hours``."""
        return self._session(self.course_periodic, hours=hours,
                             date_start=date + " 01:00:00", date_end=date + " 09:00:00")

    def _row(self, employee, requirement, on_date=None):
        return requirement._aux_compliance(employee, on_date=on_date)[
            (employee.id, requirement.id)]

    def test_new_hire_is_not_yet_due_during_grace_period(self):
        self.req_periodic.grace_days = 365
        self.req_annual.grace_days = 90
        self.emp_a.entry_date = day(-10)
        Compliance = self.env["aux.training.compliance"]
        Compliance._aux_refresh(self.emp_a | self.emp_a2)
        rows = Compliance.search([("employee_id", "=", self.emp_a.id)])
        periodic = rows.filtered(lambda r: r.requirement_id == self.req_periodic)
        annual = rows.filtered(lambda r: r.requirement_id == self.req_annual)
        pre_job = rows.filtered(lambda r: r.requirement_id == self.req_pre_job)
        self.assertEqual(periodic.status, "not_yet_due")
        self.assertEqual(periodic.due_date, day(355))
        self.assertEqual(annual.status, "not_yet_due")
        self.assertEqual(annual.due_date, day(80))
        self.assertFalse(periodic.met or annual.met, "Not yet due is not met")
        self.assertEqual(periodic.out_of_compliance + annual.out_of_compliance, 0)
        self.assertEqual(pre_job.status, "out_of_compliance",
                         "Pre-job training is a gate: no grace")
        # the "out of compliance" list (filter of the menu) leaves the hire out
        action = self.env.ref("aux_training.aux_training_compliance_action")
        self.assertIn("search_default_not_met", action.context)
        out = Compliance.search([("employee_id", "in", (self.emp_a | self.emp_a2).ids),
                                 ("status", "=", "out_of_compliance"),
                                 ("requirement_id", "!=", self.req_pre_job.id)])
        self.assertEqual(out.mapped("employee_id"), self.emp_a2,
                         "Only the person without an entry date in grace is listed")
        texts = Compliance._aux_out_of_compliance(self.unit_a)[self.emp_a]
        self.assertEqual(len(texts), 1)
        self.assertIn(self.req_pre_job.name, texts[0])
        # once the grace period is over with no training, out of compliance
        self.assertEqual(self._row(self.emp_a, self.req_annual, day(80))["status"],
                         "out_of_compliance")
        self.assertEqual(self._row(self.emp_a, self.req_periodic, day(354))["status"],
                         "not_yet_due")
        late = self._row(self.emp_a, self.req_periodic, day(355))
        self.assertEqual(late["status"], "out_of_compliance")
        self.assertFalse(late["due_date"])

    def test_annual_hours_pro_rata_on_1_april(self):
        self.assertEqual(self.req_annual.min_hours, 24)
        self.req_annual.annual_rule = "pro_rata"
        self._enrol(self._dated_session("2025-02-10", 6), self.emp_a)
        self._enrol(self._dated_session("2025-03-10", 4), self.emp_a2)
        result = self.req_annual._aux_compliance(self.emp_a | self.emp_a2, "2025-04-01")
        done = result[(self.emp_a.id, self.req_annual.id)]
        short = result[(self.emp_a2.id, self.req_annual.id)]
        self.assertEqual(done["target_hours"], 6.0, "24 h x 91 / 365 days")
        self.assertEqual(done["status"], "met")
        self.assertEqual(done["lapse_date"], "2025-04-03",
                         "The target to date reaches 6.1 h on 3 April")
        self.assertEqual(short["status"], "out_of_compliance")
        self.assertEqual(short["missing_hours"], 2.0)
        self.assertEqual(short["target_hours"], 6.0)

    def test_annual_hours_pro_rata_for_hire_on_1_july(self):
        self.req_annual.write({"annual_rule": "pro_rata", "grace_days": 90})
        self.emp_a.entry_date = "2025-07-01"
        self.emp_a1.entry_date = "2025-07-01"
        for employee, hours in ((self.emp_a, 6), (self.emp_a2, 6), (self.emp_a1, 4)):
            self._enrol(self._dated_session("2025-08-01", hours), employee)
        people = self.emp_a | self.emp_a2 | self.emp_a1
        result = self.req_annual._aux_compliance(people, "2025-09-30")
        hire = result[(self.emp_a.id, self.req_annual.id)]
        self.assertEqual(hire["target_hours"], 6.0, "24 h x 92 days employed / 365")
        self.assertEqual(hire["status"], "met")
        veteran = result[(self.emp_a2.id, self.req_annual.id)]
        self.assertEqual(veteran["target_hours"], 18.0, "24 h x 273 / 365, rounded")
        self.assertEqual(veteran["status"], "out_of_compliance")
        self.assertEqual(result[(self.emp_a1.id, self.req_annual.id)]["status"],
                         "out_of_compliance")
        # two weeks earlier the hire with 4 h was still in the grace period
        early = self._row(self.emp_a1, self.req_annual, "2025-09-15")
        self.assertEqual(early["status"], "not_yet_due")
        self.assertEqual(early["due_date"], "2025-09-29")

    def test_annual_hours_at_year_end_flags_nobody_before_31_december(self):
        self.req_annual.annual_rule = "year_end"
        self._enrol(self._dated_session("2025-02-10", 4), self.emp_a)
        self._enrol(self._dated_session("2025-02-10", 30), self.emp_a2)
        people = self.emp_a | self.emp_a2 | self.emp_b
        for on_date in ("2025-01-05", "2025-06-30", "2025-12-30"):
            result = self.req_annual._aux_compliance(people, on_date)
            statuses = {values["status"] for key, values in result.items()
                        if key[0] != self.emp_a2.id}
            self.assertEqual(statuses, {"not_yet_due"}, on_date)
            self.assertEqual(result[(self.emp_a.id, self.req_annual.id)]["due_date"],
                             "2025-12-31")
        self.assertEqual(self._row(self.emp_a2, self.req_annual, "2025-06-30")["status"],
                         "met")
        result = self.req_annual._aux_compliance(people, "2025-12-31")
        self.assertEqual(result[(self.emp_a.id, self.req_annual.id)]["status"],
                         "out_of_compliance")
        self.assertEqual(result[(self.emp_b.id, self.req_annual.id)]["status"],
                         "out_of_compliance")

    def test_annual_hours_full_from_1_january(self):
        self.req_annual.annual_rule = "full_year"
        self._enrol(self._dated_session("2025-02-10", 6), self.emp_a)
        row = self._row(self.emp_a, self.req_annual, "2025-04-01")
        self.assertEqual(row["target_hours"], 24)
        self.assertEqual(row["status"], "out_of_compliance")
