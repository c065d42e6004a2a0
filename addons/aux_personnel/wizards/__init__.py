from . import aux_grade_promote
from . import aux_contract_renew
from . import aux_cadre_convert
from . import aux_team_composition_export
from . import aux_situation_pack
from . import aux_operation_result
