"""Chinese text utilities shared by readers, transforms and writers."""
