"""Fast checks of build_installer.py's pure parts. PyInstaller itself never runs here:
CI builds and smoke-tests the real bundle with .ci/bundle-smoke.sh."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
import build_installer as bi  # noqa: E402


@pytest.fixture(scope="module")
def iss() -> str:
    return bi.render_iss(bi.ISS_TEMPLATE.read_text(encoding="utf-8"), "1.2.3",
                         bi.iss_dist_dir(ROOT / "dist" / bi.BUNDLE_NAME))


def _section(iss_text: str, name: str) -> str:
    m = re.search(rf"^\[{name}\]\n(.*?)(?=^\[|\Z)", iss_text, re.M | re.S)
    return m.group(1) if m else ""


# The Inno Setup script ###############################################################


def test_iss_installs_per_user_without_admin(iss):
    setup = _section(iss, "Setup")
    assert re.search(r"^PrivilegesRequired=lowest$", setup, re.M)
    assert re.search(r"^DefaultDirName=\{userpf\}\\\{#AppName\}$", setup, re.M)
    assert '#define AppName "LKIP Desktop"' in iss
    assert '#define AppVersion "1.2.3"' in iss
    assert "HKLM" not in iss and "{commonpf}" not in iss and "{autopf}" not in iss


def test_iss_associates_lkip_files_in_hkcu(iss):
    reg = _section(iss, "Registry")
    lines = [ln for ln in reg.splitlines() if ln.startswith("Root:")]
    assert lines and all(ln.startswith("Root: HKCU;") for ln in lines)
    assert 'Subkey: "Software\\Classes\\.lkip"; ValueType: string; ValueName: ""; ValueData: "LKIPDesktop.Workbook"' in reg
    assert '"""{app}\\{#ExeName}"" ""%1"""' in reg  # double-click passes the file to the app
    assert "ChangesAssociations=yes" in iss


def test_iss_has_start_menu_shortcut(iss):
    icons = _section(iss, "Icons")
    assert 'Name: "{userprograms}\\{#AppName}"; Filename: "{app}\\{#ExeName}"' in icons


def test_uninstall_never_deletes_user_data(iss):
    # Only [Files] entries are removed by the uninstaller; nothing may add deletions of other paths.
    assert "[UninstallDelete]" not in iss.replace("; No [UninstallDelete]", "")
    assert "[InstallDelete]" not in iss
    assert not re.search(r"^\[Code\]", iss, re.M)  # no scripted DelTree either
    assert "{userdocs}\\" not in _section(iss, "Files")
    # The program folder is not the data folder (platformdirs: %LOCALAPPDATA%\LKIP Desktop).
    assert "DefaultDirName={localappdata}\\{#AppName}" not in iss
    for line in _section(iss, "Registry").splitlines():
        if "uninsdeletekey" in line:
            assert "Software\\Classes\\LKIPDesktop.Workbook" in line or "Software\\Classes\\Applications\\" in line


def test_iss_files_come_from_the_bundle(iss):
    assert 'Source: "..\\dist\\lkip-desktop\\*"; DestDir: "{app}"' in iss
    assert "@" not in re.sub(r";.*", "", iss)  # every placeholder filled


def test_render_iss_refuses_unknown_placeholders():
    with pytest.raises(ValueError, match="@NOPE@"):
        bi.render_iss("AppName=@APP_NAME@ @NOPE@", "1.0")


def test_write_iss_renders_the_committed_template(tmp_path, monkeypatch):
    monkeypatch.setattr(bi, "ISS_OUTPUT", tmp_path / "lkip-desktop.iss")
    out = bi.write_iss("0.9", ROOT / "dist" / "lkip-desktop")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Inno reads the file as Unicode
    assert b"\r\n" in raw
    assert "PrivilegesRequired=lowest" in raw.decode("utf-8-sig")


# What goes into the bundle ###########################################################


def test_data_files_follow_the_layout_paths_py_expects():
    files = {Path(src).relative_to(ROOT).as_posix(): dest for src, dest in bi.data_files(ROOT)}
    for rel, dest in files.items():
        assert dest == rel.rpartition("/")[0]  # resources/fonts/x.ttf -> <bundle>/resources/fonts/
    assert "resources/setda2024.json" in files
    fonts = sorted(p.name for p in (ROOT / "resources" / "fonts").glob("*.ttf"))
    assert fonts and all(f"resources/fonts/{f}" in files for f in fonts)
    assert "resources/icons/lkip-desktop.png" in files
    for ui in (ROOT / "forms").glob("*.ui"):
        assert f"forms/{ui.name}" in files


def test_required_files_cover_fonts_demo_and_forms():
    req = bi.required_files(ROOT)
    assert "resources/setda2024.json" in req
    assert {f"resources/fonts/{p.name}" for p in (ROOT / "resources" / "fonts").glob("*.ttf")} <= set(req)
    assert {f"forms/{p.name}" for p in (ROOT / "forms").glob("*.ui")} <= set(req)
    assert "babel/locale-data/id_ID.dat" in req


def test_verify_bundle_reports_missing_files(tmp_path):
    internal = tmp_path / "lkip-desktop" / bi.CONTENTS_DIR
    for rel in bi.required_files(ROOT):
        (internal / rel).parent.mkdir(parents=True, exist_ok=True)
        (internal / rel).write_bytes(b"x")
    assert bi.verify_bundle(tmp_path / "lkip-desktop", ROOT) == []
    assert bi.main(["--verify", str(tmp_path / "lkip-desktop")]) == 0
    (internal / "resources" / "setda2024.json").unlink()
    assert bi.verify_bundle(tmp_path / "lkip-desktop", ROOT) == ["resources/setda2024.json"]
    assert bi.main(["--verify", str(tmp_path / "lkip-desktop")]) == 1


def test_paths_py_resolves_the_same_layout(monkeypatch, tmp_path):
    from lkip_desktop import paths

    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resource("fonts", "DejaVuSans.ttf") == tmp_path / "resources" / "fonts" / "DejaVuSans.ttf"
    assert paths.demo_reference() == tmp_path / "resources" / "setda2024.json"
    assert paths.forms_dir() == tmp_path / "forms"


def _third_party_imports() -> set[str]:
    names = set()
    for path in (ROOT / "lkip_desktop").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module)
                names.update(f"{node.module}.{a.name}" for a in node.names)
    return names


