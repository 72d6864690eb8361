#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# make-demo-data.py: writes data/lmi/demo, the "Pay and careers" demo data,
# in the published layouts of BLS OEWS, LAUS and Employment Projections,
# Projections Central and the O*NET database.
#
# Every figure it writes is invented (a fixed seed, so a rerun writes the
# same bytes); codes, titles, agencies and layouts are the real ones.
#
#   /usr/bin/python3 data/lmi/make-demo-data.py [OUTDIR]

import csv
import io
import os
import random
import sys
from decimal import Decimal, ROUND_HALF_UP

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from demo_occupations import OCCUPATIONS, DEFAULT_SPREAD, SHORT, MOD  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "demo")

TOP_HOURLY = Decimal("115.00")   # OEWS top code since May 2023 ...
TOP_ANNUAL = 239200              # ... = 115.00 x 2,080
NOT_RELEASED = {("0018140", "47-3013")}  # a metro employment estimate BLS would withhold

DEMO_NOTE = """DEMO DATA - NOT REAL FIGURES

Every number in this folder (wages, employment, projections, unemployment
rates, percentages) is invented for the Job Kiosk demo. The files use the
real published layouts (BLS OEWS and LAUS time-series flat files, the BLS
Employment Projections occupation table, Projections Central long-term
projections, O*NET database text files) so the kiosk's importer reads them
like the real downloads, but no figure here comes from BLS, O*NET or the
State of Ohio. Descriptions and tasks are plain wording written for the demo,
not O*NET text. Codes, titles and agency names are real.

The kiosk marks every release imported from a folder holding this file as
demo data and says so on screen. Do not use these figures for advice.
"""

# Areas of the OEWS demo: (state_code, area_code, areatype, name, total employment, wage factor)
AREAS = [
    ("00", "0000000", "N", "National", 153_923_790, 1.00),
    ("39", "3900000", "S", "Ohio", 5_561_430, 0.94),
    ("39", "0018140", "M", "Columbus, OH", 1_162_880, 0.98),
    # Another state and its metro, which a kiosk configured for Ohio skips.
    ("18", "1800000", "S", "Indiana", 3_158_270, 0.93),
    ("18", "0026900", "M", "Indianapolis-Carmel-Greenwood, IN", 1_120_450, 0.97),
]
STATE_OF = {"0018140": "3900000", "0026900": "1800000"}

# Location quotients a little off 1 where the demo area leans that way.
LEAN = {
    ("3900000", "51-2092"): 1.32, ("3900000", "51-4121"): 1.38, ("3900000", "29-2061"): 1.21,
    ("3900000", "31-1131"): 1.15, ("0018140", "53-7062"): 1.36, ("0018140", "43-4051"): 1.27,
    ("0018140", "53-7065"): 1.22, ("0018140", "51-4121"): 0.71, ("0018140", "51-2092"): 0.78,
    ("1800000", "51-2092"): 1.55, ("0026900", "53-7062"): 1.41,
}

