"""The words auto-select knows, as data: kinds of request, other languages, everyday words for specialists' subjects.

:mod:`services.agent.intent` reads a request with these tables; nothing here computes anything.  They name things
people ask for and the words agents use for their subjects (``performance``, ``seo``, ``pwa``), never an agent, so
they serve any library, a user's own agents included.  Grown from the tuning sets (``evaluation.MORE_TUNING`` and the
tuning half of ``tests/data/routing.tsv``): when a kind of request is missed, its words belong here, said for the
kind (every way of saying "only X may edit"), never for the one request that showed it.

Besides words, a few tables say how words stand in a request: an everyday word that merely hints at a subject
(:data:`LOOSE_HINTS`) needs the subject said again; what a tool holds (:data:`TOOL_NOUNS`, :data:`HOLDERS`), a
gathering's theme (:data:`GATHERINGS`) and a place before another noun (:data:`PLACES`) are data, not subjects;
a noun after a word (:data:`ROLE_NOUNS`) says what kind of thing that word is; a verb on a thing
(:data:`VERB_HINTS`) and the part of an app that broke (:data:`UI_PARTS`) name no specialist.
"""

from __future__ import annotations

from vibing.services.agent.text import subject_stem

#: Everyday tools named by what they hold: in "password generator" or "expense tracker" the first word is the data,
#: not a subject ("password" does not make it an auth job).
TOOL_NOUNS = frozenset(
    "generator generators tracker trackers list lists calculator calculators converter converters timer timers log "
    "logger planner picker counter checklist journal diary notes organizer organiser reminder reminders clock "
    "randomizer spinner wheel maker makers creator matcher".split()
)
#: Things a person has made: "our company site", "my own app" are existing work even with a word between.
OWNED_THINGS = frozenset("site website webshop app page homepage shop store blog game portfolio".split())
#: Forms of a kind word that are other words: "live bus times" are not a game's lives.
NOT_KIND = frozenset({"live"})
#: Tools named by everyday words: before "to" or "by" they are verbs ("react to the news", "flutter by").
TOOL_WORDS = frozenset("unity react flutter swift rust ruby python java spring express ember angular".split())
#: How a thing is made, never its data: "a 3d room planner" is a 3D planner.
MANNERS = frozenset("3d 2d vr ar offline multiplayer realtime animated interactive".split())
#: Places and businesses: before another noun ("a coffee *shop* loyalty app", "the *bakery* rota") they say whose
#: thing it is, not what it is.
PLACES = frozenset("shop store restaurant cafe bakery salon garage gym school church pub bar hotel".split())
#: Things that show or hold data: in "a chart of signups" the signups are data, not accounts.
HOLDERS = frozenset("chart charts graph graphs table tables map report reports count total totals number".split())
#: Groups and events: "chess club", "poker night", "quiz league" are a club or an evening, not a game or a quiz to
#: build; the game word before one of these does not say the kind.
GATHERINGS = frozenset(
    "club clubs league leagues ladder ladders tournament tournaments night nights team teams society group groups "
    "meetup meetups evening evenings session sessions".split()
)
#: Parts of an app: in "the login button doesn't work" the word before one names the part that broke, not a subject.
UI_PARTS = frozenset(
    "button buttons form forms field fields screen link links menu tab modal popup box input dropdown page".split()
)
#: Hints that, said as a verb on a thing ("paint the header blue", "draw a border round it"), are no subject.
VERB_HINTS = frozenset("paint draw sketch doodle colour color".split())
#: Words that make the word before them a verb on a thing.
DETERMINERS = frozenset("the my our your this that these those it them all every each his her their".split())
#: Nouns that say what kind of thing the word before them is: "a *paint* app", "a *gravity* game" ask for a paint
#: app and a physics game, where "paint the header" and "specific gravity" do not.
ROLE_NOUNS = frozenset(
    "app apps application game games site website page tool toy program sandbox simulator simulation "
    "editor studio".split()
)
#: How a thing looks or sounds: a feature of an app when said after it ("a shopping list, dark theme").
FEATURE_WORDS = frozenset(
    "dark light theme themes mode colour colours color colors colourful colorful coloured colored sound sounds music "
    "font fonts "
    "animation animations animated".split()
)
#: Where an app runs: "an app for my phone" asks for a phone app.
PLATFORMS = frozenset("phone phones iphone ipad android tablet mobile".split())
#: Words that make the next one existing work ("my site", "our app"): the request is a task on it, not that thing.
POSSESSIVES = frozenset(
    "my our mon ma mes notre mi mis nuestro nuestra mein meine meinen meiner unser unsere mio mia meu minha".split()
)

#: word -> (kind, weight): the words that say what kind of thing is asked for.
KIND_WORDS: dict[str, tuple[str, float]] = {}


def _kind(kind: str, weight: float, text: str) -> None:
    for word in text.split():
        KIND_WORDS[subject_stem(word)] = (kind, weight)


