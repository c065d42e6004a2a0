"""Fixture records for the access matrix test: one small factory per model
whose record rules restrict it by person or unit.

The world: a bureau with unit ``A`` (the user's), its sub-unit ``A1`` and
another unit ``B``; six people: ``me`` (in A, the file of the user being
checked), ``peer`` (in A), ``sub`` (in A1), ``other`` (in B), ``mine`` (in
unit ``C``, which ``me`` manages) and ``mine_unit`` (in A).  The records of
``mine`` and ``mine_unit`` are those the user wrote, is assigned or manages,
outside and inside his unit (a talk he holds, a visit he makes, a review he
wrote, an apprentice he mentors, the payslips of a unit he manages): the test
writes the user into their ``authors`` fields before checking a role.

A factory is ``build(world, owner, state)`` returning the records of one
owner in one state, created as superuser:

- for a ``person`` model the owner is a person (``me``, ``peer``, ``sub``,
  ``other``, ``mine``, ``mine_unit``) and the records are about that person (``person`` is
  the path from the model to that person);
- for a ``unit`` model the owner is a unit (``unit`` = A, ``sub`` = A1,
  ``other`` = B).

``states`` lists the states the factory builds, when the model's rules
depend on a state (the test checks that every state a rule names is
built); ``authors`` lists the paths to the user who wrote the record (the
test checks that every path a rule compares with the user is ``person`` or
one of them); the state is written in SQL after the records are made, so the
fixtures do not depend on the workflow actions (tested by each addon).
SQL views (reports) are built by searching the view for the owner's rows
once the records they read exist (``after`` names the factories whose
records they read)."""
from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust

PEOPLE = ("me", "peer", "sub", "other", "mine", "mine_unit")
AUTHORED = ("mine", "mine_unit")
UNITS = ("unit", "sub", "other")
PERSON_UNIT = {"me": "unit", "peer": "unit", "sub": "sub", "other": "other", "mine": "managed",
               "mine_unit": "unit"}
YEAR = 2031


class Factory:
    def __init__(self, build, person="employee_id", states=(None,), state_path="state",
                 authors=(), after=()):
        self.build = build
        self.person = person
        self.states = tuple(states)
        self.state_path = state_path
        self.authors = tuple(authors)
        self.after = tuple(after)


