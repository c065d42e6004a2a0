# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Payroll kill test: a computation killed with SIGKILL leaves nothing half-written.

    . var/env && .venv/bin/python bench/payroll_kill.py [--db aux_bench_kill]
        [--employees 10000] [--month 2026-03-01] [--kill-at 0.5]
        [--stage compute|generate] [--template DB]

Creates the database with aux_payroll (no demo) when it does not exist (or
copies ``--template``), generates the synthetic bureau once
(bench/generate_bureau.py, committed), then:

1. makes a payroll run of the bureau for the month, committed: with
   ``--stage compute`` (default) its payslips are generated and committed,
   not computed; with ``--stage generate`` it has no payslip yet;
2. reference: the same action (``action_aux_compute`` or
   ``action_aux_generate``) uninterrupted, in a transaction rolled back:
   every payslip's lines (rule code and total) and its time;
3. starts the action in a subprocess (this script with ``--child``, which
   commits at the end), waits until its transaction is writing payslip lines
   and ``--kill-at`` of the reference time has passed, and kills it with
   SIGKILL;
4. checks that nothing half-written is left (see ``half_written``): the
   engine computes a run in batches of 2,000 payslips in ONE transaction
   (delete the lines and automatic inputs, insert the new ones with COPY,
   update number, warning and computation stamp of each payslip), so the
   payslips of the run must be all computed or none, no line without a
   total, no line or automatic input on a payslip not computed, one
   payslip a person, and the run not left locked;
5. runs the action again in a subprocess, to its end, and checks one payslip
   a person, all computed, and every payslip's lines equal to the reference;
6. deletes the run and its payslips (also done first, for the leftovers of
   an interrupted test), so the test can be run again on the same data.
