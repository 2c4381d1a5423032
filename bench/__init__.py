"""Speed checks run by `make bench` (python -m bench); each module has a main()."""
