"""The words attribution knows: titles, honorifics, abbreviations, name particles, role and organisation words.

One list each, shared by sentence splitting, name parsing, cue matching and speaker merging, so a
word added here is known everywhere at once.
"""

from __future__ import annotations

import re

# Abbreviated titles written with a period before a name ("Sen. Ruiz", "Gen. Li", "Rev. Ana Ruiz").
TITLE_ABBREVIATIONS = (
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Adm", "Capt", "Sgt", "Maj", "Prof", "Rev",
    "Hon", "St", "Jr", "Sr", "Cllr", "Det", "Insp", "Supt", "Amb", "Atty", "Pres", "Sec",
)
ABBREVIATED = {f"{a.lower()}." for a in TITLE_ABBREVIATIONS}
# Words that end in a period without ending the sentence when the next word is capitalised.
NON_TERMINAL = {a.lower() for a in TITLE_ABBREVIATIONS} | {
    "cmdr", "mt", "ft", "pres", "supt", "amb", "sec", "fr", "messrs", "mme", "mlle", "no", "nos", "vol", "pp", "fig",
    "art", "vs", "v", "approx", "ca", "cf", "dept", "est", "inc", "ltd", "co", "corp", "bros", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thurs", "fri",
}
PARTICLES = {
    "von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "le", "la", "bin", "ibn",
    "al", "el", "dos", "das", "ter", "ten", "zu", "vander", "st.", "abu", "ben", "mac",
    "ó", "ní", "nic", "uí",  # Irish: "Padraig Ó Súilleabháin", "Siobhán Ní Dhuibhir"
}
# After a name: generational suffixes, degrees, and post-nominal letters of members of parliaments and
# assemblies ("Vaughan Gething AM", "Jane Doe MP").
SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "md", "esq", "esq.", "am", "ms", "mp", "msp", "mla", "mep",
            "td", "qc", "kc", "obe", "mbe", "cbe"}
# Honorific -> the gender it states (None: says nothing).
HONORIFICS = {
    "mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "sir": "m",
    "dame": "f", "lord": "m", "lady": "f", "madam": "f", "madame": "f", "mme": "f", "mme.": "f",
    "dr": None, "dr.": None, "doctor": None, "prof": None, "prof.": None, "rev": None, "rev.": None, "hon.": None, "hon": None,
    "honourable": None, "honorable": None,
}
# Words that make a capitalised run a title ("Foreign Minister", "Secretary of State").
ROLE_WORDS = {
    "secretary", "secretary-general", "minister", "president", "vice", "chancellor", "premier",
    "senator", "sen.", "representative", "rep.", "congressman", "congresswoman", "governor", "gov.",
    "mayor", "ambassador", "director", "director-general", "chief", "spokesperson", "spokesman",
    "spokeswoman", "adviser", "advisor", "commissioner", "chair", "chairman", "chairwoman",
    "chairperson", "leader", "king", "queen", "prince", "princess", "pope", "judge", "justice",
    "attorney", "general", "gen.", "admiral", "adm.", "colonel", "col.", "lieutenant", "lt.",
    "captain", "capt.", "sergeant", "sgt.", "major", "maj.", "commander", "officer", "official",
    "coordinator", "envoy", "administrator", "deputy", "acting", "under", "assistant", "ceo",
    "founder", "professor", "head", "counsel", "surgeon", "speaker", "whip", "sheikh", "emir",
    "sultan", "state", "defense", "defence", "treasury", "affairs", "homeland", "security", "staff",
    "commerce", "energy", "health", "labor", "labour", "education", "interior", "agriculture",
    "finance", "transportation", "economy", "trade", "diplomat", "negotiator", "editor",
    "correspondent", "moderator", "host", "anchor", "reporter", "press", "manager",
    "executive", "economist", "analyst", "member", "lawmaker", "rapporteur", "chiefs", "engineer",
    "scientist", "designer", "inspector", "superintendent", "physician", "researcher", "fellow", "clerk",
    "detective", "coach", "pastor", "bishop", "archbishop", "cardinal", "rabbi", "imam", "witness",
    "vicar", "rector", "canon", "chaplain", "deacon", "priest", "reverend", "headteacher", "headmaster", "headmistress",
    # local and legislative offices, and their abbreviations ("Cllr. Hughes", "Assemblymember Ortiz")
    "councilmember", "councilman", "councilwoman", "councillor", "councilor", "cllr.", "alderman", "alderwoman",
    "alderperson", "selectman", "selectwoman", "supervisor", "assemblymember", "assemblyman", "assemblywoman", "delegate",
    "legislator", "trustee", "treasurer", "comptroller", "controller", "auditor", "sheriff", "magistrate", "ombudsman",
    "provost", "warden", "marshal", "constable", "coroner", "det.", "insp.", "supt.", "amb.", "atty.", "pres.", "sec.",
    "vice-chair", "co-chair", "presiding", "tempore", "facilitator", "interviewer", "presenter", "newsreader", "reader",
    # the same, as British style writes them without the period ("Cllr Ana Ruiz", "Det Insp Bo Li")
    "cllr", "det", "insp", "supt", "sgt", "capt", "lt",
}
# Role words that name a field, not a person: a title made only of them ("Press", "Staff", "Trade",
# "Health") does not make the name after it a person ("Press Conference", "Rural Health Policy").
DOMAIN_WORDS = {
    "state", "defense", "defence", "treasury", "affairs", "homeland", "security", "staff", "commerce", "energy", "health",
    "labor", "labour", "education", "interior", "agriculture", "finance", "transportation", "economy", "trade", "press",
    "vice", "deputy", "acting", "under", "assistant", "head", "member", "official", "executive", "chiefs",
}
# Lower-case words that may stand inside a title written in running text ("foreign policy chief").
TITLE_LOWER = {
    "foreign", "policy", "former", "top", "senior", "deputy", "national", "security", "defense",
    "defence", "chief", "minister", "secretary", "president", "spokesperson", "spokesman",
    "spokeswoman", "adviser", "advisor", "envoy", "ambassador", "official", "head", "then",
    "prime", "vice", "general", "special", "state", "executive", "press", "of",
    "economic", "trade", "finance", "interior", "justice", "acting", "outgoing", "incoming",
    "diplomat", "negotiator", "commissioner", "director", "leader", "governor", "mayor", "senator",
}
# Descriptive words that say nothing about who a role is ("the top U.S. diplomat").
ROLE_FILLER = {"the", "a", "an", "top", "former", "then", "senior", "new", "current", "outgoing", "incoming", "acting"}
ORG_WORDS = {
    "house", "department", "ministry", "office", "agency", "commission", "council", "union",
    "party", "government", "pentagon", "kremlin", "company", "inc", "inc.", "corp", "corp.", "ltd", "llc", "plc",
    "group", "bank", "university", "institute", "committee", "court", "police", "army", "navy",
    "alliance", "organization", "organisation", "administration", "cabinet", "parliament",
    "congress", "senate", "embassy", "foundation", "association", "network", "times", "post",
    "news", "reuters", "press", "nato", "un", "eu", "who", "imf", "federation", "league", "coalition", "project",
    "center", "centre", "society", "board", "authority", "tribune", "journal", "herald", "ledger", "gazette",
    "properties", "chemical", "partners", "capital", "semiconductor",
}
# Plural or generic nouns that name people but nobody in particular ("Officials said ...").
NOBODY_IN_PARTICULAR = {"official", "officer", "expert", "analyst", "critic", "resident", "source", "diplomat", "negotiator"}


