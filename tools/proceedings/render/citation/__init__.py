"""RENDER: a paper's citation in every format, from one record of its facts."""