class World:
    """Departments, people and the records shared by several factories."""

    def __init__(self, env):
        self.env = env = env(context=dict(
            env.context, lang="en_US", tracking_disable=True, mail_create_nolog=True,
            mail_create_nosubscribe=True, mail_notrack=True, no_reset_password=True))
        ref = env.ref
        if "aux.training.requirement" in env:
            # the pre-job training gate would refuse the post assignments
            env["aux.training.requirement"].search([]).write({"blocks_post_assignment": False})
        if "aux.talk.rule" in env:
            # the must-talk rules would plan talks beside the fixtures (e.g. an exit talk)
            env["aux.talk.rule"].search([]).write({"active": False})
        Department = env["hr.department"]
        bureau = Department.create({"name": "Matrix Bureau"})
        unit = Department.create({"name": "Matrix Brigade A", "parent_id": bureau.id})
        self.units = {
            "unit": unit,
            "sub": Department.create({"name": "Matrix Squadron A1", "parent_id": unit.id}),
            "other": Department.create({"name": "Matrix Brigade B", "parent_id": bureau.id}),
            "managed": Department.create({"name": "Matrix Brigade C", "parent_id": bureau.id}),
        }
        self.grade = ref("aux_personnel.aux_grade_l7")
        Employee = env["hr.employee"]
        self.people = {
            owner: Employee.create({
                "name": "Matrix %s" % owner, "department_id": self.units[PERSON_UNIT[owner]].id,
                "is_auxiliary": True, "aux_category": "duty", "entry_date": "2020-01-01",
                "aux_grade_id": self.grade.id})
            for owner in PEOPLE}
        self.units["managed"].manager_id = self.people["me"]
        # a sworn mentor, visitor or author who is none of the people above
        self.sworn = Employee.create({"name": "Matrix sworn officer",
                                      "department_id": self.units["other"].id})
        self.company = env.user.company_id
        self._shared = {}
        self.records = {}  # {model: {(owner, state): records}}

    # helpers -------------------------------------------------------------

    def person(self, owner):
        return self.people[owner]

    def unit(self, owner):
        return self.units[owner]

    def create(self, model, vals):
        return trust(self.env[model]).create(vals).with_env(self.env)

    def set_state(self, records, state):
        """Put ``records`` in ``state`` (in SQL: fixtures do not go through the
        workflow actions, which the addons test)."""
        if state is None:
            return records
        return self.set_column(records, "state", state)

    def set_column(self, records, column, value):
        """Write ``value`` in SQL, then forget the cached values."""
        if not records:
            return records
        # parameterised; the table and column names are the model's own
        self.env.cr.execute('UPDATE "%s" SET "%s" = %%s WHERE id IN %%s'
                            % (records._table, column), (value, tuple(records.ids)))
        records.invalidate_cache()
        return records

    def shared(self, key, make):
        if key not in self._shared:
            self._shared[key] = make()
        return self._shared[key]

    def built(self, model, owner, state=None):
        """Records another factory built (for child and report models)."""
        return self.records[model][(owner, state)]

    def view_rows(self, model, field, value):
        return self.env[model].search([(field, "=", value)])

    # shared records ------------------------------------------------------

    def contract(self, owner):
        return self.shared(("contract", owner), lambda: self.create("hr.contract", {
            "name": "Matrix contract %s" % owner, "employee_id": self.person(owner).id,
            "wage": 3000.0, "date_start": "2020-01-01", "state": "open",
            "struct_id": self.structure().id}))

    def structure(self):
        return self.env.ref("aux_payroll.aux_salary_structure")

    def journal(self):
        return self.shared("journal", lambda: self.env["account.journal"].create({
            "name": "Matrix salaries", "code": "MXSAL", "type": "general"}))

    def period(self, index):
        def make():
            periods = self.env["aux.assessment.period"]._create_year(YEAR)
            return periods.filtered(lambda p: p.period_type == "monthly").sorted("date_from")
        return self.shared("periods", make)[index]

    def course(self):
        return self.shared("course", lambda: self.create("aux.training.course", {
            "name": "Matrix course",
            "category_id": self.env.ref("aux_training.aux_training_category_periodic").id}))

    def session(self, state="done"):
        return self.shared(("session", state), lambda: self.set_state(
            self.create("aux.training.session", {
                "course_id": self.course().id,
                "date_start": "%d-03-01" % YEAR, "date_end": "%d-03-02" % YEAR}),
            state))

    def enrolment(self, owner, state="done"):
        """An enrolment in a session in ``state``."""
        return self.shared(("enrolment", owner, state), lambda: self.create(
            "aux.training.enrolment", {"session_id": self.session(state).id,
                                       "employee_id": self.person(owner).id}))

    def life_event(self, owner, state="confirmed"):
        return self.shared(("life_event", owner, state), lambda: self.set_state(
            self.create("aux.life.event", {
                "name": "Matrix event %s %s" % (owner, state),
                "employee_id": self.person(owner).id, "event_date": "%d-04-01" % YEAR,
                "event_type_id": self.env.ref("aux_welfare.event_type_illness").id}),
            state))

    def talk(self, owner, state="planned"):
        return self.shared(("talk", owner, state), lambda: self.set_state(
            self.create("aux.talk", {"name": "Matrix talk %s %s" % (owner, state),
                                     "employee_id": self.person(owner).id}),
            state))

    def exit(self, owner):
        return self.shared(("exit", owner), lambda: self.set_state(
            self.create("aux.employee.exit", {
                "employee_id": self.person(owner).id, "exit_type": "exit",
                "reason_id": self.env.ref("aux_personnel.aux_exit_reason_resigned").id,
                "last_day": "%d-06-30" % YEAR}),
            "done"))

    def payslip(self, owner, state):
        # one payslip a month per person: the month follows the state
        month = {"draft": 1, "done": 2}[state]

        def make():
            date_from = "%d-%02d-01" % (YEAR, month)
            date_to = "%d-%02d-28" % (YEAR, month)
            slip = self.create("hr.payslip", {
                "name": "Matrix payslip %s %s" % (owner, state),
                "employee_id": self.person(owner).id, "contract_id": self.contract(owner).id,
                "struct_id": self.structure().id, "journal_id": self.journal().id,
                "date_from": date_from, "date_to": date_to,
                "payslip_run_id": self.payslip_run(PERSON_UNIT[owner]).id})
            rule = self.structure().rule_ids[:1]
            self.create("hr.payslip.line", {
                "slip_id": slip.id, "salary_rule_id": rule.id, "employee_id": slip.employee_id.id,
                "contract_id": slip.contract_id.id, "name": rule.name, "code": rule.code,
                "category_id": rule.category_id.id, "amount": 100.0, "quantity": 1.0,
                "rate": 100.0})
            self.create("hr.payslip.input", {
                "payslip_id": slip.id, "contract_id": slip.contract_id.id,
                "name": "Matrix input", "code": "MATRIX", "amount": 1.0})
            self.create("hr.payslip.worked_days", {
                "payslip_id": slip.id, "contract_id": slip.contract_id.id,
                "name": "Matrix days", "code": "WORK100", "number_of_days": 20.0})
            return self.set_state(slip, state)
        return self.shared(("payslip", owner, state), make)

    def payslip_run(self, owner):
        return self.shared(("run", owner), lambda: self.create("hr.payslip.run", {
            "name": "Matrix run %s" % owner, "aux_department_id": self.unit(owner).id,
            "is_aux": True,
            "date_start": "%d-05-01" % YEAR, "date_end": "%d-05-31" % YEAR,
            "journal_id": self.journal().id}))

    def mentorship(self, owner, state="active"):
        # the user (``me``) mentors the apprentices of ``mine`` and ``mine_unit``
        mentor = self.person("me") if owner in AUTHORED else self.sworn
        return self.shared(("mentorship", owner, state), lambda: self.set_state(
            self.create("aux.mentorship", {
                "mentor_id": mentor.id, "apprentice_id": self.person(owner).id,
                "date_start": "%d-01-01" % YEAR}),
            state))

    def training_plan(self, owner):
        return self.shared(("plan", owner), lambda: self.create("aux.training.plan", {
            "department_id": self.unit(owner).id, "year": YEAR}))


