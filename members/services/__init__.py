"""Business rules of the members app, one module per concept (people, program)."""
