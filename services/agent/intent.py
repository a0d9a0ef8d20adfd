"""What a request asks for, read the way a person reads it, before any agent is considered.

Auto-select used to score every word of a request against every agent, so one incidental word ("a timer
with a *dark theme*") could outweigh what the request is (a timer).  This module reads the request first:

* its **words**, accent-folded, with common words of French, Spanish, German, Italian and Portuguese
  translated (``juego`` is ``game``) and typos mended against the words agents and kinds use
  (``pomodro timmer`` is ``pomodoro timer``);
* which words are the **head** (what is asked for) and which are **modifiers** (after "with", "that",
  "for my ...": features and context), so modifiers count less;
* the **kind** of thing asked for: a game, a website, a dashboard, a backend, a phone app, or an everyday
  app (the web app's project types, with "app" split from "website" for the explanation);
* whether it is a **bug report** ("it does not work when I click reset"), and whether it is **not a
  request at all** (empty, binary, emoji only, code only), which gets the generalist and says why.

Nothing here knows the agents; :mod:`services.agent.select` weighs them against this reading.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from vibing.services.agent.text import PROMPT_STOP_WORDS, STOP_WORDS, subject_stem

#: Only the start of a long request is read: it says what the request is about, and a pick stays well under 2 ms.
MAX_CHARS = 600
#: Longer "words" are not words (a URL, a hash, a run of one letter).
MAX_WORD = 40
#: Words after one of these describe features of the thing asked for, not the thing.
MODIFIER_STARTS = frozenset({"with", "that", "which", "where", "including", "includes", "featuring", "showing"})
#: "for" followed by one of these starts context ("for my bakery").
CONTEXT_ARTICLES = frozenset({"a", "an", "the", "my", "our", "your", "his", "her", "their", "this", "that", "me", "us"})
#: How much a modifier or context word counts, against 1 for the head.
MODIFIER_WEIGHT = 0.37
#: How much a specialist's own name counts after "with" ("with tailwind" says how to build, not a feature).
NAMED_WEIGHT = 0.55
#: Everyday tools named by what they hold: in "password generator" or "expense tracker" the first word is the data,
#: not a subject ("password" does not make it an auth job).
TOOL_NOUNS = frozenset(
    "generator generators tracker trackers list lists calculator calculators converter converters timer timers log "
    "logger planner picker counter checklist journal diary notes organizer organiser reminder reminders clock "
    "randomizer spinner wheel".split()
)
#: Where an app runs: "an app for my phone" asks for a phone app.
PLATFORMS = frozenset("phone phones iphone ipad android tablet mobile".split())
#: Words that make the next one existing work ("my site", "our app"): the request is a task on it, not that thing.
POSSESSIVES = frozenset(
    "my our mon ma mes notre mi mis nuestro nuestra mein meine meinen meiner unser unsere mio mia meu minha".split()
)

#: A kind needs at least this much said ("page" alone, in "a page that shows the forecast", is not a website).
MIN_KIND = 1.2
#: Kinds of request: the web app's project types, with everyday apps told apart from websites.
KIND_PROJECT_TYPE = {
    "game": "game",
    "website": "website",
    "page": "website",
    "dashboard": "dashboard",
    "api": "api",
    "mobile-app": "mobile-app",
    "app": "website",
}
KIND_LABELS = {
    "game": "a game",
    "website": "a website",
    "page": "a web page",
    "dashboard": "a dashboard",
    "api": "a backend",
    "mobile-app": "a phone app",
    "app": "an everyday app",
}

#: word -> (kind, weight): the words that say what kind of thing is asked for.
_KIND_WORDS: dict[str, tuple[str, float]] = {}


def _kind(kind: str, weight: float, text: str) -> None:
    for word in text.split():
        _KIND_WORDS[subject_stem(word)] = (kind, weight)


_kind("game", 3.0, "game games gaming arcade platformer shooter rpg roguelike snake tetris pong breakout asteroids")
_kind("game", 3.0, "sudoku 2048 minesweeper solitaire chess checkers draughts blackjack poker tictactoe sokoban")
_kind("game", 3.0, "pinball flappy pacman invaders wordle crossword hangman bingo battleship mastermind frogger galaga")
_kind("game", 3.0, "yahtzee monopoly scrabble boggle jigsaw dice clicker roguelite metroidvania racing uno connect4")
_kind("game", 1.5, "player players level levels enemies enemy lives highscore sprite sprites boss jump")
_kind("game", 1.0, "puzzle maze quiz trivia score")
_kind("game", 2.0, "quest adventure dungeon runner kart shmup platformers shooter tamagotchi idle towerdefense")
_kind("website", 3.0, "website websites site sites portfolio blog webshop storefront")
_kind("website", 2.0, "shop store ecommerce restaurant agency brochure")
_kind("page", 3.0, "landing homepage")
_kind("page", 1.5, "webpage pricing menu wedding rsvp invitation waitlist resume cv linkinbio productpage")
_kind("page", 1.5, "page")
_kind("dashboard", 3.0, "dashboard dashboards admin analytics kpi kpis reporting backoffice crm")
_kind("dashboard", 1.5, "revenue churn conversions signups")
_kind("dashboard", 1.0, "chart charts graph graphs metrics visualization visualisation statistics stats report reports")
_kind("api", 3.0, "api apis backend endpoint endpoints rest graphql microservice microservices webhook webhooks")
_kind("api", 2.0, "server database schema sql query queries postgres postgresql mysql sqlite mongodb crud")
_kind("mobile-app", 3.0, "iphone ios android flutter swiftui kotlin ipad")
_kind("mobile-app", 1.5, "mobile phone tablet native")
_kind("app", 2.0, "timer tracker todo calculator converter generator planner counter stopwatch countdown")
_kind("app", 2.0, "checklist notes notebook journal diary budget expense expenses habit habits reminder")
_kind("app", 1.5, "list tool tools widget clock calendar organizer organiser log logger picker randomizer")
_kind(
    "app",
    1.5,
    "alarm tally scoreboard leaderboard keeper savings invoice receipt recipe recipes meal meals grocery groceries",
)
_kind("app", 1.5, "inventory attendance roster timetable agenda mood goal goals streak workout fitness bmi")
_kind("app", 1.5, "mortgage currency password qr barcode gradient poll voting guestbook wishlist bookmarks")
_kind("app", 1.5, "contacts kanban notepad editor translator dictionary pomodoro meditation metronome tuner")
_kind("app", 1.5, "soundboard playlist player slideshow resizer generator spinner wheel flipper roller")
_kind("app", 1.0, "app apps application")

#: Words of other languages that say the same as an English word agents and kinds use (accents folded).
TRANSLATIONS: dict[str, str] = {}


def _translate(english: str, text: str) -> None:
    for word in text.split():
        TRANSLATIONS[word] = english


_translate("game", "jeu jeux juego juegos spiel spiele gioco giochi jogo jogos")
_translate("timer", "minuteur minuterie temporizador temporizadores zeitschaltuhr zeitmesser temporizzatore cronometro")
_translate("list", "liste listes lista listas")
_translate("tasks", "taches tareas aufgaben compiti tarefas attivita")
_translate("calculator", "calculatrice calculadora rechner taschenrechner calcolatrice calcolatore")
_translate("converter", "convertisseur convertidor conversor umrechner convertitore")
_translate("website", "webseite webseiten sitio sito pagina paginas internetseite homepage")
_translate("site", "site")
_translate("dashboard", "tableau tablero panel cruscotto painel")
_translate("shop", "boutique tienda laden onlineshop negozio loja")
_translate("recipes", "recettes recetas rezepte ricette receitas")
_translate("signup", "inscription registro anmeldung registrazione cadastro")
_translate("login", "connexion anmelden accesso entrar")
_translate("form", "formulaire formulario formular modulo kontaktformular anmeldeformular")
_translate("appointments", "termine termin citas rendezvous appuntamenti")
_translate("book", "buchen reservar reserver prenotare")
_translate("catalog", "catalogue katalog catalogo")
_translate("tests", "pruebas testes prove")
_translate("security", "securite seguridad sicherheit sicurezza seguranca")
_translate("accessibility", "accessibilite accesibilidad barrierefreiheit accessibilita acessibilidade")
_translate("fast", "rapide rapido schnell veloce")
_translate("slow", "lent lente lento langsam")
_translate("chart", "graphique graphiques grafico graficos diagramm diagramme grafici")
_translate("sales", "ventes ventas verkaufe umsatz vendite vendas")
_translate("expenses", "depenses gastos ausgaben spese despesas")
_translate("habits", "habitudes habitos gewohnheiten abitudini")
_translate("map", "carte mapa karte mappa")
_translate("schedule", "horaire horario stundenplan orario")
_translate("booking", "reservation reserva reservas buchung prenotazione reservacion agendamento")
_translate("chess", "echecs ajedrez schach scacchi xadrez")
_translate("snake", "serpent serpiente schlange serpente cobrinha")
_translate("puzzle", "rompecabezas enigme raetsel ratsel rompicapo quebra")
_translate("cards", "cartes tarjetas karten carte cartas")
_translate("memory", "memoire memoria memorie")
_translate("portfolio", "portafolio portfolio portfolio")
_translate("blog", "blogue")
_translate("app", "application aplicacion aplicativo anwendung applicazione aplicacao")
_translate("weather", "meteo clima wetter tempo")
_translate("workout", "entrainement entrenamiento training allenamento treino")
_translate("restaurant", "restaurante ristorante")
_translate("menu", "carta speisekarte cardapio")
_translate("bakery", "boulangerie panaderia backerei baeckerei panetteria padaria")
_translate("club", "verein circolo clube")
_translate("members", "membres miembros mitglieder membri membros")
_translate("survey", "cuestionario questionnaire fragebogen questionario")
_translate("slow", "tarda tardar demora lentissimo")
_translate("phone", "celular movil handy telefono cellulare")
_translate("database", "datenbank basededatos banco")
_translate("load", "cargar carregar caricare")
_translate("3d", "3d")
_translate("fix", "arreglar corriger reparer reparieren beheben correggere consertar corrigir")
_translate("bug", "fehler erreur errore erro")
_translate("shopping", "courses compras einkaufen einkaufsliste spesa")
_translate("notes", "notizen appunti notas")
_translate("counter", "compteur contador zahler contatore")
_translate("landing", "aterrizaje")
_translate("budget", "presupuesto haushaltsbuch bilancio orcamento")
_translate("birthday", "anniversaire cumpleanos geburtstag compleanno aniversario")
_translate("invitation", "invitacion einladung invito convite")
_translate("dark", "sombre oscuro dunkel scuro escuro")
_translate("button", "bouton boton knopf pulsante botao")
_translate("bigger", "grand grande grosser groesser maior piu")
_translate("offline", "horsligne sinconexion desconectado")

#: Everyday words for a specialist's subject, in the words agents use for it ("laggy" is about performance).
HINTS: dict[str, tuple[str, ...]] = {}
#: A hint counts this much of the word itself.
HINT_WEIGHT = 0.9


def _hint(subject: str, text: str) -> None:
    for word in text.split():
        HINTS[word] = HINTS.get(word, ()) + tuple(subject.split())


_hint("performance", "slow slowly slower laggy lag lags sluggish faster quicker speedup janky stutters timeout choppy")
_hint("performance", "forever ages lighthouse vitals fps")
_hint("bundle size", "bundle megabytes kb mb heavy")
_hint("seo", "rank ranking ranked seo bing keywords sitemap google googling")
_hint("deployment", "hosting host publish domain deploy netlify vercel")
_hint("security audit", "safe unsafe hacked vulnerable secure")
_hint("security", "hack hacker hackers abused abuse spam attack attacks attacker attackers malicious injection xss")
_hint("security", "nasty sneak")
_hint("pen test", "pentest pentesting penetration")
_hint("privacy gdpr", "gdpr cookie cookies consent privacy ccpa")
_hint("database", "postgres mongo mongodb mysql tables")
_hint("visualization", "graph graphs plot plots heatmap visualise visualize infographic d3")
_hint("layout", "layout")
_hint("pwa", "installable homescreen")
_hint("pwa", "offline")
_hint("color palette", "colours colors colour color palette palettes")
_hint("documentation", "readme docs documentation guide manual faq changelog")
_hint("refactoring", "mess messy cleanup tidy spaghetti untangle refactor")
_hint("legacy modernization", "jquery outdated legacy ancient modernise modernize")
_hint("responsive", "squashed squished cramped responsive overflow overlap overlapping breakpoints")
_hint("ux design", "professional ugly prettier polished wireframe wireframes mockup mockups redesign")
_hint("drawing canvas", "paint painting draw drawing sketch doodle whiteboard")
_hint("generative canvas", "fractal fractals generative fireworks mandelbrot particles")
_hint("3d", "globe planets 3d webgl")
_hint("physics", "physics gravity fling slingshot ragdoll bouncy")
_hint("forecasting machine-learning", "predict prediction predictions forecast forecasting regression")
_hint("sql", "query queries joins")
_hint("typography", "font fonts typeface typefaces")
_hint("animation", "bounce bouncing hover fade fades transition transitions animate animated parallax flip flips")
_hint("animation", "slide slides smoothly wiggle shake")
_hint("product", "idea roadmap mvp")
_hint("tutorial", "teach learn lesson lessons explain beginner")
_hint("audit", "check checks checking")
_hint("review", "review")
_hint("quiz", "personality flashcards flashcard trivia quiz quizzes")
_hint("realtime", "realtime multiplayer collaborative instantly instant websocket")
_hint("spreadsheet", "excel spreadsheet sheets")
_hint("booking", "booking bookings appointment appointments reservation reservations rota rotas")
_hint("accessibility", "blind colourblind colorblind wcag a11y disabled disability dyslexia")
_hint("copywriting", "wording microcopy copywriting")
_hint("load test", "traffic stress")
_hint("monitoring", "uptime alert alerts outage")
_hint("auth", "login signin signup password passwords passkeys 2fa oauth account accounts permissions")
_hint("chatbot", "chatbot bot")
_hint("llm", "ai gpt llm openai summarise summarize")
_hint("microservices", "monolith kafka rabbitmq")
_hint("docker", "dockerize dockerise container containers")
_hint("ci", "pipeline")

_hint("data analysis", "analyse analyze analysis insights trends segment segments cluster clusters significant")
_hint("data cleaning", "duplicates dedupe deduplicate etl")
_hint("css", "stylesheet stylesheets css")
_hint("design system", "consistent consistency")
_hint("devops", "staging environments backups backup")
_hint("mobile web", "safari zooms zooming")
_hint("image filters canvas", "sepia blur brightness photoeditor imageeditor")
_hint("booking", "slot slots timeslot timeslots")
_hint("prompt", "instructions")
_hint("unit test", "function functions")

#: Hints that only hold when the word leads the request: "chart my sales" asks for a chart, "a water tracker
#: with a chart" for a tracker; "speed up my site" is about speed, "a typing speed test" is not.
HEAD_HINTS: dict[str, tuple[str, ...]] = {
    "chart": ("visualization",),
    "charts": ("visualization",),
    "speed": ("performance",),
    "map": ("visualization",),
}
#: Words that ask for accounts, and words that ask for data kept on a server: both together make a full-stack app.
ACCOUNT_WORDS = frozenset("login logins signin signup account accounts password passwords users members staff".split())
SERVER_WORDS = frozenset("database databases server backend saved sync synced real".split())


#: Stop words of those languages (articles, prepositions, "make", "I want"), dropped like English ones.
FOREIGN_STOP_WORDS = frozenset(
    """
