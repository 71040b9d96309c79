"""tables.py - the tidy tables jobc's csv and xlsx backends must write
(backends/tidy.h, docs/CSV.md), made from jobc's JSON output of the same
catalogue: an independent reading of the model, which check-json holds to
the schema. Imported by check-csv.py and check-xlsx.py.

A table is its header and its rows; a cell is a str, an int (positions and
ranks) or None (an absent value).
"""
import json

COLUMNS = {
    "sheets": ["sheet", "title", "family", "family_title", "status", "mission",
               "activities_intro", "trends"],
    "aliases": ["sheet", "position", "alias"],
    "tasks": ["sheet", "group", "group_title", "group_trend", "group_intro", "task",
              "task_trend", "text", "subitems"],
    "knowledge": ["sheet", "category", "category_title", "importance", "position", "level",
                  "level_rank", "text"],
    "career": ["sheet", "position", "kind", "text"],
    "lineage": ["previous_code", "previous_title", "sheet", "how"],
}

# What a spreadsheet runs as a formula (OWASP, CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def prose(blocks):
    """Prose as one text: blocks apart by a blank line, list items one a line."""
    if not blocks:
        return None
    return "\n\n".join("\n".join(b["items"]) if b["kind"] == "list" else b["text"]
                       for b in blocks)


def lines(items):
    return "\n".join(items) if items else None


def expected(catalogue_json):
    with open(catalogue_json, encoding="utf-8") as f:
        cat = json.load(f)
    family = {f["number"]: f["title"] for f in cat["families"]}
    category = {c["name"]: c["title"] for c in cat["categories"]}
    rank = {lv["name"]: lv["rank"] for lv in cat["scale"]}
    t = {name: [] for name in COLUMNS}
    for s in cat["sheets"]:
        code = s["code"]
        acts = s["activities"] or {"intro": [], "groups": []}
        t["sheets"].append([code, s["title"], s["family"], family[s["family"]], s["status"],
                            prose(s["mission"]), prose(acts["intro"]), prose(s["trends"])])
        t["aliases"] += [[code, i, a] for i, a in enumerate(s["aka"], 1)]
        for g_no, g in enumerate(acts["groups"], 1):
            head = [code, g_no, g["title"], g["trend"], g["intro"]]
            if not g["tasks"]:
                t["tasks"].append(head + [None, None, None, None])
            for k, task in enumerate(g["tasks"], 1):
                t["tasks"].append(head + [k, task["trend"], task["text"], lines(task["subitems"])])
        for block in s["knowledge"]:
            for i, it in enumerate(block["items"], 1):
                t["knowledge"].append([code, block["category"], category[block["category"]],
                                       block["importance"], i, it["level"],
                                       rank.get(it["level"]), it["text"]])
        for i, e in enumerate(s["career"] or [], 1):
            t["career"].append([code, i, e["kind"],
                                lines(e["items"]) if e["kind"] == "list" else e["text"]])
    for entry in cat["lineage"]:
        t["lineage"] += [[entry["code"], entry["title"], s, "replaced"] for s in entry["sheets"]]
        if entry["see"] is not None:
            t["lineage"].append([entry["code"], entry["title"], entry["see"], "retired"])
    return t, cat


def neutralised(cell):
    """A text as the csv backend writes it: ' before what would be a formula."""
    if isinstance(cell, str) and cell.startswith(FORMULA_START):
        return "'" + cell
    return cell
