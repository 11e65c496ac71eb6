# ruff: noqa: E501  (article text and HTML templates: long lines are the data)
"""Write the imitation news pages and their expected article text (run once; output committed).

Each page wraps one article of articles.py in the markup of a different kind of site: a wire
service, a public broadcaster, a newspaper with comments, a WordPress blog, an old table
layout, a regional portal with photo tables and a comment counter, a blogging platform, a
paywalled daily with ad slots, a listicle, a museum press page, a live-updates page. All carry
navigation, related links, cookie banners, share bars, newsletters or comments around the
article. The expected text is the title and the article's paragraphs, subheadings, list items
and quotes, one per paragraph; captions, bylines and everything else on the page are not in it.

    .venv/bin/python tests/data/html/make_pages.py
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from articles import ARTICLES, Article

HERE = Path(__file__).resolve().parent
e = html.escape

NAV = """<header class="site-header"><a class="logo" href="/">{site}</a>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/world">World</a></li>
<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li><li><a href="/culture">Culture</a></li>
<li><a href="/opinion">Opinion</a></li></ul></nav>
<form class="search" action="/search"><input name="q" placeholder="Search"><button>Search</button></form></header>"""

COOKIES = """<div id="cookie-consent" class="cookie-banner" role="dialog"><p>We use cookies and similar
technologies to personalise content and ads, and to analyse our traffic. By clicking "Accept all" you
agree to the storing of cookies on your device.</p><button>Accept all</button><button>Manage
settings</button></div>"""

RELATED = """<aside class="related"><h3>Related stories</h3><ul>
<li><a href="/r1">Ferry fares to rise by 6% from next month</a></li>
<li><a href="/r2">Council elections: what the candidates promise on housing</a></li>
<li><a href="/r3">Opinion: our towns need more than new roads</a></li>
<li><a href="/r4">Weather: a warm week ahead with storms at the weekend</a></li></ul></aside>"""

FOOTER = """<footer class="site-footer"><ul><li><a href="/about">About us</a></li><li><a href="/contact">
Contact</a></li><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li>
</ul><p>© 2024 {site}. All rights reserved. Reproduction without permission is prohibited.</p></footer>"""

SHARE = """<div class="share-bar"><span>Share this article</span><a href="#">Facebook</a>
<a href="#">Twitter</a><a href="#">WhatsApp</a><a href="#">Email</a><a href="#">Copy link</a></div>"""

NEWSLETTER = """<div class="newsletter-signup"><h3>Get the morning briefing</h3><p>Sign up for our free
newsletter and get the day's most important stories in your inbox every morning.</p>
<form><input type="email" placeholder="Your email"><button>Subscribe</button></form></div>"""

COMMENTS = """<section id="comments" class="comments"><h3>Comments (3)</h3>
<div class="comment"><span class="author">harbour_watcher</span><p>About time! This has been discussed
for years and nothing ever happened until now, so I am glad to see a decision at last.</p></div>
<div class="comment"><span class="author">Mina K.</span><p>I doubt the numbers in this plan. Who is going
to pay when the costs double, as they always do with projects like this one?</p></div>
<div class="comment"><span class="author">oldtimer</span><p>My grandfather worked there all his life and
would not recognise the place today. Sad to see it change so much.</p></div>
<form class="comment-form"><textarea></textarea><button>Post comment</button></form></section>"""


def page(site: str, head_extra: str, body: str, title: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{e(title)} | {site}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="{e(title)}"><meta property="og:site_name" content="{site}">
<link rel="stylesheet" href="/static/main.css">{head_extra}
<script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
</head><body>
{body}
<script src="/static/app.js"></script></body></html>
"""


def blocks_html(blocks: list[tuple[str, str]], p_attr: str = "", list_tag: str = "ul") -> str:
    out: list[str] = []
    items: list[str] = []
    for kind, text in [*blocks, ("end", "")]:
        if kind != "li" and items:
            out.append(
                f"<{list_tag}>" + "".join(f"<li>{e(t)}</li>" for t in items) + f"</{list_tag}>"
            )
            items = []
        if kind == "p":
            out.append(f"<p{p_attr}>{e(text)}</p>")
        elif kind == "h2":
            out.append(f"<h2>{e(text)}</h2>")
        elif kind == "li":
            items.append(text)
        elif kind == "quote":
            out.append(f"<blockquote><p>{e(text)}</p></blockquote>")
    return "\n".join(out)


