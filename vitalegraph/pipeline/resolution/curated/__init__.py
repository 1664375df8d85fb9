"""The curated statements of ``data/statements/*.toml``, one handler a statement kind.

Each module here registers its handlers with :func:`vitalegraph.pipeline.resolution.resolver.handles`
under the kind the TOML writes (``[[membership]]`` -> ``membership``); every module in this folder is
imported when the package is, so a new kind of statement is one new function, here, with its
required keys in :data:`vitalegraph.pipeline.statements.KINDS`. A handler cites its quotes with
:meth:`vitalegraph.pipeline.statements.Statement.cite`, which marks those the statement lists under
``context``; :mod:`vitalegraph.pipeline.fidelity` then checks that every other quote of a named thing
names it.

==================  =====  ==================================
kind                rank   module
==================  =====  ==================================
``mention``            10  :mod:`.mentions`
``pilot_city``         20  :mod:`.mentions`
``publication``        30  :mod:`.publications`
``cited_document``     33  :mod:`.publications`
``pilot``              35  :mod:`.programmes`
``agreement``          40  :mod:`.agreements`
``programme``          45  :mod:`.programmes`
``approach_step``      50  :mod:`.agreements`
``district_role``      60  :mod:`.agreements`
``person_function``    65  :mod:`.person_functions`
``membership``         70  :mod:`.memberships`
``adoption``           80  :mod:`.projects`
``entity``             85  :mod:`.things`
``project``            90  :mod:`.projects`
``evaluation``        100  :mod:`.publications`
``commitment``        110  :mod:`.commitments`
``participation``     115  :mod:`.participation`
``result``            120  :mod:`.results`
==================  =====  ==================================
"""

from __future__ import annotations

from ....registry import import_modules

import_modules(__name__, __path__)
