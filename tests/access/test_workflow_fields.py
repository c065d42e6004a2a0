"""Every model with a workflow (aux.workflow.mixin) keeps the fields only the
server sets out of users' writes: the stored fields it computes and the
fields no form can edit (always read-only).  A field of either kind missing
from the model's protected fields can be forged through RPC (a training
result's month on an assessment event could, until an extension's list of
server fields replaced another's instead of adding to it)."""
from odoo.models import MAGIC_COLUMNS
from odoo.tests.common import TransactionCase

# mail's activity mixin keeps the next activity's deadline in a stored field
# of its own (computed from the activities, which have their own rules)
NOT_OURS = {"activity_date_deadline"}


class TestWorkflowServerFields(TransactionCase):

    def workflow_models(self):
        mixin = type(self.env["aux.workflow.mixin"])
        return [self.env[name] for name in sorted(self.env.registry)
                if isinstance(self.env[name], mixin)
                and not self.env[name]._abstract and not self.env[name]._transient]

    def test_server_fields_are_protected(self):
        models = self.workflow_models()
        self.assertIn("aux.assessment.event", [model._name for model in models])
        unprotected = {}
        for model in models:
            protected = model._aux_protected_fields()
            server_only = {
                name for name, field in model._fields.items()
                if field.store and name not in models_magic(model)
                and ((field.compute and not field.inverse)
                     or (field.readonly and not field.states and not field.compute
                         and field.type not in ("one2many", "many2many")))}
            if server_only - protected:
                unprotected[model._name] = sorted(server_only - protected)
        self.assertEqual(unprotected, {})


def models_magic(model):
    return set(MAGIC_COLUMNS) | {model.CONCURRENCY_CHECK_FIELD} | NOT_OURS