# factories -----------------------------------------------------------------

def _employee(w, owner, state):
    return w.person(owner)


def _contract(w, owner, state):
    return w.contract(owner)


def _grade_history(w, owner, state):
    # a person given a grade gets its history line from the entry date
    history = w.env["aux.grade.history"].search([("employee_id", "=", w.person(owner).id)])
    return history or w.create("aux.grade.history", {
        "employee_id": w.person(owner).id, "grade_id": w.grade.id,
        "date_from": "2020-01-01", "reason": "entry"})


def _signed_document(w, owner, state):
    return w.create("aux.signed.document", {
        "employee_id": w.person(owner).id, "doc_type": "integrity",
        "date_signed": "%d-01-15" % YEAR})


def _post_assignment(w, owner, state):
    post = w.shared("post", lambda: w.create("aux.post", {
        "name": "Matrix post", "code": "MXPOST", "department_id": w.unit("unit").id,
        "holder_type": "mixed", "capacity": 10}))
    return w.create("aux.post.assignment", {
        "employee_id": w.person(owner).id, "post_id": post.id,
        "date_from": "%d-01-01" % YEAR, "assignment_type": "main"})


def _employee_exit(w, owner, state):
    return w.exit(owner)


def _exit_equipment(w, owner, state):
    return w.create("aux.exit.equipment", {"exit_id": w.exit(owner).id, "item": "Matrix radio"})


def _sheet(w, owner, state):
    # one sheet a month per person: the period follows the state
    index = {"draft": 0, "confirmed": 1}[state]
    return w.shared(("sheet", owner, state), lambda: w.set_state(
        w.env["aux.assessment.sheet"]._generate(w.period(index), w.person(owner)), state))


def _sheet_line(w, owner, state):
    return _sheet(w, owner, state).line_ids