_kind("game", 3.0, "game games gaming arcade platformer shooter rpg roguelike snake tetris pong breakout asteroids")
_kind("game", 3.0, "sudoku 2048 minesweeper solitaire chess checkers draughts blackjack poker tictactoe sokoban")
_kind("game", 3.0, "pinball flappy pacman invaders wordle crossword hangman bingo battleship mastermind frogger galaga")
_kind("game", 3.0, "yahtzee monopoly scrabble boggle jigsaw clicker roguelite metroidvania uno connect4 ludo")
_kind("game", 1.5, "player players level levels enemies enemy lives highscore sprite sprites boss jump")
_kind("game", 1.0, "puzzle maze quiz trivia score")
_kind("game", 2.0, "quest adventure dungeon runner kart shmup platformers shooter tamagotchi idle towerdefense")
_kind("game", 2.0, "racing racer")
_kind("website", 3.0, "website websites site sites portfolio blog webshop storefront")
_kind("website", 2.0, "shop store ecommerce agency brochure")
_kind("website", 1.0, "restaurant")
_kind("page", 3.0, "landing homepage")
_kind("page", 1.5, "webpage pricing menu wedding rsvp invitation waitlist resume cv linkinbio productpage")
_kind("page", 1.5, "page")
_kind("dashboard", 3.0, "dashboard dashboards admin analytics kpi kpis reporting backoffice crm")
_kind("dashboard", 1.5, "revenue churn conversions signups stats statistics")
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
_kind("app", 1.5, "maker creator matcher ladder standings rankings")
_kind("app", 1.5, "questionnaire questionnaires survey surveys gallery")
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
_translate("booking", "buchen reservar reserver prenotare reservieren")
_translate("catalog", "catalogue katalog catalogo")
_translate("tests", "pruebas testes prove")
_translate("security", "securite seguridad sicherheit sicurezza seguranca")
_translate("accessibility", "accessibilite accesibilidad barrierefreiheit accessibilita acessibilidade")
_translate("accessible", "barrierefrei barrierearm accesible accessibile acessivel")
_translate("faster", "rapide rapido schnell veloce schneller")
_translate("slow", "lent lente lents lentes lento lenta lentos lentas langsam")
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
_translate("phone", "celular movil handy telefono cellulare telemovel smartphone")
_translate("database", "datenbank basededatos banco")
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
_translate("booking", "agendamentos citas rendezvous prenotazioni afspraak afspraken reservering reserveringen")
_translate("animation", "animacao animacoes animacion animaciones animazione animazioni")
_translate("contrast", "contraste kontrast contrasto")
_translate("keyboard", "clavier teclado tastatur tastiera toetsenbord")
_translate("game", "spel spellen spelletje")
_translate("list", "lijst lijstje")
_translate("shop", "webwinkel")
_translate("calculator", "rekenmachine")
_translate("website", "webpagina")
_translate("accessibility", "toegankelijkheid")
_translate("slow", "traag")
_translate("crossword", "crucigrama cruciverba kreuzwortratsel kreuzwortraetsel")
_translate("screenreader", "bildschirmleser vorleseprogramm screenreader")
_translate("colourblind", "daltonico daltonicos daltonica daltonien daltonienne daltoniens farbenblind farbenblinde")
_translate("check", "revisar revisa revises verificar comprobar comprueba verifier verifie prufen uberprufen")
_translate("check", "controllare controlla verificare checar")
_translate("password", "contrasena contrasenas passwort passworter senha senhas")
# ("cuentas" alone are as often a shop's books or a bill as accounts: only "cuentas de usuario" are accounts.)
_translate("accounts", "comptes konten contas")
_translate("roles", "rollen papeis")
_translate("permissions", "permisos berechtigungen permissoes permessi")
_translate("seo", "posicionamiento referencement")
_translate("dark", "dunkelmodus")
# An appointment in the words of other languages ("prise de rendez-vous", "reservar cita", "Termin buchen").
_translate("appointment", "rendez-vous rendezvous cita citas termin termine terminbuchung turno turnos")
_translate("appointment", "prenotazioni agendamentos marcacao")
_translate("booking", "reservar reserver reservieren prenotare agendar buchen")
_translate("translation", "traduccion traduction ubersetzung traducao traduzione")
_translate("cart", "carrinho carrito panier warenkorb carrello winkelwagen")

#: Everyday words for a specialist's subject, in the words agents use for it ("laggy" is about performance).
HINTS: dict[str, tuple[str, ...]] = {}


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
_hint("documentation", "readme docs documentation guide manual faq changelog helppage")
_hint("refactoring", "mess messy cleanup tidy spaghetti untangle refactor")
_hint("legacy modernization", "jquery outdated legacy ancient modernise modernize")
_hint("responsive", "squashed squished cramped responsive overflow overlap overlapping breakpoints")
_hint("ux design", "professional ugly prettier polished wireframe wireframes mockup mockups redesign")
_hint("drawing canvas", "paint painting draw drawing sketch doodle whiteboard")
HINTS["paintings"] = ()  # paintings to sell or show are things, not a paint app
_hint("generative canvas", "fractal fractals generative fireworks mandelbrot particles")
_hint("3d", "globe planets 3d webgl rotate rotating 360")
_hint("visualization graph", "familytree")
_hint("physics", "physics gravity fling slingshot ragdoll bouncy")
_hint("forecasting machine-learning", "predict prediction predictions forecast forecasting regression")
_hint("sql", "query queries joins")
_hint("typography", "font fonts typeface typefaces")
_hint("animation", "bounce bouncing hover fade fades transition transitions animate animated parallax flip flips")
_hint("animation", "slide slides smoothly wiggle shake fading")
_hint("product", "idea roadmap mvp")
_hint("tutorial", "teach learn lesson lessons explain beginner")
_hint("audit", "check checks checking")
_hint("review", "review")
_hint("quiz", "personality flashcards flashcard trivia quiz quizzes")
_hint("flashcards", "vocab vocabulary")  # words to learn are learnt by being asked them
_hint("realtime", "realtime multiplayer collaborative instantly instant websocket")
_hint("spreadsheet", "excel spreadsheet sheets")
_hint("booking", "booking bookings appointment appointments reservation reservations rota rotas reserve")
_hint("accessibility", "blind colourblind colorblind wcag a11y disabled disability dyslexia accessible inaccessible")
_hint("copywriting", "wording microcopy copywriting")
_hint("load test", "traffic stress")
_hint("monitoring", "uptime alert alerts outage")
_hint("auth", "login signin signup password passwords passkeys 2fa oauth account accounts permissions")
_hint("auth permissions", "role roles rbac permission")
_hint("chatbot", "chatbot bot")
_hint("realtime", "chat chatroom chatrooms groupchat messenger")
_hint("ai llm", "gpt llm openai summarise summarize chatgpt")
_hint("microservices", "monolith kafka rabbitmq")
_hint("docker", "dockerize dockerise container containers")
_hint("ci", "pipeline")

