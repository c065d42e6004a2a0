# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The computation of a batch of payslips, step by step.

``compute(slips)`` (``hr.payslip`` records of the auxiliary structures, at
most ``BATCH_SIZE``, access and locks checked by the caller):

1. read the payslips and refuse done or rejected ones;
2. load the batch (``batch.py``): everything the rules need, once;
3. fill the automatic inputs of each payslip (``inputs.py``);
4. find the arrears owed for earlier months (``arrears.py``) and add them
   as the input ``ARREARS``;
5. evaluate the rules of each payslip (``rules.py``), with the inputs typed
   by the officer and the automatic ones; a payslip of an adjustment run
   keeps only the difference with what the month paid (``adjustment.py``);
6. write lines, inputs, numbers and warnings (``store.py``).
"""
from odoo.exceptions import UserError

from . import adjustment, arrears, inputs, rules, store
from .batch import PayrollBatch
from .codes import ARREARS_CODE
from .i18n import translator
from .rulecode import Input

# Payslips loaded, evaluated and written together (bounds the memory used).
BATCH_SIZE = 2000
# Fields of hr.payslip the engine reads (a payslip is a dict of them).
SLIP_FIELDS = ["employee_id", "contract_id", "struct_id", "date_from", "date_to", "number",
               "company_id", "name", "credit_note", "state", "payslip_run_id"]


class SlipResult(object):
    """What the computation of one payslip gives: ``inputs`` {code:
    (label, amount)} filled automatically, ``warnings`` [text] and
    ``lines`` [line dict] (see ``rules.evaluate``)."""

    def __init__(self, inputs, warnings):
        self.inputs = inputs
        self.warnings = warnings
        self.lines = []


def compute(slips):
    """Compute ``slips`` (see the module)."""
    data = slips.read(SLIP_FIELDS, load="_classic_write")
    for slip in data:
        if slip["state"] in ("done", "cancel"):
            _ = translator(slips.env)
            raise UserError(_(
                "Payslip %s is done or rejected: it cannot be computed again.")
                % (slip["number"] or slip["name"]))
    batch = PayrollBatch(slips.env, data, slips._aux_engine_extensions()).load()
    batch.bulk = store.use_bulk_sql(slips.env, len(data))
    results = {}
    for slip in data:
        results[slip["id"]] = SlipResult(*inputs.auto_inputs(batch, slip))
    owed = arrears.arrears(batch)
    for slip in data:
        result = results[slip["id"]]
        details = owed.get(slip["id"], [])
        result.inputs[ARREARS_CODE] = (batch.labels[ARREARS_CODE],
                                       sum(detail[3] for detail in details))
        slip_inputs = dict(batch.manual_inputs.get(slip["id"], {}))
        for code, (name, amount) in result.inputs.items():
            slip_inputs[code] = Input(code, name, amount)
        lines, warnings = rules.evaluate(batch, slip, slip_inputs, details)
        if slip["id"] in batch.adjustment_ids:
            lines = adjustment.difference(batch, slip, lines)
        result.lines = lines
        result.warnings += warnings
    store.store(batch, results)
    return True
