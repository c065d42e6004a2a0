# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fields writable in some states only, enforced by the server.

A field declared ``readonly=True, states={"draft": [("readonly", False)]}``
is shown read-only by the form outside draft; :func:`check_state_fields`
refuses the same change when it comes through RPC.  Called from
``_aux_check_write`` of the models on ``aux.workflow.mixin`` (so trusted
server code and data loading are not concerned).
"""
from odoo import _
from odoo.exceptions import UserError


def _writable_states(field):
    return {state for state, modifiers in field.states.items()
            if ("readonly", False) in modifiers}


def check_state_fields(self, vals):
    """Refuse changing, on the records ``self``, a field of ``vals`` that its
    declaration makes read-only in the record's state.  (``self`` is named so
    for ``_()`` to find the language.)"""
    state_field = self._aux_state_field
    for record in self:
        fixed = []
        for name in vals:
            field = self._fields.get(name)
            if not (field and field.readonly and field.states):
                continue
            if record[state_field] not in _writable_states(field) \
                    and record._aux_changes(name, vals[name]):
                fixed.append(field)
        if fixed:
            states = set().union(*(_writable_states(field) for field in fixed))
            raise UserError(_(
                "%(model)s %(name)s is '%(state)s': %(fields)s can be changed only while "
                "it is %(states)s.") % {
                "model": self._description, "name": record.display_name,
                "state": self._aux_state_label(record[state_field]),
                "fields": ", ".join(sorted(field.string for field in fixed)),
                "states": _(" or ").join(sorted(
                    "'%s'" % self._aux_state_label(state) for state in states))})
