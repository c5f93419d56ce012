"""Build the self-contained LKIP Desktop bundle with PyInstaller (and, on Windows, the Inno Setup script).

    python build_installer.py                       # one-folder bundle in dist/lkip-desktop/
    python build_installer.py --onefile             # one executable in dist/
    python build_installer.py --windows-installer   # also render installer/lkip-desktop.iss
    python build_installer.py --verify DIR          # check a built bundle holds every file the app needs

PyInstaller is not a cross-compiler: run this on the platform you build for (Windows for the
installer; CI builds and smoke-tests the Linux bundle with .ci/bundle-smoke.sh). The PyInstaller
spec (installer/lkip-desktop.spec) imports the lists below, so the pure parts are testable
without running PyInstaller (tests/installer/).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
APP_NAME = "LKIP Desktop"
APP_ID = "{{6B1E4F5C-2D7A-4C1B-9E58-4A2F0C7D3B91}"  # Inno AppId, "{{" escapes "{"; never change: upgrades match on it
PUBLISHER = "LKIP Desktop"
BUNDLE_NAME = "lkip-desktop"  # folder and executable name: no spaces, so scripts and CI need no quoting
CLI_NAME = "lkip-desktop-cli"  # Windows only: a console twin, since the GUI exe has no console for CLI output
CONTENTS_DIR = "_internal"  # PyInstaller 6 default: sys._MEIPASS of a one-folder bundle
ICON_ICO = ROOT / "resources" / "icons" / "lkip-desktop.ico"
ICON_PNG = ROOT / "resources" / "icons" / "lkip-desktop.png"
ISS_TEMPLATE = ROOT / "installer" / "lkip-desktop.iss.in"
ISS_OUTPUT = ROOT / "installer" / "lkip-desktop.iss"
SPEC = ROOT / "installer" / "lkip-desktop.spec"
FILE_EXTENSION = ".lkip"
PROG_ID = "LKIPDesktop.Workbook"

# Every Qt binding PySide6 may ship. Those the app does not import are excluded, so neither the
# Python module nor its Qt libraries, plugins and QML files land in the bundle.
QT_MODULES = [
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender", "QtAxContainer",
    "QtBluetooth", "QtCanvasPainter", "QtCharts", "QtConcurrent", "QtCore", "QtDBus", "QtDataVisualization",
    "QtDesigner", "QtGraphs", "QtGraphsWidgets", "QtGui", "QtHelp", "QtHttpServer", "QtLocation",
    "QtMultimedia", "QtMultimediaWidgets", "QtNetwork", "QtNetworkAuth", "QtNfc", "QtOpenGL",
    "QtOpenGLWidgets", "QtPdf", "QtPdfWidgets", "QtPositioning", "QtPrintSupport", "QtQml", "QtQuick",
    "QtQuick3D", "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml",
    "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine", "QtSvg",
    "QtSvgWidgets", "QtTest", "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore",
    "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml",
]
# Always kept: the widgets stack; QtSvg renders SVG icons, QtPrintSupport the print dialog.
QT_ALWAYS = {"QtCore", "QtGui", "QtWidgets", "QtSvg", "QtPrintSupport"}

# Python packages that are installed in a dev environment but never used by the running app.
EXCLUDED_PACKAGES = [
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib", "test", "lib2to3", "pydoc_data",
    "pytest", "_pytest", "pytestqt", "hypothesis", "pypdf", "importlinter", "grimp",
    "pytest_benchmark", "setuptools", "pkg_resources", "distutils", "pip", "wheel",
    "IPython", "jedi", "numpy", "pandas", "matplotlib", "scipy", "pluggy",
    # Pillow stays (reportlab >= 4 imports PIL.Image unconditionally), minus the codecs and GUI
    # bridges no report needs; PIL.Image.init() skips plugins that fail to import.
    "PIL._avif", "PIL.AvifImagePlugin", "PIL._webp", "PIL.WebPImagePlugin", "PIL._imagingtk", "PIL.ImageTk",
    "PIL.ImageQt", "PIL._imagingcms", "PIL.ImageCms",
    # No network: without ssl nothing can open a TLS connection (http.client and urllib import it
    # optionally); _hashlib stays for reportlab's md5 of the PDF file id.
    "ssl", "_ssl",
]

# Babel ships ~1,080 locales (30 MB); the app formats numbers and dates in Indonesian only.
# "root" is the parent every locale inherits from; "en*" cover babel's own default-locale fallback.
BABEL_LOCALES = {"root", "id", "id_ID", "en", "en_US", "en_US_POSIX"}

# Qt plugin folders a desktop widgets app needs. Dropped among others: "generic" (TUIO touch over
# the network, evdev for kiosks; it pulls in QtNetwork), "egldeviceintegrations" (embedded
# screens), "networkinformation" and "tls" (QtNetwork only).
QT_PLUGIN_KEEP = {
    "platforms", "platformthemes", "platforminputcontexts", "styles", "imageformats", "iconengines",
    "printsupport", "xcbglintegrations", "wayland-decoration-client", "wayland-graphics-integration-client",
    "wayland-shell-integration", "accessiblebridge",
}
# Windowing backends: Windows, X11, Wayland, and offscreen/minimal for CI. Dropped: vnc (a network
# server), eglfs/linuxfb/vkkhrdisplay (embedded), direct2d.
QT_PLATFORMS_KEEP = {"qwindows", "qxcb", "qwayland", "qoffscreen", "qminimal"}
# The GTK3 theme plugin drags the whole GTK/cairo/pango stack (Linux only); Qt's own Fusion style is used.
QT_PLUGINS_DROPPED = {"qgtk3"}
# Qt image-format plugins the app can use (icons, screenshots in help); pdf/webp/tiff etc. pull in big libs.
QT_IMAGEFORMATS_KEEP = {"qico", "qsvg", "qjpeg", "qgif"}
# opengl32sw.dll (~20 MB) is Mesa's software OpenGL: only QtQuick/OpenGL use it, widgets paint in software.
WINDOWS_DLLS_DROPPED = {"opengl32sw.dll"}


def used_qt_modules(root: Path = ROOT) -> set[str]:
    """The Qt bindings the app's source imports (``PySide6.QtX`` or ``from PySide6 import QtX``)."""
    used = set(QT_ALWAYS)
    pattern = re.compile(r"PySide6\.(Qt\w+)|from\s+PySide6\s+import\s+\(?([\w\s,]+)")
    for path in (root / "lkip_desktop").rglob("*.py"):
        for m in pattern.finditer(path.read_text(encoding="utf-8")):
            if m.group(1):
                used.add(m.group(1))
            else:
                used.update(n.strip() for n in m.group(2).split(",") if n.strip().startswith("Qt"))
    return used


