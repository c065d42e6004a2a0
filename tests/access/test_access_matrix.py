"""The access matrix (security/access_matrix.csv, private_fields.csv,
roles.csv) against the database, for every role.

For each role a user is created with exactly the role's groups.  Then, for
every model of the matrix and every operation:

- the access rights (``check_access_rights``) must grant the operation
  exactly when the matrix's cell is not ``-``;
- ``person`` and ``unit`` models: the record rules of the user for that
  operation (``ir.rule._compute_domain``), applied to the fixtures of
  tests/access/factories.py, must select exactly the records of the cell's
  scope (own, unit and sub-units, all, mine: written by the user), state by
  state where the cell names states;
- ``config`` models: the rules must not restrict the records by person or
  unit (only by company), so that ``all`` is all;
- ``acl`` models (the listed exceptions): access rights only.

Every model of the five addons (and the stock models the roles rely on)
must have a row; every field restricted by ``groups=`` must be in
private_fields.csv and readable exactly by the roles marked ``yes`` (and,
on models with the privacy guard, searchable and groupable by them only).
Every mismatch is listed in the failure message, with what the database
does, so that either the rights or the matrix can be corrected."""
from odoo import SUPERUSER_ID
from odoo.exceptions import AccessError
from odoo.osv import expression
from odoo.tests.common import SavepointCase
from odoo.tools.safe_eval import safe_eval

from . import matrix as spec
from .factories import AUTHORED, FACTORIES, PEOPLE, UNITS, World, build_all

AUX_ADDONS = ("aux_personnel", "aux_assessment", "aux_payroll", "aux_training", "aux_welfare",
              "aux_duty")
# stock models the suite extends or relies on for the roles
STOCK_MODELS = (
    "hr.employee", "hr.contract", "hr.department", "hr.payslip", "hr.payslip.line",
    "hr.payslip.input", "hr.payslip.worked_days", "hr.payslip.run", "hr.salary.rule",
    "hr.payroll.structure", "hr.rule.input", "hr.salary.rule.category",
    "crossovered.budget", "crossovered.budget.lines", "account.budget.post",
    "account.move", "account.move.line", "account.analytic.line", "res.users", "res.partner",
)
# which records each scope selects among the fixtures' owners
EXPECTED = {
    "person": {"own": {"me"}, "unit": {"me", "peer", "sub", "mine_unit"}, "all": set(PEOPLE),
               "mine": {"mine", "mine_unit"}, "mine_in_unit": {"mine_unit"}},
    "unit": {"unit": {"unit", "sub"}, "all": set(UNITS)},
}
# the user in a rule's domain, as the consistency check evaluates it
USER_MARK = -4242
# fields a rule of a config model may test: the company (multi-company rules)
COMPANY_FIELDS = {"company_id", "company_ids", "id"}
# fields every role reads (held by every internal user): not listed
EVERYBODY = {"base.group_user"}
GROUPABLE = {"char", "selection", "many2one", "date", "datetime", "integer", "boolean",
             "float", "monetary"}


def suite_models(env):
    """(regular models the matrix must cover, {excluded model: reason})."""
    data = env["ir.model.data"].sudo().search([
        ("model", "=", "ir.model"), ("module", "in", AUX_ADDONS)])
    names = set(env["ir.model"].sudo().browse(data.mapped("res_id")).mapped("model"))
    names |= set(STOCK_MODELS)
    regular, excluded = set(), {}
    for name in names:
        model = env[name]
        if model._abstract:
            excluded[name] = "abstract (no table, no records)"
        elif model._transient:
            excluded[name] = "transient (wizard)"
        else:
            regular.add(name)
    return regular, excluded


def rule_leaves(domain):
    return [leaf for leaf in domain or [] if isinstance(leaf, (list, tuple)) and len(leaf) == 3]


