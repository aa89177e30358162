"""Who said what: attributed statements found in article text, with character offsets.

Rule-based and pure (strings in, values out). Direct quotes are attributed first, at
paragraph level, so that quotes spanning several sentences stay whole; reported speech is
then found sentence by sentence around a lexicon of reporting cues, with the speaker taken
from the noun phrase next to the cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracker.model import Article, Extracted, Kind, Modality, Polarity, Span

__all__ = ["extract_statements", "extract_article"]

# --- lexicons ---------------------------------------------------------------------------

# Reporting verbs in finite forms; each maps to its lemma so behaviour can depend on it.
_CUE_FORMS: dict[str, str] = {}
for _lemma, _forms in {
    "say": "say says said",
    "tell": "tell tells told",
    "add": "add adds added",
    "write": "write writes wrote",
    "note": "note notes noted",
    "argue": "argue argues argued",
    "claim": "claim claims claimed",
    "insist": "insist insists insisted",
    "warn": "warn warns warned",
    "urge": "urge urges urged",
    "announce": "announce announces announced",
    "confirm": "confirm confirms confirmed",
    "reiterate": "reiterate reiterates reiterated",
    "state": "state states stated",
    "explain": "explain explains explained",
    "stress": "stress stresses stressed",
    "emphasize": "emphasize emphasizes emphasized emphasise emphasises emphasised",
    "acknowledge": "acknowledge acknowledges acknowledged",
    "admit": "admit admits admitted",
    "assert": "assert asserts asserted",
    "declare": "declare declares declared",
    "contend": "contend contends contended",
    "maintain": "maintain maintains maintained",
    "suggest": "suggest suggests suggested",
    "predict": "predict predicts predicted",
    "promise": "promise promises promised",
    "pledge": "pledge pledges pledged",
    "vow": "vow vows vowed",
    "allege": "allege alleges alleged",
    "complain": "complain complains complained",
    "recall": "recall recalls recalled",
    "disclose": "disclose discloses disclosed",
    "reveal": "reveal reveals revealed",
    "indicate": "indicate indicates indicated",
    "concede": "concede concedes conceded",
    "counter": "counter counters countered",
    "reply": "reply replies replied",
    "respond": "respond responds responded",
    "ask": "ask asks asked",
    "report": "report reports reported",
    "deny": "deny denies denied",
    "reject": "reject rejects rejected",
    "dismiss": "dismiss dismisses dismissed",
    "refute": "refute refutes refuted",
    "dispute": "dispute disputes disputed",
    "call": "call calls called",
    "describe": "describe describes described",
    "tweet": "tweet tweets tweeted",
    "believe": "believe believes believed",
    "think": "think thinks thought",
    "feel": "feel feels felt",
    "find": "find finds found",
    "show": "show shows showed",
    "agree": "agree agrees agreed",
    "defend": "defend defends defended",
    "cite": "cite cites cited",
    "mention": "mention mentions mentioned",
    "charge": "charge charges charged",
    "demand": "demand demands demanded",
    "propose": "propose proposes proposed",
    "question": "question questions questioned",
    "echo": "echo echoes echoed",
    "accuse": "accuse accuses accused",
    "criticize": "criticize criticizes criticized criticise criticises criticised",
    "blast": "blast blasts blasted",
    "praise": "praise praises praised",
    "tout": "tout touts touted",
    "want": "want wants",
    "continue": "continued",
    "testify": "testify testifies testified",
    "observe": "observe observes observed",
    "remark": "remark remarks remarked",
    "boast": "boast boasts boasted",
    "lament": "lament laments lamented",
    "hint": "hint hints hinted",
    "forecast": "forecast forecasts",
    "expect": "expect expects",
    "hope": "hope hopes hoped",
    "fear": "fear fears feared",
    "worry": "worry worries worried",
    "discuss": "discuss discusses discussed",
    "attack": "attack attacks attacked",
    "slam": "slam slams slammed",
    "mock": "mock mocks mocked",
    "endorse": "endorse endorses endorsed",
    "condemn": "condemn condemns condemned",
    "decry": "decry decries decried",
    "welcome": "welcome welcomes welcomed",
    "applaud": "applaud applauds applauded",
    "lambaste": "lambaste lambastes lambasted",
    "liken": "liken likens likened",
    "highlight": "highlights highlighted",
    "outline": "outlines outlined",
    "unveil": "unveil unveils unveiled",
    "detail": "details detailed",
    "recommend": "recommend recommends recommended",
    "advise": "advise advises advised",
    "encourage": "encourage encourages encouraged",
    "conclude": "conclude concludes concluded",
    "estimate": "estimates estimated",
    "wonder": "wonder wonders wondered",
    "speculate": "speculate speculates speculated",
    "caution": "caution cautions cautioned",
    "threaten": "threaten threatens threatened",
    "invoke": "invoke invokes invoked",
    "oppose": "oppose opposes opposed",
    "ridicule": "ridicule ridicules ridiculed",
    "point out": "",
}.items():
    for _form in _forms.split():
        _CUE_FORMS[_form] = _lemma

# Participles that open a second attribution for the clause's subject: ", saying that …".
_PARTICIPLES: dict[str, str] = {
    "saying": "say", "adding": "add", "noting": "note", "arguing": "argue",
    "claiming": "claim", "insisting": "insist", "warning": "warn", "urging": "urge",
    "emphasizing": "emphasize", "proposing": "propose", "emphasising": "emphasize", "stressing": "stress",
    "explaining": "explain", "suggesting": "suggest", "denying": "deny",
    "dismissing": "dismiss", "rejecting": "reject", "calling": "call",
    "telling": "tell", "writing": "write", "asserting": "assert", "declaring": "declare",
    "acknowledging": "acknowledge", "mentioning": "mention",
    "questioning": "question", "accusing": "accuse", "criticizing": "criticize",
    "demanding": "demand", "defending": "defend", "touting": "tout",
    "blasting": "blast", "praising": "praise", "charging": "charge", "admitting": "admit", "promising": "promise",
    "pledging": "pledge", "vowing": "vow", "alleging": "allege", "predicting": "predict",
    "asking": "ask", "describing": "describe", "confirming": "confirm",
}

# Cues that need an explicit "that"-clause, because without one they rarely report speech.
_NEEDS_THAT = {"believe", "think", "feel", "find", "show", "agree", "suggest", "recall",
               "maintain", "state", "tweet", "dispute", "counter", "reply", "respond", "charge",
               "observe", "remark", "boast", "lament", "hint", "expect", "hope", "fear", "worry",
               "testify", "concede", "continue"}
# Cues whose object noun phrase is itself the reported content ("announced the launch").
_NP_OBJECT = {"announce", "confirm", "deny", "reject", "dismiss", "refute", "report",
              "disclose", "reveal", "acknowledge", "admit", "predict", "promise", "pledge",
              "vow", "claim", "allege", "indicate", "reiterate", "cite", "mention", "demand",
              "propose", "question", "echo", "accuse", "criticize", "blast", "praise", "tout",
              "want", "defend", "forecast",
              "discuss", "attack", "slam", "mock", "endorse", "condemn", "decry", "welcome", "applaud",
              "lambaste", "liken", "highlight", "outline", "unveil", "detail", "recommend", "advise",
              "encourage", "invoke", "oppose", "ridicule", "threaten"}
# Cues followed by an addressee before the content ("told Rubio that …", "urged both to …").
_ADDRESSEE = {"tell", "urge", "warn", "ask", "promise"}
_DENIAL = {"deny", "reject", "dismiss", "refute", "dispute"}
# Cues whose complement rates the object ("called the claims false") rather than quoting.
_RATING = {"call", "describe", "dismiss", "reject"}
_DENIAL_WORDS = re.compile(
    r"\b(?:false|baseless|untrue|unfounded|groundless|bogus|fake|fabricated|lies?|"
    r"nonsense|ridiculous|absurd|not true|misleading|incorrect|wrong|fiction)\b",
    re.IGNORECASE,
)

# Words that open an insertion between a speaker and the cue: "X, who chairs the panel, said".
_INSERTION_OPENERS = {"who", "whose", "which", "of", "at", "in", "on", "from", "with", "during",
                      "after", "before", "like", "as", "also", "an", "a", "the", "then", "now",
                      "formerly", "once", "himself", "herself", "for", "by", "among", "one"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
_PERSON_PRONOUNS = {"he", "she"}
_DETERMINERS = {"the", "a", "an", "this", "these", "those", "his", "her", "their", "its",
                "our", "my", "one", "two", "three", "four", "five", "several", "some",
                "many", "most", "other", "another", "both", "all", "few", "no", "each",
                "every", "any", "such"}
# Lowercase head nouns that can stand for a speaker without a capitalised name.
_SPEAKER_NOUNS = set("""
official officials spokesman spokeswoman spokesperson spokespeople source sources aide aides
adviser advisers advisor advisors campaign government military army navy ministry department
agency police president minister secretary senator governor leader leaders lawmaker lawmakers
analyst analysts expert experts critic critics supporter supporters voter voters report
reports poll polls survey surveys study studies statement lawyer lawyers attorney attorneys
candidate candidates nominee chairman chairwoman chair director executive representative
representatives committee group organization organisation researchers researcher economists
economist people residents resident witnesses witness officers officer prosecutors
prosecutor judge court mayor council party administration office team manager strategist
strategists staff staffer staffers member members writer author reporter reporters
newspaper paper documents document data figures research website authorities observers
activists activist protesters chief commander ambassador envoy diplomat diplomats friend
friends father mother wife husband son daughter man woman someone others democrats
republicans organizers scientists doctors doctor historian historians professor
pollster pollsters memo letter filing complaint lawsuit article editorial column book
ad ads advertisement video tweet post site review audit analysis estimate estimates
investigators investigation commission board panel coalition union spokesmen
press network station outlet media president-elect nominees delegates delegate
company companies firm firms bank banks university school hospital
embassy consulate regime state states country countries nation city county district
regulators regulator inspector inspectors unions groups
""".split())
# Words marking a personal title, after which a name follows: "Foreign Minister Ishaq Dar".
_TITLES = set("""
president minister secretary senator sen. governor gov. rep. representative mayor judge
gen. general adm. admiral chairman chairwoman chief director speaker leader spokesman
spokeswoman spokesperson ambassador adviser advisor nominee candidate attorney commander
ceo founder manager strategist aide official lt. col. sgt. capt. officer professor prof.
economist analyst chair pope king queen prince justice
""".split())
_HONORIFICS = {"mr.", "mrs.", "ms.", "dr.", "rev.", "sir", "dame", "lord"}
# Function words that end a speaker noun phrase when scanning away from the cue.
_NP_STOPS = set("""
that which who whom whose what when where while because as if than then so to in on at by
with from after before since about into over under during is was were are be been being
am has have had do does did not but or nor and also said says say told added
though although unless until whether why how there here just only even still yet
""".split())
_ADVERBS = set("""
also reportedly allegedly apparently purportedly later then previously repeatedly strongly
again once recently publicly privately earlier now often further flatly quickly firmly has had have
would will could may might long frequently immediately subsequently initially
simply directly explicitly clearly openly angrily emphatically categorically vehemently
separately likewise similarly last week already never always still has've just
""".split())
_HEDGES = {"reportedly", "allegedly", "apparently", "purportedly", "supposedly"}
_CAPITAL_STOPS = {"in", "on", "at", "after", "but", "and", "when", "while", "if", "as",
                  "however", "meanwhile", "earlier", "later", "still", "yet", "now", "then",
                  "also", "since", "for", "with", "during", "before", "so", "instead",
                  "asked", "speaking", "according", "by", "from", "to", "though", "although",
                  "because", "what", "that", "this", "there", "here", "last", "over",
                  "under", "among", "despite", "without", "like", "unlike", "or",
                  "nor", "where", "why", "how", "who", "even", "only", "just"}

_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt",
                  "capt", "adm", "st", "jr", "sr", "rev", "prof", "jan", "feb", "mar", "apr",
                  "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "inc",
                  "corp", "co", "ltd", "mt", "ft", "fig", "approx", "est", "u.s", "d.c"}

# --- regexes ----------------------------------------------------------------------------

_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.S., D.C.: the periods belong to the word
    r"|(?i:mr|mrs|ms|dr|sen|rep|gov|gen|lt|col|sgt|capt|adm|st|jr|sr|rev|prof)\.(?=\s+[A-Z])"
    r"|\w(?:[\w&-]|['’.](?=\w))*"
    r"|[^\w\s]"
)
_SENTENCE_END = re.compile(r"[.!?]+[\"”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
_QUOTE_MARK = re.compile(r"''|[\"“”]")  # two apostrophes are a double quote in some archives
_WS = re.compile(r"\s+")
_PARAGRAPH = re.compile(r"[^\n]+")
_THAT = re.compile(r"\s*(?:,\s*)?\bthat\b\s*", re.IGNORECASE)
_VIA_PATTERNS = [
    re.compile(r"\b(?:spoke|speaking|talking|talked|said|told|writing|wrote)\s+(to\s+[^,.;“”\"]{3,60}?)(?=[,.;“”\"]|\s+(?:on|that|as|in)\b|$)"),
    re.compile(r"\b(citing\s+[^,.;“”\"]{3,60}?)(?=[,.;“”\"]|$)"),
    re.compile(r"\b(in\s+(?:a|an|his|her|their|its)\s+(?:\w+\s+)?(?:statement|interview|tweet|post|letter|speech|op-ed|email|memo|press release|television interview|radio interview|video)(?:\s+(?:with|on|to)\s+[^,.;“”\"]{2,40}?)?)(?=[,.;“”\"]|\s+(?:that|on)\b|$)", re.IGNORECASE),
    re.compile(r"\b(on\s+(?:Twitter|Facebook|Instagram|X|CNN|MSNBC|Fox News|Fox|NBC|CBS|ABC|NPR|television|TV|radio))\b"),
]
_OUTLET = re.compile(
    r"\b((?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*)\s+(?:reports|reported)\s*(?=citing\b|[,.;]|$)"
)
_OUTLET_TRAIL = re.compile(r",\s*((?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*)\s+(?:reports|reported)\s*[.;]")
_BYLINE = re.compile(r"^\s*By\s+([A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|de|van|von|al))*)\s*$")
_APPOS_AFTER = re.compile(r",\s*([^,.;:“”\"]{3,60}?)(?:[,.;]|$)")
_APPOS_BEFORE = re.compile(r"(?:^|(?<=[.;:]\s))((?:the|The|a|A|an|An)\s[^,.;:“”\"]{3,60}),\s*$")
_LABEL = re.compile(r"[\"“]?((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*):\s+(?=\S)")
_NOT_LABELS = {"update", "updated", "note", "editor's note", "editor’s note", "photo", "related",
               "watch", "read", "source", "sources", "correction", "video", "breaking", "abstract",
               "advertisement", "credit", "caption", "tags", "share", "listen", "click", "image",
               "posted", "published", "contact", "email", "follow", "transcript", "partial",
               "key", "here", "also", "plus", "the", "latest", "disclosure", "bottom",
               "q", "a", "question", "answer", "warning", "result", "results", "why", "how",
               "what", "when", "where", "who", "background", "context", "more", "see", "analysis",
               "opinion", "editorial", "commentary", "review", "exclusive", "live", "timeline"}
_MODAL_IF = re.compile(r"^\W*(?:if|unless|provided|should)\b|\bif\b.+\bthen\b", re.IGNORECASE | re.DOTALL)
# A commitment is the speaker's own future: "we will", "I'll", a refusal ("will not", "won't"),
# or a reported pledge whose subject is the speaker ("it would not escalate"). A "would" or a
# third party's "will" elsewhere is backshift or forecast: an assertion.
_MODAL_COMMIT = re.compile(
    r"\b(?:I|we)\s+(?:(?:also|still|never|not|then|certainly|definitely|absolutely|now)\s+)?"
    r"(?:will|shall|won[’']t|am going to|are going to)\b|\b(?:I|we)[’']ll\b|\bwe[’']re going to\b|"
    r"\bwill not\b|\bwon[’']t\b", re.IGNORECASE)
_MODAL_OWN = re.compile(
    r"\W*(?:he|she|it|they|we|I)\s+(?:(?:also|still|never|not|then|now)\s+)?(?:will|would|shall|won[’']t|wouldn[’']t)\b",
    re.IGNORECASE)
_MODAL_COND = re.compile(r"\b(?:if|unless|provided(?: that)?|as long as|on condition)\b", re.IGNORECASE)
_COMMIT_CUES = {"promise", "pledge", "vow"}
# Cue forms that are as often plural nouns: in a title-case headline they are not read as cues.
_NOUN_LIKE_CUES = {"claims", "reports", "questions", "states", "calls", "charges", "demands", "promises",
                   "hopes", "fears", "worries", "remarks", "echoes", "forecasts", "counters", "replies",
                   "pledges", "vows", "tweets", "thinks", "wants", "expects", "notes", "proposed"}
# Words that attach a participle cue to the clause's subject: "responded by saying …".
_PARTICIPLE_LEADS = {"by", "and", "after", "before", "while", "despite", "when", "also", "then"}
# Verbs whose subject performs the cue of the infinitive after them: "continued to call for".
_CATENATIVES = {"continued", "continues", "continue", "went", "goes", "began", "begins", "begin",
                "started", "starts", "tried", "tries", "sought", "seeks", "appeared", "appears",
                "seemed", "seems", "moved", "rushed", "hastened", "vowed", "promised",
                "used", "wants", "wanted", "plans", "planned"}
_TITLE_SMALL = {"a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "at", "by", "with", "from", "as", "vs"}
# Finite verbs and auxiliaries that show a clause follows a cue without "that".
_CLAUSE_VERBS = set("""
is are was were will would can could should may might must has have had does did do
isn't aren't wasn't weren't won't wouldn't can't couldn't shouldn't hasn't haven't hadn't
doesn't didn't don't isn’t aren’t wasn’t weren’t won’t wouldn’t can’t couldn’t shouldn’t
hasn’t haven’t hadn’t doesn’t didn’t don’t
""".split())
# Cues by which a poll, study or record "shows" or "finds" something, content without "that".
_EVIDENCE_CUES = {"show", "find", "suggest", "indicate"}
_EVIDENCE_NOUNS = set("""
poll survey study report data figure research analysis review audit investigation video
footage document record statistic number result finding evidence chart graph slide
assessment estimate model projection test count tally exam examination inquiry probe
""".split()) | {"analyses"}


@dataclass
class _Tok:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def word(self) -> bool:
        return self.text[:1].isalnum()


@dataclass
class _Found:
    """A statement under construction; turned into Extracted at the end."""

    content: Span
    cue: Span | None
    speaker: Span | None
    kind: Kind
    lemma: str = "say"
    role: str | None = None
    name: str | None = None  # the speaker as resolved, when it differs from the mention
    hedge: str | None = None
    via: list[str] = field(default_factory=list)
    polarity: Polarity = Polarity.AFFIRM


# --- small helpers ----------------------------------------------------------------------


def _tokens(text: str, lo: int, hi: int) -> list[_Tok]:
    """Word and punctuation tokens of text[lo:hi] with absolute offsets."""
    return [_Tok(m.group(), lo + m.start(), lo + m.end()) for m in _TOKEN.finditer(text[lo:hi])]


def _trim(text: str, lo: int, hi: int, chars: str = " \t\n,;:.—–-") -> Span:
    """Shrink [lo, hi) past surrounding whitespace and clause punctuation."""
    while lo < hi and text[lo] in chars:
        lo += 1
    while hi > lo and text[hi - 1] in chars:
        hi -= 1
    return lo, hi


def _paragraphs(text: str) -> list[Span]:
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def _quotes(text: str, lo: int, hi: int) -> list[Span]:
    """Spans of quoted passages in a paragraph, including their quote marks."""
    spans: list[Span] = []
    open_at: int | None = None
    for m in _QUOTE_MARK.finditer(text, lo, hi):
        mark = m.group()
        if open_at is None:
            if mark != "”":
                open_at = m.start()
        elif mark != "“":
            spans.append((open_at, m.end()))
            open_at = None
        else:
            open_at = m.start()  # an unclosed quote followed by a new one: restart
    if open_at is not None:
        # News convention: a quote running on to the next paragraph is left open.
        end = _trim(text, open_at, hi, " \t")[1]
        if end - open_at > 20:
            spans.append((open_at, end))
    return spans


def _inner(text: str, qa: int, qb: int) -> Span:
    """The quoted words of a quote span, without marks or trailing clause punctuation."""
    a = qa + (2 if text.startswith("''", qa) else 1)
    b = qb
    if text.startswith("''", qb - 2) and qb - 2 >= a:
        b = qb - 2
    elif text[qb - 1] in "\"”":
        b = qb - 1
    return _trim(text, a, b, " \t,;:—–-")


def _looks_like_title(text: str, qa: int, inner: Span) -> bool:
    """A quoted name (a show, book or operation) rather than speech."""
    before = text[max(0, qa - 12):qa].split()
    if before and before[-1].lower() in ("of", "on", "in", "at", "from", "for", "by", "with", "about", "the", "a", "an", "called", "named", "titled", "dubbed"):
        return True
    words = text[inner[0]:inner[1]].strip(" ,.?!").split()
    return 0 < len(words) <= 6 and all(w[:1].isupper() or w.lower() in ("of", "the", "a", "and", "in", "on", "for", "to") for w in words)


def _inside(pos: int, spans: list[Span]) -> bool:
    return any(a < pos < b for a, b in spans)


def _sentences(text: str, lo: int, hi: int, quotes: list[Span]) -> list[Span]:
    """Sentence spans in a paragraph; never splits inside a quote or after an abbreviation."""
    out: list[Span] = []
    start = lo
    for m in _SENTENCE_END.finditer(text, lo, hi):
        if _inside(m.end(), quotes):
            continue
        before = text[start:m.start()].split()
        last = before[-1].lower().strip("(\"“") if before else ""
        if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", last):
            continue
        out.append((start, m.end()))
        start = m.end()
    if start < hi:
        out.append((start, hi))
    return [s for s in (_trim(text, a, b, " \t") for a, b in out) if s[1] > s[0]]


def _cue_lemma(tokens: list[_Tok], i: int) -> tuple[str, int] | None:
    """The cue lemma at token i and the index of its last token, or None."""
    low = tokens[i].low
    if tokens[i].cap and low != "according":
        return None  # "State" in "the US State Department" is a name, not a cue
    if low == "according" and i + 1 < len(tokens) and tokens[i + 1].low == "to":
        return "according to", i + 1
    if low in ("point", "points", "pointed") and i + 1 < len(tokens) and tokens[i + 1].low == "out":
        return "point out", i + 1
    lemma = _CUE_FORMS.get(low)
    if lemma and lemma != "point out":
        return lemma, i
    return None


def _is_np_start(tok: _Tok, nxt: _Tok | None) -> bool:
    low = tok.low
    if low in _DETERMINERS or low in _PRONOUNS or low in _HONORIFICS:
        return True
    if tok.cap and low not in _CAPITAL_STOPS:
        return True
    if low.isdigit():
        return True
    # Bare plural or mass nouns can open a speaker phrase: "sources said", "chairman of X".
    return (low in _SPEAKER_NOUNS or low in _TITLES) and (
        nxt is None or not nxt.word or nxt.low in _SPEAKER_NOUNS or nxt.low in ("of", "for", "at") or nxt.cap)


def _is_head(tok: _Tok) -> bool:
    low = tok.low
    if low in _PRONOUNS:
        return True
    if low in _SPEAKER_NOUNS or low.rstrip("s") in _SPEAKER_NOUNS or low in _TITLES:
        return True
    return tok.cap and low not in _CAPITAL_STOPS and low not in _DETERMINERS


def _np_ok(toks: list[_Tok]) -> bool:
    """Whether tokens form a plausible speaker phrase."""
    if not toks or len(toks) > 10:
        return False
    if not _is_head(toks[-1]):
        # Any noun can head a determined phrase right before a cue: "the announcer said".
        head = toks[-1].low
        determined = toks[0].low in _DETERMINERS or (toks[0].cap and toks[0].low.endswith(("'s", "’s")))
        if not (determined and len(toks) > 1 and head.isalpha() and not head.endswith("ly")
                and head not in _NP_STOPS and head not in _ADVERBS and head not in _DETERMINERS and head not in _CUE_FORMS):
            return False
    if not _is_np_start(toks[0], toks[1] if len(toks) > 1 else None):
        return False
    if any(t.low in _NP_STOPS and t.low != "and" for t in toks):
        return False
    if any(not t.word and t.text not in "&-'’." for t in toks):
        return False
    if toks[0].low in _PRONOUNS and len(toks) > 1:
        return False
    lower_run = 0
    for t in toks:  # long lowercase runs are clauses, not names
        lower_run = lower_run + 1 if (not t.cap and t.low not in _SPEAKER_NOUNS) else 0
        if lower_run > 3:
            return False
    return True


def _np_left(toks: list[_Tok], end: int) -> tuple[int, int] | None:
    """The speaker phrase ending just before token index end: (first, last+1) or None."""
    j = end
    while j > 0 and toks[j - 1].low in _ADVERBS:
        j -= 1
    if j == 0:
        return None
    if toks[j - 1].text == ",":
        return _appositive(toks, j - 1)
    if toks[j - 1].low in ("who", "which", "that") and j >= 2:
        # "a letter from his doctor that says …": the relative pronoun stands for the phrase before it.
        found = _np_left(toks, j - 1)
        return found if found is not None and found[1] == j - 1 else None
    if toks[j - 1].text == ")":
        # "Rep. Stephen Lynch (D-Mass.) said": the party tag sits between name and cue.
        opening = next((m for m in range(j - 2, max(-1, j - 10), -1) if toks[m].text == "("), None)
        if opening is None or opening == 0:
            return None
        j = opening
    i = j
    while i > 0:
        t = toks[i - 1]
        if not (t.word or t.text in "&-'’"):
            break
        low = t.low
        if low == "and":
            if i - 2 >= 0 and toks[i - 2].cap and i < j and (toks[i].cap or toks[i].low in _DETERMINERS):
                i -= 1
                continue
            break
        if low in _NP_STOPS and low not in ("of", "for"):
            break
        if t.cap and low in _CAPITAL_STOPS:
            break
        if not t.cap and (_CUE_FORMS.get(low) or low in _PARTICIPLES):
            break
        i -= 1
        if low in _DETERMINERS and low not in ("one", "two", "three", "all", "both", "some", "many", "most"):
            if i > 0 and toks[i - 1].low in ("of", "for"):
                continue
            break
        if low in _PRONOUNS and i == j - 1:
            break
    for k in range(i, j):  # prefer the longest plausible phrase
        if _np_ok(toks[k:j]):
            return k, j
    return None


def _appositive(toks: list[_Tok], comma: int) -> tuple[int, int] | None:
    """In "NAME, the title, said", "the title, NAME, said" or "NAME, who …, said", the name."""
    inner = _np_left(toks, comma)
    if inner is not None and inner[0] >= 2 and toks[inner[0] - 1].text == ",":
        outer = _np_left(toks, inner[0] - 1)
        if outer is not None:
            if toks[inner[0]].low in _DETERMINERS or not toks[inner[0]].cap:
                return outer
            return inner
    # Up to three comma-separated insertions (relative clause, place, medium) before the cue.
    end = comma
    for _ in range(3):
        start = next((m for m in range(end - 1, max(-1, end - 25), -1) if toks[m].text in ",;:“”\"()"), None)
        if start is None or toks[start].text != "," or start == 0:
            return None
        first = toks[start + 1] if start + 1 < end else None
        if first is None or not (first.low in _INSERTION_OPENERS or first.low.isdigit() or first.low.endswith("ing") or first.low in _DETERMINERS or first.low in _SPEAKER_NOUNS or first.low in _TITLES or first.cap):
            return None
        outer = _np_left(toks, start)
        if outer is not None and outer[1] == start:
            return outer
        end = start
    return None


def _np_right(toks: list[_Tok], start: int) -> tuple[int, int] | None:
    """The speaker phrase starting at token index start (for "said X" / "according to X")."""
    j = start
    while j < len(toks) and (toks[j].word or toks[j].text in "&-'’") and j - start < 12:
        low = toks[j].low
        if low in _NP_STOPS and low not in ("of", "for", "and"):
            break
        if low == "and" and not (j + 1 < len(toks) and toks[j + 1].cap):
            break
        if j > start and toks[j].cap and low in _CAPITAL_STOPS:
            break
        j += 1
    for k in range(j, start, -1):
        if _np_ok(toks[start:k]):
            return start, k
    return None


def _subject(toks: list[_Tok]) -> tuple[int, int] | None:
    """The grammatical subject of a sentence, skipping a leading adverbial up to a comma."""
    start = 0
    if toks and toks[0].low in _CAPITAL_STOPS | {"in", "on"}:
        for k, t in enumerate(toks[:12]):
            if t.text == ",":
                start = k + 1
                break
        else:
            return None
    j = start
    while j < len(toks) and (toks[j].word or toks[j].text in "&-'’") and j - start < 10:
        low = toks[j].low
        if j > start and (low in _NP_STOPS and low not in ("of", "for") or low in _ADVERBS or _CUE_FORMS.get(low)):
            break
        if j > start and not toks[j].cap and low not in _SPEAKER_NOUNS and low not in ("of", "for") and toks[j - 1].low not in _DETERMINERS:
            break
        j += 1
    for k in range(j, start, -1):
        if _np_ok(toks[start:k]):
            return start, k
    return None


def _title_case(toks: list[_Tok]) -> bool:
    """Whether a sentence is a headline in title case ("New Poll Shows Bump For Clinton")."""
    words = [t for t in toks if t.word and t.text[:1].isalpha() and t.low not in _TITLE_SMALL]
    return len(words) >= 4 and sum(t.cap for t in words) >= 0.85 * len(words)


def _evidence(tok: _Tok) -> bool:
    low = tok.low
    return low in _EVIDENCE_NOUNS or (low.endswith("s") and low[:-1] in _EVIDENCE_NOUNS)


def _clause_at(toks: list[_Tok], j: int) -> bool:
    """Whether a finite clause starts at token j: a short subject, then a finite verb."""
    if j >= len(toks) or not toks[j].word:
        return False
    first = toks[j]
    if re.fullmatch(r"(?:it|he|she|they|we|i|you|there|that)[’']s|(?:they|we|you|i)[’'](?:re|ve|ll|d)", first.low):
        return True
    if first.low in _CLAUSE_VERBS or first.low in ("to", "not", "so", "nothing", "anything", "how", "what", "whether", "if", "why", "when"):
        return False
    for m in range(j + 1, min(len(toks), j + 8)):
        t = toks[m]
        if not t.word and t.text not in "'’-":
            return False
        if t.low in _CLAUSE_VERBS or (
                t.low.endswith("ed") and not toks[m - 1].low in _DETERMINERS and not t.cap and len(t.low) > 4):
            return m > j or first.low in _PRONOUNS
    return False


def _hedge(toks: list[_Tok], k: int) -> str | None:
    """A hedge adverb in the cue's own clause: "Dar reportedly told", "said, reportedly"."""
    for step in (-1, 1):
        m = k + step
        while 0 <= m < len(toks) and abs(m - k) <= 4 and toks[m].word:
            if toks[m].low in _HEDGES:
                return toks[m].low
            m += step
    return None


