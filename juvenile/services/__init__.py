"""One transactional function per legal or administrative action."""