def figure(caption: str, credit: str) -> str:
    return (
        f'<figure class="media"><img src="/img/photo.jpg" alt="{e(caption)}" width="800" height="450">'
        f'<figcaption>{e(caption)} <span class="credit">Photo: {e(credit)}</span></figcaption></figure>'
    )


def wire(a: Article) -> str:
    title, blocks = a
    paras = "\n".join(
        f'<p data-testid="paragraph-{i}" class="text__text">{e(t)}</p>'
        for i, (k, t) in enumerate(blocks)
        if k == "p"
    )
    body = f"""{NAV.format(site="Example Wire")}
<main id="main-content"><article class="article"><header><h1 data-testid="Heading">{e(title)}</h1>
<div class="info"><span>By Hanna Berg and Luis Ortega</span><time datetime="2024-05-14">May 14, 2024
10:42 AM GMT+2 Updated 2 hours ago</time></div></header>
{SHARE}
<div class="article-body__content">{paras}
<p class="sign-off">Reporting by Hanna Berg; Editing by Luis Ortega</p></div>
<div class="trust"><a href="/principles">Our Standards: The Example Wire Trust Principles.</a></div>
</article>{RELATED}</main>{FOOTER.format(site="Example Wire")}"""
    return page("Example Wire", "", body, title)


def broadcaster(a: Article) -> str:
    title, blocks = a
    parts = []
    for i, (kind, text) in enumerate(blocks):
        if kind == "h2":
            parts.append(f'<div data-component="subheadline-block"><h2>{e(text)}</h2></div>')
        else:
            parts.append(f'<div data-component="text-block"><p>{e(text)}</p></div>')
        if i == 1:
            parts.append(
                '<div data-component="image-block">'
                + figure("A night train at the station in Arnau", "Example Rail")
                + "</div>"
            )
    body = f"""<div id="cookiePrompt">{COOKIES}</div>{NAV.format(site="Example Broadcasting")}
<main id="main-content"><article><header><h1 id="main-heading">{e(title)}</h1></header>
<div data-component="byline-block"><span>Sofia Lind</span><span>Transport correspondent</span></div>
<time>3 June 2024</time>
{"".join(parts)}
<div data-component="tag-list"><h2>Related topics</h2><ul><li><a href="/t/rail">Rail travel</a></li>
<li><a href="/t/tourism">Tourism</a></li></ul></div></article>
<section class="more-on-this-story"><h2>More on this story</h2><ul><li><a href="/x">Rail fares frozen
for another year</a></li><li><a href="/y">Is the sleeper train coming back?</a></li></ul></section>
</main>{FOOTER.format(site="Example Broadcasting")}"""
    return page("Example Broadcasting", "", body, title)


def newspaper(a: Article) -> str:
    title, blocks = a
    body_html = blocks_html(blocks[:2]) + figure(
        "Dry fields near the eastern reservoir", "Jan Holm/Example Images"
    )
    body_html += NEWSLETTER.replace("newsletter-signup", "newsletter-signup aside") + blocks_html(
        blocks[2:]
    )
    body = f"""{NAV.format(site="The Daily Example")}{COOKIES}
<div class="content"><main><article><div class="headline"><h1>{e(title)}</h1>
<div class="standfirst-meta"><address>Ruth Adler, Environment reporter</address>
<p class="dateline">Thu 18 Jul 2024 14.05 BST</p></div></div>
<div class="article-body-commercial-selector article-body-viewer-selector">{body_html}</div>
{SHARE}</article>{COMMENTS}</main>{RELATED}</div>{FOOTER.format(site="The Daily Example")}"""
    return page("The Daily Example", "", body, title)


