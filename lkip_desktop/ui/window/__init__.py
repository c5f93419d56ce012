"""The jobs of the main window, one mixin each: menus, files, navigation, edit_actions."""
