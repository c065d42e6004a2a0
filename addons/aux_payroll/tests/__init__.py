from . import test_pay_tables
from . import test_payslip_compute
from . import test_income_tax
from . import test_payroll_security
from . import test_payroll_run
from . import test_payroll_outputs
from . import test_budget_plan
from . import test_situation_pack
