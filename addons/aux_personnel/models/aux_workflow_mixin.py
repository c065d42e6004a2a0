# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One workflow mechanism for every model of the suite that has a state.

A model inherits ``aux.workflow.mixin`` and declares:

``_aux_state_field``
    the selection field holding the state (default ``state``);
``_aux_transitions``
    ``{name: {"from": (states...), "to": state, "groups": (xmlids...),
    "user_field": field, "date_field": field, "rule": "write" | "read"}}``:
    which states a transition leaves, where it goes, which groups may do it
    (any of them; empty: anyone who may ``rule`` the record), and which
    fields record who and when;
``_aux_locked_states``
    states in which the record is locked: it refuses every write except to
    the fields of ``_aux_lock_exempt_fields`` (and chatter), and cannot be
    deleted;
``_aux_workflow_fields``
    other fields that only transitions (server code) write, e.g. a computed
    lock or an approval note;
``_aux_unlink_states``
    states in which a record may be deleted (default, None: the initial
    state; an empty tuple: never).

The state and the workflow fields change only through ``_aux_transition``
(or server code that marks its environment with :func:`trust`): a plain
``create`` cannot start past the initial state, a plain ``write`` cannot
move the state nor stamp who approved, whoever the caller is.  Child lines
(``aux.workflow.child.mixin``) are locked with their parent.