_hint("data analysis", "analyse analyze analysis insights trends segment segments cluster clusters significant")
_hint("data cleaning", "duplicates dedupe deduplicate etl")
_hint("stylesheets", "stylesheet css")
_hint("design system", "consistent consistency")
_hint("devops", "staging environments backups backup")
_hint("mobile web", "safari zooms zooming")
_hint("image filters canvas", "sepia blur brightness photoeditor imageeditor")
_hint("booking", "slot slots timeslot timeslots")
_hint("prompt", "instructions")
_hint("unit test", "function functions")
_hint("booking", "haircut haircuts availability calendly")
_hint("accessibility", "contrast screenreader screenreaders")
_hint("typography", "readable readability legible legibility")
_hint("monitoring", "healthcheck healthchecks statuspage")
_hint("animation", "confetti confete konfetti coriandoli")
_hint("cloud", "aws azure gcp")
_hint("puzzle", "crossword crosswords wordsearch nonogram nonograms riddle riddles")

#: Subject words and hints that are everyday words first ("ranked" in a club ladder, "teach" in a game for kids, "planets" on a poster,
#: "gravity" of a home brew): in something asked to be built they count only when the request says the subject
#: again ("rank on google"), or when they say what kind of thing it is ("a drawing app").
LOOSE_HINTS = frozenset(
    """
rank ranking ranked google googling teach learn lesson lessons explain beginner globe planets rotate rotating 360
gravity bouncy check checks checking review function functions host hosting publish domain
paint painting draw drawing sketch doodle bounce bouncing flip flips slide slides fade fades smoothly
hover wiggle shake fading idea roadmap traffic stress insights trends segment segments significant
mess messy tidy consistent consistency staging environments backups backup slot slots availability
readable legible pipeline bot predict prediction predictions forecast forecasting personality
business schedule schedules scale scaling products test tests load loads loading
""".split()
)

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
SERVER_WORDS = frozenset("database databases server backend saved save saves sync synced real".split())