def wordpress(a: Article) -> str:
    title, blocks = a
    body = f"""<div id="page" class="site">{NAV.format(site="Oster Bay Notes")}
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main">
<article id="post-812" class="post type-post status-publish format-standard hentry">
<header class="entry-header"><h1 class="entry-title">{e(title)}</h1><div class="entry-meta">
<span class="posted-on">Posted on <time>March 2, 2024</time></span> <span class="byline">by
<a href="/author/ada">ada</a></span></div></header>
<div class="entry-content">{blocks_html(blocks)}
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li>Twitter</li>
<li>Facebook</li></ul></div><div class="jp-relatedposts"><h3>Related</h3><p>Seed swap in April</p></div>
</div><footer class="entry-footer"><span class="cat-links">Posted in Community</span>
<span class="tags-links">Tagged library, repair</span></footer></article>
<div id="comments" class="comments-area"><h2 class="comments-title">2 thoughts on "{e(title)}"</h2>
<ol class="comment-list"><li class="comment"><article class="comment-body"><footer class="comment-meta">
<b class="fn">Pete</b> says:</footer><div class="comment-content"><p>Brought my old radio last month and it
works again. Wonderful people, thank you all for your patience and help!</p></div></article></li>
<li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">Lise</b>
says:</footer><div class="comment-content"><p>Is there a list of what you cannot repair? I have an old
washing machine that stopped working.</p></div></article></li></ol>
<div id="respond" class="comment-respond"><h3>Leave a Reply</h3></div></div></main></div>
<aside id="secondary" class="widget-area"><section class="widget"><h2>Recent Posts</h2><ul>
<li>Seed swap in April</li><li>Winter opening hours</li></ul></section><section class="widget">
<h2>Archives</h2><ul><li>March 2024</li><li>February 2024</li></ul></section></aside></div>
<footer class="site-footer">Proudly powered by WordPress</footer></div>"""
    return page("Oster Bay Notes", "", body, title)


def tables(a: Article) -> str:
    title, blocks = a
    rows = "".join(
        f'<tr><td class="text"><blockquote><font face="Arial">{e(t)}</font></blockquote></td></tr>'
        if k == "quote"
        else f'<tr><td class="text"><p><font face="Arial" size="2">{e(t)}</font></p></td></tr>'
        for k, t in blocks
    )
    body = f"""<table width="100%" border="0"><tr><td colspan="3" class="top"><a href="/">MERELSTADT
COURIER</a> | <a href="/local">Local</a> | <a href="/region">Region</a> | <a href="/sport">Sport</a>
</td></tr><tr><td width="160" valign="top" class="left"><a href="/archive">Archive</a><br><a
href="/subscribe">Subscribe</a><br><a href="/ads">Classifieds</a></td>
<td valign="top" class="main"><table width="100%"><tr><td><h1><font face="Georgia">{e(title)}</font></h1>
</td></tr><tr><td class="date"><font size="1">Wednesday, 10 April 2024 - 17:22</font></td></tr>
{rows}<tr><td><font size="1">Print | Email this story</font></td></tr></table></td>
<td width="160" valign="top" class="right"><b>Most read</b><br><a href="/1">Market moves to old
station</a><br><a href="/2">School roof repairs delayed again</a></td></tr>
<tr><td colspan="3" class="bottom">Merelstadt Courier, Canal Street 4 - Tel. 555 0101 - © 2024</td></tr>
</table>"""
    return page("Merelstadt Courier", "", body, title)


def portal(a: Article) -> str:
    title, blocks = a
    paras = blocks_html(blocks[:2])
    photo = (
        '<table class="image center"><tbody><tr><td><img src="/img/storks.jpg"></td></tr>'
        '<tr><td class="image_desc"><p>Storks nesting on a chimney near the Lenna reserve. '
        "Photo: Example News</p></td></tr></tbody></table>"
    )
    body = f"""{NAV.format(site="Example News Portal")}<div class="breadcrumb"><a href="/">Home</a> &gt;
<a href="/environment">Environment</a></div><div class="main-col"><div class="article-detail">
<h1 class="article-title">{e(title)}</h1><div class="article-meta"><span class="time">Friday,
23/08/2024 - 09:15</span></div><div class="detail-content">{paras}{photo}{blocks_html(blocks[2:])}
<p class="author">Minh Anh (According to Example Wire)</p></div>
<div class="source">Source: https://example-news.test/environment/storks-record-2024.html</div>
<div class="comment-count">Comment (0)</div><div class="tags">Tags: <a>storks</a> <a>wetlands</a>
</div></div><div class="same-category"><h3>Same category</h3><ul><li><a>Fish return to the river
after dam removal</a></li><li><a>Bees in the city: rooftop hives thrive</a></li></ul></div></div>
{FOOTER.format(site="Example News Portal")}"""
    return page("Example News Portal", "", body, title)


