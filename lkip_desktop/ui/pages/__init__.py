"""The pages of the main window, one module per page; base holds what they share and
registry lists them (title, shortcut, class) for the window."""