class TestAccessMatrix(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestAccessMatrix, cls).setUpClass()
        cls.roles = spec.load_roles()
        cls.matrix = spec.load_matrix()
        cls.private = spec.load_private_fields()
        cls.world = World(cls.env)
        cls.env = env = cls.world.env
        Users = env["res.users"].with_context(no_reset_password=True)
        cls.users = {}
        for role in cls.roles:
            cls.users[role["role"]] = Users.create({
                "name": "Matrix %s" % role["role"], "login": "matrix_%s" % role["role"],
                "email": "matrix_%s@example.com" % role["role"],
                "groups_id": [(6, 0, [env.ref(xmlid).id for xmlid in role["groups"]])]})
        kinds = {model: row["kind"] for model, row in cls.matrix.items()}
        cls.records = build_all(cls.world, kinds)

    # helpers ---------------------------------------------------------------

    def as_user(self, role, model):
        return self.env[model].sudo(self.users[role])

    def become(self, role):
        """Make the fixture person ``me`` the file of the role's user, and the
        user the author of ``mine``'s records (before any rule of the user is
        computed: rules read the user's file)."""
        user = self.users[role]
        self.world.person("me").user_id = user
        for model, factory in FACTORIES.items():
            Model = self.env[model]
            mine = Model.browse([record_id for (owner, _state), records
                                 in self.records[model].items() if owner in AUTHORED
                                 for record_id in records.ids])
            for path in factory.authors:
                if "." not in path and Model._auto and mine:
                    self.world.set_column(mine, path, user.id)
        self.env["ir.rule"].clear_caches()

    def acl(self, role, model, operation):
        return self.as_user(role, model).check_access_rights(operation, raise_exception=False)

    def rule_domain(self, role, model, operation):
        return self.env["ir.rule"].sudo(self.users[role])._compute_domain(model, operation) or []

    def visible_scope(self, role, model, operation, kind):
        """The scope the rules give among the fixtures, state by state
        (rendered as a cell)."""
        fixtures = self.records[model]
        ids = [record_id for records in fixtures.values() for record_id in records.ids]
        domain = expression.AND([self.rule_domain(role, model, operation), [("id", "in", ids)]])
        visible = set(self.env[model].with_context(active_test=False).search(domain).ids)
        by_state = {}
        for state in FACTORIES[model].states:
            owners = set()
            for (owner, fixture_state), records in fixtures.items():
                if fixture_state != state:
                    continue
                seen = visible & set(records.ids)
                if not records:
                    owners.add(owner + " (no fixture)")
                elif seen == set(records.ids):
                    owners.add(owner)
                elif seen:
                    owners.add(owner + " (some records)")
            found = [scopes for scopes, expected in self.scope_sets(kind).items()
                     if expected == owners]
            if not found:
                return "records of %s%s" % (", ".join(sorted(owners)) or "nobody",
                                            " in state %s" % state if state else "")
            by_state[state] = found[0]
        return spec.render_cell(by_state)

    @staticmethod
    def scope_sets(kind):
        """{normalized set of scopes: the owners it selects} for a kind."""
        names = list(EXPECTED[kind])
        result = {}
        for mask in range(1 << len(names)):
            scopes = spec.normalize(name for index, name in enumerate(names)
                                    if mask & (1 << index))
            owners = set()
            for name in scopes:
                owners |= EXPECTED[kind][name]
            result[scopes] = owners
        return result

    def config_restriction(self, role, model, operation):
        """None when the rules leave every record to the user, else why not."""
        domain = self.rule_domain(role, model, operation)
        fields_used = {leaf[0].split(".")[0] for leaf in rule_leaves(domain)
                       if isinstance(leaf[0], str)}
        if fields_used - COMPANY_FIELDS:
            return "rules filter on %s" % ", ".join(sorted(fields_used - COMPANY_FIELDS))
        Model = self.env[model].with_context(active_test=False)
        if domain and Model.search_count(domain) != Model.search_count([]):
            return "rules hide records: %s" % (domain,)
        return None

    def fail_on(self, mismatches, what):
        if mismatches:
            self.fail("%d %s differ from the matrix (security/):\n%s" % (
                len(mismatches), what, "\n".join(sorted(mismatches))))

    # the matrix itself --------------------------------------------------------

    def test_every_model_has_a_row(self):
        regular, excluded = suite_models(self.env)
        missing = sorted(regular - set(self.matrix))
        self.assertFalse(missing, "models without a row in security/access_matrix.csv "
                                  "(add it to the matrix): %s" % ", ".join(missing))
        unknown = sorted(model for model in self.matrix if model not in self.env)
        self.assertFalse(unknown, "rows of models that do not exist: %s" % ", ".join(unknown))
        listed_excluded = sorted(model for model in self.matrix if model in excluded)
        self.assertFalse(listed_excluded, "transient or abstract models have no access "
                                          "rights of their own: %s" % listed_excluded)

    def test_matrix_is_consistent_with_the_fixtures(self):
        problems = []
        for model, row in self.matrix.items():
            kind = row["kind"]
            if kind in ("person", "unit") and model not in FACTORIES:
                problems.append("%s: kind %s needs a factory in tests/access/factories.py "
                                "(or kind acl with a note)" % (model, kind))
            if kind not in ("person", "unit") and model in FACTORIES:
                problems.append("%s: has a factory but kind %s" % (model, kind))
            if kind == "acl" and not row["note"]:
                problems.append("%s: an acl exception needs a note saying why" % model)
            allowed = set(EXPECTED.get(kind, {"all": 0}))
            for role, cells in row["cells"].items():
                for operation, cell in cells.items():
                    scopes = {scope for scope, _states in spec.parse_cell(cell)}
                    if kind != "acl" and scopes - allowed:
                        problems.append("%s, %s, %s: %r is not a scope of a %s model"
                                        % (model, role, operation, cell, kind))
                    states = [s for _scope, ss in spec.parse_cell(cell) for s in ss or ()]
                    built = FACTORIES[model].states if model in FACTORIES else ()
                    if set(states) - set(built):
                        problems.append("%s, %s, %s: the fixtures build no state %s"
                                        % (model, role, operation, set(states) - set(built)))
        # a rule naming a state needs fixtures in that state, a rule naming
        # the user needs fixtures linked to him by that path
        for model, factory in FACTORIES.items():
            named = set()
            person = "%s.user_id" % factory.person if factory.person else "user_id"
            for rule in self.env["ir.rule"].search([("model_id.model", "=", model)]):
                for leaf in rule_leaves(self._literal_leaves(rule.domain_force)):
                    if not isinstance(leaf[0], str):
                        continue
                    if leaf[0].split(".")[-1] == "state":
                        values = leaf[2] if isinstance(leaf[2], (list, tuple)) else [leaf[2]]
                        named.update(values)
                    if leaf[2] == USER_MARK and leaf[0] not in (person,) + factory.authors:
                        problems.append("%s: rule %r compares %s with the user; the factory "
                                        "knows the person as %s and the authors as %s"
                                        % (model, rule.name, leaf[0], person, factory.authors))
            missing = named - set(factory.states)
            if missing:
                problems.append("%s: rules depend on the states %s, which the factory does "
                                "not build" % (model, sorted(missing)))
        self.assertFalse(problems, "\n".join(problems))

    @staticmethod
    def _literal_leaves(domain_force):
        """A rule's domain evaluated with a stand-in user: literal values stay
        (the states), ``user.id`` (and any id reached from the user) becomes
        ``USER_MARK``, lists of ids reached from the user become empty."""
        class Anything:
            def __getattr__(self, name):
                return self

            def __call__(self, *args, **kwargs):
                return self

            ids = ()
            id = USER_MARK

        try:
            return safe_eval(domain_force or "[]", {"user": Anything(), "time": Anything()})
        except Exception:  # a domain this sketch cannot evaluate: no literal state in it
            return []

    def test_factories_build_records(self):
        """Each factory built records for every owner and state, about that
        owner, in that state."""
        problems = []
        for model, fixtures in self.records.items():
            factory = FACTORIES[model]
            for (owner, state), records in fixtures.items():
                where = "%s: %s%s" % (model, owner, " in state %s" % state if state else "")
                if not records:
                    problems.append("%s: no record" % where)
                    continue
                if state is not None and set(records.mapped(factory.state_path)) != {state}:
                    problems.append("%s: records in state %s" % (
                        where, records.mapped(factory.state_path)))
                if factory.person and self.matrix[model]["kind"] == "person":
                    people = records.mapped(factory.person)
                    if people != self.world.person(owner):
                        problems.append("%s: records about %s" % (where, people.mapped("name")))
        self.assertFalse(problems, "fixtures:\n%s" % "\n".join(problems))

    # access rights and record rules --------------------------------------

    def test_access_rights(self):
        mismatches = []
        for model, row in self.matrix.items():
            for role, cells in row["cells"].items():
                for operation, cell in cells.items():
                    granted = self.acl(role, model, operation)
                    if granted != spec.cell_grants(cell):
                        mismatches.append("%s | %s | %s: matrix %r, access rights %s" % (
                            model, role, operation, cell, "grant" if granted else "deny"))
        self.fail_on(mismatches, "access rights")

    def test_record_rule_scopes(self):
        mismatches = []
        for role in spec.role_names():
            self.become(role)
            for model, row in self.matrix.items():
                kind = row["kind"]
                if kind == "acl":
                    continue
                for operation, cell in row["cells"][role].items():
                    if not self.acl(role, model, operation):
                        continue  # test_access_rights reports it
                    if kind == "config":
                        why = self.config_restriction(role, model, operation)
                        if why and spec.cell_grants(cell):
                            mismatches.append("%s | %s | %s: matrix %r, %s" % (
                                model, role, operation, cell, why))
                        continue
                    states = FACTORIES[model].states
                    expected = spec.render_cell(spec.cell_by_state(cell, states))
                    found = self.visible_scope(role, model, operation, kind)
                    if found != expected:
                        mismatches.append("%s | %s | %s: matrix %r, record rules give %r" % (
                            model, role, operation, cell, found))
        self.fail_on(mismatches, "record rule scopes")

    # private fields ----------------------------------------------------------

    def test_every_private_field_is_listed(self):
        missing, stale = [], []
        for model in self.matrix:
            for name, field in self.env[model]._fields.items():
                groups = set((field.groups or "").split(",")) - {""}
                if groups and not groups <= EVERYBODY:
                    row = self.private.get((model, name))
                    if row is None:
                        missing.append("%s.%s (groups %s)" % (model, name, field.groups))
                    elif row["groups"] != field.groups:
                        stale.append("%s.%s: matrix groups %s, field groups %s" % (
                            model, name, row["groups"], field.groups))
        for model, name in self.private:
            if model not in self.env or name not in self.env[model]._fields:
                stale.append("%s.%s: no such field" % (model, name))
        self.assertFalse(missing, "fields restricted by groups= without a row in "
                                  "security/private_fields.csv:\n%s" % "\n".join(missing))
        self.assertFalse(stale, "\n".join(stale))

    def readable_record(self, role, model):
        """A record of ``model`` the role reads: the fixture of ``me`` if any."""
        Model = self.as_user(role, model).with_context(active_test=False)
        if model in self.records:
            for (owner, _state), records in self.records[model].items():
                if owner in ("me", "unit") and records:
                    mine = Model.search([("id", "in", records.ids)], limit=1)
                    if mine:
                        return mine
        return Model.search([], limit=1)

    def test_private_fields(self):
        mismatches = []
        for role in spec.role_names():
            self.become(role)
            for (model, name), row in self.private.items():
                if model not in self.env or name not in self.env[model]._fields:
                    continue  # test_every_private_field_is_listed reports it
                expected = row["cells"][role] == "yes"
                Model = self.as_user(role, model)
                if not Model.check_access_rights("read", raise_exception=False):
                    if expected:
                        mismatches.append("%s.%s | %s: matrix yes, the model is not "
                                          "readable at all" % (model, name, role))
                    continue
                record = self.readable_record(role, model)
                try:
                    if record:
                        record.read([name])
                    else:
                        Model.check_field_access_rights("read", [name])
                    readable = True
                except AccessError:
                    readable = False
                if readable != expected:
                    mismatches.append("%s.%s | %s: matrix %s, read %s" % (
                        model, name, role, row["cells"][role],
                        "allowed" if readable else "refused"))
                for what, allowed in self.guarded_uses(Model, name).items():
                    if allowed != expected:
                        mismatches.append("%s.%s | %s: matrix %s, %s %s" % (
                            model, name, role, row["cells"][role], what,
                            "allowed" if allowed else "refused"))
        self.fail_on(mismatches, "private field rights")

    def guarded_uses(self, Model, name):
        """On a model with the privacy guard: whether the user may search on
        the field and group by it ({"search": bool, "group": bool})."""
        if not getattr(type(Model), "_aux_private_guard", False):
            return {}
        field = Model._fields[name]
        uses = {}
        if field.store or field.search:
            uses["search"] = (Model.search_count, [(name, "!=", False)])
        if field.store and field.type in GROUPABLE:
            uses["group"] = (Model.read_group, [], [name], [name])
        result = {}
        for what, (method, *args) in uses.items():
            try:
                with self.env.cr.savepoint():
                    method(*args)
                result[what] = True
            except AccessError:
                result[what] = False
        return result

    # roles ---------------------------------------------------------------

    def test_role_labels_name_their_group(self):
        for role in self.roles:
            group = self.env.ref(role["groups"][-1])
            self.assertEqual(spec.label_name(role["group"]), group.name, role["role"])

    def test_admin_login_is_the_superuser(self):
        """The admin login has no column: rights and rules do not apply to the
        superuser (the demo logins' groups are checked by aux_demo's tests)."""
        admin = self.env.ref("base.user_root")
        self.assertEqual((admin.id, admin.login), (SUPERUSER_ID, "admin"),
                         "the admin login is the superuser, which has no column")