"""
import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))

from payroll_run import _database_ready  # noqa: E402  (bench/ is on the path)

RUN_NAME = "BENCH kill test run"
AUTO_INPUTS = ("PERF_COEF", "REWARD", "UNPAID_DAYS", "ARREARS")


def _create_database(db, template):
    if template:
        print("creating database %s as a copy of %s ..." % (db, template), flush=True)
        subprocess.check_call(["createdb", "-T", template, db])
        return
    print("creating database %s with aux_payroll (no demo) ..." % db, flush=True)
    subprocess.check_call([
        os.path.join(ROOT, "bin", "odoo"), "-d", db, "-i", "aux_payroll",
        "--without-demo=all", "--stop-after-init", "--log-level=warn"], cwd=ROOT)


def _odoo(db):
    import odoo
    odoo.tools.config.parse_config(["-c", os.path.join(ROOT, "odoo.conf"), "-d", db,
                                    "--log-level=warn"])
    return odoo.registry(db)


def _env(cr):
    from odoo import SUPERUSER_ID, api
    return api.Environment(cr, SUPERUSER_ID, {"lang": "en_US", "tracking_disable": True})


def _run(env):
    return env["hr.payslip.run"].search([("name", "=", RUN_NAME)], limit=1)


def _delete_run(env):
    """Delete the test run and its payslips (lines follow by cascade)."""
    from odoo.addons.aux_personnel.models.aux_workflow_mixin import trust
    for run in env["hr.payslip.run"].search([("name", "=", RUN_NAME)]):
        trust(run.slip_ids).unlink()
        trust(run).unlink()


def child(db, run_id, stage):
    """The action of one user, in its own process and transaction."""
    registry = _odoo(db)
    with registry.cursor() as cr:
        env = _env(cr)
        run = env["hr.payslip.run"].browse(run_id)
        cr.execute("SELECT pg_backend_pid()")
        print("START %d" % cr.fetchone()[0], flush=True)
        if stage == "generate":
            run.action_aux_generate()
        else:
            run.action_aux_compute()
        cr.commit()
    print("DONE", flush=True)


def snapshot(cr, run_id):
    """{employee id: [(rule code, arrears period, total) ...]} of the run's
    payslips, and the payslip count (one query each)."""
    cr.execute("""
        SELECT s.employee_id, l.code, COALESCE(l.aux_arrears_date::text, ''), l.total
          FROM hr_payslip s JOIN hr_payslip_line l ON l.slip_id = s.id
         WHERE s.payslip_run_id = %s
      ORDER BY 1, 2, 3, 4""", (run_id,))
    lines = {}
    for employee_id, code, arrears, total in cr.fetchall():
        lines.setdefault(employee_id, []).append((code, arrears, round(total, 2)))
    cr.execute("SELECT count(*) FROM hr_payslip WHERE payslip_run_id = %s", (run_id,))
    return lines, cr.fetchone()[0]


def half_written(cr, run_id, expected):
    """The checks of step 4: [(label, value, ok)]."""
    checks = []

    def one(label, query, ok):
        cr.execute(query, {"run": run_id, "auto": AUTO_INPUTS})
        value = cr.fetchone()[0]
        checks.append((label, value, ok(value)))
        return value

    slips = one("payslips of the run",
                "SELECT count(*) FROM hr_payslip WHERE payslip_run_id = %(run)s",
                lambda n: n in (0, expected))

    def all_or_none(count):
        return count in (0, slips)

    one("  of them computed (stamp of the engine set)",
        "SELECT count(*) FROM hr_payslip WHERE payslip_run_id = %(run)s "
        "AND aux_rates_date IS NOT NULL", all_or_none)
    one("  of them numbered",
        "SELECT count(*) FROM hr_payslip WHERE payslip_run_id = %(run)s "
        "AND number IS NOT NULL", all_or_none)
    one("  of them with lines",
        "SELECT count(DISTINCT l.slip_id) FROM hr_payslip_line l "
        "JOIN hr_payslip s ON s.id = l.slip_id WHERE s.payslip_run_id = %(run)s",
        all_or_none)
    one("lines without a total or amount",
        "SELECT count(*) FROM hr_payslip_line l JOIN hr_payslip s ON s.id = l.slip_id "
        "WHERE s.payslip_run_id = %(run)s AND (l.total IS NULL OR l.amount IS NULL)",
        lambda n: n == 0)
    one("lines of a payslip not computed",
        "SELECT count(*) FROM hr_payslip_line l JOIN hr_payslip s ON s.id = l.slip_id "
        "WHERE s.payslip_run_id = %(run)s AND s.aux_rates_date IS NULL",
        lambda n: n == 0)
    one("automatic inputs of a payslip not computed",
        "SELECT count(*) FROM hr_payslip_input i JOIN hr_payslip s ON s.id = i.payslip_id "
        "WHERE s.payslip_run_id = %(run)s AND s.aux_rates_date IS NULL "
        "AND i.code IN %(auto)s", lambda n: n == 0)
    one("people with more than one payslip of the month",
        "SELECT count(*) FROM (SELECT s.employee_id FROM hr_payslip s "
        "JOIN hr_payslip r ON r.employee_id = s.employee_id AND r.id != s.id "
        "AND r.date_from = s.date_from AND r.state != 'cancel' "
        "WHERE s.payslip_run_id = %(run)s GROUP BY 1) AS twice", lambda n: n == 0)
    return checks


def print_checks(checks):
    for label, value, ok in checks:
        print("  %-52s %8s  %s" % (label, value, "OK" if ok else "HALF-WRITTEN"), flush=True)
    return all(ok for _label, _value, ok in checks)


def run_is_lockable(conn, run_id):
    """Whether the run can be locked at once (no stale lock of the killed
    transaction)."""
    import psycopg2
    with conn.cursor() as cr:
        try:
            cr.execute("SELECT id FROM hr_payslip_run WHERE id = %s FOR UPDATE NOWAIT",
                       (run_id,))
            return True
        except psycopg2.OperationalError:
            return False
        finally:
            conn.rollback()


def wait_backend_gone(conn, pid, timeout=120):
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        with conn.cursor() as cr:
            cr.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = %s", (pid,))
            gone = not cr.fetchone()[0]
        conn.rollback()  # pg_stat_activity is a snapshot per transaction
        if gone:
            return time.perf_counter() - start
        time.sleep(0.1)
    return None


def backend_state(conn, pid):
    """(writes payslip lines?, state, query) of the child's transaction."""
    with conn.cursor() as cr:
        cr.execute("""
            SELECT count(*) FROM pg_locks k JOIN pg_class c ON c.oid = k.relation
             WHERE k.pid = %s AND c.relname = 'hr_payslip_line'
               AND k.mode = 'RowExclusiveLock'""", (pid,))
        writing = bool(cr.fetchone()[0])
        cr.execute("SELECT state, left(regexp_replace(query, '\\s+', ' ', 'g'), 70) "
                   "FROM pg_stat_activity WHERE pid = %s", (pid,))
        row = cr.fetchone() or (None, None)
    return (writing,) + tuple(row)


