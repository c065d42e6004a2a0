from . import models
from . import report
from . import wizards


def uninstall_hook(cr, registry):
    """The years-of-service cadre rule (aux_personnel) keeps its row when
    this addon goes; its minimum band points at a band of this addon's data,
    which could not be deleted while referenced (ondelete restrict): clear
    the reference first, the column goes with the addon anyway."""
    cr.execute("UPDATE aux_cadre_rule SET min_band_id = NULL WHERE min_band_id IS NOT NULL")