def _event(w, owner, state):
    return w.set_state(w.create("aux.assessment.event", {
        "employee_id": w.person(owner).id, "date": "%d-03-10" % YEAR,
        "type_id": w.env.ref("aux_assessment.event_type_late").id}), state)


def _discipline_case(w, owner, state):
    return w.set_state(w.create("aux.discipline.case", {
        "employee_id": w.person(owner).id, "violation_date": "2020-03-10",
        "sanction_type_id": w.env.ref("aux_assessment.sanction_type_criticism").id}), state)


def _finding(w, owner, state):
    return w.set_state(w.create("aux.inspection.finding", {
        "name": "Matrix finding %s" % owner, "department_id": w.person(owner).department_id.id,
        "responsible_id": w.person(owner).id, "date": "%d-03-01" % YEAR,
        "deadline": "%d-04-01" % YEAR}), state)


def _payslip(w, owner, state):
    return w.payslip(owner, state)


def _payslip_line(w, owner, state):
    return w.payslip(owner, state).line_ids


def _payslip_input(w, owner, state):
    return w.payslip(owner, state).input_line_ids


def _payslip_worked_days(w, owner, state):
    return w.payslip(owner, state).worked_days_line_ids


def _payslip_run(w, owner, state):
    return w.payslip_run(owner)


def _payroll_approval(w, owner, state):
    return w.create("aux.payroll.approval", {
        "run_id": w.payslip_run(owner).id, "step": "submit",
        "user_id": w.env.uid, "date": "%d-05-31 12:00:00" % YEAR})


def _bank_account(w, owner, state):
    """The salary account of the person (his file's bank account)."""
    person = w.person(owner)
    account = w.env["res.partner.bank"].create({
        "acc_number": "MATRIX-%s" % owner,
        "partner_id": w.env["res.partner"].create({"name": "Matrix home %s" % owner}).id})
    person.bank_account_id = account
    return account


def _iit_deduction(w, owner, state):
    return w.create("aux.iit.deduction", {
        "employee_id": w.person(owner).id, "deduction_type": "children_education",
        "amount": 1000.0, "date_from": "%d-01-01" % YEAR})


def _iit_opening(w, owner, state):
    return w.create("aux.iit.opening", {
        "employee_id": w.person(owner).id, "company_id": w.company.id,
        "year": YEAR, "months": 2})


def _enrolment(w, owner, state):
    return w.enrolment(owner, state)


def _exam_result(w, owner, state):
    return w.create("aux.training.exam.result", {
        "enrolment_id": w.enrolment(owner).id, "date": "%d-03-02" % YEAR})


def _certificate(w, owner, state):
    return w.create("aux.training.certificate", {
        "name": "Matrix certificate", "employee_id": w.person(owner).id,
        "date_issued": "%d-03-02" % YEAR})


def _compliance(w, owner, state):
    return w.create("aux.training.compliance", {
        "employee_id": w.person(owner).id,
        "requirement_id": w.env.ref("aux_training.aux_training_requirement_periodic").id})


def _training_plan(w, owner, state):
    return w.training_plan(owner)


def _training_plan_line(w, owner, state):
    return w.create("aux.training.plan.line", {
        "plan_id": w.training_plan(owner).id, "course_id": w.course().id})


def _mentorship(w, owner, state):
    return w.mentorship(owner, state)


def _mentorship_review(w, owner, state):
    return w.create("aux.mentorship.review", {
        "mentorship_id": w.mentorship(owner).id, "date": "%d-02-01" % YEAR,
        "comment": "Matrix review"})


def _family_member(w, owner, state):
    return w.create("aux.family.member", {
        "employee_id": w.person(owner).id, "relation": "spouse", "name": "Matrix spouse"})


def _life_event(w, owner, state):
    return w.life_event(owner, state)


def _care_visit(w, owner, state):
    return w.set_state(w.create("aux.care.visit", {
        "event_id": w.life_event(owner).id, "employee_id": w.person(owner).id,
        "visitor_role": "unit_leader", "deadline": "%d-04-08" % YEAR}), state)


def _talk(w, owner, state):
    return w.talk(owner, state)


def _talk_followup(w, owner, state):
    return w.create("aux.talk.followup", {"talk_id": w.talk(owner, state).id,
                                          "name": "Matrix follow-up"})


