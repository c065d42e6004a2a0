# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The duty roster and the attendance in the auxiliary payroll engine.

An extension of ``aux_payroll``'s engine (``aux_payroll/engine/extension.py``),
added through ``hr.payslip._aux_engine_extensions``:

- ``load``: the duties of the published rosters and the confirmed absences
  of the people of the batch, once per batch;
- ``facts``: ``aux.absence_days`` in rule code, the confirmed absences
  without leave of the period (no shipped rule reads it: absences deduct
  through the assessment, see below);
- ``inputs``: a person on a published roster in the month gets the input
  ``NIGHT_DUTY`` from it (the night duties each shift counts for, as data on
  the shift), replacing the value typed by the payroll officer; people on no
  published roster keep the typed value;
- ``store``: the worked-days lines the payslip shows: night shifts, 24-hour
  duties, unpaid leave days (the engine's ``UNPAID_DAYS``) and confirmed
  absences.

Unpaid leave and absences deduct as before: unpaid leave through
``UNPAID_DAYS`` (validated ``hr.holidays`` of an unpaid type), absences
through the assessment event (score, then the performance coefficient).
"""
from collections import defaultdict

from odoo import api, models

from odoo.addons.aux_payroll.engine import EngineExtension
from odoo.addons.aux_payroll.engine.i18n import translator
from odoo.addons.aux_payroll.engine.store import create_rows

WORKED_DAYS = ("DUTY_NIGHT", "DUTY_24H", "LEAVE_UNPAID", "ABSENCE")


class DutyExtension(EngineExtension):
    """What the roster and the attendance give the payroll (see the module)."""

    def load(self, batch):
        env = batch.env
        self.memo = {}
        duties = env["aux.duty.roster"].sudo()._published_duties(
            batch.employee_ids, batch.min_from, batch.max_to)
        shifts = {s["id"]: s for s in env["aux.duty.shift"].sudo().with_context(
            active_test=False).search_read(
            [("id", "in", list(set(duties.values())))],
            ["kind", "night_duty_count", "duration"])}
        self.duties = defaultdict(list)
        for (emp_id, date), shift_id in duties.items():
            self.duties[emp_id].append((date, shifts[shift_id]))
        self.absences = defaultdict(list)
        for row in env["aux.duty.exception"].sudo().search_read(
                [("employee_id", "in", batch.employee_ids), ("kind", "=", "absent"),
                 ("state", "=", "confirmed"), ("date", ">=", batch.min_from),
                 ("date", "<=", batch.max_to)], ["employee_id", "date"]):
            self.absences[row["employee_id"][0]].append(row["date"])
        _ = translator(env)
        self.labels = {
            "NIGHT_DUTY": _("Night duties (roster)"),
            "DUTY_NIGHT": _("Night shifts (roster)"),
            "DUTY_24H": _("24-hour duties (roster)"),
            "LEAVE_UNPAID": _("Unpaid leave"),
            "ABSENCE": _("Absences without leave"),
        }

    def figures(self, slip):
        """{code: (days, hours)} of the worked-days lines of ``slip``, and its
        night duties, from the roster (None when not on a published roster);
        worked out once per payslip."""
        if slip["id"] not in self.memo:
            self.memo[slip["id"]] = self._figures(slip)
        return self.memo[slip["id"]]

    def _figures(self, slip):
        duties = [shift for date, shift in self.duties.get(slip["employee_id"], ())
                  if slip["date_from"] <= date <= slip["date_to"]]
        figures = {}
        nights = None
        if duties:
            night = [s for s in duties if s["kind"] == "night"]
            full = [s for s in duties if s["kind"] == "duty24"]
            figures["DUTY_NIGHT"] = (len(night), sum(s["duration"] for s in night))
            figures["DUTY_24H"] = (len(full), sum(s["duration"] for s in full))
            nights = sum(s["night_duty_count"] for s in duties)
        absences = [d for d in self.absences.get(slip["employee_id"], ())
                    if slip["date_from"] <= d <= slip["date_to"]]
        figures["ABSENCE"] = (len(absences), 0.0)
        return figures, nights

    def facts(self, batch, slip):
        return {"absence_days": self.figures(slip)[0]["ABSENCE"][0]}

    def inputs(self, batch, slip, inputs, warnings):
        _figures, nights = self.figures(slip)
        if nights is not None:
            inputs["NIGHT_DUTY"] = (self.labels["NIGHT_DUTY"], nights)

    def store(self, batch, results):
        env = batch.env
        slip_ids = [s["id"] for s in batch.slips]
        WorkedDays = env["hr.payslip.worked_days"]
        if batch.bulk:
            env.cr.execute("DELETE FROM hr_payslip_worked_days "
                           "WHERE payslip_id IN %s AND code IN %s",
                           (tuple(slip_ids), WORKED_DAYS))
        else:
            WorkedDays.search([("payslip_id", "in", slip_ids),
                               ("code", "in", WORKED_DAYS)]).unlink()
        rows = []
        for slip in batch.slips:
            figures = dict(self.figures(slip)[0])
            unpaid = results[slip["id"]].inputs.get("UNPAID_DAYS", (None, 0.0))[1]
            figures["LEAVE_UNPAID"] = (unpaid, 0.0)
            for sequence, code in enumerate(WORKED_DAYS):
                days, hours = figures.get(code, (0, 0.0))
                if days:
                    rows.append({
                        "name": self.labels[code], "payslip_id": slip["id"],
                        "sequence": 50 + sequence, "code": code, "number_of_days": days,
                        "number_of_hours": hours, "contract_id": slip["contract_id"]})
        create_rows(WorkedDays, rows, batch.bulk)
        WorkedDays.invalidate_cache()
        env["hr.payslip"].invalidate_cache(["worked_days_line_ids"], slip_ids)


class HrPayslip(models.Model):
    _inherit = "hr.payslip"

    @api.model
    def _aux_engine_extensions(self):
        return super()._aux_engine_extensions() + [DutyExtension()]
