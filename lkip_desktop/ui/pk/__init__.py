"""The Perjanjian Kinerja page (page) built from its tabs (entry_form, versions, preview) and
the Qt rendering of PK pages for preview and print (render)."""
