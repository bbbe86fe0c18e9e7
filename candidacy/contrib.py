from portal.registry import register_demo

register_demo(
    order=50,
    name="Saisons, appel à territoires et candidatures",
    path="candidacy.demo.load_call",
)