# Nouns that name a person by family, sex or age ("the father of three said", "the widow said"); with agent nouns
# ("the skipper", "the striker") a story's definite description of the person it just named.
PERSON_NOUNS = {
    "man", "woman", "boy", "girl", "teenager", "teen", "child", "kid", "baby", "toddler", "pensioner", "retiree", "veteran",
    "father", "mother", "dad", "mum", "mom", "parent", "son", "daughter", "husband", "wife", "widow", "widower", "brother",
    "sister", "grandfather", "grandmother", "grandparent", "uncle", "aunt", "nephew", "niece", "cousin",
    "fiancé", "fiancée", "bride", "groom", "couple", "twin", "local", "native", "victim", "survivor", "patient", "guest",
    "student", "pupil", "graduate", "tenant", "neighbour", "neighbor", "friend", "colleague", "pilot", "chef", "nurse",
    "doctor", "surgeon", "midwife", "skipper", "captain", "coach", "striker", "defender", "goalkeeper", "keeper", "midfielder",
    "winger", "forward", "pitcher", "quarterback", "artist", "actor", "actress", "singer", "author", "poet", "novelist",
    "lawyer", "attorney", "teacher", "headteacher", "principal", "farmer", "shopkeeper", "baker", "butcher", "owner",
    "founder", "entrepreneur",
    # the one something is done to ("Interviewee: Bo Li"): "-ee" also ends "committee", "fee" and "degree"
    "interviewee", "employee", "trainee", "nominee", "appointee", "attendee", "detainee", "evacuee", "licensee", "mentee",
    "referee",
}
# A noun that names someone by what they do by its ending: "operator", "volcanologist", "historian"
AGENT_ENDING = re.compile(r"[a-z]{3,}(?:er|or|ist|ian)")
# Words with an agent's ending that name no one: "The numbers never added up", "the other said"
NOT_AGENTS = {"never", "ever", "however", "whenever", "wherever", "together", "other", "another", "rather", "further",
              "either", "neither", "after", "over", "under", "later", "earlier", "whether", "prior", "major", "minor"}


def compound_office(word: str) -> bool:
    """A word that is an office of ``ROLE_WORDS`` with a word before it, written as one: a "churchwarden" is a warden.

    >>> compound_office("churchwarden"), compound_office("warden"), compound_office("liberia")
    (True, False, False)
    """
    return any(word.endswith(office) and len(word) - len(office) >= 4 and word[: -len(office)].isalpha()
               for office in _PLAIN_OFFICES)


