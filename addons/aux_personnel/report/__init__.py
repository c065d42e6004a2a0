from . import aux_team_composition_report
from . import aux_team_composition_xlsx
from . import aux_attrition_report
from . import aux_situation_pack_xlsx
