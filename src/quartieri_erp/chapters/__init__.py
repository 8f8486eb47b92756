"""Chapter-specific logic: the tables, sentences and figure data of each chapter, as tested functions.

One module per chapter (``policy``, ``call``, ``indicators``, ``cases``, ``summary``, ``appendices``);
shared building blocks live in ``quartieri_erp.charts``, ``display`` and ``formatting``.
"""