def excludes(root: Path = ROOT) -> list[str]:
    """Module names PyInstaller must leave out."""
    used = used_qt_modules(root)
    return sorted({f"PySide6.{m}" for m in QT_MODULES if m not in used} | set(EXCLUDED_PACKAGES))


def hidden_imports() -> list[str]:
    """Modules imported by name at run time, which PyInstaller's import scan cannot see."""
    from PyInstaller.utils.hooks import collect_submodules

    # The GUI is imported lazily by __main__. Collecting the whole package covers it and any
    # later module.
    mods = collect_submodules("lkip_desktop")
    mods += ["babel.numbers", "babel.dates", "babel.localedata", "babel.plural"]
    # The Qt modules always kept (QT_ALWAYS), even before the GUI code imports them all.
    mods += [f"PySide6.{m}" for m in sorted(QT_ALWAYS)]
    return sorted(set(mods))


def data_files(root: Path = ROOT) -> list[tuple[str, str]]:
    """(source file, folder inside the bundle) for resources/ and forms/: the layout paths.py
    expects under sys._MEIPASS (``<bundle>/resources/...``, ``<bundle>/forms/...``)."""
    out = []
    for top in ("resources", "forms"):
        base = root / top
        if not base.is_dir():
            continue
        for f in sorted(base.rglob("*")):
            if f.is_file() and "__pycache__" not in f.parts and not f.name.startswith("."):
                out.append((str(f), f.parent.relative_to(root).as_posix()))
    return out


def package_data_files() -> list[tuple[str, str]]:
    """Data files inside third-party packages that PyInstaller's hooks do not bring:
    python-docx starts every document from the templates in its package."""
    from PyInstaller.utils.hooks import collect_data_files

    return collect_data_files("docx")


def required_files(root: Path = ROOT) -> list[str]:
    """Bundle-relative paths (under sys._MEIPASS) the app cannot run without."""
    req = ["resources/setda2024.json", "resources/icons/lkip-desktop.png"]
    req += [f"resources/fonts/{f.name}" for f in sorted((root / "resources" / "fonts").glob("*.ttf"))]
    req += [f"forms/{f.name}" for f in sorted((root / "forms").glob("*.ui"))] if (root / "forms").is_dir() else []
    req += ["babel/locale-data/id.dat", "babel/locale-data/id_ID.dat", "babel/locale-data/root.dat", "babel/global.dat"]
    req += ["docx/templates/default.docx", "docx/templates/default-footer.xml"]
    return req


def keep_data(dest: str) -> bool:
    """Filter for Analysis.datas (bundle-relative destination path): drop unused locales and Qt files."""
    p = dest.replace("\\", "/")
    if p.startswith("babel/locale-data/") and p.endswith(".dat"):
        return p.rsplit("/", 1)[1][:-4] in BABEL_LOCALES
    if "/Qt/translations/" in p or p.endswith(".qm"):
        return False  # Qt ships no Indonesian translation; the app's own text is Indonesian
    return keep_qt_file(p)


