# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression

from .aux_grade import AUX_CATEGORIES
from .aux_service_rule import years_between
from .aux_workflow_mixin import MAIL_FIELD_PREFIXES, field_label, is_trusted
from ..tools.local_time import local_today

OFFICE_GROUP = "aux_personnel.group_aux_personnel_user"
MANAGER_GROUP = "aux_personnel.group_aux_personnel_manager"
# Fields that define whose file it is and what its holder may see or is paid:
# the office writes them, and nobody writes them on his own file.
SCOPE_FIELDS = frozenset({
    "department_id", "parent_id", "coach_id", "user_id", "company_id", "active",
    "is_auxiliary", "aux_category", "entry_date", "cohort", "aux_grade_id",
    "identification_id", "education", "quota_override_reason",
    "aux_is_cadre", "aux_cadre_date", "aux_cadre_decision",
})
# Stamped by the server when a manager sets a quota override.
STAMP_FIELDS = frozenset({"quota_override_uid", "quota_override_date"})
# What a unit leader may change on the files of his unit (contact details):
# everything else of a file is kept by the auxiliary office.
UNIT_LEADER_FIELDS = frozenset({
    "work_phone", "mobile_phone", "work_email", "work_location",
    "emergency_contact_name", "emergency_contact_phone", "notes",
    "image", "image_medium", "image_small",
})

# GB 11643-1999 (ISO 7064 MOD 11-2): weights of the first 17 digits and the
# check character for each remainder.  These are the standard itself, not
# business parameters.
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARS = "10X98765432"

EDUCATION_LEVELS = [
    ("high_school", "High school"),
    ("technical", "Technical secondary school"),
    ("college", "College (junior)"),
    ("bachelor", "Bachelor"),
    ("master", "Master"),
    ("doctor", "Doctor"),
]


