# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

RENEWAL_EFFECTS = [
    ("none", "None"),
    ("review", "Review the renewal"),
    ("not_renew", "Do not renew (dismissal level)"),
]


class AuxSanctionType(models.Model):
    """A kind of sanction a discipline case decides (批评教育, 通报批评, 黄牌警告,
    记过, 解聘, 移送纪委 ...) and what it entails, as data.

    A confirmed case of this type is in force for ``validity_months`` from
    its decision; while in force it blocks promotions when
    ``blocks_promotion`` is set; a case whose violation falls in a contract's
    term gives the contract the renewal advice of ``renewal_effect``.
    """

    _name = "aux.sanction.type"
    _description = "Sanction Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(
        string="Severity", default=10,
        help="Order of severity: a higher number is a heavier sanction.")
    validity_months = fields.Integer(
        string="In Force (months)",
        help="How long a confirmed sanction stays in force from its decision "
             "date (影响期); 0: it has no period of effect.")
    blocks_promotion = fields.Boolean(
        help="While a sanction of this type is in force, or a case of this type "
             "is pending, the person is not promoted.")
    renewal_effect = fields.Selection(
        RENEWAL_EFFECTS, required=True, default="none",
        help="Advice given to the renewal of a contract whose term the violation "
             "falls in: review it, or do not renew (dismissal-level sanctions).")
    date_from = fields.Date(string="Valid From", required=True,
                            default=lambda self: "2000-01-01")
    date_to = fields.Date(string="Valid To")
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of a sanction type must be unique."),
    ]

    @api.constrains("validity_months", "date_from", "date_to")
    def _check_values(self):
        for stype in self:
            if stype.validity_months < 0:
                raise ValidationError(_(
                    "Sanction type %s: the months in force cannot be negative.") % stype.name)
            if stype.date_to and stype.date_to < stype.date_from:
                raise ValidationError(_(
                    "Sanction type %s: the end of validity is before its start.")
                    % stype.name)

    @api.multi
    def _end_of_effect(self, date_from):
        """Last day in force of a sanction of this type decided on ``date_from``
        (False when the type has no period of effect)."""
        self.ensure_one()
        if not self.validity_months or not date_from:
            return False
        return fields.Date.to_string(fields.Date.from_string(date_from) + relativedelta(
            months=self.validity_months, days=-1))