def keep_binary(dest: str) -> bool:
    """Filter for Analysis.binaries: drop Qt plugins and DLLs a widgets app does not load."""
    p = dest.replace("\\", "/")
    if p.rsplit("/", 1)[-1].lower() in WINDOWS_DLLS_DROPPED:
        return False
    return keep_qt_file(p)


def keep_qt_file(p: str) -> bool:
    m = re.search(r"/Qt\d?/plugins/([^/]+)/([^/]+)$", "/" + p) or re.search(r"PySide6/plugins/([^/]+)/([^/]+)$", p)
    if not m:
        return True
    kind, name = m.group(1), m.group(2)
    stem = re.sub(r"^lib|\.(so|dll|dylib)$", "", name)
    if kind not in QT_PLUGIN_KEEP or stem in QT_PLUGINS_DROPPED:
        return False
    if kind == "platforms":
        return stem in QT_PLATFORMS_KEEP
    if kind == "imageformats":
        return any(name.startswith(k) or name.startswith("lib" + k) for k in QT_IMAGEFORMATS_KEEP)
    return True


# Loaded at run time without a link-time reference (Qt's Direct3D shader compiler), so the prune
# below cannot see who needs them.
ALWAYS_KEEP_BINARIES = re.compile(r"^(d3dcompiler_\d+\.dll|libpython\d.*|python\d+\.dll|vcruntime.*|msvcp.*)$", re.I)


def prune_unreachable(binaries, needed) -> tuple[list, list]:
    """Drop shared libraries no kept module or plugin links to (directly or through another library).

    ``binaries`` are PyInstaller TOC entries (dest, src, typecode); ``needed(src)`` returns the names
    a binary links against. PyInstaller resolves dependencies before the plugin filter runs, so
    without this the libraries of dropped plugins (GTK for qgtk3, QtNetwork for TUIO) would stay.
    Roots are Python extension modules, Qt plugins and the Python runtime."""
    def base(name: str) -> str:
        return name.replace("\\", "/").rsplit("/", 1)[-1].lower()

    by_name: dict[str, list] = {}
    for entry in binaries:
        by_name.setdefault(base(entry[0]), []).append(entry)
    todo = [e for e in binaries if e[2] == "EXTENSION" or "/plugins/" in "/" + e[0].replace("\\", "/")
            or ALWAYS_KEEP_BINARIES.match(base(e[0]))]
    reached = {id(e) for e in todo}
    while todo:
        entry = todo.pop()
        if entry[2] == "SYMLINK":
            continue
        for name in needed(entry[1]):
            for dep in by_name.get(base(name), []):
                if id(dep) not in reached:
                    reached.add(id(dep))
                    todo.append(dep)
    # A kept symlink's target (same folder, other name) is kept too.
    for entry in binaries:
        if entry[2] == "SYMLINK" and id(entry) in reached:
            for dep in by_name.get(base(entry[1]), []):
                reached.add(id(dep))
    kept = [e for e in binaries if id(e) in reached]
    dropped = [e for e in binaries if id(e) not in reached]
    return kept, dropped


def drop_dangling_symlinks(datas, binaries) -> list:
    """PyInstaller 6 lists top-level symlinks to Qt libraries (``libQt6Network.so.6 ->
    PySide6/Qt/lib/...``) among the datas; drop those whose target was pruned."""
    kept = {b[0].replace("\\", "/") for b in binaries}
    out = []
    for entry in datas:
        if entry[2] == "SYMLINK":
            folder = entry[0].replace("\\", "/").rpartition("/")[0]
            target = ((folder + "/") if folder else "") + entry[1].replace("\\", "/")
            if target not in kept:
                continue
        out.append(entry)
    return out


