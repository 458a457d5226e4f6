"""Table-driven actor cases: one sentence (or short text), one mention, the code it must get.

Each case is (lang, text, mention, expected code, publication date or None). The text is parsed
with the project's own parser, chunked and resolved the way the coder does it; a case passes
when some resolved actor's text contains the mention (case-insensitive) and its code matches
the expectation on the first 6 characters (country + role), or on the whole code for IGOs,
NGOs and transnational groups (IGO..., NGO..., IMG...). Expected None means the mention must
not resolve to any actor.

Cases that document a real gap in the data or the resolution logic are kept as strict xfails
with the cause in the reason, so the suite stays green and the gap stays visible.
"""
from __future__ import annotations

from datetime import date

import pytest

from eventwire.actors.lexicon import load_lexicon
from eventwire.actors.mentions import find_chunks
from eventwire.actors.resolve import PERSON_ATOMS, DocumentContext, resolve_chunk
from eventwire.nlp import Parser
from eventwire.settings import Settings

DEFAULT_DAY = date(2024, 3, 1)


@pytest.fixture(scope="module")
def parser() -> Parser:
    return Parser(Settings().models)


def actors_in(parser: Parser, text: str, lang: str, on: date = DEFAULT_DAY) -> list[tuple[str, str]]:
    ctx = DocumentContext(lexicon=load_lexicon(lang), on=on)
    out = []
    for sentence in parser.parse_text(text, lang):
        person = None
        named = None
        for chunk in find_chunks(sentence, ctx.lexicon):
            for actor in resolve_chunk(chunk, sentence, ctx, subject_person=person,
                                       speaker=person or ctx.last_person):
                out.append((actor.text, actor.code))
                if actor.role and actor.name and actor.how in ("person", "context", "lexicon"):
                    person = actor
                if named is None and (chunk.has("pronoun") or any(a.kind in PERSON_ATOMS for a in chunk.atoms)):
                    named = actor
        # Like the coder's remember_main_subject() (approximated: the first person-bearing
        # chunk of the sentence), "il"/"he" in the next sentence points back to that person.
        if named is not None:
            ctx.last_person = named
    return out


def X(lang, text, mention, expected, on=None, *, reason):
    """A case whose expectation is right but which the current code/data gets wrong."""
    return pytest.param(lang, text, mention, expected, on,
                        marks=pytest.mark.xfail(reason=reason, strict=True))


def C(lang, text, mention, expected, on=None):
    return (lang, text, mention, expected, on)


# --------------------------------------------------------------------------- French cases

