"""Record rules split by operation never open an operation by accident.

In Odoo 11 a user's group rules are OR-ed per operation, and when none of
them covers an operation (``perm_create`` unset on every rule of the user's
groups, say) that operation is not restricted at all.  Splitting a unit
rule into "read the unit" and "write drafts of the unit" and forgetting
create would let a unit leader create records for the whole bureau.  For
every role and every model with record rules for the role, each operation
its access rights allow must be covered by at least one of its rules."""
from odoo.tests.common import SavepointCase

from .matrix import load_roles

# Stock Odoo models whose rules are per operation by design (mail followers,
# notifications and activities are checked through their documents).
STOCK_EXCEPTIONS = {"ir.default", "mail.followers", "mail.notification", "mail.activity"}
OPERATIONS = ("read", "write", "create", "unlink")


class TestRuleCoverage(SavepointCase):

    def test_each_allowed_operation_is_covered_by_a_rule(self):
        Users = self.env["res.users"].with_context(no_reset_password=True)
        rules = self.env["ir.rule"].sudo().search([("groups", "!=", False)])
        by_model = {}
        for rule in rules:
            by_model.setdefault(rule.model_id.model, self.env["ir.rule"])
            by_model[rule.model_id.model] |= rule
        uncovered = []
        for role in load_roles():
            user = Users.create({
                "name": "coverage %s" % role["role"], "login": "coverage_%s" % role["role"],
                "groups_id": [(6, 0, [self.env.ref(g).id for g in role["groups"]])]})
            groups = user.groups_id
            for model, model_rules in sorted(by_model.items()):
                if model in STOCK_EXCEPTIONS or model not in self.env:
                    continue
                mine = model_rules.filtered(lambda r, g=groups: r.groups & g)
                if not mine:
                    continue  # no group rule: the global rules alone apply
                for operation in OPERATIONS:
                    if not self.env[model].sudo(user).check_access_rights(
                            operation, raise_exception=False):
                        continue
                    if not mine.filtered("perm_%s" % operation):
                        uncovered.append("%s: %s %s" % (role["role"], model, operation))
        self.assertEqual(uncovered, [], "operations allowed by the access rights that "
                         "none of the role's rules covers (unrestricted!)")