def windows_version_info(version: str) -> str:
    """The version resource Windows shows in Explorer > Properties (PyInstaller's text format)."""
    parts = [int(x) for x in re.findall(r"\d+", version)[:4]]
    parts += [0] * (4 - len(parts))
    t = tuple(parts)
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={t}, prodvers={t}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('042104b0', [
      StringStruct('CompanyName', {PUBLISHER!r}),
      StringStruct('FileDescription', {APP_NAME!r}),
      StringStruct('FileVersion', {version!r}),
      StringStruct('InternalName', {BUNDLE_NAME!r}),
      StringStruct('OriginalFilename', {BUNDLE_NAME + '.exe'!r}),
      StringStruct('ProductName', {APP_NAME!r}),
      StringStruct('ProductVersion', {version!r})])]),
    VarFileInfo([VarStruct('Translation', [0x0421, 1200])])
  ]
)
"""


def app_version(root: Path = ROOT) -> str:
    """lkip_desktop.__version__, read from the source without importing the package."""
    text = (root / "lkip_desktop" / "__init__.py").read_text(encoding="utf-8")
    m = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.M)
    if not m:
        raise SystemExit("lkip_desktop/__init__.py has no __version__")
    return m.group(1)


def render_iss(template: str, version: str, dist_dir: str = r"..\dist\lkip-desktop") -> str:
    """Fill the Inno Setup template. Placeholders are @NAME@ (Inno itself uses {braces})."""
    values = {
        "APP_NAME": APP_NAME,
        "APP_ID": APP_ID,
        "APP_VERSION": version,
        "PUBLISHER": PUBLISHER,
        "EXE_NAME": BUNDLE_NAME + ".exe",
        "CLI_NAME": CLI_NAME + ".exe",
        "DIST_DIR": dist_dir,
        "EXTENSION": FILE_EXTENSION,
        "PROG_ID": PROG_ID,
    }
    out = template
    for key, value in values.items():
        out = out.replace(f"@{key}@", value)
    left = re.findall(r"@[A-Z_]+@", out)
    if left:
        raise ValueError(f"unfilled placeholders in the .iss template: {sorted(set(left))}")
    return out


def iss_dist_dir(bundle: Path) -> str:
    """The bundle folder as the .iss names it: relative to installer/ when possible, Windows separators."""
    try:
        rel = os.path.relpath(bundle, ISS_OUTPUT.parent)
    except ValueError:  # another drive on Windows
        rel = str(bundle)
    return rel.replace("/", "\\")


def write_iss(version: str, bundle: Path | None = None) -> Path:
    dist_dir = iss_dist_dir(bundle) if bundle else r"..\dist\lkip-desktop"
    text = render_iss(ISS_TEMPLATE.read_text(encoding="utf-8"), version, dist_dir)
    # Inno Setup 6 reads UTF-8 with a BOM as Unicode (for the Indonesian text).
    ISS_OUTPUT.write_text(text, encoding="utf-8-sig", newline="\r\n")
    return ISS_OUTPUT


def verify_bundle(bundle: Path, root: Path = ROOT) -> list[str]:
    """Required files missing from a built one-folder bundle (empty when complete)."""
    internal = bundle / CONTENTS_DIR if (bundle / CONTENTS_DIR).is_dir() else bundle
    return [rel for rel in required_files(root) if not (internal / rel).is_file()]


def folder_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def build(onefile: bool, dist: Path, work: Path) -> Path:
    import PyInstaller.__main__

    args = [str(SPEC), "--noconfirm", "--clean", "--distpath", str(dist), "--workpath", str(work),
            "--log-level", os.environ.get("LKIP_PYI_LOG", "WARN")]
    spec_args = ["--onefile"] if onefile else []
    PyInstaller.__main__.run(args + ["--", *spec_args])  # args after "--" reach the spec as sys.argv
    exe = BUNDLE_NAME + (".exe" if sys.platform == "win32" else "")
    return dist / exe if onefile else dist / BUNDLE_NAME


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--onefile", action="store_true", help="one executable instead of a folder")
    ap.add_argument("--windows-installer", action="store_true", help="also write installer/lkip-desktop.iss")
    ap.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default dist/)")
    ap.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller work folder")
    ap.add_argument("--verify", type=Path, metavar="BUNDLE", help="only check a built bundle for required files")
    args = ap.parse_args(argv)

    if args.verify:
        missing = verify_bundle(args.verify)
        for rel in missing:
            print(f"MISSING in bundle: {rel}")
        print(f"{len(required_files()) - len(missing)}/{len(required_files())} required files present")
        return 1 if missing else 0

    version = app_version()
    print(f"Building {APP_NAME} {version} for {sys.platform} ({'one-file' if args.onefile else 'one-folder'})")
    print("Left out:", ", ".join(excludes()))
    out = build(args.onefile, args.dist.resolve(), args.work.resolve())
    if not args.onefile:
        missing = verify_bundle(out)
        if missing:
            print("Bundle is missing:", ", ".join(missing), file=sys.stderr)
            return 1
    print(f"Bundle: {out} ({folder_size(out) / 1e6:.1f} MB)")
    if args.windows_installer or sys.platform == "win32":
        iss = write_iss(version, args.dist.resolve() / BUNDLE_NAME)
        print(f"Inno Setup script: {iss} (compile on Windows: iscc {iss.relative_to(ROOT)})")
    if args.onefile and sys.platform == "win32" and args.windows_installer:
        print("Note: the installer packs the one-folder bundle; build without --onefile for it.")
    shutil.rmtree(args.work.resolve(), ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