def blogging(a: Article) -> str:
    title, blocks = a
    parts = []
    for kind, text in blocks:
        if kind == "h2":
            parts.append(f'<h2 class="pw-post-title" data-selectable-paragraph="">{e(text)}</h2>')
        else:
            parts.append(
                f'<p class="pw-post-body-paragraph" data-selectable-paragraph="">{e(text)}</p>'
            )
    body = f"""<div class="top-bar"><a href="/">Example Blogs</a><a href="/signin">Sign in</a>
<a href="/signup">Get started</a></div><div class="meteredContent"><article><div class="section">
<h1 class="pw-post-title">{e(title)}</h1><div class="author-row"><a href="/@road">Road Notes</a>
<button>Follow</button><span>4 min read</span><span>·</span><span>Jun 20, 2024</span></div>
<div class="clap-bar"><button>👏 312</button><button>💬 14</button><button>Share</button></div>
<section>{"".join(parts)}</section></div></article></div>
<div class="more-from"><h2>More from Road Notes</h2><div><a>Why roundabouts work</a><p>Traffic
engineers explain a simple idea that saves lives.</p></div><div><a>The case for slower streets</a>
</div></div><div class="recommended"><h2>Recommended from Example Blogs</h2><ul><li>Ten tips for
winter cycling</li><li>My first year without a car</li></ul></div>"""
    return page("Example Blogs", "", body, title)


def daily(a: Article) -> str:
    title, blocks = a
    cols = []
    for i, (_kind, text) in enumerate(blocks):
        cols.append(
            f'<div class="StoryBodyCompanionColumn"><div><p class="css-at9mc1 evys1bk0">{e(text)}</p></div></div>'
        )
        if i == 1:
            cols.append(
                '<div id="story-ad-1" class="ad"><p>Advertisement</p><p>Continue reading the main story</p></div>'
            )
    body = f"""<div id="app"><div class="gateway">You have 2 free articles left this month.
<a href="/subscribe">Subscribe</a></div>{NAV.format(site="The Example Times")}
<main id="site-content"><article id="story"><header><h1 data-testid="headline">{e(title)}</h1>
<div class="byline"><p>By Theo Grant</p><time>Sept. 8, 2024</time></div></header>
<section name="articleBody" itemprop="articleBody">{"".join(cols)}</section>
<div class="bottom-of-article"><p>A version of this article appears in print on Sept. 9, 2024,
Section B, Page 4 of the New York edition.</p><button>Read 87 comments</button></div>
</article>{RELATED}</main>{FOOTER.format(site="The Example Times")}</div>"""
    return page("The Example Times", "", body, title)


def press(a: Article) -> str:
    title, blocks = a
    body = f"""{NAV.format(site="City of Korrin")}<div class="container"><ol class="breadcrumb">
<li>Home</li><li>Press</li><li>2024</li></ol><div class="press-release"><h1>{e(title)}</h1>
<p class="meta">Press release - 7 October 2024</p><div class="field-body">{blocks_html(blocks)}</div>
<div class="media-contact"><h3>Media contact</h3><p>Press office, City of Korrin, press@korrin.example,
+00 555 0199</p></div><div class="downloads"><h3>Downloads</h3><ul><li>Tree plan summary (PDF, 2 MB)</li>
<li>Map of target districts (PNG)</li></ul></div></div></div>
<div class="feedback">Was this page helpful? <button>Yes</button><button>No</button></div>
{FOOTER.format(site="City of Korrin")}"""
    return page("City of Korrin", "", body, title)


