# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The hook through which other addons add to the payroll engine.

An addon that knows something the salary rules need (the duty roster, the
attendance, ...) subclasses ``EngineExtension`` and returns an instance
from ``hr.payslip._aux_engine_extensions()``::

    class HrPayslip(models.Model):
        _inherit = "hr.payslip"

        @api.model
        def _aux_engine_extensions(self):
            return super()._aux_engine_extensions() + [MyExtension()]

The hook is called once per batch, so an instance lives for one batch and
keeps what it loaded on itself (no shared dictionary of string keys).  Each
method is called for the whole batch or for one payslip (a dict of the
payslip's fields read by the engine: ``id``, ``employee_id``,
``contract_id``, ``struct_id``, ``date_from``, ``date_to``, ``company_id``
...) and must stay set-based: ``load`` reads everything with a few queries,
the per-payslip methods only look it up.

- ``load(batch)``: load the data of the batch's payslips
  (``batch.slips``, ``batch.employee_ids``, ``batch.min_from``,
  ``batch.max_to``).  Called for every batch, including the batch of
  earlier months the arrears recompute (``batch.earlier`` is True).
- ``facts(batch, slip)``: a dict of facts added to ``aux`` in rule code
  (``{"night_duties": 4}`` is read as ``aux.night_duties``).  A fact name
  already given by the engine or another extension is refused.
- ``inputs(batch, slip, inputs, warnings)``: add or replace automatic
  inputs of the payslip: ``inputs[code] = (label, amount)``; append
  warnings (translated strings) to ``warnings``.  Rule code reads them as
  ``inputs.CODE.amount``; they are stored on the payslip and replace, at
  each computation, an input of the same code typed by the officer.  Not
  called for earlier months (their stored inputs are used).
- ``store(batch, results)``: write what the extension shows on the
  payslips besides lines and inputs (e.g. worked days), after the engine
  wrote its own; ``results[slip id]`` is a ``SlipResult`` (``inputs``,
  ``warnings``, ``lines``).  ``batch.bulk`` says whether the batch is
  written with bulk SQL (large batches) or through the ORM (see
  ``store.py``); ``store.create_rows`` does either.
"""


class EngineExtension(object):
    """Base class of the engine's extensions: every method does nothing."""

    def load(self, batch):
        """Load what the extension needs for ``batch`` (a few queries)."""

    def facts(self, batch, slip):
        """Facts of ``slip`` added to ``aux`` in rule code."""
        return {}

    def inputs(self, batch, slip, inputs, warnings):
        """Add automatic inputs ``{code: (label, amount)}`` of ``slip``."""

    def store(self, batch, results):
        """Write what the extension shows on the payslips of ``batch``."""
