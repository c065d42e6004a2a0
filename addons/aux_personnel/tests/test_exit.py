# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from .test_post_common import AuxPostCommon


class TestExit(AuxPostCommon):

    @classmethod
    def setUpClass(cls):
        super(TestExit, cls).setUpClass()
        cls.Exit = cls.env["aux.employee.exit"]
        cls.Contract = cls.env["hr.contract"]
        cls.officer = cls._user("h2_officer", "aux_personnel.group_aux_personnel_user")
        cls.manager = cls._user("h2_manager", "aux_personnel.group_aux_personnel_manager")
        cls.contract = cls.Contract.create({
            "name": "Contract Zhang Wei", "employee_id": cls.aux1.id, "wage": 3000.0,
            "date_start": cls._date(years=-2), "date_end": cls._date(years=1),
            "aux_term_months": 36, "aux_pay_band": "auxiliary", "state": "open"})
        cls.assignment = cls.Assignment.create({
            "employee_id": cls.aux1.id, "post_id": cls.window.id,
            "date_from": cls._date(years=-1)})
        cls.resigned = cls.env.ref("aux_personnel.aux_exit_reason_resigned")

    def _exit(self, user, **values):
        vals = {"employee_id": self.aux1.id, "reason_id": self.resigned.id,
                "last_day": self._date(days=10),
                "equipment_line_ids": [(0, 0, {"item": "Uniform", "returned": True}),
                                       (0, 0, {"item": "Radio", "returned": False})]}
        vals.update(values)
        return self.Exit.sudo(user).create(vals)

    def test_exit_reasons_are_shipped(self):
        codes = set(self.env["aux.exit.reason"].search([]).mapped("code"))
        self.assertTrue({"resigned", "dismissed", "not_renewed", "police", "cadre"} <= codes)

    def test_exit_refused_while_equipment_is_missing(self):
        record = self._exit(self.officer)
        with self.refused(UserError, "Zhang Wei.*not returned: Radio"):
            record.action_confirm()
        self.assertTrue(self.aux1.active)
        self.assertEqual(self.contract.state, "open")
        self.assertEqual(record.state, "draft")

    def test_exit_closes_contracts_posts_and_archives_keeping_history(self):
        record = self._exit(self.officer)
        record.equipment_line_ids.write({"returned": True})
        record.action_confirm()
        self.assertEqual(record.state, "done")
        self.assertEqual(record.department_id, self.brigade)
        self.assertFalse(self.aux1.active)
        self.assertEqual(self.contract.state, "close")
        self.assertEqual(self.contract.date_end, self._date(days=10))
        self.assertEqual(self.assignment.date_to, self._date(days=10))
        # Archived people keep their full history.
        self.assertFalse(self.Employee.search([("id", "=", self.aux1.id)]))
        archived = self.Employee.with_context(active_test=False).search(
            [("name", "=", "Zhang Wei"), ("department_id", "=", self.brigade.id)])
        self.assertEqual(archived, self.aux1)
        self.assertEqual(archived.contract_ids, self.contract)
        self.assertEqual(archived.aux_post_assignment_ids, self.assignment)
        self.assertEqual(archived.aux_exit_ids, record)
        self.assertEqual(archived.aux_exit_count, 1)
        with self.refused(UserError, "cannot be deleted"):
            record.unlink()
        with self.refused(UserError, "already confirmed"):
            record.action_confirm()

    def test_only_a_manager_waives_equipment_with_a_note(self):
        record = self._exit(self.officer)
        radio = record.equipment_line_ids.filtered(lambda line: line.item == "Radio")
        with self.refused(ValidationError, "Only a manager.*Radio"):
            radio.sudo(self.officer).write({"waived": True, "waiver_note": "Lost"})
        with self.refused(ValidationError, "needs a note"):
            radio.sudo(self.manager).write({"waived": True})
        radio.sudo(self.manager).write({"waived": True, "waiver_note": "Lost on duty"})
        self.assertEqual(radio.waived_by_id, self.manager)
        record.sudo(self.officer).action_confirm()
        self.assertFalse(self.aux1.active)

    def test_conversion_is_not_an_exit_reason(self):
        record = self._exit(self.officer, reason_id=self.env.ref(
            "aux_personnel.aux_exit_reason_cadre").id, equipment_line_ids=[])
        with self.refused(UserError, "Convert to Cadre"):
            record.action_confirm()

    def test_conversion_to_bureau_employed_cadre(self):
        # eligible by the shipped criteria of this addon (the criteria
        # themselves: test_cadre_conversion)
        self.aux1.write({"entry_date": self._date(years=-6), "education": "bachelor"})
        criteria = self.env.ref("aux_personnel.aux_cadre_rule_default")
        if "min_band_id" in criteria._fields:
            criteria.min_band_id = False
        wizard = self.env["aux.cadre.convert"].sudo(self.manager).with_context(
            active_model="hr.employee", active_id=self.aux1.id).create({
                "date": self._date(days=1), "decision": "Bureau decision 2026-12",
                "wage": 5200.0, "term_months": 60})
        wizard.action_convert()
        self.assertTrue(self.aux1.active)
        self.assertFalse(self.aux1.is_auxiliary)
        self.assertTrue(self.aux1.aux_is_cadre)
        self.assertEqual(self.aux1.aux_cadre_date, self._date(days=1))
        self.assertEqual(self.contract.state, "close")
        self.assertEqual(self.contract.date_end, self._date())
        new = self.contract.aux_renewed_contract_id
        self.assertEqual(new.aux_pay_band, "cadre")
        self.assertEqual(new.wage, 5200.0)
        self.assertEqual(new.date_start, self._date(days=1))
        self.assertEqual(new.date_end, self._date(days=0, years=5))
        self.assertEqual(new.state, "open")
        conversion = self.aux1.aux_exit_ids
        self.assertEqual(conversion.exit_type, "conversion")
        self.assertEqual(conversion.decision, "Bureau decision 2026-12")
        self.assertEqual(conversion.state, "done")
        # A second conversion is refused: the person is no longer an auxiliary.
        again = self.env["aux.cadre.convert"].create({
            "employee_id": self.aux1.id, "date": self._date(days=2), "decision": "x",
            "wage": 1.0, "term_months": 12})
        with self.refused(UserError, "Zhang Wei is not an auxiliary"):
            again.action_convert()

    def test_unit_leader_reads_only_exits_of_own_unit(self):
        mine = self._exit(self.officer)
        theirs = self._exit(self.officer, employee_id=self.aux_other.id)
        leader_employee = self._employee("Leader Qian", self.brigade, False)
        leader = self._user("h2_exit_leader", "aux_personnel.group_aux_personnel_unit_leader",
                            leader_employee)
        self.assertEqual(self.Exit.sudo(leader).search([]) & (mine | theirs), mine)
        with self.refused(AccessError):
            theirs.sudo(leader).read(["reason_id"])
        with self.refused(AccessError):
            mine.sudo(leader).write({"note": "changed"})
        self_user = self._user("h2_exit_self", "aux_personnel.group_aux_personnel_self",
                               self.aux1)
        with self.refused(AccessError):
            mine.sudo(self_user).read(["reason_id"])