:func:`trust` marks an environment with a context value that cannot travel
through JSON-RPC or XML-RPC (it is identified by object identity, not by
its text), so a caller can never forge it by sending a context key.
"""
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError


class _TrustToken(str):
    """A string value identified by identity: it serialises as text where a
    context is serialised, but a text received from a client is never it.
    It is equal only to itself, so that Odoo's environment cache (which
    compares contexts) never hands a caller's environment with the same
    text to trusted code, nor the reverse."""

    __slots__ = ()

    def __eq__(self, other):
        return self is other

    def __ne__(self, other):
        return self is not other

    __hash__ = object.__hash__


_TOKEN = _TrustToken("aux-trusted")
MAIL_FIELD_PREFIXES = ("message_", "activity_", "website_message")


def trust(records, flag="aux_workflow"):
    """Return ``records`` in an environment that server code marked with
    ``flag``: guards that check :func:`is_trusted` let it through.  Only
    Python code can call this; RPC callers cannot set the mark."""
    return records.with_context(**{flag: _TOKEN})


def is_trusted(records, flag="aux_workflow"):
    """Whether server code marked the environment of ``records`` with ``flag``
    (see :func:`trust`)."""
    return records.env.context.get(flag) is _TOKEN


def model_label(records):
    """The model's name in the user's language (its description otherwise)."""
    model = records.env["ir.model"].sudo().search([("model", "=", records._name)], limit=1)
    return model.with_context(lang=records.env.lang).name or records._description


def field_label(records, name):
    """The field's label in the user's language."""
    return records._fields[name]._description_string(records.env)


def _loading(records):
    """Module installation or update loads data files before the registry
    is ready: XML data may create records in any state."""
    return not records.pool.ready


class AuxWorkflowMixin(models.AbstractModel):
    _name = "aux.workflow.mixin"
    _description = "Workflow (states, transitions, locks)"

    _aux_state_field = "state"
    _aux_transitions = {}
    _aux_locked_states = ()
    _aux_lock_exempt_fields = ()
    _aux_workflow_fields = ()
    _aux_unlink_states = None

    # Declarations ------------------------------------------------------------

    @api.model
    def _aux_initial_state(self):
        return (self._aux_default(self._aux_state_field)
                or self._fields[self._aux_state_field].get_values(self.env)[0])

    @api.model
    def _aux_default(self, name):
        default = self._fields[name].default
        return default(self) if callable(default) else default

    @api.model
    def _aux_is_default(self, name, value):
        """Whether ``value`` (as a client sends it: an id for a many2one) is
        the field's default (which may be a record)."""
        field = self._fields[name]
        return field.convert_to_cache(value, self, validate=False) == \
            field.convert_to_cache(self._aux_default(name), self, validate=False)

    @api.model
    def _aux_protected_fields(self):
        """Fields written only through transitions."""
        names = {self._aux_state_field}
        names.update(self._aux_workflow_fields)
        for spec in self._aux_transitions.values():
            names.update(filter(None, (spec.get("user_field"), spec.get("date_field"))))
        return names

    @api.multi
    def _aux_is_locked(self):
        """Whether this record is locked (may be extended, e.g. a posted
        payslip run or a paid care payment)."""
        self.ensure_one()
        return self[self._aux_state_field] in self._aux_locked_states

    @api.model
    def _aux_state_label(self, state):
        field = self._fields[self._aux_state_field]
        return dict(field._description_selection(self.env)).get(state, state)

    @api.model
    def _aux_transition_label(self, name):
        spec = self._aux_transitions[name]
        return self._aux_state_label(spec["to"])

    @api.model
    def _aux_lock_free(self, names):
        """The names among ``names`` that a lock does not cover."""
        return {name for name in names
                if name.startswith(MAIL_FIELD_PREFIXES)
                or name in self._aux_lock_exempt_fields}

    # CRUD guards -------------------------------------------------------------

    def _aux_unguarded(self):
        return is_trusted(self) or _loading(self)

    @api.model
    def create(self, vals):
        if not self._aux_unguarded():
            state_field = self._aux_state_field
            initial = self._aux_initial_state()
            if vals.get(state_field) and vals[state_field] != initial:
                raise AccessError(_(
                    "A new %(model)s starts as '%(initial)s': its state changes only "
                    "through its actions (buttons), not by writing '%(state)s'.") % {
                    "model": model_label(self), "initial": self._aux_state_label(initial),
                    "state": self._aux_state_label(vals[state_field])})
            stamped = sorted(name for name in self._aux_protected_fields() - {state_field}
                             if vals.get(name) and not self._aux_is_default(name, vals[name]))
            if stamped:
                raise AccessError(_(
                    "%(model)s: the fields %(fields)s are recorded by the workflow "
                    "itself and cannot be given when creating a record.") % {
                    "model": model_label(self),
                    "fields": ", ".join(field_label(self, n) for n in stamped)})
        return super(AuxWorkflowMixin, self).create(self._aux_server_values(vals))

    @api.model
    def _aux_server_values(self, vals):
        """Values a new record gets from the server, after the checks of
        ``create`` (e.g. the unit of the person at the time): may include
        workflow fields."""
        return vals

    @api.multi
    def write(self, vals):
        if self and not self._aux_unguarded():
            self.check_access_rights("write")  # no right at all: say so first
            self._aux_check_write(vals)
        return super(AuxWorkflowMixin, self).write(vals)

    @api.multi
    def _aux_check_write(self, vals):
        protected = [name for name in self._aux_protected_fields() & set(vals)
                     if self._aux_changes(name, vals[name])]
        if protected:
            raise AccessError(_(
                "%(model)s: %(fields)s change only through the record's actions "
                "(buttons), which check who may do what and when.") % {
                "model": model_label(self),
                "fields": ", ".join(field_label(self, n) for n in sorted(protected))})
        self._aux_check_state_fields(vals)
        covered = set(vals) - self._aux_lock_free(vals)
        if covered:
            for record in self:
                if record._aux_is_locked():
                    raise UserError(_(
                        "%(model)s %(name)s is '%(state)s' and locked: it cannot be "
                        "changed (%(fields)s).") % {
                        "model": model_label(self), "name": record.display_name,
                        "state": self._aux_state_label(record[self._aux_state_field]),
                        "fields": ", ".join(sorted(
                            field_label(self, n) for n in covered if n in self._fields))})

    @api.model
    def _aux_writable_states(self, field):
        return {state for state, modifiers in (field.states or {}).items()
                if ("readonly", False) in modifiers}

    @api.multi
    def _aux_check_state_fields(self, vals):
        """A field declared ``readonly=True, states={"draft": [("readonly",
        False)]}`` is read-only in the form outside draft: refuse the same
        change when it comes through RPC (e.g. the unit of a payroll run
        after the unit approved it)."""
        state_field = self._aux_state_field
        fields_ = [self._fields[name] for name in vals
                   if name in self._fields and self._fields[name].readonly
                   and self._fields[name].states]
        if not fields_:
            return
        for record in self:
            fixed = [field for field in fields_
                     if record[state_field] not in self._aux_writable_states(field)
                     and record._aux_changes(field.name, vals[field.name])]
            if fixed:
                states = set().union(*(self._aux_writable_states(f) for f in fixed))
                raise UserError(_(
                    "%(model)s %(name)s is '%(state)s': %(fields)s can be changed only "
                    "while it is %(states)s.") % {
                    "model": model_label(self), "name": record.display_name,
                    "state": self._aux_state_label(record[state_field]),
                    "fields": ", ".join(sorted(field_label(self, field.name) for field in fixed)),
                    "states": _(" or ").join(sorted(
                        "'%s'" % self._aux_state_label(state) for state in states))})

    @api.multi
    def _aux_changes(self, name, value):
        """Whether writing ``value`` to ``name`` changes any of ``self``."""
        field = self._fields[name]
        new = field.convert_to_record(field.convert_to_cache(value, self), self)
        return any(record[name] != new for record in self)

    @api.multi
    def unlink(self):
        if not self._aux_unguarded():
            allowed = (self._aux_initial_state(),) if self._aux_unlink_states is None \
                else self._aux_unlink_states
            for record in self:
                state = record[self._aux_state_field]
                if state not in allowed or record._aux_is_locked():
                    raise UserError(_(
                        "%(model)s %(name)s is '%(state)s': it is part of the record "
                        "and cannot be deleted.") % {
                        "model": model_label(self), "name": record.display_name,
                        "state": self._aux_state_label(state)})
        return super(AuxWorkflowMixin, self).unlink()

    # Transitions ---------------------------------------------------------------

    @api.multi
    def _aux_check_transition(self, name):
        """Refuse ``name`` unless the user is in one of its groups, may
        ``rule`` (read or write) every record, and every record is in one of
        its ``from`` states.  Models add their own checks by overriding."""
        spec = self._aux_transitions[name]
        user = self.env.user
        if self.env.uid != SUPERUSER_ID:
            groups = spec.get("groups") or ()
            if groups and not any(user.has_group(group) for group in groups):
                raise AccessError(_(
                    "%(model)s: you may not do '%(step)s'; it belongs to %(groups)s.") % {
                    "model": model_label(self), "step": self._aux_transition_label(name),
                    "groups": ", ".join(self.env.ref(g).sudo().full_name for g in groups)})
            self.check_access_rule(spec.get("rule", "write"))
        for record in self:
            state = record[self._aux_state_field]
            if state not in spec["from"]:
                raise UserError(_(
                    "%(model)s %(name)s is '%(state)s': '%(step)s' needs it to be "
                    "%(allowed)s.") % {
                    "model": model_label(self), "name": record.display_name,
                    "state": self._aux_state_label(state),
                    "step": self._aux_transition_label(name),
                    "allowed": _(" or ").join(
                        "'%s'" % self._aux_state_label(s) for s in spec["from"])})

    @api.multi
    def _aux_transition(self, name, values=None, note=None):
        """Check and carry out the transition ``name`` on ``self``: write the
        new state, who and when, and ``values`` (written under the same
        guarantees); log a line in the chatter with ``note``."""
        if not self:
            return True
        self._aux_check_transition(name)
        spec = self._aux_transitions[name]
        before = {record.id: record[self._aux_state_field] for record in self}
        vals = dict(values or {})
        vals[self._aux_state_field] = spec["to"]
        if spec.get("user_field"):
            vals[spec["user_field"]] = self.env.uid
        if spec.get("date_field"):
            vals[spec["date_field"]] = fields.Datetime.now()
        trust(self.sudo()).with_context(tracking_disable=True).write(vals)
        self._aux_log_transition(name, before, note)
        return True

    @api.multi
    def _aux_log_transition(self, name, before, note=None):
        if not hasattr(self, "message_post"):
            return
        author = self.env.user.partner_id.id
        # the new state is the transition's: reading it back after each
        # message_post (which clears the cache) would re-read the batch
        after = self._aux_state_label(self._aux_transitions[name]["to"])
        for record in self:
            body = _("%(user)s: %(before)s → %(after)s") % {
                "user": self.env.user.name,
                "before": self._aux_state_label(before[record.id]), "after": after}
            if note:
                body = "%s. %s" % (body, _("Reason: %s") % note)
            record.sudo().message_post(body=body, author_id=author,
                                       subtype="mail.mt_note")


