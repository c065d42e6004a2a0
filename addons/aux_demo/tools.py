# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the demo generators share: Chinese names, resident ID numbers and
mobile numbers drawn from a seeded random generator, a weighted choice, the
xmlids of generated records, the demo logins, and the accounts of the
salary rules.

Plain functions, no model: bench/generate_bureau.py uses them too."""
import random

from dateutil.relativedelta import relativedelta

from odoo import fields

from odoo.addons.aux_personnel.models.hr_employee import id_check_char

MODULE = "aux_demo"
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN_MALE = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆峰亮成龙志国建文东海林旭晨阳"
GIVEN_FEMALE = "芳娜敏静丽艳娟霞秀玲桂英燕红梅琳雪琴云莉婷慧颖佳倩欣怡悦蕾晶洁月萍丹"
# districts of Hangzhou: the first six digits of the demo's resident ID numbers
REGIONS = ("330102", "330105", "330106", "330108", "330110", "330122", "330127")


def account(env, code, name, type_xmlid, reconcile=False):
    """The account of ``code`` of the user's company, created when the chart
    has none."""
    Account = env["account.account"]
    return Account.search([("code", "=", code)], limit=1) or Account.create({
        "code": code, "name": name, "reconcile": reconcile,
        "user_type_id": env.ref(type_xmlid).id})


def salary_rule_accounts(env, expense, payable, liability, employer=None):
    """Book the auxiliary salary structure's rules that have no account yet:
    gross pay and employer contributions (``employer``, else ``expense``) as
    expenses, net pay as payable, contributions and tax withheld, and the
    employer's share, as liabilities."""
    structure = env.ref("aux_payroll.aux_salary_structure")
    for rule in structure.rule_ids | structure.rule_ids.mapped("child_ids"):
        code = rule.category_id.code
        if rule.account_debit or rule.account_credit:
            continue
        if code == "GROSS":
            rule.account_debit = expense
        elif code == "NET":
            rule.account_credit = payable
        elif code == "COMP":
            rule.write({"account_debit": (employer or expense).id,
                        "account_credit": liability.id})
        elif code in ("DED", "TAX"):
            rule.account_credit = liability


def weighted_choice(rng, pairs):
    """One value of ``pairs`` ((value, weight), ...), drawn with its weight."""
    total = sum(weight for _value, weight in pairs)
    pick = rng.uniform(0, total)
    for value, weight in pairs:
        pick -= weight
        if pick <= 0:
            return value
    return pairs[-1][0]


def person_name(rng, male, surname=None, second_given=0.6):
    """A Chinese name: ``surname`` (else one drawn), a given character and,
    with probability ``second_given``, a second one."""
    given = GIVEN_MALE if male else GIVEN_FEMALE
    name = (surname or rng.choice(SURNAMES)) + rng.choice(given)
    if rng.random() < second_given:
        name += rng.choice(given)
    return name


def mobile_phone(rng):
    return "1%d%09d" % (rng.choice((3, 5, 8)), rng.randint(0, 10 ** 9 - 1))


def resident_id(rng, birthday, male, used):
    """A valid resident ID number of a person born on ``birthday`` (a date)
    not in ``used`` (a set, to which it is added)."""
    while True:
        seq = rng.randint(0, 499) * 2 + (1 if male else 0)
        first17 = "%s%s%03d" % (rng.choice(REGIONS), birthday.strftime("%Y%m%d"), seq)
        number = first17 + id_check_char(first17)
        if number not in used:
            used.add(number)
            return number


def demo_xmlid(record, name):
    """Give ``record`` the xmlid ``aux_demo.<name>`` (noupdate: an update of
    aux_demo keeps what the generators made)."""
    record.env["ir.model.data"].create({
        "module": MODULE, "name": name, "model": record._name, "res_id": record.id,
        "noupdate": True})


def demo_login(env, login, name, group_xmlid, employee=None):
    """The demo login ``login`` (xmlid ``aux_demo.user_<login>_demo``,
    password = login, the bureau's language and time zone, an e-mail address:
    the chatter's messages need the author's address) with the group of its
    role; linked to ``employee`` when given.  Made once: an existing login is
    returned as it is (a demo database updated by bin/demo gets the logins
    added since it was built)."""
    Users = env["res.users"].with_context(active_test=False)
    user = Users.search([("login", "=", login)])
    if user:
        return user
    lang = "zh_CN" if env["res.lang"].search(
        [("code", "=", "zh_CN"), ("active", "=", True)]) else "en_US"
    user = env["res.users"].with_context(no_reset_password=True).create({
        "name": employee and employee.name or name, "login": login, "password": login,
        "lang": lang, "email": "%s@bureau.example.com" % login, "tz": "Asia/Shanghai",
        "groups_id": [(6, 0, [env.ref(group_xmlid).id])],
    })
    data = env["ir.model.data"].search([
        ("module", "=", MODULE), ("name", "=", "user_%s_demo" % login)])
    if data:  # the login was renamed (tests make their own demo logins)
        data.res_id = user.id
    else:
        demo_xmlid(user, "user_%s_demo" % login)
    if employee:
        employee.user_id = user
    return user


def office_officer(env, name, department):
    """A sworn officer ``name`` of ``department`` for a demo login of the
    bureau's offices (the office, training and welfare sections work at
    bureau level, as the head of the office)."""
    Employee = env["hr.employee"]
    rng = random.Random(name)
    birthday = fields.Date.from_string("1980-01-01") + relativedelta(
        days=rng.randint(0, 3650))
    male = rng.random() < 0.5
    used = set(Employee.with_context(active_test=False).search(
        [("identification_id", "!=", False)]).mapped("identification_id"))
    return Employee.with_context(tracking_disable=True, mail_create_nolog=True).create({
        "name": name, "department_id": department.id, "is_auxiliary": False,
        "image": False, "gender": "male" if male else "female",
        "identification_id": resident_id(rng, birthday, male, used),
        "birthday": fields.Date.to_string(birthday), "education": "bachelor",
        "entry_date": fields.Date.to_string(birthday + relativedelta(years=23))})


def office_login(env, login, name, job, group_xmlid, bureau=None):
    """The demo login of an officer of the bureau's offices, linked to a
    sworn officer ``name`` of ``bureau`` (default: the demo bureau) made with
    the login; ``job`` names the login when there is no bureau."""
    user = env["res.users"].with_context(active_test=False).search([("login", "=", login)])
    if user:
        return user
    bureau = bureau or env.ref("%s.hr_department_bureau_demo" % MODULE,
                               raise_if_not_found=False)
    employee = bureau and office_officer(env, name, bureau) or None
    return demo_login(env, login, job, group_xmlid, employee)
