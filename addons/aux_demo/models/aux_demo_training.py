# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo bureau's training: a year of it.

Runs once (nothing is done when its courses already exist). Dates are
relative to today; the random draws are seeded, so every build gives the same
bureau.

What it builds, for the auxiliaries given (default: every auxiliary):

* ten courses (pre-job, in-service rotation, traffic control, first aid, law,
  fitness, self-defence, anti-fraud publicity, body cameras, a closed class
  for key staff) with hours, exam scale and pass mark;
* the pre-job training of every person: one session per entry year for the
  people who joined before the last twelve months (records taken over from
  paper), one per batch of new hires over the last twelve months, and next
  month's session for the people who joined lately;
* over the last twelve months an in-service rotation (3 days) per squadron and a
  catch-up class, and sessions of the other courses organised by the bureau
  or by a brigade, with sworn or external instructors, venues, capacity and
  cost; whole units are enrolled through the enrolment wizard where every
  auxiliary of the unit takes part; a few sessions next month;
* attendance of the past sessions, exam results (passed, failed then passed on
  a retake, failed, absent), certificates with validity (some expiring within
  the notice period, one expired);
* the annual plan of each brigade (and of the bureau) for this year;
* a skills competition with four events, scores and ranks;
* a law exam held three days ago, attendance recorded, results still to record;
* four mentoring pairs (a sworn mentor and a new auxiliary) with reviews;
* the compliance list, refreshed at the end.

