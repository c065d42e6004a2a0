# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What a long operation produced, shown to the user when it ends.

Generating a payroll run, computing the per-head budget or producing the
monthly pack takes seconds to minutes; while it runs the web client blocks
the screen with its rotating "Loading..." messages.  When it ends, the
button returns :meth:`AuxOperationResult.aux_show`: a dialog saying how
many records were produced and how long it took, with the record (or the
file) it produced.
"""
from odoo import api, fields, models


class AuxOperationResult(models.TransientModel):
    _name = "aux.operation.result"
    _description = "Result of a Long Operation"

    name = fields.Char(string="Operation", readonly=True)
    message = fields.Text(string="Result", readonly=True)
    record_count = fields.Integer(
        string="Records Produced", readonly=True,
        help="How many records (payslips, budget lines, rows of the workbook) the "
             "operation produced.")
    duration = fields.Float(string="Duration (seconds)", digits=(16, 1), readonly=True)
    res_model = fields.Char(string="Produced Model", readonly=True)
    res_id = fields.Integer(string="Produced Record", readonly=True)
    data = fields.Binary(string="File", readonly=True, attachment=True)
    filename = fields.Char(readonly=True)

    @api.model
    def aux_show(self, name, message, count, duration, record=None, data=None,
                 filename=None):
        """The action of a dialog reporting an operation's result.

        ``count``: records produced; ``duration``: seconds; ``record``: the
        record produced (opened by the dialog's button); ``data`` and
        ``filename``: a file produced (base64), downloaded from the dialog."""
        result = self.create({
            "name": name, "message": message, "record_count": count,
            "duration": round(duration, 1),
            "res_model": record._name if record else False,
            "res_id": record.id if record else 0,
            "data": data or False, "filename": filename or False,
        })
        return {
            "type": "ir.actions.act_window", "name": name, "res_model": self._name,
            "res_id": result.id, "view_mode": "form", "target": "new",
            "views": [(self.env.ref("aux_personnel.aux_operation_result_view_form").id,
                       "form")],
        }

    @api.multi
    def action_open_record(self):
        """Open the record the operation produced."""
        self.ensure_one()
        record = self.env[self.res_model].browse(self.res_id)
        return {
            "type": "ir.actions.act_window", "name": record.display_name,
            "res_model": self.res_model, "res_id": self.res_id, "view_mode": "form",
            "target": "current",
        }
