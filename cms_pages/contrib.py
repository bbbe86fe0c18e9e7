from portal.registry import register_demo

register_demo(
    order=20,
    name="Site public : accueil, programme, pages légales",
    path="cms_pages.demo.load_site",
)
register_demo(
    order=90,
    name="Site public : actualités et évènements",
    path="cms_pages.demo.load_news_and_events",
)
