"""The commission's composition (Art. 79 (4)): who sits on it now and who did.

The secretary adds a person and takes one out of the composition (or back in);
a member who is out stays in the attendance of past meetings but no longer
counts towards a quorum. Members read the list without its controls.
"""

import dataclasses

import reflex as rx

from juvenile.errors import Refusal
from juvenile.i18n import translate
from juvenile.models import MemberPosition
from juvenile.security.gate import AccessDenied, NotFound
from juvenile.services.commission.members import (
    NAME_MAX_LENGTH,
    Composition,
    add_member,
    commission_composition,
    set_member_active,
)
from juvenile.state.auth import AuthState
from juvenile.state.commission.common import WorkspaceState, neutral, parse_id, rule_message

POSITIONS = [position.value for position in MemberPosition]


@dataclasses.dataclass
class MemberView:
    member_id: str = ""
    full_name: str = ""
    position: str = ""
    active: bool = True


class MembersState(WorkspaceState, AuthState):
    loaded: bool = False
    members: list[MemberView] = []
    current: int = 0  # how many count towards a quorum
    may_change: bool = False
    position_options: list[dict[str, str]] = []
    new_name: str = ""
    new_position: str = MemberPosition.MEMBER.value
    name_error: str = ""
    error: str = ""
    _composition: Composition | None = None

    @rx.event
    async def load(self):
        self.new_name, self.new_position = "", MemberPosition.MEMBER.value
        self.name_error = self.error = ""
        return await self._refresh()

    async def _refresh(self):
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        try:
            self._composition = commission_composition(actor)
        except (AccessDenied, NotFound, Refusal):
            self.denied, self._composition, self.members = True, None, []
            return None
        self.denied, self.loaded = False, True
        await self._show_page()
        return None

    def _render(self, language: str) -> None:
        self.position_options = [
            {"value": position, "label": translate(f"composition.position.{position}",
                                                   language)}
            for position in POSITIONS]
        composition = self._composition
        if composition is None:
            return
        self.may_change = composition.may_change
        self.current = sum(line.active for line in composition.members)
        self.members = [
            MemberView(member_id=str(line.member_id), full_name=line.full_name,
                       position=translate(f"composition.position.{line.position.value}",
                                          language),
                       active=line.active)
            for line in composition.members]

    @rx.event
    def set_new_name(self, value: str):
        self.new_name, self.name_error = str(value)[:NAME_MAX_LENGTH + 50], ""

    @rx.event
    def set_new_position(self, value: str):
        if str(value) in POSITIONS:
            self.new_position, self.error = str(value), ""

    @rx.event
    async def add(self):
        """Add the person typed in to the composition, in the position chosen."""
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        if self._composition is None:
            return None
        language = await self._language()
        try:
            add_member(actor, self._composition.commission_id, self.new_name,
                       self.new_position)
        except (AccessDenied, NotFound):
            self.error = neutral(language)
            return None
        except Refusal as refused:
            if refused.key == "composition.bad_name":
                self.name_error = rule_message(refused, language)
            else:
                self.error = rule_message(refused, language)
            return None
        added = " ".join(self.new_name.split())
        self.new_name, self.error = "", ""
        await self._refresh()
        return rx.toast.success(translate("ui.commission.members.added", language,
                                          name=added))

    @rx.event
    async def set_active(self, member_id: str, active: bool):
        """Take a member out of the composition, or back in (the service checks that the
        member is of this commission and that the chair or secretary post is free)."""
        actor = self._actor()
        if actor is None:
            return self._to_sign_in()
        language = await self._language()
        self.error = ""
        try:
            set_member_active(actor, parse_id(member_id) or 0, bool(active))
        except (AccessDenied, NotFound):
            self.error = neutral(language)
            return None
        except Refusal as refused:
            self.error = rule_message(refused, language)
            return None
        await self._refresh()
        return None