def museum(a: Article) -> str:
    title, blocks = a
    pull = blocks[2][1].split(",")[0] + '"'
    parts = (
        blocks_html(blocks[:2])
        + f'<aside class="pullquote">{e(pull)}</aside>'
        + blocks_html(blocks[2:])
    )
    body = f"""<div id="onetrust-banner-sdk" class="otFloatingRoundedCorner"><div id="onetrust-policy">
<h2 id="onetrust-policy-title">Your privacy</h2><p id="onetrust-policy-text">We and our partners use
cookies to store and access information on your device for analytics and personalised content.</p>
<button id="onetrust-accept-btn-handler">I Accept</button></div></div>
{NAV.format(site="Example Culture Magazine")}<main><div class="post"><h1 class="post-title">{e(title)}</h1>
<div class="post-meta">By <a>Lena Ortiz</a> · 12 November 2024 · 5 min read</div>
{figure("The carved doors before their return", "Example Museum")}
<div class="post-content">{parts}
<p class="read-more"><strong>Read more:</strong> <a href="/m">Which museums are returning objects, and
why</a></p></div>
<div class="post-tags"><a>Museums</a> <a>Heritage</a> <a>Restitution</a></div>
<div class="author-bio"><h4>About the author</h4><p>Lena Ortiz writes about museums, heritage and the
politics of collecting for Example Culture Magazine.</p></div>{NEWSLETTER}</div></main>
{FOOTER.format(site="Example Culture Magazine")}"""
    return page("Example Culture Magazine", "", body, title)


def live(a: Article) -> str:
    title, blocks = a
    json_ld = (
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
        f'"headline":"{e(title)}","datePublished":"2024-11-30T08:00:00Z"}}</script>'
    )
    body = f"""{NAV.format(site="Example Coast Radio")}<div class="alert-banner">Weather warning: listen
live for updates <a>Listen live</a></div><main><div class="article-container" itemprop="articleBody">
<h1 itemprop="headline">{e(title)}</h1><div class="article-meta"><span>Newsroom</span> <span>30 Nov
2024, 08:00</span> <span>Last updated: Saturday, 30 November 2024, 14:12 GMT</span></div>
{blocks_html(blocks)}<div class="listen"><p>Listen to this article</p></div>{SHARE}</div>
<div class="live-ticker"><h3>Latest</h3><ul><li>12:40 Ferry service suspended</li><li>11:55 Coastal
road closed near Hessel</li><li>10:02 Schools open as usual on Monday</li></ul></div></main>
{FOOTER.format(site="Example Coast Radio")}"""
    return page("Example Coast Radio", json_ld, body, title)


def br_paragraphs(a: Article) -> str:
    """An old CMS: no <p>, paragraphs split by <br><br>, headline in a div, teasers with text."""
    title, blocks = a
    text = "<br><br>\n".join(e(t) for _k, t in blocks)
    teasers = "".join(
        f'<div class="teaser"><a href="/t{i}"><b>{e(h)}</b></a><br>{e(d)}</div>'
        for i, (h, d) in enumerate(
            [
                (
                    "Tram line extension opens",
                    "The new stretch to the hospital carries its first passengers after two years of works, with trams every eight minutes at peak times.",
                ),
                (
                    "Market hall to close for repairs",
                    "Traders will move to a temporary tent on the square from January while the roof of the 1890s hall is replaced.",
                ),
                (
                    "Police appeal after break-ins",
                    "Officers are asking residents of the east side to report anyone seen checking car doors at night.",
                ),
            ]
        )
    )
    body = f"""<div id="top"><img src="/logo.gif" alt="Capital Evening Post"><div class="menu">
<a href="/">Front page</a> - <a href="/city">City</a> - <a href="/jobs">Jobs</a> - <a href="/cars">Cars</a></div></div>
<div id="wrapper"><div id="left"><div class="hl">{e(title)}</div><div class="date">Monday, 13 January 2025</div>
<div id="story">{text}</div><div class="tools"><a href="#">Print</a> | <a href="#">Send to a friend</a></div></div>
<div id="right"><div class="box"><div class="boxtitle">More news</div>{teasers}</div></div></div>
<div id="bottom">Capital Evening Post - Registered in the press register under no. 1442 - © 2025</div>"""
    return page("Capital Evening Post", "", body, title)


