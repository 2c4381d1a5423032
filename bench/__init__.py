"""Speed targets: `python -m bench` runs every module\x27s main()."""
