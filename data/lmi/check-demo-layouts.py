#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# check-demo-layouts.py: checks that the "Pay and careers" demo data keeps the
# published layouts (BLS OEWS and LAUS flat files, the BLS projections table,
# Projections Central, O*NET text files, the center's requirements CSV) and
# that its invented figures hang together.
#
#   check-demo-layouts.py DIR         check DIR (data/lmi/demo); exit 1 on a fault
#   check-demo-layouts.py --self-test DIR
#                                     break copies of DIR in known ways and
#                                     exit 1 unless every break is caught

import csv
import os
import re
import shutil
import sys
import tempfile
from decimal import Decimal

OE_DATA_HEADER = ["series_id", "year", "period", "value", "footnote_codes"]
OE_SERIES_HEADER = ["series_id", "seasonal", "areatype_code", "industry_code", "occupation_code", "datatype_code",
                    "state_code", "area_code", "sector_code", "series_title", "footnote_codes", "begin_year",
                    "begin_period", "end_year", "end_period"]
LA_SERIES_HEADER = ["series_id", "area_type_code", "area_code", "measure_code", "seasonal", "srd_code",
                    "series_title", "footnote_codes", "begin_year", "begin_period", "end_year", "end_period"]
EP_HEADER = [
    "2023 National Employment Matrix title", "2023 National Employment Matrix code", "Occupation type",
    "Employment, 2023", "Employment, 2033", "Employment distribution, percent, 2023",
    "Employment distribution, percent, 2033", "Employment change, numeric, 2023\u201333",
    "Employment change, percent, 2023\u201333", "Percent self employed, 2023",
    "Occupational openings, 2023\u201333 annual average", "Median annual wage, dollars, 2024[1]",
    "Typical education needed for entry", "Work experience in a related occupation",
    "Typical on-the-job training needed to attain competency in the occupation"]
PC_HEADER = ["STFIPS", "Area", "OccCode", "Title", "BaseYear", "Base", "ProjYear", "Projected", "Change",
             "PercentChange", "AvgAnnualOpenings", "StateURL"]
ONET_HEADERS = {
    "Occupation Data.txt": ["O*NET-SOC Code", "Title", "Description"],
    "Alternate Titles.txt": ["O*NET-SOC Code", "Title", "Alternate Title", "Short Title", "Source(s)"],
    "Task Statements.txt": ["O*NET-SOC Code", "Title", "Task ID", "Task", "Task Type", "Incumbents Responding",
                            "Date", "Domain Source"],
    "Education, Training, and Experience.txt": [
        "O*NET-SOC Code", "Title", "Element ID", "Element Name", "Scale ID", "Category", "Data Value", "N",
        "Standard Error", "Lower CI Bound", "Upper CI Bound", "Recommend Suppress", "Date", "Domain Source"],
    "Education, Training, and Experience Categories.txt": [
        "Element ID", "Element Name", "Scale ID", "Scale Name", "Category", "Category Description"],
    "Job Zones.txt": ["O*NET-SOC Code", "Title", "Job Zone", "Date", "Domain Source"],
    "Skills.txt": ["O*NET-SOC Code", "Title", "Element ID", "Element Name", "Scale ID", "Data Value", "N",
                   "Standard Error", "Lower CI Bound", "Upper CI Bound", "Recommend Suppress", "Not Relevant",
                   "Date", "Domain Source"],
    "Related Occupations.txt": ["O*NET-SOC Code", "Title", "Related O*NET-SOC Code", "Related Title",
                                "Relatedness Tier", "Index"],
    "Interests.txt": ["O*NET-SOC Code", "Title", "Element ID", "Element Name", "Scale ID", "Data Value", "Date",
                      "Domain Source"],
    "Interests Illustrative Activities.txt": ["Element ID", "Element Name", "Interest Type", "Activity"],
}
RIASEC_IDS = {"1.B.1.a": "Realistic", "1.B.1.b": "Investigative", "1.B.1.c": "Artistic", "1.B.1.d": "Social",
              "1.B.1.e": "Enterprising", "1.B.1.f": "Conventional"}
EDUCATION = {"No formal educational credential", "High school diploma or equivalent", "Some college, no degree",
             "Postsecondary nondegree award", "Associate's degree", "Bachelor's degree", "Master's degree",
             "Doctoral or professional degree"}
