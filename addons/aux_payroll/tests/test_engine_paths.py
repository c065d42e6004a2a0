# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""How the engine writes and how other addons extend it.

A few payslips are created and written through the ORM (constraints, other
addons' overrides, the audit log see them); above the technical threshold
``aux_payroll.bulk_sql_threshold`` bulk SQL writes the same records and
validates them afterwards.  Extensions (``engine/extension.py``) add facts
and inputs that rule code reads."""
from odoo.exceptions import UserError, ValidationError

from ..engine import EngineExtension, inputs, rules
from ..engine.batch import PayrollBatch
from ..engine.compute import SLIP_FIELDS
from ..engine.rulecode import Input
from ..engine.store import THRESHOLD_PARAMETER
from .common import AuxPayrollCase

MARCH = ("2030-03-01", "2030-03-31")


class NightsExtension(EngineExtension):
    """An extension as another addon would write it: a fact and an input."""

    def load(self, batch):
        self.nights = {emp_id: 3 for emp_id in batch.employee_ids}

    def facts(self, batch, slip):
        return {"test_nights": self.nights[slip["employee_id"]]}

    def inputs(self, batch, slip, inputs, warnings):
        inputs["TEST_BONUS"] = ("Test bonus", 2.0)


class ClashingExtension(EngineExtension):

    def facts(self, batch, slip):
        return {"years": 99}


class TestEnginePaths(AuxPayrollCase):

    def set_threshold(self, value):
        self.env["ir.config_parameter"].sudo().set_param(THRESHOLD_PARAMETER, str(value))

    def computed(self, threshold):
        """What a computation of four payslips of March writes, with the
        threshold ``threshold``."""
        self.set_threshold(threshold)
        slips = self.Slip.browse()
        for employee in (self.emp_new, self.emp_old, self.emp_tax, self.emp_none):
            slips |= self.slip(employee)
        slips[2].write({"input_line_ids": [(0, 0, {
            "name": "Night duties", "code": "NIGHT_DUTY", "amount": 4,
            "contract_id": self.emp_tax.contract_ids.id})]})
        slips.compute_sheet()
        slips.compute_sheet()  # a recomputation replaces what the first wrote
        return [(
            slip.employee_id.name, bool(slip.number), slip.aux_warning, slip.contract_id,
            slip.struct_id, bool(slip.aux_rates_date),
            # amounts to the cent (bulk SQL keeps the binary float's digits
            # in the numeric column, e.g. 18.400000000000002)
            sorted((line.code, line.name, line.sequence, line.category_id.id,
                    round(line.amount, 2), round(line.quantity, 2), round(line.rate, 2),
                    round(line.total, 2), line.salary_rule_id.id,
                    line.appears_on_payslip, line.aux_arrears_date or False)
                   for line in slip.line_ids),
            sorted((i.code, i.name, round(i.amount, 2), i.sequence)
                   for i in slip.input_line_ids))
            for slip in slips]

    def test_orm_and_bulk_sql_write_the_same(self):
        through_orm = self.computed(100)
        with self.env.cr.savepoint():
            self.assertEqual(self.computed(0), through_orm)
        self.assertEqual(len(through_orm), 4)
        self.assertTrue(all(lines for _n, _b, _w, _c, _s, _d, lines, _i in through_orm))

    def generate_and_log(self, threshold):
        """Generate the run of unit B (two people) with the threshold
        ``threshold``: {method: whether the audit log recorded the payslips'
        create / write}."""
        self.set_threshold(threshold)
        run = self.env["hr.payslip.run"].with_context(default_is_aux=True).create({
            "name": "Run (threshold %s)" % threshold, "aux_department_id": self.unit_b.id,
            "date_start": MARCH[0], "date_end": MARCH[1], "journal_id": self.journal.id})
        run.action_aux_generate()
        self.assertEqual(len(run.slip_ids), 2)
        self.assertTrue(all(run.slip_ids.mapped("number")))
        return {method: bool(self.env["auditlog.log"].search([
            ("model_id.model", "=", "hr.payslip"), ("res_id", "in", run.slip_ids.ids),
            ("method", "=", method)])) for method in ("create", "write")}

    def test_small_run_goes_through_the_orm(self):
        """The payslips of a small run are created and computed through the
        ORM: the audit log (another addon's override of create and write)
        records them."""
        self.assertEqual(self.generate_and_log(100), {"create": True, "write": True})

    def test_large_run_uses_bulk_sql(self):
        """Above the threshold, bulk SQL: the audit log does not see them."""
        self.assertEqual(self.generate_and_log(0), {"create": False, "write": False})

    def test_reversed_dates_refused_either_way(self):
        """Stock's check of the payslip dates refuses a run whose dates are
        reversed, through the ORM and after bulk SQL alike."""
        for threshold in (100, 0):
            self.set_threshold(threshold)
            run = self.env["hr.payslip.run"].with_context(default_is_aux=True).create({
                "name": "Reversed run", "aux_department_id": self.unit_b.id,
                "date_start": MARCH[1], "date_end": MARCH[0],
                "journal_id": self.journal.id})
            with self.assertRaises(ValidationError), self.env.cr.savepoint():
                run.action_aux_generate()
            run.invalidate_cache()
            self.assertFalse(run.slip_ids)

    def evaluate(self, slip, extensions):
        """The lines of ``slip`` as the engine evaluates them with
        ``extensions``."""
        data = slip.read(SLIP_FIELDS, load="_classic_write")
        batch = PayrollBatch(self.env, data, extensions).load()
        auto, _warnings = inputs.auto_inputs(batch, data[0])
        auto["ARREARS"] = ("Arrears", 0.0)
        slip_inputs = {code: Input(code, name, amount)
                       for code, (name, amount) in auto.items()}
        lines, _warnings = rules.evaluate(batch, data[0], slip_inputs)
        return {line["rule"]["code"]: line["total"] for line in lines}

    def test_extension_adds_facts_and_inputs(self):
        """A rule reads an extension's fact (``aux.test_nights``) and input
        (``inputs.TEST_BONUS``); without the extension the fact is unknown
        and the rule says so."""
        structure = self.env["hr.payroll.structure"].create({
            "name": "Aux with test rule", "code": "AUXTEST", "parent_id": self.structure.id,
            "rule_ids": [(0, 0, {
                "name": "Test nights", "code": "TNIGHTS", "sequence": 900,
                "category_id": self.env.ref("hr_payroll.ALW").id,
                "amount_select": "code",
                "amount_python_compute": "result = aux.test_nights * 10 "
                                         "+ inputs.TEST_BONUS.amount"})]})
        slip = self.slip(self.emp_new, struct_id=structure.id)
        amounts = self.evaluate(slip, [NightsExtension()])
        self.assertEqual(amounts["TNIGHTS"], 32.0)
        self.assertIn("NET", amounts)
        with self.assertRaisesRegex(UserError, "test_nights"):
            self.evaluate(slip, [])

    def test_extension_cannot_replace_a_fact(self):
        slip = self.slip(self.emp_new)
        with self.assertRaisesRegex(UserError, "ClashingExtension.*years"):
            self.evaluate(slip, [ClashingExtension()])
