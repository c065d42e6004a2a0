# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""When a payslip is final: the one definition.

A payslip is final once its amounts can no longer change and will be paid:
it is done, or (not cancelled) in a payroll run that is approved or posted
(locked), even if finance has not posted it yet.  Payslips of runs still in
approval are not final.  The year-to-date figures of the income tax
(``tax.py``) and what an adjustment run subtracts (``adjustment.py``) both
count final payslips only.

``FINAL_SQL`` is the condition in SQL, for a query that names the payslip
``s`` and its run ``r`` (``LEFT JOIN hr_payslip_run r ON r.id =
s.payslip_run_id``); its parameter comes from ``final_params()``.
"""
# States of a payroll run (``hr.payslip.run.aux_state``) in which it is
# locked: approved, then posted.  The run's lock and this rule use them.
LOCKED_STATES = ("approved", "posted")

FINAL_SQL = ("(s.state = 'done' OR (s.state != 'cancel' "
             "AND r.aux_state IN %(final_run_states)s))")


def final_params():
    """The parameters of ``FINAL_SQL`` (to merge into a query's own)."""
    return {"final_run_states": tuple(LOCKED_STATES)}
