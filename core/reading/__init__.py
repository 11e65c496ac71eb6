"""Reading articles: files and text in every input format into ``Document`` values.

``core.reading.dispatch`` holds the entry points (``read_path``, ``read_text``, ``format_of``,
``sniff_format``) and picks a format reader; the format readers (plain, markdown, html, pdf,
docx, odt) turn their input into blocks; ``core.reading.blocks`` builds the Document from
them, with roles (``core.reading.roles``) and sentences (``core.reading.sentences``).
"""
