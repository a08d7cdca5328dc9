"""Side panels of the main window (gui layer): each a plain widget fed by its feature's controller."""