FR = [
    # --- country names, with and without articles
    C("fr", "La Chine a rejeté lundi les accusations de cyberespionnage.", "Chine", "CHN"),
    C("fr", "Les États-Unis ont annoncé de nouvelles sanctions contre l'Iran.", "États-Unis", "USA"),
    C("fr", "Les États-Unis ont annoncé de nouvelles sanctions contre l'Iran.", "Iran", "IRN"),
    C("fr", "Le Mali a rompu ses relations diplomatiques avec l'Ukraine.", "Mali", "MLI"),
    C("fr", "Le Mali a rompu ses relations diplomatiques avec l'Ukraine.", "Ukraine", "UKR"),
    C("fr", "L'Allemagne va livrer des systèmes de défense antiaérienne supplémentaires.", "Allemagne", "DEU"),
    C("fr", "Israël a frappé plusieurs cibles dans le sud du Liban dans la nuit.", "Israël", "ISR"),
    C("fr", "Le Royaume-Uni et la Norvège ont convoqué leurs ambassadeurs.", "Royaume-Uni", "GBR"),
    C("fr", "Le Royaume-Uni et la Norvège ont convoqué leurs ambassadeurs.", "Norvège", "NOR"),
    C("fr", "La République démocratique du Congo accuse le Rwanda de soutenir la rébellion.",
      "République démocratique du Congo", "COD"),
    C("fr", "La République démocratique du Congo accuse le Rwanda de soutenir la rébellion.", "Rwanda", "RWA"),
    C("fr", "La RDC a rappelé son ambassadeur à Kigali.", "RDC", "COD"),
    C("fr", "La Côte d'Ivoire a renforcé la surveillance de sa frontière nord.", "Côte d'Ivoire", "CIV"),
    C("fr", "La Corée du Nord a tiré un missile balistique en mer du Japon.", "Corée du Nord", "PRK"),
    C("fr", "La Corée du Sud a aussitôt condamné ce tir.", "Corée du Sud", "KOR"),
    C("fr", "L'Arabie saoudite a rétabli ses relations avec la Syrie.", "Arabie saoudite", "SAU"),
    C("fr", "Le Burkina Faso a annoncé son retrait de la CEDEAO.", "Burkina Faso", "BFA"),
    C("fr", "Les Émirats arabes unis ont proposé leur médiation.", "Émirats arabes unis", "ARE"),
    C("fr", "La Centrafrique a accueilli de nouveaux instructeurs étrangers.", "Centrafrique", "CAF"),
    C("fr", "Le Soudan du Sud a reporté une nouvelle fois les élections.", "Soudan du Sud", "SSD"),
    C("fr", "La Russie a expulsé deux diplomates moldaves.", "Russie", "RUS"),
    C("fr", "Le Niger a dénoncé l'accord de coopération militaire.", "Niger", "NER"),
    C("fr", "Le Nigeria a fermé temporairement sa frontière avec le Bénin.", "Nigeria", "NGA"),
    C("fr", "Le Nigeria a fermé temporairement sa frontière avec le Bénin.", "Bénin", "BEN"),
    C("fr", "Les Pays-Bas ont suspendu leurs exportations de pièces d'avions de combat.", "Pays-Bas", "NLD"),
    C("fr", "La Nouvelle-Zélande a condamné l'essai nucléaire.", "Nouvelle-Zélande", "NZL"),
    C("fr", "La Turquie a bloqué l'adhésion de la Suède pendant des mois.", "Turquie", "TUR"),
    C("fr", "La Turquie a bloqué l'adhésion de la Suède pendant des mois.", "Suède", "SWE"),
    C("fr", "Taïwan a détecté des navires de guerre près de ses côtes.", "Taïwan", "TWN"),
    C("fr", "Cuba a libéré plusieurs prisonniers politiques.", "Cuba", "CUB"),
    C("fr", "Haïti a demandé une aide internationale d'urgence.", "Haïti", "HTI"),
    C("fr", "L'Afrique du Sud a saisi la Cour internationale de justice.", "Afrique du Sud", "ZAF"),
    C("fr", "Le Venezuela a revendiqué la région de l'Essequibo face au Guyana.", "Venezuela", "VEN"),
    C("fr", "Le Venezuela a revendiqué la région de l'Essequibo face au Guyana.", "Guyana", "GUY"),
    # --- nationality adjectives + roles, all genders and numbers
    C("fr", "Le ministre russe des Affaires étrangères a rencontré son homologue turc.", "ministre russe des Affaires étrangères", "RUSGOV"),
    C("fr", "Le ministre russe des Affaires étrangères a rencontré son homologue turc.", "homologue turc", "TURGOV"),
    C("fr", "Des soldats français ont quitté la base de Gao.", "soldats français", "FRAMIL"),
    C("fr", "La police kényane a dispersé les manifestants à coups de gaz lacrymogène.", "police kényane", "KENCOP"),
    C("fr", "Les policiers kényans ont été déployés en Haïti.", "policiers kényans", "KENCOP"),
    C("fr", "L'armée israélienne a mené de nouvelles frappes à Rafah.", "armée israélienne", "ISRMIL"),
    C("fr", "Les forces ukrainiennes ont repoussé une attaque près de Koupiansk.", "forces ukrainiennes", "UKRMIL"),
    C("fr", "Les troupes russes ont pris le contrôle du village.", "troupes russes", "RUSMIL"),
    C("fr", "Les autorités chinoises ont interpellé un ressortissant japonais.", "autorités chinoises", "CHNGOV"),
    C("fr", "Le gouvernement malien a suspendu les activités des partis politiques.", "gouvernement malien", "MLIGOV"),
    C("fr", "La junte nigérienne a fermé l'espace aérien du pays.", "junte nigérienne", "NERMIL"),
    C("fr", "Les députés britanniques ont adopté le projet de loi.", "députés britanniques", "GBRLEG"),
    C("fr", "La présidente mexicaine a répondu aux menaces de droits de douane.", "présidente mexicaine", "MEXGOV"),
    C("fr", "La marine américaine a intercepté des drones au-dessus de la mer Rouge.", "marine américaine", "USAMIL"),
    C("fr", "Les garde-côtes chinois ont utilisé des canons à eau contre un navire philippin.",
      "garde-côtes chinois", "CHNCOP"),
    C("fr", "Les manifestants géorgiens ont de nouveau bloqué l'avenue principale.", "manifestants géorgiens", "GEOCVL"),
    C("fr", "Les juges polonais dénoncent une réforme qui menace leur indépendance.", "juges polonais", "POLJUD"),
    C("fr", "L'opposition vénézuélienne a revendiqué la victoire.", "opposition vénézuélienne", "VENOPP"),
    C("fr", "Les étudiants bangladais ont poursuivi leur mouvement de contestation.", "étudiants bangladais", "BGDEDU"),
    C("fr", "Plusieurs journalistes palestiniens ont été tués à Gaza.", "journalistes palestiniens", "PSEMED"),
    C("fr", "Les réfugiés soudanais affluent au Tchad.", "réfugiés soudanais", "SDNREF"),
    C("fr", "Les syndicats sud-africains ont appelé à une grève nationale.", "syndicats sud-africains", "ZAFLAB"),
    C("fr", "Le Premier ministre indien a inauguré un temple à Ayodhya.", "Premier ministre indien", "INDGOV"),
    C("fr", "La cheffe de la diplomatie allemande est arrivée à Kiev.", "cheffe de la diplomatie allemande", "DEUGOV"),
    C("fr", "Les services de renseignement turcs ont arrêté sept suspects.", "services de renseignement turcs", "TURSPY"),
    C("fr", "Les agriculteurs français ont bloqué plusieurs autoroutes.", "agriculteurs français", "FRAAGR"),
    C("fr", "Le Parlement hongrois a ratifié l'adhésion de la Suède.", "Parlement hongrois", "HUNLEG"),
    C("fr", "Des militaires maliens ont été tués dans une embuscade.", "militaires maliens", "MLIMIL"),
    C("fr", "Les autorités ivoiriennes ont démenti toute implication.", "autorités ivoiriennes", "CIVGOV"),
    C("fr", "Des policières afghanes ont témoigné sous couvert d'anonymat.", "policières afghanes", "AFGCOP"),
    C("fr", "Les rebelles colombiens ont libéré deux otages.", "rebelles colombiens", "COLREB"),
    C("fr", "La diplomatie algérienne a convoqué l'ambassadeur de France.", "diplomatie algérienne", "DZAGOV"),
    C("fr", "La Cour suprême brésilienne a ordonné la suspension du réseau social.", "Cour suprême brésilienne", "BRAJUD"),
    C("fr", "Le président sénégalais a dissous l'Assemblée nationale.", "président sénégalais", "SENGOV"),
    C("fr", "La police nationale congolaise a arrêté plusieurs manifestants.", "police nationale congolaise", "CODCOP"),
    C("fr", "Les gendarmes ivoiriens ont démantelé un réseau de trafiquants.", "gendarmes ivoiriens", "CIVCOP"),
    C("fr", "Des soldates israéliennes ont été enlevées lors de l'attaque.", "soldates israéliennes", "ISRMIL"),
    C("fr", "Les médias iraniens ont annoncé la mort du commandant.", "médias iraniens", "IRNMED"),
    C("fr", "Les dirigeants européens ont salué l'accord, a indiqué un diplomate italien.", "diplomate italien", "ITAGOV"),
    C("fr", "Un tribunal russe a condamné le journaliste américain à seize ans de prison.",
      "tribunal russe", "RUSJUD"),
    C("fr", "Un tribunal russe a condamné le journaliste américain à seize ans de prison.",
      "journaliste américain", "USAMED"),
    C("fr", "Les sénateurs américains ont bloqué l'aide militaire.", "sénateurs américains", "USALEG"),
    C("fr", "Les insurgés afghans ont attaqué un poste de police.", "insurgés afghans", "AFGINS"),
    C("fr", "Le chef d'état-major de l'armée algérienne s'est rendu à Moscou.", "chef d'état-major de l'armée algérienne", "DZAMIL"),
    C("fr", "Les déplacés congolais manquent d'eau potable dans les camps.", "déplacés congolais", "CODREF"),
    C("fr", "Les entreprises allemandes ont réduit leurs investissements en Chine.", "entreprises allemandes", "DEUBUS"),
    C("fr", "Les enseignants camerounais sont en grève depuis deux semaines.", "enseignants camerounais", "CMREDU"),
    C("fr", "Le parquet français a ouvert une enquête pour corruption.", "parquet français", "FRAJUD"),
    # --- portfolios
    C("fr", "Le ministre allemand de la Défense a promis de nouveaux chars.", "ministre allemand de la Défense", "DEUMIL"),
    C("fr", "La ministre française des Armées s'est rendue à Djibouti.", "ministre française des Armées", "FRAMIL"),
    C("fr", "Le ministre nigérian des Finances a présenté le budget.", "ministre nigérian des Finances", "NGAGOV"),
    C("fr", "Le ministre tunisien de l'Intérieur a été limogé.", "ministre tunisien de l'Intérieur", "TUNGOV"),
    C("fr", "Le ministre des Affaires étrangères de l'Iran est attendu à Beyrouth.",
      "ministre des Affaires étrangères de l'Iran", "IRNGOV"),
    C("fr", "Le président de la Russie a signé le décret.", "président de la Russie", "RUSGOV"),
    C("fr", "Le ministre japonais de la Défense a visité la base.", "ministre japonais de la Défense", "JPNMIL"),
    C("fr", "La ministre colombienne de la Justice a démissionné.", "ministre colombienne de la Justice", "COLGOV"),
    # --- demonyms
    C("fr", "Les Russes ont repris le contrôle de la localité.", "Russes", "RUS"),
    C("fr", "Les Ukrainiens ont détruit un navire de débarquement.", "Ukrainiens", "UKR"),
    C("fr", "Les Américains ont proposé un nouveau plan de cessez-le-feu.", "Américains", "USA"),
    C("fr", "Les Israéliens et les Palestiniens reprendront les discussions au Caire.", "Israéliens", "ISR"),
    C("fr", "Les Israéliens et les Palestiniens reprendront les discussions au Caire.", "Palestiniens", "PSE"),
    C("fr", "Les Français ont voté massivement dimanche.", "Français", "FRA"),
    C("fr", "Les Iraniens ont rejeté la proposition européenne.", "Iraniens", "IRN"),
    # --- capitals and seats of power
    C("fr", "Moscou a démenti toute implication dans l'attentat.", "Moscou", "RUSGOV"),
    C("fr", "Washington a salué la libération des otages.", "Washington", "USAGOV"),
    C("fr", "Le Kremlin a qualifié ces accusations d'absurdes.", "Kremlin", "RUSGOV"),
    C("fr", "La Maison-Blanche a confirmé la visite du chancelier.", "Maison-Blanche", "USAGOV"),
    C("fr", "Downing Street a refusé de commenter ces informations.", "Downing Street", "GBRGOV"),
    C("fr", "L'Élysée a annoncé un remaniement imminent.", "Élysée", "FRAGOV"),
    C("fr", "Le Pentagone a annoncé l'envoi d'un porte-avions.", "Pentagone", "USAMIL"),
    C("fr", "Pékin a dénoncé une ingérence dans ses affaires intérieures.", "Pékin", "CHNGOV"),
    C("fr", "Téhéran a menacé de riposter.", "Téhéran", "IRNGOV"),
    C("fr", "Matignon a confirmé le recours au 49.3.", "Matignon", "FRAGOV"),
    C("fr", "Le Quai d'Orsay a déconseillé tout déplacement dans la région.", "Quai d'Orsay", "FRAGOV"),
    C("fr", "Kinshasa accuse Kigali de piller ses ressources minières.", "Kinshasa", "CODGOV"),
    C("fr", "Kinshasa accuse Kigali de piller ses ressources minières.", "Kigali", "RWAGOV"),
    C("fr", "Bamako a expulsé l'ambassadeur de France.", "Bamako", "MLIGOV"),
    C("fr", "Ankara a convoqué le chargé d'affaires suédois.", "Ankara", "TURGOV"),
    C("fr", "Kiev a reçu les premiers avions de combat F-16.", "Kiev", "UKRGOV"),
    # --- roles of many types, with a country from the context phrase
    C("fr", "L'opposition a appelé au boycott du scrutin au Togo.", "opposition", "---OPP"),
    C("fr", "Les rebelles ont pris le contrôle de la ville de Goma.", "rebelles", "---REB"),
    C("fr", "Le Parlement de la Géorgie a adopté la loi sur l'influence étrangère.", "Parlement de la Géorgie", "GEOLEG"),
    C("fr", "La police de Hong Kong a arrêté six militants.", "police de Hong Kong", "HKGCOP"),
    C("fr", "Les syndicats ont appelé à une nouvelle journée de mobilisation.", "syndicats", "---LAB"),
    C("fr", "Des ONG ont dénoncé les conditions de détention.", "ONG", "---NGO"),
    C("fr", "Des réfugiés rohingyas ont débarqué en Indonésie.", "réfugiés rohingyas", "MMRREF"),
    C("fr", "Des réfugiés ont débarqué en Indonésie.", "réfugiés", "---REF"),
    C("fr", "Le Conseil constitutionnel a censuré une partie de la loi.", "Conseil constitutionnel", "---JUD"),
    C("fr", "La Knesset a adopté en première lecture la réforme judiciaire.", "Knesset", "ISRLEG"),
    C("fr", "Le Mossad a été chargé de mener l'enquête.", "Mossad", "ISRSPY"),
    C("fr", "Tsahal a annoncé la mort de trois soldats.", "Tsahal", "ISRMIL"),
    C("fr", "La Douma a voté une loi contre les agents de l'étranger.", "Douma", "RUSLEG"),
    C("fr", "Le FBI a arrêté un suspect dans le Michigan.", "FBI", "USACOP"),
    # --- IGOs
    C("fr", "L'ONU a appelé à un cessez-le-feu immédiat.", "ONU", "IGOUNO"),
    C("fr", "Les Nations unies ont suspendu leurs opérations humanitaires.", "Nations unies", "IGOUNO"),
    C("fr", "Le Conseil de sécurité a adopté une résolution sur le Soudan.", "Conseil de sécurité", "IGOUNO"),
    C("fr", "L'UE a adopté un quatorzième paquet de sanctions.", "UE", "IGOEUR"),
    C("fr", "L'Union européenne a débloqué une aide de 50 milliards d'euros.", "Union européenne", "IGOEUR"),
    C("fr", "La Commission européenne a ouvert une enquête sur TikTok.", "Commission européenne", "IGOEUR"),
    C("fr", "L'OTAN a renforcé sa présence sur son flanc est.", "OTAN", "IGONAT"),
    C("fr", "L'Union africaine a suspendu le Gabon de ses instances.", "Union africaine", "IGOAFU"),
    C("fr", "La CEDEAO a levé les sanctions contre le Niger.", "CEDEAO", "IGOWAS"),
    C("fr", "L'OCS tiendra son sommet annuel à Astana.", "OCS", "IGOSCO"),
    C("fr", "Les BRICS ont accueilli cinq nouveaux membres.", "BRICS", "IGOBRI"),
    C("fr", "Le G20 s'est engagé à taxer les grandes fortunes.", "G20", "IGOG20"),
    C("fr", "Le FMI a approuvé un prêt de trois milliards de dollars.", "FMI", "IGOIMF"),
    C("fr", "La CPI a émis un mandat d'arrêt contre le dirigeant.", "CPI", "IGOICC"),
    C("fr", "L'AIEA s'inquiète de la sûreté de la centrale de Zaporijjia.", "AIEA", "IGOUNOIAE"),
    C("fr", "La Banque mondiale a revu à la baisse ses prévisions de croissance.", "Banque mondiale", "IGOWBK"),
    C("fr", "L'OMS a déclaré la fin de l'urgence sanitaire.", "OMS", "IGOUNOWHO"),
    C("fr", "Le HCR estime à deux millions le nombre de déplacés.", "HCR", "IGOUNOHCR"),
    C("fr", "Les Casques bleus ont été pris pour cible dans le sud du Liban.", "Casques bleus", "IGOUNOMIL"),
    C("fr", "La MONUSCO a entamé son retrait du Sud-Kivu.", "MONUSCO", "IGOUNOMIL"),
    C("fr", "Le Parlement européen a approuvé le pacte sur la migration.", "Parlement européen", "IGOEURLEG"),
    C("fr", "Le CICR a facilité l'échange de prisonniers.", "CICR", "IGOIRC"),
    C("fr", "Amnesty International a dénoncé des exécutions extrajudiciaires.", "Amnesty International", "NGOAMN"),
    C("fr", "Médecins sans frontières a évacué son personnel de l'hôpital.", "Médecins sans frontières", "NGOMSF"),
    C("fr", "La Ligue arabe a réintégré la Syrie.", "Ligue arabe", "IGOARL"),
    C("fr", "L'OPEP a décidé de prolonger ses réductions de production.", "OPEP", "IGOOPC"),
    C("fr", "L'Organisation des Nations unies a célébré son anniversaire.", "Organisation des Nations unies", "IGOUNO"),
    # --- armed groups
    C("fr", "Le Hamas a libéré quatre otages israéliens.", "Hamas", "PSEREB"),
    C("fr", "Le Hezbollah a tiré des roquettes sur le nord d'Israël.", "Hezbollah", "LBNREB"),
    C("fr", "Boko Haram a enlevé plus de deux cents élèves.", "Boko Haram", "NGAREB"),
    C("fr", "Les shebab ont attaqué une base militaire près de Mogadiscio.", "shebab", "SOMREB"),
    C("fr", "Le M23 a pris le contrôle de la ville minière de Rubaya.", "M23", "CODREB"),
    C("fr", "Les talibans ont interdit aux femmes l'accès aux universités.", "talibans", "AFGREB"),
    C("fr", "Le groupe État islamique a revendiqué l'attentat.", "État islamique", "IMGMUSISI"),
    C("fr", "Daech a revendiqué l'attaque contre la salle de concert.", "Daech", "IMGMUSISI"),
    C("fr", "AQMI détient toujours un otage européen.", "AQMI", "DZAREB"),
    C("fr", "Le JNIM a revendiqué l'attaque contre l'école de gendarmerie.", "JNIM", "MLIREB"),
    C("fr", "Les Houthis ont ciblé un cargo en mer Rouge.", "Houthis", "YEMREB"),
    C("fr", "Le groupe Wagner a recruté des détenus.", "Wagner", "RUSUAF"),
    C("fr", "Les Forces de soutien rapide ont pris le contrôle d'El-Facher.", "Forces de soutien rapide", "SDNREB"),
    C("fr", "Le PKK a annoncé sa dissolution.", "PKK", "TURREB"),
    C("fr", "Les ADF ont tué une quarantaine de civils en Ituri.", "ADF", "UGAREB"),
    C("fr", "Les Brigades Ezzedine al-Qassam ont revendiqué l'embuscade.", "Brigades Ezzedine al-Qassam", "PSEREB"),
    # --- office holders by date
    C("fr", "Emmanuel Macron a reçu les syndicats à l'Élysée.", "Emmanuel Macron", "FRAGOV", date(2019, 5, 1)),
    C("fr", "Dmitri Medvedev a promulgué la loi sur la police.", "Dmitri Medvedev", "RUSGOV", date(2010, 6, 1)),
    C("fr", "Vladimir Poutine a ordonné des exercices nucléaires.", "Vladimir Poutine", "RUSGOV"),
    C("fr", "Xi Jinping a appelé à la réunification pacifique.", "Xi Jinping", "CHNGOV"),
    C("fr", "Volodymyr Zelensky a limogé le chef de l'armée.", "Volodymyr Zelensky", "UKRGOV"),
    C("fr", "Sergueï Lavrov a accusé l'Occident de prolonger la guerre.", "Sergueï Lavrov", "RUSGOV"),
    C("fr", "Sergueï Choïgou a inspecté les troupes dans la région de Zaporijjia.", "Sergueï Choïgou", "RUSMIL",
      date(2023, 6, 1)),
    C("fr", "Sergueï Choïgou a reçu le secrétaire du Conseil de sécurité iranien.", "Sergueï Choïgou", "RUSGOV",
      date(2024, 10, 1)),
    C("fr", "Sébastien Lecornu a annoncé une hausse du budget des armées.", "Sébastien Lecornu", "FRAMIL",
      date(2023, 6, 1)),
    C("fr", "Sébastien Lecornu a présenté son gouvernement.", "Sébastien Lecornu", "FRAGOV", date(2025, 10, 15)),
    C("fr", "Benyamin Netanyahou a rejeté toute idée d'État palestinien.", "Benyamin Netanyahou", "ISRGOV"),
    C("fr", "Recep Tayyip Erdogan a reçu le président syrien.", "Recep Tayyip Erdogan", "TURGOV"),
    C("fr", "Antonio Guterres a appelé à la retenue.", "Antonio Guterres", "IGOUNO"),
    C("fr", "Jens Stoltenberg a salué l'adhésion de la Finlande.", "Jens Stoltenberg", "IGONAT", date(2023, 4, 4)),
    C("fr", "François Hollande a annoncé l'intervention au Mali.", "François Hollande", "FRAGOV", date(2013, 1, 11)),
    C("fr", "Nicolas Sarkozy a été condamné en appel.", "Nicolas Sarkozy", "FRA"),
    C("fr", "Donald Trump a signé un décret sur l'immigration.", "Donald Trump", "USAGOV", date(2017, 1, 27)),
    C("fr", "Joe Biden a reçu le Premier ministre japonais.", "Joe Biden", "USAGOV"),
    C("fr", "Lula a réuni les chefs d'État amazoniens à Belém.", "Lula", "BRAGOV", date(2023, 8, 8)),
    # --- people introduced with a role, then "M."/"Mme X" later in the text
    C("fr", "Le ministre sénégalais des Affaires étrangères, Cheikh Niang, a reçu son homologue. "
            "M. Niang a plaidé pour une sortie de crise.", "M. Niang", "SENGOV"),
    C("fr", "Le porte-parole de l'armée soudanaise, Nabil Abdallah, a démenti. "
            "Selon M. Abdallah, les combats ont cessé.", "M. Abdallah", "SDNMIL"),
    C("fr", "La porte-parole du gouvernement tanzanien, Amina Saidi, a démenti les accusations. "
            "Mme Saidi a assuré que le scrutin avait été transparent.", "Mme Saidi", "TZAGOV"),
    C("fr", "Le président russe Vladimir Poutine a reçu le dirigeant chinois au Kremlin. "
            "M. Poutine a salué une amitié sans limites.", "M. Poutine", "RUSGOV"),
    C("fr", "La députée française Sophie Marchal a été agressée à Lille. "
            "Mme Marchal a porté plainte dans la soirée.", "Mme Marchal", "FRALEG"),
    C("fr", "Le président kényan William Ruto est arrivé à Addis-Abeba. "
            "Il a rencontré le Premier ministre éthiopien.", "Il", "KENGOV"),
    # --- role + country adjective at the very end of the sentence
    C("fr", "Trois assaillants ont été tués, a annoncé l'armée nigériane.", "armée nigériane", "NGAMIL"),
    C("fr", "Le convoi a été attaqué dans la nuit, selon la police kényane.", "police kényane", "KENCOP"),
    C("fr", "L'accord a été salué par le gouvernement français.", "gouvernement français", "FRAGOV"),
    C("fr", "Le président kényan William Ruto est arrivé à Addis-Abeba. "
            "M. Ruto a rencontré le Premier ministre éthiopien.", "M. Ruto", "KENGOV"),
    X("fr", "Le chef de l'opposition ougandaise, Bobi Wine, a été arrêté. "
            "M. Wine a dénoncé des violences policières.", "M. Wine", "UGAOPP", reason="resolution logic: fr NER tags the apposed name 'Bobi Wine' MISC, not PER, so it never joins the role chunk and 'M. Wine' is unknown"),
    C("fr", "Le général nigérien Salifou Mody a été reçu à Bamako. "
            "M. Mody a salué la coopération entre les deux pays.", "M. Mody", "NERMIL"),
    # --- pronouns after a person subject
    C("fr", "Le président kényan William Ruto a affirmé qu'il ne céderait pas aux manifestants.", "il", "KENGOV"),
    C("fr", "La Première ministre danoise a assuré qu'elle soutiendrait Kiev jusqu'au bout.", "elle", "DNKGOV"),
    C("fr", "Le ministre brésilien des Finances a présenté le budget. Il a promis de réduire le déficit.", "Il", "BRAGOV"),
    # --- "les deux pays" and "son pays"
    C("fr", "La Chine et l'Inde ont repris leurs pourparlers frontaliers. Les deux pays veulent apaiser les tensions.",
      "deux pays", "IND"),
    C("fr", "La Chine et l'Inde ont repris leurs pourparlers frontaliers. Les deux pays veulent apaiser les tensions.",
      "deux pays", "CHN"),
    C("fr", "L'Éthiopie et la Somalie ont signé une déclaration à Ankara. Les deux pays renouent le dialogue.",
      "deux pays", "SOM"),
    C("fr", "Le président ivoirien a déclaré que son pays ne céderait à aucune pression.", "son pays", "CIV"),
    C("fr", "Le ministre algérien des Affaires étrangères a estimé que son pays avait été trahi.", "son pays", "DZA"),
    # --- negatives: the mention must not become an actor
    X("fr", "L'accord de Paris sur le climat a été signé en 2015.", "Paris", None, reason="resolution logic: capital metonyms are coded with no context check; 'accord de Paris' (a treaty name) becomes FRAGOV"),
    C("fr", "La grève générale a paralysé les transports publics.", "générale", None),
    C("fr", "Le marché européen de l'électricité reste très volatil.", "européen", None),
    C("fr", "Jean Dupont, 54 ans, a été retrouvé sain et sauf.", "Jean Dupont", None),
    C("fr", "Maurice Ravel a composé le Boléro en 1928.", "Maurice", None),
    C("fr", "Un homme a été interpellé devant la gare.", "Un", None),
    C("fr", "Elle a été inaugurée en 1889 pour l'Exposition universelle.", "Elle", None),
    C("fr", "Le touriste a regagné son pays après trois semaines.", "son pays", None),
    C("fr", "Les deux pays ont signé un accord de libre-échange.", "deux pays", None),
    C("fr", "L'Amérique latine fait face à une sécheresse historique.", "Amérique latine", None),
    C("fr", "Il pleuvait à verse sur Bruxelles ce matin-là.", "Bruxelles", None),
    C("fr", "Le président du club a limogé l'entraîneur après la défaite.", "président du club", None),
    C("fr", "Les pays occidentaux ont salué la libération du prisonnier.", "occidentaux", None),
    C("fr", "La porte-avions a été mise en cale sèche, a précisé M. Bernard.", "M. Bernard", None),
    C("fr", "La Fête de la musique a attiré des milliers de personnes.", "Fête", None),
]