#: Stop words of those languages (articles, prepositions, "make", "I want"), and a few English fillers ("now",
#: "even"), dropped like the English stop words.
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
BUG_PHRASES = (
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
#: "it doesn't send", "the timer won't stop", "the button can't be clicked": something fails to do its job (a
#: regular expression as text, as :data:`PATTERNS`).
BUG_PATTERN = (
    r"\b(?:doesn'?t|does not|don'?t|won'?t|will not|isn'?t|aren'?t|can'?t|cannot|never) (?:\w+ )?"
    r"(?:send|sends|load|loads|open|opens|submit|submits|play|plays|start|starts|stop|stops|reset|resets|update|"
    r"updates|appear|appears|move|moves|count|counts|add|adds|delete|deletes|respond|responds|print|prints|scroll|"
    r"scrolls|click|clicks|sync|syncs|arrive|arrives|register|registers|work|works|happen|happens|change|changes)\b"
)
BUG_WORDS = frozenset(
    "bug bugs buggy crash crashes crashed crashing broken glitch glitchy exception undefined "
    "typeerror referenceerror nan fehler erreur errore erro".split()
)

#: Phrases written as several words that mean one thing; joined before the words are read.
PHRASES = {
    "tic tac toe": "tictactoe",
    # a loading screen or bar is a user interface state, not a load test
    "loading skeleton": "skeleton placeholder",
    "loading skeletons": "skeleton placeholders",
    "loading state": "waiting state",
    "loading states": "waiting states",
    "loading screen": "waiting screen",
    "loading bar": "progress bar",
    "loading indicator": "progress indicator",
    "access levels": "permissions roles",
    "access level": "permissions roles",
    "access rights": "permissions",
    "tower defence": "towerdefense",
    # "load" the verb with how fast: opening, not a load test
    "loads fast": "opens fast",
    "load fast": "open fast",
    "load faster": "open faster",
    "load quickly": "open quickly",
    "load lazily": "lazy loading",
    "lazy load": "lazy loading",
    "lazy-load": "lazy loading",
    "load so slow": "open so slowly",
    "load so slowly": "open so slowly",
    "loading so slow": "opening so slowly",
    "load really slow": "open really slowly",
    "tower defense": "towerdefense",
    "progressive web app": "pwa",
    "progressive web apps": "pwa",
    # a typing or reaction test is a little game or tool, not software testing
    "typing speed test": "typingtest",
    "typing test": "typingtest",
    "reaction time test": "reactiontest",
    "reaction test": "reactiontest",
    # a screen reader and keyboard-only use in other languages
    "lector de pantalla": "screenreader",
    "lectores de pantalla": "screenreaders",
    "lecteur d'ecran": "screenreader",
    "lecteurs d'ecran": "screenreaders",
    "lecteur decran": "screenreader",
    "leitor de tela": "screenreader",
    "leitores de tela": "screenreaders",
    "lettore di schermo": "screenreader",
    "lettori di schermo": "screenreaders",
    "solo con teclado": "keyboard accessibility",
    "solo con el teclado": "keyboard accessibility",
    "seulement au clavier": "keyboard accessibility",
    "uniquement au clavier": "keyboard accessibility",
    "nur mit tastatur": "keyboard accessibility",
    "nur mit der tastatur": "keyboard accessibility",
    "apenas com teclado": "keyboard accessibility",
    "so com teclado": "keyboard accessibility",
    "solo con la tastiera": "keyboard accessibility",
    "modo oscuro": "dark mode",
    "mode sombre": "dark mode",
    "modo escuro": "dark mode",
    "iniciar sesion": "login",
    "se connecter": "login",
    "mot de passe": "password",
    "tarda en cargar": "slow to load",
    "tarda mucho en cargar": "slow to load",
    "met du temps a charger": "slow to load",
    "demora para carregar": "slow to load",
    "demora a carregar": "slow to load",
    # "load" the verb (a page loading) is not load, the traffic a load test puts on a server
    "to load": "to open",
    "page loads": "page opens",
    "it loads": "it opens",
    "loads slowly": "opens slowly",
    "solar system": "planets",
    "chat bot": "chatbot",
    "tic-tac-toe": "tictactoe",
    "high score": "highscore",
    "high scores": "highscores",
    # "what do we have to do" is a question, not a to-do list
    "to do list": "todo list",
    "to do lists": "todo lists",
    "to do app": "todo app",
    "to do, doing": "todo, doing",
    "to do / doing": "todo / doing",
    "cookie clicker": "clicker",
    "w/": "with",
    "connect four": "connect4",
    "connect 4": "connect4",
    "family tree": "familytree",
    "google docs": "googledocs",
    "google sheet": "googlesheets",
    # Where a thing is kept ("my budget lives in a sheet") is no game's lives.
    "lives in a": "is in a",
    "lives in an": "is in an",
    "lives in my": "is in my",
    "lives in our": "is in our",
    "page where": "tool where",
    "page showing": "tool showing",
    "page that": "tool that",
    "page to": "tool to",
    # The game chrome shows without a connection is that game, not a request to work offline.
    "chrome when the internet is down": "chrome dino",
    "chrome when the internet's down": "chrome dino",
    "chrome one when the internet is down": "chrome dino",
    "chrome when there's no internet": "chrome dino",
    "chrome when there is no internet": "chrome dino",
    # Cards to match from memory are a memory game ("memory" alone may be a computer's).
    "memory matching": "memory matching game",
    "memory cards": "memory game cards",
    "memory card game": "memory game",
    # ...but a page to sell one thing is a sales page.
    "page to sell": "landing page to sell",
    "page to promote": "landing page to promote",
    # Colouring in is drawing, not a colour scheme.
    "colouring book": "drawing book",
    "coloring book": "drawing book",
    "colouring books": "drawing books",
    "coloring books": "drawing books",
    "colouring in": "drawing in",
    "coloring in": "drawing in",
    "colouring page": "drawing page",
    "coloring page": "drawing page",
    "colouring pages": "drawing pages",
    "coloring pages": "drawing pages",
    # "the colour code" of a pixel is its value, not a colour scheme to design.
    "colour code": "hex value",
    "color code": "hex value",
    "colour codes": "hex values",
    "color codes": "hex values",
    # "test me", "test us": a quiz that asks the questions, not software tests.
    "test me": "quiz me",
    "test us": "quiz us",
    "tests me": "quizzes me",
    "tests us": "quizzes us",
    "test yourself": "quiz yourself",
    "test myself": "quiz myself",
    "test ourselves": "quiz ourselves",
    "test the kids": "quiz the kids",
    "test my kids": "quiz my kids",
    "test the students": "quiz the students",
    "test my students": "quiz my students",
    "test my pupils": "quiz my pupils",
    # Keeping a shop's books is bookkeeping, not user accounts.
    "cuentas de usuario": "user accounts",
    "cuentas de usuarios": "user accounts",
    "crear cuentas": "create accounts",
    "crear una cuenta": "create an account",
    "llevar las cuentas": "bookkeeping",
    "llevar cuentas": "bookkeeping",
    "las cuentas de": "bookkeeping of",
    "faire les comptes": "bookkeeping",
    "tenir les comptes": "bookkeeping",
    "page which": "tool which",
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
    "logs in": "login",
    "logged in": "login",
    "help page": "helppage",
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
    # a time picked by a customer is a booking; a shop that sells haircuts is not an online store
    "pick a time": "book a slot",
    "choose a time": "book a slot",
    "book a time": "book a slot",
    "barber shop": "barbershop",
    # a list people put their names on is a rota, not an account to sign up for
    "sign up sheet": "rota booking",
    "signup sheet": "rota booking",
    "sign-up sheet": "rota booking",
    "bingo caller": "number randomizer",
    "number caller": "number randomizer",
    # how many people visit a site is analytics; "traffic" alone is what a load test sends
    "website traffic": "visitors analytics",
    "site traffic": "visitors analytics",
    "web traffic": "visitors analytics",
    "hard to read": "readability typography",
    "easier to read": "readability typography",
    "keyboard navigation": "keyboard accessibility",
    "navigation au clavier": "keyboard accessibility",
    "navegacion con teclado": "keyboard accessibility",
    "mots croises": "crossword",
    # an evening of games is an event: a tool for it (a score keeper, a clock) is not a game to build
    "board game nights": "gamenights",
    "board game night": "gamenight",
    "game nights": "gamenights",
    "game night": "gamenight",
    "chess clock": "clock timer",
    "bingo number caller": "number randomizer",
    "score keeper": "scorekeeper tally",
    "noughts and crosses": "tictactoe",
    "bar chart race": "barchart visualization",
    "one-pager": "landing page",
    "one pager": "landing page",
    "stats screen": "stats dashboard",
    "corner shop": "cornershop",
    "palavras cruzadas": "crossword",
}
#: Patterns that say a specialist's subject in everyday words, and the subject word they add.  Regular expressions
#: as text: :mod:`services.agent.intent` compiles them when it reads its first request, not at import.
PATTERNS = (
    (r"\b(?:put|get|publish|host|go|goes)\b(?:\s+\S+){0,3}?\s+(?:online|live)\b", "deployment"),
    (r"\bstep by step\b", "tutorial"),
    (
        (
            r"\b(?:slow|forever|ages|long|too long|seconds) to (?:load|open|start)\b|\bloads? (?:slowly|slow)\b"
            r"|\bload(?:ing)? (?:time|times|speed)\b|\bpage ?loads? (?:slowly|slow|forever|takes)\b"
        ),
        "performance",
    ),
    (r"\b(?:see each other|at the same time|without refresh\w*|show up instantly)\b", "realtime"),
    # Working without a connection asks for offline use; a game "like when chrome has no internet" does not.
    (
        (
            r"\b(?:work|works|working|use|used|run|runs|open|opens|play|playable|usable|still)\b.{0,25}"
            r"\b(?:no|without|bad|poor) (?:signal|internet|connection|wifi|reception)\b"
        ),
        "offline pwa",
    ),
    (r"\b(?:try|trying|attempt|attempting) to hack\b|\bhack (?:into )?(?:my|our) own\b", "pen test"),
    (
        (
            r"\b(?:packages|dependencies|libraries|modules)\b.{0,40}\b(?:security|vulnerab\w*|holes|outdated|cves?)\b"
            r"|\b(?:vulnerab\w*|security holes|outdated)\b.{0,30}\b(?:packages|dependencies|libraries)\b"
        ),
        "dependency audit",
    ),
    (r"<\s*script|\bscript tags?\b", "xss"),
    # Something that moves as you scroll is an animation; "laggy when I scroll" is not.
    (
        (
            r"\b(?:fad|slid|animat|appear|reveal|pop|zoom|grow|shrink|float|fly|flie|mov|spin)\w*\b.{0,40}"
            r"\b(?:as|when|while) (?:you|i|they|people|the user|someone) (?:scrolls?|go(?:es)? down|move down)\b"
            r"|\bscroll[- ](?:animations?|effects?|triggered)\b|\bon scroll\b|\bparallax\b"
        ),
        "scroll animation",
    ),
    (
        (r"\bwhen(?:ever)? (?:someone|a customer|somebody|a user) (?:pays|buys|orders|subscribes)\b"),
        "webhook",
    ),
    (r"\bin 3-?d\b", "3d"),
    (r"\bbreak into\b|\blike (?:a|an) (?:real )?(?:attacker|hacker)\b", "pen test"),
    (r"\b(?:look|go|read) (?:over|through|at) (?:my|the|our) code\b", "code review"),
    (r"\blike (?:a|an) (?:real )?(?:user|customer)\b", "qa"),
    (r"\b(?:\d{1,3}(?:[,.]\d{3})+|\d{3,}|\d+k) (?:people|users|visitors|customers)\b", "load test"),
    (r"\b(?:site|app|server|website|api|it) (?:goes|went|is|was|being) down\b", "monitoring uptime"),
    (r"\bclicks? through\b", "e2e test"),
    (r"\banswers? (?:questions|customers)\b", "chatbot"),
    (r"\b(?:every time i |whenever i |when i |on every )push\b|\bpush to github\b", "ci cd pipeline"),
    (r"\b(?:one|a) (?:giant|huge|massive|big|long) file\b", "refactoring"),
    (r"\bevery (?:night|morning|hour|monday)\b", "cron"),
    (r"\binto (?:groups|segments|clusters)\b|\bsegment (?:my|our|the)\b", "cluster data analysis"),
    (r"\b(?:understand|analy[sz]e|make sense of) (?:my|our|the|this|these|what)\b", "data analysis"),
    (
        (r"\bactually (?:sell|sold|work|worked|convert|converted|perform|performed|do|did|win|won)\b"),
        "ab testing",
    ),
    (r"\bvideo (?:call|calls|chat)\b", "webrtc realtime"),
    (
        (r"\b(?:each other online|online multiplayer|from different (?:houses|places|computers|phones))\b"),
        "multiplayer realtime",
    ),
    (r"\b(?:talk|chat) live\b|\blive (?:chat|updates|scores|cursors)\b", "realtime"),
    (
        (
            r"\b(?:api|endpoints?)\b.*\b(?:docs|documented|document|documentation|write up)\b"
            r"|\b(?:docs|document|documentation|write up)\b.*\b(?:api|endpoints?)\b"
        ),
        "api documentation",
    ),
    (r"\bone set of\b|\blooks? different on\b", "design system"),
    (r"\btest and live\b|\blive versions?\b", "devops environments"),
    (r"\b(?:ignores?|follows?) (?:my |the |its )?instructions\b|\bsystem prompt\b", "prompt engineering"),
    (r"\bwhat (?:the |this |that )?.{0,30}\bmeans\b|\bthe words\b|\bwording\b", "copywriting"),
    (r"\bis it worth\b|\bpays? for itself\b|\bbreak[- ]even\b", "roi business analysis"),
    (r"\b(?:ios|iphone) and android\b|\bandroid and (?:ios|iphone)\b", "mobile app"),
    (r"\bgroup (?:our|my|the) \w+ by\b", "cluster data analysis"),
    (
        (
            r"\bevery (?:night|morning|day)\b.{0,40}\b(?:pull|import|sync|copy)\b"
            r"|\bload\b.{0,40}\binto (?:one |a |our |the |my )?(?:database|db|warehouse|table)\b"
        ),
        "etl data pipeline",
    ),
    (
        (r"\bone (?:definition|number|source of truth)\b|\bdifferent (?:number|numbers|figures) in\b"),
        "metric definitions analytics",
    ),
    (
        (
            r"\bupdates? (?:on|for) every(?:one|body)?\b|\blive (?:scoreboard|score|results|leaderboard)\b"
            r"|\bno refresh\w*\b|\b(?:edit\w*|play\w*|us\w+|online|connected|logged in)\b.{0,20}\bat once\b"
            r"|\b(?:several|multiple) people\b"
        ),
        "collaborative realtime",
    ),
    (
        (
            r"\b(?:wifi|internet|signal|connection)\b.{0,25}\b(?:drops|dies|down|goes|gone|cuts out)\b"
            r"|\bkeeps? working\b"
        ),
        "offline pwa",
    ),
    (r"\bin a box\b|\bwith one command\b", "docker container"),
    (
        (r"\b(?:type|paste|enter|put) (?:in )?(?:html|scripts?|code)\b|\bruns on (?:the|my) page\b"),
        "xss security",
    ),
    (r"\bgo through it\b|\btry it out\b|\bclick around\b", "qa test plan"),
    (r"\bone \d+[- ]line file\b", "refactoring"),
    (
        (
            r"\b(?:packages|dependencies|libraries|npm)\b.{0,40}\b(?:vulnerab\w*|outdated|audit)\b"
            r"|\b(?:vulnerab\w*|outdated)\b.{0,40}\b(?:packages|dependencies)\b"
        ),
        "dependency audit",
    ),
    (r"\bbook (?:a|an) (?:table|appointment|slot|class|court|lesson|session|room)\b", "booking"),
    (
        (r"\b(?:add|write|need|want|create|set up|make)\s+(?:some |a few |more |proper |automated )?tests?\b"),
        "testing unittests",
    ),
    (
        (r"\b(?:audit|review|check)\b.{0,60}\b(?:security|vulnerabilit\w*|hackable)\b|\bsecurity (?:audit|review)\b"),
        "security audit",
    ),
    (r"\bmembers?[- ]only\b|\bonly (?:staff|admins|members|logged[- ]in)\b", "auth login"),
    # Who may do what: a restriction ("only the committee can edit", "everyone else can just look", "each role
    # sees different things"), not any "members should see ...".
    (
        (
            r"\b(?:admins?|editors?|staff|members?|users?|everyone(?: else)?) (?:can only|should only|can't|cannot"
            r"|can not|shouldn't|should not|may not|may only) (?:be able to )?(?:edit|delete|view|see|look|open|change)\b"
            r"|\bonly (?:the )?\w+(?: \w+)? (?:can|could|should|may|are allowed to|is allowed to)(?: be able to)? "
            r"(?:edit|delete|view|see|change|add|post|open|manage|approve|update)\b"
            r"|\beveryone else (?:can|should|may)(?: only| just)? (?:look|view|see|read)\b"
            r"|\beach (?:role|one|user|person|group|type of user) (?:sees|gets|can see|has) (?:different|their own)\b"
            r"|\bwho (?:can|may|is allowed to) (?:do|see|edit|change) what\b"
            r"|\b(?:can|should|may) only (?:see|edit|view|change|delete|access) (?:their|his|her|your|its) own\b"
            r"|\b(?:admins?|editors?|staff|members?|users?|everyone(?: else)?) (?:can|should) (?:only )?(?:edit|delete)\b"
        ),
        "permissions auth",
    ),
    # Several people see one change as it happens: realtime, not a screen that merely updates for its one user.
    (
        (
            r"\b(?:everyone|everybody|others|other people|each other|all of us|the rest of us)\b.{0,60}"
            r"\b(?:straight away|right away|immediately|instantly)\b"
            r"|\b(?:straight away|right away|immediately|instantly)\b.{0,60}"
            r"\b(?:everyone|everybody|others|other people|each other|all of us)\b"
            r"|\b(?:change|changes|changing|update|updates|updating)\s+live\b"
            r"|\b(?:straight away|right away|immediately|instantly|as it happens)\b.{0,60}\bwhen\b.{0,40}"
            r"\b(?:edits?|changes?|updates?|adds?|posts?|moves?|scores?)\b"
            r"|\bwhen\b.{0,40}\b(?:edits?|changes?|updates?|adds?|posts?|moves?|scores?)\b.{0,60}"
            r"\b(?:straight away|right away|immediately|instantly|as it happens)\b"
            r"|\b(?:everyone|others|other people|the others|the whole \w+|all the \w+|members|players|parents)\b.{0,30}"
            r"\bsees?\b.{0,40}\b(?:straight away|right away|immediately|instantly|as it happens)\b"
        ),
        "realtime live updates",
    ),
    (r"\bworks? offline\b|\boffline[- ]first\b|\boffline mode\b", "offline pwa"),
    (
        (r"\beveryone sees\b|\bthe moment (?:they|it|someone)\b|\bin real[- ]?time\b|\blive (?:auction|bids|feed)\b"),
        "realtime",
    ),
    (
        (r"\b(?:pull|import|sync|combine|merge)\b.{0,80}\b(?:every (?:morning|night|day)|into (?:one|a single))\b"),
        "etl data pipeline",
    ),
    (
        (
            r"\b(?:pull|import|sync|copy|load|push)\b.{0,60}\binto (?:one |a |our |the |my )?"
            r"(?:postgres|postgresql|mysql|database|db|warehouse|bigquery|snowflake|table)\b"
        ),
        "etl data pipeline",
    ),
    (
        (r"\bhow many (?:users|people|visitors|requests)\b.{0,30}\b(?:handle|take|cope|support|before)\b"),
        "load test",
    ),
    (r"\b(?:api|server|site|app|backend|it)\b.{0,30}\bfalls? over\b|\bbreaking point\b", "load test"),
    (
        (
            r"\b(?:servers?|sites?)\b[^.]{0,40}\b(?:up (?:or|and) down|(?:is|are|goes|go|went) down"
            r"|if (?:up|down))\b"
            r"|\b(?:is|are|whether|if) (?:it|they|we|the \w+|my \w+|our \w+) (?:is |are )?up or down\b"
        ),
        "monitoring uptime",
    ),
    (
        (
            r"\b(?:slow|seconds|takes|timing out)\b.{0,60}\b(?:the )?database\b|\bdatabase (?:is |gets )?slow\b"
            r"|\bslow (?:queries|query)\b"
        ),
        "database optimizer queries",
    ),
    (
        (r"\bdesign (?:the |my |our |some |all the )?(?:screens|interface|ui|flows?)\b"),
        "ux design wireframe",
    ),
    (
        (
            r"\b\d+ (?:answers|responses|replies)\b"
            r"|\bwhat (?:is it|are they|do they|does it|is this|are these) tell(?:ing)?\b"
        ),
        "data analysis",
    ),
    (
        (r"\b(?:using|with|via|by) (?:an? )?(?:ai|gpt|chatgpt|claude|llm)\b|\bai[- ](?:generated|written|powered)\b"),
        "ai llm",
    ),
    (r"\bsell(?:s|ing)? (?:the )?(?:tickets|seats)\b", "tickets ecommerce booking"),
    (r"\b(?:plan|design)\b.{0,25}\bendpoints?\b|\bopenapi\b", "api design"),
    (
        (
            r"\b(?:asks?|fetch(?:es|ed)?|calls?|loads?|requests?)\b.{0,40}\bagain\b|\bover (?:our|the|my) (?:limit|quota)\b"
            r"|\bthousands of times\b"
        ),
        "caching",
    ),
    (
        (
            r"(?:" + "|".join(f"(?<=\\b{w} )" for w in "in with using use on for to into my our".split()) + r")unity\b"
            r"|\bunity(?= (?:game|games|engine|project|scene|scenes|script|scripts|2d|3d|platformer|shooter|rpg"
            r"|prototype)\b)"
            r"|\bc# script"
        ),
        "unity",
    ),
    (r"\bplay store\b|\bgoogle play\b|\bmaterial you\b", "android"),
    (
        (r"\bbefore (?:it|we) launch(?:es)?\b|\bcoming soon\b"),
        "landing page waitlist",
    ),
    (r"\bcolou?red by\b", "visualization"),
    (
        (r"\bpay (?:monthly|per month|a month|yearly|per seat)\b|\binvite (?:their|your|my|our) team\b"),
        "saas subscription",
    ),
    (r"\bbefore (?:they|it) (?:hit|hits|reach|reaches)\b|\btyping game\b", "arcade game"),
    (r"\bput (?:their|your|our|my) names? down\b|\bnames? down for\b", "rota booking"),
    (r"\bignores? the format\b|\bdifferent answers? every time\b", "prompt engineering"),
    (r"\bquer(?:y|ies) (?:take|takes|are slow|is slow)\b", "database optimizer queries"),
    # Things that fall, bounce, roll, topple or collide as real ones do: a physics simulation.
    (
        (
            r"\b(?:balls|blocks|boxes|planks|objects|marbles|crates|bricks|stones|things)\b.{0,40}"
            r"\b(?:bounce|bounces|bouncing|roll|rolls|rolling|topple|topples|toppling|collide|collides|colliding"
            r"|hit each other|knock each other|stack up|fall over)\b"
            r"|\blike (?:in )?real life\b|\brealistic(?:ally)? (?:physics|falling|bouncing)\b"
            r"|\bangry birds\b|\bcut the rope\b|\bmarble run\b"
        ),
        "physics simulation",
    ),
    # Selling things online is a shop, whatever it is called.
    (
        (
            r"\bsell(?:s|ing)?\b.{0,50}\bonline\b|\bonline\b.{0,20}\bsell(?:s|ing)?\b"
            r"|\b(?:add|put)s? (?:it |them |things |items |stuff )?(?:to|in|into) (?:the |a |my |their )?"
            r"(?:basket|cart|trolley)\b|\bmerch (?:store|shop)\b"
        ),
        "ecommerce shop",
    ),
    # What drives a result, which version won, whether a difference is real: data analysis.
    (
        (
            r"\b(?:work out|figure out|find out)\b.{0,10}\b(?:what|which|why)\b.{0,40}"
            r"\b(?:makes?|best|most|worst|better|drives?|causes?|matters?)\b"
            r"|\bwhich (?:one|version) (?:won|did better|worked better|performed better|converts? better)\b"
            r"|\b(?:real|significant) or (?:just )?(?:luck|chance|random|noise)\b"
            r"|\bis the difference (?:real|significant)\b"
        ),
        "data analysis significance",
    ),
    # Seen from any side: 3D.
    (r"\bfrom (?:any|every|all|different) (?:angle|angles|side|sides)\b|\bspin (?:it )?around\b", "3d"),
    # A site or an app in more than one language: the builder's job (translation, a language switcher).
    (
        (
            r"\bin (?:two|2|both|several|multiple|three|3) languages\b|\bbilingual\b|\bmultilingual\b"
            r"|\blanguage (?:switcher|toggle|picker|selector|switch)\b"
            r"|\bin (?:welsh|english|french|spanish|german|irish|gaelic|dutch|italian|portuguese|polish) and "
            r"(?:welsh|english|french|spanish|german|irish|gaelic|dutch|italian|portuguese|polish)\b"
            r"|\btranslat\w* (?:the|my|our|it|every|all)(?: \w+)? (?:app|site|website|page|pages|text|content)\b"
        ),
        "i18n localization",
    ),
    # Figures per something (by class and month, per agent) are a report: a dashboard.
    (
        (
            r"\b(?:numbers|figures|totals|stats|reports?|counts|averages?)\b.{0,40}\b(?:by|per) "
            r"(?:class|month|week|day|agent|team|region|product|store|person|category|year|department)\b"
        ),
        "dashboard",
    ),
    # Separate services talking through a queue: microservices.
    (
        (r"\bseparate services\b|\bservices? talking (?:to|through|over)\b|\b(?:through|via) a queue\b"),
        "microservices",
    ),
    # The same data on everyone's own phone, or on a phone and a laptop: kept in sync by a server.
    (
        (
            r"\bfrom (?:their|our|your|all their) own (?:phones|devices|computers|laptops)\b"
            r"|\b(?:in sync|syncs?|synced)\b.{0,30}\bbetween\b|\bacross (?:all )?(?:my |our )?(?:devices|phones)\b"
        ),
        "sync realtime",
    ),
    # A page zooming in when a field is tapped is the mobile browser's doing.
    (r"\bzooms? in\b.{0,40}\btap|\btap\w*\b.{0,40}\bzooms? in\b", "mobile web safari zoom"),
    # An app on a phone is a phone app.
    (
        (r"\b(?:app|apps|application)\b (?:on|for) (?:my|the|a|our|your|their) (?:phone|phones|iphone|android)\b"),
        "mobile app",
    ),
    # A layout that breaks on small screens is a responsive layout job.
    (
        (
            r"\b(?:small|smaller|narrow|tiny|little) screens?\b"
            r"|\b(?:breaks|broken|squashed|overlaps?|overlapping|cut off)\b.{0,20}\bon (?:phones|mobiles?|tablets)\b"
        ),
        "responsive layout",
    ),
    # What to build first, and in what order: product planning.
    (
        (r"\b(?:what|which features?|which parts?) to (?:build|make|do) first\b|\bbuild first\b"),
        "product roadmap mvp",
    ),
    # A summary screen of figures is a dashboard.
    (r"\boverview (?:screen|page)\b", "dashboard"),
    # Jobs described rather than named: what the person wants done says the specialist.
    # A form people fill in: an application, a registration, several steps, what was typed kept.
    (
        (
            r"\bmulti[- ]?step\b|\b(?:job|adoption|membership|rental|tenancy|loan|grant|volunteer|scholarship)"
            r" applications?\b|\bapplications? form\b|\b(?:camp|event|race|class|course|school|team|club|"
            r"tournament|conference|kids|player|volunteer|patient|student|summer)s? registrations?\b"
            r"|\bregistration (?:form|for (?:kids|children|the|our|a|an|parents|families|volunteers|players))\b"
            r"|\bkeeps? (?:what|everything) (?:you|they|i|people|someone) (?:typed|entered|filled|wrote)\b"
            r"|\bfill(?:s|ed)? (?:in|out)\b|\benrol(?:l)?ments?\b"
        ),
        "forms",
    ),
    # What will happen next, guessed from past figures; whether a difference is real or luck: data science.
    (
        (
            r"\bwhat (?:we|i|they|you)(?:'ll| will|'re going to| are going to) (?:probably |likely )?"
            r"(?:sell|earn|make|need)\b|\bwhat (?:will|would) (?:we|i|they|you) (?:probably |likely )?(?:sell|earn|need)\b|\b(?:predict|forecast|guess|estimate|project)\w*\b.{0,40}"
            r"\bnext (?:month|year|week|quarter|season|summer|winter)\b"
        ),
        "predictions data analysis",
    ),
    (
        (
            r"\b(?:how (?:many|much)|what)\b.{0,40}\b(?:will|would|should we expect|to expect|are we likely)\b.{0,40}"
            r"\bnext (?:month|year|week|quarter|season|summer|winter|christmas|term)\b"
        ),
        "predictions data analysis",
    ),
    # Asked back the ones got wrong: flashcards that quiz.
    (
        (
            r"\b(?:asks?|quiz(?:zes)?|tests?) (?:me|us|you|them)\b.{0,40}\b(?:wrong|missed|forgot|forget)\b"
            r"|\b(?:the ones|words|questions|cards) (?:i|we|you|they) (?:got|get|getting|keep getting) wrong\b"
        ),
        "flashcards quiz",
    ),
    (
        (
            r"\bor (?:is it |was it |it's |its |just |only |was that )*(?:luck|chance|random|a fluke)\b"
            r"|\b(?:really|actually|truly) (?:do|did|does|doing|perform\w*|work\w*|convert\w*) better\b"
            r"|\bstatistically\b"
        ),
        "ab testing statistics",
    ),
    # A place to show one's work and take commissions or clients: a portfolio.
    (
        (
            r"\bshow(?:case|s|ing)? (?:off )?(?:my|our|his|her|their) (?:work|art|artwork|designs|photos|"
            r"photography|illustrations|drawings|projects|paintings|pieces)\b|\btake (?:on )?commissions\b"
        ),
        "portfolio",
    ),
    # A sheet full of formulas to replace: a spreadsheet turned into an app.
    (
        (
            r"\b(?:sheet|sheets|googlesheets|spreadsheet|spreadsheets|excel|workbook)\b.{0,40}\bformulas?\b"
            r"|\bformulas?\b.{0,40}\b(?:sheet|sheets|googlesheets|spreadsheet|excel)\b"
        ),
        "spreadsheet",
    ),
    # Figures per group or over time, in graphs for someone to read: a dashboard.
    (
        (
            r"\b(?:daily|weekly|monthly|yearly|quarterly) (?:graphs?|charts?)\b"
            r"|\b(?:graphs?|charts?)\b.{0,30}\bfor (?:the|my|our) (?:head|boss|manager|board|teacher|principal"
            r"|owner|director|committee|trustees|coach)\b"
        ),
        "dashboard",
    ),
    # Taking appointments online, in any language, is a booking app even when said as a page's feature.
    (
        (
            r"\b(?:online|en ligne|en linea|on line) (?:booking|bookings|appointments?|reservations?)\b"
            r"|\b(?:booking|bookings|appointments?|reservations?|rendez-vous|citas?|reservas?|termine?)"
            r" (?:online|en ligne|en linea|on line)\b|\bprise de rendez-vous\b|\breservar (?:una )?cita\b"
            r"|\btermin(?:e)? buchen\b"
        ),
        "booking appointments",
    ),
    # One unit into another ("cups to grams", "miles in km") asks for a converter, whatever "conversions" means elsewhere.
    (
        (
            r"\b(?:cups?|grams?|g|ounces?|oz|pounds?|lbs?|kg|kilos?|stones?|miles?|km|inches|cm|feet|ft|metres?|meters?"
            r"|fahrenheit|celsius|litres?|liters?|ml|pints?|gallons?|tablespoons?|teaspoons?|mph|kmh)"
            r" (?:to|into|in|and) (?:cups?|grams?|g|ounces?|oz|pounds?|lbs?|kg|kilos?|stones?|miles?|km|inches|cm"
            r"|feet|ft|metres?|meters?|fahrenheit|celsius|litres?|liters?|ml|pints?|gallons?|tablespoons?|teaspoons?"
            r"|mph|kmh)\b"
        ),
        "converter",
    ),
    # Things twinkling or drifting behind a page are a background animation.
    (
        (
            r"\b(?:twinkl|drift|float|swirl|fall)\w*\b.{0,30}\b(?:in the background|behind (?:my|the|our))\b"
            r"|\b(?:background|behind (?:my|the|our) \w+)\b.{0,20}\b(?:twinkl|drift|float|swirl)\w*"
        ),
        "background animation",
    ),
    (r"\b(?:we|i|they)(?:'ll| will| would| are going to) (?:probably |likely )?sell\b", "predictions"),
    # Comparing things side by side in charts: data visualization.
    (
        (r"\bcompar\w*\b.{0,50}\bwith (?:charts?|graphs?)\b|\b(?:charts?|graphs?) compar\w*"),
        "visualization charts",
    ),
    # Something drifting, floating or turning slowly is motion, not a slow page.
    (
        (
            r"\b(?:slowly|gently) (?:drift|float|fall|mov|rotat|spin|turn|fad|twinkl|puls|glow|sway|ris)\w*"
            r"|\b(?:drift|float|fall|mov|rotat|spin|turn|twinkl|sway)\w* (?:slowly|gently)\b"
        ),
        "animation",
    ),
    # Light text on a light background is a contrast problem.
    (
        (r"\b(?:grey|gray|pale|faint|light|yellow) (?:text|writing|font|letters|words)\b.{0,10}\bon\b"),
        "contrast accessibility",
    ),
)


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