class AuxWorkflowChildMixin(models.AbstractModel):
    """Lines locked with their parent: ``_aux_lock_parent`` is the path
    (dotted many2one fields) to a record of a model with
    ``aux.workflow.mixin`` (or any model with ``_aux_is_locked``).
    ``_aux_workflow_fields`` of a line (who waived, when) are written by
    server code only, as on the parent."""

    _name = "aux.workflow.child.mixin"
    _description = "Workflow line locked with its parent"

    _aux_lock_parent = None
    _aux_lock_exempt_fields = ()
    _aux_workflow_fields = ()

    def _aux_check_stamps(self, vals):
        """Refuse stamps in ``vals`` unless server code set them (it marks its
        environment with ``trust(records, "aux_stamp")``)."""
        stamped = set(self._aux_workflow_fields) & set(vals)
        if stamped and not is_trusted(self, "aux_stamp"):
            raise AccessError(_(
                "%(model)s: %(fields)s are recorded by the server, not written.") % {
                "model": model_label(self),
                "fields": ", ".join(sorted(field_label(self, n) for n in stamped))})

    @api.multi
    def _aux_locked_parents(self):
        parents = self.sudo().mapped(self._aux_lock_parent)
        return parents.filtered(lambda parent: parent._aux_is_locked())

    @api.model
    def _aux_parent_of_vals(self, vals):
        """The parent a new line would belong to (first field of the path)."""
        first, _dot, rest = self._aux_lock_parent.partition(".")
        if not vals.get(first):
            return None
        parent = self.env[self._fields[first].comodel_name].sudo().browse(vals[first])
        return parent.mapped(rest) if rest else parent

    def _aux_raise_locked(self, parent):
        raise UserError(_(
            "%(parent)s %(name)s is locked: its %(lines)s cannot be added, changed or "
            "deleted.") % {
            "parent": model_label(parent), "name": parent.display_name,
            "lines": model_label(self)})

    def _aux_unguarded(self):
        return is_trusted(self) or _loading(self)

    @api.model
    def create(self, vals):
        if not self._aux_unguarded():
            self._aux_check_stamps(vals)
            parent = self._aux_parent_of_vals(vals)
            locked = parent and parent.filtered(lambda p: p._aux_is_locked())
            if locked:
                self._aux_raise_locked(locked[0])
        return super(AuxWorkflowChildMixin, self).create(vals)

    @api.multi
    def write(self, vals):
        if self and not self._aux_unguarded():
            self.check_access_rights("write")  # no right at all: say so first
            self._aux_check_stamps(vals)
            covered = {name for name in vals
                       if not name.startswith(MAIL_FIELD_PREFIXES)
                       and name not in self._aux_lock_exempt_fields}
            if covered:
                locked = self._aux_locked_parents()
                if locked:
                    self._aux_raise_locked(locked[0])
                parent = self._aux_parent_of_vals(vals)
                locked = parent and parent.filtered(lambda p: p._aux_is_locked())
                if locked:
                    self._aux_raise_locked(locked[0])
        return super(AuxWorkflowChildMixin, self).write(vals)

    @api.multi
    def unlink(self):
        if self and not self._aux_unguarded():
            locked = self._aux_locked_parents()
            if locked:
                self._aux_raise_locked(locked[0])
        return super(AuxWorkflowChildMixin, self).unlink()
