# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Payroll benchmark: the monthly run of a 10,000-person bureau.

    . var/env && .venv/bin/python bench/payroll_run.py [--db aux_bench]
        [--people 10000] [--sample 200] [--small 100] [--month 2026-03-01]
        [--profile]

Creates the database with aux_payroll (no demo) when it does not exist,
generates the synthetic bureau once (bench/generate_bureau.py, committed),
then measures in ONE transaction that is rolled back at the end (so the
benchmark can be run again on the same data):

- generation of the payslips of the run (one action, 10,000 payslips),
- the auxiliary engine computing them (hr.payslip._aux_compute_batch, the
  bulk SQL path of engine/store.py),
- a small run of ``--small`` payslips (the next month) generated and computed
  through the ORM (the path below the bulk threshold),
- stock hr_payroll compute_sheet on the stock 3-rule structure
  (hr_payroll.structure_base) for a sample of the same people,
- the XLSX payroll register of the whole run,
- the per-head budget of the whole bureau,
and prints each figure, the per-payslip ratio and the peak RSS.
"""
import argparse
import cProfile
import io
import os
import pstats
import resource
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))

TARGETS = {"ratio": 0.1, "run": 120.0, "rss_mib": 2048.0, "xlsx": 20.0, "budget": 10.0}


def _database_ready(db):
    import psycopg2
    try:
        conn = psycopg2.connect(dbname=db)
    except psycopg2.OperationalError:
        return False
    try:
        with conn.cursor() as cr:
            cr.execute("SELECT state FROM ir_module_module WHERE name = 'aux_payroll'")
            row = cr.fetchone()
            return bool(row and row[0] == "installed")
    except psycopg2.Error:
        return False
    finally:
        conn.close()


def _create_database(db):
    print("creating database %s with aux_payroll (no demo) ..." % db, flush=True)
    subprocess.check_call([
        os.path.join(ROOT, "bin", "odoo"), "-d", db, "-i", "aux_payroll",
        "--without-demo=all", "--stop-after-init", "--log-level=warn"], cwd=ROOT)


def _rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


class Timer(object):

    def __init__(self, profile=False):
        self.profile = profile
        self.results = {}

    def __call__(self, label, function, *args):
        profiler = cProfile.Profile() if self.profile else None
        start = time.perf_counter()
        if profiler:
            profiler.enable()
        result = function(*args)
        if profiler:
            profiler.disable()
        elapsed = time.perf_counter() - start
        self.results[label] = elapsed
        print("  %-52s %9.2f s" % (label, elapsed), flush=True)
        if profiler:
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(18)
            print(out.getvalue())
        return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default="aux_bench")
    parser.add_argument("--people", type=int, default=10000)
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--small", type=int, default=100,
                        help="payslips of the small run written through the ORM")
    parser.add_argument("--month", default="2026-03-01")
    parser.add_argument("--profile", action="store_true",
                        help="print a cProfile summary of each measured step")
    args = parser.parse_args()

    if not _database_ready(args.db):
        _create_database(args.db)

    import odoo
    from odoo import SUPERUSER_ID, api, fields
    from dateutil.relativedelta import relativedelta

    import generate_bureau

    odoo.tools.config.parse_config(["-c", os.path.join(ROOT, "odoo.conf"), "-d", args.db,
                                    "--log-level=warn"])
    registry = odoo.registry(args.db)

    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"lang": "en_US"})
        start = time.perf_counter()
        root, journal = generate_bureau.generate(env, args.people, args.month)
        cr.commit()
        people = env["hr.employee"].search_count([
            ("department_id", "child_of", root.id), ("is_auxiliary", "=", True)])
        print("synthetic bureau: %d auxiliaries (ready in %.1f s)"
              % (people, time.perf_counter() - start), flush=True)

    timer = Timer(args.profile)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"lang": "en_US"})
        root = generate_bureau.bureau(env)
        journal = env["account.journal"].search([("code", "=", "BSAL")], limit=1)
        month_start = args.month
        month_end = fields.Date.to_string(
            fields.Date.from_string(month_start) + relativedelta(months=1, days=-1))
        print("measuring (one transaction, rolled back) ...", flush=True)
        Run = env["hr.payslip.run"].with_context(default_is_aux=True, tracking_disable=True)
        run = Run.create({"name": "BENCH run", "aux_department_id": root.id,
                          "date_start": month_start, "date_end": month_end,
                          "journal_id": journal.id})
        contracts = timer("contracts in scope (1 search)", run._aux_running_contracts)
        slips = timer("generate %d payslips" % len(contracts), run._aux_create_slips,
                      list(contracts.values()))
        timer("aux engine: compute %d payslips" % len(slips), run._aux_compute, slips)
        run_total = timer.results["contracts in scope (1 search)"] \
            + timer.results["generate %d payslips" % len(contracts)] \
            + timer.results["aux engine: compute %d payslips" % len(slips)]
        lines = env["hr.payslip.line"].search_count([("slip_id", "in", slips.ids)])
        warnings = env["hr.payslip"].search_count([("id", "in", slips.ids),
                                                   ("aux_warning", "!=", False)])
        aux_per_slip = timer.results["aux engine: compute %d payslips" % len(slips)] \
            / max(len(slips), 1)

        # a small run below the bulk threshold (engine/store.py): payslips
        # created and written through the ORM, next month, same people
        small = list(contracts.values())[:args.small]
        next_start = fields.Date.to_string(
            fields.Date.from_string(month_start) + relativedelta(months=1))
        next_end = fields.Date.to_string(
            fields.Date.from_string(next_start) + relativedelta(months=1, days=-1))
        small_run = Run.create({"name": "BENCH small run", "aux_department_id": root.id,
                                "date_start": next_start, "date_end": next_end,
                                "journal_id": journal.id})
        env["ir.config_parameter"].set_param("aux_payroll.bulk_sql_threshold", str(len(small)))

        def small_run_through_orm():
            small_run._aux_compute(small_run._aux_create_slips(small))

        timer("ORM path: generate + compute %d payslips" % len(small), small_run_through_orm)

        # stock hr_payroll on its default 3-rule structure, same people
        stock_structure = env.ref("hr_payroll.structure_base")
        sample = slips[:args.sample]
        Slip = env["hr.payslip"].with_context(tracking_disable=True)
        stock_slips = Slip.browse()
        for slip in sample:
            stock_slips |= Slip.create({
                "name": "BENCH stock %s" % slip.employee_id.name,
                "employee_id": slip.employee_id.id, "contract_id": slip.contract_id.id,
                "struct_id": stock_structure.id, "date_from": month_start,
                "date_to": month_end, "journal_id": journal.id})
        timer("stock compute_sheet: %d payslips (3 rules)" % len(stock_slips),
              stock_slips.compute_sheet)
        stock_per_slip = timer.results[
            "stock compute_sheet: %d payslips (3 rules)" % len(stock_slips)] \
            / max(len(stock_slips), 1)
        stock_slips.unlink()

        register = env.ref("aux_payroll.aux_payroll_register_xlsx_report")
        content, _kind = timer("XLSX payroll register (%d rows)" % len(slips),
                               register.render_xlsx, run.ids, {})
        wizard = env["aux.budget.plan"].create({
            "year": fields.Date.from_string(month_start).year + 1,
            "department_ids": [(6, 0, env["hr.department"].search(
                [("id", "child_of", root.id)]).ids)]})
        budget_action = timer("per-head budget (%d people)" % people, wizard.action_create_budget)
        budget_lines = len(env["crossovered.budget"].browse(
            budget_action["res_id"]).crossovered_budget_line)
        rss = _rss_mib()
        cr.rollback()

    ratio = aux_per_slip / stock_per_slip if stock_per_slip else float("nan")
    xlsx = timer.results["XLSX payroll register (%d rows)" % len(slips)]
    budget_time = timer.results["per-head budget (%d people)" % people]

    def verdict(ok):
        return "OK" if ok else "MISSED"

    print()
    print("payslips: %d (%d lines, %d with a warning); register %.1f MiB; budget %d lines"
          % (len(slips), lines, warnings, len(content) / 1048576.0,
             budget_lines))
    print("aux run (generation + compute)    %8.2f s   target <= %.0f s   %s"
          % (run_total, TARGETS["run"], verdict(run_total <= TARGETS["run"])))
    print("aux compute per payslip           %8.2f ms" % (aux_per_slip * 1000))
    print("stock compute_sheet per payslip   %8.2f ms" % (stock_per_slip * 1000))
    print("ORM path (small run) per payslip  %8.2f ms" % (
        timer.results["ORM path: generate + compute %d payslips" % len(small)]
        / max(len(small), 1) * 1000))
    print("ratio aux / stock                 %8.3f     target <= %.2f   %s"
          % (ratio, TARGETS["ratio"], verdict(ratio <= TARGETS["ratio"])))
    print("peak RSS of the process           %8.0f MiB target <= %.0f MiB %s"
          % (rss, TARGETS["rss_mib"], verdict(rss <= TARGETS["rss_mib"])))
    print("XLSX register                     %8.2f s   target <= %.0f s   %s"
          % (xlsx, TARGETS["xlsx"], verdict(xlsx <= TARGETS["xlsx"])))
    print("per-head budget                   %8.2f s   target <= %.0f s   %s"
          % (budget_time, TARGETS["budget"], verdict(budget_time <= TARGETS["budget"])))


if __name__ == "__main__":
    from odoo import api as odoo_api
    with odoo_api.Environment.manage():
        main()
