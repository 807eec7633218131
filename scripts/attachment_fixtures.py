#!/usr/bin/env python3
"""Writes the inputs LibreOffice renders into the attachment fixtures, and the OFD fixtures.

usage: attachment_fixtures.py fodt SRC.txt OUT.fodt [--furniture]
       attachment_fixtures.py ofd SRC.txt OUT.ofd

fodt: a flat OpenDocument text laid out like a 公文 (A4, 16 pt serif CJK, justified, a
two-character first-line indent); with --furniture, a running header (the title) and a footer
"第N页 共M页" plus "- N -" on every page.

ofd: no tool in Debian writes OFD (GB/T 33190), so this writes one from the text, following
the standard's package structure: OFD.xml (DocInfo with Title, Author, CreationDate) ->
Doc_0/Document.xml (CommonData, Pages) -> Doc_0/Pages/Page_N/Content.xml (a Layer of
TextObjects, one per printed line, at millimetre positions), Doc_0/PublicRes.xml (the font).
Lines are broken at the page width (28 characters of 16 pt on a 156 mm measure, wider
Latin digits counted as half a character), paragraphs start with a two-character indent, and
each page carries a "- N -" page number, as a printed report does.
"""
import sys
import zipfile
from xml.sax.saxutils import escape

def paragraphs(path):
    with open(path, encoding="utf-8") as f:
        return [" ".join(l.split()) for l in f.read().splitlines() if l.strip()]

FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>{title}</dc:title><meta:creation-date>2025-01-15T09:30:00</meta:creation-date></office:meta>
<office:font-face-decls>
 <style:font-face style:name="Noto Serif CJK SC" svg:font-family="'Noto Serif CJK SC'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:text-align="start" fo:text-indent="32pt" fo:line-height="28pt"/>
  <style:text-properties style:font-name="Noto Serif CJK SC" fo:font-size="16pt"
   style:font-name-asian="Noto Serif CJK SC" style:font-size-asian="16pt" fo:language="zh" fo:country="CN"
   style:language-asian="zh" style:country-asian="CN"/>
 </style:default-style>
 <style:style style:name="Furniture" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:text-indent="0pt"/>
  <style:text-properties fo:font-size="10.5pt" style:font-size-asian="10.5pt"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="210mm" fo:page-height="297mm"
   fo:margin-top="{top}" fo:margin-bottom="{bottom}" fo:margin-left="28mm" fo:margin-right="26mm"/>
  {header_style}
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">{furniture}</style:master-page>
</office:master-styles>
<office:body><office:text>
"""

def fodt(src, out, furniture):
    paras = paragraphs(src)
    title = paras[0][:40]
    if furniture:
        header_style = ('<style:header-style><style:header-footer-properties fo:min-height="0mm" fo:margin-bottom="5mm"/></style:header-style>'
                        '<style:footer-style><style:header-footer-properties fo:min-height="0mm" fo:margin-top="5mm"/></style:footer-style>')
        furn = ('<style:header><text:p text:style-name="Furniture">某县人民政府办公室文件汇编</text:p></style:header>'
                '<style:footer><text:p text:style-name="Furniture">- <text:page-number text:select-page="current"/> -</text:p>'
                '<text:p text:style-name="Furniture">第<text:page-number text:select-page="current"/>页 共<text:page-count/>页</text:p></style:footer>')
        top, bottom = "25mm", "20mm"
    else:
        header_style, furn, top, bottom = "", "", "37mm", "35mm"
    body = "".join(f"<text:p>{escape(p)}</text:p>\n" for p in paras)
    with open(out, "w", encoding="utf-8") as f:
        f.write(FODT_HEAD.format(title=escape(title), header_style=header_style,
                                 furniture=furn, top=top, bottom=bottom))
        f.write(body)
        f.write("</office:text></office:body></office:document>\n")

NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
MEASURE, SIZE, LEFT, TOP, LINE, PER_PAGE = 156.0, 5.64, 28.0, 37.0, 9.9, 22

def width(ch):
    return 0.5 if ord(ch) < 0x2E80 else 1.0

def wrap(para):
    """Printed lines of one paragraph: (indent in characters, text)."""
    lines, cur, used, first = [], "", 2.0, True
    cap = MEASURE / SIZE
    for ch in para:
        if used + width(ch) > cap:
            lines.append((2 if first else 0, cur))
            cur, used, first = "", 0.0, False
        cur += ch
        used += width(ch)
    lines.append((2 if first else 0, cur))
    return lines

def text_object(oid, x, y, text):
    # DeltaX: each glyph's advance, so a reader can place the characters.
    deltas = " ".join(f"{width(c) * SIZE:.2f}" for c in text[:-1])
    return (f'<ofd:TextObject ID="{oid}" Boundary="{x:.2f} {y:.2f} {MEASURE:.2f} {SIZE * 1.2:.2f}" Font="2" Size="{SIZE}">'
            f'<ofd:TextCode X="0" Y="{SIZE:.2f}" DeltaX="{deltas}">{escape(text)}</ofd:TextCode></ofd:TextObject>')

def ofd(src, out):
    paras = paragraphs(src)
    printed = [l for p in paras for l in wrap(p)]
    pages = [printed[i:i + PER_PAGE] for i in range(0, len(printed), PER_PAGE)]
    z = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED)
    z.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {NS} Version="1.1" DocType="OFD">'
               f'<ofd:DocBody><ofd:DocInfo><ofd:DocID>0c1d4f7e6a8b4b3c9d2e1f0a5b6c7d8e</ofd:DocID>'
               f'<ofd:Title>{escape(paras[0][:40])}</ofd:Title><ofd:Author>govreport fixtures</ofd:Author>'
               f'<ofd:CreationDate>2025-01-15</ofd:CreationDate></ofd:DocInfo>'
               f'<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
    page_refs = "".join(f'<ofd:Page ID="{i + 10}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages)))
    z.writestr("Doc_0/Document.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {NS}>'
               f'<ofd:CommonData><ofd:MaxUnitID>{100000}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>'
               f'<ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages>{page_refs}</ofd:Pages></ofd:Document>')
    z.writestr("Doc_0/PublicRes.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res {NS} BaseLoc="Res">'
               f'<ofd:Fonts><ofd:Font ID="2" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>')
    oid = 1000
    for n, page in enumerate(pages):
        objs = []
        for i, (indent, text) in enumerate(page):
            oid += 1
            objs.append(text_object(oid, LEFT + indent * SIZE, TOP + i * LINE, text))
        oid += 1
        # The page number, drawn before the body: a reader must order by position.
        objs.insert(0, text_object(oid, 100.0, 270.0, f"- {n + 1} -"))
        z.writestr(f"Doc_0/Pages/Page_{n}/Content.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {NS}>'
                   f'<ofd:Content><ofd:Layer ID="{n + 5000}">{"".join(objs)}</ofd:Layer></ofd:Content></ofd:Page>')
    z.close()

if __name__ == "__main__":
    kind, src, out = sys.argv[1:4]
    if kind == "fodt":
        fodt(src, out, "--furniture" in sys.argv[4:])
    else:
        ofd(src, out)
