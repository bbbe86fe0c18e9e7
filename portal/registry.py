"""Where the apps built on the portal plug in, the way Wagtail's hooks work.

Each app declares its contributions in `<app>/contrib.py` (imported when Django starts):
demo data loaders and personal-dashboard panels. The portal reads the registry and never
imports those apps.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.module_loading import import_string


@dataclass(order=True)
class DemoLoader:
    order: int
    name: str = field(compare=False)
    #: Dotted path of `load(stdout)`, imported only when `load_demo` runs.
    path: str = field(compare=False)

    def load(self, stdout) -> None:
        import_string(self.path)(stdout)


@dataclass(order=True)
class DashboardPanel:
    order: int
    name: str = field(compare=False)
    #: Returns the template context of the panel for this request, or None to hide it.
    build: Callable[[Any], dict | None] = field(compare=False)
    template: str = field(compare=False)


_demo_loaders: dict[str, DemoLoader] = {}
_dashboard_panels: dict[str, DashboardPanel] = {}


def register_demo(*, order: int, name: str, path: str) -> None:
    """Register a demo loader; it must be idempotent, as `load_demo` may run again."""
    _demo_loaders[name] = DemoLoader(order=order, name=name, path=path)


def register_dashboard_panel(*, order: int, name: str, template: str) -> Callable:
    def decorator(build: Callable[[Any], dict | None]) -> Callable[[Any], dict | None]:
        _dashboard_panels[name] = DashboardPanel(
            order=order, name=name, build=build, template=template
        )
        return build

    return decorator


def demo_loaders() -> list[DemoLoader]:
    return sorted(_demo_loaders.values())


def dashboard_panels() -> list[DashboardPanel]:
    return sorted(_dashboard_panels.values())
