# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Attendance benchmark: a month of clock-in punches for 10,000 people.

    . var/env && .venv/bin/python bench/duty_import.py [--db aux_bench_duty]
        [--people 10000] [--month 2026-03-01]

Creates the database with aux_duty (no demo) when it does not exist, and the
synthetic bureau of the payroll benchmark (bench/generate_bureau.py: 100
squadrons) with a Badge ID per person, once.  Then, in ONE transaction
rolled back at the end:

- one published roster per squadron for the month (a night shift or a
  24-hour duty every fourth day, a rest day in sixteen, day shifts otherwise),
- a terminal export (CSV, the shipped format) with two punches of every
  working shift: about 600,000 lines, a few late, early or missing,
- the import through the wizard's method (parse, check every line, one set
  INSERT) and the exceptions of the month (one set query),
- the same file imported again (nothing new: idempotent),
and prints each figure and the peak RSS.
"""
import argparse
import io
import os
import random
import resource
import subprocess
import sys
import time
from datetime import date, datetime, timedelta

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
TARGET_SECONDS = 60.0


def _database_ready(db):
    import psycopg2
    try:
        conn = psycopg2.connect(dbname=db)
    except psycopg2.OperationalError:
        return False
    try:
        with conn.cursor() as cr:
            cr.execute("SELECT state FROM ir_module_module WHERE name = 'aux_duty'")
            row = cr.fetchone()
            return bool(row and row[0] == "installed")
    except psycopg2.Error:
        return False
    finally:
        conn.close()


def _create_database(db):
    print("creating database %s with aux_duty (no demo) ..." % db, flush=True)
    subprocess.check_call([
        os.path.join(ROOT, "bin", "odoo"), "-d", db, "-i", "aux_duty",
        "--without-demo=all", "--stop-after-init", "--log-level=warn"], cwd=ROOT)


def _rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _rosters(env, root, month):
    """One published roster per squadron (rows inserted in one statement)."""
    from psycopg2.extras import execute_values
    ref = env.ref
    day, night, duty24, rest = (ref("aux_duty.shift_day").id, ref("aux_duty.shift_night").id,
                                ref("aux_duty.shift_duty24").id, ref("aux_duty.shift_rest").id)
    start = date.fromisoformat(month)
    last = (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    squadrons = env["hr.department"].search([("id", "child_of", root.id),
                                             ("child_ids", "=", False)])
    Roster = env["aux.duty.roster"].with_context(tracking_disable=True)
    rosters = {}
    for squadron in squadrons:
        rosters[squadron.id] = Roster.create({"department_id": squadron.id,
                                              "date_from": month}).id
    env.cr.execute("SELECT id, department_id FROM hr_employee WHERE department_id IN %s "
                   "AND active", (tuple(squadrons.ids),))
    rows = []
    for index, (emp_id, unit_id) in enumerate(env.cr.fetchall()):
        shifts = []
        for number in range(1, 32):
            if number > last.day:
                shifts.append(None)
                continue
            if (number + index) % 16 == 15:
                shifts.append(rest)
            elif (number + index) % 4 == 0:
                shifts.append(night if index % 2 else duty24)
            else:
                shifts.append(day)
        rows.append([rosters[unit_id], emp_id] + shifts + [env.uid, env.uid])
    columns = ", ".join("d%02d" % n for n in range(1, 32))
    execute_values(env.cr, """
        INSERT INTO aux_duty_roster_row (roster_id, employee_id, %s, create_uid, write_uid,
            create_date, write_date) VALUES %%s""" % columns, rows,
        template="(%s)" % ", ".join(["%s"] * 35 + ["now() at time zone 'UTC'"] * 2),
        page_size=2000)
    env.cr.execute("""
        UPDATE aux_duty_roster_row r SET day_count = v.days, rest_count = v.rests,
               night_count = v.nights
          FROM (SELECT r.id, count(*) FILTER (WHERE s.kind != 'rest') AS days,
                       count(*) FILTER (WHERE s.kind = 'rest') AS rests,
                       sum(s.night_duty_count) AS nights
                  FROM aux_duty_roster_row r
                  CROSS JOIN LATERAL (VALUES %s) d(shift_id)
                  JOIN aux_duty_shift s ON s.id = d.shift_id
                 WHERE r.roster_id IN %%s GROUP BY r.id) v
         WHERE r.id = v.id""" % ", ".join("(r.d%02d)" % n for n in range(1, 32)),
        (tuple(rosters.values()),))
    env.cr.execute("UPDATE aux_duty_roster SET state = 'published' WHERE id IN %s",
                   (tuple(rosters.values()),))
    env.cr.execute("UPDATE aux_duty_roster_row SET state = 'published', date_from = %s, "
                   "department_id = ro.department_id FROM aux_duty_roster ro "
                   "WHERE ro.id = roster_id AND roster_id IN %s",
                   (month, tuple(rosters.values())))
    env["aux.duty.roster"].invalidate_cache()
    env["aux.duty.roster.row"].invalidate_cache()
    return len(rows)


def _punch_file(env, month, seed=20261205):
    """The terminal's CSV export: two punches per working shift."""
    rng = random.Random(seed)
    duties = env["aux.duty.roster"]._published_duties(
        env["hr.employee"].search([("barcode", "!=", False)]).ids, month,
        (date.fromisoformat(month).replace(day=28) + timedelta(days=4)).replace(day=1)
        .isoformat())
    shifts = {s.id: s for s in env["aux.duty.shift"].search([])}
    env.cr.execute("SELECT id, barcode FROM hr_employee WHERE barcode IS NOT NULL")
    badges = dict(env.cr.fetchall())
    out = io.StringIO()
    out.write("工号,姓名,打卡时间,设备\n")
    lines = 0
    for (emp_id, day), shift_id in sorted(duties.items()):
        shift = shifts[shift_id]
        if shift.kind == "rest" or rng.random() < 0.002:
            continue
        start = datetime.fromisoformat(day) + timedelta(hours=shift.start_hour)
        end = start + timedelta(hours=shift.duration)
        arrive = start - timedelta(minutes=rng.randint(1, 25))
        if rng.random() < 0.01:
            arrive = start + timedelta(minutes=rng.randint(6, 40))
        leave = end + timedelta(minutes=rng.randint(0, 30))
        if rng.random() < 0.005:
            leave = end - timedelta(minutes=rng.randint(10, 90))
        for moment in (arrive, leave):
            out.write("%s,某人,%s,东门\n" % (badges[emp_id],
                                          moment.strftime("%Y-%m-%d %H:%M:%S")))
            lines += 1
    return out.getvalue().encode("utf-8"), lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default="aux_bench_duty")
    parser.add_argument("--people", type=int, default=10000)
    parser.add_argument("--month", default="2026-03-01")
    args = parser.parse_args()
    if not _database_ready(args.db):
        _create_database(args.db)

    import odoo
    from odoo import SUPERUSER_ID, api

    import generate_bureau

    odoo.tools.config.parse_config(["-c", os.path.join(ROOT, "odoo.conf"), "-d", args.db,
                                    "--log-level=warn"])
    registry = odoo.registry(args.db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"lang": "en_US"})
        start = time.perf_counter()
        root, _journal = generate_bureau.generate(env, args.people, args.month)
        # a Badge ID each (9 digits: never one of hr_attendance's random 8-digit ones)
        cr.execute("UPDATE hr_employee SET barcode = (100000000 + id)::text "
                   "WHERE barcode IS NULL AND name LIKE 'BENCH Aux %%'")
        cr.commit()
        print("synthetic bureau ready in %.1f s" % (time.perf_counter() - start), flush=True)

    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"lang": "en_US", "tracking_disable": True})
        root = generate_bureau.bureau(env)
        print("measuring (one transaction, rolled back) ...", flush=True)
        t0 = time.perf_counter()
        rows = _rosters(env, root, args.month)
        print("rosters: %d rows published in %.1f s" % (rows, time.perf_counter() - t0),
              flush=True)
        t0 = time.perf_counter()
        content, lines = _punch_file(env, args.month)
        print("punch file: %d lines, %.1f MiB, written in %.1f s"
              % (lines, len(content) / 1048576.0, time.perf_counter() - t0), flush=True)
        Import = env["aux.duty.punch.import"]
        t0 = time.perf_counter()
        if os.environ.get("BENCH_PROFILE"):
            import cProfile
            import pstats
            profile = cProfile.Profile()
            profile.enable()
        result = Import._import_bytes(content, "bench.csv", compute=False)
        if os.environ.get("BENCH_PROFILE"):
            profile.disable()
            pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
        imported = time.perf_counter() - t0
        print("import (parse, check, insert): %d new punches in %.1f s"
              % (result["new"], imported), flush=True)
        t0 = time.perf_counter()
        month_end = (date.fromisoformat(args.month).replace(day=28) + timedelta(days=4)) \
            .replace(day=1) - timedelta(days=1)
        added = env["aux.duty.exception"]._aux_compute(args.month, month_end.isoformat())
        computed = time.perf_counter() - t0
        counts = env["aux.duty.exception"].read_group([], ["kind"], ["kind"])
        print("exceptions: %d found in %.1f s (%s)" % (added, computed, ", ".join(
            "%s %d" % (c["kind"], c["kind_count"]) for c in counts)), flush=True)
        total = imported + computed
        print("import + exceptions: %.1f s (target well under %.0f s)"
              % (total, TARGET_SECONDS), flush=True)
        t0 = time.perf_counter()
        again = Import._import_bytes(content, "bench.csv")
        print("same file again: %d new punches, %d new exceptions in %.1f s"
              % (again["new"], again["exceptions"], time.perf_counter() - t0), flush=True)
        print("peak RSS: %.0f MiB" % _rss_mib(), flush=True)
        cr.rollback()
    return 0 if total < TARGET_SECONDS else 1


if __name__ == "__main__":
    from odoo import api as odoo_api
    with odoo_api.Environment.manage():
        sys.exit(main())
