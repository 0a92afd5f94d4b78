#!/usr/bin/env python3
"""Writes consultation-fictive.xlsx, the deflated workbook XLSXReaderTests reads.

Standard library only (zipfile, ZIP_DEFLATED); fixed timestamps so that the output does not
depend on the day it is run. Every name and answer is invented.

    python3 Tests/IngestTests/Fixtures/make_consultation_xlsx.py

What the tests expect (sheet "Réponses", then sheet "Codes"):

    row 1  id_repondant | groupe     | q1 — Qu’attendez-vous ? | note
    row 2  FAUX-001     | locataire  | Ascenseur en panne encore 😡 (rich text, 3 runs) | 3
    row 3  FAUX-002     | salarié    | Chauffage & eau chaude <froids> "toujours" | 4.5
    row 4  (no row element: skipped)
    row 5  FAUX-003     | partenaire | Très bien\r\nmerci (inline string, _x000D_) | TRUE (boolean)
    row 6  FAUX-004     | (no B6)    | Rien à signaler | 10 (formula 5*2, cached value)

    Codes: code | libellé ; LOC | Locataire fictif
"""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "consultation-fictive.xlsx")

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

content_types = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
</Types>"""

root_rels = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""

workbook = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook {NS} {RNS}>
<bookViews><workbookView activeTab="0"/></bookViews>
<sheets>
<sheet name="Réponses" sheetId="1" r:id="rId1"/>
<sheet name="Codes" sheetId="2" r:id="rId2"/>
</sheets>
</workbook>"""

workbook_rels = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="{REL}/worksheet" Target="worksheets/sheet2.xml"/>
<Relationship Id="rId3" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>"""

# Shared strings, by index:
#  0 id_repondant  1 groupe  2 q1 — Qu’attendez-vous ?  3 note  4 FAUX-001  5 locataire
#  6 rich text "Ascenseur en panne " + "encore" + " 😡"  7 FAUX-002  8 salarié
#  9 Chauffage & eau chaude <froids> "toujours"  10 FAUX-003  11 partenaire  12 FAUX-004
# 13 Rien à signaler  14 code  15 libellé  16 LOC  17 Locataire fictif
shared_strings = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst {NS} count="18" uniqueCount="18">
<si><t>id_repondant</t></si>
<si><t>groupe</t></si>
<si><t>q1 — Qu’attendez-vous ?</t></si>
<si><t>note</t></si>
<si><t>FAUX-001</t></si>
<si><t>locataire</t></si>
<si><r><t xml:space="preserve">Ascenseur en panne </t></r><r><rPr><b/></rPr><t>encore</t></r><r><t xml:space="preserve"> 😡</t></r></si>
<si><t>FAUX-002</t></si>
<si><t>salarié</t></si>
<si><t>Chauffage &amp; eau chaude &lt;froids&gt; &quot;toujours&quot;</t></si>
<si><t>FAUX-003</t></si>
<si><t>partenaire</t></si>
<si><t>FAUX-004</t></si>
<si><t>Rien &#224; signaler</t></si>
<si><t>code</t></si>
<si><t>libellé</t></si>
<si><t>LOC</t></si>
<si><t>Locataire fictif</t></si>
</sst>"""

sheet1 = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet {NS} {RNS}>
<dimension ref="A1:D6"/>
<sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>
<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="s"><v>5</v></c><c r="C2" t="s"><v>6</v></c><c r="D2"><v>3</v></c></row>
<row r="3"><c r="A3" t="s"><v>7</v></c><c r="B3" t="s"><v>8</v></c><c r="C3" t="s"><v>9</v></c><c r="D3"><v>4.5</v></c></row>
<row r="5"><c r="A5" t="s"><v>10</v></c><c r="B5" t="s"><v>11</v></c><c r="C5" t="inlineStr"><is><t>Très bien_x000D_
merci</t></is></c><c r="D5" t="b"><v>1</v></c></row>
<row r="6"><c r="A6" t="s"><v>12</v></c><c r="C6" t="s"><v>13</v></c><c r="D6"><f>5*2</f><v>10</v></c></row>
</sheetData>
</worksheet>"""

sheet2 = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet {NS}>
<sheetData>
<row r="1"><c r="A1" t="s"><v>14</v></c><c r="B1" t="s"><v>15</v></c></row>
<row r="2"><c r="A2" t="s"><v>16</v></c><c r="B2" t="s"><v>17</v></c></row>
</sheetData>
</worksheet>"""

parts = [
    ("[Content_Types].xml", content_types),
    ("_rels/.rels", root_rels),
    ("xl/workbook.xml", workbook),
    ("xl/_rels/workbook.xml.rels", workbook_rels),
    ("xl/sharedStrings.xml", shared_strings),
    ("xl/worksheets/sheet1.xml", sheet1),
    ("xl/worksheets/sheet2.xml", sheet2),
]

with zipfile.ZipFile(OUT, "w") as z:
    for name, text in parts:
        info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        z.writestr(info, text.encode("utf-8"))

print(OUT)
