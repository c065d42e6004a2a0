# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Only the Salary Rule Editor group (and the superuser) changes the
configuration the payroll engine runs.

Salary rule code (condition, amount, quantity, percentage base) is evaluated
in safe_eval with the payslip's environment when payslips are computed:
whoever creates or changes a rule, the inputs it reads, a structure (which
rules a contract runs), a rule category (the totals the rules read) or a
contribution register (the partner of a rule's journal items) changes what
everybody is paid, so these models are guarded on every path:

- ``create``, whatever ``default_<field>`` keys the context carries (the
  guard refuses the creation itself, not some fields of it);
- ``copy`` (of a rule, a structure with its children, a category);
- ``write`` of any field, which includes the one2many / many2many commands
  of a structure (``rule_ids``, ``children_ids``), a rule (``child_ids``,
  ``input_ids``) or a category (``children_ids``): the records they create,
  change or delete go through the same guarded methods;
- ``unlink``;
- ``load`` (import) and ``name_create``, which go through create and write.

The access lines (security/aux_payroll_security.xml) make these models
read-only for everybody else, so the web client shows them read-only; the
guard is what no path bypasses.  Payslip lines inherit the fields of salary
rules (stock ``hr.payslip.line`` inherits ``hr.salary.rule``) but are not
configuration: the guard ignores them.
"""
from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError

RULE_EDITOR_GROUP = "aux_payroll.group_aux_payroll_rule_editor"
# Models of the payroll configuration guarded here.
GUARDED_MODELS = ("hr.salary.rule", "hr.rule.input", "hr.payroll.structure",
                  "hr.salary.rule.category", "hr.contribution.register")


def check_rule_editor(records, operation):
    """Refuse ``operation`` (create, write, copy, unlink) on the payroll
    configuration ``records`` unless the user is the superuser or in the
    Salary Rule Editor group."""
    if records._name not in GUARDED_MODELS:
        return
    env = records.env
    if env.uid == SUPERUSER_ID or env.user.has_group(RULE_EDITOR_GROUP):
        return
    operations = {"create": _("create"), "write": _("change"), "copy": _("copy"),
                  "unlink": _("delete")}
    models_ = {"hr.salary.rule": _("salary rules"), "hr.rule.input": _("salary rule inputs"),
               "hr.payroll.structure": _("salary structures"),
               "hr.salary.rule.category": _("salary rule categories"),
               "hr.contribution.register": _("contribution registers")}
    raise AccessError(_(
        "Only the Salary Rule Editor group may %(operation)s %(model)s: salary rules "
        "run as code when payslips are computed.") % {
        "operation": operations[operation], "model": models_[records._name]})


class AuxRuleEditorGuard(models.AbstractModel):
    """The guard, mixed into each model of the payroll configuration."""

    _name = "aux.rule.editor.guard"
    _description = "Payroll configuration changed by the Salary Rule Editor only"

    @api.model
    def create(self, vals):
        check_rule_editor(self, "create")
        return super(AuxRuleEditorGuard, self).create(vals)

    @api.multi
    def write(self, vals):
        if self:
            check_rule_editor(self, "write")
        return super(AuxRuleEditorGuard, self).write(vals)

    @api.multi
    def copy(self, default=None):
        check_rule_editor(self, "copy")
        return super(AuxRuleEditorGuard, self).copy(default)

    @api.multi
    def unlink(self):
        if self:
            check_rule_editor(self, "unlink")
        return super(AuxRuleEditorGuard, self).unlink()