def forum_replies(a: Article) -> str:
    """A community news site: reader replies in a thread that is not labelled as comments."""
    title, blocks = a
    replies = "".join(
        f'<div class="post"><div class="post-author">{e(u)}</div><div class="post-body"><p>{e(t)}</p></div></div>'
        for u, t in [
            (
                "walker_62",
                "Great work by Otto and the volunteers. I walk with my mother every Sunday and we will use this map to find a route along the park with places to sit.",
            ),
            (
                "lisa.h",
                "Could the map also show which benches are broken? The one by the north gate has been missing a plank since the summer and nobody has fixed it.",
            ),
            (
                "Tom B",
                "The river wall really needs benches. It is the nicest walk in town and there is nowhere to stop for more than half a kilometre.",
            ),
        ]
    )
    body = f"""{NAV.format(site="Lissau Community News")}<div class="container"><div class="story-wrap">
<h1 class="story-title">{e(title)}</h1><div class="meta">Posted by <a>editor</a> on 2 October 2024</div>
<div class="story-text">{blocks_html(blocks)}</div></div>
<div class="thread"><div class="thread-head">3 replies</div>{replies}
<div class="reply-box"><textarea placeholder="Write a reply"></textarea><button>Reply</button></div></div>
<div class="about-box"><h4>About Lissau Community News</h4><p>Lissau Community News is run by volunteers and
reports on the old town and its neighbourhoods. We rely on readers to send us stories and photos.</p></div>
</div>{FOOTER.format(site="Lissau Community News")}"""
    return page("Lissau Community News", "", body, title)


def inline_extras(a: Article) -> str:
    """A business site: inline read-more links, a video with caption, a poll and a key-facts box."""
    title, blocks = a
    parts = []
    for i, (_k, t) in enumerate(blocks):
        parts.append(f"<p>{e(t)}</p>")
        if i == 0:
            parts.append(
                '<p class="inline-link"><strong>READ MORE:</strong> <a href="/r">Shipyards bet on batteries as orders grow</a></p>'
            )
        if i == 1:
            parts.append(
                '<div class="video"><iframe src="https://video.example/embed/123"></iframe><p class="video-caption">Video: How a battery ferry charges in port (Example TV, 2 min)</p></div>'
            )
        if i == 3:
            parts.append(
                '<div class="poll"><p>Would you pay more for a ferry ticket on an electric ship?</p><button>Yes</button><button>No</button></div>'
            )
    body = f"""{NAV.format(site="Example Business Daily")}{COOKIES}<main><article class="story">
<div class="kicker"><a href="/shipping">Shipping</a></div><h1>{e(title)}</h1>
<div class="byline">Carla Mendes · Shipping editor · 21 March 2025, 11:05</div>
<div class="story-body">{"".join(parts)}</div>
<div class="key-facts"><h4>Key facts</h4><ul><li>Founded: 1961</li><li>Routes: 7</li><li>Employees: 1,200</li></ul></div>
{SHARE}</article>{RELATED}{NEWSLETTER}</main>{FOOTER.format(site="Example Business Daily")}"""
    return page("Example Business Daily", "", body, title)


SITES: list[tuple[str, Callable[[Article], str]]] = [
    ("wire", wire),
    ("broadcaster", broadcaster),
    ("newspaper_comments", newspaper),
    ("wordpress_blog", wordpress),
    ("table_layout", tables),
    ("regional_portal", portal),
    ("listicle_blog_platform", blogging),
    ("metered_daily", daily),
    ("city_press_release", press),
    ("magazine_pullquote", museum),
    ("radio_live", live),
    ("br_paragraphs_teasers", br_paragraphs),
    ("forum_replies", forum_replies),
    ("inline_extras", inline_extras),
]


def expected_text(a: Article) -> str:
    title, blocks = a
    return "\n\n".join([title] + [text for _kind, text in blocks]) + "\n"


def main() -> None:
    for number, (name, make) in enumerate(SITES, start=1):
        article = ARTICLES[number - 1]
        stem = f"{number:02d}_{name}"
        (HERE / f"{stem}.html").write_text(make(article), encoding="utf-8")
        (HERE / f"{stem}.expected.txt").write_text(expected_text(article), encoding="utf-8")
        print(stem)


if __name__ == "__main__":
    main()
