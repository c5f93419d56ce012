"""The reliability harness of issue 15 (kept out of the lkip_desktop package).

- ``killloop``: real CLI/service operations SIGKILLed at random moments; afterwards every
  acknowledged edit is there, every workbook opens or is absent, no refused file changed.
- ``corpus``: hostile .lkip and .xlsx files made from good ones.
- ``fuzz``: every case of the corpus opened or imported in a bounded child process; the only
  allowed outcomes are a clean open/import or an Indonesian InputError/StoreError.

Run ``python -m reliability --help``; docs/reliability.md has the figures.
"""
