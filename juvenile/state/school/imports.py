"""The import page: upload (kept in memory), preview with every error, then the
import as a background task with its progress, and a summary.

The file's bytes live in a backend var only; the checks and the writing run in
a worker thread so the page stays responsive.
"""

import asyncio

import reflex as rx

from juvenile.i18n import format_date, translate
from juvenile.imports.table import ImportRejected
from juvenile.rules.attendance import month_key
from juvenile.security.gate import AccessDenied, NotFound
from juvenile.services.school.attendance_import import AttendanceImportSummary
from juvenile.services.school.imports import (
    MAX_UPLOAD_BYTES,
    ImportKind,
    ImportPreview,
    columns_of,
    preview_import,
    run_import,
)
from juvenile.state.auth import AuthState
from juvenile.state.workspace import WorkspaceState, row_errors

UPLOAD_ID = "import-upload"
KINDS = [kind.value for kind in ImportKind]
_POLL_SECONDS = 0.25


class ImportState(WorkspaceState, AuthState):
    kind: str = ImportKind.ATTENDANCE.value
    file_name: str = ""
    phase: str = "empty"  # empty | checking | rejected | ready | importing | done
    columns: list[str] = []
    preview: list[list[str]] = []
    row_count: int = 0
    errors: list[dict[str, str]] = []
    error_count: int = 0
    message: str = ""
    progress: int = 0
    summary: str = ""
    scan_month: str = ""
    _data: bytes = b""
    _preview: ImportPreview | None = None

    @rx.var
    def required_columns(self) -> str:
        required, optional = columns_of(ImportKind(self.kind))
        return ", ".join(required) + (" [, " + ", ".join(optional) + "]" if optional else "")

    def _reset(self, phase: str = "empty") -> None:
        self.phase, self.file_name, self._data, self._preview = phase, "", b"", None
        self.columns, self.preview, self.errors = [], [], []
        self.row_count = self.error_count = self.progress = 0
        self.message = self.summary = self.scan_month = ""

    @rx.event
    def load(self):
        if self._actor() is None:
            return self._to_sign_in()
        if self.phase != "importing":
            self._reset()
        return None

    @rx.event
    def set_kind(self, kind: str | list[str]):
        if self.phase in ("checking", "importing"):
            return
        self.kind = kind if kind in KINDS else ImportKind.ATTENDANCE.value
        self._reset()

    @rx.event
    def start_over(self):
        if self.phase != "importing":
            self._reset()

    @rx.event
    async def upload(self, files: list[rx.UploadFile]):
        """Read the chosen file into memory; it is never saved to a public folder."""
        if self._actor() is None:
            return self._to_sign_in()
        if not files or self.phase in ("checking", "importing"):
            return None
        upload = files[0]
        data = await upload.read(MAX_UPLOAD_BYTES + 1)
        self._reset("checking")
        self.file_name = (upload.name or "file")[:200]
        if len(data) > MAX_UPLOAD_BYTES:
            self.phase = "rejected"
            self.message = await self._text("ui.school.import.too_large",
                                            limit=MAX_UPLOAD_BYTES // (1024 * 1024))
            return None
        self._data = data
        return ImportState.check

    @rx.event(background=True)
    async def check(self):
        """The preview: the whole file checked as the import would, nothing written."""
        async with self:
            actor, data, kind = self._actor(), self._data, self.kind
            name, language = self.file_name, await self._language()
        if actor is None or not data:
            return
        try:
            preview = await asyncio.to_thread(preview_import, actor, kind, data, name)
        except ImportRejected as rejected:
            async with self:
                self.phase = "rejected"
                self.errors = row_errors(rejected, language)
                self.error_count = len(rejected.errors)
                self.message = translate("import.rejected", language, count=self.error_count)
                self._data = b""
            return
        except (AccessDenied, NotFound):
            async with self:
                self.phase, self._data = "rejected", b""
                self.message = translate("ui.school.import.not_your_school", language)
            return
        async with self:
            self._preview = preview
            self.columns, self.preview = list(preview.columns), preview.rows
            self.row_count = preview.row_count
            self.phase = "ready"
            self.message = self._describe(preview.summary, language, done=False)

    @staticmethod
    def _describe(summary, language: str, done: bool) -> str:
        """What the file does (preview) or did (summary), in the user's language."""
        if isinstance(summary, AttendanceImportSummary):
            key = ("ui.school.import.done_attendance" if done
                   else "ui.school.import.will_attendance")
            return translate(key, language, marks=summary.marks, students=summary.students,
                             first=format_date(summary.first_day, language),
                             last=format_date(summary.last_day, language))
        key = "ui.school.import.done_students" if done else "ui.school.import.will_students"
        return translate(key, language, created=summary.created, updated=summary.updated,
                         transferred=summary.transferred)

    @rx.event(background=True)
    async def run(self):
        """Import the checked file; the bar follows the writing."""
        async with self:
            if self.phase != "ready":
                return
            actor, data, kind = self._actor(), self._data, self.kind
            name, language = self.file_name, await self._language()
            self.phase, self.progress = "importing", 0
        if actor is None:
            return
        done = {"done": 0, "total": 1}

        def report(count: int, total: int) -> None:
            done.update(done=count, total=max(1, total))

        task = asyncio.ensure_future(asyncio.to_thread(run_import, actor, kind, data, name,
                                                       report))
        while not task.done():
            await asyncio.sleep(_POLL_SECONDS)
            async with self:
                self.progress = min(99, round(100 * done["done"] / done["total"]))
        try:
            summary = task.result()
        except ImportRejected as rejected:  # the data changed since the preview
            async with self:
                self.phase, self._data = "rejected", b""
                self.errors = row_errors(rejected, language)
                self.error_count = len(rejected.errors)
                self.message = translate("import.rejected", language, count=self.error_count)
            return
        except (AccessDenied, NotFound):
            async with self:
                self.phase, self._data = "rejected", b""
                self.message = translate("ui.school.import.not_your_school", language)
            return
        async with self:
            self.phase, self.progress, self._data = "done", 100, b""
            self.summary = self._describe(summary, language, done=True)
            if isinstance(summary, AttendanceImportSummary) and summary.last_day:
                self.scan_month = month_key(summary.last_day)
