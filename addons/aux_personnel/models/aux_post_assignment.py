# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools.local_time import local_today

FAR_FUTURE = "9999-12-31"


def _overlaps(first, second):
    """Whether two assignments share at least one day (open ends are infinite)."""
    return (first.date_from <= (second.date_to or FAR_FUTURE)
            and second.date_from <= (first.date_to or FAR_FUTURE))


class AuxPostAssignment(models.Model):
    """Date-effective assignment of a person to a post.

    A person holds at most one main and one secondary post at any date.
    """

    _name = "aux.post.assignment"
    _description = "Post Assignment"
    _inherit = ["mail.thread"]
    _order = "date_from desc, id desc"
    _rec_name = "post_id"

    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, ondelete="restrict",
        track_visibility="onchange",
        domain="['|', ('active', '=', True), ('active', '=', False)]")
    post_id = fields.Many2one(
        "aux.post", required=True, index=True, ondelete="restrict",
        track_visibility="onchange")
    department_id = fields.Many2one(
        "hr.department", string="Unit", related="post_id.department_id",
        store=True, readonly=True)
    employee_department_id = fields.Many2one(
        "hr.department", string="Employee's Unit", related="employee_id.department_id",
        store=True, readonly=True, index=True)
    is_auxiliary = fields.Boolean(
        string="Auxiliary", related="employee_id.is_auxiliary", store=True, readonly=True)
    holder_type = fields.Selection(related="post_id.holder_type", readonly=True)
    is_risk_post = fields.Boolean(
        string="Risk Post", related="post_id.is_risk_post", store=True, readonly=True)
    company_id = fields.Many2one(
        "res.company", related="post_id.company_id", store=True, readonly=True)
    date_from = fields.Date(
        string="From", required=True, default=local_today,
        track_visibility="onchange")
    date_to = fields.Date(
        string="To", track_visibility="onchange",
        help="Last day on the post; empty while the assignment is open.")
    assignment_type = fields.Selection(
        [("main", "Main post"), ("secondary", "Secondary post")],
        string="Type", required=True, default="main", track_visibility="onchange",
        help="A person holds at most one main and one secondary post at a date.")
    is_team_lead = fields.Boolean(
        string="Team Lead", track_visibility="onchange",
        help="Leads the team of this post. Open to auxiliaries: ability, not status.")
    note = fields.Text()
    is_current = fields.Boolean(
        string="Current", compute="_compute_is_current", search="_search_is_current")
    tenure_limit_date = fields.Date(
        string="Tenure Limit", compute="_compute_tenure_limit_date", store=True,
        help="On a risk post: start date plus the post's maximum tenure. The "
             "holder is due for rotation once this date is passed.")
    is_due_for_rotation = fields.Boolean(
        string="Due for Rotation", compute="_compute_is_due_for_rotation",
        search="_search_is_due_for_rotation",
        help="Current assignment on a risk post whose tenure exceeds the post's "
             "maximum tenure as of today.")

    @api.multi
    def _compute_is_current(self):
        today = local_today(self)
        for rec in self:
            rec.is_current = rec.date_from <= today and (
                not rec.date_to or rec.date_to >= today)

    def _search_is_current(self, operator, value):
        today = local_today(self)
        domain = ["&", ("date_from", "<=", today),
                  "|", ("date_to", "=", False), ("date_to", ">=", today)]
        if (operator == "=") == bool(value):
            return domain
        return ["!"] + domain

    @api.depends("date_from", "post_id.is_risk_post", "post_id.max_tenure_months")
    def _compute_tenure_limit_date(self):
        for rec in self:
            post = rec.post_id
            if rec.date_from and post.is_risk_post and post.max_tenure_months > 0:
                rec.tenure_limit_date = fields.Date.to_string(
                    fields.Date.from_string(rec.date_from)
                    + relativedelta(months=post.max_tenure_months))
            else:
                rec.tenure_limit_date = False

    @api.multi
    def _compute_is_due_for_rotation(self):
        due = self.search([("id", "in", self.ids), ("is_due_for_rotation", "=", True)])
        for rec in self:
            rec.is_due_for_rotation = rec in due

    def _search_is_due_for_rotation(self, operator, value):
        today = local_today(self)
        domain = ["&", "&", ("tenure_limit_date", "!=", False),
                  ("tenure_limit_date", "<", today)] + self._search_is_current("=", True)
        if (operator == "=") == bool(value):
            return domain
        return ["!"] + domain

    @api.constrains("employee_id", "post_id", "date_from", "date_to",
                    "assignment_type", "is_team_lead")
    def _check_assignment(self):
        for rec in self:
            if rec.date_to and rec.date_to < rec.date_from:
                raise ValidationError(_(
                    "Assignment of %(person)s to post %(post)s ends before it starts.")
                    % {"person": rec.employee_id.name, "post": rec.post_id.display_name})
        self._check_assignment_allowed()
        self._check_one_post_per_type()
        self._check_capacity()

    @api.multi
    def _check_assignment_allowed(self):
        """Refuse assignments the person may not hold.

        Hook for other addons: override, call ``super()`` and raise a
        ``ValidationError`` naming the person and the post for any assignment
        in ``self`` that must be refused (e.g. aux_training: no post before
        the pre-job training is passed). Called on create and on every change
        of person, post, dates, type or team-lead flag.
        """
        for rec in self:
            post = rec.post_id
            if post.holder_type == "sworn" and not rec.employee_id.aux_is_sworn:
                raise ValidationError(_(
                    "Post %(post)s may only be held by sworn staff: %(person)s is %(status)s.")
                    % {"post": post.display_name, "person": rec.employee_id.name,
                       "status": _("a bureau-employed cadre") if rec.employee_id.aux_is_cadre
                       else _("an auxiliary")})
            if rec.is_team_lead and not post.is_team_lead_post:
                raise ValidationError(_(
                    "Post %(post)s has no team-lead role: %(person)s cannot be its team "
                    "lead.") % {"post": post.display_name, "person": rec.employee_id.name})

    @api.multi
    def _check_one_post_per_type(self):
        others = self.search([("employee_id", "in", self.mapped("employee_id").ids)])
        for rec in self:
            clash = others.filtered(
                lambda o, rec=rec: o != rec and o.employee_id == rec.employee_id
                and o.assignment_type == rec.assignment_type and _overlaps(o, rec))
            if clash:
                type_label = dict(self._fields["assignment_type"]._description_selection(
                    self.env))[rec.assignment_type]
                raise ValidationError(_(
                    "%(person)s already holds post %(post)s as %(type)s from %(date)s: a "
                    "person holds at most one main and one secondary post at a date.")
                    % {"person": rec.employee_id.name, "post": clash[0].post_id.display_name,
                       "type": type_label, "date": clash[0].date_from})

    @api.multi
    def _check_capacity(self):
        posts = self.mapped("post_id").filtered(lambda p: p.capacity > 0)
        if not posts:
            return
        holders = self.search([("post_id", "in", posts.ids)])
        for rec in self.filtered(lambda r: r.post_id in posts):
            overlapping = holders.filtered(
                lambda o, rec=rec: o.post_id == rec.post_id and _overlaps(o, rec))
            # The largest number of simultaneous holders is reached on the
            # start date of one of the overlapping assignments.
            days = {max(o.date_from, rec.date_from) for o in overlapping}
            peak = max(len(overlapping.filtered(
                lambda o, day=day: o.date_from <= day <= (o.date_to or FAR_FUTURE)))
                for day in days)
            if peak > rec.post_id.capacity:
                raise ValidationError(_(
                    "Post %(post)s is full: its capacity is %(capacity)s holder(s) at a "
                    "date, %(person)s cannot be assigned from %(date)s.")
                    % {"post": rec.post_id.display_name, "capacity": rec.post_id.capacity,
                       "person": rec.employee_id.name, "date": rec.date_from})

    @api.multi
    def action_end_today(self):
        """End the selected open assignments today (e.g. after a rotation)."""
        today = local_today(self)
        self.filtered(lambda a: not a.date_to or a.date_to > today).write({"date_to": today})
        return True
