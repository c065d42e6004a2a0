# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo bureau's care: a year of it.

For the auxiliaries of the demo bureau: family
members (parents, spouses, children) for most of them; about fifty life
events of the twelve months before today, of every type, of the person or a
family member, confirmed through ``action_confirm`` so that the must-visit
rules create the visit tasks and the condolence payment drafts; the visits
made on time or late with their records, a few recent ones still open and
overdue (the overdue cron flags and escalates them); heart-to-heart talks of
each trigger with follow-up actions; the care payments through the approval
chain unit -> office -> leader, most paid, a few waiting at each step; this
year's summer cooling and winter warmth campaigns generated, approved and
paid for a brigade each, and the birthday greetings of the month generated;
the annual health checks of last year and this year, some people still due.

Paid payments are charged to the care budget by ``_demo_care_budget``, once
the payroll demo has made this year's budget (``aux.demo`` calls it then):
the company's care expense account and the units' care analytic accounts are
set from the budget's Care line (else an account and analytic accounts of
their own are made).

Deterministic (seeded), idempotent (nothing is done when the people already
have life events), dates relative to today.
"""
import random
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo import SUPERUSER_ID, api, fields, models

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust

from ..tools import demo_xmlid, mobile_phone, office_login, person_name

SEED = 20260601
RELATION_LABELS = {"father": "父亲", "mother": "母亲", "spouse": "配偶", "child": "孩子",
                   "father_in_law": "岳父（公公）", "mother_in_law": "岳母（婆婆）"}
# What happened, by event type; %(relation)s is the family member concerned.
DESCRIPTIONS = {
    "illness": ("因急性阑尾炎住院手术", "腰椎间盘突出住院治疗", "肺炎住院治疗"),
    "illness_family": ("%(relation)s突发脑梗住院", "%(relation)s确诊肿瘤入院手术",
                       "%(relation)s心脏病发作住院"),
    "injury": ("夜间巡逻追捕嫌疑人时扭伤脚踝", "交通执勤时被违法车辆刮伤左腿",
               "处置纠纷时被当事人打伤面部"),
    "bereavement": ("%(relation)s因病去世", "%(relation)s因意外去世"),
    "marriage": ("登记结婚，婚礼在老家举行",),
    "childbirth": ("妻子顺产一子，母子平安", "喜得千金，母女平安"),
    "hardship": ("家中房屋因暴雨受损，一时无处居住", "配偶重病，家庭医疗负担重",
                 "父亲病故后需独自赡养母亲并偿还医疗欠款"),
    "other": ("孩子考入大学",),
}
MEDICAL = {
    "illness": "住院治疗，预计休养四周。",
    "injury": "软组织损伤，经医院处理，休息两周。",
}
VISIT_LOCATIONS = {
    "illness": "市第一人民医院住院部", "injury": "市中医院骨伤科",
    "bereavement": "家中", "marriage": "中队会议室", "childbirth": "家中",
    "hardship": "家中",
}
VISIT_SUMMARIES = {
    "illness": "了解病情和治疗情况，转达局党委的关心，叮嘱安心养病，工作由中队统筹安排。",
    "injury": "询问伤情和工伤认定进度，肯定执勤中的表现，提醒注意执勤安全。",
    "bereavement": "代表单位致以哀悼，慰问家属，询问后事安排是否需要帮助。",
    "marriage": "送上单位的祝福，了解婚假和婚后住房安排。",
    "childbirth": "看望产妇和新生儿，送上慰问品，了解陪产假安排。",
    "hardship": "实地了解家庭困难，听取诉求，讲解困难帮扶政策。",
}
VISIT_FOLLOW_UPS = {
    "illness": "出院后安排一个月白班过渡。",
    "injury": "协助办理工伤认定材料，伤愈前调整岗位。",
    "bereavement": "按规定批准丧假，中队安排人员协助。",
    "marriage": "按规定落实婚假。",
    "childbirth": "落实陪产假，中队调整排班。",
    "hardship": "提交困难补助申请，纳入帮扶台账，每季度回访。",
}
# Talks by trigger: (subject, reason or topics, what was said, follow-up actions).
TALKS = {
    "event": ("生活事件谈心", "近期家中变故，了解思想状况和实际困难",
              "情绪基本稳定，希望近期少排夜班。", ("近一个月调整为白班", "每两周电话回访一次")),
    "warning": ("预警谈心", None, "承认近期状态不好，表示会调整，希望得到帮助。",
                ("推荐参加局心理咨询室疏导", "指定老队员结对帮带")),
    "routine": ("季度结对谈心", "工作量、夜班安排、学习和个人诉求",
                "对工作安排总体满意，希望增加业务培训机会。", ("报名参加下期业务培训",)),
    "mentoring": ("新警帮带谈心", "岗位适应、业务学习和纪律要求",
                  "适应较快，对接处警流程还不熟练。", ("跟班学习接处警流程两周",
                                                      "月底复盘一次")),
}
WARNING_REASONS = ("本月连续三次迟到，工作状态下滑", "与同事发生争执，情绪低落",
                   "反映家庭矛盾较大，多次请假", "有网络借贷迹象，经济压力大",
                   "执勤中态度生硬被群众投诉", "考核排名连续两月靠后")
HEALTH_ATTENTION = ("血压偏高，建议三个月后复查。", "轻度脂肪肝，建议控制饮食。",
                    "视力下降，建议配镜后再从事驾驶岗位。")
# Events of the last weeks, on purpose: (who, type, days ago, family relation,
# reported by, state of the care payment, the visits: open / done / late).
# "leader": the unit of the demo unit leader; "me": the demo self-service
# user; "other": the other units.
RECENT_EVENTS = (
    ("leader", "illness", 6, "father", "colleague", "draft", "open"),
    ("leader", "childbirth", 12, "child", "self", "unit", "open"),
    ("leader", "marriage", 2, False, "self", False, "open"),
    ("other", "injury", 4, False, "unit", "unit", "open"),
    ("other", "bereavement", 1, "mother", "colleague", "draft", "open"),
    ("other", "hardship", 9, False, "unit", "office", "done"),
    ("other", "illness", 15, False, "self", "approved", "late"),
    ("leader", "bereavement", 20, "father", "unit", "office", "done"),
    ("other", "injury", 25, False, "unit", "approved", "done"),
    ("me", "childbirth", 18, "child", "self", "office", "done"),
    ("me", "illness", 150, "father", "self", "paid", "done"),
)
# Older events (20 to 365 days ago): type, concerns a family member, how many.
OLDER_EVENTS = (
    ("illness", False, 4), ("illness", "parent", 4), ("injury", False, 4),
    ("bereavement", "parent", 5), ("marriage", False, 6), ("childbirth", "child", 5),
    ("hardship", False, 4), ("other", "child", 2),
)


class AuxDemoWelfare(models.AbstractModel):
    _name = "aux.demo.welfare"
    _description = "Demo Bureau: Welfare"

    # ------------------------------------------------------------------ helpers
    @api.model
    def _demo_employees(self):
        """The auxiliaries of the demo bureau (empty without it)."""
        bureau = self.env.ref("aux_demo.hr_department_bureau_demo", raise_if_not_found=False)
        if not bureau:
            return self.env["hr.employee"]
        return self.env["hr.employee"].search([
            ("is_auxiliary", "=", True), ("department_id", "child_of", bureau.id)])

    @api.model
    def _demo_user(self, xmlid, group_xmlid):
        """The demo user of a role, else the first user of its group."""
        user = self.env.ref(xmlid, raise_if_not_found=False)
        if not user:
            user = self.env["res.users"].search([
                ("groups_id", "in", self.env.ref(group_xmlid).id),
                ("id", "!=", SUPERUSER_ID)], order="id", limit=1)
        return user or self.env.user

    @api.model
    def _demo_officer(self):
        """The welfare officer's demo login ``aux_welfare`` (password =
        login), a sworn officer of the demo bureau's welfare section."""
        return office_login(self.env, "aux_welfare", "林秀梅", "政治处关爱帮扶干事",
                            "aux_welfare.group_aux_welfare_officer")

    @api.model
    def _demo_unit_leader(self, employee, fallback):
        """The user of the manager of the person's unit (or nearest parent
        unit) when a unit leader, else ``fallback``."""
        department = employee.department_id
        while department and not department.manager_id.user_id:
            department = department.parent_id
        user = department.manager_id.user_id
        if user and self.env["res.users"].sudo(user).has_group(
                "aux_personnel.group_aux_personnel_unit_leader"):
            return user
        return fallback

    @api.model
    def _demo_age(self, employee, today):
        if not employee.birthday:
            return 30
        return relativedelta(today, fields.Date.from_string(employee.birthday)).years

    @api.model
    def _demo_units(self, employees):
        """(summer units, winter units, all units) of the campaigns: the first
        and second brigades of the demo bureau, else the first and second
        top units of the people."""
        ref = self.env.ref
        bureau = ref("aux_demo.hr_department_bureau_demo", raise_if_not_found=False)
        first = ref("aux_demo.hr_department_brigade_1_demo", raise_if_not_found=False)
        second = ref("aux_demo.hr_department_brigade_2_demo", raise_if_not_found=False)
        if bureau and first and second:
            return first, second, bureau
        roots = self.env["hr.department"]
        for unit in employees.mapped("department_id"):
            while unit.parent_id:
                unit = unit.parent_id
            roots |= unit
        roots = roots.sorted("id")
        return roots[:1], roots[1:2] or roots[:1], roots

    # --------------------------------------------------------------- generation
    @api.model
    def _generate(self, employees=None):
        """Build the welfare demo; returns the life events created. Runs once:
        nothing is done when the people already have life events."""
        self = self.with_context(tracking_disable=True, mail_create_nolog=True,
                                 mail_create_nosubscribe=True, mail_notrack=True)
        if employees is None:
            # the welfare officer's demo login (also added to a demo built before it)
            self._demo_officer()
        employees = self._demo_employees() if employees is None else employees
        if not employees or self.env["aux.life.event"].search_count(
                [("employee_id", "in", employees.ids)]):
            return self.env["aux.life.event"]
        rng = random.Random(SEED)
        today = fields.Date.from_string(fields.Date.context_today(self))
        users = {
            "office": self._demo_user("aux_demo.user_aux_officer_demo",
                                      "aux_personnel.group_aux_personnel_user"),
            "manager": self._demo_user("aux_demo.user_aux_manager_demo",
                                       "aux_personnel.group_aux_personnel_manager"),
            "welfare": self._demo_user("aux_demo.user_aux_welfare_demo",
                                       "aux_welfare.group_aux_welfare_officer"),
        }
        family = self._demo_family(employees, today, rng)
        events = self._demo_events(employees, family, today, rng, users)
        self._demo_talks(employees, events, today, rng, users)
        self._demo_campaigns(employees, today, users)
        self._demo_health_checks(employees, today, rng)
        self.env["aux.care.visit"]._cron_flag_overdue()
        return events

    @api.model
    def _demo_family(self, employees, today, rng):
        """Parents, spouses and children of four people in five:
        {employee id: {relation: family member}} (children under "child")."""
        Member = self.env["aux.family.member"]
        family = {}

        def add(employee, relation, name, birth, note=False):
            member = Member.create({
                "employee_id": employee.id, "relation": relation, "name": name,
                "birth_date": birth and fields.Date.to_string(birth),
                "phone": relation != "child" and mobile_phone(rng) or False,
                "note": note})
            family.setdefault(employee.id, {})[relation] = member
            return member

        for employee in employees:
            if rng.random() < 0.2:
                continue
            age = self._demo_age(employee, today)
            surname = employee.name[:1]
            born = today - relativedelta(years=age, days=rng.randint(0, 364))
            male = employee.gender != "female"
            if rng.random() < 0.8:
                add(employee, "father", person_name(rng, True, surname),
                    born - relativedelta(years=rng.randint(24, 32)),
                    rng.random() < 0.15 and "患高血压多年，需长期服药" or False)
            if rng.random() < 0.85:
                add(employee, "mother", person_name(rng, False),
                    born - relativedelta(years=rng.randint(22, 30)))
            if age >= 25 and rng.random() < 0.65:
                add(employee, "spouse", person_name(rng, not male),
                    born + relativedelta(years=rng.randint(-3, 3), days=rng.randint(0, 364)))
                for _i in range(rng.choice((0, 1, 1, 2))):
                    birth = born + relativedelta(years=rng.randint(24, max(24, age - 1)),
                                                 days=rng.randint(0, 364))
                    if birth < today:
                        add(employee, "child", person_name(rng, rng.random() < 0.5,
                                                               surname), birth)
        return family

    @api.model
    def _demo_events(self, employees, family, today, rng, users):
        """About fifty life events, confirmed; visits, payments and closing."""
        Event = self.env["aux.life.event"]
        Member = self.env["aux.family.member"]
        ref = self.env.ref
        types = {t.code: t for t in self.env["aux.life.event.type"].search([])}
        leader = ref("aux_demo.user_aux_leader_demo", raise_if_not_found=False)
        me_user = ref("aux_demo.user_aux_self_demo", raise_if_not_found=False)
        me = employees.filtered(lambda e: me_user and e.user_id == me_user)[:1] \
            or employees[:1]
        focus = employees.filtered(
            lambda e: leader and self._demo_unit_leader(e, False) == leader)
        if not focus:
            focus = employees[:max(1, len(employees) // 2)]
        others = (employees - focus) or employees
        pools = {"leader": focus - me or focus, "other": others, "me": me}
        used = set()

        def pick(pool, code=None):
            people = [e for e in pool if e.id not in used] or list(pool)
            if code == "marriage":
                # the unmarried (by the family record) marry
                people = [e for e in people
                          if "spouse" not in family.get(e.id, {})] or people
            employee = rng.choice(people)
            used.add(employee.id)
            return employee

        def member(employee, relation, event_date, code):
            known = family.setdefault(employee.id, {})
            if relation == "parent":
                relation = rng.choice(("father", "mother"))
            if relation == "child":
                # the newborn (or the child going to university) is recorded
                birth = event_date if code == "childbirth" else event_date - relativedelta(
                    years=18, days=rng.randint(0, 300))
                known["child"] = Member.create({
                    "employee_id": employee.id, "relation": "child",
                    "name": person_name(rng, rng.random() < 0.5, employee.name[:1]),
                    "birth_date": fields.Date.to_string(birth)})
            elif relation not in known:
                known[relation] = Member.create({
                    "employee_id": employee.id, "relation": relation,
                    "name": person_name(rng, relation == "father", employee.name[:1]),
                    "phone": mobile_phone(rng)})
            return known[relation]

        plans = []   # (event values, payment state, visits)
        for who, code, days, relation, reported, pay_state, visits in RECENT_EVENTS:
            plans.append((pick(pools[who], code), code, today - timedelta(days=days), relation,
                          reported, pay_state, visits))
        older = []
        for code, relation, count in OLDER_EVENTS:
            older += [(code, relation)] * count
        rng.shuffle(older)
        for index, (code, relation) in enumerate(older):
            days = 30 + (index * 335) // len(older) + rng.randint(0, 9)
            plans.append((pick(employees, code), code, today - timedelta(days=days), relation,
                          rng.choice(("self", "self", "colleague", "unit", "unit")),
                          "paid", "late" if index % 5 == 4 else "done"))
        event_plans = {}
        for employee, code, when, relation, reported, pay_state, visits in plans:
            concerned = member(employee, relation, when, code) if relation else Member
            key = "illness_family" if code == "illness" and relation else code
            text = rng.choice(DESCRIPTIONS[key]) % {
                "relation": RELATION_LABELS.get(concerned.relation, "")}
            # colleagues report to the welfare section
            reporter = {"self": employee.user_id, "colleague": users["welfare"],
                        "unit": self._demo_unit_leader(employee, users["office"])}[reported]
            # the generator records who reported the event (a workflow stamp)
            event = trust(Event).create({
                "employee_id": employee.id, "event_type_id": types[code].id,
                "family_member_id": concerned.id if code != "childbirth" else False,
                "event_date": fields.Date.to_string(when), "description": text,
                "medical_detail": MEDICAL.get(code) if not relation else False,
                "reported_by": reported, "reporter_id": (reporter or users["office"]).id,
            }).with_env(Event.env)
            if code == "marriage":
                family.setdefault(employee.id, {})["spouse"] = Member.create({
                    "employee_id": employee.id, "relation": "spouse",
                    "name": person_name(rng, employee.gender == "female"),
                    "phone": mobile_phone(rng)})
            elif code == "bereavement":
                concerned.note = "已于%s去世" % event.event_date
            event_plans[event] = (pay_state, visits)
        events = Event.browse([e.id for e in event_plans])
        events.action_confirm()
        self._demo_visits(event_plans, today, rng)
        self._demo_payments(event_plans, today, rng, users)
        cutoff = fields.Date.to_string(today - timedelta(days=45))
        old = events.filtered(lambda e: e.event_date < cutoff)
        old.filtered(lambda e: not e.visit_ids.filtered(
            lambda v: v.state in ("todo", "overdue"))).action_close()
        # still to confirm: reported today by a colleague; and a duplicate report
        employee = pick(pools["other"])
        events |= trust(Event).create({
            "employee_id": employee.id, "event_type_id": types["illness"].id,
            "event_date": fields.Date.to_string(today), "reported_by": "colleague",
            "reporter_id": users["welfare"].id,
            "description": "同事反映其昨晚因急性胃肠炎到医院急诊，待核实"}).with_env(Event.env)
        duplicate = Event.create({
            "employee_id": employee.id, "event_type_id": types["illness"].id,
            "event_date": fields.Date.to_string(today), "reported_by": "unit",
            "description": "重复上报"})
        duplicate.action_cancel()
        return events | duplicate

    @api.model
    def _demo_visits(self, event_plans, today, rng):
        """Record the visits that were made: on time, or late when planned so;
        the open ones stay to do (the overdue cron flags the late ones)."""
        for event, (_pay_state, plan) in event_plans.items():
            if plan == "open":
                continue
            code = event.event_type_id.code
            for visit in event.visit_ids:
                deadline = fields.Date.from_string(visit.deadline)
                event_date = fields.Date.from_string(event.event_date)
                if plan == "late":
                    when = deadline + timedelta(days=rng.randint(1, 5))
                else:
                    when = event_date + timedelta(days=rng.randint(
                        0, max(0, (deadline - event_date).days)))
                visitor = visit.visitor_id.name or "中队长"
                visit.write({
                    "visit_date": fields.Date.to_string(min(when, today)),
                    "participants": "%s、中队指导员" % visitor,
                    "location": VISIT_LOCATIONS.get(code, "家中"),
                    "summary": VISIT_SUMMARIES.get(code, "了解情况，转达单位关心。"),
                    "follow_up": VISIT_FOLLOW_UPS.get(code, False),
                })
            event.visit_ids.action_done()

    @api.model
    def _demo_payments(self, event_plans, today, rng, users):
        """Move the condolence and hardship payments of the events through the
        approval chain (unit leader, office, leader) to the planned state."""
        Payment = self.env["aux.care.payment"]
        order = ("draft", "unit", "office", "approved", "paid")
        by_state = {state: Payment for state in order}
        refused = Payment
        exceeded = False
        for event, (pay_state, _visits) in event_plans.items():
            payments = event.payment_ids
            if not payments or not pay_state:
                continue
            if pay_state == "paid" and event.event_type_id.code == "hardship":
                if not refused:
                    refused = payments
                    continue
                if not exceeded:
                    exceeded = True
                    payments.write({
                        "amount": payments.standard_amount * 2,
                        "over_standard_reason": "房屋严重受损、家庭无其他收入来源，"
                                                "经局党委会研究按两倍标准发放"})
            by_state[pay_state] |= payments
        steps = (("unit", "action_approve_unit"), ("office", "action_approve_office"),
                 ("approved", "action_approve_leader"), ("paid", "action_pay"))
        for index, (state, method) in enumerate(steps):
            todo = Payment.browse()
            for later in order[index + 1:]:
                todo |= by_state[later]
            if state == "unit":
                leaders = {}
                for payment in todo:
                    user = self._demo_unit_leader(payment.employee_id, users["manager"])
                    leaders.setdefault(user, Payment)
                    leaders[user] |= payment
                for user, payments in leaders.items():
                    payments.sudo(user).action_approve_unit()
            else:
                user = users["office"] if state in ("office", "paid") else users["manager"]
                getattr(todo.sudo(user), method)()
        # the history: paid some days after the event (the charge follows)
        for payment in by_state["paid"]:
            paid = fields.Date.from_string(payment.event_id.event_date) + timedelta(
                days=rng.randint(7, 25))
            trust(payment).write({"paid_date": fields.Date.to_string(min(paid, today))})
        by_state["paid"]._aux_charge_care_budget()
        refused.sudo(users["manager"]).action_refuse()

    @api.model
    def _demo_talks(self, employees, events, today, rng, users):
        """Talks of each trigger: most held and closed with their follow-up
        actions done, some held with actions open, some planned (one of the
        demo unit leader's overdue) and one suggested."""
        Talk = self.env["aux.talk"]
        leader = self.env.ref("aux_demo.user_aux_leader_demo", raise_if_not_found=False)
        # (trigger, person, days ago (negative: ahead), outcome, event)
        plans = []
        significant = events.filtered(lambda e: e.state in ("confirmed", "closed")
                                      and e.event_type_id.code in (
                                          "illness", "injury", "bereavement", "hardship"))
        for index, event in enumerate(significant.sorted("event_date")[-10:]):
            held_after = (today - fields.Date.from_string(event.event_date)).days
            outcome = "closed" if held_after > 20 else ("held" if index % 2 else "planned")
            plans.append(("event", event.employee_id,
                          max(0, held_after - 3) if outcome != "planned" else -2,
                          outcome, event))
        people = list(employees)
        rng.shuffle(people)
        focus = [e for e in people if leader and self._demo_unit_leader(e, False) == leader]
        for index, outcome in enumerate(("closed", "closed", "closed", "held", "overdue",
                                         "suggested")):
            person = focus[index % len(focus)] if outcome == "overdue" and focus \
                else people[index % len(people)]
            plans.append(("warning", person, {"closed": 150 - index * 40, "held": 10,
                                              "overdue": 3}.get(outcome, 0), outcome, False))
        for index in range(14):
            outcome = "closed" if index < 10 else ("held" if index < 12 else "planned")
            person = focus[index % len(focus)] if focus and index >= 12 \
                else people[(index + 6) % len(people)]
            days = 330 - index * 30 if outcome == "closed" else (
                12 - index if outcome == "held" else -5 - index)
            plans.append(("routine", person, days, outcome, False))
        newcomers = sorted(people, key=lambda e: e.entry_date or "", reverse=True)[:6]
        for index, person in enumerate(newcomers):
            outcome = ("closed", "closed", "closed", "closed", "held", "planned")[index]
            days = {"held": 7, "planned": -3}.get(outcome, 200 - index * 45)
            if person.entry_date and outcome == "closed":
                # held in the first weeks of service
                in_service = (today - fields.Date.from_string(person.entry_date)).days
                days = max(0, min(days, in_service - 14))
            plans.append(("mentoring", person, days, outcome, False))

        today_str = fields.Date.to_string(today)
        talks = Talk
        for trigger, person, days, outcome, event in plans:
            subject, topics, said, actions = TALKS[trigger]
            reason = rng.choice(WARNING_REASONS) if trigger == "warning" else (
                event.description if event else False)
            if outcome == "suggested":
                talks |= Talk._aux_suggest_talk(person, trigger, reason)
                continue
            when = fields.Date.to_string(today - timedelta(days=days))
            # the welfare section talks with the people showing warning signs
            talker = users["welfare"] if trigger == "warning" else \
                self._demo_unit_leader(person, users["manager"])
            vals = {
                "name": "%s：%s" % (subject, person.name), "trigger": trigger,
                "employee_id": person.id, "event_id": event.id if event else False,
                "reason": reason, "talker_id": talker.id, "date_planned": when,
                "topics": topics or reason, "state": "planned",
            }
            if outcome in ("closed", "held"):
                due = fields.Date.to_string(
                    today - timedelta(days=days) + timedelta(days=14))
                # a held talk has its last action open; a closed one has all done
                lines = []
                for position, action in enumerate(actions):
                    done = outcome == "closed" or position < len(actions) - 1
                    lines.append((0, 0, {"name": action, "user_id": talker.id,
                                         "due_date": due, "done": done,
                                         "done_date": done and min(due, today_str)}))
                vals.update({"date": when, "summary": said, "followup_ids": lines})
            talk = Talk.create(vals)
            if outcome in ("closed", "held"):
                talk.action_held()
            if outcome == "closed":
                talk.action_close()
            talks |= talk
        return talks

    @api.model
    def _demo_campaigns(self, employees, today, users):
        """Summer cooling and winter warmth of this year, generated, approved
        and paid for a brigade each; birthday greetings of the month generated."""
        Campaign = self.env["aux.care.campaign"]
        summer_units, winter_units, all_units = self._demo_units(employees)
        year = today.year
        summer = Campaign.create({
            "name": "%d年夏季防暑降温慰问" % year, "campaign_type": "summer",
            "date_from": "%d-06-01" % year, "date_to": "%d-08-31" % year,
            "amount": 200.0, "department_ids": [(6, 0, summer_units.ids)]})
        winter = Campaign.create({
            "name": "%d年冬季送温暖" % year, "campaign_type": "winter",
            "date_from": "%d-01-01" % year, "date_to": "%d-02-28" % year,
            "amount": 200.0, "department_ids": [(6, 0, winter_units.ids)]})
        month_end = date(year, today.month, 1) + relativedelta(months=1, days=-1)
        birthday = Campaign.create({
            "name": "%d年%d月生日慰问" % (year, today.month), "campaign_type": "birthday",
            "date_from": "%d-%02d-01" % (year, today.month),
            "date_to": fields.Date.to_string(month_end),
            "amount": 100.0, "department_ids": [(6, 0, all_units.ids)]})
        for campaign, paid_on in ((summer, date(year, 7, 10)), (winter, date(year, 1, 20)),
                                  (birthday, False)):
            if campaign.state == "draft":
                campaign.action_generate()
            if not paid_on or campaign.state != "generated" or paid_on > today:
                continue
            campaign.sudo(users["manager"]).action_approve()
            campaign.sudo(users["office"]).action_pay()
            trust(campaign.payment_ids).write({"paid_date": fields.Date.to_string(paid_on)})
            campaign.payment_ids._aux_charge_care_budget()
        if self.env.ref("aux_demo.hr_department_bureau_demo", raise_if_not_found=False):
            for name, record in (("aux_care_campaign_summer_demo", summer),
                                 ("aux_care_campaign_winter_demo", winter),
                                 ("aux_care_campaign_birthday_demo", birthday)):
                demo_xmlid(record, name)

    @api.model
    def _demo_health_checks(self, employees, today, rng):
        """Last year's check of every unit, this year's of all units but the
        last one; one person in ten missed each: they are due."""
        Check = self.env["aux.health.check"]
        units = employees.mapped("department_id").sorted("id")
        for unit_index, unit in enumerate(units):
            people = employees.filtered(lambda e, u=unit: e.department_id == u)
            last_year = today - relativedelta(months=12, days=rng.randint(10, 80))
            this_year = today - timedelta(days=rng.randint(20, 300))
            for index, person in enumerate(people):
                entered = person.entry_date and fields.Date.from_string(person.entry_date)
                for when, year_index in ((last_year, 0), (this_year, 1)):
                    if year_index and unit_index == len(units) - 1 and len(units) > 1:
                        continue  # this year's check of the unit is still to come
                    if (index + year_index) % 10 == 9 or (entered and entered > when):
                        continue
                    result = "fit" if rng.random() < 0.85 else "attention"
                    Check.create({
                        "employee_id": person.id, "check_date": fields.Date.to_string(when),
                        "result": result,
                        "medical_detail": result == "attention"
                        and rng.choice(HEALTH_ATTENTION) or False})

    # ------------------------------------------------------------- care budget
    @api.model
    def _demo_payroll_care_line(self):
        """(care expense account, {unit: analytic account}) of the Care line of
        aux_payroll's demo budget of this year, if there is one."""
        year = fields.Date.context_today(self)[:4]
        ref = self.env.ref
        budget = ref("aux_demo.crossovered_budget_%s_demo" % year, raise_if_not_found=False)
        cost = ref("aux_payroll.aux_budget_cost_care", raise_if_not_found=False)
        Department = self.env["hr.department"]
        if not budget or not cost:
            return self.env["account.account"], {}
        post = cost.budget_post_id
        accounts = post.account_ids
        account = (cost.account_id & accounts) or accounts[:1]
        analytics = budget.crossovered_budget_line.filtered(
            lambda line: line.general_budget_id == post).mapped("analytic_account_id")
        units = Department.search([("aux_analytic_account_id", "in", analytics.ids)])
        return account, {unit: unit.aux_analytic_account_id for unit in units}

    @api.model
    def _demo_care_budget(self):
        """Set the care expense account of the company and the care analytic
        accounts of the units where missing (from aux_payroll's demo budget,
        else accounts of their own), then charge the paid payments that are
        not charged yet; returns them."""
        company = self.env.user.company_id
        payments = self.env["aux.care.payment"].search([
            ("state", "=", "paid"), ("analytic_line_id", "=", False)])
        account, unit_accounts = self._demo_payroll_care_line()
        if not company.aux_care_expense_account_id:
            company.aux_care_expense_account_id = account or self._demo_care_account()
        for unit, analytic in unit_accounts.items():
            if not unit.aux_care_analytic_account_id:
                unit.aux_care_analytic_account_id = analytic
        units = payments.mapped("employee_id.department_id")
        defaults = units._aux_care_analytic_accounts()
        Analytic = self.env["account.analytic.account"]
        for unit in units.filtered(lambda u: not defaults[u.id]):
            unit.aux_care_analytic_account_id = Analytic.create({
                "name": "关爱经费 %s" % unit.display_name, "company_id": company.id})
        payments.action_charge_budget()
        return payments

    @api.model
    def _demo_care_account(self):
        Account = self.env["account.account"]
        return Account.search([("code", "=", "660199")], limit=1) or Account.create({
            "code": "660199", "name": "辅警关爱慰问 Auxiliary care payments",
            "user_type_id": self.env.ref("account.data_account_type_expenses").id})
