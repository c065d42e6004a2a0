# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The local date of a datetime and "today" (tools/local_time.py).

Hand-computed: Beijing is UTC+8 all year (no daylight saving time), so
2026-02-28 23:30 UTC is 2026-03-01 07:30 in Beijing, and the local day
2026-01-01 starts at 2025-12-31 16:00 UTC."""
from datetime import datetime

import pytz

from ..tools.local_time import (
    local_date, local_day_start, local_today, local_tz, sql_company_today)
from .common import AuxBureauCase


class TestLocalTime(AuxBureauCase):

    _aux_context = {"lang": "en_US"}
    _aux_tree = False

    @classmethod
    def setUpClass(cls):
        super(TestLocalTime, cls).setUpClass()
        Company = cls.env["res.company"]
        cls.bureau = Company.create({"name": "TZ Bureau"})
        cls.branch = Company.create({"name": "TZ Branch", "parent_id": cls.bureau.id})

        def user(login, company, tz=False):
            return cls._aux_user(login, "base.group_user", email=False, tz=tz,
                                 company_id=company.id, company_ids=[(6, 0, [company.id])])
        cls.beijing = user("tz_beijing", cls.bureau, "Asia/Shanghai")
        cls.utc = user("tz_utc", cls.bureau, "UTC")
        cls.no_tz = user("tz_none", cls.branch)

    def _as(self, user):
        return self.env["res.partner"].sudo(user)

    def test_local_date_of_a_datetime_is_the_users_day(self):
        beijing = self._as(self.beijing)
        self.assertEqual(local_date(beijing, "2026-02-28 23:30:00"), "2026-03-01",
                         "07:30 in Beijing on 1 March")
        self.assertEqual(local_date(beijing, "2026-03-01 15:59:59"), "2026-03-01")
        self.assertEqual(local_date(beijing, "2026-03-01 16:00:00"), "2026-03-02",
                         "midnight in Beijing")
        self.assertEqual(local_date(beijing, datetime(2026, 2, 28, 23, 30)), "2026-03-01")
        self.assertEqual(local_date(self._as(self.utc), "2026-02-28 23:30:00"), "2026-02-28")
        self.assertFalse(local_date(beijing, False))

    def test_today_at_seven_in_beijing_is_the_beijing_day(self):
        seven_in_beijing = datetime(2026, 2, 28, 23, 0)  # UTC
        self.assertEqual(local_today(self._as(self.beijing), seven_in_beijing), "2026-03-01")
        self.assertEqual(local_today(self._as(self.utc), seven_in_beijing), "2026-02-28")
        # without a timestamp: now, in the user's time zone
        now = datetime.now(pytz.timezone("Asia/Shanghai")).strftime("%Y-%m-%d")
        self.assertEqual(local_today(self._as(self.beijing)), now)

    def test_time_zone_falls_back_to_the_company_then_the_bureau(self):
        records = self._as(self.no_tz)
        self.assertEqual(local_tz(records), pytz.utc, "nobody has a time zone: UTC")
        self.bureau.partner_id.tz = "Asia/Shanghai"
        self.assertEqual(local_tz(records).zone, "Asia/Shanghai",
                         "a branch without a time zone takes the bureau's")
        self.branch.partner_id.tz = "Asia/Urumqi"
        self.assertEqual(local_tz(records).zone, "Asia/Urumqi", "the branch's own first")
        self.assertEqual(local_tz(self._as(self.utc)).zone, "UTC", "the user's own first")
        self.assertEqual(local_tz(records.with_context(tz="Europe/Paris")).zone,
                         "Europe/Paris", "the web client's context first")

    def test_local_day_start_in_utc(self):
        beijing = self._as(self.beijing)
        self.assertEqual(local_day_start(beijing, "2026-01-01"), "2025-12-31 16:00:00")
        self.assertEqual(local_day_start(self._as(self.utc), "2026-01-01"),
                         "2026-01-01 00:00:00")

    def test_sql_today_is_the_companys_day(self):
        # UTC+14 and UTC-12: at any hour one of them is not on the UTC date
        for tz in ("Pacific/Kiritimati", "Etc/GMT+12"):
            self.bureau.partner_id.tz = tz
            self.env.cr.execute("SELECT %s" % sql_company_today("%s"), (self.branch.id,))
            expected = datetime.now(pytz.timezone(tz)).strftime("%Y-%m-%d")
            self.assertEqual(str(self.env.cr.fetchone()[0]), expected, tz)