def id_check_char(first17):
    """Return the GB 11643 check character of the first 17 digits."""
    total = sum(int(digit) * weight for digit, weight in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK_CHARS[total % 11]


def parse_resident_id(number, today=None):
    """Return (birthday, gender) of a valid 18-character resident ID number,
    or None when the number is not valid (length, digits, date or check
    character, or, when ``today`` (a date) is given, a birth date after it)."""
    number = (number or "").strip().upper()
    if len(number) != 18 or not number[:17].isdigit():
        return None
    if id_check_char(number[:17]) != number[17]:
        return None
    try:
        birthday = fields.Date.from_string(
            "%s-%s-%s" % (number[6:10], number[10:12], number[12:14]))
    except ValueError:
        return None
    if today and birthday > today:
        return None
    gender = "male" if int(number[16]) % 2 else "female"
    return birthday, gender


class HrEmployee(models.Model):
    _name = "hr.employee"
    _inherit = ["hr.employee", "aux.private.fields.mixin"]

    is_auxiliary = fields.Boolean(
        string="Auxiliary", index=True, track_visibility="onchange",
        help="Auxiliary personnel (contract staff) as opposed to sworn staff "
             "kept in the same register.")
    aux_category = fields.Selection(
        AUX_CATEGORIES, string="Auxiliary Category", index=True,
        track_visibility="onchange")
    aux_grade_id = fields.Many2one(
        "aux.grade", string="Grade", index=True, store=True,
        compute="_compute_aux_grade_id", inverse="_inverse_aux_grade_id",
        track_visibility="onchange",
        help="Grade level in force today, derived from the grade history. "
             "Setting it on a person without history records the entry grade.")
    entry_date = fields.Date(
        track_visibility="onchange", help="Date the person joined the bureau.")
    education = fields.Selection(EDUCATION_LEVELS, index=True)
    political_status = fields.Selection([
        ("cpc", "CPC member"),
        ("cpc_probation", "CPC probationary member"),
        ("cyl", "Communist Youth League member"),
        ("other_party", "Member of a democratic party"),
        ("masses", "Masses (no affiliation)"),
    ])
    is_veteran = fields.Boolean(string="Military Veteran")
    recruitment_channel = fields.Selection([
        ("open", "Open recruitment"),
        ("veteran", "Veteran placement"),
        ("transfer", "Transfer"),
        ("other", "Other"),
    ])
    cohort = fields.Char(
        index=True, help="Recruitment cohort, e.g. the year and batch: 2024-1.")
    emergency_contact_name = fields.Char(string="Emergency Contact")
    emergency_contact_phone = fields.Char(string="Emergency Phone")
    aux_grade_history_ids = fields.One2many(
        "aux.grade.history", "employee_id", string="Grade History")
    aux_signed_document_ids = fields.One2many(
        "aux.signed.document", "employee_id", string="Signed Documents")
    years_of_service = fields.Float(
        compute="_compute_years_of_service", search="_search_years_of_service",
        digits=(4, 1),
        help="Years of service today, counted by the years of service rule in "
             "force (Configuration > Years of Service): from the entry date, or "
             "from the end of the probation when the rule says probation does "
             "not count.")
    aux_grade_years = fields.Float(
        string="Years in Grade", compute="_compute_aux_grade_years", digits=(4, 1),
        help="Years in the current grade; in the entry grade, the probation months "
             "count as the years of service rule says.")
    aux_promotion_due = fields.Boolean(
        string="Due for Seniority Promotion", compute="_compute_aux_promotion_due",
        search="_search_aux_promotion_due",
        help="Years in the current grade (the entry grade's probation counted as "
             "the years of service rule says) reach the band of the next grade, "
             "which is promoted by seniority.")
    # the reasons name pending discipline cases, which the person may not read
    aux_promotion_blocked = fields.Boolean(
        string="Promotion Blocked", compute="_compute_aux_promotion_blocked",
        search="_search_aux_promotion_blocked",
        groups="aux_personnel.group_aux_personnel_unit_leader",
        help="Something in the results or the discipline record stops a promotion "
             "today (see the reasons).")
    aux_promotion_block_reason = fields.Text(
        string="Why Not Promoted", compute="_compute_aux_promotion_blocked",
        groups="aux_personnel.group_aux_personnel_unit_leader",
        help="The annual results, vetoes and sanctions that stop a promotion today.")
    # who was admitted beyond the quota, why and by whom: the office's record,
    # not shown to the person himself nor to unit leaders
    quota_override_reason = fields.Text(
        track_visibility="onchange", groups="aux_personnel.group_aux_personnel_user",
        help="Set by an auxiliary office manager to admit this person beyond "
             "the establishment quota of the unit.")
    quota_override_uid = fields.Many2one(
        "res.users", string="Quota Override By", readonly=True, copy=False,
        groups="aux_personnel.group_aux_personnel_user")
    quota_override_date = fields.Datetime(
        readonly=True, copy=False, groups="aux_personnel.group_aux_personnel_user")
    identification_id = fields.Char(string="Resident ID Number")
    # tracked standard fields
    department_id = fields.Many2one(track_visibility="onchange")
    job_id = fields.Many2one(track_visibility="onchange")
    # the person's posts (aux.post.assignment)
    aux_post_assignment_ids = fields.One2many(
        "aux.post.assignment", "employee_id", string="Post Assignments")
    aux_post_id = fields.Many2one(
        "aux.post", string="Main Post", compute="_compute_aux_post",
        search="_search_aux_post_id", help="Main post held today.")
    aux_secondary_post_id = fields.Many2one(
        "aux.post", string="Secondary Post", compute="_compute_aux_post",
        help="Secondary post held today.")
    # the person's exits and cadre conversion (aux.employee.exit)
    aux_exit_ids = fields.One2many(
        "aux.employee.exit", "employee_id", string="Exits",
        groups="aux_personnel.group_aux_personnel_unit_leader")
    aux_exit_count = fields.Integer(
        string="Exit Records", compute="_compute_aux_exit_count",
        groups="aux_personnel.group_aux_personnel_unit_leader")
    aux_is_cadre = fields.Boolean(
        string="Bureau-Employed Cadre", index=True, track_visibility="onchange",
        help="Former auxiliary converted to bureau-employed cadre (paid on the "
             "cadre pay band).")
    aux_cadre_date = fields.Date(string="Cadre Since", readonly=True)
    aux_cadre_decision = fields.Char(string="Cadre Decision", readonly=True)
    aux_is_sworn = fields.Boolean(
        string="Sworn Staff", compute="_compute_aux_is_sworn", store=True, index=True,
        help="Sworn staff (police officers, civil servants) in the register: neither "
             "an auxiliary nor a bureau-employed cadre. Only sworn staff hold the "
             "posts reserved to them.")

    @api.depends("aux_grade_history_ids.grade_id", "aux_grade_history_ids.date_from",
                 "aux_grade_history_ids.date_to")
    def _compute_aux_grade_id(self):
        today = local_today(self)
        for employee in self:
            current = employee.aux_grade_history_ids.filtered(
                lambda h: h.date_from <= today and (not h.date_to or h.date_to >= today))
            employee.aux_grade_id = current[:1].grade_id

    @api.multi
    def _inverse_aux_grade_id(self):
        self._aux_record_grades([(employee, employee.aux_grade_id) for employee in self])

    @api.model
    def _aux_record_grades(self, pairs):
        """A grade set on files ((employee, grade) pairs): the entry line of
        the grade history of a person without one; refused when it differs
        from the grade the history gives today."""
        today = local_today(self)
        lines = []
        for employee, grade in pairs:
            if not grade or employee.aux_grade_history_ids:
                if grade and employee.aux_grade_history_ids.filtered(
                        lambda h, grade=grade: h.grade_id != grade
                        and h.date_from <= today
                        and (not h.date_to or h.date_to >= today)):
                    raise UserError(_(
                        "The grade of %s comes from the grade history: record a "
                        "promotion or a history line instead of editing the grade."
                    ) % employee.name)
                continue
            lines.append({
                "employee_id": employee.id,
                "grade_id": grade.id,
                "date_from": employee.entry_date or today,
                "reason": "entry",
            })
        for vals in lines:
            self.env["aux.grade.history"].create(vals)

    @api.multi
    def _compute_years_of_service(self):
        years = self._aux_years_of_service(local_today(self))
        for employee in self:
            employee.years_of_service = years.get(employee.id, 0.0)

    @api.multi
    def _aux_years_of_service(self, date, starts=None):
        """{employee id: years of service on ``date``} by the years of
        service rule in force on ``date`` (aux.service.rule, the one
        definition); ``int()`` of a value is the completed years.  ``starts``
        ({employee id: date string}) gives the date to count from for people
        without an entry date (payroll: the start of the contract).
        Set-based: the rules and the entry dates are read once."""
        excluded = self.env["aux.service.rule"]._aux_excluded_months_loader()
        Rule = self.env["aux.service.rule"]
        day = fields.Date.from_string(date)
        starts = starts or {}
        result = {}
        for employee in self.sudo():
            entry = employee.entry_date or starts.get(employee.id)
            start = Rule._aux_service_start(
                entry, excluded(employee.company_id.id, date))
            result[employee.id] = years_between(start, day)
        return result

    @api.model
    def _search_years_of_service(self, operator, value):
        """Translate a years-of-service condition into an entry-date one (by
        the years of service rule in force today)."""
        if operator not in (">=", ">", "<", "<="):
            raise UserError(_("Years of service can only be compared with >, >=, < or <=."))
        today = local_today(self)
        day = fields.Date.from_string(today)
        excluded = self.env["aux.service.rule"]._aux_excluded_months_loader()
        # more years of service means an earlier entry date, by the rule of
        # each person's company
        flipped = {">=": "<=", ">": "<", "<": ">", "<=": ">="}[operator]
        months = int(round(float(value or 0) * 12))

        def entry(company_id):
            return ("entry_date", flipped, fields.Date.to_string(
                day - relativedelta(months=months + excluded(company_id, today))))
        ruled = self.env["aux.service.rule"].sudo().search(
            [("company_id", "!=", False)]).mapped("company_id").ids
        # the companies with a rule, then everybody else (no month excluded)
        domain = expression.OR(
            [["&", ("company_id", "=", company_id), entry(company_id)] for company_id in ruled]
            + [["&", "|", ("company_id", "=", False), ("company_id", "not in", ruled),
                entry(False)]])
        if operator in ("<", "<="):
            domain = ["|", ("entry_date", "=", False)] + domain
        return domain

    @api.multi
    def _compute_aux_grade_years(self):
        today = local_today(self)
        day = fields.Date.from_string(today)
        # the probation of the entry grade counts as the years of service rule says
        excluded = self.env["aux.service.rule"]._aux_excluded_months_loader()
        for employee in self:
            current = employee.aux_grade_history_ids.filtered(
                lambda h: h.date_from <= today and (not h.date_to or h.date_to >= today))[:1]
            if not current:
                employee.aux_grade_years = 0.0
                continue
            start = fields.Date.from_string(current.date_from)
            if current.reason == "entry":
                start += relativedelta(months=excluded(employee.company_id.id, today))
            employee.aux_grade_years = max(years_between(start, day), 0.0)

    @api.multi
    def _compute_aux_promotion_due(self):
        """Due by seniority, and nothing stops the promotion."""
        due = self._aux_promotion_due_map()
        people = self.filtered(lambda e: e.id in due)
        blocked = self._aux_promotion_blockers(people, local_today(self))
        for employee in self:
            employee.aux_promotion_due = employee.id in due and employee.id not in blocked

    @api.model
    def _search_aux_promotion_due(self, operator, value):
        due = self._aux_promotion_due_map()
        blocked = self._aux_promotion_blockers(
            self.browse(list(due)), local_today(self))
        ids = [emp_id for emp_id in due if emp_id not in blocked]
        positive = (operator in ("=", "==")) == bool(value)
        return [("id", "in" if positive else "not in", ids)]

    @api.multi
    def _compute_aux_promotion_blocked(self):
        blockers = self._aux_promotion_blockers(self, local_today(self))
        for employee in self:
            reasons = blockers.get(employee.id)
            employee.aux_promotion_blocked = bool(reasons)
            employee.aux_promotion_block_reason = "\n".join(reasons) if reasons else False

    @api.model
    def _search_aux_promotion_blocked(self, operator, value):
        """Among the auxiliaries in service."""
        people = self.search([("is_auxiliary", "=", True)])
        ids = list(self._aux_promotion_blockers(people, local_today(self)))
        positive = (operator in ("=", "==")) == bool(value)
        return [("id", "in" if positive else "not in", ids)]

    @api.model
    def _aux_promotion_due_map(self, on_date=None):
        """Return {employee_id: next grade} of the active auxiliaries whose
        years in the current grade (on the entry line, the probation counted
        as the years of service rule in force says) reach the band of the
        next grade promoted by seniority.
        Set-based: one search of the history lines in force."""
        on_date = on_date or local_today(self)
        day = fields.Date.from_string(on_date)
        lines = self.env["aux.grade.history"].sudo().search([
            ("employee_id.active", "=", True),
            ("employee_id.is_auxiliary", "=", True),
            ("date_from", "<=", on_date),
            "|", ("date_to", "=", False), ("date_to", ">=", on_date),
        ])
        next_grades = {grade: grade._next_grade() for grade in lines.mapped("grade_id")}
        # the probation of the entry grade counts as the years of service rule says
        excluded = self.env["aux.service.rule"]._aux_excluded_months_loader()
        result = {}
        for line in lines:
            target = next_grades[line.grade_id]
            if not target or target.promotion_mode != "seniority":
                continue
            start = fields.Date.from_string(line.date_from)
            if line.reason == "entry":
                start += relativedelta(months=excluded(line.employee_id.company_id.id, on_date))
            if start + relativedelta(months=int(round(target.min_years * 12))) <= day:
                result[line.employee_id.id] = target
        return result

    @api.multi
    def _compute_aux_post(self):
        current = self.env["aux.post.assignment"].search(
            [("employee_id", "in", self.ids), ("is_current", "=", True)])
        by_key = {(a.employee_id.id, a.assignment_type): a.post_id for a in current}
        empty = self.env["aux.post"]
        for employee in self:
            employee.aux_post_id = by_key.get((employee.id, "main"), empty)
            employee.aux_secondary_post_id = by_key.get((employee.id, "secondary"), empty)

    def _search_aux_post_id(self, operator, value):
        assignments = self.env["aux.post.assignment"].search(
            [("is_current", "=", True), ("assignment_type", "=", "main"),
             ("post_id", operator, value)])
        return [("id", "in", assignments.mapped("employee_id").ids)]

    @api.depends("is_auxiliary", "aux_is_cadre")
    def _compute_aux_is_sworn(self):
        for employee in self:
            employee.aux_is_sworn = not employee.is_auxiliary and not employee.aux_is_cadre

    @api.multi
    def _compute_aux_exit_count(self):
        groups = self.env["aux.employee.exit"].read_group(
            [("employee_id", "in", self.ids)], ["employee_id"], ["employee_id"])
        counts = {g["employee_id"][0]: g["employee_id_count"] for g in groups}
        for employee in self:
            employee.aux_exit_count = counts.get(employee.id, 0)

    @api.constrains("identification_id")
    def _check_identification_id(self):
        numbers = {}
        today = fields.Date.from_string(local_today(self))
        for employee in self.sudo().filtered("identification_id"):
            parsed = parse_resident_id(employee.identification_id)
            if parsed and parsed[0] > today:
                raise ValidationError(_(
                    "The resident ID number %(number)s of %(name)s gives a birth date "
                    "in the future (%(birthday)s): check the digits 7 to 14.") % {
                    "number": employee.identification_id, "name": employee.name,
                    "birthday": fields.Date.to_string(parsed[0])})
            if not parsed:
                raise ValidationError(_(
                    "The resident ID number %(number)s of %(name)s is not valid: it "
                    "must have 18 characters, a real birth date and a correct check "
                    "digit (GB 11643, the last character may be X).") % {
                    "number": employee.identification_id, "name": employee.name})
            numbers.setdefault(employee.identification_id, employee)
        if not numbers:
            return
        others = self.sudo().with_context(active_test=False).search([
            ("identification_id", "in", list(numbers)),
        ])
        for employee in self.sudo().filtered("identification_id"):
            same = others.filtered(
                lambda o, e=employee: o.identification_id == e.identification_id
                and o.id != e.id and o.company_id == e.company_id)
            if same:
                raise ValidationError(_(
                    "The resident ID number %(number)s of %(name)s is already used by "
                    "%(other)s in the same company: one person has one file.") % {
                    "number": employee.identification_id, "name": employee.name,
                    "other": same[0].name})

    @api.constrains("department_id", "is_auxiliary", "aux_category", "cohort", "active",
                    "quota_override_reason")
    def _check_establishment_quota(self):
        self.env["aux.establishment.quota"]._check_headcount(
            self.filtered(lambda e: e.is_auxiliary and e.active and e.department_id))

    @api.onchange("identification_id")
    def _onchange_identification_id(self):
        parsed = parse_resident_id(self.identification_id, fields.Date.from_string(
            local_today(self)))
        if parsed:
            self.birthday = fields.Date.to_string(parsed[0])
            self.gender = parsed[1]

    @api.model
    def _aux_prepare_vals(self, vals):
        """Normalise the ID number and derive birthday and gender from it;
        record who set a quota override."""
        vals = dict(vals)
        if vals.get("identification_id"):
            vals["identification_id"] = vals["identification_id"].strip().upper()
            parsed = parse_resident_id(vals["identification_id"], fields.Date.from_string(
                local_today(self)))
            if parsed:
                vals["birthday"] = fields.Date.to_string(parsed[0])
                vals["gender"] = parsed[1]
        if "quota_override_reason" in vals:
            if not self.env.user.has_group("aux_personnel.group_aux_personnel_manager"):
                raise AccessError(_(
                    "Only an auxiliary office manager may set or change a quota override."))
            vals["quota_override_uid"] = vals["quota_override_reason"] and self.env.uid
            vals["quota_override_date"] = (
                vals["quota_override_reason"] and fields.Datetime.now())
        return vals

    @api.model
    def create(self, vals):
        if STAMP_FIELDS & set(vals) and not is_trusted(self) and self.pool.ready \
                and self.env.uid != SUPERUSER_ID:
            raise AccessError(_("The quota override stamps are recorded by the server."))
        vals = dict(self._aux_prepare_vals(vals))
        # The grade is recorded once the file exists, not as an inverse of
        # create: Odoo 11 runs the inverses of create one after the other,
        # and the history line written for the grade reset the cache that still
        # held the value of the next one (the user, related to the resource),
        # which was then written back empty: the file lost its user.
        grade = self.env["aux.grade"].browse(vals.pop("aux_grade_id", False) or [])
        if not vals.get("is_auxiliary"):
            employee = super(HrEmployee, self).create(vals)
            self._aux_record_grades([(employee, grade)])
            return employee
        # a hire and its grade lines are checked against the grade quota
        # rules as one change: a refused hire leaves nothing behind
        with self.env["aux.grade.quota.rule"]._aux_quota_guard():
            employee = super(HrEmployee, self).create(vals)
            self._aux_record_grades([(employee, grade)])
            if not employee.aux_grade_id and not employee.aux_grade_history_ids \
                    and employee.education:
                employee._aux_create_entry_grade()
        return employee

    @api.model
    def _aux_unit_leader_fields(self):
        """Fields of a file a unit leader may change for his own unit (other
        addons may add theirs).  Lists kept on the file (documents, family,
        health checks) are their own models, with their own access rules,
        which the ORM applies to the lines written through the file."""
        return set(UNIT_LEADER_FIELDS) | {
            name for name, field in self._fields.items() if field.type == "one2many"}

    @api.multi
    def _aux_check_write_rights(self, vals):
        """Who may change what on a personnel file, on every path (form,
        RPC, import): the office keeps the file; a unit leader changes only
        contact details of his unit; nobody changes the fields that define
        his own scope or rights; stamps are the server's."""
        if is_trusted(self) or not self.pool.ready or self.env.uid == SUPERUSER_ID:
            return
        names = {name for name in vals if not name.startswith(MAIL_FIELD_PREFIXES)}
        stamps = names & STAMP_FIELDS
        if stamps:
            raise AccessError(_(
                "%s are recorded by the server when a manager sets a quota override.")
                % ", ".join(sorted(field_label(self, n) for n in stamps)))
        user = self.env.user
        if not user.has_group(OFFICE_GROUP):
            refused = names - self._aux_unit_leader_fields()
            if refused:
                raise AccessError(_(
                    "Only the auxiliary office changes %(fields)s of a personnel file; "
                    "a unit leader changes the contact details of the people of his "
                    "unit.") % {"fields": ", ".join(sorted(
                        field_label(self, n) for n in refused if n in self._fields))})
        scope = names & SCOPE_FIELDS
        if scope and self.filtered(lambda employee: employee.user_id == user):
            raise AccessError(_(
                "Nobody changes %(fields)s on his own file: they define what its "
                "holder may see and how he is paid. Ask a colleague of the auxiliary "
                "office.") % {"fields": ", ".join(sorted(
                    field_label(self, n) for n in scope))})

    @api.multi
    def write(self, vals):
        self._aux_check_write_rights(vals)
        if "quota_override_reason" in vals and not vals["quota_override_reason"] \
                and not self.filtered("quota_override_reason"):
            vals = dict(vals)
            del vals["quota_override_reason"]
        arriving = self._aux_quota_arrivals(vals)
        if not arriving and "aux_grade_history_ids" not in vals:
            return super(HrEmployee, self).write(self._aux_prepare_vals(vals))
        # people who join a unit's grades (transfer, made auxiliary,
        # reactivated) count against its grade quota rules from today on;
        # the history lines saved with the file are checked together
        with self.env["aux.grade.quota.rule"]._aux_quota_guard() as guard:
            if arriving:
                guard.watch(arriving, local_today(self))
            return super(HrEmployee, self).write(self._aux_prepare_vals(vals))

    @api.multi
    def action_aux_exit(self):
        """Open the exit form for this person."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Exit"),
            "res_model": "aux.employee.exit",
            "view_mode": "form",
            "target": "new",
            "context": {"default_employee_id": self.id},
        }

    @api.multi
    def action_aux_view_exits(self):
        self.ensure_one()
        action = self.env.ref("aux_personnel.aux_employee_exit_action").read()[0]
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id}
        return action

    @api.multi
    def _aux_quota_units(self):
        """The units whose grade quotas count these people: those of the
        active auxiliaries among them."""
        return self.filtered(lambda e: e.is_auxiliary and e.active).mapped("department_id")

    @api.multi
    def _aux_quota_arrivals(self, vals):
        """Units that people of ``self`` join by ``vals``, as active
        auxiliaries with a grade history (nothing when ``vals`` moves nobody)."""
        if not {"department_id", "is_auxiliary", "active"} & set(vals):
            return self.env["hr.department"]
        units = self.env["hr.department"]
        for employee in self.sudo().filtered("aux_grade_history_ids"):
            unit = self.env["hr.department"].browse(
                vals.get("department_id", employee.department_id.id))
            counted = vals.get("is_auxiliary", employee.is_auxiliary) \
                and vals.get("active", employee.active)
            if unit and counted and (unit != employee.department_id
                                     or not employee.is_auxiliary or not employee.active):
                units |= unit
        return units.sudo()

    @api.multi
    def _aux_create_entry_grade(self):
        """Give each person the entry grade of the education table in force
        on the entry date."""
        Level = self.env["aux.entry.level"]
        today = local_today(self)
        for employee in self:
            date = employee.entry_date or today
            level = Level._find(employee.education, employee.aux_category, date)
            if level:
                self.env["aux.grade.history"].create({
                    "employee_id": employee.id,
                    "grade_id": level.grade_id.id,
                    "date_from": date,
                    "reason": "entry",
                })

    @api.model
    def _cron_aux_grade_recompute(self):
        """Daily: the grade in force changes when a history line starts or
        ends, without any write; recompute the people whose stored grade
        differs from the line in force today (set-based)."""
        today = local_today(self)
        lines = self.env["aux.grade.history"].search([
            ("date_from", "<=", today),
            "|", ("date_to", "=", False), ("date_to", ">=", today)])
        in_force = {line.employee_id.id: line.grade_id.id for line in lines}
        employees = self.with_context(active_test=False).search([
            "|", ("aux_grade_id", "!=", False), ("id", "in", list(in_force))])
        stale = employees.filtered(
            lambda e: e.aux_grade_id.id != in_force.get(e.id, False))
        if stale:
            stale.invalidate_cache(["aux_grade_id"], stale.ids)
            self.env.add_todo(self._fields["aux_grade_id"], stale)
            self.recompute()
        return True

    @api.multi
    def _aux_close_employment(self, last_day):
        """Close running contracts and open post assignments at ``last_day``.

        Contracts not started by then are cancelled and assignments starting
        after it are removed.
        """
        contracts = self.env["hr.contract"].search(
            [("employee_id", "in", self.ids), ("state", "in", ("draft", "open", "pending"))])
        future = contracts.filtered(lambda c: c.date_start > last_day)
        future.write({"state": "cancel"})
        running = contracts - future
        running.filtered(lambda c: not c.date_end or c.date_end > last_day).write(
            {"date_end": last_day})
        running.write({"state": "close"})
        assignments = self.env["aux.post.assignment"].search(
            [("employee_id", "in", self.ids),
             "|", ("date_to", "=", False), ("date_to", ">", last_day)])
        assignments.filtered(lambda a: a.date_from > last_day).unlink()
        assignments.exists().write({"date_to": last_day})

    @api.model
    def _aux_day_before(self, day):
        return fields.Date.to_string(fields.Date.from_string(day) - timedelta(days=1))

    # Hooks of the management loop, kept by the register and filled in by the
    # addons above it:
    #
    # - ``_aux_promotion_blockers(employees, date)``: what stops a promotion
    #   (aux_assessment adds the results and the sanctions); the *Due for
    #   Seniority Promotion* list and the promote wizard are gated by it, with
    #   the reasons shown;
    # - ``_aux_signal(trigger, signals)``: something happened to people that a
    #   rule may answer (aux_welfare's must-talk rules): a veto, penalty
    #   points, a low band, a planned exit. The register signals planned exits
    #   itself;
    # - ``_aux_training_results(date_from, date_to, results)`` (below).

    @api.model
    def _aux_promotion_blockers(self, employees, date):
        """Return ``{employee id: [reason]}``: what stops the promotion of
        ``employees`` on ``date``.

        Hook: the register knows no results nor sanctions and finds nothing;
        aux_assessment adds them (call ``super()`` and extend the lists).
        Work on the whole recordset at once.
        """
        return {}

    @api.model
    def _aux_signal(self, trigger, signals):
        """Tell the rules that answer ``trigger`` what happened to people.

        :param trigger: ``veto``, ``penalty_points``, ``low_band``,
            ``planned_exit`` or ``life_event``
        :param signals: list of dicts: ``employee`` (one hr.employee),
            ``date``, ``reason`` (text for the people who act on it),
            ``origin`` (``"model,id"`` of the record behind it), ``key`` (the
            same key twice is the same occurrence: answered once), and as
            the trigger needs ``codes`` (list of codes: event type, band,
            exit reason), ``period_type`` and ``value`` (e.g. points).

        Hook: nothing answers here; aux_welfare's must-talk rules do.
        """
        return True

    @api.model
    def _aux_training_results(self, date_from, date_to, results):
        """Hook between aux_training and aux_assessment, which do not depend
        on each other: aux_training calls it when training results become
        final or are reopened, with the results of the period ``date_from``
        to ``date_to`` (date strings, a calendar month) of the sessions done,
        ``{employee_id: values}`` as ``aux.training.enrolment.
        _aux_ability_results`` returns them (enrolled, attended, absent,
        hours, exams_passed, exams_failed, exams_absent, score_ratio), for
        every person concerned (0 when nothing is left).  aux_assessment
        turns them into the events its rules say; nothing here."""
        return True
