# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The codes of inputs, rules, categories and pay tables the engine itself
relies on (the shipped salary structures and pay tables use them; amounts
and rates are data, never here)."""

# Inputs the engine fills from other records at each computation (an input
# line of another code is kept as typed by the payroll officer, unless an
# extension fills it).
AUTO_INPUTS = ("PERF_COEF", "REWARD", "UNPAID_DAYS", "ARREARS")
# The rule (and input) paying arrears.
ARREARS_CODE = "ARREARS"
# Categories of the pay components that arrears compare.
EARNING_CATEGORIES = ("BASIC", "ALW")
# Categories of the payslip lines the cumulative income tax adds up over the
# tax year: gross pay, tax-exempt employee contributions (lines directly in
# DED) and the tax withheld.
YTD_INCOME_CATEGORY = "GROSS"
YTD_CONTRIBUTION_CATEGORY = "DED"
YTD_TAX_CATEGORY = "TAX"
# Category of the net pay, shown on every adjustment payslip.
NET_CATEGORY = "NET"
# Pay table of the month (1-12) that pays the year-end performance pay.
YEAR_END_MONTH_TABLE = "YEAR_END_MONTH"
# Pay table of the number of months back that arrears look.
ARREARS_MONTHS_TABLE = "ARREARS_MONTHS"