def _care_payment(w, owner, state):
    return w.set_state(w.create("aux.care.payment", {
        "name": "Matrix payment %s %s" % (owner, state), "employee_id": w.person(owner).id,
        "payment_type": "condolence", "amount": 500.0}), state)


def _health_check(w, owner, state):
    return w.create("aux.health.check", {
        "employee_id": w.person(owner).id, "check_date": "%d-05-01" % YEAR,
        "result": "fit"})


# aux_duty

def _roster(w, owner, state):
    return w.shared(("roster", owner, "unit"), lambda: w.create("aux.duty.roster", {
        "department_id": w.unit(owner).id, "date_from": "%d-02-01" % YEAR}))


def _roster_row(w, owner, state):
    unit = w.person(owner).department_id
    month = {"draft": 3, "published": 4}[state]
    roster = w.shared(("roster", unit.id, state), lambda: w.set_state(w.create(
        "aux.duty.roster", {"department_id": unit.id,
                            "date_from": "%d-%02d-01" % (YEAR, month)}), state))
    return w.create("aux.duty.roster.row", {"roster_id": roster.id,
                                            "employee_id": w.person(owner).id})


def _punch(w, owner, state):
    return w.create("aux.duty.punch", {"employee_id": w.person(owner).id,
                                       "punch_time": "%d-03-02 00:30:00" % YEAR})


def _duty_exception(w, owner, state):
    day = {"open": 2, "confirmed": 3, "excused": 4}[state]
    return w.set_state(w.create("aux.duty.exception", {
        "employee_id": w.person(owner).id,
        "department_id": w.person(owner).department_id.id,
        "date": "%d-03-%02d" % (YEAR, day), "kind": "late"}), state)


def _leave_request(w, owner, state):
    day = {"draft": 2, "submitted": 3, "approved": 4}[state]
    return w.set_state(w.create("aux.leave.request", {
        "employee_id": w.person(owner).id,
        "holiday_status_id": w.env.ref("aux_duty.leave_annual").id,
        "date_from": "%d-05-%02d" % (YEAR, day), "date_to": "%d-05-%02d" % (YEAR, day)}),
        state)



# reports (SQL views): the rows of the owner, once the records they read exist

def _view(model, field, unit=False):
    def build(w, owner, state):
        value = w.unit(owner).id if unit else w.person(owner).id
        return w.view_rows(model, field, value)
    return build