def start_child(args, run_id):
    """The child's log goes to a file: a pipe nobody reads could block it."""
    log = tempfile.TemporaryFile(mode="w+")
    process = subprocess.Popen(
        [sys.executable, os.path.abspath(__file__), "--db", args.db, "--child", str(run_id),
         "--stage", args.stage],
        stdout=subprocess.PIPE, stderr=log, text=True, cwd=ROOT)
    process.log = log
    return process


def child_log(process):
    process.log.seek(0)
    return process.log.read()


def wait_start(process):
    line = process.stdout.readline()
    if not line.startswith("START"):
        process.wait()
        raise SystemExit("child did not start: %s %s" % (line, child_log(process)))
    return int(line.split()[1]), time.perf_counter()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default="aux_bench_kill")
    parser.add_argument("--employees", type=int, default=10000)
    parser.add_argument("--month", default="2026-03-01")
    parser.add_argument("--kill-at", type=float, default=0.5,
                        help="kill after this share of the reference time (once the "
                             "child's transaction writes payslip lines)")
    parser.add_argument("--stage", choices=("compute", "generate"), default="compute",
                        help="compute: the payslips exist, the computation is killed; "
                             "generate: generation and computation are killed")
    parser.add_argument("--template", help="copy this database when --db does not exist")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        child(args.db, args.child, args.stage)
        return

    import psycopg2
    if not _database_ready(args.db):
        _create_database(args.db, args.template)

    from odoo import fields
    from dateutil.relativedelta import relativedelta

    import generate_bureau

    registry = _odoo(args.db)
    with registry.cursor() as cr:
        env = _env(cr)
        start = time.perf_counter()
        root, journal = generate_bureau.generate(env, args.employees, args.month)
        cr.commit()
        people = env["hr.employee"].search_count([
            ("department_id", "child_of", root.id), ("is_auxiliary", "=", True)])
        print("synthetic bureau: %d auxiliaries (ready in %.1f s)"
              % (people, time.perf_counter() - start), flush=True)
        _delete_run(env)
        month_end = fields.Date.to_string(
            fields.Date.from_string(args.month) + relativedelta(months=1, days=-1))
        run = env["hr.payslip.run"].with_context(default_is_aux=True).create({
            "name": RUN_NAME, "aux_department_id": root.id, "date_start": args.month,
            "date_end": month_end, "journal_id": journal.id})
        if args.stage == "compute":
            start = time.perf_counter()
            slips = run._aux_create_slips(list(run._aux_running_contracts().values()))
            print("generated %d payslips (committed, not computed) in %.1f s"
                  % (len(slips), time.perf_counter() - start), flush=True)
        cr.commit()
        run_id = run.id

        # 2. reference: the same action uninterrupted, rolled back
        print("reference: %s uninterrupted (rolled back) ..." % args.stage, flush=True)
        start = time.perf_counter()
        getattr(run, "action_aux_%s" % args.stage)()
        reference_time = time.perf_counter() - start
        reference, expected = snapshot(cr, run_id)
        reference_lines = sum(len(lines) for lines in reference.values())
        cr.rollback()
        print("  %d payslips, %d lines in %.1f s" % (expected, reference_lines,
                                                     reference_time), flush=True)

    conn = psycopg2.connect(dbname=args.db)
    conn.autocommit = False
    ok = True
    try:
        # 3. the action in a subprocess, killed in the middle
        process = start_child(args, run_id)
        pid, started = wait_start(process)
        print("child %d (database backend %d) started; waiting for it to write lines ..."
              % (process.pid, pid), flush=True)
        state = (False, None, None)
        while process.poll() is None:
            state = backend_state(conn, pid)
            conn.rollback()
            if state[0] and time.perf_counter() - started >= args.kill_at * reference_time:
                break
            time.sleep(0.05)
        elapsed = time.perf_counter() - started
        if process.poll() is not None:
            print("the child ended before it was killed: %s" % process.stdout.read(),
                  flush=True)
            return 1
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        print("killed (SIGKILL) after %.1f s of %.1f s, its transaction writing payslip "
              "lines: %s; backend %s: %s" % (elapsed, reference_time, state[0], state[1],
                                             state[2]), flush=True)
        gone = wait_backend_gone(conn, pid)
        print("its backend ended %s" % ("%.1f s later (transaction rolled back)" % gone
                                        if gone is not None else "NOT within 120 s"),
              flush=True)
        ok &= gone is not None

        # 4. nothing half-written
        print("after the kill:", flush=True)
        with conn.cursor() as cr:
            checks = half_written(cr, run_id, expected)
        conn.rollback()
        ok &= print_checks(checks)
        lockable = run_is_lockable(conn, run_id)
        print("  %-52s %8s  %s" % ("run lockable at once (no stale lock)", lockable,
                                   "OK" if lockable else "LOCKED"), flush=True)
        ok &= lockable

        # 5. again, to the end
        print("rerun of the %s to its end ..." % args.stage, flush=True)
        process = start_child(args, run_id)
        wait_start(process)
        start = time.perf_counter()
        out, _err = process.communicate()
        rerun_time = time.perf_counter() - start
        if process.returncode or "DONE" not in out:
            print("the rerun failed:\n%s" % child_log(process), flush=True)
            return 1
        with conn.cursor() as cr:
            checks = half_written(cr, run_id, expected)
            cr.execute("SELECT count(*) FROM hr_payslip WHERE payslip_run_id = %s "
                       "AND aux_rates_date IS NOT NULL", (run_id,))
            computed = cr.fetchone()[0]
            rerun, count = snapshot(cr, run_id)
        conn.rollback()
        print("after the rerun (%.1f s in the child, start of Odoo included):" % rerun_time,
              flush=True)
        ok &= print_checks(checks)
        same = rerun == reference
        differ = sum(1 for emp in set(rerun) | set(reference)
                     if rerun.get(emp) != reference.get(emp))
        rerun_lines = sum(len(lines) for lines in rerun.values())

        def total(lines, code):
            return sum(t for values in lines.values() for c, _a, t in values if c == code)

        print("  %-52s %8d  %s" % ("payslips computed", computed,
                                   "OK" if computed == count == expected else "MISSING"))
        print("  %-52s %8d  %s" % ("payslip lines (reference %d)" % reference_lines,
                                   rerun_lines, "OK" if rerun_lines == reference_lines
                                   else "DIFFERENT"))
        print("  %-52s %8d  %s" % ("people whose lines differ from the reference", differ,
                                   "OK" if same else "DIFFERENT"))
        for code in ("GROSS", "NET"):
            print("  %-40s %20s" % ("total %s rerun / reference" % code, "%.2f / %.2f" % (
                total(rerun, code), total(reference, code))))
        ok &= same and computed == count == expected
    finally:
        conn.close()
        # 6. clean up
        with registry.cursor() as cr:
            _delete_run(_env(cr))
    print("\nRESULT: %s" % ("nothing half-written; rerun equal to the uninterrupted run"
                            if ok else "FAILED"), flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    from odoo import api as odoo_api
    with odoo_api.Environment.manage():
        sys.exit(main())
