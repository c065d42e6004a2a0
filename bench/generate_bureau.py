# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Synthetic bureau for the payroll benchmark.

``generate(env, people=10000, month="2026-03-01")`` builds, once per
database, a bureau "BENCH Bureau" of 10 brigades x 10 squadrons with
``people`` auxiliaries: grades (the grade ladder of aux_personnel), main
posts, entry dates, running contracts on the auxiliary salary structure and
a CONFIRMED monthly assessment for the month (about 1% left without one, so
that the run shows warnings), establishment quotas, a chart of three
accounts and a salary journal.

Units, posts, quotas and periods go through the ORM.  The 10,000 people and
their contracts, grade history, post assignments and sheets are inserted
with parameterised SQL (execute_values): through the ORM they take ~0.1 s
each (about 20 minutes for the bureau), which is not what the benchmark
measures.  Only benchmark data is written this way, never business data.
"""
import random

from dateutil.relativedelta import relativedelta
from psycopg2.extras import execute_values

from odoo import fields

BUREAU = "BENCH Bureau"
BRIGADES = 10
SQUADRONS = 10
POSTS_PER_SQUADRON = 3
CATEGORIES = (("duty", 70), ("civilian", 20), ("coordinator", 10))
BANDS = (("aux_assessment.band_excellent", 15), ("aux_assessment.band_competent", 75),
         ("aux_assessment.band_basic", 8), ("aux_assessment.band_incompetent", 2))
NO_SHEET_SHARE = 0.01


def bureau(env):
    return env["hr.department"].search([("name", "=", BUREAU), ("parent_id", "=", False)],
                                       limit=1)


def _accounting(env):
    """Expense / payable / liability accounts, a salary journal, the accounts
    on the auxiliary rules and on the standard per-head costs (aux_demo's
    helpers; aux_demo need not be installed)."""
    from odoo.addons.aux_demo.tools import account, salary_rule_accounts

    expense = account(env, "B6601", "Auxiliary salaries", "account.data_account_type_expenses")
    payable = account(env, "B2211", "Salaries payable", "account.data_account_type_payable",
                      True)
    liability = account(env, "B2241", "Contributions payable",
                        "account.data_account_type_current_liabilities")
    journal = env["account.journal"].search([("code", "=", "BSAL")], limit=1) or \
        env["account.journal"].create({
            "name": "Auxiliary salaries", "code": "BSAL", "type": "general",
            "default_debit_account_id": liability.id,
            "default_credit_account_id": liability.id})
    salary_rule_accounts(env, expense, payable, liability)
    env["aux.budget.cost"].search([("account_id", "=", False)]).write(
        {"account_id": expense.id})
    return journal


def generate(env, people=10000, month="2026-03-01", seed=20260322):
    """Create the synthetic bureau (once).  Returns (bureau, journal)."""
    # the demo generators' weighted choice; imported here, once Odoo's
    # configuration (parsed after this module is imported) has put addons/
    # on the addons path
    from odoo.addons.aux_demo.tools import weighted_choice
    journal = _accounting(env)
    existing = bureau(env)
    if existing:
        return existing, journal
    rng = random.Random(seed)
    cr = env.cr
    company = env.user.company_id
    calendar = company.resource_calendar_id
    structure = env.ref("aux_payroll.aux_salary_structure")
    contract_type = env.ref("hr_contract.hr_contract_type_emp")
    grades = env["aux.grade"].search([("category", "in", ("all", "duty"))], order="sequence")
    Department = env["hr.department"].with_context(tracking_disable=True)
    root = Department.create({"name": BUREAU})
    squadrons = []
    for b_index in range(1, BRIGADES + 1):
        brigade = Department.create({"name": "BENCH Brigade %02d" % b_index,
                                     "parent_id": root.id})
        for s_index in range(1, SQUADRONS + 1):
            squadrons.append(Department.create({
                "name": "BENCH Squadron %02d-%02d" % (b_index, s_index),
                "parent_id": brigade.id}))
    per_unit = -(-people // len(squadrons))
    Post = env["aux.post"].with_context(tracking_disable=True)
    posts = {}
    for squadron in squadrons:
        posts[squadron.id] = [Post.create({
            "name": "BENCH post %d" % index, "department_id": squadron.id,
            "holder_type": "mixed", "capacity": per_unit}).id
            for index in range(POSTS_PER_SQUADRON)]
        env["aux.establishment.quota"].create({
            "department_id": squadron.id, "quota": per_unit + rng.randint(0, 5),
            "year_from": 2000})
    day = fields.Date.from_string(month)
    # people: resources, employees, grade history, posts, contracts
    rows = []
    for index in range(people):
        squadron = squadrons[index % len(squadrons)]
        entry = day - relativedelta(years=rng.randint(0, 20), days=rng.randint(0, 364))
        grade = grades[min(len(grades) - 1, max(0, len(grades) - 1 - (day - entry).days
                                                // (365 * 3) - rng.randint(0, 1)))]
        rows.append({
            "name": "BENCH Aux %05d" % index, "unit": squadron.id,
            "category": weighted_choice(rng, CATEGORIES), "grade": grade.id,
            "entry": fields.Date.to_string(entry),
            "cohort": "%d-%d" % (entry.year, 1 if entry.month <= 6 else 2),
            "post": rng.choice(posts[squadron.id]),
            "wage": 3000.0,
        })
    uid = env.uid
    resource_ids = execute_values(cr, """
        INSERT INTO resource_resource (name, resource_type, time_efficiency, calendar_id,
                                       company_id, active, create_uid, write_uid,
                                       create_date, write_date)
        VALUES %s RETURNING id""", [
        (r["name"], "user", 100, calendar.id, company.id, True, uid, uid)
        for r in rows], template="(%s, %s, %s, %s, %s, %s, %s, %s, now(), now())",
        page_size=1000, fetch=True)
    employee_ids = execute_values(cr, """
        INSERT INTO hr_employee (resource_id, name, company_id, active, department_id,
                                 is_auxiliary, aux_category, aux_grade_id, entry_date, cohort,
                                 create_uid, write_uid, create_date, write_date)
        VALUES %s RETURNING id""", [
        (res[0], r["name"], company.id, True, r["unit"], True, r["category"], r["grade"],
         r["entry"], r["cohort"], uid, uid)
        for res, r in zip(resource_ids, rows, strict=True)],
        template="(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, now(), now())",
        page_size=1000, fetch=True)
    for (emp_id,), row in zip(employee_ids, rows, strict=True):
        row["employee"] = emp_id
    execute_values(cr, """
        INSERT INTO aux_grade_history (employee_id, grade_id, date_from, reason,
                                       create_uid, write_uid, create_date, write_date)
        VALUES %s""", [(r["employee"], r["grade"], r["entry"], "entry", uid, uid)
                       for r in rows],
        template="(%s, %s, %s, %s, %s, %s, now(), now())", page_size=1000)
    execute_values(cr, """
        INSERT INTO aux_post_assignment (employee_id, post_id, department_id,
                                         employee_department_id, is_auxiliary, is_risk_post,
                                         company_id, date_from, assignment_type,
                                         create_uid, write_uid, create_date, write_date)
        VALUES %s""", [(r["employee"], r["post"], r["unit"], r["unit"], True, False,
                        company.id, r["entry"], "main", uid, uid) for r in rows],
        template="(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, now(), now())",
        page_size=1000)
    execute_values(cr, """
        INSERT INTO hr_contract (name, employee_id, department_id, type_id, date_start,
                                 resource_calendar_id, wage, company_id, state, struct_id,
                                 journal_id, is_auxiliary, aux_grade_id, aux_post_id,
                                 schedule_pay, create_uid, write_uid, create_date, write_date)
        VALUES %s""", [
        ("BENCH contract %s" % r["name"], r["employee"], r["unit"], contract_type.id,
         r["entry"], calendar.id, r["wage"], company.id, "open", structure.id, journal.id,
         True, r["grade"], r["post"], "monthly", uid, uid) for r in rows],
        template="(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s,"
                 " now(), now())", page_size=1000)
    # confirmed monthly assessment of the month
    Period = env["aux.assessment.period"]
    period = Period.search([("period_type", "=", "monthly"), ("date_from", "=", month)],
                           limit=1)
    if not period:
        Period._create_year(day.year)
        period = Period.search([("period_type", "=", "monthly"),
                                ("date_from", "=", month)], limit=1)
    scheme = env.ref("aux_assessment.scheme_default")
    bands = [(env.ref(xmlid), weight) for xmlid, weight in BANDS]
    sheets = []
    for row in rows:
        if rng.random() < NO_SHEET_SHARE:
            continue
        band = weighted_choice(rng, bands)
        sheets.append((row["employee"], row["unit"], period.id, "monthly", period.date_from,
                       period.date_to, day.year, scheme.id, band.min_score, band.id,
                       "confirmed", "%s %s" % (row["name"], period.name), uid, uid))
    execute_values(cr, """
        INSERT INTO aux_assessment_sheet (employee_id, department_id, period_id, period_type,
                                          period_date_from, period_date_to, year, scheme_id,
                                          total_score, band_id, state, name,
                                          create_uid, write_uid, create_date, write_date)
        VALUES %s""", sheets,
        template="(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, now(), now())",
        page_size=1000)
    env.cache.invalidate()
    return root, journal
