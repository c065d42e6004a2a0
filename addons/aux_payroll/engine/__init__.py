# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The set-based payroll engine of the auxiliary salary structures.

Plain Python (no Odoo model), called by ``hr.payslip._aux_compute_batch``
(behind *Compute Sheet* and the payroll run's actions) for the payslips of
the auxiliary structures; stock ``compute_sheet`` keeps the others.  It
computes thousands of payslips at once: everything is loaded with a few
queries per batch, each rule's code compiled once, and the results written
together.  One file per job:

- ``compute.py``: the steps of a computation (start reading here);
- ``batch.py``: a batch of payslips and everything their rules need;
- ``inputs.py``: the automatic inputs (performance coefficient, rewards,
  unpaid leave days);
- ``facts.py``: ``aux`` in rule code, the facts of the person for the
  period; ``tax.py``: its year-to-date income tax figures;
- ``rules.py``: rule compilation and evaluation in safe_eval's sandbox;
  ``rulecode.py``: the objects rule code sees;
- ``arrears.py``: back pay of earlier months after a back-dated change;
- ``adjustment.py``: adjustment runs pay the difference with the month;
- ``final.py``: when a payslip is final (the one definition);
- ``store.py``: writing payslips and results (ORM, or bulk SQL for large
  batches) and numbering them;
- ``extension.py``: the hook through which other addons add facts, inputs
  and records (``hr.payslip._aux_engine_extensions``);
- ``codes.py``: the codes the engine relies on.
"""
from .compute import BATCH_SIZE, compute  # noqa: F401
from .extension import EngineExtension  # noqa: F401
