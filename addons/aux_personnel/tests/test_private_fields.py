# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The privacy guard of group-restricted fields (aux.private.fields.mixin).

A user outside a field's groups may not search, group, sort, export or
name-search by it, on its model or through a path from another model, and
learns nothing from the refusal; a user in the groups still can.  The first
class walks every ``groups=`` field of every guarded model in the registry
(a new private field is covered without a new test); the second names the
main cases of the personnel file with the real roles."""
import re

from lxml import etree

from odoo import SUPERUSER_ID
from odoo.exceptions import AccessError

from .common import AuxPersonnelCase

GUARD = "aux.private.fields.mixin"
SEARCH_MESSAGE = "You are not allowed to search, group or sort by the field '%s' of %s"
EXPORT_MESSAGE = "You are not allowed to export the field '%s' of %s"
QUOTED = re.compile(r"""['"]([A-Za-z_][\w.:]*)['"]""")


def guarded_models(env):
    return sorted(name for name in env.registry
                  if getattr(env[name], "_aux_private_guard", False)
                  and not env[name]._abstract)


def private_fields(model):
    return sorted(name for name, field in model._fields.items() if field.groups)


def private_in_path(model, path):
    """The (model, field) of the first private field of a guarded model on
    ``path`` (``employee_id.identification_id``, ``birthday:month``), for the
    user of ``model``'s environment."""
    for name in path.split(":")[0].split("."):
        field = model._fields.get(name)
        if field is None:
            return None
        if getattr(model, "_aux_private_guard", False) and model._aux_is_private(name):
            return model, name
        if not field.relational:
            return None
        model = model.env[field.comodel_name]
    return None


class PrivateCase(AuxPersonnelCase):

    @classmethod
    def setUpClass(cls):
        super(PrivateCase, cls).setUpClass()
        # messages are asserted in English whatever the admin's language
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.Employee = cls.env["hr.employee"]

    def assertRefused(self, call, model, name, message=SEARCH_MESSAGE):
        """``call`` raises the guard's AccessError naming ``model.name``;
        returns the message."""
        with self.assertRaises(AccessError) as caught:
            call()
        label = self.env[model]._fields[name].get_description(self.env)["string"]
        description = self.env["ir.model"]._get(model).name
        self.assertIn(message % (label, description), caught.exception.name)
        return caught.exception.name


