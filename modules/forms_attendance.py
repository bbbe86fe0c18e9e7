"""The attendance sheet of a session: one radio group per expected person.

Field validation only; who is expected and who may mark is the service's business.
"""

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from modules.models import Attendance, AttendanceStatus, SwarmedMember

INVALID_STATUS = _("Choisissez l'une des quatre présences proposées.")


def field_name(member: SwarmedMember) -> str:
    return f"status_{member.pk}"


@dataclass(frozen=True)
class SheetLine:
    member: SwarmedMember
    field: forms.BoundField
    attendance: Attendance | None


@dataclass(frozen=True)
class SheetGroup:
    name: str
    lines: list[SheetLine]


class AttendanceSheetForm(forms.Form):
    """A status per person (optional: people not seen yet can wait for a later visit)."""

    def __init__(
        self,
        *args,
        members: list[SwarmedMember],
        attendances: dict[int, Attendance],
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.members = members
        self.attendances = attendances
        for member in members:
            row = attendances.get(member.pk)
            self.fields[field_name(member)] = forms.ChoiceField(
                label=str(member.user),
                required=False,
                choices=AttendanceStatus.choices,
                widget=forms.RadioSelect,
                initial=row.status if row else None,
                error_messages={"invalid_choice": INVALID_STATUS},
            )

    def statuses(self) -> dict[int, str]:
        """The statuses that changed on the sheet (call after `is_valid()`), by member id.

        Only changes are sent: saving the sheet for one person leaves everyone else's row, and
        the automatic absences nobody touched, as they were.
        """
        changed = set(self.changed_data)
        return {
            member.pk: self.cleaned_data[field_name(member)]
            for member in self.members
            if field_name(member) in changed and self.cleaned_data.get(field_name(member))
        }

    def groups(self) -> list[SheetGroup]:
        """The sheet structure by structure, in the members' order."""
        groups: list[SheetGroup] = []
        current = None
        for member in self.members:
            if member.swarmed_structure_id != current:
                current = member.swarmed_structure_id
                groups.append(SheetGroup(name=member.swarmed_structure.structure.name, lines=[]))
            groups[-1].lines.append(
                SheetLine(
                    member=member,
                    field=self[field_name(member)],
                    attendance=self.attendances.get(member.pk),
                )
            )
        return groups
