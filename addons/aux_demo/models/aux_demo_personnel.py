# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo bureau's people: one bureau, 3 brigades x 4 squadrons, about
300 auxiliaries and 100 sworn officers with valid resident ID numbers, grade
history within the grade caps, establishment quotas, a post catalogue per
squadron with the people's main posts, and the personnel logins (one per
role, password = login).  Runs once: nothing is made when the demo bureau
exists (only the logins and posts added since it was built)."""
import math
import random

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust

from ..tools import (demo_login, demo_xmlid, mobile_phone, office_login, person_name,
                     resident_id, weighted_choice)

BRIGADES = ("治安大队", "交通警察大队", "刑事侦查大队")
SQUADRONS = ("一中队", "二中队", "三中队", "四中队")
AUX_PER_SQUADRON = 25
SWORN_PER_SQUADRON = 8
CATEGORY_WEIGHTS = (("duty", 70), ("civilian", 20), ("coordinator", 10))
EDUCATION_WEIGHTS = (("high_school", 30), ("technical", 10), ("college", 38),
                     ("bachelor", 20), ("master", 2))
# The post catalogue of each demo squadron: key, name, holder type, maximum
# tenure in months (risk posts), team-lead role, duties.
DEMO_POSTS = (
    ("window", "窗口服务岗", "auxiliary", 0, False, "户籍、出入境咨询和材料初审，群众接待。"),
    ("road", "路面执勤岗", "mixed", 0, True, "路面巡逻、交通疏导、治安防控，民辅警混编。"),
    ("accident", "事故处理岗", "mixed", 36, False,
     "交通事故现场保护、勘查协助和调解材料整理；廉政风险岗位，定期轮岗。"),
    ("office", "内勤文书岗", "auxiliary", 0, False, "文书、档案、统计报表和会务。"),
    ("dispatch", "指挥调度岗", "sworn", 0, False, "接处警指挥调度，仅限在编民警。"),
    ("driver", "驾驶员岗", "auxiliary", 0, False, "警用车辆驾驶和日常保养。"),
)
# Which posts suit each category of auxiliaries (drawn at random).
DEMO_POST_BY_CATEGORY = {
    "duty": ("road", "road", "accident", "driver"),
    "civilian": ("window", "office"),
    "coordinator": ("road",),
}
# New hires hold no post until their pre-job training is done.
DEMO_POST_WAIT_DAYS = 60


class AuxDemoPersonnel(models.AbstractModel):
    _name = "aux.demo.personnel"
    _description = "Demo Bureau: Personnel"

    @api.model
    def _aux_demo_grade_lines(self, rng, entry_grade, entry, today, caps, probation):
        """Seniority promotions along the bands, then (sometimes) selection
        promotions into the capped grades while the unit's caps allow."""
        lines = []
        grade, start, reason = entry_grade, entry, "entry"

        def line(grade, start, end, reason):
            return (0, 0, {
                "grade_id": grade.id, "date_from": fields.Date.to_string(start),
                "date_to": end and fields.Date.to_string(end),
                "reason": reason,
                "decision_ref": reason != "entry" and "示范局辅字〔%d〕%d号" % (
                    start.year, rng.randint(1, 60)) or False,
            })

        while True:
            target = grade._next_grade()
            if not target:
                break
            band = relativedelta(months=int(round(target.min_years * 12)))
            enters_upper = target in caps["upper_grades"] and grade not in caps["upper_grades"]
            enters_top = target in caps["top_grades"] and grade not in caps["top_grades"]
            if target.promotion_mode == "seniority" and not enters_upper:
                begin = start + relativedelta(months=probation) if reason == "entry" else start
                promo, new_reason = begin + band, "seniority"
            else:
                promo = start + band + relativedelta(months=rng.randint(0, 24))
                new_reason = "selection"
                if rng.random() < 0.5 \
                        or (enters_upper and caps["upper"] >= caps["upper_limit"]) \
                        or (enters_top and caps["top"] + 1 > math.floor(
                            caps["upper"] * caps["top_share"] / 100.0)):
                    break
            if promo > today:
                break
            caps["upper"] += enters_upper and 1 or 0
            caps["top"] += enters_top and 1 or 0
            lines.append(line(grade, start, promo - relativedelta(days=1), reason))
            grade, start, reason = target, promo, new_reason
        lines.append(line(grade, start, False, reason))
        return lines

    @api.model
    def _generate(self, brigade_count=3, squadron_count=4, auxiliaries=AUX_PER_SQUADRON,
                  sworn=SWORN_PER_SQUADRON):
        """Build the bureau: ``brigade_count`` brigades of ``squadron_count``
        squadrons of ``auxiliaries`` auxiliaries and ``sworn`` sworn officers
        (the tests build a small one); returns whether it was built."""
        ref = self.env.ref
        bureau = ref("aux_demo.hr_department_bureau_demo", raise_if_not_found=False)
        if bureau:
            # built already: add the demo logins made since (bin/demo updates)
            self._aux_demo_users(bureau, ref("aux_demo.hr_department_brigade_1_demo"),
                                 ref("aux_demo.hr_department_squadron_1_1_demo"))
            self._aux_demo_posts(self.env["hr.department"].search(
                [("parent_id.parent_id", "=", bureau.id)]))
            return False
        rng = random.Random(20260101)
        Employee = self.env["hr.employee"].with_context(
            tracking_disable=True, mail_create_nolog=True, mail_create_nosubscribe=True,
            mail_notrack=True)
        Department = self.env["hr.department"]
        Quota = self.env["aux.establishment.quota"]
        Level = self.env["aux.entry.level"]
        company = self.env.user.company_id
        probation = company.aux_probation_months or 0
        today = fields.Date.from_string(fields.Date.context_today(self))
        rule_upper = self.env.ref("aux_personnel.aux_grade_quota_rule_upper")
        rule_top = self.env.ref("aux_personnel.aux_grade_quota_rule_top")
        used = set()

        bureau = Department.create({"name": "示范市公安局"})
        demo_xmlid(bureau, "hr_department_bureau_demo")
        squadrons = Department
        brigades = Department
        for b_index, b_name in enumerate(BRIGADES[:brigade_count], 1):
            brigade = Department.create({"name": b_name, "parent_id": bureau.id})
            demo_xmlid(brigade, "hr_department_brigade_%d_demo" % b_index)
            brigades |= brigade
            for s_index, s_name in enumerate(SQUADRONS[:squadron_count], 1):
                squadron = Department.create({"name": b_name[:-2] + s_name,
                                              "parent_id": brigade.id})
                demo_xmlid(squadron, "hr_department_squadron_%d_%d_demo" % (b_index, s_index))
                squadrons |= squadron

        def person(male, age_from, age_to):
            birthday = today - relativedelta(years=rng.randint(age_from, age_to),
                                             days=rng.randint(0, 364))
            return {
                "name": person_name(rng, male),
                "identification_id": resident_id(rng, birthday, male, used),
                "birthday": fields.Date.to_string(birthday),
                "gender": "male" if male else "female",
                "image": False,
                "political_status": weighted_choice(rng, (("cpc", 30), ("cyl", 30),
                                                    ("masses", 40))),
                "is_veteran": rng.random() < 0.25,
                "mobile_phone": mobile_phone(rng),
            }, birthday

        # sworn staff: leaders of the bureau and brigades, 8 per squadron
        leaders = Employee
        for dept in bureau | brigades:
            vals, _birthday = person(True, 40, 55)
            vals.update({"department_id": dept.id, "is_auxiliary": False,
                         "entry_date": fields.Date.to_string(
                             today - relativedelta(years=rng.randint(15, 25)))})
            leader = Employee.create(vals)
            dept.manager_id = leader
            leaders |= leader
        for squadron in squadrons:
            for _i in range(sworn):
                vals, _birthday = person(rng.random() < 0.8, 25, 58)
                vals.update({"department_id": squadron.id, "is_auxiliary": False,
                             "education": weighted_choice(
                                 rng, (("bachelor", 70), ("master", 15), ("college", 15))),
                             "entry_date": fields.Date.to_string(
                                 today - relativedelta(years=rng.randint(1, 30)))})
                Employee.create(vals)

        # auxiliaries with quotas (head room per category) and grade history
        for squadron in squadrons:
            plan = {}
            people = []
            for _i in range(auxiliaries):
                category = weighted_choice(rng, CATEGORY_WEIGHTS)
                plan[category] = plan.get(category, 0) + 1
                people.append(category)
            for category, count in plan.items():
                Quota.create({"department_id": squadron.id, "category": category,
                              "quota": count + rng.randint(1, 3),
                              "year_from": today.year - 5})
            unit_quota = sum(Quota._unit_quota(squadron, fields.Date.to_string(today))
                             .values())
            caps = {
                "upper_grades": rule_upper.grade_ids, "upper": 0,
                "upper_limit": math.floor(unit_quota * rule_upper.max_share / 100.0),
                "top_grades": rule_top.grade_ids, "top": 0,
                "top_share": rule_top.max_share,
            }
            for category in people:
                male = rng.random() < (0.85 if category == "duty" else 0.5)
                vals, birthday = person(male, 20, 50)
                education = weighted_choice(rng, EDUCATION_WEIGHTS)
                earliest = birthday + relativedelta(years=19)
                latest_years = max(1, min(18, (today - earliest).days // 365))
                entry = today - relativedelta(years=rng.randint(0, latest_years),
                                              days=rng.randint(0, 364))
                entry = max(entry, earliest)
                level = Level._find(education, category, fields.Date.to_string(entry))
                cohort = "%d-%d" % (entry.year, 1 if entry.month <= 6 else 2)
                vals.update({
                    "department_id": squadron.id, "is_auxiliary": True,
                    "aux_category": category, "education": education,
                    "entry_date": fields.Date.to_string(entry), "cohort": cohort,
                    "recruitment_channel": "veteran" if vals["is_veteran"] else "open",
                    "emergency_contact_name": person_name(rng, not male),
                    "emergency_contact_phone": mobile_phone(rng),
                    "aux_grade_history_ids": level and self._aux_demo_grade_lines(
                        rng, level.grade_id, entry, today, caps, probation) or [],
                    "aux_signed_document_ids": [
                        (0, 0, {"doc_type": "integrity",
                                "date_signed": fields.Date.to_string(entry)}),
                        (0, 0, {"doc_type": "confidentiality",
                                "date_signed": fields.Date.to_string(entry)}),
                    ],
                })
                Employee.create(vals)
        self._aux_demo_users(bureau, brigades, squadrons)
        self._aux_demo_posts(squadrons)
        return True

    @api.model
    def _aux_demo_posts(self, squadrons):
        """The post catalogue of each squadron (DEMO_POSTS) and the main post
        of its people: auxiliaries on the posts of their category from a date
        after their entry (some on a risk post longer than its maximum
        tenure: due for rotation), sworn officers on command and dispatch and
        beside auxiliaries on the mixed posts, an auxiliary team lead on road
        duty.  The people who joined in the last DEMO_POST_WAIT_DAYS days wait
        for their pre-job training and hold no post yet.  Made once (nothing
        when the squadrons have posts)."""
        Post = self.env["aux.post"].with_context(tracking_disable=True, mail_create_nolog=True)
        if not squadrons or Post.search_count([("department_id", "in", squadrons.ids)]):
            return Post
        rng = random.Random(20260301)
        today = fields.Date.from_string(fields.Date.context_today(self))
        waiting = fields.Date.to_string(today - relativedelta(days=DEMO_POST_WAIT_DAYS))
        # the people held these posts before aux_training's pre-job gate
        # existed (their pre-job training is taken over from paper records)
        Assignment = trust(self.env["aux.post.assignment"].with_context(
            tracking_disable=True, mail_create_nolog=True), "aux_training_skip_pre_job")
        posts = Post
        values = []
        for number, squadron in enumerate(squadrons.sorted("id"), 1):
            by_key = {}
            for sequence, (key, name, holder, tenure, lead, duties) in enumerate(DEMO_POSTS):
                by_key[key] = Post.create({
                    "name": name, "code": "%s-%02d" % (key, number), "sequence": sequence,
                    "department_id": squadron.id, "holder_type": holder, "duties": duties,
                    "is_risk_post": bool(tenure), "max_tenure_months": tenure,
                    "is_team_lead_post": lead})
                posts |= by_key[key]
            people = self.env["hr.employee"].search(
                [("department_id", "=", squadron.id)], order="id")
            lead = False
            for person in people:
                if person.is_auxiliary:
                    if not person.entry_date or person.entry_date > waiting:
                        continue
                    key = rng.choice(DEMO_POST_BY_CATEGORY.get(person.aux_category, ("road",)))
                else:
                    key = "dispatch" if rng.random() < 0.3 else rng.choice(("road", "accident"))
                entry = fields.Date.from_string(person.entry_date or "2015-01-01")
                start = max(entry, today - relativedelta(months=rng.randint(1, 72)))
                is_lead = key == "road" and person.is_auxiliary and not lead
                lead = lead or is_lead
                values.append({"employee_id": person.id, "post_id": by_key[key].id,
                               "date_from": fields.Date.to_string(start),
                               "is_team_lead": is_lead})
        for vals in values:
            Assignment.create(vals)
        return posts

    @api.model
    def _aux_demo_users(self, bureau, brigades, squadrons):
        """One user per role, password = login, for trying the web client."""
        Employee = self.env["hr.employee"]
        roles = [
            ("aux_manager", "辅警办主任", "group_aux_personnel_manager", bureau.manager_id),
            ("aux_officer", "辅警办干事", "group_aux_personnel_user", Employee),
            ("aux_leader", "大队长", "group_aux_personnel_unit_leader", brigades[0].manager_id),
            ("aux_self", "辅警本人", "group_aux_personnel_self",
             Employee.search([("department_id", "=", squadrons[0].id),
                              ("is_auxiliary", "=", True)], limit=1)),
        ]
        for login, name, group, employee in roles:
            demo_login(self.env, login, name, "aux_personnel.%s" % group, employee)
        office_login(self.env, "aux_office", "周明远", "辅警办科员",
                     "aux_personnel.group_aux_personnel_user", bureau)
