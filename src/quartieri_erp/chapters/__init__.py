"""Chapter-specific logic: the tables, sentences and figure data of each chapter, as tested functions.

One module per chapter (``policy``, ``call``, ``indicators``, ``cases``, ``summary``, ``method``,
``reconciliation``, ``appendices``); shared by all of them: ``wording`` (Italian articles before numbers and
dates, dates at their precision, agreement, references to the curated data) and ``labels`` (display labels of
codes). Other building blocks live in ``quartieri_erp.presentation.charts``, ``display``, ``formatting`` and
``curated.citations`` ('Fonte:' lines).
"""