EXPERIENCE = {"None", "Less than 5 years", "5 years or more"}
TRAINING = {"None", "Short-term on-the-job training", "Moderate-term on-the-job training",
            "Long-term on-the-job training", "Apprenticeship", "Internship/residency"}
KINDS = {"license", "certificate", "background check", "drug test", "driver's license"}
WANTED_AREAS = {"0000000": "N", "3900000": "S", "0018140": "M"}
TOP_HOURLY = Decimal("115.00")

faults = []


def fault(where, why):
    faults.append("%s: %s" % (where, why))


def lines_of(path):
    """The file's lines without their newline; a CR, a missing final newline or bad UTF-8 is a fault."""
    with open(path, "rb") as f:
        raw = f.read()
    name = os.path.basename(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        fault(name, "not UTF-8 (%s)" % e)
        return []
    if not text.endswith("\n"):
        fault(name, "no newline at the end")
    if "\r" in text and not name.endswith(".csv"):
        fault(name, "carriage return in a tab-separated file")
    return text.rstrip("\n").split("\n")


def table(path, header, strip_first=False):
    """Tab-separated rows under an exact header, each with the header's column count."""
    rows = []
    ls = lines_of(path)
    if not ls:
        return rows
    name = os.path.basename(path)
    head = ls[0].split("\t")
    if strip_first:
        if head[0] != head[0].strip().ljust(30):
            fault(name + ":1", "first column not padded to 30 characters")
        head = [h.strip() for h in head]
    if head != header:
        fault(name + ":1", "header is %r, expected %r" % (head, header))
    for n, line in enumerate(ls[1:], start=2):
        cols = line.split("\t")
        if len(cols) != len(header):
            fault("%s:%d" % (name, n), "%d columns, expected %d" % (len(cols), len(header)))
            continue
        rows.append((n, cols))
    return rows


def num(s):
    try:
        return Decimal(s)
    except Exception:
        return None


# ---------------------------------------------------------------------------

def check_bls_data(path, id_re, periods, footnotes):
    """A BLS time-series data file: {series_id: {(year, period): (value, footnote)}}."""
    name = os.path.basename(path)
    out = {}
    for n, (sid, year, period, value, fn) in table(path, OE_DATA_HEADER, strip_first=True):
        where = "%s:%d" % (name, n)
        if len(sid) != 30 or sid != sid.rstrip().ljust(30):
            fault(where, "series_id not padded to 30 characters")
        sid = sid.rstrip()
        if not re.fullmatch(id_re, sid):
            fault(where, "series id %r is malformed" % sid)
        if not re.fullmatch(r"\d{4}", year):
            fault(where, "year %r" % year)
        if not re.fullmatch(periods, period):
            fault(where, "period %r" % period)
        if len(value) != 12 or value != value.strip().rjust(12):
            fault(where, "value not right-aligned in 12 characters")
        v = value.strip()
        if v != "-" and num(v) is None:
            fault(where, "value %r is not a number" % v)
        if fn not in footnotes:
            fault(where, "footnote %r" % fn)
        key = (year, period)
        if key in out.get(sid, {}):
            fault(where, "%s %s %s given twice" % (sid, year, period))
        out.setdefault(sid, {})[key] = (v, fn)
    return out


def check_oews(d):
    data = check_bls_data(os.path.join(d, "oe.data.0.Current"),
                          r"OEU[NSM]\d{7}000000\d{6}(0[13-9]|1[0-7])", r"A01", {"", "1", "2", "3", "4", "5", "8"})
    areas = {}
    for n, (state, code, atype, name) in table(os.path.join(d, "oe.area"),
                                               ["state_code", "area_code", "areatype_code", "area_name"]):
        areas[code] = (state, atype, name)
    for code, atype in WANTED_AREAS.items():
        if areas.get(code, (None, None))[1] != atype:
            fault("oe.area", "area %s (%s) missing" % (code, atype))
    if not any(a[1] == "S" and c not in WANTED_AREAS for c, a in areas.items()) or \
            not any(a[1] == "M" and a[0] != "39" for c, a in areas.items()):
        fault("oe.area", "no other state and its metro, to show what an import skips")
    occs = {}
    for n, cols in table(os.path.join(d, "oe.occupation"), ["occupation_code", "occupation_name",
                                                            "occupation_description", "display_level",
                                                            "selectable", "sort_sequence"]):
        occs[cols[0]] = cols[1]
    dts = {c[0] for n, c in table(os.path.join(d, "oe.datatype"), ["datatype_code", "datatype_name"])}
    fns = {c[0] for n, c in table(os.path.join(d, "oe.footnote"), ["footnote_code", "footnote_text"])}
    series = {}
    for n, cols in table(os.path.join(d, "oe.series"), OE_SERIES_HEADER, strip_first=True):
        sid = cols[0].rstrip()
        where = "oe.series:%d" % n
        want = ("U", sid[3], "000000", sid[17:23], sid[23:25], sid[4:11])
        got = (cols[1], cols[2], cols[3], cols[4], cols[5], cols[7])
        if got != want:
            fault(where, "fields %r do not match the series id %s" % (got, sid))
        if cols[7] in areas and cols[6] != areas[cols[7]][0]:
            fault(where, "state_code %s, oe.area says %s" % (cols[6], areas[cols[7]][0]))
        if cols[10] and cols[10] not in fns:
            fault(where, "footnote %s not in oe.footnote" % cols[10])
        series[sid] = cols
    for sid, obs in data.items():
        if sid not in series:
            fault("oe.data.0.Current", "%s is not in oe.series" % sid)
        area, occ, dt = sid[4:11], sid[17:23], sid[23:25]
        atype = areas.get(area, (None, None))[1]
        if atype != sid[3]:
            fault("oe.data.0.Current", "%s: area %s is %s in oe.area" % (sid, area, atype))
        if occ not in occs:
            fault("oe.data.0.Current", "%s: occupation %s not in oe.occupation" % (sid, occ))
        if dt not in dts:
            fault("oe.data.0.Current", "%s: datatype %s not in oe.datatype" % (sid, dt))
        for (value, fn) in obs.values():
            if fn and fn not in fns:
                fault("oe.data.0.Current", "%s: footnote %s not in oe.footnote" % (sid, fn))
            if value == "-" and fn not in ("5", "8"):
                fault("oe.data.0.Current", "%s: '-' without footnote 5 or 8" % sid)
            if fn == "5" and not ("06" <= dt <= "15"):
                fault("oe.data.0.Current", "%s: top code on a figure that is not a wage percentile" % sid)
    for sid in series:
        if sid not in data:
            fault("oe.series", "%s has no data" % sid)

    # The figures of each occupation in each area.
    cells = {}
    for sid, obs in data.items():
        cells.setdefault((sid[4:11], sid[17:23]), {})[sid[23:25]] = next(iter(obs.values()))
    for (area, occ), v in sorted(cells.items()):
        where = "oe.data.0.Current %s %s" % (area, occ)
        for dt in ["01", "03", "04", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15"]:
            if dt not in v:
                fault(where, "datatype %s missing" % dt)
        if area != "0000000" and occ != "000000":
            for dt in ("16", "17"):
                if dt not in v:
                    fault(where, "datatype %s missing" % dt)
        hourly = [v.get(dt, ("-", ""))[0] for dt in ("06", "07", "08", "09", "10")]
        annual = [v.get(dt, ("-", ""))[0] for dt in ("11", "12", "13", "14", "15")]
        for kind, seq in (("hourly", hourly), ("annual", annual)):
            known = [num(x) for x in seq if x != "-"]
            if known != sorted(set(known)):
                fault(where, "%s percentiles not strictly rising: %s" % (kind, seq))
        for h, a, dth in zip(hourly + [v.get("03", ("-",))[0]], annual + [v.get("04", ("-",))[0]],
                             ["06", "07", "08", "09", "10", "03"]):
            if (h == "-") != (a == "-"):
                fault(where, "hourly %s and annual %s: one given, one not" % (h, a))
                continue
            if h == "-":
                if v.get(dth, ("-", ""))[1] == "5" and dth != "10":
                    fault(where, "a percentile below the 90th is top-coded")
                continue
            if not re.fullmatch(r"\d+\.\d\d", h):
                fault(where, "hourly %s not in dollars and cents" % h)
            if not re.fullmatch(r"\d+0", a):
                fault(where, "annual %s not rounded to ten dollars as OEWS rounds" % a)
            if abs(num(a) - num(h) * 2080) > Decimal("15.40"):
                fault(where, "annual %s is not hourly %s x 2,080" % (a, h))
            if num(h) >= TOP_HOURLY:
                fault(where, "hourly %s at or above the top code but published" % h)
        if v.get("10", ("", ""))[1] == "5" and (hourly[3] == "-" or num(hourly[3]) >= TOP_HOURLY):
            fault(where, "top-coded 90th percentile without a 75th below $115.00")
        emp = v.get("01", ("-",))[0]
        if emp != "-" and not re.fullmatch(r"\d+0", emp):
            fault(where, "employment %s not rounded to tens" % emp)
    edge = {fn for obs in data.values() for (_, fn) in obs.values()}
    for fn, what in (("5", "top-coded wage"), ("8", "estimate not released")):
        if fn not in edge:
            fault("oe.data.0.Current", "no %s (footnote %s) to show" % (what, fn))
    if not any(sid[4:11] == "0018140" and obs and next(iter(obs.values()))[1] == "8" for sid, obs in data.items()):
        fault("oe.data.0.Current", "no metro figure not released")
    return {occ for (area, occ) in cells if occ != "000000"}, occs, data


def check_laus(d):
    data = check_bls_data(os.path.join(d, "la.data.42.Ohio"), r"LAU(ST|CN)\d{13}0[3-6]", r"M(0[1-9]|1[0-3])",
                          {"", "P"})
    areas = {c[1] for n, c in table(os.path.join(d, "la.area"), ["area_type_code", "area_code", "area_text",
                                                                   "display_level", "selectable",
                                                                   "sort_sequence"])}
    series = {}
    for n, cols in table(os.path.join(d, "la.series"), LA_SERIES_HEADER, strip_first=True):
        sid = cols[0].rstrip()
        if len(sid) != 20:
            fault("la.series:%d" % n, "series id %r is not 20 characters" % sid)
        if (cols[2], cols[3], cols[4]) != (sid[3:18], sid[18:20], sid[2]):
            fault("la.series:%d" % n, "fields do not match the series id %s" % sid)
        if cols[2] not in areas:
            fault("la.series:%d" % n, "area %s not in la.area" % cols[2])
        series[sid] = cols
    for want in ("LAUST390000000000003", "LAUCN390490000000003"):
        if want not in data:
            fault("la.data.42.Ohio", "%s (unemployment rate) missing" % want)
    for sid, obs in data.items():
        if sid not in series:
            fault("la.data.42.Ohio", "%s is not in la.series" % sid)
            continue
        keys = sorted(obs)
        last = max(k for k in keys if k[1] != "M13")
        if (series[sid][10], series[sid][11]) != last:
            fault("la.series", "%s ends %s, its data %s" % (sid, series[sid][10:12], last))
        years = {y for y, p in keys}
        for y in years:
            months = {p for yy, p in keys if yy == y and p != "M13"}
            if (y, "M13") in obs and len(months) != 12:
                fault("la.data.42.Ohio", "%s %s: annual average without 12 months" % (sid, y))
        # P marks the latest months only: once a month is final, so is every one before it.
        flags = [obs[k][1] for k in keys if k[1] != "M13"]
        if "P" in flags and "" in flags[flags.index("P"):]:
            fault("la.data.42.Ohio", "%s: a final month after a preliminary one" % sid)
        if sid.endswith("03"):
            for k, (value, fn) in obs.items():
                if not re.fullmatch(r"\d{1,2}\.\d", value) or not (0 < num(value) < 30):
                    fault("la.data.42.Ohio", "%s %s: rate %s" % (sid, k, value))
                lf = data.get(sid[:18] + "06", {}).get(k)
                un = data.get(sid[:18] + "04", {}).get(k)
                if lf and un and abs(num(un[0]) / num(lf[0]) * 100 - num(value)) > Decimal("0.051"):
                    fault("la.data.42.Ohio", "%s %s: rate %s is not unemployment / labor force" % (sid, k, value))
    if not any(fn == "P" for obs in data.values() for _, fn in obs.values()):
        fault("la.data.42.Ohio", "no preliminary month")


def read_csv(path, header):
    name = os.path.basename(path)
    lines_of(path)
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if not rows or rows[0] != header:
        fault(name + ":1", "header is %r" % (rows[0] if rows else None))
        return []
    out = []
    for n, r in enumerate(rows[1:], start=2):
        if len(r) != len(header):
            fault("%s:%d" % (name, n), "%d columns, expected %d" % (len(r), len(header)))
            continue
        out.append((n, dict(zip(header, r))))
    return out


def check_projections(d, oews_data):
    nat, ohio = set(), set()
    for n, r in read_csv(os.path.join(d, "occupation-table-1.2.csv"), EP_HEADER):
        where = "occupation-table-1.2.csv:%d" % n
        code = r[EP_HEADER[1]]
        if not re.fullmatch(r"\d\d-\d{4}", code):
            fault(where, "code %r" % code)
        base, proj, change, pct = (num(r[EP_HEADER[i]]) for i in (3, 4, 7, 8))
        if None in (base, proj, change, pct) or num(r[EP_HEADER[10]]) is None:
            fault(where, "a figure is not a number")
            continue
        if abs(proj - base - change) > Decimal("0.11"):
            fault(where, "change %s is not %s - %s" % (change, proj, base))
        if abs(change / base * 100 - pct) > Decimal("0.15"):
            fault(where, "percent %s is not change / base" % pct)
        if r["Occupation type"] == "Summary":
            continue
        nat.add(code)
        if r[EP_HEADER[12]] not in EDUCATION or r[EP_HEADER[13]] not in EXPERIENCE or \
                r[EP_HEADER[14]] not in TRAINING:
            fault(where, "education, experience or training is not a BLS category")
        sid = "OEUN0000000000000%s13" % code.replace("-", "")
        median = next(iter(oews_data.get(sid, {}).values()), ("?",))[0]
        if r[EP_HEADER[11]] != median:
            fault(where, "median wage %s, the OEWS national median is %s" % (r[EP_HEADER[11]], median))
    for n, r in read_csv(os.path.join(d, "ohio-long-term-2022-2032.csv"), PC_HEADER):
        where = "ohio-long-term-2022-2032.csv:%d" % n
        if r["STFIPS"] != "39" or r["Area"] != "Ohio":
            fault(where, "not Ohio")
        base, proj, change, pct = (num(r[k]) for k in ("Base", "Projected", "Change", "PercentChange"))
        if None in (base, proj, change, pct):
            fault(where, "a figure is not a number")
            continue
        if proj - base != change or abs(change / base * 100 - pct) > Decimal("0.051"):
            fault(where, "change or percent does not follow from base and projected")
        ohio.add(r["OccCode"])
    return nat, ohio


def check_onet(d):
    t = {name: table(os.path.join(d, name), header) for name, header in ONET_HEADERS.items()}
    titles = {}
    for n, (code, title, desc) in t["Occupation Data.txt"]:
        if not re.fullmatch(r"\d\d-\d{4}\.\d\d", code):
            fault("Occupation Data.txt:%d" % n, "code %r" % code)
        if not desc:
            fault("Occupation Data.txt:%d" % n, "no description")
        titles[code] = title
    for name, rows in t.items():
        if "O*NET-SOC Code" not in ONET_HEADERS[name] or name == "Occupation Data.txt":
            continue
        for n, cols in rows:
            if cols[0] not in titles or cols[1] != titles[cols[0]]:
                fault("%s:%d" % (name, n), "%s %r is not in Occupation Data" % (cols[0], cols[1]))
    core = {}
    for n, cols in t["Task Statements.txt"]:
        if cols[4] == "Core":
            core[cols[0]] = core.get(cols[0], 0) + 1
    for code in titles:
        if not 5 <= core.get(code, 0) <= 8:
            fault("Task Statements.txt", "%s has %d core tasks, not 5 to 8" % (code, core.get(code, 0)))
    alts = {}
    for n, cols in t["Alternate Titles.txt"]:
        alts.setdefault(cols[0], set()).add(cols[2].lower())
        alts[cols[0]].add(cols[3].lower())
    for code in titles:
        if len(alts.get(code, ())) < 3:
            fault("Alternate Titles.txt", "%s has fewer than three alternate titles" % code)
    every_alt = set().union(*alts.values()) if alts else set()
    for word in ("cna", "forklift driver", "truck driver", "cashier"):
        if word not in every_alt:
            fault("Alternate Titles.txt", "nobody can find %r" % word)
    cats = {(c[2], c[4]) for n, c in t["Education, Training, and Experience Categories.txt"]}
    sums = {}
    for n, cols in t["Education, Training, and Experience.txt"]:
        if (cols[4], cols[5]) not in cats:
            fault("Education, Training, and Experience.txt:%d" % n, "category %s %s not listed" % (cols[4], cols[5]))
        sums[(cols[0], cols[4])] = sums.get((cols[0], cols[4]), Decimal(0)) + num(cols[6])
    for code in titles:
        for scale in ("RL", "RW", "PT", "OJ"):
            s = sums.get((code, scale))
            if s is None or abs(s - 100) > Decimal("0.5"):
                fault("Education, Training, and Experience.txt", "%s %s sums to %s" % (code, scale, s))
    for n, cols in t["Job Zones.txt"]:
        if cols[2] not in "12345" or len(cols[2]) != 1:
            fault("Job Zones.txt:%d" % n, "job zone %r" % cols[2])
    for n, cols in t["Skills.txt"]:
        v = num(cols[5])
        if cols[4] not in ("IM", "LV") or v is None or not (1 <= v <= 5 if cols[4] == "IM" else 0 <= v <= 7):
            fault("Skills.txt:%d" % n, "%s %s out of range" % (cols[4], cols[5]))
    for n, cols in t["Related Occupations.txt"]:
        if titles.get(cols[2]) != cols[3]:
            fault("Related Occupations.txt:%d" % n, "related %s %r not in Occupation Data" % (cols[2], cols[3]))
    oi = {}
    for n, cols in t["Interests.txt"]:
        v = num(cols[5])
        if cols[4] == "OI":
            if RIASEC_IDS.get(cols[2]) != cols[3] or v is None or not 1 <= v <= 7:
                fault("Interests.txt:%d" % n, "OI %s %s %s" % (cols[2], cols[3], cols[5]))
            oi.setdefault(cols[0], set()).add(cols[2])
        elif cols[4] != "IH" or v is None or not 0 <= v <= 6:
            fault("Interests.txt:%d" % n, "%s %s" % (cols[4], cols[5]))
    for code in titles:
        if oi.get(code) != set(RIASEC_IDS):
            fault("Interests.txt", "%s has no full RIASEC profile" % code)
    for n, cols in t["Interests Illustrative Activities.txt"]:
        if RIASEC_IDS.get(cols[0]) != cols[1] or cols[2] not in ("General", "Basic") or not cols[3]:
            fault("Interests Illustrative Activities.txt:%d" % n, "%r" % (cols,))
    return set(titles)


def soc_of(onet_code, socs):
    """The SOC an O*NET code joins: its own, or the broad one OEWS publishes (31-1121 -> 31-1120)."""
    soc = onet_code[:7]
    if soc in socs:
        return soc
    broad = soc[:6] + "0"
    return broad if broad in socs else None


def check(demo):
    del faults[:]
    for sub in ("", "oews", "laus", "projections", "onet"):
        if not os.path.isfile(os.path.join(demo, sub, "DEMO-DATA.txt")):
            fault(os.path.join(sub, "DEMO-DATA.txt"), "missing: the importer would not mark this release as demo")
    oews_occ, occ_names, oews_data = check_oews(os.path.join(demo, "oews"))
    socs = {o[:2] + "-" + o[2:] for o in oews_occ}
    check_laus(os.path.join(demo, "laus"))
    nat, ohio = check_projections(os.path.join(demo, "projections"), oews_data)
    onet = check_onet(os.path.join(demo, "onet"))
    joined = {soc_of(c, socs) for c in onet}
    for c in onet:
        if soc_of(c, socs) is None:
            fault("onet", "%s joins no OEWS occupation" % c)
    for soc in sorted(socs):
        for what, have in (("national projections", nat), ("Ohio projections", ohio), ("O*NET", joined)):
            if soc not in have:
                fault(what, "%s is in OEWS but not here" % soc)
    for soc in sorted((nat | ohio) - socs):
        fault("projections", "%s is not in OEWS" % soc)
    for n, r in read_csv(os.path.join(demo, "requirements.csv"),
                         ["soc", "requirement", "kind", "agency", "link", "note"]):
        where = "requirements.csv:%d" % n
        if r["soc"] not in socs:
            fault(where, "%s is not a demo occupation" % r["soc"])
        if r["kind"] not in KINDS:
            fault(where, "kind %r" % r["kind"])
        if not r["requirement"] or not r["agency"] or not r["link"].startswith("https://"):
            fault(where, "requirement, agency or https link missing")
    return list(faults)


# ---------------------------------------------------------------------------
# Self-test: each break below must be reported.

def edit(path, old, new, count=1):
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    assert old in text, (path, old)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text.replace(old, new, count))


def self_test(demo):
    def oe(p):
        return os.path.join("oews", p)

    breaks = [
        ("a 24-character series id", oe("oe.data.0.Current"),
         "OEUN000000000000041201108     ", "OEUN00000000000004120108      "),
        ("a space where a tab goes", oe("oe.data.0.Current"), "OEUN000000000000041201108     \t2024",
         "OEUN000000000000041201108      2024"),
        ("a median above the 75th percentile", oe("oe.data.0.Current"), "       14.52\t", "       19.52\t"),
        ("an annual wage that is not hourly x 2,080", oe("oe.data.0.Current"), "       30200\t", "       31200\t"),
        ("a '-' without its footnote", oe("oe.data.0.Current"), "           -\t8", "           -\t"),
        ("a preliminary month before a final one", os.path.join("laus", "la.data.42.Ohio"),
         "LAUCN390490000000003          \t2025\tM01\t         4.0\t",
         "LAUCN390490000000003          \t2025\tM01\t         4.0\tP"),
        ("a 19-character LAUS id", os.path.join("laus", "la.data.42.Ohio"),
         "LAUCN390490000000003          \t2024\tM01", "LAUCN39049000000003           \t2024\tM01"),
        ("a renamed projections column", os.path.join("projections", "occupation-table-1.2.csv"),
         "Employment, 2033", "Employment 2033"),
        ("an O*NET header without Title", os.path.join("onet", "Job Zones.txt"),
         "O*NET-SOC Code\tTitle\tJob Zone", "O*NET-SOC Code\tJob Zone"),
        ("an interest rating above 7", os.path.join("onet", "Interests.txt"), "\tOI\t6.", "\tOI\t9."),
        ("an occupation missing from O*NET", os.path.join("onet", "Occupation Data.txt"), "51-2092.00", "51-2093.00"),
        ("a requirement of an unknown kind", "requirements.csv", ",license,", ",permit,"),
    ]
    missed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for what, rel, old, new in breaks:
            copy = os.path.join(tmp, "demo")
            shutil.rmtree(copy, ignore_errors=True)
            shutil.copytree(demo, copy)
            edit(os.path.join(copy, rel), old, new)
            found = check(copy)
            print("%-45s %s" % (what, "caught: " + found[0] if found else "MISSED"))
            missed += not found
        copy = os.path.join(tmp, "demo")
        shutil.rmtree(copy)
        shutil.copytree(demo, copy)
        os.remove(os.path.join(copy, "laus", "DEMO-DATA.txt"))
        found = check(copy)
        print("%-45s %s" % ("a folder without DEMO-DATA.txt", "caught: " + found[0] if found else "MISSED"))
        missed += not found
    return missed


def main():
    args = sys.argv[1:]
    if args[:1] == ["--self-test"]:
        demo = args[1]
        if check(demo):
            print("\n".join(faults))
            return 1
        return 1 if self_test(demo) else 0
    if len(args) != 1:
        print(__doc__ if __doc__ else "usage: check-demo-layouts.py [--self-test] DIR", file=sys.stderr)
        return 2
    found = check(args[0])
    for f in found:
        print(f)
    print("%s: %d faults" % (args[0], len(found)))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