class TestPrivateFieldsRegistry(PrivateCase):
    """Every private field of every guarded model, every path."""

    @classmethod
    def setUpClass(cls):
        super(TestPrivateFieldsRegistry, cls).setUpClass()
        env = cls.env
        # A probe group reads every guarded model and every model a path
        # starts from, and has nothing else: its user is outside every group.
        cls.probe_group = env["res.groups"].create({"name": "Privacy probe"})
        cls.origins = {name: cls._path_origin(name) for name in guarded_models(env)}
        readable = set(guarded_models(env)) | {o[0] for o in cls.origins.values() if o}
        for name in sorted(readable):
            env["ir.model.access"].create({
                "name": "privacy probe %s" % name, "model_id": env["ir.model"]._get(name).id,
                "group_id": cls.probe_group.id, "perm_read": True})
        cls.outsider = cls._user("priv_probe_outsider", cls.probe_group)
        cls.insiders = {}

    @classmethod
    def _path_origin(cls, model_name):
        """(model, field) of a stored many2one to ``model_name`` that Odoo
        resolves by searching ``model_name`` (aux models first)."""
        candidates = []
        for name in cls.env.registry:
            model = cls.env[name]
            if model._abstract or model._transient or not model._auto or name == model_name:
                continue
            for field in model._fields.values():
                if field.type == "many2one" and field.comodel_name == model_name \
                        and field.store and not field.auto_join and not field.groups:
                    candidates.append((not name.startswith("aux."), name, field.name))
        return min(candidates)[1:] if candidates else None

    def _insider(self, groups):
        """A user with the probe group and the (positive) groups of ``groups``."""
        if groups not in self.insiders:
            ids = [self.probe_group.id] + [
                self.env.ref(xmlid.strip()).id for xmlid in groups.split(",")
                if not xmlid.strip().startswith("!")]
            self.insiders[groups] = self._user("priv_probe_%d" % len(self.insiders),
                                               self.env["res.groups"].browse(ids))
        return self.insiders[groups]

    def _paths(self, model, name, user):
        """({path name: callable} of every way to ask about ``model.name``,
        whether Odoo can group and sort by it)."""
        Model = self.env[model].sudo(user)
        field = Model._fields[name]
        other = "create_uid"
        calls = {
            "search domain": lambda: Model.search_count([(name, "!=", False)]),
            "name_search": lambda: Model.name_search("", [(name, "!=", False)]),
            "read_group field": lambda: Model.read_group([], [other, name], [other]),
            "read_group groupby": lambda: Model.read_group([], [name], [name]),
            "read_group orderby": lambda: Model.read_group(
                [], [other, name], [other, name], orderby=name, lazy=False),
            "search order": lambda: Model.search([], order="%s desc" % name, limit=5),
            "export_data": lambda: Model.search([], limit=5).export_data(
                [name + "/.id" if field.relational else name]),
        }
        origin = self.origins.get(model)
        if origin:
            Origin = self.env[origin[0]].sudo(user)
            calls["search domain through %s.%s" % origin] = lambda: Origin.search_count(
                [("%s.%s" % (origin[1], name), "!=", False)])
        searchable = field.store or field.search
        groupable = field.store and field.column_type
        if not searchable:
            # Odoo itself cannot search them: only the user outside is checked
            calls = {key: call for key, call in calls.items()
                     if not key.startswith(("search domain", "name_search"))}
            calls["search domain (outside only)"] = lambda: Model.search_count(
                [(name, "!=", False)])
        return calls, groupable

    def test_every_aux_model_with_private_fields_is_guarded(self):
        unguarded = sorted(
            name for name in self.env.registry
            if name.startswith("aux.") and not self.env[name]._abstract
            and private_fields(self.env[name])
            and not getattr(self.env[name], "_aux_private_guard", False))
        self.assertEqual(unguarded, [])
        for name in ("hr.employee", "hr.contract", "aux.life.event", "aux.health.check"):
            if name in self.env:
                self.assertIn(name, guarded_models(self.env))

    def test_guarded_fields_include_the_personal_data(self):
        employee = set(private_fields(self.Employee))
        self.assertLessEqual({
            "identification_id", "birthday", "gender", "ssnid", "sinid", "passport_id",
            "bank_account_id", "address_home_id", "marital", "children", "place_of_birth",
            "country_id", "aux_exit_ids", "aux_exit_count"}, employee)
        if "aux.life.event" in self.env:
            self.assertIn("medical_detail", private_fields(self.env["aux.life.event"]))
            self.assertIn("medical_detail", private_fields(self.env["aux.health.check"]))

    def test_outsider_refused_on_every_path_of_every_private_field(self):
        leaks = []
        for model in guarded_models(self.env):
            for name in private_fields(self.env[model]):
                calls, _groupable = self._paths(model, name, self.outsider)
                for path, call in sorted(calls.items()):
                    try:
                        with self.env.cr.savepoint():
                            call()
                    except AccessError as error:
                        label = self.env[model]._fields[name].get_description(self.env)
                        if "'%s'" % label["string"] not in error.name:
                            leaks.append("%s.%s %s: other error %s" % (model, name, path,
                                                                       error.name))
                    except Exception as error:  # noqa: BLE001 - reported below
                        leaks.append("%s.%s %s: other error %r" % (model, name, path, error))
                    else:
                        leaks.append("%s.%s %s: answered" % (model, name, path))
        self.assertEqual(leaks, [])

    def test_insider_still_answered_on_every_path(self):
        failures = []
        for model in guarded_models(self.env):
            for name in private_fields(self.env[model]):
                groups = self.env[model]._fields[name].groups
                calls, groupable = self._paths(model, name, self._insider(groups))
                for path, call in sorted(calls.items()):
                    if "outside only" in path or (not groupable and (
                            path.startswith("read_group") or path == "search order")):
                        continue
                    try:
                        with self.env.cr.savepoint():
                            call()
                    except Exception as error:  # noqa: BLE001 - reported below
                        failures.append("%s.%s %s: %r" % (model, name, path, error))
        self.assertEqual(failures, [])

    def test_learns_nothing_matching_or_not(self):
        """The refusal is the same whether records match or not, and even
        when the user asks about no record at all."""
        Employee = self.Employee.sudo(self.outsider)
        existing = self._employee("Probe Person", self.brigade_a)
        messages = {
            self.assertRefused(lambda value=value: Employee.search_count(
                [("identification_id", "=", value)]), "hr.employee", "identification_id")
            for value in (existing.identification_id, "000000000000000000", False)}
        self.assertEqual(len(messages), 1)
        exports = {
            self.assertRefused(lambda records=records: records.export_data(
                ["identification_id"]), "hr.employee", "identification_id", EXPORT_MESSAGE)
            for records in (Employee.browse(), Employee.browse(existing.id))}
        self.assertEqual(len(exports), 1)
        for message in messages | exports:
            self.assertNotIn(existing.identification_id, message)

    def test_superuser_is_not_restricted(self):
        person = self._employee("Probe Superuser", self.brigade_a)
        Employee = self.Employee.sudo()
        self.assertEqual(Employee.sudo().env.uid, SUPERUSER_ID)
        self.assertEqual(Employee.search([("identification_id", "=", person.identification_id)]),
                         person)
        self.assertTrue(Employee.read_group([("id", "=", person.id)], ["birthday"],
                                            ["birthday:month"]))
        self.assertEqual(person.sudo().export_data(["identification_id"])["datas"],
                         [[person.identification_id]])

    def test_auto_join_path_refused_at_a_guarded_origin(self):
        """Odoo joins an ``auto_join`` path without searching the comodel:
        the origin checks the whole path."""
        contract_employee = self.env["hr.contract"]._fields["employee_id"]
        self.assertFalse(contract_employee.auto_join)
        contract_employee.auto_join = True
        try:
            Contract = self.env["hr.contract"].sudo(self.outsider)
            self.assertRefused(lambda: Contract.search_count(
                [("employee_id.identification_id", "like", "1101%")]),
                "hr.employee", "identification_id")
        finally:
            contract_employee.auto_join = False

    def test_no_unguarded_auto_join_reaches_a_guarded_model(self):
        """The auto_join case above is only caught at a guarded origin."""
        guarded = set(guarded_models(self.env))
        unchecked = sorted(
            "%s.%s" % (name, field.name)
            for name in self.env.registry
            for field in self.env[name]._fields.values()
            if field.relational and field.auto_join and field.comodel_name in guarded
            and name not in guarded)
        self.assertEqual(unchecked, [])

    def test_no_public_related_field_exposes_a_private_field(self):
        """A related field without groups would hand a private value to
        everyone (related fields read as superuser)."""
        exposed = []
        for name in self.env.registry:
            model = self.env[name]
            for field in model._fields.values():
                if not field.related or field.groups:
                    continue
                target = model.sudo(self.outsider)
                hit = private_in_path(target, ".".join(field.related))
                if hit:
                    exposed.append("%s.%s -> %s.%s" % (name, field.name, hit[0]._name, hit[1]))
        self.assertEqual(sorted(exposed), [])

    def test_default_orders_use_no_private_field(self):
        for model in guarded_models(self.env):
            Model = self.env[model].sudo(self.outsider)
            for term in (Model._order or "").split(","):
                if term.strip():
                    self.assertIsNone(private_in_path(Model, term.split()[0]), model)

    def test_views_offer_no_private_filter_group_or_order_to_the_roles(self):
        """The search, list and kanban views shown to each role of the
        suite filter, group and sort only by fields the role may use."""
        category = self.group_self.category_id
        roles = self.env["res.groups"].search([("category_id", "=", category.id)])
        problems = []
        for role in roles:
            user = self._user("priv_role_%d" % role.id, role)
            for model in guarded_models(self.env):
                Model = self.env[model].sudo(user)
                if not Model.check_access_rights("read", raise_exception=False):
                    continue
                views = self.env["ir.ui.view"].search([
                    ("model", "=", model), ("type", "in", ("search", "tree", "kanban")),
                    ("mode", "=", "primary")])
                for view in views:
                    arch = etree.fromstring(Model.fields_view_get(
                        view_id=view.id, view_type=view.type)["arch"])
                    for token in self._view_tokens(arch):
                        hit = private_in_path(Model, token)
                        if hit:
                            problems.append("%s: %s offers %s" % (role.full_name, view.xml_id
                                                                  or view.name, token))
        self.assertEqual(sorted(set(problems)), [])

    @staticmethod
    def _view_tokens(arch):
        """Field names a view searches, groups or sorts by."""
        tokens = []
        for attr in ("default_order", "default_group_by"):
            for term in (arch.get(attr) or "").split(","):
                if term.strip():
                    tokens.append(term.split()[0])
        for node in arch.iter("field"):
            if node.getparent() is not None and node.getparent().tag in ("field", "templates"):
                continue
            if arch.tag == "search":
                tokens.append(node.get("name"))
            tokens += QUOTED.findall(node.get("filter_domain") or "")
        for node in arch.iter("filter"):
            tokens += QUOTED.findall(node.get("domain") or "")
            tokens += QUOTED.findall(node.get("context") or "")
        return tokens


