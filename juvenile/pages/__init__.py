"""The portal's pages; each module adds its routes to the app."""
