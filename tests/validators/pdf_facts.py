"""Small facts about a PDF read with qpdf --json: `outlines FILE` prints the bookmark count,
`links FILE` checks that every link annotation has a destination on an existing page, or is
a web or mail address (a URI action with http:, https: or mailto:)."""
import json
import subprocess
import sys

what, path = sys.argv[1], sys.argv[2]
data = json.loads(subprocess.run(["qpdf", "--json=1", path], capture_output=True, check=True).stdout)
if what == "outlines":
    def count(items):
        return sum(1 + count(i.get("kids", [])) for i in items)
    print(count(data.get("outlines", [])))
elif what == "links":
    pages = {p["object"] for p in data["pages"]}
    objects = data["objects"]
    links = 0
    for page in data["pages"]:
        annots = objects[page["object"]].get("/Annots", [])
        if isinstance(annots, str):
            annots = objects.get(annots, [])
        for ref in annots:
            obj = objects.get(ref, {})
            if obj.get("/Subtype") != "/Link":
                continue
            links += 1
            action = obj.get("/A")
            if isinstance(action, str):
                action = objects.get(action, {})
            if action:
                uri = str(action.get("/URI", ""))
                if action.get("/S") != "/URI" or not uri.startswith(("http:", "https:", "mailto:")):
                    sys.exit(f"link {ref} has an action that is not a web address: {action}")
                continue
            dest = obj.get("/Dest")
            if isinstance(dest, str):  # libharu writes the destination array indirectly
                dest = objects.get(dest)
            if not dest or dest[0] not in pages:
                sys.exit(f"link {ref} has no destination page")
    print(links)
