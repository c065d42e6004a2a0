from . import aux_payroll_run_reopen
from . import aux_budget_plan
from . import aux_situation_pack
from . import aux_cadre_convert