FACTORIES = {
    # aux_personnel
    "hr.employee": Factory(_employee, person=""),
    "hr.contract": Factory(_contract),
    "aux.grade.history": Factory(_grade_history),
    "aux.signed.document": Factory(_signed_document),
    "aux.post.assignment": Factory(_post_assignment),
    "aux.employee.exit": Factory(_employee_exit),
    "aux.exit.equipment": Factory(_exit_equipment, person="exit_id.employee_id"),
    "aux.team.composition.report": Factory(
        _view("aux.team.composition.report", "employee_id"), after=("aux.post.assignment",)),
    "aux.attrition.report": Factory(
        _view("aux.attrition.report", "employee_id"), after=("aux.employee.exit",)),
    "aux.attrition.rate.report": Factory(
        _view("aux.attrition.rate.report", "department_id", unit=True),
        person="department_id", after=("aux.employee.exit",)),
    # aux_assessment
    "aux.assessment.sheet": Factory(_sheet, states=("draft", "confirmed")),
    "aux.assessment.sheet.line": Factory(_sheet_line, person="sheet_id.employee_id",
                                         states=("draft", "confirmed"),
                                         state_path="sheet_id.state"),
    "aux.assessment.event": Factory(_event, states=("draft", "confirmed", "cancelled")),
    "aux.discipline.case": Factory(_discipline_case,
                                   states=("draft", "submitted", "confirmed")),
    "aux.inspection.finding": Factory(_finding, person="responsible_id",
                                      states=("open", "fixed")),
    # aux_payroll
    "hr.payslip": Factory(_payslip, states=("draft", "done"),
                          authors=("employee_id.department_id.manager_id.user_id",)),
    "hr.payslip.line": Factory(_payslip_line, person="slip_id.employee_id",
                               states=("draft", "done"), state_path="slip_id.state"),
    "hr.payslip.input": Factory(_payslip_input, person="payslip_id.employee_id",
                                states=("draft", "done"), state_path="payslip_id.state"),
    "hr.payslip.worked_days": Factory(_payslip_worked_days, person="payslip_id.employee_id",
                                      states=("draft", "done"), state_path="payslip_id.state"),
    "hr.payslip.run": Factory(_payslip_run, person="aux_department_id"),
    "aux.payroll.approval": Factory(_payroll_approval, person="run_id.aux_department_id"),
    "res.partner.bank": Factory(_bank_account, person="aux_employee_ids"),
    "aux.iit.deduction": Factory(_iit_deduction),
    "aux.iit.opening": Factory(_iit_opening),
    "aux.payroll.analysis": Factory(
        _view("aux.payroll.analysis", "employee_id"), after=("hr.payslip.line",)),
    "aux.payroll.cost": Factory(
        _view("aux.payroll.cost", "employee_id"), after=("hr.payslip.line",)),
    # aux_training
    "aux.training.enrolment": Factory(_enrolment, states=("draft", "open", "done"),
                                      state_path="session_id.state"),
    "aux.training.exam.result": Factory(_exam_result),
    "aux.training.certificate": Factory(_certificate),
    "aux.training.compliance": Factory(_compliance),
    "aux.training.plan": Factory(_training_plan, person="department_id"),
    "aux.training.plan.line": Factory(_training_plan_line, person="plan_id.department_id"),
    "aux.mentorship": Factory(_mentorship, person="apprentice_id",
                              states=("draft", "active", "done"),
                              authors=("mentor_id.user_id",)),
    "aux.mentorship.review": Factory(
        _mentorship_review, person="mentorship_id.apprentice_id",
        authors=("author_id", "mentorship_id.mentor_id.user_id")),
    # aux_welfare
    "aux.family.member": Factory(_family_member),
    "aux.life.event": Factory(_life_event, states=("draft", "confirmed", "closed")),
    "aux.care.visit": Factory(_care_visit, states=("todo", "overdue", "done"),
                              authors=("visitor_id",)),
    "aux.talk": Factory(_talk, states=("suggested", "planned", "held", "closed"),
                        authors=("talker_id",)),
    "aux.talk.followup": Factory(_talk_followup, person="talk_id.employee_id",
                                 states=("suggested", "planned", "held", "closed"),
                                 state_path="talk_id.state",
                                 authors=("user_id", "talk_id.talker_id")),
    "aux.care.payment": Factory(_care_payment, states=("draft", "unit", "paid")),
    "aux.health.check": Factory(_health_check),
    "aux.welfare.todo": Factory(
        _view("aux.welfare.todo", "employee_id"), authors=("user_id",),
        after=("aux.care.visit", "aux.talk")),
    # aux_duty
    "aux.duty.roster": Factory(_roster, person="department_id"),
    "aux.duty.roster.row": Factory(_roster_row, states=("draft", "published"),
                                   state_path="roster_id.state"),
    "aux.duty.punch": Factory(_punch),
    "aux.duty.exception": Factory(_duty_exception, states=("open", "confirmed", "excused")),
    "aux.leave.request": Factory(_leave_request, states=("draft", "submitted", "approved")),
    "aux.duty.attendance.report": Factory(
        _view("aux.duty.attendance.report", "employee_id"),
        after=("aux.duty.exception", "aux.leave.request")),
}


def build_all(world, kinds):
    """Build every factory's records: ``world.records[model][(owner, state)]``.
    ``kinds`` gives each model's kind (person or unit) from the matrix."""
    done = set()

    def build(model):
        if model in done:
            return
        for dependency in FACTORIES[model].after:
            build(dependency)
        factory = FACTORIES[model]
        owners = UNITS if kinds.get(model) == "unit" else PEOPLE
        world.records[model] = {
            (owner, state): factory.build(world, owner, state)
            for owner in owners for state in factory.states}
        done.add(model)

    for model in FACTORIES:
        build(model)
    return world.records