A few people are left out of compliance on purpose: the people who joined
lately (pre-job training next month), one absent from last pre-job class and a
handful who missed their rotation without excuse.
"""
import random
from collections import namedtuple
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust

from ..tools import demo_xmlid, office_login

# key: (code, name, category, hours, days, scale maximum, pass mark,
#       certificate (name, validity in months, 0: no expiry) or None,
#       closed class, cost, venue, external instructor, description)
DEMO_COURSES = (
    ("pre_job", "GQ-01", "辅警岗前培训", "pre_job", 40, 5, 100, 60,
     ("辅警岗前培训合格证", 0), False, 8000, "市局警务实战训练基地", "省警察学院",
     "Pre-job training: law, discipline, duty procedures, radio use and first "
     "aid, one week before any duty."),
    ("rotation", "LX-01", "辅警在职轮训", "periodic", 24, 3, 100, 60,
     None, False, 3000, "市局警务实战训练基地", False,
     "In-service rotation training, three days every squadron each year."),
    ("traffic", "JT-01", "交通疏导与指挥手势", "periodic", 8, 1, 100, 60,
     None, False, 1200, "交警大队训练场", "市交警支队教官",
     "Traffic control: hand signals, accident scene protection."),
    ("first_aid", "JJ-01", "现场急救与心肺复苏", "periodic", 8, 1, 100, 80,
     ("急救员培训合格证", 24), False, 2400, "市急救中心培训室", "市急救中心 陈医生",
     "First aid and CPR; the certificate is valid two years."),
    ("law", "FL-01", "法律法规与执勤规范考试", "periodic", 4, 1, 100, 60,
     None, False, 300, "大队会议室", False,
     "Law and regulations, duty rules: study and written exam."),
    ("fitness", "TN-01", "体能训练", "skills", 8, 1, 0, 0,
     None, False, 500, "市局体能训练馆", False,
     "Fitness training: running, strength, obstacle course."),
    ("defence", "ZW-01", "徒手防卫与控制技术", "skills", 16, 2, 100, 60,
     ("徒手防卫与控制技术合格证", 12), False, 2000, "市局体能训练馆", "省警察学院 王教官",
     "Firearms-free self-defence and restraint; the certificate is valid one year."),
    ("anti_fraud", "FZ-01", "反电诈宣传业务培训", "periodic", 4, 1, 0, 0,
     None, False, 600, "市局反诈中心", "市反诈中心宣传组",
     "Anti-fraud publicity: common scams, community talks."),
    ("bodycam", "ZF-01", "执法记录仪使用与现场执法规范", "periodic", 4, 1, 100, 60,
     None, False, 500, "大队会议室", False,
     "Body cameras and on-scene procedure."),
    ("key_staff", "GG-01", "重点岗位骨干封闭培训班", "periodic", 40, 5, 100, 70,
     None, True, 15000, "省警察学院", "省警察学院",
     "Closed training class for team leads and key posts."),
)
DemoCourse = namedtuple("DemoCourse", (
    "key", "code", "name", "category", "hours", "days", "score_max", "pass_mark",
    "certificate", "closed", "cost", "venue", "external", "description"))
DEMO_EVENTS = (
    ("1000米跑", "秒", False, 215.0, 18.0),
    ("徒手防卫与控制", "分", True, 82.0, 7.0),
    ("交通指挥手势", "分", True, 85.0, 6.0),
    ("法律知识笔试", "分", True, 80.0, 9.0),
)
DEMO_REVIEWS = (
    "熟悉了辖区道路和执勤流程，能在师傅带领下完成路面巡逻。",
    "接处警记录规范了许多，对讲机使用熟练；群众沟通还需加强。",
    "已能独立完成简单警情的先期处置，执法记录仪使用规范。",
    "本月参加了岗位练兵，体能进步明显；法律知识还要多学。",
)
DEMO_GOALS = ("三个月内熟悉辖区和勤务流程，六个月内能独立完成路面执勤和简单警情先期处置；"
              "每月写一篇执勤体会。")


class AuxDemoTraining(models.AbstractModel):
    _name = "aux.demo.training"
    _description = "Demo Bureau: Training"

    # helpers

    @api.model
    def _demo_units(self, employees):
        """(squadrons, brigades, bureau): the units of the people, their parents
        (or themselves without a parent) and the common root if there is one."""
        units = employees.mapped("department_id").sorted("id")
        brigades = self.env["hr.department"]
        for unit in units:
            brigades |= unit.parent_id or unit
        brigades = brigades.sorted("id")
        roots = brigades.mapped("parent_id")
        bureau = roots if len(roots) == 1 and len(brigades) > 1 \
            and all(b.parent_id for b in brigades) else self.env["hr.department"]
        return units, brigades, bureau

    @api.model
    def _demo_officer(self):
        """The training officer's demo login ``aux_training`` (password =
        login), a sworn officer of the demo bureau's training section."""
        return office_login(self.env, "aux_training", "陈立新", "教育训练科科员",
                            "aux_training.group_aux_training_officer")

    @api.model
    def _demo_courses(self):
        Course = self.env["aux.training.course"]
        categories = {
            key: self.env.ref("aux_training.aux_training_category_%s" % key)
            for key in ("pre_job", "periodic", "skills")}
        courses = {}
        for spec in map(DemoCourse._make, DEMO_COURSES):
            course = Course.create({
                "name": spec.name, "code": spec.code,
                "category_id": categories[spec.category].id, "hours": spec.hours,
                "score_max": spec.score_max, "pass_mark": spec.pass_mark,
                "content": "<p>%s</p>" % spec.description,
            })
            demo_xmlid(course, "aux_training_course_%s_demo" % spec.code.lower().replace("-", "_"))
            courses[spec.key] = course
        return courses

    # generation

    @api.model
    def _generate(self, employees=None, today=None):
        """Build the demo; returns ``{kind: records}`` of what was created, or an
        empty dict when the demo courses exist already (runs once)."""
        if employees is None:
            # the training officer's demo login (also added to a demo built before it)
            self._demo_officer()
        if self.env.ref("aux_demo.aux_training_course_lx_01_demo",
                        raise_if_not_found=False):
            return {}
        self = self.with_context(tracking_disable=True, mail_create_nolog=True,
                                 mail_create_nosubscribe=True, mail_notrack=True)
        Employee = self.env["hr.employee"]
        all_aux = employees is None
        if all_aux:
            employees = Employee.search([("is_auxiliary", "=", True)])
        employees = employees.filtered("department_id").sorted("id")
        if not employees:
            return {}
        today = fields.Date.from_string(today or fields.Date.context_today(self))
        rng = random.Random(20260401)
        units, brigades, bureau = self._demo_units(employees)
        sworn = Employee.search([
            ("is_auxiliary", "=", False),
            ("department_id", "child_of", (bureau or brigades).ids)], order="id")
        # the self-service login of aux_personnel's demo gets a full record
        self_user = self.env.ref("aux_demo.user_aux_self_demo", raise_if_not_found=False)
        self_emp = self_user and self_user.employee_ids & employees or Employee
        others = employees - self_emp
        laggards = Employee.browse(sorted(rng.sample(others.ids, max(1, len(others) // 60))))
        gen = _DemoRun(self, rng, today, employees, sworn, units, brigades, bureau,
                       self_emp, laggards)
        gen.courses = self._demo_courses()
        gen.pre_job()
        gen.rotation()
        gen.other_courses()
        gen.upcoming()
        gen.certificates()
        result = gen.result
        result["plans"] = gen.plans()
        result["competitions"] = gen.competition()
        result["mentorships"] = gen.mentorships()
        result["awaiting_results"] = gen.awaiting_results()
        result["certificates"]._aux_refresh_state(fields.Date.to_string(today))
        self.env["aux.training.compliance"]._aux_refresh(
            None if all_aux else employees, on_date=fields.Date.to_string(today))
        return result


class _DemoRun(object):
    """State of one generation: the people, the courses, what was created."""

    def __init__(self, model, rng, today, employees, sworn, units, brigades, bureau,
                 self_emp, laggards):
        self.model = model
        self.env = model.env
        self.rng = rng
        self.today = today
        self.employees = employees
        self.sworn = sworn
        self.units = units
        self.brigades = brigades
        self.bureau = bureau
        self.self_emp = self_emp
        self.laggards = laggards
        # people who attend and pass whatever they are enrolled in
        self.sure = self_emp
        self.courses = {}
        self.specs = {spec[0]: DemoCourse._make(spec) for spec in DEMO_COURSES}
        # exam level of each person, drawn once
        self.levels = {}
        # outcomes given to the first examinees, so that every kind shows even
        # with few people: failed then passed on a retake, failed, absent
        self.forced = ["retake", "failed", "absent"]
        # set while generating: people who joined in the last three weeks,
        # people still without pre-job training, first-aid certificates due
        self.late_hires = self.pre_job_absent = self.first_aid_due = \
            self.env["hr.employee"]
        Session = self.env["aux.training.session"]
        self.result = {
            "sessions": Session, "enrolments": self.env["aux.training.enrolment"],
            "exam_results": self.env["aux.training.exam.result"],
            "certificates": self.env["aux.training.certificate"],
        }
        self.unit_aux = {}

    # dates and people

    def day(self, offset):
        return self.today + timedelta(days=offset)

    def entry(self, employee):
        return employee.entry_date and fields.Date.from_string(employee.entry_date) \
            or date(1990, 1, 1)

    def in_service(self, people, on_day):
        return people.filtered(lambda e: self.entry(e) <= on_day)

    def people_of(self, unit):
        return self.employees.filtered(
            lambda e: e.department_id == unit or e.department_id.parent_id == unit)

    def sample(self, people, count):
        people = people.sorted("id")
        count = min(count, len(people))
        return people.browse(sorted(self.rng.sample(people.ids, count)))

    def level(self, employee):
        return self.levels.setdefault(employee.id, self.rng.gauss(0.0, 1.0))

    # sessions and enrolments

    def session(self, key, start, unit=None, name=None, state="open", capacity=None,
                days=None, cost=None):
        """A session created in ``state`` (a past session is created open,
        its attendance and exams recorded, then closed: see :meth:`close`)."""
        spec = self.specs[key]
        end = start + timedelta(days=(days or spec.days) - 1)
        vals = {
            "course_id": self.courses[key].id,
            "name": name or "%s（%s）" % (spec.name, (unit or self.bureau).name or ""),
            "department_id": (unit or self.bureau).id or False,
            "date_start": "%s 01:00:00" % fields.Date.to_string(start),
            "date_end": "%s %s" % (fields.Date.to_string(end),
                                   "05:00:00" if spec.hours < 8 else "09:00:00"),
            "capacity": capacity if capacity is not None else 0,
            "cost": cost if cost is not None else spec.cost,
            "venue": spec.venue,
            "instructor_external": spec.external or False,
            "instructor_id": self.sworn and self.rng.choice(self.sworn.ids) or False,
            "closed_class": spec.closed,
            "state": state,
        }
        Session = self.env["aux.training.session"]
        # the demo sets the state of sessions as of today directly
        session = trust(Session).create(vals).with_env(Session.env)
        self.result["sessions"] |= session
        return session

    def close(self, session):
        """Mark ``session`` done (it is locked from then on)."""
        trust(session).write({"state": "done"})

    def enrol(self, session, people, unit=None):
        """Enrol ``people``; through the unit wizard when they are exactly the
        auxiliaries of ``unit`` (and its sub-units) not yet enrolled."""
        Enrolment = self.env["aux.training.enrolment"]
        if not people:
            return Enrolment
        if unit is not None:
            everyone = self.unit_aux.get(unit.id)
            if everyone is None:
                everyone = self.unit_aux[unit.id] = self.env["hr.employee"].search(
                    [("is_auxiliary", "=", True), ("department_id", "child_of", unit.id)])
            if set(everyone.ids) == set(people.ids):
                wizard = self.env["aux.training.enrol.unit"].create(
                    {"session_id": session.id, "department_id": unit.id})
                wizard.action_enrol()
                enrolments = Enrolment.search([("session_id", "=", session.id)])
                self.result["enrolments"] |= enrolments
                return enrolments
        self.env["aux.training.session"]._aux_check_capacity({session.id: len(people)})
        enrolments = Enrolment
        checked = trust(Enrolment, "aux_capacity_checked")
        for employee in people:
            enrolments |= checked.create(
                {"session_id": session.id, "employee_id": employee.id}).with_env(Enrolment.env)
        self.result["enrolments"] |= enrolments
        return enrolments

    def attend(self, enrolments, absent=None, excused=None, absent_share=0.03):
        """Record attendance: ``absent`` and ``excused`` people, a few random
        absences among the others (never the self-service person)."""
        absent = absent or self.env["hr.employee"]
        excused = excused or self.env["hr.employee"]
        by_value = {"present": enrolments.browse(), "absent": enrolments.browse(),
                    "excused": enrolments.browse()}
        for enrolment in enrolments:
            employee = enrolment.employee_id
            if employee in absent or employee in self.laggards:
                value = "absent"
            elif employee in excused:
                value = "excused"
            elif employee not in self.sure and self.rng.random() < absent_share:
                value = "excused" if self.rng.random() < 0.5 else "absent"
            else:
                value = "present"
            by_value[value] |= enrolment
        by_value["present"].action_mark_present()
        by_value["absent"].action_mark_absent()
        by_value["excused"].action_mark_excused()
        return by_value

    def exams(self, session, present, retake_days=7, perfect=False):
        """Exam results of the people present: mostly passed; some failed, most
        of them passing a retake a week later; a few absent from the exam."""
        if not session.score_max:
            return
        Result = self.env["aux.training.exam.result"]
        # recorded by the training officer's demo login when there is one
        officer = self.env.ref("aux_demo.user_aux_training_demo", raise_if_not_found=False)
        Recorder = Result.sudo(officer) if officer else Result
        sitting = session.date_end[:10]
        retake = fields.Date.to_string(
            fields.Date.from_string(sitting) + timedelta(days=retake_days))
        if retake > fields.Date.to_string(self.today):
            retake = fields.Date.to_string(self.today)
        scale, mark = session.score_max, session.pass_mark
        for enrolment in present.sorted("id"):
            employee = enrolment.employee_id
            outcome = None
            if self.forced and not perfect and employee not in self.sure \
                    and len(present) >= 4:
                outcome = self.forced.pop(0)
            draw = self.rng.random()
            if outcome is None and not perfect:
                outcome = "absent" if draw < 0.02 else None
            if perfect:
                outcome = None
            # about one in sixteen below the pass mark
            score = round(min(scale, max(0.0, mark + (scale - mark) * (
                0.5 + 0.25 * self.level(employee) + self.rng.gauss(0.0, 0.2)))))
            if employee in self.sure or perfect:
                score = max(score, min(scale, mark + 12))
            if outcome in ("retake", "failed"):
                score = max(0.0, mark - self.rng.randint(3, 15))
            if outcome == "absent":
                vals = [{"is_absent": True, "score": 0.0, "date": sitting}]
            else:
                vals = [{"score": score, "date": sitting}]
            failed = outcome == "absent" or score < mark
            if failed and outcome != "failed" and (outcome or self.rng.random() < 0.75):
                vals.append({"score": min(scale, mark + self.rng.randint(0, 15)),
                             "date": retake})
            # attempts are numbered by the server in this order
            for values in vals:
                values.update(enrolment_id=enrolment.id)
                self.result["exam_results"] |= Recorder.create(values).with_env(Result.env)

    def run(self, key, start, people, unit=None, wizard_unit=None, state="done",
            absent=None, excused=None, perfect=False, **extra):
        """A session of ``key`` with ``people`` enrolled; attendance and exams
        when it is over (``perfect``: everybody present and passed)."""
        capacity = extra.pop("capacity", None)
        if capacity is None:
            capacity = (len(people) // 10 + 1) * 10 + 10
        session = self.session(key, start, unit=unit, state="open" if state == "done" else state,
                               capacity=capacity, **extra)
        # the stored computed fields of the enrolments (credits, exam results)
        # are computed once per session, not after each create
        with self.env.norecompute():
            enrolments = self.enrol(session, people, unit=wizard_unit)
            if state == "done":
                present = self.attend(enrolments, absent=absent, excused=excused,
                                      absent_share=0.0 if perfect else 0.03)["present"]
                self.exams(session, present, perfect=perfect)
        self.model.recompute()
        if state == "done":
            self.close(session)
        return session

    # the year

    def pre_job(self):
        """Paper records of the pre-job training of people who joined before the
        last twelve months (one session per entry year), this year's batches,
        the people who joined in the last three weeks left for next month."""
        year_ago = self.day(-365)
        older = self.employees.filtered(lambda e: self.entry(e) < year_ago)
        by_year = {}
        for employee in older:
            by_year.setdefault(self.entry(employee).year, []).append(employee)
        Employee = self.env["hr.employee"]
        for year in sorted(by_year):
            people = Employee.browse([e.id for e in by_year[year]])
            start = min(self.entry(e) for e in people)
            session = self.session(
                "pre_job", start, name="辅警岗前培训（%d年度）" % year,
                capacity=0, cost=0)
            session.note = "历史纸质记录补录 (taken over from paper records)"
            with self.env.norecompute():
                self.enrol(session, people).action_mark_present()
            self.model.recompute()
            self.close(session)
        hires = self.employees.filtered(
            lambda e: year_ago <= self.entry(e) <= self.day(-21)).sorted(
                lambda e: (self.entry(e), e.id))
        batches = []
        for employee in hires:
            if batches and self.entry(employee) <= self.entry(batches[-1][0]) + timedelta(days=75):
                batches[-1].append(employee)
            else:
                batches.append([employee])
        self.late_hires = self.employees.filtered(lambda e: self.entry(e) > self.day(-21))
        self.pre_job_absent = Employee
        for index, batch in enumerate(batches):
            people = Employee.browse([e.id for e in batch])
            absent = Employee
            if index == len(batches) - 1 and len(people) > 1:
                absent = self.pre_job_absent = people.sorted("id")[-1]
            start = self.entry(batch[0])
            self.run("pre_job", start, people, absent=absent,
                     name="辅警岗前培训（%s期）" % fields.Date.to_string(start)[:7],
                     unit=None)

    def rotation(self):
        """One three-day rotation per squadron, this calendar year when enough
        of it has passed, else over the last twelve months; a catch-up class
        two weeks ago for the people excused or hired since."""
        first = max(date(self.today.year, 1, 10), self.day(-330))
        if (self.day(-20) - first).days < 60:
            first = self.day(-330)
        last = self.day(-28)
        step = (last - first).days / max(len(self.units), 1)
        excused_all = self.env["hr.employee"]
        missed = self.env["hr.employee"]
        for index, unit in enumerate(self.units):
            start = first + timedelta(days=int(index * step))
            people = self.employees.filtered(lambda e, u=unit: e.department_id == u)
            in_post = self.in_service(people, start) - self.late_hires
            missed |= people - in_post
            excused = self.sample(in_post - self.laggards - self.self_emp,
                                  max(0, len(in_post) // 20))
            excused_all |= excused
            self.run("rotation", start, in_post, unit=unit, wizard_unit=unit,
                     excused=excused)
        catch_up = (excused_all | missed) - self.late_hires - self.pre_job_absent
        if catch_up:
            self.run("rotation", self.day(-14), catch_up, unit=self.bureau or None,
                     name="辅警在职轮训（补训班）")

    def other_courses(self):
        """Sessions of the other courses over the last twelve months."""
        active = self.employees - self.late_hires - self.laggards

        def pick(pool, start, share, extra=None):
            pool = self.in_service(pool, start)
            chosen = self.sample(pool, max(2, int(len(pool) * share)))
            return chosen | self.in_service(extra or pool.browse(), start)

        for index, brigade in enumerate(self.brigades):
            people = self.people_of(brigade)
            # law exam of the whole brigade (through the wizard when all can sit)
            start = self.day(-250 + 20 * index)
            self.run("law", start, self.in_service(people - self.late_hires, start),
                     unit=brigade, wizard_unit=brigade)
            duty = (active & people).filtered(lambda e: e.aux_category in ("duty", False))
            start = self.day(-200 + 30 * index)
            self.run("traffic", start, pick(duty, start, 0.34), unit=brigade)
            # the first brigade's class is about to expire (valid one year)
            start = self.day(-345 + 60 * index)
            self.run("defence", start, pick(active & people, start, 0.25,
                                            self.self_emp & people),
                     unit=brigade)
            start = self.day(-300 + 70 * index)
            self.run("fitness", start, pick(active & people, start, 0.34), unit=brigade)
            if index:
                start = self.day(-150 + 25 * index)
                self.run("bodycam", start, pick(active & people, start, 0.34), unit=brigade)
        # first aid (valid two years): a class two years ago, renewed since but
        # for one person; a class twenty-three months ago, expiring soon; three
        # classes this year
        start = self.day(-770)
        old = pick(active, start, 1.0 / 30)
        self.run("first_aid", start, old, perfect=True)
        start = self.day(-718)
        self.first_aid_due = pick(active - old, start, 1.0 / 25)
        self.run("first_aid", start, self.first_aid_due, perfect=True)
        renewed = old.sorted("id")[1:]
        self.sure |= renewed
        rest = active - old - self.first_aid_due
        for offset in (-320, -190, -60):
            start = self.day(offset)
            people = pick(rest, start, 1.0 / 8, renewed)
            if offset == -190:
                people |= self.in_service(self.self_emp, start)
            renewed = renewed.browse()
            rest -= people
            self.run("first_aid", start, people)
        for offset in (-280, -90):
            start = self.day(offset)
            self.run("anti_fraud", start, pick(active, start, 1.0 / 6))
        leads = active.filtered(lambda e: e.aux_category == "coordinator") or active
        start = self.day(-120)
        self.run("key_staff", start, self.sample(self.in_service(leads, start), 20))

    def upcoming(self):
        """Next month: pre-job class for the people who joined lately or missed
        theirs, first aid renewal, traffic control of the first brigade, a law
        exam in draft."""
        trained = self.result["enrolments"].filtered(
            lambda e: e.course_id == self.courses["pre_job"] and e.attendance == "present"
        ).mapped("employee_id")
        late = self.employees - trained
        self.pre_job_absent |= late - self.late_hires
        if late:
            self.run("pre_job", self.day(8), late, state="open",
                     name="辅警岗前培训（%s期）" % fields.Date.to_string(self.day(8))[:7])
        self.run("first_aid", self.day(15), self.first_aid_due, state="open")
        brigade = self.brigades[0]
        unit = self.units.filtered(lambda u: u.parent_id == brigade)[:1] or brigade
        self.run("traffic", self.day(22), self.people_of(unit) if unit != brigade
                 else self.people_of(brigade), unit=brigade, wizard_unit=unit, state="open")
        self.run("law", self.day(29), self.employees.browse(), unit=self.brigades[-1],
                 state="draft")

    def awaiting_results(self):
        """A law exam of a squadron of the first brigade held three days ago:
        attendance recorded, the results still to record (the training
        officer's next task); the session stays open.  Drawn last, so that
        the rest of the demo stays as it was."""
        brigade = self.brigades[0]
        unit = self.units.filtered(lambda u: u.parent_id == brigade)[-1:] or brigade
        held = self.day(-3)
        people = self.in_service(self.people_of(unit), held) - self.late_hires
        if not people:
            return self.env["aux.training.session"]
        session = self.run("law", held, people, unit=unit, state="open",
                           name="法律法规月考（%s，%s）" % (
                               fields.Date.to_string(held)[:7], unit.name))
        with self.env.norecompute():
            self.attend(session.enrolment_ids)
        self.model.recompute()
        return session

    def certificates(self):
        """Certificates of the people who passed the exam of a course that
        issues one, from their latest such session (a renewal replaces the
        certificate); validity from the course."""
        Certificate = self.env["aux.training.certificate"]
        keys = {course.id: key for key, course in self.courses.items()}
        latest = {}
        for enrolment in self.result["enrolments"].filtered(
                lambda e: e.exam_result == "passed" and e.session_state == "done"
                and self.specs[keys[e.course_id.id]].certificate).sorted(lambda e: (e.date, e.id)):
            latest[(keys[enrolment.course_id.id], enrolment.employee_id.id)] = enrolment
        numbers = {}
        for (key, _employee_id), enrolment in sorted(
                latest.items(), key=lambda item: (item[1].date, item[1].id)):
            cert_name, months = self.specs[key].certificate
            issued = fields.Date.from_string(enrolment.session_id.date_end[:10])
            numbers[(key, issued.year)] = numbers.get((key, issued.year), 0) + 1
            self.result["certificates"] |= Certificate.create({
                "name": cert_name,
                "number": "%s-%d-%04d" % (self.specs[key].code[:2], issued.year,
                                          numbers[(key, issued.year)]),
                "employee_id": enrolment.employee_id.id,
                "course_id": enrolment.course_id.id,
                "session_id": enrolment.session_id.id,
                "date_issued": fields.Date.to_string(issued),
                "date_expiry": months and fields.Date.to_string(
                    issued + relativedelta(months=months)) or False,
            })

    def plans(self):
        """This year's plan of each brigade (and of the bureau): the courses it
        organises, participants, person-hours and budget, approved."""
        Plan = self.env["aux.training.plan"]
        plans = Plan
        year = self.today.year
        brigade_courses = ("rotation", "law", "traffic", "defence", "fitness", "bodycam")
        bureau_courses = ("pre_job", "first_aid", "anti_fraud", "key_staff")
        targets = [(b, brigade_courses) for b in self.brigades]
        if self.bureau:
            targets.append((self.bureau, bureau_courses))
        for index, (unit, keys) in enumerate(targets):
            headcount = len(self.people_of(unit)) if unit != self.bureau \
                else len(self.employees)
            lines = []
            for sequence, key in enumerate(keys, 1):
                spec = self.specs[key]
                share = {"rotation": 1.0, "law": 1.0, "pre_job": 0.1}.get(key, 0.3)
                participants = max(1, int(round(headcount * share)))
                # as many sessions as the unit holds this year
                sessions = len(self.result["sessions"].filtered(
                    lambda s, k=key, u=unit: s.course_id == self.courses[k]
                    and s.date_start[:4] == str(year) and s.department_id
                    and (s.department_id == u or s.department_id.parent_id == u)))
                lines.append((0, 0, {
                    "sequence": sequence * 10,
                    "course_id": self.courses[key].id,
                    "planned_participants": participants,
                    "planned_hours": participants * spec.hours,
                    "planned_budget": max(1, sessions) * spec.cost * 1.1,
                }))
            plan = Plan.create({"department_id": unit.id, "year": year, "line_ids": lines,
                                "note": "%d年度辅警教育训练计划" % year})
            plan.action_approve()
            demo_xmlid(plan, "aux_training_plan_%d_demo" % (index + 1))
            plans |= plan
        return plans

    def competition(self):
        """A skills competition six weeks ago: three people of each squadron,
        four events, every participant scored in each."""
        Competition = self.env["aux.training.competition"]
        Score = self.env["aux.training.competition.score"]
        competition = Competition.create({
            "name": "%d年度辅警岗位练兵比武" % self.today.year,
            "kind": "skills",
            "date": fields.Date.to_string(self.day(-45)),
            "department_id": self.bureau.id or self.brigades[:1].id,
            "note": "每个中队选派三名辅警参赛。",
        })
        demo_xmlid(competition, "aux_training_competition_skills_demo")
        active = self.employees - self.late_hires - self.laggards
        participants = self.env["hr.employee"]
        for unit in self.units:
            participants |= self.sample(active.filtered(
                lambda e, u=unit: e.department_id == u), 3)
        for sequence, (name, unit, higher, mean, spread) in enumerate(DEMO_EVENTS, 1):
            event = self.env["aux.training.competition.event"].create({
                "competition_id": competition.id, "sequence": sequence * 10,
                "name": name, "score_unit": unit, "higher_is_better": higher})
            # ranks computed once per event, not after each score
            with self.env.norecompute():
                for employee in participants:
                    sign = 1 if higher else -1
                    value = mean + sign * spread * self.level(employee) \
                        + self.rng.gauss(0.0, spread / 2)
                    Score.create({"event_id": event.id, "employee_id": employee.id,
                                  "score": round(min(value, 100.0) if higher else value)})
            self.model.recompute()
        competition.action_done()
        return competition

    def mentorships(self):
        """Four new auxiliaries of the last twelve months who completed pre-job
        training, each with a sworn mentor of their unit; reviews every month or
        so. The oldest pair is completed."""
        Mentorship = self.env["aux.mentorship"]
        Review = self.env["aux.mentorship.review"]
        pairs = Mentorship
        hires = (self.employees.filtered(
            lambda e: self.day(-365) <= self.entry(e) <= self.day(-60)
        ) - self.pre_job_absent).sorted(lambda e: (self.entry(e), e.id))
        # four hires spread over the year, so that the pairs are at different stages
        chosen = self.env["hr.employee"]
        step = len(hires) / 4.0
        for index in range(min(4, len(hires))):
            chosen |= hires[int(index * step)]
        if len(chosen) < 3:
            chosen |= self.sample(self.employees - chosen - self.late_hires, 3 - len(chosen))
        author = self.env.ref("aux_demo.user_aux_leader_demo", raise_if_not_found=False)
        for index, apprentice in enumerate(chosen.sorted(lambda e: (self.entry(e), e.id))):
            mentors = self.sworn.filtered(
                lambda e, u=apprentice.department_id: e.department_id == u) or self.sworn
            mentor = mentors and mentors[index % len(mentors)]
            if not mentor:
                mentor = (self.employees - apprentice - chosen)[:1]
            start = max(self.entry(apprentice), self.day(-330)) + timedelta(days=7)
            done = index == 0 and (self.today - start).days > 180
            # the demo sets the state of the pairs as of today directly; the
            # reviews are written before a completed pair is closed
            pair = trust(Mentorship).create({
                "mentor_id": mentor.id, "apprentice_id": apprentice.id,
                "date_start": fields.Date.to_string(start),
                "date_end": fields.Date.to_string(
                    start + relativedelta(months=6 if done else 12)),
                "goals": DEMO_GOALS,
                "state": "active",
            }).with_env(Mentorship.env)
            demo_xmlid(pair, "aux_mentorship_%d_demo" % (index + 1))
            review_day = start + relativedelta(months=1)
            for number, comment in enumerate(DEMO_REVIEWS):
                if review_day > self.today:
                    break
                trust(Review, "aux_stamp").create({
                    "mentorship_id": pair.id, "comment": comment,
                    "date": fields.Date.to_string(review_day),
                    "rating": str(min(5, 3 + number // 2 + self.rng.randint(0, 1))),
                    "author_id": author.id if author else self.env.uid,
                })
                review_day += relativedelta(months=1 if number < 2 else 2)
            if done:
                trust(pair).write({"state": "done"})
            pairs |= pair
        return pairs