DATATYPES = [
    ("01", "Employment"),
    ("02", "Employment percent relative standard error"),
    ("03", "Hourly mean wage"),
    ("04", "Annual mean wage"),
    ("05", "Wage percent relative standard error"),
    ("06", "Hourly 10th percentile wage"),
    ("07", "Hourly 25th percentile wage"),
    ("08", "Hourly median wage"),
    ("09", "Hourly 75th percentile wage"),
    ("10", "Hourly 90th percentile wage"),
    ("11", "Annual 10th percentile wage"),
    ("12", "Annual 25th percentile wage"),
    ("13", "Annual median wage"),
    ("14", "Annual 75th percentile wage"),
    ("15", "Annual 90th percentile wage"),
    ("16", "Employment per 1,000 jobs"),
    ("17", "Location Quotient"),
]
DT_NAME = dict(DATATYPES)
# The demo writes these; 02 and 05 (standard errors) are listed in oe.datatype only.
WRITTEN = ["01", "03", "04", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17"]
SERIES_FOOTNOTE = {"01": "1", "04": "2", "11": "2", "12": "2", "13": "2", "14": "2", "15": "2"}

OE_FOOTNOTES = [
    ("1", "Estimates for detailed occupations do not sum to the totals because the totals include "
          "occupations not shown separately. Estimates do not include self-employed workers."),
    ("2", "Annual wages have been calculated by multiplying the corresponding hourly wage by 2,080 hours."),
    ("3", "The relative standard error (RSE) is a measure of the reliability of a survey statistic. "
          "The smaller the relative standard error, the more precise the estimate."),
    ("4", "Wages for some occupations that do not generally work year-round, full time, are reported "
          "either as hourly wages or annual salaries depending on how they are typically paid."),
    ("5", "This wage is equal to or greater than $115.00 per hour or $239,200 per year."),
    ("8", "Estimate not released."),
]

ALL_OCC = dict(soc="00-0000", oews="All Occupations", median=23.80,
               spread=(0.62, 0.74, 1.55, 2.25, 1.37))

rng = random.Random(14)


def cents(x):
    return Decimal(repr(x)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def tens(x):
    return int((Decimal(repr(x)) / 10).quantize(Decimal("1"), ROUND_HALF_UP) * 10)


def one(x):
    return Decimal(repr(x)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def tsv(rows):
    return "".join("\t".join(str(c) for c in r) + "\n" for r in rows)


def bls_data_line(series_id, year, period, value, footnote):
    # BLS time-series data files: the id padded to 30, the value right-aligned in 12.
    return "%-30s\t%s\t%s\t%12s\t%s\n" % (series_id, year, period, value, footnote)


BLS_DATA_HEADER = "%-30s\t%s\t%s\t%12s\t%s\n" % ("series_id", "year", "period", "value", "footnote_codes")


# ---------------------------------------------------------------------------
# OEWS

def wage_set(occ, area_code, factor):
    """Unrounded hourly mean and percentiles for one occupation in one area."""
    spread = occ.get("spread", DEFAULT_SPREAD)
    jitter = 1.0 if area_code == "0000000" else rng.uniform(0.97, 1.03)
    med = occ["median"] * factor * jitter
    p10, p25, p75, p90, mean = (med * r for r in spread)
    return dict(mean=mean, p10=p10, p25=p25, p50=med, p75=p75, p90=p90)


def oews(nat_emp):
    """Rows (series_id, value, footnote) and the series of oe.series."""
    data, series = [], []
    emp = {}
    for state, code, atype, name, total, factor in AREAS:
        for occ in [ALL_OCC] + OCCUPATIONS:
            soc = occ["soc"]
            if soc == "00-0000":
                e = total
            elif code == "0000000":
                e = occ["emp"]
            else:
                parent = STATE_OF.get(code)
                if parent:
                    share = emp[(parent, soc)] / AREAS_BY_CODE[parent][4]
                else:
                    share = occ["emp"] / AREAS[0][4]
                lean = LEAN.get((code, soc), rng.uniform(0.86, 1.14))
                e = total * share * lean
            e = tens(e)
            emp[(code, soc)] = e
            w = wage_set(occ, code, factor)
            occ6 = soc.replace("-", "")
            values = {}
            values["01"] = (str(e), "")
            values["03"] = (str(cents(w["mean"])), "")
            values["04"] = (str(tens(w["mean"] * 2080)), "")
            for hdt, adt, key in (("06", "11", "p10"), ("07", "12", "p25"), ("08", "13", "p50"),
                                  ("09", "14", "p75"), ("10", "15", "p90")):
                if cents(w[key]) >= TOP_HOURLY:
                    values[hdt] = ("-", "5")
                    values[adt] = ("-", "5")
                else:
                    values[hdt] = (str(cents(w[key])), "")
                    values[adt] = (str(tens(w[key] * 2080)), "")
            if code != "0000000" and soc != "00-0000":
                per1000 = e / total * 1000
                lq = (e / total) / (emp[("0000000", soc)] / AREAS[0][4])
                values["16"] = ("%.3f" % per1000, "")
                values["17"] = ("%.2f" % lq, "")
            if (code, soc) in NOT_RELEASED:
                for dt in ("01", "16", "17"):
                    values[dt] = ("-", "8")
            for dt in WRITTEN:
                if dt not in values:
                    continue
                sid = "OEU%s%s000000%s%s" % (atype, code, occ6, dt)
                assert len(sid) == 25, sid
                data.append((sid, values[dt][0], values[dt][1]))
                title = "%s for %s in All Industries in %s" % (DT_NAME[dt], occ["oews"], name)
                series.append((sid, "U", atype, "000000", occ6, dt, state, code, "00--01", title,
                               SERIES_FOOTNOTE.get(dt, ""), "2024", "A01", "2024", "A01"))
    return data, series, emp


AREAS_BY_CODE = {a[1]: a for a in AREAS}


def write_oews(out):
    data, series, emp = oews(None)
    d = os.path.join(out, "oews")
    text = BLS_DATA_HEADER + "".join(bls_data_line(s, "2024", "A01", v, f) for s, v, f in data)
    write(os.path.join(d, "oe.data.0.Current"), text)
    head = ["%-30s" % "series_id", "seasonal", "areatype_code", "industry_code", "occupation_code",
            "datatype_code", "state_code", "area_code", "sector_code", "series_title", "footnote_codes",
            "begin_year", "begin_period", "end_year", "end_period"]
    write(os.path.join(d, "oe.series"),
          tsv([head] + [("%-30s" % r[0],) + r[1:] for r in series]))
    write(os.path.join(d, "oe.area"),
          tsv([("state_code", "area_code", "areatype_code", "area_name")] + [a[:4] for a in AREAS]))
    write(os.path.join(d, "oe.areatype"),
          tsv([("areatype_code", "areatype_name"), ("M", "Metropolitan or nonmetropolitan area"),
               ("N", "National"), ("S", "State")]))
    occ_rows = [("occupation_code", "occupation_name", "occupation_description", "display_level",
                 "selectable", "sort_sequence"),
                ("000000", "All Occupations", "", "0", "T", "1")]
    for i, o in enumerate(sorted(OCCUPATIONS, key=lambda o: o["soc"]), start=2):
        occ_rows.append((o["soc"].replace("-", ""), o["oews"], o["desc"], "3", "T", str(i)))
    write(os.path.join(d, "oe.occupation"), tsv(occ_rows))
    write(os.path.join(d, "oe.datatype"), tsv([("datatype_code", "datatype_name")] + DATATYPES))
    write(os.path.join(d, "oe.footnote"), tsv([("footnote_code", "footnote_text")] + OE_FOOTNOTES))
    write(os.path.join(d, "oe.release"), tsv([("release_date", "description"), ("2024A01", "May 2024")]))
    return data, emp


# ---------------------------------------------------------------------------
# LAUS

LAUS_AREAS = [
    # (area_type_code, area_code, area_text, srd, begin_year, labor force, 2024 and 2025 monthly rates)
    ("A", "ST3900000000000", "Ohio", "39", "1976", 6_021_000,
     [4.6, 4.5, 4.3, 3.8, 4.0, 4.6, 4.9, 4.8, 4.3, 4.1, 4.2, 4.0],
     [4.8, 4.8, 4.5, 4.2, 4.3, 4.9, 5.2, 5.0, 4.6, 4.4, 4.5, 4.3]),
    ("F", "CN3904900000000", "Franklin County, OH", "39", "1990", 747_300,
     [3.9, 3.8, 3.6, 3.2, 3.5, 4.0, 4.3, 4.1, 3.7, 3.6, 3.6, 3.4],
     [4.0, 4.0, 3.8, 3.4, 3.6, 4.2, 4.5, 4.3, 3.9, 3.7, 3.8, 3.6]),
]
MEASURES = [("03", "unemployment rate"), ("04", "unemployment"), ("05", "employment"), ("06", "labor force")]
MEASURE_TITLE = {"03": "Unemployment Rate", "04": "Unemployment", "05": "Employment", "06": "Labor Force"}
SEASON = [0.985, 0.988, 0.992, 0.996, 1.004, 1.015, 1.018, 1.010, 1.000, 1.002, 0.998, 0.992]


def write_laus(out):
    d = os.path.join(out, "laus")
    lines = [BLS_DATA_HEADER]
    series = []
    for atype, acode, text, srd, begin, lf0, r24, r25 in LAUS_AREAS:
        ids = {m: "LAU%s%s" % (acode, m) for m, _ in MEASURES}
        for m, mt in MEASURES:
            assert len(ids[m]) == 20
            series.append(("%-30s" % ids[m], atype, acode, m, "U", srd,
                           "%s: %s (U)" % (MEASURE_TITLE[m], text),
                           "", begin, "M01", "2025", "M12"))
        rows = []
        for year, rates, grow in (("2024", r24, 1.000), ("2025", r25, 1.006)):
            lfs, uns = [], []
            for i, rate in enumerate(rates):
                lf = round(lf0 * grow * SEASON[i] + rng.uniform(-800, 800) * lf0 / 1e6)
                un = round(lf * rate / 100)
                lfs.append(lf)
                uns.append(un)
                prelim = "P" if (year == "2025" and i == 11) else ""
                rows.append((year, "M%02d" % (i + 1), lf, un, prelim))
            if year == "2024":   # an annual average only for a finished, revised year
                lf = round(sum(lfs) / 12)
                un = round(sum(uns) / 12)
                rows.append((year, "M13", lf, un, ""))
        for year, period, lf, un, fn in rows:
            rate = one(un / lf * 100)
            vals = {"03": str(rate), "04": str(un), "05": str(lf - un), "06": str(lf)}
            for m, _ in MEASURES:
                lines.append((ids[m], year, period, vals[m], fn))
    text = lines[0] + "".join(bls_data_line(*l) for l in sorted(lines[1:], key=lambda l: (l[0], l[1], l[2])))
    write(os.path.join(d, "la.data.42.Ohio"), text)
    head = ["%-30s" % "series_id", "area_type_code", "area_code", "measure_code", "seasonal", "srd_code",
            "series_title", "footnote_codes", "begin_year", "begin_period", "end_year", "end_period"]
    write(os.path.join(d, "la.series"), tsv([head] + sorted(series)))
    write(os.path.join(d, "la.area"),
          tsv([("area_type_code", "area_code", "area_text", "display_level", "selectable", "sort_sequence"),
               ("A", "ST3900000000000", "Ohio", "0", "T", "36"),
               ("F", "CN3904900000000", "Franklin County, OH", "1", "T", "2196")]))
    write(os.path.join(d, "la.measure"), tsv([("measure_code", "measure_text")] + MEASURES))
    write(os.path.join(d, "la.footnote"), tsv([("footnote_code", "footnote_text"), ("P", "Preliminary.")]))


# ---------------------------------------------------------------------------
# Employment Projections (national, BLS) and Ohio long-term (Projections Central)

EP_HEADER = [
    "2023 National Employment Matrix title", "2023 National Employment Matrix code", "Occupation type",
    "Employment, 2023", "Employment, 2033", "Employment distribution, percent, 2023",
    "Employment distribution, percent, 2033", "Employment change, numeric, 2023\u201333",
    "Employment change, percent, 2023\u201333", "Percent self employed, 2023",
    "Occupational openings, 2023\u201333 annual average", "Median annual wage, dollars, 2024[1]",
    "Typical education needed for entry", "Work experience in a related occupation",
    "Typical on-the-job training needed to attain competency in the occupation",
]

PC_HEADER = ["STFIPS", "Area", "OccCode", "Title", "BaseYear", "Base", "ProjYear", "Projected", "Change",
             "PercentChange", "AvgAnnualOpenings", "StateURL"]


def csv_text(rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    for r in rows:
        w.writerow(r)
    return buf.getvalue()


def write_projections(out, oews_data, emp):
    d = os.path.join(out, "projections")
    median_annual = {}
    for sid, v, f in oews_data:
        if sid.startswith("OEUN0000000") and sid.endswith("13"):
            median_annual[sid[17:23]] = v
    total23, total33 = 169_068.2, 175_924.0
    rows = [EP_HEADER, ["Total, all occupations", "00-0000", "Summary", "%.1f" % total23, "%.1f" % total33,
                        "100.0", "100.0", "%.1f" % (total33 - total23), "%.1f" % ((total33 / total23 - 1) * 100),
                        "6.3", "18597.4", median_annual["000000"], "\u2014", "\u2014", "\u2014"]]
    pc = [PC_HEADER]
    for o in sorted(OCCUPATIONS, key=lambda o: o["nem"].lower()):
        base = one(o["emp"] * rng.uniform(1.02, 1.07) / 1000)
        proj = one(float(base) * (1 + o["growth"] / 100))
        change = proj - base
        pct = one(float(change) / float(base) * 100)
        openings = one(float(base) * o["openings"] / 100)
        selfemp = one(rng.uniform(0.3, 9.5) if o["soc"] not in ("31-1120", "37-3011", "47-2061", "39-9011")
                      else rng.uniform(8, 22))
        rows.append([o["nem"], o["soc"], "Line item", str(base), str(proj),
                     "%.1f" % (float(base) / total23 * 100), "%.1f" % (float(proj) / total33 * 100),
                     str(change), str(pct), str(selfemp), str(openings),
                     median_annual[o["soc"].replace("-", "")], o["ed"], o["exp"], o["ojt"]])
        # Ohio 2022-2032 long-term projections, whole jobs rounded to 10.
        ob = tens(emp[("3900000", o["soc"])] * rng.uniform(1.01, 1.06))
        og = o["growth"] * 0.8 - 0.6 + rng.uniform(-1.5, 1.5)
        op = tens(ob * (1 + og / 100))
        oo = max(10, tens(ob * o["openings"] * rng.uniform(0.95, 1.02) / 100))
        pc.append(["39", "Ohio", o["soc"], o["oews"], "2022", str(ob), "2032", str(op), str(op - ob),
                   str(one((op - ob) / ob * 100)), str(oo), "https://ohiolmi.com/"])
    write(os.path.join(d, "occupation-table-1.2.csv"), csv_text(rows))
    write(os.path.join(d, "ohio-long-term-2022-2032.csv"), csv_text(pc))


# ---------------------------------------------------------------------------
# O*NET

ETE = {
    # element id, element name, scale id, scale name, categories
    "RL": ("2.D.1", "Required Level of Education", "Category", [
        "Less than a high school diploma", "High school diploma or GED", "Certificate after high school",
        "Some college courses", "Associate's degree", "Bachelor's degree", "Certificate after a bachelor's degree",
        "Master's degree", "Certificate after a master's degree", "First professional degree", "Doctoral degree",
        "Training after a doctoral degree"]),
    "RW": ("3.A.1", "Related Work Experience", "Category", [
        "None", "Up to 1 month", "More than 1 month, up to 3 months", "More than 3 months, up to 6 months",
        "More than 6 months, up to 1 year", "More than 1 year, up to 2 years", "More than 2 years, up to 4 years",
        "More than 4 years, up to 6 years", "More than 6 years, up to 8 years", "More than 8 years, up to 10 years",
        "More than 10 years"]),
    "PT": ("3.A.2", "On-Site or In-Plant Training", "Category", [
        "None, or a short demonstration", "Up to 1 month", "More than 1 month, up to 3 months",
        "More than 3 months, up to 6 months", "More than 6 months, up to 1 year", "More than 1 year, up to 2 years",
        "More than 2 years, up to 4 years", "More than 4 years, up to 10 years", "More than 10 years"]),
    "OJ": ("3.A.3", "On-the-Job Training", "Category", [
        "None, or a short demonstration", "Up to 1 month", "More than 1 month, up to 3 months",
        "More than 3 months, up to 6 months", "More than 6 months, up to 1 year", "More than 1 year, up to 2 years",
        "More than 2 years, up to 4 years", "More than 4 years, up to 10 years", "More than 10 years"]),
}
SCALE_NAMES = {"RL": "Required Level of Education (Categories 1-12)",
               "RW": "Related Work Experience (Categories 1-11)",
               "PT": "On-Site or In-Plant Training (Categories 1-9)",
               "OJ": "On-The-Job Training (Categories 1-9)"}


def shares(n, peak, width):
    """Invented percent shares over n categories, peaked at `peak` (1-based), summing to 100.00."""
    weights = []
    for c in range(1, n + 1):
        dist = abs(c - peak)
        w = max(0.0, 1.0 - dist / (width + 1)) ** 2 * rng.uniform(0.7, 1.3)
        weights.append(w if dist <= width else 0.0)
    total = sum(weights)
    vals = [Decimal(repr(w / total * 100)).quantize(Decimal("0.01"), ROUND_HALF_UP) for w in weights]
    vals[peak - 1] += Decimal("100.00") - sum(vals)   # rounding rest on the largest
    return vals


def onet_codes():
    for o in OCCUPATIONS:
        for code, title in o["onet"]:
            yield o, code, title


# Invented interest profiles: each occupation's three strongest RIASEC areas
# (a Holland code as O*NET would give it), made into OI ratings (1-7) below
# with a random generator of their own, so the other files stay as they were.
HOLLAND = {
    "41-2011": "CES", "41-2031": "ECS", "35-3023": "RCE", "35-2014": "RCE", "35-2021": "RCS", "35-9021": "RCE",
    "35-3031": "SEC", "37-2011": "RCE", "37-2012": "RCS", "37-3011": "RCE", "53-7062": "RCE", "53-7065": "RCE",
    "53-7051": "RCE", "53-3032": "RCE", "53-3033": "RCE", "43-5071": "CRE", "43-4051": "CES", "43-4171": "CSE",
    "43-9061": "CES", "43-6014": "CES", "31-1131": "SRC", "31-1120": "SRC", "31-9092": "SCR", "31-9091": "SRC",
    "31-9097": "RSC", "29-2052": "CRI", "29-2061": "SIR", "29-1141": "SIC", "33-9032": "RCE", "39-9011": "SAR",
    "49-9071": "RCI", "51-4121": "RCI", "51-2092": "RCE", "49-3023": "RIC", "47-3013": "RCI", "47-2061": "RCE",
    "43-3071": "CES", "53-3052": "RSC", "11-1021": "ECS",
}
RIASEC = [("1.B.1.a", "Realistic"), ("1.B.1.b", "Investigative"), ("1.B.1.c", "Artistic"), ("1.B.1.d", "Social"),
          ("1.B.1.e", "Enterprising"), ("1.B.1.f", "Conventional")]
HIGH_POINTS = [("1.B.1.g", "First Interest High-Point"), ("1.B.1.h", "Second Interest High-Point"),
               ("1.B.1.i", "Third Interest High-Point")]
# Our own examples of each area's work, in the layout of O*NET's Interests
# Illustrative Activities (not O*NET's sentences).
ACTIVITIES = {
    "Realistic": ["Repair a leaking pipe under a sink.", "Load a truck with a forklift.",
                  "Put together furniture from a kit."],
    "Investigative": ["Test water samples for germs.", "Work out why a computer will not start.",
                      "Study how a new medicine works."],
    "Artistic": ["Design a sign for a shop window.", "Take photos for a wedding.", "Write songs for a band."],
    "Social": ["Help an older person get dressed.", "Teach a class how to use a computer.",
               "Show new workers how the job is done."],
    "Enterprising": ["Sell cars at a dealership.", "Run a food truck of your own.", "Lead a team of cashiers."],
    "Conventional": ["Keep a store's stock records.", "Check bills for mistakes.", "Type letters and file them."],
}


def write_interests(d, date):
    irng = random.Random(18)   # its own: the other files keep their figures
    rows = [("O*NET-SOC Code", "Title", "Element ID", "Element Name", "Scale ID", "Data Value", "Date",
             "Domain Source")]
    letters = "RIASEC"
    for o, code, title in sorted(onet_codes(), key=lambda t: t[1]):
        top = HOLLAND[o["soc"]]
        levels = {}
        for rank, letter in enumerate(top):
            levels[letter] = (irng.uniform(6.0, 7.0), irng.uniform(4.4, 5.6), irng.uniform(3.2, 4.3))[rank]
        for letter in letters:
            levels.setdefault(letter, irng.uniform(1.0, 2.9))
        for (eid, ename), letter in zip(RIASEC, letters):
            rows.append((code, title, eid, ename, "OI", "%.2f" % levels[letter], date, "Machine Learning"))
        for (eid, ename), letter in zip(HIGH_POINTS, top):
            rows.append((code, title, eid, ename, "IH", "%.2f" % (letters.index(letter) + 1), date,
                         "Machine Learning"))
    write(os.path.join(d, "Interests.txt"), tsv(rows))
    acts = [("Element ID", "Element Name", "Interest Type", "Activity")]
    for eid, ename in RIASEC:
        for a in ACTIVITIES[ename]:
            acts.append((eid, ename, "General", a))
    write(os.path.join(d, "Interests Illustrative Activities.txt"), tsv(acts))


def write_onet(out):
    d = os.path.join(out, "onet")
    date = "08/2024"
    occ = [("O*NET-SOC Code", "Title", "Description")]
    alt = [("O*NET-SOC Code", "Title", "Alternate Title", "Short Title", "Source(s)")]
    tasks = [("O*NET-SOC Code", "Title", "Task ID", "Task", "Task Type", "Incumbents Responding", "Date",
              "Domain Source")]
    ete = [("O*NET-SOC Code", "Title", "Element ID", "Element Name", "Scale ID", "Category", "Data Value", "N",
            "Standard Error", "Lower CI Bound", "Upper CI Bound", "Recommend Suppress", "Date", "Domain Source")]
    zones = [("O*NET-SOC Code", "Title", "Job Zone", "Date", "Domain Source")]
    skills = [("O*NET-SOC Code", "Title", "Element ID", "Element Name", "Scale ID", "Data Value", "N",
               "Standard Error", "Lower CI Bound", "Upper CI Bound", "Recommend Suppress", "Not Relevant", "Date",
               "Domain Source")]
    related = [("O*NET-SOC Code", "Title", "Related O*NET-SOC Code", "Related Title", "Relatedness Tier", "Index")]
    main_code = {o["soc"]: o["onet"][0] for o in OCCUPATIONS}
    task_id = 900001
    for o, code, title in sorted(onet_codes(), key=lambda t: t[1]):
        sub = o.get("barista") if code.endswith(".01") else None
        if o["soc"] == "31-1120":
            sub = None
        src = sub or o
        desc = src["desc"]
        if code == "31-1122.00":
            desc = ("Help older adults and people with disabilities with daily living at home or in group homes: "
                    "bathing, dressing, meals, chores and getting out in the community.")
        occ.append((code, title, desc))
        for a, short in src["alt"]:
            alt.append((code, title, a, short, "08,09"))
        for i, t in enumerate(src["tasks"]):
            tasks.append((code, title, str(task_id), t, "Core" if i < 5 else "Supplemental",
                          str(rng.randint(18, 95)), date, "Incumbent"))
            task_id += 1
        zones.append((code, title, str(src.get("zone", o["zone"])), date, "Analyst"))
        n = rng.randint(20, 40)
        for scale, (eid, ename, _, cats) in ETE.items():
            if scale == "RL":
                peak, width = o["rl"], 1
            elif scale == "RW":
                peak, width = {"None": 1, "Less than 5 years": 5, "5 years or more": 8}[o["exp"]], 2
            else:
                peak, width = {"None": 1, SHORT: 2, MOD: 4}[o["ojt"]], 1
            for cat, v in enumerate(shares(len(cats), peak, width), start=1):
                ete.append((code, title, eid, ename, scale, str(cat), str(v), str(n), "n/a", "n/a", "n/a", "n/a",
                            date, "Occupational Expert"))
        for eid, ename, im in o["skills"]:
            lv = min(7.0, im * rng.uniform(0.85, 1.05))
            for scale, v in (("IM", im), ("LV", lv)):
                se = rng.uniform(0.05, 0.2)
                skills.append((code, title, eid, ename, scale, "%.2f" % v, "8", "%.4f" % se, "%.4f" % (v - 2 * se),
                               "%.4f" % (v + 2 * se), "N", "n/a" if scale == "IM" else "N", date, "Analyst"))
        for idx, rsoc in enumerate(o["related"], start=1):
            rcode, rtitle = main_code[rsoc]
            tier = "Primary-Short" if idx <= 2 else ("Primary-Long" if idx <= 4 else "Supplemental")
            related.append((code, title, rcode, rtitle, tier, str(idx)))
    cats = [("Element ID", "Element Name", "Scale ID", "Scale Name", "Category", "Category Description")]
    for scale, (eid, ename, _, names) in ETE.items():
        for i, nm in enumerate(names, start=1):
            cats.append((eid, ename, scale, SCALE_NAMES[scale], str(i), nm))
    write(os.path.join(d, "Occupation Data.txt"), tsv(occ))
    write(os.path.join(d, "Alternate Titles.txt"), tsv(alt))
    write(os.path.join(d, "Task Statements.txt"), tsv(tasks))
    write(os.path.join(d, "Education, Training, and Experience.txt"), tsv(ete))
    write(os.path.join(d, "Education, Training, and Experience Categories.txt"), tsv(cats))
    write(os.path.join(d, "Job Zones.txt"), tsv(zones))
    write(os.path.join(d, "Skills.txt"), tsv(skills))
    write(os.path.join(d, "Related Occupations.txt"), tsv(related))
    write_interests(d, date)


# ---------------------------------------------------------------------------
# Hiring requirements (the center's own list: real requirements and agencies)

REQUIREMENTS = [
    ("soc", "requirement", "kind", "agency", "link", "note"),
    ("53-3032", "Commercial driver's license (CDL), Class A", "driver's license", "Ohio Bureau of Motor Vehicles",
     "https://www.bmv.ohio.gov/",
     "Start with a commercial learner's permit, finish entry-level driver training with a registered school, "
     "then pass the skills test."),
    ("53-3032", "DOT medical examiner's certificate", "certificate",
     "Federal Motor Carrier Safety Administration", "https://www.fmcsa.dot.gov/",
     "A health exam by a certified medical examiner; it must be kept current."),
    ("53-3032", "DOT pre-employment drug test", "drug test", "Federal Motor Carrier Safety Administration",
     "https://www.fmcsa.dot.gov/",
     "Employers check the Drug and Alcohol Clearinghouse before you drive."),
    ("53-3052", "Commercial driver's license (CDL), Class B with passenger endorsement", "driver's license",
     "Ohio Bureau of Motor Vehicles", "https://www.bmv.ohio.gov/",
     "Many transit agencies train new drivers for the CDL after hiring."),
    ("53-3052", "DOT pre-employment drug test", "drug test", "Federal Transit Administration",
     "https://www.transit.dot.gov/", "Transit drivers are in a drug and alcohol testing program."),
    ("53-3033", "Valid driver's license and a safe driving record", "driver's license",
     "Ohio Bureau of Motor Vehicles", "https://www.bmv.ohio.gov/",
     "Most employers check your driving record; no CDL is needed for vans and small trucks."),
    ("53-7051", "Forklift operator training and evaluation (OSHA 29 CFR 1910.178)", "certificate",
     "Occupational Safety and Health Administration", "https://www.osha.gov/",
     "Your employer must train you and watch you drive before you work alone, and check again at least every "
     "three years. A card from a class helps but does not replace this."),
    ("31-1131", "State Tested Nurse Aide (STNA), listed on the Ohio Nurse Aide Registry", "certificate",
     "Ohio Department of Health", "https://odh.ohio.gov/",
     "Finish a state-approved training program and pass the state test. Some nursing homes pay for the class."),
    ("31-1131", "BCI and FBI fingerprint background check", "background check",
     "Ohio Attorney General, Bureau of Criminal Investigation", "https://www.ohioattorneygeneral.gov/",
     "Done with fingerprints before you start work with patients."),
    ("31-1120", "Home health aide training and competency test", "certificate", "Ohio Department of Health",
     "https://odh.ohio.gov/",
     "Needed to work for a Medicare-certified home health agency; the agency can tell you which class to take."),
    ("31-1120", "BCI and FBI fingerprint background check", "background check",
     "Ohio Attorney General, Bureau of Criminal Investigation", "https://www.ohioattorneygeneral.gov/",
     "Done before you work in clients' homes."),
    ("29-2061", "Licensed Practical Nurse (LPN) license", "license", "Ohio Board of Nursing",
     "https://nursing.ohio.gov/",
     "Graduate from an approved practical nursing program, then pass the NCLEX-PN exam."),
    ("29-1141", "Registered Nurse (RN) license", "license", "Ohio Board of Nursing", "https://nursing.ohio.gov/",
     "Graduate from an approved nursing program, then pass the NCLEX-RN exam."),
    ("29-2052", "Pharmacy technician registration", "license", "Ohio Board of Pharmacy",
     "https://www.pharmacy.ohio.gov/",
     "Register as a technician trainee first; you move up as you finish training and exams."),
    ("35-2014", "Food handler training (ServSafe Food Handler or Ohio Level One)", "certificate",
     "National Restaurant Association (ServSafe); Ohio Department of Health", "https://www.servsafe.com/",
     "Many kitchens ask for it; it is a short class with a test."),
    ("33-9032", "Security guard registration", "license",
     "Ohio Department of Public Safety, Private Investigator Security Guard Services",
     "https://publicsafety.ohio.gov/",
     "Your employer registers you; it needs a fingerprint background check. Armed posts need more training."),
    ("39-9011", "BCI and FBI fingerprint background check", "background check",
     "Ohio Attorney General, Bureau of Criminal Investigation", "https://www.ohioattorneygeneral.gov/",
     "Licensed child care programs in Ohio need both checks before you work with children."),
    ("51-4121", "Welding certification (AWS Certified Welder)", "certificate", "American Welding Society",
     "https://www.aws.org/",
     "Not required by law; many shops test you themselves or ask for a certification."),
    ("31-9097", "Phlebotomy technician certification", "certificate", "National Healthcareer Association",
     "https://www.nhanow.com/",
     "Ohio does not license phlebotomists, but many employers ask for a national certification."),
]


def write_requirements(out):
    write(os.path.join(out, "requirements.csv"), csv_text(REQUIREMENTS))


def main():
    os.makedirs(OUT, exist_ok=True)
    oews_data, emp = write_oews(OUT)
    write_laus(OUT)
    write_projections(OUT, oews_data, emp)
    write_onet(OUT)
    write_requirements(OUT)
    for sub in ("", "oews", "laus", "projections", "onet"):
        write(os.path.join(OUT, sub, "DEMO-DATA.txt"), DEMO_NOTE)


if __name__ == "__main__":
    main()
