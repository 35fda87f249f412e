"""Comment counts from GitHub Discussions, fetched at build time and kept in a file.

``invoke discussion-counts`` asks the GraphQL API for every discussion in the
blog's giscus category (each titled with its post's address) and writes the
counts to ``DISCUSSION_COUNTS_FILE``. It only reads: the token needs read
access to discussions and nothing else. When GitHub cannot be reached, the
file is left as it is, and the command says how old the counts in it are; the
build then uses those.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.error import URLError
from urllib.request import Request, urlopen

API = "https://api.github.com/graphql"
QUERY = """
query($owner: String!, $name: String!, $category: ID!, $after: String) {
  repository(owner: $owner, name: $name) {
    discussions(first: 100, after: $after, categoryId: $category) {
      pageInfo { hasNextPage endCursor }
      nodes { title comments { totalCount } }
    }
  }
}
"""


class FetchError(Exception):
    """GitHub could not be asked, or answered with an error."""


@dataclass
class Outcome:
    ok: bool
    message: str


def _post(api: str, token: str, variables: dict) -> dict:
    body = json.dumps({"query": QUERY, "variables": variables}).encode()
    request = Request(
        api,
        data=body,
        headers={"Authorization": f"bearer {token}", "Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urlopen(request, timeout=20) as response:
            data = json.load(response)
    except (URLError, OSError, ValueError) as error:
        raise FetchError(f"could not reach {api}: {error}") from error
    if data.get("errors"):
        raise FetchError("GitHub answered: " + "; ".join(e.get("message", "?") for e in data["errors"]))
    return data


def fetch_counts(repo: str, category_id: str, token: str, api: str = API) -> dict[str, int]:
    """Discussion title (a post's address) -> its number of comments."""
    owner, _, name = repo.partition("/")
    counts: dict[str, int] = {}
    after = None
    while True:
        data = _post(api, token, {"owner": owner, "name": name, "category": category_id, "after": after})
        try:
            discussions = data["data"]["repository"]["discussions"]
            for node in discussions["nodes"]:
                counts[node["title"]] = counts.get(node["title"], 0) + int(node["comments"]["totalCount"])
            page = discussions["pageInfo"]
        except (KeyError, TypeError) as error:
            raise FetchError(f"GitHub's answer was not as expected (no {error})") from error
        if not page["hasNextPage"]:
            return counts
        after = page["endCursor"]


def _age(path: Path, now: datetime) -> str:
    try:
        fetched = datetime.fromisoformat(json.loads(path.read_text(encoding="utf-8"))["fetched"])
    except (OSError, ValueError, KeyError, TypeError):
        return "there are no earlier counts, so lists show the old blog's counts only"
    days = (now - fetched).days
    old = f"{days} day{'s' if days != 1 else ''} old"
    return f"the build uses the counts fetched {fetched:%Y-%m-%d %H:%M} UTC ({old})"


def update(
    path: Path, giscus: dict | None, token: str, api: str = API, now: datetime | None = None
) -> Outcome:
    """Fetch the counts into ``path``; on failure keep the file and say how old it is."""
    now = now or datetime.now(UTC)
    if not giscus:
        return Outcome(
            True, "comments through GitHub Discussions are off (GISCUS is not set): nothing to fetch"
        )
    if not token:
        return Outcome(False, f"no token (GITHUB_TOKEN) to read discussions with; {_age(path, now)}")
    try:
        counts = fetch_counts(giscus["repo"], giscus["category_id"], token, api)
    except FetchError as error:
        return Outcome(False, f"{error}; {_age(path, now)}")
    data = {"fetched": now.isoformat(timespec="seconds"), "repo": giscus["repo"], "counts": counts}
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    partial.replace(path)
    total = sum(counts.values())
    return Outcome(True, f"{len(counts)} discussion(s), {total} comment(s), written to {path}")
