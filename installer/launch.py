"""PyInstaller entry point. lkip_desktop/__main__.py uses relative imports, so it cannot be the
frozen script itself; this shim imports it as a package module."""

import sys

from lkip_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