def names_a_doer(word: str) -> bool:
    """Whether a lower-case noun names someone by what they do or who they are ("nurse", "ferry operator"'s
    "operator", "volcanologist"), companies' agents included.

    >>> [names_a_doer(w) for w in ("nurse", "operator", "volcanologist", "other", "report")]
    [True, True, True, False, False]
    """
    return word in PERSON_NOUNS or (AGENT_ENDING.fullmatch(word) is not None and word not in NOT_AGENTS)
# Agent nouns that name companies and bodies as often as people ("the retailer said", "the regulator said"), and
# things that "say" ("the letter said"): never read as the person a story just named.
NOT_PERSON_AGENTS = {
    "retailer", "carmaker", "automaker", "manufacturer", "maker", "insurer", "lender", "broadcaster", "publisher",
    "regulator", "carrier", "provider", "supplier", "distributor", "operator", "developer", "producer", "exporter",
    "importer", "refiner", "miner", "brewer", "builder", "chipmaker", "drugmaker", "grocer", "wholesaler", "employer",
    "broker", "streamer", "bidder", "buyer", "seller", "investor", "creditor", "shareholder",
    "letter", "paper", "newspaper", "order", "poster", "flyer", "charter", "chapter", "register", "monitor", "computer",
    "counter", "number", "banner", "trailer", "sponsor", "organiser", "organizer", "promoter", "partner", "competitor",
    "rival", "leader", "member", "speaker", "reporter", "source", "officer", "director",
}
# Written forms of one role word ("Sen." and "Senator"), so titles can be compared.
SAME_OFFICE = {
    "us": "u.s.", "u.s": "u.s.", "american": "u.s.", "america": "u.s.", "sen.": "senator", "rep.": "representative",
    "congressman": "representative", "congresswoman": "representative", "gov.": "governor", "gen.": "general",
    "lt.": "lieutenant", "col.": "colonel", "adm.": "admiral", "capt.": "captain", "sgt.": "sergeant", "maj.": "major",
    "prof.": "professor", "chairman": "chair", "chairwoman": "chair", "chairperson": "chair", "spokesman": "spokesperson",
    "spokeswoman": "spokesperson", "councilwoman": "councilmember", "councilman": "councilmember",
    "councillor": "councilmember", "councilor": "councilmember", "cllr.": "councilmember", "assemblyman": "assemblymember",
    "assemblywoman": "assemblymember", "alderman": "alderperson", "alderwoman": "alderperson", "det.": "detective",
    "insp.": "inspector", "supt.": "superintendent", "amb.": "ambassador", "atty.": "attorney", "pres.": "president",
    "sec.": "secretary", "selectwoman": "selectman", "cllr": "councilmember", "det": "detective", "insp": "inspector",
    "supt": "superintendent", "sgt": "sergeant", "capt": "captain", "lt": "lieutenant",
    "head": "chief",  # "the head of the rail agency" is the rail agency's chief
    "lawyer": "counsel",  # "the defendant's lawyer" is counsel for the defendant
}
# Offices written in two words that are one ("council member" is a councilmember).
JOINED_OFFICES = {"council member": "councilmember", "assembly member": "assemblymember", "vice chair": "vice-chair",
           "co chair": "co-chair",
           # compound offices written with a space or a hyphen ("Secretary General", "Secretary-General")
           "secretary general": "secretary-general", "attorney general": "attorney-general",
           "surgeon general": "surgeon-general", "inspector general": "inspector-general",
           "governor general": "governor-general", "director general": "director-general"}
# Offices written as their initials ("the CFO" is the chief financial officer).
INITIALLED_OFFICES = {"ceo": "chief executive officer", "cfo": "chief financial officer", "coo": "chief operating officer",
                      "cto": "chief technology officer", "cio": "chief information officer", "cmo": "chief marketing officer"}


def office_words(phrase: str) -> set[str]:
    """The words of a title or role that identify the office, each in one written form ("Sen." and "Senator",
    "Chairman" and "Chair", "council member" and "Councilmember"), fillers removed.

    >>> sorted(office_words("the top U.S. diplomat")), sorted(office_words("Council member")), sorted(office_words("the CFO"))
    (['diplomat', 'u.s.'], ['councilmember'], ['chief', 'financial', 'officer'])
    """
    out = set()
    phrase = phrase.lower()
    for two, one in JOINED_OFFICES.items():
        phrase = phrase.replace(two, one)
    for word in " ".join(INITIALLED_OFFICES.get(w.strip(",.;:"), w) for w in phrase.split()).split():
        word = word.strip(",.;:").removesuffix("'s").removesuffix("’s") if not word.endswith(".") else word.strip(",;:")
        if word and word not in ROLE_FILLER and word not in ("of", "and", "the"):
            out.add(SAME_OFFICE.get(word, word))
    return out

_PLAIN_OFFICES = tuple(w for w in ROLE_WORDS - DOMAIN_WORDS if len(w) >= 5 and w.isalpha())
