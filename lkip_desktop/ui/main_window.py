"""The main window: welcome screen, navigation that follows the work, menus, status bar.

One workbook at a time. Pages are built the first time they are shown (a 100x workbook
opens fast) and thrown away when the workbook closes. Errors opening a file are shown in a
dialog; nothing else here opens dialogs on its own.

The window is the shell; each job lives in a mixin of ui/window/: menus, files, navigation,
edit_actions."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QByteArray, QTimer, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME
from . import appsettings, notices, work
from .context import WorkbookContext
from .pages.registry import PAGES
from .welcome import WelcomePage
from .window.edit_actions import EditActionsMixin
from .window.files import FilesMixin
from .window.menus import MenusMixin
from .window.navigation import NavigationMixin


ERROR_STATUS = "color: #b42318; font-weight: bold;"
INFO_STATUS = "color: #1d4d2b;"


class MainWindow(MenusMixin, FilesMixin, NavigationMixin, EditActionsMixin, QMainWindow):
    def __init__(self, parent=None, *, opening: bool = False):
        """``opening``: a workbook is opened right after (a file given at start): the welcome
        screen is made only if that open fails (it costs ~7 ms of the start)."""
        super().__init__(parent)
        self.context: WorkbookContext | None = None
        self.pages: dict[str, QWidget] = {}
        self._last_ref = None
        self._welcome: WelcomePage | None = None
        self.welcome_waits = opening
        self.setAcceptDrops(True)
        self.setWindowTitle(APP_NAME)

        self.stack = QStackedWidget()
        self.stack.addWidget(QWidget())  # shown while a workbook given at start opens

        self.work = QWidget()
        self.nav = QListWidget()
        self.nav.setAccessibleName("Navigasi")
        self.nav.setStyleSheet("QListWidget::item { padding: 5px 8px; }")
        for entry in PAGES:
            item = QListWidgetItem(entry.title)
            item.setData(Qt.ItemDataRole.UserRole, entry.key)
            item.setToolTip(f"{entry.title} ({entry.shortcut})")
            self.nav.addItem(item)
        fm = self.nav.fontMetrics()
        self.nav.setFixedWidth(max(fm.horizontalAdvance(p.title) for p in PAGES) + fm.averageCharWidth() * 6)
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.page_stack = QStackedWidget()
        self.notices = notices.NoticeArea()
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.notices)
        right.addWidget(self.page_stack, 1)
        lay = QHBoxLayout(self.work)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.nav)
        lay.addLayout(right, 1)
        self.stack.addWidget(self.work)
        self.setCentralWidget(self.stack)

        self.path_label = QLabel()
        self.saved_label = QLabel()
        self._saved_second = 0  # the second the saved label last showed
        self.msg_label = QLabel()
        self.msg_label.setWordWrap(False)
        for label in (self.path_label, self.msg_label):  # a long path or message never widens the window
            label.setMinimumWidth(40)  # below its text width: the layout may clip it
        sb = self.statusBar()
        sb.addWidget(self.path_label)
        sb.addWidget(self.msg_label, 1)
        sb.addPermanentWidget(self.saved_label)
        self._msg_timer = QTimer(self)
        self._msg_timer.setSingleShot(True)
        self._msg_timer.timeout.connect(lambda: self.msg_label.setText(""))

        self._build_menus()
        self._restore_window()
        self._update_state()

    @property
    def welcome(self) -> WelcomePage:
        """The welcome screen, made when first shown."""
        if self._welcome is None:
            self._welcome = w = WelcomePage()
            w.open_demo.connect(self.open_demo)
            w.new_workbook.connect(self.new_workbook)
            w.from_last_year.connect(self.new_from_last_year)
            w.open_file.connect(self.open_dialog)
            w.open_path.connect(self.open_path)
            self.stack.addWidget(w)
        return self._welcome

    def end_opening(self) -> None:
        """The open given at start is over: without a workbook, the welcome screen."""
        if self.welcome_waits:
            self.welcome_waits = False
            self._update_state()

    # -- status ------------------------------------------------------------------------------------
    def _changed(self, ch) -> None:
        second = int(time.time())
        if second != self._saved_second:  # the clock shows seconds: format it once a second, not per edit
            self._saved_second = second
            self.saved_label.setText(f"Semua perubahan tersimpan · {datetime.fromtimestamp(second):%H.%M.%S}")
        if ch.everything or ch.touched("opd"):
            self._update_title()
        self.clear_error()

    def clear_error(self) -> None:
        if self.msg_label.property("error"):
            self.msg_label.setText("")
            self.msg_label.setProperty("error", False)

    def show_message(self, text: str, error: bool = False) -> None:
        """Errors red and bold; done/info messages in the ordinary text colour with a mark."""
        self.msg_label.setProperty("error", error)
        self.msg_label.setStyleSheet(ERROR_STATUS if error else INFO_STATUS)
        self.msg_label.setText(text)
        self.msg_label.setToolTip(text)
        self._msg_timer.start(12000 if error else 6000)

    # -- window ---------------------------------------------------------------------------------------
    def _restore_window(self) -> None:
        geo = appsettings.settings().value("geometry")
        if isinstance(geo, QByteArray) and not geo.isEmpty():
            self.restoreGeometry(geo)
        self.fit_to_screen(first=not (isinstance(geo, QByteArray) and not geo.isEmpty()))

    def fit_to_screen(self, first: bool = False) -> None:
        """First start: 90 % of the available screen (at most 1280 x 800), centred. Later: a
        saved size is kept, but never larger than the screen (a laptop after a monitor)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1280, 800)
            return
        avail = screen.availableGeometry()
        if first:
            w, h = min(1280, int(avail.width() * 0.9)), min(800, int(avail.height() * 0.9))
        else:
            w, h = min(self.width(), avail.width()), min(self.height(), avail.height())
        self.resize(w, h)
        if first or not avail.contains(self.frameGeometry()):
            self.move(avail.center() - self.rect().center())

    def closeEvent(self, event) -> None:
        s = appsettings.settings()
        s.setValue("geometry", self.saveGeometry())
        s.sync()
        self.close_workbook()
        work.wait_for_orphans()
        super().closeEvent(event)

    def dragEnterEvent(self, event) -> None:
        if any(u.toLocalFile().lower().endswith(".lkip") for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        for u in event.mimeData().urls():
            if u.toLocalFile().lower().endswith(".lkip"):
                event.acceptProposedAction()
                self.open_path(Path(u.toLocalFile()))
                return
