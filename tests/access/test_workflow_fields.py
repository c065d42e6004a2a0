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
# Payslip lines: payroll officers edit a draft payslip's lines as in stock
# hr_payroll, and the engine creates them through the ORM below the bulk
# threshold; their total and arrears fields are not yet server-only.
LINES_WRITTEN_BY_OFFICERS = {"hr.payslip.line"}


class TestWorkflowServerFields(TransactionCase):

    def models_with(self, mixin_name):
        mixin = type(self.env[mixin_name])
        return [self.env[name] for name in sorted(self.env.registry)
                if isinstance(self.env[name], mixin)
                and not self.env[name]._abstract and not self.env[name]._transient]

    def test_server_fields_of_lines_are_protected(self):
        """Lines locked with their parent (aux.workflow.child.mixin) keep
        their server fields out of users' writes too."""
        models = self.models_with("aux.workflow.child.mixin")
        self.assertIn("aux.duty.roster.row", [model._name for model in models])
        unprotected = {}
        for model in models:
            if model._name in LINES_WRITTEN_BY_OFFICERS:
                continue
            server_only = server_fields(model)
            if server_only - set(model._aux_workflow_fields):
                unprotected[model._name] = sorted(
                    server_only - set(model._aux_workflow_fields))
        self.assertEqual(unprotected, {})

    def test_server_fields_are_protected(self):
        models = self.models_with("aux.workflow.mixin")
        self.assertIn("aux.assessment.event", [model._name for model in models])
        unprotected = {}
        for model in models:
            protected = model._aux_protected_fields()
            server_only = server_fields(model)
            if server_only - protected:
                unprotected[model._name] = sorted(server_only - protected)
        self.assertEqual(unprotected, {})


def server_fields(model):
    """Stored fields of ``model`` that the server computes, and the stored
    fields no form edits (read-only in every state), relations to lines apart."""
    return {name for name, field in model._fields.items()
            if field.store and name not in models_magic(model)
            and ((field.compute and not field.inverse)
                 or (field.readonly and not field.states and not field.compute
                     and field.type not in ("one2many", "many2many")))}


def models_magic(model):
    return set(MAGIC_COLUMNS) | {model.CONCURRENCY_CHECK_FIELD} | NOT_OURS
