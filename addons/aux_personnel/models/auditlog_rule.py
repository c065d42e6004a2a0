# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Three adjustments of OCA auditlog (11.0) to this suite.

Creating a record needs no right to read all of its fields. auditlog's full
log of a creation takes its snapshot of the new record as the user who
created it: an auxiliary reporting his own life event (whose medical detail
he may not read) or an office manager creating a person (whose income tax
deductions are for payroll) was refused the creation. The snapshot is taken as
superuser (the log still names the user), and the record returned to the
caller no longer carries auditlog's "do not log reads" context. The log of a
creation lists the fields it set, not the empty ones.

Reads of records, not the ORM's cache loads. Odoo 11 fills its record cache
through ``read(fields, load='_classic_write')`` (``_prefetch_field``): every
``employee.name`` in server code would be logged by auditlog as a read of
every prefetched field of up to 1,000 records. A read is logged when records
are read as data (the web client's and the external API's ``read`` and
``search_read``, and server code calling them), not when the ORM loads its
cache (measured: the welfare demo of the tests took 44 s instead of 10 s
with cache loads logged).

The audit log never shows its readers a value they may not read. auditlog
copies the values of the fields read, created or changed into its log
lines. The head of the auxiliary office reads the logs
(security/auditlog_security.xml), but not every field: a medical detail is
for welfare officers only (``groups=``). The value of a field whose groups
the log readers do not have is therefore not copied into the log: the line
still says who read or changed which field of which record, and when.
"""
from odoo import _, api, models, tools

LOG_READERS = "aux_personnel.group_aux_personnel_manager"
VALUE_KEYS = ("old_value", "old_value_text", "new_value", "new_value_text")
EMPTY = (False, None, "", [])


class AuditlogRule(models.Model):
    _inherit = "auditlog.rule"

    @api.model
    @tools.ormcache("model_name", "field_name")
    def _aux_value_hidden_from_log_readers(self, model_name, field_name):
        """Whether the log readers lack every group of the field (Odoo reads
        ``groups="a,b"`` as either group)."""
        model = self.env.get(model_name)
        field = model._fields.get(field_name) if model is not None else None
        if not field or not field.groups:
            return False
        readers = self.env.ref(LOG_READERS, raise_if_not_found=False)
        if not readers:
            return True
        granted = readers | readers.trans_implied_ids
        for xmlid in field.groups.split(","):
            group = self.env.ref(xmlid.strip(), raise_if_not_found=False)
            if group and group in granted:
                return False
        return True

    @api.multi
    def _make_create(self):
        """auditlog's full create logger, with its snapshot taken as superuser."""
        self.ensure_one()
        if self.log_type != "full":
            return super(AuditlogRule, self)._make_create()

        @api.model
        @api.returns("self", lambda value: value.id)
        def create_full(self, vals, **kwargs):
            caller_env = self.env
            self = self.with_context(auditlog_disabled=True)
            rule_model = self.env["auditlog.rule"]
            new_record = create_full.origin(self, vals, **kwargs)
            snapshot = new_record.sudo()
            logged = rule_model.get_auditlog_fields(self)
            new_values = {new_record.id: {
                name: field.convert_to_read(snapshot[name], snapshot)
                for name, field in snapshot._fields.items() if name in logged}}
            rule_model.sudo().create_logs(
                self.env.uid, self._name, new_record.ids, "create", None, new_values,
                {"log_type": "full"})
            return new_record.with_env(caller_env)
        return create_full

    def _create_log_line_on_create(self, log, fields_list, new_values):
        """A creation is logged with the values it set: the fields left empty
        (most of a new personnel file's 150) are not listed."""
        values = new_values.get(log.res_id, {})
        fields_list = [name for name in fields_list if values.get(name) not in EMPTY]
        return super(AuditlogRule, self)._create_log_line_on_create(
            log, fields_list, new_values)

    @api.multi
    def _make_read(self):
        """auditlog's read logger, skipped for the ORM's cache loads."""
        read_and_log = super(AuditlogRule, self)._make_read()

        def read(self, fields=None, load="_classic_read", **kwargs):
            # auditlog's logger calls its ``origin``, which _patch_method
            # sets on the method it installs: this one
            read_and_log.origin = read.origin
            if load == "_classic_write":
                return read.origin(self, fields, load, **kwargs)
            return read_and_log(self, fields, load, **kwargs)
        return read

    @api.model
    def _aux_hide_value(self, log, field, vals):
        if self._aux_value_hidden_from_log_readers(log.model_id.model, field["name"]):
            hidden = _("(restricted field: value not logged)")
            vals.update(dict.fromkeys(VALUE_KEYS, False))
            if log.method != "create":
                vals["old_value_text"] = hidden
            if log.method in ("create", "write"):
                vals["new_value_text"] = hidden
        return vals

    def _prepare_log_line_vals_on_read(self, log, field, read_values):
        vals = super(AuditlogRule, self)._prepare_log_line_vals_on_read(
            log, field, read_values)
        return self._aux_hide_value(log, field, vals)

    def _prepare_log_line_vals_on_write(self, log, field, old_values, new_values):
        vals = super(AuditlogRule, self)._prepare_log_line_vals_on_write(
            log, field, old_values, new_values)
        return self._aux_hide_value(log, field, vals)

    def _prepare_log_line_vals_on_create(self, log, field, new_values):
        vals = super(AuditlogRule, self)._prepare_log_line_vals_on_create(
            log, field, new_values)
        return self._aux_hide_value(log, field, vals)
