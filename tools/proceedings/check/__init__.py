"""CHECK: the validation of the model (ids, identifiers, links, characters, completeness)."""
