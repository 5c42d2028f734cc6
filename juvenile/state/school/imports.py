"""The import page: upload (kept on the server), preview with every error, then the
import as a background task with its progress, and a summary.

The file's bytes are kept in the server's session cache (juvenile.cache), not
in the state: with Redis the state is written at every event and progress
poll, and the state holds only the cache key's random reference. A file kept
longer than ``UPLOAD_TTL_SECONDS`` is forgotten, and the page asks for it
again. The checks and the writing run in a worker thread so the page stays
responsive.
"""

import asyncio
import logging

import reflex as rx

from juvenile.cache import SessionKey, session_cache
from juvenile.errors import Refusal
from juvenile.i18n import Counted, format_date, translate
from juvenile.imports.table import ImportRejected, RowError
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
from juvenile.state.messages import said, said_refusal
from juvenile.state.workspace import WorkspaceState, row_errors

UPLOAD_ID = "import-upload"
KINDS = [kind.value for kind in ImportKind]
_POLL_SECONDS = 0.25
UPLOAD_PURPOSE = "import-upload"
UPLOAD_TTL_SECONDS = 60 * 60  # from the upload to the click on "Import"

_LOG = logging.getLogger(__name__)


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
    _upload_ref: str = ""  # the uploaded file's reference in the session cache
    _preview: ImportPreview | None = None
    _rejected: list[RowError] = []  # the refused file's problems, for a language switch

    @rx.var
    def required_columns(self) -> str:
        required, optional = columns_of(ImportKind(self.kind))
        return ", ".join(required) + (" [, " + ", ".join(optional) + "]" if optional else "")

    def _upload_key(self) -> SessionKey | None:
        """Where the uploaded file is kept, if one is."""
        if not self._upload_ref:
            return None
        return SessionKey(UPLOAD_PURPOSE, self.router.session.client_token, self._upload_ref)

    def _forget_upload(self) -> None:
        key = self._upload_key()
        self._upload_ref = ""
        if key is not None:
            session_cache().discard(key)

    def _upload_expired(self, language: str) -> None:
        """The kept file is gone (kept too long): the user uploads it again."""
        self._forget_upload()
        self.phase, self.errors, self.error_count = "rejected", [], 0
        self._say("message", said("ui.school.import.upload_expired"), language)

    def _show_rejection(self, rejected: ImportRejected, language: str) -> None:
        """The file's problems, row by row; kept as data so a language switch
        writes them again (issue 20, item 1)."""
        self._rejected = rejected.errors
        self.error_count = len(rejected.errors)
        self.errors = row_errors(rejected, language)
        self._say("message", said("import.rejected", count=self.error_count), language)

    def _render(self, language: str) -> None:
        if self._rejected:
            self.errors = row_errors(ImportRejected(self._rejected), language)

    def _reset(self, phase: str = "empty") -> None:
        self._forget_upload()
        self.phase, self.file_name, self._preview = phase, "", None
        self.columns, self.preview, self.errors = [], [], []
        self.row_count = self.error_count = self.progress = 0
        self._rejected = []
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
        """Read the chosen file and keep it in the session cache, which is never a
        public folder."""
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
            self._say("message", said("ui.school.import.too_large",
                                      limit=MAX_UPLOAD_BYTES // (1024 * 1024)),
                      await self._language())
            return None
        key = SessionKey.new(UPLOAD_PURPOSE, self.router.session.client_token)
        await asyncio.to_thread(session_cache().put, key, data, UPLOAD_TTL_SECONDS)
        self._upload_ref = key.ref
        return ImportState.check

    @rx.event(background=True)
    async def check(self):
        """The preview: the whole file checked as the import would, nothing written."""
        async with self:
            actor, key, kind = self._actor(), self._upload_key(), self.kind
            name, language = self.file_name, await self._language()
        if actor is None:
            async with self:
                return self._to_sign_in()
        if key is None:
            return
        data = await asyncio.to_thread(session_cache().get, key)
        if data is None:
            async with self:
                if self._upload_ref == key.ref:
                    self._upload_expired(language)
            return
        try:
            preview = await asyncio.to_thread(preview_import, actor, ImportKind(kind), data,
                                              name)
        except Exception as error:  # noqa: BLE001 (sorted in _fail; never stuck on "checking")
            async with self:
                self._fail(error, name, language)
            return
        async with self:
            self._preview = preview
            self.columns, self.preview = list(preview.columns), preview.rows
            self.row_count = preview.row_count
            self.phase = "ready"
            self.message = self._describe(preview.summary, language, done=False)

    def _fail(self, error: Exception, name: str, language: str) -> None:
        """The file was not checked or imported, and why; nothing was written."""
        if isinstance(error, ImportRejected):
            self.phase = "rejected"
            self._forget_upload()
            self._show_rejection(error, language)
        elif isinstance(error, AccessDenied | NotFound):
            self._refused()
            self._say("message", said("ui.school.import.not_your_school"), language)
        elif isinstance(error, Refusal):  # e.g. another user wrote the same rows at once
            self._refused()
            self._say("message", said_refusal(error), language)
        else:
            _LOG.error("import of %s failed", name, exc_info=error)
            self._refused()
            self._say("message", said("import.error.unexpected"), language)

    def _refused(self) -> None:
        """The file was refused as a whole (no rows to list); nothing was written."""
        self.phase, self.errors, self.error_count = "rejected", [], 0
        self._forget_upload()

    @staticmethod
    def _describe(summary, language: str, done: bool) -> str:
        """What the file does (preview) or did (summary), in the user's language."""
        if isinstance(summary, AttendanceImportSummary):
            key = ("ui.school.import.done_attendance" if done
                   else "ui.school.import.will_attendance")
            return translate(key, language, count=summary.marks,
                             students=Counted("attendance.of_students", summary.students),
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
            actor, key, kind = self._actor(), self._upload_key(), self.kind
            if actor is None:  # the session ended after the check
                return self._to_sign_in()
            name, language = self.file_name, await self._language()
            self.phase, self.progress = "importing", 0
        data = await asyncio.to_thread(session_cache().get, key) if key else None
        if data is None:
            async with self:
                self._upload_expired(language)
            return
        done = {"done": 0, "total": 1}

        def report(count: int, total: int) -> None:
            done.update(done=count, total=max(1, total))

        task = asyncio.ensure_future(asyncio.to_thread(run_import, actor, ImportKind(kind), data,
                                                       name, report))
        while not task.done():
            await asyncio.sleep(_POLL_SECONDS)
            async with self:
                self.progress = min(99, round(100 * done["done"] / done["total"]))
        try:
            summary = task.result()
        except Exception as error:  # noqa: BLE001 (sorted in _fail; the data may have changed)
            async with self:
                self._fail(error, name, language)
            return
        async with self:
            self.phase, self.progress = "done", 100
            self._forget_upload()
            self.summary = self._describe(summary, language, done=True)
            if isinstance(summary, AttendanceImportSummary) and summary.last_day:
                self.scan_month = month_key(summary.last_day)
