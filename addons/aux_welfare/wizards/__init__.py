from . import aux_situation_pack
