"""Who is asking, and may they: the one authorization gate and the audit log."""
