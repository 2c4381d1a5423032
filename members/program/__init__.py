"""The ambassador program (大使计划) and its translator track (译道师), with the swag that
thanks people: services (one module per concept), selectors, and its doors (forms, views,
urls, admin). The models stay in members/models/ (program.py and swag.py)."""