def test_excludes_leave_out_heavy_qt_and_dev_packages():
    ex = set(bi.excludes(ROOT))
    for mod in ("PySide6.QtWebEngineCore", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.Qt3DCore",
                "PySide6.QtMultimedia", "tkinter", "pytest", "hypothesis", "pytestqt", "pluggy"):
        assert mod in ex
    for mod in ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PIL", "babel", "xlsxwriter"):
        assert mod not in ex  # PIL: reportlab


def test_excludes_never_drop_a_module_the_app_imports():
    ex = set(bi.excludes(ROOT))
    for name in _third_party_imports():
        parts = name.split(".")
        prefixes = {".".join(parts[: i + 1]) for i in range(len(parts))}
        assert not (prefixes & ex), f"{name} is imported by lkip_desktop but excluded from the bundle"


def test_network_modules_stay_out_unless_used():
    ex = set(bi.excludes(ROOT))
    used = bi.used_qt_modules(ROOT)
    if "QtNetwork" not in used:
        assert "PySide6.QtNetwork" in ex
    assert "ssl" in ex


def test_hidden_imports_cover_every_cli_command_module():
    from lkip_desktop import cli

    hidden = set(bi.hidden_imports())
    for module in cli.COMMAND_MODULES:
        assert module.__name__ in hidden
    assert "babel.numbers" in hidden and "PySide6.QtWidgets" in hidden


# Filters applied inside the spec #####################################################


def test_babel_keeps_only_indonesian_and_fallback_locales():
    assert bi.keep_data("babel/locale-data/id.dat")
    assert bi.keep_data("babel/locale-data/id_ID.dat")
    assert bi.keep_data("babel/locale-data/root.dat")
    assert not bi.keep_data("babel/locale-data/fr_FR.dat")
    assert bi.keep_data("babel/global.dat")
    assert not bi.keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert bi.keep_data("resources/fonts/DejaVuSans.ttf")


@pytest.mark.parametrize("dest, keep", [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/plugins/platforms/qwindows.dll", True),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/generic/libqtuiotouchplugin.so", False),
    ("PySide6/plugins/imageformats/qpdf.dll", False),
    ("PySide6/plugins/imageformats/qsvg.dll", True),
    ("PySide6/Qt/plugins/imageformats/libqico.so", True),
    ("PySide6/plugins/styles/qmodernwindowsstyle.dll", True),
    ("PySide6/opengl32sw.dll", False),
    ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
])
def test_qt_binary_filter(dest, keep):
    assert bi.keep_binary(dest) is keep


def test_prune_drops_libraries_only_dropped_plugins_needed():
    binaries = [
        ("PySide6/QtWidgets.abi3.so", "/s/QtWidgets.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", "/s/libQt6Widgets.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/s/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Network.so.6", "/s/libQt6Network.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/s/libqxcb.so", "BINARY"),
        ("libxcb.so.1", "/s/libxcb.so.1", "BINARY"),
        ("libcairo.so.2", "/s/libcairo.so.2", "BINARY"),
        ("python311.dll", "/s/python311.dll", "BINARY"),
    ]
    links = {
        "/s/QtWidgets.abi3.so": ["libQt6Widgets.so.6"],
        "/s/libQt6Widgets.so.6": ["libQt6Core.so.6", "libc.so.6"],
        "/s/libqxcb.so": ["libxcb.so.1", "libQt6Core.so.6"],
        "/s/libQt6Network.so.6": ["libQt6Core.so.6"],
    }
    kept, dropped = bi.prune_unreachable(binaries, lambda src: links.get(src, []))
    assert {d[0] for d in dropped} == {"PySide6/Qt/lib/libQt6Network.so.6", "libcairo.so.2"}
    assert len(kept) == 6


def test_dangling_symlinks_are_dropped():
    binaries = [("PySide6/Qt/lib/libQt6Core.so.6", "/s/a", "BINARY")]
    datas = [
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
        ("resources/setda2024.json", "/s/setda2024.json", "DATA"),
    ]
    assert [d[0] for d in bi.drop_dangling_symlinks(datas, binaries)] == ["libQt6Core.so.6", "resources/setda2024.json"]


# Name, version, icon #################################################################


def test_version_comes_from_the_package():
    import lkip_desktop

    assert bi.app_version(ROOT) == lkip_desktop.__version__


def test_windows_version_resource_names_the_app():
    text = bi.windows_version_info("0.1.0")
    ast.parse(text)  # PyInstaller evaluates it as a Python expression
    assert "filevers=(0, 1, 0, 0)" in text
    assert "StringStruct('ProductName', 'LKIP Desktop')" in text


def test_icon_files_exist_with_windows_sizes():
    from PIL import Image

    assert bi.ICON_PNG.is_file()
    with Image.open(bi.ICON_ICO) as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])


def test_spec_is_valid_python_and_uses_the_shared_lists():
    spec = bi.SPEC.read_text(encoding="utf-8")
    ast.parse(spec)
    for name in ("bi.data_files", "bi.hidden_imports", "bi.excludes", "bi.keep_data", "bi.keep_binary",
                 "bi.prune_unreachable", "bi.ICON_ICO"):
        assert name in spec