un une des le la les du de d l et ou pour avec mon ma mes sur dans qui que je veux faire fais cree creer moi
el los las una unos unas del y o para con mi mis en que quiero hacer haz crea crear por favor
ein eine einen einem einer der die das den dem des und oder fur mit mein meine meinen ich will mochte mach
erstelle erstellen bitte zu im von auf
now even still again already actually maybe
il lo gli uno una di e per con mio mia miei voglio fare fammi crea creare ci mi si piu molto
um uma os as do da dos das e ou com meu minha eu quero fazer faca criar cria
""".split()
)

#: Signs that a request reports a problem with what exists.
_BUG_PHRASES = (
    "doesn't work",
    "does not work",
    "doesnt work",
    "don't work",
    "not working",
    "isn't working",
    "stopped working",
    "nothing happens",
    "does nothing",
    "blank page",
    "blank screen",
    "white screen",
    "is broken",
    "goes wrong",
    "not showing",
    "doesn't show",
    "does not show",
    "doesn't go",
    "does not go",
    "doesn't save",
    "does not save",
    "not saving",
    "disappear",
    "stuck",
    "freezes",
    "frozen",
    "no funciona",
    "ne marche pas",
    "ne fonctionne pas",
    "funktioniert nicht",
    "non funziona",
    "nao funciona",
    "error when",
    "error in the",
    "gives an error",
    "get an error",
    "getting an error",
    "shows an error",
    "500 error",
    "throws",
)
_BUG_WORDS = frozenset(
    "bug bugs buggy crash crashes crashed crashing broken glitch glitchy exception undefined "
    "typeerror referenceerror nan fehler erreur errore erro".split()
)

#: Phrases written as several words that mean one thing; joined before the words are read.
PHRASES = {
    "tic tac toe": "tictactoe",
    "tic-tac-toe": "tictactoe",
    "high score": "highscore",
    "high scores": "highscores",
    "to do": "todo",
    "cookie clicker": "clicker",
    "photo editor": "photoeditor",
    "image editor": "imageeditor",
    "product page": "productpage",
    "home screen": "homescreen",
    "web sight": "website",
    "with google": "with googleaccount",
    "google sheets": "googlesheets",
    "google maps": "googlemaps",
    "google fonts": "googlefonts",
    "google calendar": "googlecalendar",
    "google analytics": "googleanalytics",
    "google drive": "googledrive",
    "google login": "googleaccount login",
    "a/b test": "abtest",
    "a/b testing": "abtesting",
    "times out": "timeout",
    "looks broken": "looks off layout",
    "look broken": "look off layout",
    "looks weird": "looks off layout",
    "to-do": "todo",
    "sign up": "signup",
    "sign-up": "signup",
    "sign in": "signin",
    "sign-in": "signin",
    "log in": "login",
    "log-in": "login",
    "three.js": "threejs",
    "three js": "threejs",
    "react native": "reactnative",
    "web site": "website",
    "web page": "webpage",
    "front end": "frontend",
    "back end": "backend",
    "pac man": "pac-man",
    "tableau de bord": "dashboard",
    "cuadro de mando": "dashboard",
    "lista de tareas": "todo list",
    "liste de taches": "todo list",
    "to-do list": "todo list",
    "site web": "website",
    "sitio web": "website",
    "pagina web": "website",
    "hors ligne": "offline",
    "sin conexion": "offline",
}
#: Patterns that say a specialist's subject in everyday words, and the subject word they add.
PATTERNS = (
    (re.compile(r"\b(?:put|get|publish|host|go|goes)\b(?:\s+\S+){0,3}?\s+(?:online|live)\b"), "deployment"),
    (re.compile(r"\bstep by step\b"), "tutorial"),
    (re.compile(r"\b(?:see each other|at the same time|without refresh\w*|show up instantly)\b"), "realtime"),
    (re.compile(r"\b(?:no|without|bad|poor) (?:signal|internet|connection|wifi|reception)\b"), "offline pwa"),
    (re.compile(r"\bbreak into\b|\blike (?:a|an) (?:real )?(?:attacker|hacker)\b"), "pen test"),
    (re.compile(r"\b(?:look|go|read) (?:over|through|at) (?:my|the|our) code\b"), "code review"),
    (re.compile(r"\blike (?:a|an) (?:real )?(?:user|customer)\b"), "qa"),
    (re.compile(r"\b\d[\d,.]*k? (?:people|users|visitors|customers)\b"), "load test"),
    (re.compile(r"\b(?:site|app|server|website|api|it) (?:goes|went|is|was|being) down\b"), "monitoring uptime"),
    (re.compile(r"\bclicks? through\b"), "e2e test"),
    (re.compile(r"\banswers? (?:questions|customers)\b"), "chatbot"),
    (re.compile(r"\b(?:every time i |whenever i |when i |on every )push\b|\bpush to github\b"), "ci"),
    (re.compile(r"\b(?:one|a) (?:giant|huge|massive|big|long) file\b"), "refactoring"),
    (re.compile(r"\bevery (?:night|morning|hour|monday)\b"), "cron"),
    (re.compile(r"\binto (?:groups|segments|clusters)\b|\bsegment (?:my|our|the)\b"), "cluster data analysis"),
    (re.compile(r"\b(?:understand|analy[sz]e|make sense of) (?:my|our|the|this|these|what)\b"), "data analysis"),
    (re.compile(r"\bactually (?:sell|sold|work|worked|convert|converted|perform|performed|do|did)\b"), "ab testing"),
    (re.compile(r"\bvideo (?:call|calls|chat)\b"), "webrtc realtime"),
    (
        re.compile(r"\b(?:each other online|online multiplayer|from different (?:houses|places|computers|phones))\b"),
        "multiplayer realtime",
    ),
    (re.compile(r"\b(?:talk|chat) live\b|\blive (?:chat|updates|scores|cursors)\b"), "realtime"),
    (
        re.compile(
            r"\b(?:api|endpoints?)\b.*\b(?:docs|documented|document|documentation|write up)\b"
            r"|\b(?:docs|document|documentation|write up)\b.*\b(?:api|endpoints?)\b"
        ),
        "api documentation",
    ),
    (re.compile(r"\bone set of\b|\blooks? different on\b"), "design system"),
    (re.compile(r"\btest and live\b|\blive versions?\b"), "devops environments"),
    (re.compile(r"\b(?:ignores?|follows?) (?:my |the |its )?instructions\b|\bsystem prompt\b"), "prompt engineering"),
    (re.compile(r"\bwhat (?:the |this |that )?.{0,30}\bmeans\b|\bthe words\b|\bwording\b"), "copywriting"),
    (re.compile(r"\bis it worth\b|\bpays? for itself\b|\bbreak[- ]even\b"), "roi business analysis"),
    (
        re.compile(
            r"\b(?:add|write|need|want|create|set up|make)\s+(?:some |a few |more |proper |automated )?tests?\b"
        ),
        "testing",
    ),
    (
        re.compile(
            r"\b(?:audit|review|check)\b.{0,60}\b(?:security|vulnerabilit\w*|hackable)\b|\bsecurity (?:audit|review)\b"
        ),
        "security audit",
    ),
    (re.compile(r"\bmembers?[- ]only\b|\bonly (?:staff|admins|members|logged[- ]in)\b"), "auth login"),
    (
        re.compile(
            r"\b(?:admins?|editors?|staff|members?|users?|everyone(?: else)?) (?:can|can't|cannot|should) "
            r"(?:only )?(?:edit|delete|view|see|look|open|change)\b"
        ),
        "permissions auth",
    ),
    (re.compile(r"\bworks? offline\b|\boffline[- ]first\b|\boffline mode\b"), "offline pwa"),
    (
        re.compile(
            r"\beveryone sees\b|\bthe moment (?:they|it|someone)\b|\bin real[- ]?time\b|\blive (?:auction|bids|feed)\b"
        ),
        "realtime",
    ),
    (
        re.compile(
            r"\b(?:pull|import|sync|combine|merge)\b.{0,80}\b(?:every (?:morning|night|day)|into (?:one|a single))\b"
        ),
        "etl data pipeline",
    ),
)
_PHRASE = re.compile(r"\b(" + "|".join(re.escape(p) for p in sorted(PHRASES, key=len, reverse=True)) + r")\b")

_CODE_SIGNS = re.compile(r"[{};<>=()\[\]]|=>|\bfunction\b|\bdef\b|\bconst\b|\blet\b|\bvar\b|\breturn\b|</?\w+")
_LETTERS = re.compile(r"[a-z]")
#: French and Italian elisions: "l'accessibilite" is "accessibilite".
_ELISION = re.compile(r"^(?:l|d|s|j|n|m|t|c|qu|dell|nell|all|sull)'")
_SENTENCE_END = re.compile(r"[.!?;]+(?:\s+|$)|\n+")
_TOKEN = re.compile(r"[a-z0-9][a-z0-9+#]*(?:[-_.'][a-z0-9][a-z0-9+#]*)*")


@dataclass(slots=True)
class Word:
    """One word of the request as it will be weighed: its stem, how much it counts, what it was written as."""

    text: str
    stem: str
    weight: float
    #: What the user wrote when it differs (a typo, another language): "timmer", "juego".
    written: str = ""
    #: Its position among the request's words (phrases are consecutive words).
    position: int = 0
    #: Said of existing work or the situation ("my site", "for my bakery"): context, even if it names a specialist.
    context: bool = False


@dataclass(slots=True)
class Intent:
    """A request, read."""

    words: list[Word] = field(default_factory=list)
    #: Two consecutive words read as one ("landing page", "screen reader", "dark mode").
    pairs: list[Word] = field(default_factory=list)
    kind: str = ""
    #: How clearly the kind was said, 0..1.
    kind_strength: float = 0.0
    #: The words that said the kind ("snake", "game").
    kind_words: list[str] = field(default_factory=list)
    #: Their stems (all of them, not only the first four).
    kind_stems: frozenset[str] = frozenset()
    bug_report: bool = False
    #: Accounts and data kept on a server, both asked for: a full-stack app ("users log in and it's saved").
    full_stack: bool = False
    #: Why this is not a request to weigh ("" when it is one): "empty", "not text", "no words", "code only".
    not_a_request: str = ""
    #: Words mended or translated, as "written -> read".
    mended: list[str] = field(default_factory=list)

    @property
    def project_type(self) -> str:
        return KIND_PROJECT_TYPE.get(self.kind, "")

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, "an app")


def fold(text: str) -> str:
    """Lower case without accents ("Página" -> "pagina"), apostrophes made plain."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _not_a_request(raw: str, folded: str) -> str:
    if not raw.strip():
        return "empty"
    sample = raw[:2000]
    controls = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r") or c == "\ufffd")
    if controls > max(2, len(sample) // 20):
        return "not text"
    letters = len(_LETTERS.findall(folded[:2000]))
    if letters == 0 and not any(t in _KIND_WORDS for t in _TOKEN.findall(folded[:2000])):
        return "no words"
    lines = [line for line in raw[:4000].splitlines() if line.strip()]
    if lines:
        code_lines = sum(1 for line in lines if len(_CODE_SIGNS.findall(line)) >= 2)
        if len(lines) >= 2 and code_lines / len(lines) >= 0.6:
            return "code only"
        if len(lines) == 1 and len(_CODE_SIGNS.findall(lines[0])) >= 4 and " " not in lines[0].strip()[:40]:
            return "code only"
    return ""


class Mender:
    """Typo repair against a vocabulary: a word not in it, one edit away from a word in it, is read as that word.

    Symmetric deletes (a word and all its one-letter deletions, looked up in a table of the
    vocabulary's own deletions) find insertions, deletions and substitutions in a few lookups.
    """

    MIN_LENGTH = 4
    MAX_LENGTH = 20

    def __init__(self, vocabulary: set[str], known: set[str] | frozenset[str] = frozenset()) -> None:
        self.vocabulary = vocabulary
        #: Words that are words, not typos, though not in the vocabulary ("unit" is not "unity").
        self.known = known
        self._deletes: dict[str, str] = {}
        for word in sorted(vocabulary, key=lambda w: (len(w), w), reverse=True):
            if len(word) < self.MIN_LENGTH or not word.isalpha():
                continue
            for variant in self._variants(word):
                self._deletes[variant] = word

    @staticmethod
    def _variants(word: str) -> list[str]:
        return [word] + [word[:i] + word[i + 1 :] for i in range(len(word))]

    def mend(self, word: str) -> str:
        if (
            word in self.vocabulary
            or word in self.known
            or not self.MIN_LENGTH <= len(word) <= self.MAX_LENGTH
            or not word.isalpha()
        ):
            return word
        for variant in self._variants(word):
            found = self._deletes.get(variant)
            if found is None or found[0] != word[0] or abs(len(found) - len(word)) > 1:
                continue
            # A changed letter in a short word is more often another word ("crush", "crash") than a typo, and so
            # is a dropped letter ("three", "tree"); swapped letters ("chekc"), a missing letter ("pomodro") and a
            # doubled one ("timmer") are typos.
            if len(found) == len(word) and len(word) < 7 and sorted(found) != sorted(word):
                continue
            if len(found) < len(word) and not _doubled_letter(word, found):
                continue
            return found
        return word


def _doubled_letter(word: str, shorter: str) -> bool:
    """True when ``shorter`` is ``word`` with one of two equal neighbouring letters removed."""
    return any(word[i] == word[i + 1] and word[:i] + word[i + 1 :] == shorter for i in range(len(word) - 1))


def read(prompt: str, mender: Mender | None = None) -> Intent:
    """Read ``prompt`` into an :class:`Intent`; never raises."""
    raw = prompt[:MAX_CHARS] if isinstance(prompt, str) else ""
    folded = fold(raw)
    intent = Intent()
    intent.not_a_request = _not_a_request(raw, folded)
    if intent.not_a_request:
        return intent
    text = _PHRASE.sub(lambda m: PHRASES[m.group(1)], folded)
    # What a pattern recognises is what the request asks, wherever it was said: it is read as the head.
    said_by_patterns = [subject for pattern, subject in PATTERNS if pattern.search(text)]
    if said_by_patterns:
        text = " ".join(said_by_patterns) + " . " + text
    # Each sentence has its own head: "my son loves dinosaurs. i'd love a game where ..." asks for a game.
    tokens: list[str] = []
    starts: set[int] = set()
    for sentence in _SENTENCE_END.split(text):
        starts.add(len(tokens))
        tokens.extend(t for t in _TOKEN.findall(sentence) if len(t) <= MAX_WORD)
    # Head and modifiers: after "with"/"that"/... or "for my ...", the words describe or situate the thing.
    weight = 1.0
    out: list[Word] = []
    seen: set[str] = set()
    previous: tuple[str, float] | None = None
    said: list[tuple[str, float]] = []
    in_context = False
    for i, token in enumerate(tokens):
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if i in starts:
            weight, in_context, previous = 1.0, False, None
        elif token in MODIFIER_STARTS:
            weight = MODIFIER_WEIGHT
        elif token == "for" and following in CONTEXT_ARTICLES:
            weight, in_context = MODIFIER_WEIGHT, True
        plain = TRANSLATIONS.get(token, token) if token not in _KIND_WORDS else token
        if mender is not None and plain == token and token not in STOP_WORDS and subject_stem(token) not in _KIND_WORDS:
            plain = mender.mend(token)  # "timmer" is a timer for the kind too
        # "my site", "our app": existing work the request is about; "my phone" still says where it runs.
        # Only a kind of thing is existing work when owned ("my site"); "my stylesheet" is still the topic.
        owned = i > 0 and tokens[i - 1] in POSSESSIVES and plain not in PLATFORMS and subject_stem(plain) in _KIND_WORDS
        kind_weight = 1.0 if plain in PLATFORMS else min(weight, MODIFIER_WEIGHT) if owned else weight
        said.append((plain, kind_weight))
        pair_weight = min(weight, MODIFIER_WEIGHT) if owned else weight
        if token in STOP_WORDS or token in FOREIGN_STOP_WORDS or not token.isalnum():
            previous = None
        else:
            if previous is not None:
                joined = previous[0] + plain
                intent.pairs.append(
                    Word(
                        joined,
                        subject_stem(joined),
                        min(pair_weight, previous[1]),
                        f"{previous[0]} {plain}",
                        len(intent.pairs),
                        owned or in_context,
                    )
                )
            previous = (plain, pair_weight)
        if token in PROMPT_STOP_WORDS or token in FOREIGN_STOP_WORDS or (len(token) < 2 and not token.isdigit()):
            continue
        compound = following in TOOL_NOUNS and token not in TOOL_NOUNS
        word_weight = min(weight, MODIFIER_WEIGHT) if owned or compound else weight
        context = owned or in_context
        written = ""
        text = _ELISION.sub("", token).replace("'", "")
        if text in TRANSLATIONS and text not in _KIND_WORDS:
            written, text = token, TRANSLATIONS[text]
        elif mender is not None:
            mended = mender.mend(text)
            if mended != text:
                written, text = token, mended
        parts = [p for p in re.split(r"[-_.]", text) if p] if any(c in text for c in "-_.") else [text]
        pieces = parts + (["".join(parts)] if len(parts) > 1 else [])
        position = len(out)
        for piece in pieces:
            term = subject_stem(piece)
            if term in seen:
                continue
            seen.add(term)
            out.append(Word(piece, term, word_weight, written, position, context))
        head = not out or (len(out) <= 1 and out[0].position == 0 and weight == 1.0)
        for hint in HINTS.get(text, ()) + (HEAD_HINTS.get(text, ()) if head else ()):
            term = subject_stem(hint)
            if term not in seen:
                seen.add(term)
                out.append(Word(hint, term, word_weight * HINT_WEIGHT, written or text, position, context))
        if written:
            intent.mended.append(f"{written} -> {text}")
    intent.words = out
    _read_kind(intent, said)
    lowered = " " + folded + " "
    intent.bug_report = any(p in lowered for p in _BUG_PHRASES) or any(w.text in _BUG_WORDS for w in out)
    said_words = {text for text, _ in said}
    intent.full_stack = bool(said_words & ACCOUNT_WORDS) and bool(said_words & SERVER_WORDS)
    return intent


def _read_kind(intent: Intent, said: list[tuple[str, float]]) -> None:
    """The kind of thing asked for, from every word ("app" and "page" included) and its position."""
    scores: dict[str, float] = {}
    by_kind: dict[str, list[str]] = {}
    first: dict[str, int] = {}
    previous = ""
    for index, (text, weight) in enumerate(said):
        found = _KIND_WORDS.get(subject_stem(text)) if text.isalnum() else None
        # "tic tac toe", "high score" and the like arrive as consecutive words; the joined form is in the table.
        if found is None and previous:
            found = _KIND_WORDS.get(subject_stem(previous + text))
        previous = text
        if found is None:
            continue
        kind, points = found
        scores[kind] = scores.get(kind, 0.0) + points * weight
        by_kind.setdefault(kind, []).append(text)
        first.setdefault(kind, index)
    if not scores or max(scores.values()) < MIN_KIND:
        return
    # The head decides near-ties: "a REST API for a blog" is a backend, "a game dashboard" a dashboard.
    best = max(scores, key=lambda k: (scores[k], -first[k]))
    total = sum(scores.values())
    intent.kind = best
    intent.kind_words = list(dict.fromkeys(by_kind[best]))[:4]
    intent.kind_stems = frozenset(subject_stem(w) for w in by_kind[best])
    intent.kind_strength = round(min(1.0, scores[best] / 3.0) * (scores[best] / total), 3)


def kind_vocabulary() -> set[str]:
    """Every word the kinds and translations know (unstemmed), for the :class:`Mender`."""
    known = set(TRANSLATIONS.values())
    for text in (
        "game games arcade platformer shooter snake tetris pong breakout asteroids sudoku minesweeper solitaire "
        "chess checkers blackjack poker sokoban pinball flappy pacman invaders wordle crossword hangman bingo "
        "player players level levels enemies lives sprite puzzle maze quiz trivia score website homepage landing "
        "portfolio blog storefront shop store ecommerce pricing menu wedding restaurant agency business company "
        "bakery dashboard admin analytics reporting chart charts graphs metrics visualization statistics report "
        "backend endpoint graphql microservice webhook server database schema query postgres mysql sqlite mongodb "
        "iphone android flutter swiftui kotlin mobile phone tablet timer tracker calculator converter generator "
        "planner counter stopwatch countdown checklist notes notebook journal diary budget expense expenses habit "
        "habits reminder tool widget clock calendar organizer picker randomizer pomodoro weather recipe recipes "
        "shopping workout water grocery inventory attendance booking appointment reservation tips password "
        "check review audit build create write design security performance faster slower accessibility "
        "responsive deploy online google tests testing business cleaning website"
    ).split():
        known.add(text)
    return known