def _split_role(text: str, toks: list[_Tok]) -> tuple[Span, str | None]:
    """Separate a title from a name: "Pakistan’s Foreign Minister Ishaq Dar" → name span, role."""
    full: Span = (toks[0].start, toks[-1].end)
    title_at = None
    for k, t in enumerate(toks[:-1]):
        if t.low in _TITLES:
            title_at = k
    if title_at is None:
        return full, None
    name_from = title_at + 1
    # "Secretary of State Marco Rubio": the department belongs to the title.
    if name_from + 1 < len(toks) and toks[name_from].low == "of" and toks[name_from + 1].cap:
        name_from += 2
    name = toks[name_from:]
    if not name or len(name) > 4 or not all(t.cap for t in name):
        return full, None
    if any(t.low in _SPEAKER_NOUNS or t.low in _TITLES for t in name):
        return full, None
    role = text[toks[0].start:toks[name_from - 1].end]
    return (name[0].start, name[-1].end), role


# --- the extractor ----------------------------------------------------------------------


class _Extractor:
    """Holds the text and the statements found so far while scanning it once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: list[_Found] = []
        self.used_cues: set[int] = set()
        # "X said:" closing a paragraph hands its speaker to the quote that opens the next one.
        self.pending: _Found | None = None

    # speaker bookkeeping

    def speaker_from(self, toks: list[_Tok]) -> tuple[Span, str | None]:
        span, role = _split_role(self.text, toks)
        if role is None:
            # An apposition next to the name is its role: "Trump, the Republican nominee,".
            after = _APPOS_AFTER.match(self.text, span[1])
            before = _APPOS_BEFORE.search(self.text, 0, span[0])
            if after and after.group(1).split()[0].lower() in _DETERMINERS | {"a", "an"}:
                role = after.group(1)
            elif before and before.end() == span[0] and before.group(1)[:1].isalpha():
                role = before.group(1)
        return span, role

    def add(self, item: _Found) -> None:
        if item.cue:
            self.used_cues.add(item.cue[0])
        self.found.append(item)

    # direct quotes

    def direct(self, para: Span, quotes: list[Span], sentences: list[Span]) -> None:
        text = self.text
        last_direct: _Found | None = self.found[-1] if self.found and self.found[-1].kind == Kind.DIRECT else None
        for qa, qb in quotes:
            if any(qa < f.content[1] and f.content[0] < qb for f in self.found):
                continue  # already the content of a transcript line
            inner = _inner(text, qa, qb)
            words = text[inner[0]:inner[1]].split()
            sent = next((s for s in sentences if s[0] <= qa < s[1]), para)
            title = _looks_like_title(text, qa, inner)
            item = (None if title else self._quote_after(qb, para, inner)) or self._quote_before(qa, sent, inner)
            pending, self.pending = self.pending, None
            if item is None and pending is not None and text[para[0]:qa].strip() == "":
                pending.content, pending.kind = inner, Kind.DIRECT
                item = pending
            if item is None and last_direct is not None and len(words) >= 4:
                starts_unit = text[sent[0]:qa].strip() == "" or text[para[0]:qa].strip() == ""
                if starts_unit and not self._has_cue(sent, quotes):
                    # A quote that opens a sentence after another quote continues that speaker.
                    item = _Found(inner, None, last_direct.speaker, Kind.DIRECT,
                                  lemma=last_direct.lemma, role=last_direct.role,
                                  name=last_direct.name)
            if item is None:
                continue
            if len(words) < 2 and item.cue is None:
                continue
            if len(words) == 1 and re.fullmatch(r"[\d.,%$]+", words[0]):
                continue
            self.add(item)
            last_direct = item

    def _has_cue(self, sent: Span, quotes: list[Span]) -> bool:
        toks = _tokens(self.text, *sent)
        return any(_cue_lemma(toks, k) and not _inside(t.start, quotes) for k, t in enumerate(toks))

    def _quote_after(self, qb: int, sent: Span, inner: Span) -> _Found | None:
        """ “…,” X said / “…,” said X / “…” — X told Y."""
        text = self.text
        hi = min(sent[1], qb + 160)
        nxt = _QUOTE_MARK.search(text, qb, hi)
        if nxt:
            hi = nxt.start()
        if not re.match(r"\s*[,—–-]?\s*[\w]", text[qb:hi]) or text[qb:qb + 1].isalnum():
            return None
        ending = text[inner[1]:qb]
        toks = _tokens(text, qb, hi)
        for k, t in enumerate(toks[:24]):
            hit = _cue_lemma(toks, k)
            if not hit:
                if t.text in ";!?" or (t.text == "." and not (k + 1 < len(toks) and toks[k + 1].text == ",")) or (t.text == "," and k > 0 and not toks[0].cap and toks[0].low not in _DETERMINERS):
                    break  # commas may set off the speaker's title or age: “…,” X, 82, said
                continue
            lemma, last = hit
            if lemma == "according to":
                span = _np_right(toks, last + 1)
                if span is None:
                    return None
                return self._make(inner, (t.start, toks[last].end), toks[span[0]:span[1]], Kind.DIRECT, lemma, toks, last)
            if k == 0 or (k == 1 and toks[0].text in ",—–-"):
                span = _np_right(toks, k + 1)
                if span is None:
                    return None
                sp = toks[span[0]:span[1]]
            else:
                span = _np_left(toks, k)
                if span is None or any(x.word for x in toks[(1 if toks[0].text in ",—–-" else 0):span[0]]):
                    return None
                sp = toks[span[0]:span[1]]
            if "," not in ending and "?" not in ending and "!" not in ending and not re.match(r"\s*[,—–-]", text[qb:hi]):
                if "." in ending:
                    return None  # “We won.” Trump said… is rare; a full stop usually ends the quote's sentence
            return self._make(inner, (t.start, toks[last].end), sp, Kind.DIRECT, lemma, toks, last)
        return None

    def _quote_before(self, qa: int, sent: Span, inner: Span) -> _Found | None:
        """X said: “…” / X said, “…” / adding: “…”."""
        text = self.text
        toks = _tokens(text, sent[0], qa)
        while toks and toks[-1].text in ":,":
            toks.pop()
        if not toks:
            return None
        k = len(toks) - 1
        hit = _cue_lemma(toks, k)
        obj: list[_Tok] = []
        if not hit and k >= 1:
            # "told reporters: “…”" — the addressee sits between cue and quote.
            for back in range(1, 5):
                if k - back < 0:
                    break
                h = _cue_lemma(toks, k - back)
                if h and h[0] in _ADDRESSEE:
                    obj = toks[k - back + 1:]
                    k -= back
                    hit = h
                    break
        if not hit:
            return None
        lemma = hit[0]
        cue_tok = toks[k]
        item = None
        span = _np_left(toks, k)
        if span is not None:
            item = self._make(inner, (cue_tok.start, cue_tok.end), toks[span[0]:span[1]], Kind.DIRECT, lemma, toks, k)
        if item is not None and obj:
            item.via.append(text[cue_tok.start:obj[-1].end])
        return item

    def _make(self, content: Span, cue: Span, sp: list[_Tok], kind: Kind, lemma: str,
              toks: list[_Tok], cue_idx: int) -> _Found | None:
        if cue[0] in self.used_cues:
            return None
        span, role = self.speaker_from(sp)
        item = _Found(content, cue, span, kind, lemma=lemma, role=role)
        item.hedge = _hedge(toks, cue_idx)
        if lemma in _DENIAL:
            item.polarity = Polarity.DENY
        if lemma == "tell":
            obj = _np_right(toks, cue_idx + 1)
            if obj:
                item.via.append(self.text[cue[0]:toks[obj[1] - 1].end])
        return item

    # transcripts and headlines: "PENCE: …", "Pat Caddell: …"

    def labelled(self, para: Span) -> None:
        text = self.text
        m = _LABEL.match(text, para[0], para[1])
        if not m or m.group(1).lower() in _NOT_LABELS or m.group(1).split()[0].lower() in _NOT_LABELS:
            return
        content = _trim(text, m.end(), para[1], " \t\"“”")
        if len(text[content[0]:content[1]].split()) < 3:
            return
        label = m.group(1)
        # Transcripts name speakers in capitals and quote them verbatim; headlines paraphrase.
        kind = Kind.DIRECT if label.isupper() else Kind.INDIRECT
        self.add(_Found(content, (m.end(1), m.end(1) + 1), (m.start(1), m.end(1)), kind))

    # reported speech

    def indirect(self, sent: Span, quotes: list[Span]) -> None:
        text = self.text
        toks = _tokens(text, *sent)
        # Statements already attributed in this sentence give participles their speaker.
        sent_items = [f for f in self.found if f.cue and sent[0] <= f.cue[0] < sent[1]]
        title = _title_case(toks)
        k = 0
        while k < len(toks):
            t = toks[k]
            hit = None if _inside(t.start, quotes) or t.start in self.used_cues else _cue_lemma(toks, k)
            if (hit is None and title and k > 0 and t.cap and t.low in _CUE_FORMS and t.low.endswith(("s", "ed", "id", "ld"))
                    and t.low not in _NOUN_LIKE_CUES and not _inside(t.start, quotes) and t.start not in self.used_cues):
                hit = (_CUE_FORMS[t.low], k)  # a headline in title case: "Obama Says Museum Will …"
            if t.low in _PARTICIPLES and not _inside(t.start, quotes) and t.start not in self.used_cues:
                hit = (_PARTICIPLES[t.low], k)
            if hit is None or any(f.content[0] <= t.start < f.content[1] for f in self.found):
                k += 1
                continue
            item = self._indirect_at(toks, k, hit, sent, sent_items)
            if item is not None:
                self.add(item)
                sent_items.append(item)
            k = hit[1] + 1

    def _indirect_at(self, toks: list[_Tok], k: int, hit: tuple[str, int], sent: Span,
                     sent_items: list[_Found]) -> _Found | None:
        text = self.text
        lemma, last = hit
        t = toks[k]
        cue: Span = (t.start, toks[last].end)
        if lemma == "according to":
            sp = _np_right(toks, last + 1)
            # "according to" names its source whatever the phrase: take it up to the clause break.
            stop = next((m for m in range(last + 1, len(toks)) if toks[m].text in ",.;:!?—–()\"“”"), len(toks))
            if stop - (last + 1) <= 25 and stop > last + 1 and (sp is None or sp[1] < stop) and (
                    toks[last + 1].low in _DETERMINERS or toks[last + 1].word):
                sp = (last + 1, stop)
            if sp is None:
                return None
            after = toks[sp[1]] if sp[1] < len(toks) else None
            if k > 0 and toks[k - 1].text in ",—–-":
                content = _trim(text, sent[0], toks[k - 1].start)
            elif k == 0 and after is not None and after.text == ",":
                content = _trim(text, after.end, sent[1])
            else:
                return None
            return self._finish(content, cue, toks[sp[0]:sp[1]], lemma, toks, k)
        prev = toks[k - 1] if k else None
        progressive = t.low in _PARTICIPLES and prev is not None and prev.low in ("is", "are", "was", "were", "been")
        base = k - 2 if k >= 2 else 0
        if base >= 1 and toks[base].low == "on" and toks[base - 1].low in ("went", "goes", "go", "going"):
            base -= 1
        if (prev is not None and prev.low == "to" and k >= 2 and t.low in _CUE_FORMS
                and toks[base].low in _CATENATIVES):
            # "protesters continued to call for …", "Ham went on to explain …": the subject speaks.
            left = _np_left(toks, base)
            if left is None:
                return None
            content = self._right_content(toks, last, lemma, toks[left[0]:left[1]])
            return None if content is None else self._finish(content, cue, toks[left[0]:left[1]], lemma, toks, k)
        if not progressive and prev is not None and prev.low in ("was", "were", "been", "being", "is", "are", "be", "the", "a", "to", "not", "n't", "never"):
            return None  # passive, "the said agreement", infinitives and negations report nothing
        participle = t.low in _PARTICIPLES and not progressive
        speaker: list[_Tok] | None = None
        name_from: _Found | None = None
        if participle and (k == 0 or (k == 1 and prev is not None and prev.low in _PARTICIPLE_LEADS)):
            # "After saying her foot was swollen, she …": the main clause's subject said it.
            comma = next((m for m in range(last + 1, len(toks)) if toks[m].text == ","), None)
            if comma is None or comma - last < 3:
                return None
            sp = _np_right(toks, comma + 1)
            if sp is None or toks[sp[0]].low in ("it", "there"):
                return None
            return self._finish(_trim(text, toks[last + 1].start, toks[comma - 1].end), cue,
                                toks[sp[0]:sp[1]], lemma, toks, k)
        if participle or (prev is not None and prev.low in ("and", "but")):
            if participle and (prev is None or (prev.text not in ",—–-" and prev.low not in _PARTICIPLE_LEADS)):
                return None
            if sent_items:
                name_from = sent_items[-1]
            else:
                subj = _subject(toks[: (k - 1 if prev is not None and prev.low in ("and", "but") else k)])
                if subj is None:
                    return None
                speaker = toks[subj[0]:subj[1]]
        else:
            left = _np_left(toks, k - 1 if progressive else k)
            if progressive and left is not None and left[1] != k - 1:
                left = None
            if left is None:
                # Inverted order after a clause: "…, said the official."
                if prev is not None and prev.text == "," and lemma in ("say", "add", "write", "note", "tell", "claim", "explain", "argue", "warn"):
                    sp = _np_right(toks, last + 1)
                    if sp is None or (sp[1] < len(toks) and toks[sp[1]].text not in ",.;"):
                        return None
                    content = _trim(text, sent[0], prev.start)
                    if len(text[content[0]:content[1]].split()) < 3:
                        return None
                    return self._finish(content, cue, toks[sp[0]:sp[1]], lemma, toks, k)
                return None
            speaker = toks[left[0]:left[1]]
            before = toks[left[0] - 1] if left[0] else None
            rest = toks[last + 1:]
            if before is not None and before.text in ",—–-" and left[0] > 1 and self._tail_only(rest):
                # "CLAUSE, X said (on Tuesday)." — the content precedes the speaker.
                content = _trim(text, sent[0], before.start)
                if len(text[content[0]:content[1]].split()) < 3:
                    return None
                return self._finish(content, cue, speaker, lemma, toks, k)
        content = self._right_content(toks, last, lemma, speaker)
        if content is None:
            if speaker and toks[-1].text == ":" and len(toks) - last <= 6:
                self.pending = self._finish(cue, cue, speaker, lemma, toks, k)
            return None
        if participle and lemma in _RATING and sent_items and re.match(r"(?:the|these|those|such)\s+(?:allegations?|claims?|reports?|accusations?|charges?)\b|(?:it|them)\b", text[content[0]:content[1]], re.IGNORECASE):
            return None  # "…, dismissing the allegations as false" restates the denial just made
        item = self._finish(content, cue, speaker, lemma, toks, k)
        if item is not None and name_from is not None:
            item.speaker, item.role, item.name = name_from.speaker, name_from.role, name_from.name
            item.hedge = item.hedge or name_from.hedge
        return item

    def _tail_only(self, rest: list[_Tok]) -> bool:
        """Whether what follows a cue is only time, place or medium — no content."""
        if not rest:
            return True
        words = [t for t in rest if t.word]
        if rest[0].text in ".;!?" or (rest[0].text == "," and len(words) < 2):
            return True
        if rest[0].text == ":":
            return False
        upto = []
        for t in rest:
            if t.text in ".;!?":
                break
            upto.append(t)
        if any(t.low == "that" for t in upto):
            return False
        return len([t for t in upto if t.word]) <= 7 and (not upto or upto[0].low in (
            "on", "in", "at", "during", "monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "yesterday", "today", "last", "earlier", "later", "this",
            "to", "told", ",", "recently", "afterward", "afterwards", "then", "previously",
            "again", "of", "about", "while", "when", "after", "before") or upto[0].low in _ADVERBS)

    def _right_content(self, toks: list[_Tok], last: int, lemma: str,
                       speaker: list[_Tok] | None = None) -> Span | None:
        """The reported clause after a cue, or None when nothing reportable follows."""
        text = self.text
        j = last + 1
        if j >= len(toks):
            return None
        # Without "that", a thinking or evidence cue reports only a clause ("believes the plan
        # will fail") or, from a poll or study, what it shows ("a poll shows Clinton leading").
        bare_ok = lemma in _NEEDS_THAT and toks[last].low != "state" and (
            _clause_at(toks, j) or (lemma in _EVIDENCE_CUES and bool(speaker) and _evidence(speaker[-1])))
        if toks[j].text == ":":
            j += 1
        else:
            # Skip time and medium phrases between cue and content: "said Tuesday in a statement that".
            that_at = None
            for m in range(j, min(len(toks), j + 14)):
                if toks[m].low == "that" and (m == j or toks[m - 1].text != ","):
                    that_at = m
                    break
                if toks[m].text in ".;:!?":
                    break
                if m > j and (toks[m].low in ("and", "but") or (not toks[m].cap and _CUE_FORMS.get(toks[m].low))):
                    break  # "say it's early but noted that …": that "that" belongs to the next cue
            if that_at is not None and that_at - j <= 12:
                between = toks[j:that_at]
                if lemma in _NP_OBJECT | {"reiterate"} and between and between[-1].low in ("claims", "claim", "reports", "report", "allegations", "suggestions", "stance", "position", "view", "belief", "assertion", "accusations", "rumors", "speculation", "fears"):
                    j = that_at + 1
                elif all(b.word or b.text in ",'’" for b in between) and not any(b.low in ("is", "was", "are", "were", "will", "would", "has", "have") for b in between):
                    j = that_at + 1
                elif lemma in _NEEDS_THAT and not bare_ok:
                    return None
            elif lemma in _NEEDS_THAT and not bare_ok:
                return None
            elif lemma in _ADDRESSEE:
                obj = _np_right(toks, j)
                if obj and obj[1] < len(toks) and toks[obj[1]].low == "to" and lemma != "tell":
                    pass  # "urged both sides to …": the addressee is part of what was urged
                elif obj:
                    j = obj[1]
            else:
                while j < len(toks) and (toks[j].low in ("on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today") or toks[j].low in _ADVERBS):
                    j += 1
        if j >= len(toks) or toks[j].low in ("citing", "according", "nothing", "anything"):
            return None
        # The content ends before a participle or a coordinated cue that opens a new statement.
        end = len(toks)
        for m in range(j + 1, len(toks)):
            low = toks[m].low
            if toks[m - 1].text in ",—–-" and (low in _PARTICIPLES or (low.endswith("ing") and len(low) > 5 and not toks[m].cap)):
                end = m - 1  # a participle clause is either a new statement or the reporter's gloss
                break
            if low in ("and", "but") and m + 1 < len(toks):
                nx = m + 1
                while nx < len(toks) and toks[nx].low in _ADVERBS:
                    nx += 1
                if nx < len(toks) and _CUE_FORMS.get(toks[nx].low) and toks[nx].low.endswith(("ed", "id", "ld", "te", "ote")):
                    end = m
                    break
        hi = toks[end - 1].end if end > j else toks[j].end
        content = _trim(text, toks[j].start, hi)
        words = text[content[0]:content[1]].split()
        if len(words) < 3 and not (lemma in _NP_OBJECT and len(words) >= 2):
            return None
        return content

    def _finish(self, content: Span, cue: Span, speaker: list[_Tok] | None, lemma: str,
                toks: list[_Tok], k: int) -> _Found | None:
        text = self.text
        if content[1] <= content[0]:
            return None
        if speaker:
            span, role = self.speaker_from(speaker)
        else:
            span, role = None, None
        kind = Kind.INDIRECT
        c = text[content[0]:content[1]]
        marks = list(_QUOTE_MARK.finditer(c))
        if len(marks) == 2 and marks[0].start() == 0 and marks[1].end() == len(c):
            content = _inner(text, content[0], content[1])
            kind = Kind.DIRECT
        item = _Found(content, cue, span, kind, lemma=lemma, role=role)
        item.hedge = _hedge(toks, k)
        if lemma in _DENIAL:
            item.polarity = Polarity.DENY
        elif lemma in _RATING and _DENIAL_WORDS.search(text[content[0]:content[1]]):
            item.polarity = Polarity.DENY
        if lemma == "tell":
            obj = _np_right(toks, k + 1)
            if obj:
                item.via.append(text[cue[0]:toks[obj[1] - 1].end])
        return item

    # describe-as forms: what X calls “…”

    def described(self, sent: Span, quotes: list[Span]) -> None:
        text = self.text
        for qa, qb in quotes:
            if not (sent[0] <= qa < sent[1]):
                continue
            toks = _tokens(text, sent[0], qa)
            if len(toks) < 3:
                continue
            tail = toks[-6:]
            lows = [t.low for t in tail]
            if lows[-1] == "as":
                lows, tail = lows[:-1], tail[:-1]
            if not tail or _CUE_FORMS.get(lows[-1]) not in ("call", "describe") and lows[-1] not in ("dubbed", "termed", "labeled", "labelled", "branded"):
                continue
            cue_tok = tail[-1]
            if cue_tok.start in self.used_cues or any(f.content[0] <= qa < f.content[1] for f in self.found):
                continue
            idx = toks.index(cue_tok)
            left = _np_left(toks, idx)
            if left is None or idx - left[1] > 2:
                continue
            rel = toks[left[0] - 1].low if left[0] else ""
            if rel not in ("what", "which", "that"):
                continue
            inner = _trim(text, *_inner(text, qa, qb), chars=" ,;:.")
            item = self._finish((qa, qb), (cue_tok.start, cue_tok.end), toks[left[0]:left[1]], "describe", toks, idx)
            if item is None:
                continue
            item.content, item.kind = inner, Kind.DIRECT
            self.add(item)


# --- resolution and assembly ------------------------------------------------------------


def _looks_like_person(name: str) -> bool:
    parts = name.split()
    if not parts or parts[0].lower() in _DETERMINERS:
        return False
    if parts[0].lower() in _HONORIFICS:
        return True
    return 2 <= len(parts) <= 4 and all(p[:1].isupper() for p in parts) and not any(
        p.lower() in _SPEAKER_NOUNS or p.lower() in _TITLES for p in parts)


def _modality(content: str, lemma: str) -> Modality:
    if content.rstrip("”\"’ ").endswith("?"):
        return Modality.QUESTION
    if _MODAL_IF.search(content):
        return Modality.CONDITIONAL
    if lemma in _COMMIT_CUES or _MODAL_COMMIT.search(content) or _MODAL_OWN.match(content):
        return Modality.COMMITMENT
    if _MODAL_COND.search(content):
        return Modality.CONDITIONAL
    return Modality.ASSERTION


def _via(text: str, sent: Span, item: _Found) -> list[str]:
    """Reporting-chain phrases in the sentence outside the content: "to local television"."""
    found = list(item.via)
    a, b = item.content
    for rx in _VIA_PATTERNS:
        for m in rx.finditer(text, sent[0], sent[1]):
            if a <= m.start(1) < b:
                continue
            phrase = m.group(1).strip()
            if phrase and not any(phrase in f or f in phrase for f in found):
                found.append(phrase)
    return found


def _resolve(text: str, found: list[_Found], sentences: list[Span]) -> list[Extracted]:
    """Give each statement a speaker name, resolving pronouns and short names backwards."""
    out: list[Extracted] = []
    people: list[str] = []
    others: list[str] = []
    for item in found:
        mention = text[item.speaker[0]:item.speaker[1]] if item.speaker else None
        name = item.name or mention
        if mention is not None and item.name is None:
            low = mention.lower()
            if low in _PERSON_PRONOUNS and people:
                name = people[-1]
            elif low in ("it", "they") and others:
                name = others[-1]
            elif " " not in mention and mention[:1].isupper():
                full = next((p for p in reversed(people) if p.split()[-1] == mention), None)
                name = full or mention
            elif mention.split()[0].lower() in _HONORIFICS:
                surname = mention.split()[-1]
                name = next((p for p in reversed(people) if p.split()[-1] == surname and p.split()[0].lower() not in _HONORIFICS), mention)
        if name and name.lower() not in _PRONOUNS:
            (people if _looks_like_person(name) else others).append(name)
        sent = next((s for s in sentences if s[0] <= item.content[0] < s[1]), item.content)
        if item.cue:
            sent = next((s for s in sentences if s[0] <= item.cue[0] < s[1]), sent)
        via = _via(text, sent, item)
        content = text[item.content[0]:item.content[1]]
        polarity = item.polarity
        out.append(Extracted(
            speaker=name,
            speaker_span=item.speaker,
            cue=text[item.cue[0]:item.cue[1]] if item.cue else None,
            cue_span=item.cue,
            content=content,
            content_span=item.content,
            kind=item.kind,
            polarity=polarity,
            role=item.role,
            hedge=item.hedge,
            via="; ".join(via) or None,
            modality=_modality(content, item.lemma),
        ))
    return out


def extract_statements(text: str) -> list[Extracted]:
    """Every attributed statement in text, in reading order, with character offsets."""
    ex = _Extractor(text)
    all_sentences: list[Span] = []
    for para in _paragraphs(text):
        quotes = _quotes(text, *para)
        sentences = _sentences(text, *para, quotes)
        all_sentences.extend(sentences)
        ex.labelled(para)
        ex.direct(para, quotes, sentences)
        ex.pending = None
        for sent in sentences:
            ex.described(sent, quotes)
            ex.indirect(sent, quotes)
    ex.found.sort(key=lambda f: (f.content[0], f.cue[0] if f.cue else 0))
    return _resolve(text, ex.found, all_sentences)


def _headline(lines: list[str]) -> str | None:
    if not lines:
        return None
    first = lines[0].strip()
    words = first.split()
    if not words or len(words) > 25 or _BYLINE.match(first):
        return None
    if first.endswith((".", "”", '"')) and len(words) > 14:
        return None
    return first


def extract_article(text: str) -> Article:
    """Headline, byline author, outlet and statements of one article's text."""
    lines = [line for line in text.splitlines() if line.strip()]
    headline = _headline(lines)
    author = None
    for line in lines[:3] + lines[-3:]:
        m = _BYLINE.match(line)
        if m:
            author = m.group(1).strip()
            break
    outlet = None
    m = _OUTLET.search(text) or _OUTLET_TRAIL.search(text)
    if m:
        candidate = m.group(1).strip()
        if candidate.split()[0].lower() not in _DETERMINERS and candidate.split()[-1].lower() not in _SPEAKER_NOUNS:
            outlet = candidate
    statements = extract_statements(text)
    if headline:
        # Attributions in the headline repeat the body; keep the body's, with its context.
        cut = text.find(headline) + len(headline)
        statements = [s for s in statements if s.content_span[0] >= cut]
    return Article(headline=headline, author=author, outlet=outlet, statements=tuple(statements))
