# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Privacy guard for the fields restricted by ``groups=``.

Odoo 11 checks a field's ``groups`` only in ``read``, ``fields_get`` and
``write``.  Every other way of asking the database about a field answers a
user outside its groups: a search domain (``search_count([('medical_detail',
'ilike', 'cancer')])`` counts the people with cancer), ``read_group`` (grouped
by ``identification_id`` it lists every ID number; a private number is summed),
``search(order=...)`` (the order leaks the values), ``name_search`` and
``export_data`` (whose rows read values with ``record[field]``, and computed
or related fields answer without the read check).

A model inheriting ``aux.private.fields.mixin`` refuses all of them, before
any query runs, for every field whose ``groups`` the user lacks, with an
``AccessError`` that names the field and the model.  The refusal depends on
the request only, never on the data: the user learns nothing from it.  The
superuser (``sudo()``, and so the record rules, which Odoo evaluates as
superuser) is not restricted.

Hook points (Odoo 11):

``_where_calc``
    every domain turned into SQL: ``search``, ``search_count``,
    ``search_read``, ``name_search``, ``read_group``'s domain, and the
    sub-searches Odoo runs on this model for a path from another model
    (``[('employee_id.identification_id', 'like', '1101%')]`` searches
    ``hr.employee`` for ``identification_id``).  A path is also checked from
    its start, field by field, so an ``auto_join`` field (whose path Odoo joins
    without searching the comodel) is refused at its origin when the origin
    is guarded;
``_read_group_raw``
    aggregated fields (an empty list means the fields the user may read),
    groupby (``birthday:month`` too) and ``orderby``;
``_generate_order_by``
    the ``order`` of ``search`` (the model's default ``_order`` is not the
    user's choice and is not checked);
``_name_search``
    its domain and, when a name is given, the model's ``_rec_name``;
``_export_rows``
    the exported fields; Odoo exports a path (``employee_id/identification_id``)
    by calling ``_export_rows`` of the comodel, which checks the rest of it.
"""
import logging

from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError

_logger = logging.getLogger(__name__)

SEARCH = "search"
EXPORT = "export"


def _base_name(spec):
    """Field name of a groupby, aggregate or order term: ``birthday:month``,
    ``"children" desc``, ``total:sum(children)`` -> the field names in it."""
    spec = spec.strip().split()[0] if spec and spec.strip() else ""
    spec = spec.strip('"')
    names = [spec.split(":")[0]]
    if "(" in spec and spec.endswith(")"):
        names.append(spec[spec.index("(") + 1:-1])
    return names


class AuxPrivateFieldsMixin(models.AbstractModel):
    _name = "aux.private.fields.mixin"
    _description = "Privacy Guard of Group-Restricted Fields"

    # Lets the path check know, from any model it walks through, which
    # models are guarded.
    _aux_private_guard = True

    @api.model
    def _aux_private_guard_active(self):
        return self.env.uid != SUPERUSER_ID

    @api.model
    def _aux_is_private(self, name):
        """Whether ``name`` is a field of this model the user may not access."""
        field = self._fields.get(name)
        return bool(field and field.groups and not self.user_has_groups(field.groups))

    @api.model
    def _aux_private_field_names(self):
        return {name for name in self._fields if self._aux_is_private(name)}

    @api.model
    def _aux_refuse_private(self, names, operation=SEARCH):
        """Raise an AccessError naming the first of ``names`` that is private."""
        if not self._aux_private_guard_active():
            return
        for name in names:
            if name and self._aux_is_private(name):
                self._aux_raise_private(name, operation)

    @api.model
    def _aux_raise_private(self, name, operation):
        field = self._fields[name]
        values = {
            "field": field.get_description(self.env)["string"],
            "model": self.env["ir.model"]._get(self._name).name or self._description,
            "groups": ", ".join(self._aux_group_names(field.groups)),
        }
        _logger.info("Private field refused for %s: uid %s, %s.%s",
                     operation, self.env.uid, self._name, name)
        if operation == EXPORT:
            raise AccessError(_(
                "You are not allowed to export the field '%(field)s' of %(model)s: it "
                "is reserved to %(groups)s.") % values)
        raise AccessError(_(
            "You are not allowed to search, group or sort by the field '%(field)s' of "
            "%(model)s: it is reserved to %(groups)s.") % values)

    @api.model
    def _aux_group_names(self, groups):
        names = []
        for xmlid in groups.split(","):
            xmlid = xmlid.strip()
            group = self.sudo().env.ref(xmlid.lstrip("!"), raise_if_not_found=False)
            name = group.full_name if group else xmlid
            names.append(_("not %s") % name if xmlid.startswith("!") else name)
        return names

    @api.model
    def _aux_check_private_domain(self, domain):
        """Refuse a domain naming a private field, on this model or on a
        guarded model reached by a path from it."""
        if not domain or not self._aux_private_guard_active():
            return
        for leaf in domain:
            if not isinstance(leaf, (list, tuple)) or len(leaf) != 3 \
                    or not isinstance(leaf[0], str):
                continue
            model = self
            for name in leaf[0].split("."):
                field = model._fields.get(name)
                if field is None:
                    break
                if getattr(model, "_aux_private_guard", False):
                    model._aux_refuse_private([name])
                if not field.relational:
                    break
                model = model.env[field.comodel_name]

    # domains -------------------------------------------------------------
    @api.model
    def _where_calc(self, domain, active_test=True):
        self._aux_check_private_domain(domain)
        return super(AuxPrivateFieldsMixin, self)._where_calc(domain, active_test=active_test)

    @api.model
    def _name_search(self, name="", args=None, operator="ilike", limit=100,
                     name_get_uid=None):
        self._aux_check_private_domain(args)
        if not (name == "" and operator == "ilike"):
            self._aux_refuse_private([self._rec_name])
        return super(AuxPrivateFieldsMixin, self)._name_search(
            name=name, args=args, operator=operator, limit=limit, name_get_uid=name_get_uid)

    # grouping and sorting ------------------------------------------------
    @api.model
    def _read_group_raw(self, domain, fields, groupby, offset=0, limit=None, orderby=False,
                        lazy=True):
        if self._aux_private_guard_active():
            groupbys = [groupby] if isinstance(groupby, str) else list(groupby or [])
            terms = list(groupbys) + list(fields or [])
            terms += (orderby or "").split(",")
            self._aux_refuse_private([name for term in terms for name in _base_name(term)])
            if not fields:
                # what Odoo would aggregate by default, less what the user may not read
                private = self._aux_private_field_names()
                fields = [name for name, field in self._fields.items()
                          if field.store and name not in private]
        return super(AuxPrivateFieldsMixin, self)._read_group_raw(
            domain, fields, groupby, offset=offset, limit=limit, orderby=orderby, lazy=lazy)

    @api.model
    def _generate_order_by(self, order_spec, query):
        if order_spec:
            self._aux_refuse_private(
                [name for term in order_spec.split(",") for name in _base_name(term)])
        return super(AuxPrivateFieldsMixin, self)._generate_order_by(order_spec, query)

    # export --------------------------------------------------------------
    @api.multi
    def _export_rows(self, fields, batch_invalidate=True):
        self._aux_refuse_private([path[0] for path in fields if path], EXPORT)
        return super(AuxPrivateFieldsMixin, self)._export_rows(
            fields, batch_invalidate=batch_invalidate)