class TestPrivateFieldsPersonnel(PrivateCase):
    """The resident ID and the other personal data of the personnel file,
    with the real roles: a unit leader (no HR Officer group) and the
    auxiliary office (HR Officer)."""

    @classmethod
    def setUpClass(cls):
        super(TestPrivateFieldsPersonnel, cls).setUpClass()
        cls.leader_user = cls._user("priv_leader_a", cls.group_leader)
        cls.self_user = cls._user("priv_self_a1", cls.group_self)
        cls.officer = cls._user("priv_officer", cls.group_user)
        cls.leader = cls._employee("Priv Leader A", cls.brigade_a, is_auxiliary=False,
                                   user_id=cls.leader_user.id)
        cls.person = cls._employee("Priv Person A1", cls.squad_a1, user_id=cls.self_user.id,
                                   children=2, passport_id="E12345678",
                                   aux_grade_id=cls.grades[7].id)
        cls.colleague = cls._employee("Priv Colleague A1", cls.squad_a1, children=1,
                                      aux_grade_id=cls.grades[6].id)
        cls.people = cls.leader | cls.person | cls.colleague
        cls.ids_prefix = cls.person.identification_id[:6]

    def leader_env(self, model="hr.employee"):
        return self.env[model].sudo(self.leader_user)

    def officer_env(self, model="hr.employee"):
        return self.env[model].sudo(self.officer)

    def refused(self, call, name, model="hr.employee", message=SEARCH_MESSAGE):
        return self.assertRefused(call, model, name, message)

    # search domain -------------------------------------------------------
    def test_search_domain_refused(self):
        Employee = self.leader_env()
        for name, value in (("identification_id", self.ids_prefix + "%"),
                            ("birthday", "1990-01-01"), ("gender", "male"),
                            ("passport_id", "E1%"), ("children", 2),
                            ("bank_account_id", False)):
            self.refused(lambda n=name, v=value: Employee.search_count(
                [(n, "like" if isinstance(v, str) and v.endswith("%") else "=", v)]), name)
        # hidden in an OR, behind a negation, or with search_read
        self.refused(lambda: Employee.search(
            ["|", ("name", "=", "x"), "!", ("identification_id", "=", "1")]),
            "identification_id")
        self.refused(lambda: Employee.search_read(
            [("identification_id", "!=", False)], ["name"]), "identification_id")
        self.assertEqual(self.message_exact(lambda: Employee.search_count(
            [("identification_id", "like", "1101%")])),
            "You are not allowed to search, group or sort by the field 'Resident ID Number' "
            "of Employee: it is reserved to Employees / Officer.")

    def message_exact(self, call):
        with self.assertRaises(AccessError) as caught:
            call()
        return caught.exception.name

    def test_search_domain_answered_for_the_office(self):
        Employee = self.officer_env()
        self.assertEqual(Employee.search(
            [("identification_id", "=", self.person.identification_id)]), self.person)
        self.assertEqual(Employee.search_count(
            [("id", "in", self.people.ids), ("children", ">", 0)]), 2)

    def test_search_through_a_path_from_another_model(self):
        History = self.leader_env("aux.grade.history")
        self.assertTrue(History.search([("employee_id", "=", self.person.id)]))
        self.refused(lambda: History.search_count(
            [("employee_id.identification_id", "like", self.ids_prefix + "%")]),
            "identification_id")
        self.refused(lambda: History.read_group(
            [("employee_id.birthday", "<", "2000-01-01")], ["grade_id"], ["grade_id"]),
            "birthday")
        self.assertEqual(self.officer_env("aux.grade.history").search(
            [("employee_id.identification_id", "=", self.person.identification_id)]
        ).mapped("employee_id"), self.person)

    # read_group ----------------------------------------------------------
    def test_read_group_groupby_refused(self):
        Employee = self.leader_env()
        self.refused(lambda: Employee.read_group(
            [], ["identification_id"], ["identification_id"]), "identification_id")
        self.refused(lambda: Employee.read_group(
            [], ["birthday"], ["birthday:month"]), "birthday")
        self.refused(lambda: Employee.read_group(
            [], ["department_id", "gender"], ["department_id", "gender"], lazy=False),
            "gender")
        groups = self.officer_env().read_group(
            [("id", "in", self.people.ids)], ["identification_id"], ["identification_id"])
        self.assertIn(self.person.identification_id,
                      [group["identification_id"] for group in groups])

    def test_read_group_aggregate_refused(self):
        Employee = self.leader_env()
        domain = [("id", "in", self.people.ids)]
        self.refused(lambda: Employee.read_group(
            domain, ["department_id", "children"], ["department_id"]), "children")
        # without a field list, only what the user may read is aggregated
        for group in Employee.read_group(domain, [], ["department_id"]):
            self.assertNotIn("children", group)
            self.assertNotIn("vehicle_distance", group)
        total = sum(group["children"] for group in self.officer_env().read_group(
            domain, ["department_id", "children"], ["department_id"]))
        self.assertEqual(total, 3)

    def test_read_group_orderby_refused(self):
        self.refused(lambda: self.leader_env().read_group(
            [], ["department_id"], ["department_id"], orderby="identification_id desc"),
            "identification_id")
        self.assertTrue(self.officer_env().read_group(
            [("id", "in", self.people.ids)], ["identification_id"], ["identification_id"],
            orderby="identification_id desc"))

    # order ---------------------------------------------------------------
    def test_search_order_refused(self):
        Employee = self.leader_env()
        for order in ("identification_id", "birthday desc", "name, children desc",
                      '"passport_id"'):
            with self.assertRaises(AccessError):
                Employee.search([("id", "in", self.people.ids)], order=order)
        self.refused(lambda: Employee.search_read([], ["name"], order="identification_id"),
                     "identification_id")
        ordered = self.officer_env().search([("id", "in", self.people.ids)],
                                            order="identification_id")
        self.assertEqual(ordered, self.people.sorted("identification_id"))

    # export --------------------------------------------------------------
    def test_export_refused(self):
        mine = self.leader_env().browse(self.person.id)
        self.refused(lambda: mine.export_data(["name", "identification_id"]),
                     "identification_id", message=EXPORT_MESSAGE)
        self.refused(lambda: mine.export_data(["bank_account_id/acc_number"]),
                     "bank_account_id", message=EXPORT_MESSAGE)
        history = self.leader_env("aux.grade.history").search(
            [("employee_id", "=", self.person.id)])
        self.refused(lambda: history.export_data(["grade_id", "employee_id/identification_id"]),
                     "identification_id", message=EXPORT_MESSAGE)
        rows = self.officer_env("aux.grade.history").browse(history.ids).export_data(
            ["employee_id/identification_id"])["datas"]
        self.assertEqual(rows[0], [self.person.identification_id])

    def test_export_of_allowed_fields_still_works(self):
        rows = self.leader_env().browse(self.person.id).export_data(["name"])["datas"]
        self.assertEqual(rows, [[self.person.name]])

    # name_search ---------------------------------------------------------
    def test_name_search_refused(self):
        self.refused(lambda: self.leader_env().name_search(
            "Priv", [("identification_id", "=", self.person.identification_id)]),
            "identification_id")
        self.refused(lambda: self.leader_env("aux.grade.history").name_search(
            "", [("employee_id.passport_id", "=", "E12345678")]), "passport_id")
        found = self.officer_env().name_search(
            "Priv", [("identification_id", "=", self.person.identification_id)])
        self.assertEqual([pair[0] for pair in found], [self.person.id])

    # fields our addons add to the file --------------------------------------
    def test_exit_fields_reserved_to_unit_leaders(self):
        Employee = self.env["hr.employee"].sudo(self.self_user)
        self.refused(lambda: Employee.search_count([("aux_exit_ids", "!=", False)]),
                     "aux_exit_ids")
        self.refused(lambda: Employee.browse(self.person.id).export_data(["aux_exit_count"]),
                     "aux_exit_count", message=EXPORT_MESSAGE)
        self.assertEqual(self.leader_env().search_count(
            [("id", "in", self.people.ids), ("aux_exit_ids", "!=", False)]), 0)

    # the record rules -----------------------------------------------------
    def test_record_rules_on_private_fields_keep_working(self):
        """Rules are evaluated as superuser: a rule on a private field (on the
        model or through a path) still filters for a user outside its group."""
        Rule = self.env["ir.rule"]
        Rule.create({
            "name": "test: hide the colleague by ID number",
            "model_id": self.env["ir.model"]._get("hr.employee").id,
            "domain_force": "[('identification_id', '!=', '%s')]"
                            % self.colleague.identification_id})
        Rule.create({
            "name": "test: hide the colleague's grades by ID number",
            "model_id": self.env["ir.model"]._get("aux.grade.history").id,
            "domain_force": "[('employee_id.identification_id', '!=', '%s')]"
                            % self.colleague.identification_id})
        self.assertEqual(self.leader_env().search([("id", "in", self.people.ids)]),
                         self.leader | self.person)
        histories = self.leader_env("aux.grade.history").search(
            [("employee_id", "in", self.people.ids)])
        self.assertTrue(histories)
        self.assertNotIn(self.colleague, histories.mapped("employee_id"))
        self.assertEqual(len(self.leader_env().read_group(
            [("id", "in", self.people.ids)], ["department_id"], ["department_id"])), 2)