# --------------------------------------------------------------------------- English cases

EN = [
    # --- country names
    C("en", "China rejected the accusations of cyber espionage on Monday.", "China", "CHN"),
    C("en", "The United States announced new sanctions on Iran.", "United States", "USA"),
    C("en", "The United States announced new sanctions on Iran.", "Iran", "IRN"),
    C("en", "The US imposed tariffs on Canadian steel.", "US", "USA"),
    C("en", "The U.S. and Japan signed a defense pact.", "U.S.", "USA"),
    C("en", "The U.S. and Japan signed a defense pact.", "Japan", "JPN"),
    C("en", "Britain summoned the Russian ambassador.", "Britain", "GBR"),
    C("en", "The UK will send more troops to Estonia.", "UK", "GBR"),
    C("en", "The Democratic Republic of the Congo accused Rwanda of backing the rebellion.",
      "Democratic Republic of the Congo", "COD"),
    C("en", "The Democratic Republic of the Congo accused Rwanda of backing the rebellion.", "Rwanda", "RWA"),
    C("en", "The DRC recalled its ambassador from Kigali.", "DRC", "COD"),
    C("en", "Ivory Coast closed its northern border.", "Ivory Coast", "CIV"),
    C("en", "North Korea fired a ballistic missile into the sea.", "North Korea", "PRK"),
    C("en", "South Korea condemned the launch.", "South Korea", "KOR"),
    C("en", "Saudi Arabia restored ties with Syria.", "Saudi Arabia", "SAU"),
    C("en", "Burkina Faso announced its withdrawal from ECOWAS.", "Burkina Faso", "BFA"),
    C("en", "The United Arab Emirates offered to mediate.", "United Arab Emirates", "ARE"),
    C("en", "South Sudan postponed the elections again.", "South Sudan", "SSD"),
    C("en", "Russia expelled two Moldovan diplomats.", "Russia", "RUS"),
    C("en", "Niger revoked the military cooperation agreement.", "Niger", "NER"),
    C("en", "Nigeria temporarily closed its border with Benin.", "Nigeria", "NGA"),
    C("en", "The Netherlands halted exports of fighter jet parts.", "Netherlands", "NLD"),
    C("en", "New Zealand condemned the nuclear test.", "New Zealand", "NZL"),
    C("en", "Turkey blocked Sweden's accession for months.", "Turkey", "TUR"),
    C("en", "Turkey blocked Sweden's accession for months.", "Sweden", "SWE"),
    C("en", "Taiwan detected warships near its coast.", "Taiwan", "TWN"),
    C("en", "South Africa filed a case at the International Court of Justice.", "South Africa", "ZAF"),
    C("en", "Venezuela claimed the Essequibo region from Guyana.", "Venezuela", "VEN"),
    C("en", "Venezuela claimed the Essequibo region from Guyana.", "Guyana", "GUY"),
    C("en", "America will not abandon its allies, the senator said.", "America", "USA"),
    C("en", "Germany pledged additional air defense systems.", "Germany", "DEU"),
    C("en", "Israel struck several targets in southern Lebanon overnight.", "Israel", "ISR"),
    C("en", "Central African Republic welcomed new foreign instructors.", "Central African Republic", "CAF"),
    C("en", "Haiti requested urgent international assistance.", "Haiti", "HTI"),
    # --- nationality adjectives + roles
    C("en", "The Russian foreign minister met his Turkish counterpart.", "Russian foreign minister", "RUSGOV"),
    C("en", "The Russian foreign minister met his Turkish counterpart.", "Turkish counterpart", "TURGOV"),
    C("en", "French soldiers left the base in Gao.", "French soldiers", "FRAMIL"),
    C("en", "Kenyan police fired tear gas at protesters.", "Kenyan police", "KENCOP"),
    C("en", "The Chinese coast guard used water cannon against a Philippine vessel.", "Chinese coast guard", "CHNCOP"),
    C("en", "Israeli troops raided the Jenin refugee camp.", "Israeli troops", "ISRMIL"),
    C("en", "Ukrainian lawmakers approved the mobilisation bill.", "Ukrainian lawmakers", "UKRLEG"),
    C("en", "Ukrainian forces repelled an attack near Kupiansk.", "Ukrainian forces", "UKRMIL"),
    C("en", "Russian troops captured the village.", "Russian troops", "RUSMIL"),
    C("en", "Chinese authorities detained a Japanese national.", "Chinese authorities", "CHNGOV"),
    C("en", "The Malian government suspended the activities of political parties.", "Malian government", "MLIGOV"),
    C("en", "British lawmakers passed the bill.", "British lawmakers", "GBRLEG"),
    C("en", "The Mexican president responded to the tariff threats.", "Mexican president", "MEXGOV"),
    C("en", "The US Navy intercepted drones over the Red Sea.", "US Navy", "USAMIL"),
    C("en", "Georgian protesters again blocked the main avenue.", "Georgian protesters", "GEOCVL"),
    C("en", "Polish judges denounced a reform that threatens their independence.", "Polish judges", "POLJUD"),
    C("en", "The Venezuelan opposition claimed victory.", "Venezuelan opposition", "VENOPP"),
    C("en", "Bangladeshi students continued their protest movement.", "Bangladeshi students", "BGDEDU"),
    C("en", "Several Palestinian journalists were killed in Gaza.", "Palestinian journalists", "PSEMED"),
    C("en", "Sudanese refugees are pouring into Chad.", "Sudanese refugees", "SDNREF"),
    C("en", "South African unions called a national strike.", "South African unions", "ZAFLAB"),
    C("en", "The Indian prime minister inaugurated a temple in Ayodhya.", "Indian prime minister", "INDGOV"),
    C("en", "Turkish intelligence arrested seven suspects.", "Turkish intelligence", "TURSPY"),
    C("en", "French farmers blocked several motorways.", "French farmers", "FRAAGR"),
    C("en", "The Hungarian parliament ratified Sweden's accession.", "Hungarian parliament", "HUNLEG"),
    C("en", "Malian soldiers were killed in an ambush.", "Malian soldiers", "MLIMIL"),
    C("en", "Ivorian authorities denied any involvement.", "Ivorian authorities", "CIVGOV"),
    C("en", "Colombian rebels freed two hostages.", "Colombian rebels", "COLREB"),
    C("en", "The Brazilian Supreme Court ordered the suspension of the social network.",
      "Brazilian Supreme Court", "BRAJUD"),
    C("en", "The Senegalese president dissolved the National Assembly.", "Senegalese president", "SENGOV"),
    C("en", "Congolese police arrested several protesters.", "Congolese police", "CODCOP"),
    C("en", "Iranian media reported the commander's death.", "Iranian media", "IRNMED"),
    C("en", "A Russian court sentenced the American journalist to 16 years.", "Russian court", "RUSJUD"),
    C("en", "A Russian court sentenced the American journalist to 16 years.", "American journalist", "USAMED"),
    C("en", "US senators blocked the military aid package.", "US senators", "USALEG"),
    C("en", "Afghan insurgents attacked a police checkpoint.", "Afghan insurgents", "AFGINS"),
    C("en", "The Algerian army chief of staff travelled to Moscow.", "Algerian army", "DZAMIL"),
    C("en", "German companies cut their investments in China.", "German companies", "DEUBUS"),
    C("en", "Cameroonian teachers have been on strike for two weeks.", "Cameroonian teachers", "CMREDU"),
    C("en", "French prosecutors opened a corruption investigation.", "French prosecutors", "FRAJUD"),
    C("en", "The Israeli military said three soldiers were killed.", "Israeli military", "ISRMIL"),
    C("en", "Pakistani security forces killed six militants.", "Pakistani security forces", "PAKCOP"),
    C("en", "Nigerian lawmakers summoned the central bank governor.", "Nigerian lawmakers", "NGALEG"),
    C("en", "An Italian diplomat said the deal was close.", "Italian diplomat", "ITAGOV"),
    C("en", "Displaced Congolese families lack clean water in the camps.", "Congolese families", "CODCVL"),
    # --- portfolios
    C("en", "The German defence minister promised more tanks.", "German defence minister", "DEUMIL"),
    C("en", "The French defense minister visited Djibouti.", "French defense minister", "FRAMIL"),
    C("en", "Nigeria's finance minister presented the budget.", "Nigeria's finance minister", "NGAGOV"),
    C("en", "Tunisia's interior minister was dismissed.", "Tunisia's interior minister", "TUNGOV"),
    C("en", "The foreign minister of Iran is expected in Beirut.", "foreign minister of Iran", "IRNGOV"),
    C("en", "The president of Russia signed the decree.", "president of Russia", "RUSGOV"),
    C("en", "Japan's defense minister visited the base.", "Japan's defense minister", "JPNMIL"),
    C("en", "Colombia's justice minister resigned.", "Colombia's justice minister", "COLGOV"),
    C("en", "The Saudi defense ministry said the drones were intercepted.", "Saudi defense ministry", "SAUMIL"),
    # --- demonyms
    C("en", "The Russians retook the village.", "Russians", "RUS"),
    C("en", "The Ukrainians destroyed a landing ship.", "Ukrainians", "UKR"),
    C("en", "The Americans proposed a new ceasefire plan.", "Americans", "USA"),
    C("en", "Israelis and Palestinians will resume talks in Cairo.", "Israelis", "ISR"),
    C("en", "Israelis and Palestinians will resume talks in Cairo.", "Palestinians", "PSE"),
    C("en", "The Iranians rejected the European proposal.", "Iranians", "IRN"),
    # --- capitals and seats of power
    C("en", "Moscow denied any involvement in the attack.", "Moscow", "RUSGOV"),
    C("en", "Washington welcomed the release of the hostages.", "Washington", "USAGOV"),
    C("en", "The Kremlin called the accusations absurd.", "Kremlin", "RUSGOV"),
    C("en", "The White House confirmed the chancellor's visit.", "White House", "USAGOV"),
    C("en", "Downing Street declined to comment on the reports.", "Downing Street", "GBRGOV"),
    C("en", "The Elysee announced an imminent reshuffle.", "Elysee", "FRAGOV"),
    C("en", "The Pentagon announced the deployment of an aircraft carrier.", "Pentagon", "USAMIL"),
    C("en", "Beijing denounced interference in its internal affairs.", "Beijing", "CHNGOV"),
    C("en", "Tehran threatened to retaliate.", "Tehran", "IRNGOV"),
    C("en", "Kinshasa accuses Kigali of plundering its mineral resources.", "Kinshasa", "CODGOV"),
    C("en", "Kinshasa accuses Kigali of plundering its mineral resources.", "Kigali", "RWAGOV"),
    C("en", "Bamako expelled the French ambassador.", "Bamako", "MLIGOV"),
    C("en", "Ankara summoned the Swedish charge d'affaires.", "Ankara", "TURGOV"),
    C("en", "Kyiv received its first F-16 fighter jets.", "Kyiv", "UKRGOV"),
    C("en", "Capitol Hill is divided over the aid package.", "Capitol Hill", "USALEG"),
    # --- roles of many types
    C("en", "The opposition called for a boycott of the vote in Togo.", "opposition", "---OPP"),
    C("en", "Rebels seized control of the city of Goma.", "Rebels", "---REB"),
    C("en", "The parliament of Georgia passed the foreign influence law.", "parliament of Georgia", "GEOLEG"),
    C("en", "Hong Kong police arrested six activists.", "Hong Kong police", "HKGCOP"),
    C("en", "Unions called another day of strikes.", "Unions", "---LAB"),
    C("en", "Aid groups denounced the conditions in detention centres.", "Aid groups", "---NGO"),
    C("en", "Rohingya refugees landed in Indonesia.", "refugees", "MMRREF"),
    C("en", "The Knesset passed the judicial overhaul in a first reading.", "Knesset", "ISRLEG"),
    C("en", "The Mossad was tasked with leading the investigation.", "Mossad", "ISRSPY"),
    C("en", "The FBI arrested a suspect in Michigan.", "FBI", "USACOP"),
    C("en", "The Duma passed a law on foreign agents.", "Duma", "RUSLEG"),
    C("en", "Judges ordered the release of the detained journalists.", "Judges", "---JUD"),
    # --- IGOs and NGOs
    C("en", "The UN called for an immediate ceasefire.", "UN", "IGOUNO"),
    C("en", "The United Nations suspended its humanitarian operations.", "United Nations", "IGOUNO"),
    C("en", "The Security Council adopted a resolution on Sudan.", "Security Council", "IGOUNO"),
    C("en", "The EU adopted a 14th package of sanctions.", "EU", "IGOEUR"),
    C("en", "The European Union unlocked 50 billion euros in aid.", "European Union", "IGOEUR"),
    C("en", "The European Commission opened an investigation into TikTok.", "European Commission", "IGOEUR"),
    C("en", "NATO reinforced its eastern flank.", "NATO", "IGONAT"),
    C("en", "The African Union suspended Gabon.", "African Union", "IGOAFU"),
    C("en", "ECOWAS lifted sanctions on Niger.", "ECOWAS", "IGOWAS"),
    C("en", "The SCO will hold its annual summit in Astana.", "SCO", "IGOSCO"),
    C("en", "The BRICS welcomed five new members.", "BRICS", "IGOBRI"),
    C("en", "The G20 pledged to tax the super-rich.", "G20", "IGOG20"),
    C("en", "The IMF approved a $3 billion loan.", "IMF", "IGOIMF"),
    C("en", "The ICC issued an arrest warrant for the leader.", "ICC", "IGOICC"),
    C("en", "The IAEA is worried about safety at the Zaporizhzhia plant.", "IAEA", "IGOUNOIAE"),
    C("en", "The World Bank cut its growth forecasts.", "World Bank", "IGOWBK"),
    C("en", "The World Health Organization declared the end of the emergency.",
      "World Health Organization", "IGOUNOWHO"),
    C("en", "UN peacekeepers came under fire in southern Lebanon.", "UN peacekeepers", "IGOUNOMIL"),
    C("en", "The European Parliament approved the migration pact.", "European Parliament", "IGOEURLEG"),
    C("en", "The ICRC facilitated the prisoner exchange.", "ICRC", "IGOIRC"),
    C("en", "Human Rights Watch documented extrajudicial killings.", "Human Rights Watch", "NGOHRW"),
    C("en", "Doctors Without Borders evacuated its staff from the hospital.", "Doctors Without Borders", "NGOMSF"),
    C("en", "The Arab League readmitted Syria.", "Arab League", "IGOARL"),
    C("en", "OPEC decided to extend its production cuts.", "OPEC", "IGOOPC"),
    C("en", "The UN nuclear watchdog said inspectors had been denied access.", "UN nuclear watchdog", "IGOUNOIAE"),
    # --- armed groups
    C("en", "Hamas released four Israeli hostages.", "Hamas", "PSEREB"),
    C("en", "Hezbollah fired rockets at northern Israel.", "Hezbollah", "LBNREB"),
    C("en", "Boko Haram abducted more than 200 pupils.", "Boko Haram", "NGAREB"),
    C("en", "Al-Shabaab attacked a military base near Mogadishu.", "Al-Shabaab", "SOMREB"),
    C("en", "The M23 seized the mining town of Rubaya.", "M23", "CODREB"),
    C("en", "The Taliban barred women from universities.", "Taliban", "AFGREB"),
    C("en", "The Islamic State group claimed the attack.", "Islamic State", "IMGMUSISI"),
    C("en", "ISIS claimed responsibility for the concert hall attack.", "ISIS", "IMGMUSISI"),
    C("en", "The Houthis targeted a cargo ship in the Red Sea.", "Houthis", "YEMREB"),
    C("en", "The Wagner Group recruited prisoners.", "Wagner Group", "RUSUAF"),
    C("en", "The Rapid Support Forces seized El Fasher.", "Rapid Support Forces", "SDNREB"),
    C("en", "The PKK announced its dissolution.", "PKK", "TURREB"),
    C("en", "The ADF killed about forty civilians in Ituri.", "ADF", "UGAREB"),
    C("en", "Al-Qaeda in the Arabian Peninsula claimed the drone strike.",
      "Al-Qaeda in the Arabian Peninsula", "YEMREB"),
    # --- office holders by date
    C("en", "Emmanuel Macron met union leaders at the Elysee.", "Emmanuel Macron", "FRAGOV", date(2019, 5, 1)),
    C("en", "Dmitry Medvedev signed the police reform law.", "Dmitry Medvedev", "RUSGOV", date(2010, 6, 1)),
    C("en", "Vladimir Putin ordered nuclear drills.", "Vladimir Putin", "RUSGOV"),
    C("en", "Xi Jinping called for peaceful reunification.", "Xi Jinping", "CHNGOV"),
    C("en", "Volodymyr Zelensky dismissed the army chief.", "Volodymyr Zelensky", "UKRGOV"),
    C("en", "Sergei Lavrov accused the West of prolonging the war.", "Sergei Lavrov", "RUSGOV"),
    C("en", "Sergei Shoigu inspected troops in the Zaporizhzhia region.", "Sergei Shoigu", "RUSMIL", date(2023, 6, 1)),
    C("en", "Antony Blinken arrived in Tel Aviv.", "Antony Blinken", "USAGOV"),
    C("en", "Lloyd Austin announced a new aid package.", "Lloyd Austin", "USAMIL"),
    C("en", "Benjamin Netanyahu rejected a Palestinian state.", "Benjamin Netanyahu", "ISRGOV"),
    C("en", "Antonio Guterres urged restraint.", "Antonio Guterres", "IGOUNO"),
    C("en", "Mark Rutte welcomed the new defence spending target.", "Mark Rutte", "IGONAT", date(2025, 6, 25)),
    C("en", "Barack Obama met the Cuban leader in Havana.", "Barack Obama", "USAGOV", date(2016, 3, 21)),
    C("en", "Donald Trump signed an executive order on tariffs.", "Donald Trump", "USAGOV", date(2025, 4, 2)),
    C("en", "Boris Johnson resigned as foreign secretary.", "Boris Johnson", "GBRGOV", date(2018, 7, 9)),
    C("en", "Rishi Sunak called a snap election.", "Rishi Sunak", "GBRGOV", date(2024, 5, 22)),
    C("en", "Keir Starmer hosted European leaders in London.", "Keir Starmer", "GBRGOV", date(2025, 3, 2)),
    C("en", "Olaf Scholz ruled out sending Taurus missiles.", "Olaf Scholz", "DEUGOV"),
    C("en", "Nicolas Sarkozy lost his appeal.", "Nicolas Sarkozy", "FRA"),
    # --- people introduced with a role, then "Mr/Ms X" in a later sentence
    C("en", "Senegal's foreign minister, Cheikh Niang, received his counterpart. "
            "Mr Niang called for an end to the crisis.", "Mr Niang", "SENGOV"),
    C("en", "The Sudanese army spokesman, Nabil Abdallah, denied the report. "
            "According to Mr Abdallah, the fighting has stopped.", "Mr Abdallah", "SDNMIL"),
    C("en", "Kenyan President William Ruto arrived in Addis Ababa. "
            "Mr Ruto met the Ethiopian prime minister.", "Mr Ruto", "KENGOV"),
    C("en", "Ugandan opposition leader Bobi Wine was arrested on Tuesday. "
            "Mr Wine denounced police brutality.", "Mr Wine", "UGAOPP"),
    C("en", "Tanzanian opposition lawmaker Amina Saidi was detained. "
            "Ms Saidi said the charges were politically motivated.", "Ms Saidi", "TZALEG"),
    # Salifou Mody is in people.tsv (Niger's defence minister since 2023), so the name resolves
    # even though the English roles lack the rank 'General'
    C("en", "Nigerien General Salifou Mody was received in Bamako. "
            "Mr. Mody praised cooperation between the juntas.", "Mr. Mody", "NERMIL"),
    C("en", "Russian President Vladimir Putin received the Chinese leader in the Kremlin. "
            "Mr Putin praised a friendship without limits.", "Mr Putin", "RUSGOV"),
    X("en", "French lawmaker Sophie Marchal was assaulted in Lille. "
            "Ms Marchal filed a complaint that evening.", "Ms Marchal", "FRALEG", reason="resolution logic: en NER tags 'Sophie Marchal' ORG, not PER, so the name never joins 'French lawmaker' and 'Ms Marchal' is unknown"),
    C("en", "Kenyan President William Ruto arrived in Addis Ababa. "
            "He met the Ethiopian prime minister.", "He", "KENGOV"),
    C("en", "Three attackers were killed, the Nigerian army said.", "Nigerian army", "NGAMIL"),
    # --- pronouns after a person subject
    C("en", "Kenyan President William Ruto said he would not bow to the protesters.", "he", "KENGOV"),
    C("en", "The Danish prime minister said she would back Kyiv to the end.", "she", "DNKGOV"),
    X("en", "Brazil's finance minister presented the budget. He promised to cut the deficit.", "He", "BRAGOV", reason='resolution logic: only a named person (person/name-run/title-ref atom) is remembered as the antecedent of a pronoun in the next sentence; an unnamed office holder is not'),
    # --- "both countries" and "his country"
    C("en", "China and India resumed border talks. Both countries want to ease tensions.", "Both countries", "IND"),
    C("en", "China and India resumed border talks. Both countries want to ease tensions.", "Both countries", "CHN"),
    C("en", "Ethiopia and Somalia signed a declaration in Ankara. The two countries agreed to resume dialogue.",
      "two countries", "SOM"),
    C("en", "The Ivorian president said his country would not yield to pressure.", "his country", "CIV"),
    C("en", "Algeria's foreign minister said his country had been betrayed.", "his country", "DZA"),
    # --- negatives
    C("en", "Tell us what happened, the witness told reporters.", "us", None),
    X("en", "The Paris Agreement aims to limit global warming.", "Paris", None, reason="resolution logic: capital metonyms are coded with no context check; 'Paris Agreement' becomes FRAGOV"),
    C("en", "The general strike shut down the ports.", "general", None),
    C("en", "The Union Jack flew over the stadium.", "Union", None),
    C("en", "European markets fell sharply on Monday.", "European", None),
    C("en", "Western diplomats said the talks had stalled.", "Western", None),
    C("en", "John Miller, 54, was found safe and well.", "John Miller", None),
    C("en", "Michael Jordan scored 40 points that night.", "Jordan", None),
    C("en", "Millions of families eat turkey at Thanksgiving.", "turkey", None),
    C("en", "The fire spread quickly through the dry bush.", "bush", None),
    C("en", "Prices rose sharply in May.", "May", None),
    C("en", "Mr Smith declined to comment.", "Mr Smith", None),
    C("en", "He scored twice in the second half.", "He", None),
    C("en", "Trees line both sides of the road.", "both sides", None),
    C("en", "The tourist returned to his country after three weeks.", "his country", None),
    C("en", "Chad Smith played drums on the record.", "Chad", None),
    # geographic names that contain a country's name are 'geo' rows in countries.tsv, never actors
    C("en", "Tensions are rising in the South China Sea.", "China", None),
    C("fr", "Un navire a été arraisonné dans le golfe de Guinée.", "Guinée", None),
    # an institution's one-word name right after a preposition, with no article, is a town
    C("fr", "Un immeuble résidentiel de Douma a été touché par une frappe.", "Douma", None),
    C("fr", "Le président de la Douma a dénoncé les sanctions.", "président de la Douma", "RUSLEG"),
]


def normalise(code: str | None) -> str | None:
    if code is None:
        return None
    return code if code.startswith(("IGO", "NGO", "IMG")) else code[:6]


@pytest.mark.parametrize("lang,text,mention,expected,on", FR + EN)
def test_actor_case(parser, lang, text, mention, expected, on):
    found = actors_in(parser, text, lang, on or DEFAULT_DAY)
    matching = [(t, c) for t, c in found if mention.casefold() in t.casefold()]
    if expected is None:
        assert not matching, f"{mention!r} should not be an actor; got {found}"
        return
    codes = [normalise(c) for _, c in matching]
    assert normalise(expected) in codes, f"{mention!r}: expected {expected}; got {found}"


def test_case_counts():
    cases = FR + EN
    assert len(cases) >= 320
    langs = [c.values[0] if hasattr(c, "values") else c[0] for c in cases]
    assert abs(langs.count("fr") - langs.count("en")) <= 0.2 * len(cases)
    negatives = [c for c in cases if (c.values if hasattr(c, "values") else c)[3] is None]
    assert len(negatives) >= 20
