# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The duty roster and the attendance in the auxiliary payroll engine.

Three small hooks of ``aux_payroll``'s engine (``hr.payslip``):

- ``_aux_load_inputs(ctx)``: also loads, once per batch, the duties of the
  published rosters and the confirmed absences of the people of the batch;
- ``_aux_auto_inputs(ctx, slip)``: a person on a published roster in the
  month gets the input ``NIGHT_DUTY`` from it (the night duties each shift
  counts for, as data on the shift); people on no published roster keep the
  value typed by the payroll officer;
- ``_aux_store(ctx, slips, results)``: writes, beside the engine's lines,
  the worked-days lines the payslip shows: night shifts, 24-hour duties,
  unpaid leave days (the engine's ``UNPAID_DAYS``) and confirmed absences.

Unpaid leave and absences deduct as before: unpaid leave through
``UNPAID_DAYS`` (validated ``hr.holidays`` of an unpaid type), absences
through the assessment event (score, then the performance coefficient).
"""
from collections import defaultdict

from psycopg2.extras import execute_values

from odoo import _, api, models

WORKED_DAYS = ("DUTY_NIGHT", "DUTY_24H", "LEAVE_UNPAID", "ABSENCE")


class HrPayslip(models.Model):
    _inherit = "hr.payslip"

    @api.model
    def _aux_load_inputs(self, ctx):
        res = super()._aux_load_inputs(ctx)
        env = self.env
        emp_ids = list({s["employee_id"] for s in ctx["slips"]})
        duties = env["aux.duty.roster"].sudo()._published_duties(
            emp_ids, ctx["min_from"], ctx["max_to"])
        shifts = {s["id"]: s for s in env["aux.duty.shift"].sudo().with_context(
            active_test=False).search_read(
            [("id", "in", list(set(duties.values())))],
            ["kind", "night_duty_count", "duration"])}
        ctx["duties"] = defaultdict(list)
        for (emp_id, date), shift_id in duties.items():
            ctx["duties"][emp_id].append((date, shifts[shift_id]))
        ctx["absences"] = defaultdict(list)
        for row in env["aux.duty.exception"].sudo().search_read(
                [("employee_id", "in", emp_ids), ("kind", "=", "absent"),
                 ("state", "=", "confirmed"), ("date", ">=", ctx["min_from"]),
                 ("date", "<=", ctx["max_to"])], ["employee_id", "date"]):
            ctx["absences"][row["employee_id"][0]].append(row["date"])
        ctx["labels"].update({
            "NIGHT_DUTY": _("Night duties (roster)"),
            "DUTY_NIGHT": _("Night shifts (roster)"),
            "DUTY_24H": _("24-hour duties (roster)"),
            "LEAVE_UNPAID": _("Unpaid leave"),
            "ABSENCE": _("Absences without leave"),
        })
        return res

    @api.model
    def _aux_duty_figures(self, ctx, slip):
        """{code: (days, hours)} of the worked-days lines of ``slip``, and its
        night duties, from the roster (None when not on a published roster)."""
        duties = [shift for date, shift in ctx["duties"].get(slip["employee_id"], ())
                  if slip["date_from"] <= date <= slip["date_to"]]
        figures = {}
        nights = None
        if duties:
            night = [s for s in duties if s["kind"] == "night"]
            full = [s for s in duties if s["kind"] == "duty24"]
            figures["DUTY_NIGHT"] = (len(night), sum(s["duration"] for s in night))
            figures["DUTY_24H"] = (len(full), sum(s["duration"] for s in full))
            nights = sum(s["night_duty_count"] for s in duties)
        absences = [d for d in ctx["absences"].get(slip["employee_id"], ())
                    if slip["date_from"] <= d <= slip["date_to"]]
        figures["ABSENCE"] = (len(absences), 0.0)
        return figures, nights

    @api.model
    def _aux_auto_inputs(self, ctx, slip):
        inputs, warnings = super()._aux_auto_inputs(ctx, slip)
        _figures, nights = self._aux_duty_figures(ctx, slip)
        if nights is not None:
            inputs["NIGHT_DUTY"] = (ctx["labels"]["NIGHT_DUTY"], nights)
        return inputs, warnings

    @api.model
    def _aux_store(self, ctx, slips, results):
        cr = self.env.cr
        slip_ids = tuple(s["id"] for s in slips)
        # a night-duty input from the roster replaces the one on the payslip
        rostered = tuple(s["id"] for s in slips
                         if "NIGHT_DUTY" in results[s["id"]]["inputs"]) or (0,)
        cr.execute("DELETE FROM hr_payslip_input WHERE payslip_id IN %s "
                   "AND code = 'NIGHT_DUTY'", (rostered,))
        res = super()._aux_store(ctx, slips, results)
        cr.execute("DELETE FROM hr_payslip_worked_days WHERE payslip_id IN %s AND code IN %s",
                   (slip_ids, WORKED_DAYS))
        rows = []
        labels = ctx["labels"]
        for slip in slips:
            figures, _nights = self._aux_duty_figures(ctx, slip)
            unpaid = results[slip["id"]]["inputs"].get("UNPAID_DAYS", (None, 0.0))[1]
            figures["LEAVE_UNPAID"] = (unpaid, 0.0)
            for sequence, code in enumerate(WORKED_DAYS):
                days, hours = figures.get(code, (0, 0.0))
                if days:
                    rows.append((labels[code], slip["id"], 50 + sequence, code, days, hours,
                                 slip["contract_id"], self.env.uid, self.env.uid))
        if rows:
            execute_values(cr, """
                INSERT INTO hr_payslip_worked_days (name, payslip_id, sequence, code,
                    number_of_days, number_of_hours, contract_id, create_uid, write_uid,
                    create_date, write_date)
                VALUES %s""", rows,
                template="(%s, %s, %s, %s, %s, %s, %s, %s, %s, now() at time zone 'UTC', "
                         "now() at time zone 'UTC')", page_size=1000)
        self.env["hr.payslip.worked_days"].invalidate_cache()
        self.invalidate_cache(["worked_days_line_ids"], list(slip_ids))
        return res
