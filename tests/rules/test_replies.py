"""Spec for `reply.to-parent` (articles 1d/2d): the account does not answer parents."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from auditor.models import Category, Platform, Post, PostKind, Severity
from auditor.rules import replies
from auditor.rules.base import REGISTRY, Allow, RuleContext

CTX = RuleContext(
    school_name="OBS De Vlinderhof",
    account_handles=("@obsdevlinderhof", "OBS De Vlinderhof"),
    allow=Allow(
        organisations=("Kinderboerderij De Hooiberg", "@hetdorpsorkest"), names=("Femke Jansma",)
    ),
)


def reply(
    text: str,
    *,
    reply_to: str | None = None,
    platform: Platform = Platform.TWITTER,
    kind: PostKind = PostKind.REPLY,
    author_is_account: bool = True,
    reply_to_name: str | None = None,
) -> Post:
    return Post(
        platform,
        "r1",
        datetime(2025, 3, 1, tzinfo=UTC),
        text,
        kind=kind,
        reply_to=reply_to,
        reply_to_name=reply_to_name,
        author_is_account=author_is_account,
    )


def hits(post: Post) -> list:
    return list(replies.to_parent(post, CTX))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("@sandra_vos83 Goede vraag! De gymles begint om 8.45 uur.", "@sandra_vos83"),
        ("@papa_van_tim Ja, de musical is ook voor opa's en oma's 🎭", "@papa_van_tim"),
        ("@schoolmama_lies Dank voor de tip!", "@schoolmama_lies"),
        ("Hoi Esther, de luizencape mag gewoon aan de kapstok hangen.", "Esther"),
        ("Beste meneer De Wit, dank voor uw bericht over de parkeerplaats.", "meneer De Wit"),
        ("Dag mevrouw, de schoolfoto's komen volgende week.", "mevrouw"),
        ("Hallo Yasmina! Ja hoor, dat mag.", "Yasmina"),
    ],
)
def test_reply_to_a_private_person_is_flagged(text: str, value: str) -> None:
    [hit] = hits(reply(text))
    assert hit.value == value
    assert hit.span is not None and text[hit.span.start : hit.span.end] == value
    assert hit.kind == "reply"


def test_reply_without_a_named_target_is_still_flagged() -> None:
    [hit] = hits(reply("Goed dat u het meldt, we kijken er morgen naar."))
    assert hit.span is None
    assert hit.reason == "antwoord op een bericht van (vermoedelijk) een ouder"


def test_source_target_is_used_before_the_text() -> None:
    post = reply(
        "Dank u wel, we nemen contact op.", reply_to="Marco Peters", platform=Platform.FACEBOOK
    )
    [hit] = hits(post)
    assert hit.value == "Marco Peters"
    assert hit.span is None  # the name is not in the text


@pytest.mark.parametrize(
    "text",
    [
        "@gemeente_dalfsen Top dat het zebrapad er komt!",
        "@Bibliotheek_Oost Wat leuk, tot donderdag 📚",
        "@GGDTwente Dank voor de informatie over de griepprik.",
        "@Politie_Heino Dank voor de verkeersles!",
        "@vvdeRatten Wat een mooi toernooi was het!",
        "@BSO_deSchatkist Goed idee, we sturen de flyer door.",
        "@Plus_Mulder Bedankt voor het fruit!",
        "@juf_ineke Dank je wel voor al die jaren, we gaan je missen!",
        "@meesterhans Leuk dat je meeleest!",
        "@kees_1988 Ja, het schoolplein is nog hetzelfde als in jouw tijd, oud-leerling!",
        "Namens alle kinderen: dank jullie wel, Scouting De Bevers, voor de speurtocht!",
        "Dank je wel, Henk! Leuk dat je na al die jaren nog meeleest.",
        "Hoi juf Mirjam, wat lief dat je nog aan ons denkt!",
        "@obsdevlinderhof (2/2) De kleuters zijn om 12.00 uur uit.",
        "@HetDorpsorkest Wat speelden jullie mooi!",
        "@femke_jansma Dank voor je hulp bij de musical!",
    ],
)
def test_replies_to_organisations_staff_and_self_are_fine(text: str) -> None:
    assert hits(reply(text)) == []


def test_allow_listed_organisation_name_matches_on_facebook() -> None:
    post = reply(
        "Dank voor de rondleiding!",
        reply_to="Kinderboerderij De Hooiberg",
        platform=Platform.FACEBOOK,
    )
    assert hits(post) == []


@pytest.mark.parametrize(
    "post",
    [
        reply("@sandra_vos83 ja hoor", kind=PostKind.POST),
        reply("@sandra_vos83 ja hoor", kind=PostKind.SHARE),
        reply("Hoi! Mag mijn zoon ook mee?", kind=PostKind.COMMENT, author_is_account=False),
    ],
)
def test_posts_shares_and_others_comments_are_not_replies(post: Post) -> None:
    assert hits(post) == []


def test_comments_by_the_account_count_as_replies() -> None:
    assert len(hits(reply("Hoi Bram, dat klopt!", kind=PostKind.COMMENT))) == 1


def test_rule_is_registered_as_high_clause_d() -> None:
    registered = REGISTRY["reply.to-parent"]
    assert registered.category is Category.REPLY_TO_PARENT
    assert registered.clause == "d"
    assert registered.severity is Severity.HIGH
    assert "Flagged:" in registered.doc and "Fine:" in registered.doc


def test_organisation_words_are_plain_data() -> None:
    assert "gemeente" in replies.reply_words().organisation
    assert all(word == word.lower() for word in replies.reply_words().organisation)


@pytest.mark.parametrize(
    "text",
    [
        "@sportcentrum_oost Dank voor het lenen van de matten!",
        "@jgz_noordwest Dank voor de voorlichting over slapen.",
        "@kdvdeknuffel Goed idee, we hangen de poster op.",
        "Beste medewerkers van het natuurmuseum, dank voor de rondleiding!",
        "Hoi collega, wat fijn dat je het lied hebt vertaald!",
    ],
)
def test_replies_to_organisations_and_colleagues_by_their_words_are_fine(text: str) -> None:
    assert hits(reply(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Hoi allebei, de gymtas mag op vrijdag mee naar huis.",
        "Beste mama van Sem, dank voor uw vraag!",
        "@sportmama_anja Ja hoor, de sportdag gaat door!",
    ],
)
def test_parents_greeted_in_lower_case_are_still_flagged(text: str) -> None:
    assert len(hits(reply(text))) == 1


@pytest.mark.parametrize(
    "text",
    [
        "@voedselbank013 Graag gedaan! Volgend jaar staat de krat er weer.",
        "@buurtbus_gulpen Bedankt voor het vervoer naar het zwembad!",
        "@OBA_Noord Graag! Tot de volgende keer 📚",
        "@TilburgscheCourant Dank voor het mooie stuk over ons schoolplein!",
        "Dank jullie wel, bibliotheek! De kinderen hebben genoten.",
    ],
)
def test_a_reply_to_an_organisation_read_as_the_personal_data_rule_reads_it_is_fine(
    text: str,
) -> None:
    assert hits(reply(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Lieve Gerard, na 38 jaar voor de klas is het tijd voor jou. Dank voor alles, collega!",
        "Beste buurman, bedankt dat u de ballen weer over het hek gooide!",
        "Moi noaber, bedankt dat we uw weiland mochten gebruiken voor de sportdag!",
        "Beste dominee, dank voor de mooie kerstviering in de kerk.",
        "@opa_sietse Wat leuk dat u de oude klassenfoto uit 1968 heeft gedeeld!",
        "@OudeBuurvrouw010 Wat leuk dat u vroeger zelf bij ons op school zat!",
        "Dank voor uw melding! We vragen de aannemer later te beginnen. Excuses voor de overlast.",
    ],
)
def test_a_reply_whose_words_show_no_parent_is_fine(text: str) -> None:
    assert hits(reply(text)) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("@MarcoDeVries85 Dank voor uw vraag! De gymles begint om 8.45 uur.", "@MarcoDeVries85"),
        ("@mama_van_drie Ja hoor, broertjes mogen mee naar de musical!", "@mama_van_drie"),
        ("Hoi Esra, de ouderavond is op donderdag. Ik geef het door aan je collega!", "Esra"),
        ("@saskia_tilburg Wat vervelend dat uw zoon zijn jas kwijt is.", "@saskia_tilburg"),
    ],
)
def test_a_parent_stays_a_parent_beside_those_cues(text: str, value: str) -> None:
    assert [h.value for h in hits(reply(text))] == [value]


@pytest.mark.parametrize("name", ["Kees Bakker", "Ellen Slager", "Marloes de Wit"])
def test_a_named_person_whose_surname_is_a_trade_is_still_a_person(name: str) -> None:
    assert hits(reply("Dank je wel! De foto's staan ook in Parro.", reply_to_name=name)) != []


@pytest.mark.parametrize(
    "text",
    [
        "@natuurmonumenten Dank jullie wel voor de boswandeling!",
        "@dekinderboerderij_ Wat leuk dat we bij jullie mochten komen kijken!",
        "Dank jullie wel, Natuurmonumenten! De kinderen hebben genoten.",
    ],
)
def test_a_reply_that_says_jullie_to_no_named_person_answers_a_group(text: str) -> None:
    assert hits(reply(text)) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Hoi Marloes, fijn dat jullie erbij waren op de ouderavond!", "Marloes"),
        ("@mama_van_drie Dank jullie wel voor de taart!", "@mama_van_drie"),
        ("@ilse_dekker82 Wat fijn dat jullie komen helpen!", "@ilse_dekker82"),
    ],
)
def test_jullie_to_a_named_person_or_a_parent_handle_is_still_a_parent(
    text: str, value: str
) -> None:
    assert [h.value for h in hits(reply(text))] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Bêste Sjoukje, tige tank foar dyn fraach! De gymles is op tiisdei.", "Sjoukje"),
        ("Goeiemoarn Tsjalling, it rapport komt freed mei nei hûs.", "Tsjalling"),
    ],
)
def test_a_frisian_greeting_names_the_parent_answered(text: str, value: str) -> None:
    assert [h.value for h in hits(reply(text))] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "Bêste Doarpshûs De Pleats, tige tank foar de moaie middei!",
        "Bêste biblioteek Tytsjerk, wat hawwe de bern genoaten!",
    ],
)
def test_a_frisian_greeting_of_an_organisation_is_fine(text: str) -> None:
    assert hits(reply(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Tige tank foar de moaie útstalling, wat hawwe jimme dat moai dien!",
        "Wat fijn dat jullie er waren!",
    ],
)
def test_a_reply_to_no_one_named_that_says_jullie_answers_a_group(text: str) -> None:
    assert hits(reply(text)) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Ilona Visscher dank je wel! Het lokaal is naast de speelzaal.", "Ilona Visscher"),
        ("Ruud Hazelhoff vervelend dat de brief bij jullie te laat kwam.", "Ruud Hazelhoff"),
        ("Anouschka van der Ploeg, u heeft gelijk: bestellen is niet verplicht.",
         "Anouschka van der Ploeg"),
        ("Brecht ja hoor, de fietsen mogen morgen mee.", "Brecht"),
    ],
)  # fmt: skip
def test_a_facebook_comment_reply_opening_with_a_tagged_parent_is_flagged(
    text: str, value: str
) -> None:
    [hit] = hits(reply(text, platform=Platform.FACEBOOK, kind=PostKind.COMMENT))
    assert hit.value == value


@pytest.mark.parametrize(
    "text",
    [
        "VV Emmen bedankt voor de voetbalclinic, wat een feest!",
        "BSO 't Kabouterhuis fijn dat jullie de kleuters bij het hek opvangen.",
        "Kinderopvang Kindkracht dank voor het delen, ouders kunnen jullie bellen.",
        "Juf Annelies dank je wel voor het regelen van de bus!",
        "HFC Haarlem bedankt voor de voetbalclinic op het schoolplein!",
    ],
)
def test_a_facebook_comment_reply_tagging_an_organisation_or_colleague_is_fine(
    text: str,
) -> None:
    assert hits(reply(text, platform=Platform.FACEBOOK, kind=PostKind.COMMENT)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Juf Annelies heeft uw vraag doorgestuurd. Fijn dat u het meldt!",
        "Juf Annelies en meester Bram kijken morgen naar de fietsenrekken.",
    ],
)
def test_a_tagged_name_that_is_the_subject_is_not_the_target(text: str) -> None:
    [hit] = hits(reply(text, platform=Platform.FACEBOOK, kind=PostKind.COMMENT))
    assert hit.value == ""  # no target read: still a reply to a parent


@pytest.mark.parametrize(
    "text",
    [
        "@omavanlieke wat leuk dat u bij de grootouderochtend was!",
        "@opavansem dank u wel voor het repareren van de skelters!",
        "@buurvrouwvanschool sorry voor de ballen in uw tuin!",
        "@bewoner_kleverlaan excuses voor de drukte bij het halen en brengen.",
    ],
)
def test_a_handle_of_a_grandparent_or_neighbour_of_someone_is_no_parent(text: str) -> None:
    assert hits(reply(text)) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("@GKuiper beste meneer Kuiper, we hebben uw melding doorgegeven.", "@GKuiper"),
        ("@H_Lanting we begrijpen uw zorg, de bus vertrekt om 8.30 uur.", "@H_Lanting"),
    ],
)
def test_a_handle_of_initials_and_a_surname_is_a_person(text: str, value: str) -> None:
    [hit] = hits(reply(text))
    assert hit.value == value


@pytest.mark.parametrize(
    "text",
    [
        "@sem_vd_berg wat mooi dat je geslaagd bent voor je havo-examen, Sem!",
        "Lisanne Oosting wat leuk dat je nu zelf op de pabo zit!",
        "@jeanine_92 kom gerust vertellen over je eerste jaar op het Hunze College.",
        "@anouk_pruim_nieuws dank voor je interesse, de directeur is bereikbaar voor een "
        "interview.",
        "Merel Hoogland wat leuk dat je nu op de kunstacademie zit!",
        "Ruben Castelein dank voor het mooie stuk in de krant over onze moestuin!",
        "@bloedbank_zwolle fijn dat de bus er weer staat. Aanmelden kan via uw site.",
    ],
)
def test_a_former_pupil_the_press_or_a_body_with_a_website_is_no_parent(text: str) -> None:
    assert hits(reply(text, platform=Platform.FACEBOOK, kind=PostKind.COMMENT)) == []


@pytest.mark.parametrize(
    "text",
    [
        "@marloes_dk wat fijn dat je dochter naar het havo gaat!",
        "@marloes_dk je bent welkom op de kijkochtend van onze Montessorischool.",
    ],
)
def test_a_parent_told_of_a_school_is_still_a_parent(text: str) -> None:
    [hit] = hits(reply(text))
    assert hit.value == "@marloes_dk"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("@familiedijkstra dank jullie wel voor de taart!", "@familiedijkstra"),
        ("@fam_ozturk dank jullie wel voor het helpen!", "@fam_ozturk"),
        ("@gezin_devries jullie zijn van harte welkom!", "@gezin_devries"),
    ],
)
def test_a_family_answered_with_jullie_is_still_a_parent(text: str, value: str) -> None:
    [hit] = hits(reply(text))
    assert hit.value == value


@pytest.mark.parametrize(
    "text",
    [
        "Fijn dat je met het team meedeed, opa Gerrit! Tot volgend jaar.",
        "Dank voor het voorlezen, buurvrouw Ans!",
        "Wat leuk om te horen, Lotte! Heel veel succes in je eerste jaar op het Marianum.",
        "@lotte_lensink gefeliciteerd met je diploma! Wie had dat gedacht toen je hier in groep 3 "
        "zat.",
        "Welkom, Femke! Fijn dat je dit jaar je stage bij ons in groep 5 doet.",
        "Wat leuk dat u bij de opa- en omamiddag was! Volgend jaar weer.",
        "Wat een mooi verslag van onze speurtocht, dank voor het langskomen!",
    ],
)
def test_a_grandparent_former_pupil_intern_or_reporter_so_addressed_is_no_parent(
    text: str,
) -> None:
    assert hits(reply(text, platform=Platform.FACEBOOK, kind=PostKind.COMMENT)) == []


@pytest.mark.parametrize(
    "text",
    [
        "GGD Noord- en Oost-Gelderland dank voor de uitleg over hoofdluis op de ouderavond.",
        "Bedankt veur de mooie middag, CV De Kukelhaene! Alaaf!",
    ],
)
def test_a_body_with_a_compound_region_or_a_carnival_club_is_no_parent(text: str) -> None:
    assert hits(reply(text, platform=Platform.FACEBOOK, kind=PostKind.COMMENT)) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Annemiek te Winkel bedankt voor het melden!", "Annemiek te Winkel"),
        ("Ria de Winkel, bedankt voor uw bericht!", "Ria de Winkel"),
    ],
)
def test_a_surname_after_a_tussenvoegsel_that_is_a_trade_word_is_still_a_parent(
    text: str, value: str
) -> None:
    [hit] = hits(reply(text, platform=Platform.FACEBOOK, kind=PostKind.COMMENT))
    assert hit.value == value


STAFF_TEAM = "# ons team\nEsmee Rouwhorst\njuf Hanneke Tijink\nGert-Jan Klein Gunnewiek\n"
COLLEAGUE_REPLIES = [
    "Top gedaan, Esmee! De kinderen hebben genoten.",
    "@esmeerouwhorst wat een mooie foto's, dank je wel!",
    "Gert-Jan, dank voor je mooie toespraak bij de opening!",
    "Hoi Hanneke, de sleutel ligt bij de conciërge.",
]


@pytest.fixture
def school_with_a_team(tmp_path):
    from auditor.nlp.lexicon import use_school_lexicons

    folder = tmp_path / "onze-woorden"
    folder.mkdir()
    (folder / "staff_names.txt").write_text(STAFF_TEAM, encoding="utf-8")
    use_school_lexicons(folder)
    yield
    use_school_lexicons(None)


@pytest.mark.parametrize("text", COLLEAGUE_REPLIES)
def test_a_colleague_by_name_is_taken_for_a_parent_when_the_school_lists_no_staff(
    text: str,
) -> None:
    assert hits(reply(text, platform=Platform.FACEBOOK, kind=PostKind.COMMENT)) != []


@pytest.mark.parametrize("text", COLLEAGUE_REPLIES)
def test_a_reply_to_a_colleague_the_school_lists_is_no_reply_to_a_parent(
    school_with_a_team: None, text: str
) -> None:
    assert hits(reply(text, platform=Platform.FACEBOOK, kind=PostKind.COMMENT)) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Hoi Esmee Jansen, de gymtas ligt bij de conciërge.", "Esmee Jansen"),
        ("@esmee_jansen de gymtas ligt bij de conciërge.", "@esmee_jansen"),
        ("Top gedaan, Marloes! Dank voor het rijden.", "Marloes"),
    ],
)
def test_a_parent_who_is_not_on_the_staff_list_is_still_a_parent(
    school_with_a_team: None, text: str, value: str
) -> None:
    [hit] = hits(reply(text, platform=Platform.FACEBOOK, kind=PostKind.COMMENT))
    assert hit.value == value


@pytest.mark.parametrize(
    "text",
    [
        "Wat fijn om te horen dat jullie dochter het zo naar haar zin heeft in groep 3!",
        "Dank jullie wel! Jullie zoontje mag de knuffel morgen ophalen.",
    ],
)
def test_jullie_that_speaks_of_their_child_answers_parents(text: str) -> None:
    assert hits(reply(text, platform=Platform.FACEBOOK, kind=PostKind.COMMENT)) != []


@pytest.mark.parametrize(
    ("post", "value"),
    [
        (
            reply(
                "@sandra_vos83 ook nog: de gymles begint om 8.45 uur.", reply_to="obsdevlinderhof"
            ),
            "@sandra_vos83",
        ),
        (
            reply(
                "Hoi Marloes, de jas ligt bij de conciërge.",
                reply_to="OBS De Vlinderhof",
                platform=Platform.FACEBOOK,
                kind=PostKind.COMMENT,
            ),
            "Marloes",
        ),
    ],
)
def test_under_its_own_post_the_account_still_answers_whom_the_text_addresses(
    post: Post, value: str
) -> None:
    [hit] = hits(post)
    assert hit.value == value


@pytest.mark.parametrize(
    "post",
    [
        reply("(2/2) De kleuters zijn om 12.00 uur uit.", reply_to="obsdevlinderhof"),
        reply(
            "Foto's staan in Parro!",
            reply_to="OBS De Vlinderhof",
            platform=Platform.FACEBOOK,
            kind=PostKind.COMMENT,
        ),
    ],
)
def test_a_thread_or_a_note_under_its_own_post_that_addresses_no_one_is_fine(post: Post) -> None:
    assert hits(post) == []


def comment_hits(text: str) -> list:
    """What the rule finds in a Facebook comment the account wrote."""
    return hits(reply(text, platform=Platform.FACEBOOK, kind=PostKind.COMMENT))


@pytest.mark.parametrize(
    "text",
    [
        "Dank je wel Johan voor het sponsoren van de prijzen voor de sportdag!",
        "Dank je, Kim, voor de prachtige foto's van de kerstviering!",
        "Bedankt voor uw bezoek en de uitleg over het waterschap, meneer Dekker!",
        "Dank je wel, Truus, voor al die ochtenden in de schoolbieb!",
        "Dank je wel, Quincy, dat je de bus voor de excursie zo snel hebt geregeld!",
        "Jannie Brouwer jij ook bedankt voor het repareren van de skelters!",
    ],
)
def test_someone_thanked_first_for_a_deed_or_a_gift_for_the_school_is_no_parent(
    text: str,
) -> None:
    assert comment_hits(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Dank je wel Sanne voor het melden, de jas ligt bij de conciërge.",
        "Bedankt voor het doorgeven, Ilse! Beterschap voor Daan.",
        "Dank u wel voor het laten weten, we geven het door aan de juf.",
        "Dank je wel Petra voor het ziekmelden, beterschap!",
        "Dank u voor uw bericht, mevrouw Kaya. De gymles is op vrijdag.",
    ],
)
def test_thanks_for_a_message_still_answers_a_parent(text: str) -> None:
    assert comment_hits(text) != []


@pytest.mark.parametrize(
    "text",
    [
        "Dank je wel Sandra voor het bakken van de taart, je dochter was zo trots!",
        "Familie Yilmaz, dank jullie wel voor het helpen bij het kamp!",
        "Bedankt voor de mooie foto's, mama van Jip!",
    ],
)
def test_a_deed_thanked_with_their_child_or_as_a_family_still_answers_a_parent(
    text: str,
) -> None:
    assert comment_hits(text) != []


@pytest.mark.parametrize(
    "text",
    [
        "Gefeliciteerd met je zwemdiploma, Noor!! Knap hoor.",
        "haha dankjewel Daan! jij ook een fijne vakantie en tot na de zomer in groep 7 😎",
        "Wat knap, Bo! Morgen mag je het in de kring vertellen.",
    ],
)
def test_a_pupil_addressed_about_their_own_school_day_is_no_parent(text: str) -> None:
    assert comment_hits(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Leuk je weer te zien, Sara! Succes op het Zeldenrust College.",
        "@milan_kdk haha de musical van 2019 was legendarisch, succes op het mbo!",
        "@jorisdk wat gaaf dat je je havodiploma hebt gehaald! 🎓",
        "Lieve Annie, wat fijn dat je nog meeleest! De school mist je 💐",
        "@gerdawessels wat fijn dat je nog even langskwam op de laatste schooldag!",
    ],
)
def test_a_former_pupil_or_colleague_wished_well_or_missed_is_no_parent(text: str) -> None:
    assert hits(reply(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "@petravdm_bnde leuk dat je langskwam voor je artikel over de moestuin!",
        "Mooi stuk geworden, Ellen! Dank voor je komst.",
    ],
)
def test_the_press_spoken_to_about_its_piece_is_no_parent(text: str) -> None:
    assert comment_hits(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Dank je wel voor de fietscontrole! 🚲 Ouders: met de bon krijgt u € 5 korting.",
        "Graag gedaan! En ouders: bij de bakker is het deze week feest.",
        "@juflotte_maakt wat mooi geworden! ouders, kijk zeker even in de webshop.",
    ],
)
def test_a_reply_that_turns_to_the_parents_halfway_answers_no_parent(text: str) -> None:
    assert comment_hits(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Dank u wel voor de opening van het schoolplein, wethouder Van Damme!",
        "Wat een eer dat u kwam voorlezen, burgemeester Hendriks!",
    ],
)
def test_a_public_office_before_the_name_called_out_is_no_parent(text: str) -> None:
    assert comment_hits(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Wij vinden het ook jammer dat de gymzaal sluit, Ingrid. We houden jullie op de "
            "hoogte.",
            "Ingrid",
        ),
        ("dankjewel Marloes voor de tip over de fietsenrekken", "Marloes"),
    ],
)
def test_a_first_name_before_a_full_stop_or_after_opening_thanks_is_the_target(
    text: str, value: str
) -> None:
    [hit] = comment_hits(text)
    assert hit.value == value


@pytest.mark.parametrize(
    "text",
    [
        "Visserij Kramer & Zn., heel hartelijk bedankt voor de vis op de sportdag!",
        "@gem_dronten dank voor de info over de wegwerkzaamheden!",
        "@garagebakker dank voor de nieuwe fietsen voor het verkeersexamen!",
        "Dank je wel, Tweewielers Smit, voor de fietscontrole!",
    ],
)
def test_a_firm_or_municipality_by_its_name_or_handle_is_no_parent(text: str) -> None:
    assert comment_hits(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Dank voor de uitnodiging! We komen graag met groep 8 naar de raadszaal.",
        "Hartelijk dank voor jullie uitnodiging, groep 5 komt op 12 mei.",
    ],
)
def test_thanks_for_an_invitation_of_a_class_answers_no_parent(text: str) -> None:
    assert comment_hits(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Dank u wel, opa Mustafa, voor de heerlijke baklava op het grootouderfeest! 🍯",
        "Bedankt, buurvrouw Els, voor het terugbrengen van de bal!",
        "Dank je wel, meester Sander, voor de mooie musical!",
    ],
)
def test_a_kin_word_or_title_before_a_thanked_name_says_who_is_answered(text: str) -> None:
    assert comment_hits(text) == []


def test_a_title_before_a_thanked_parents_name_keeps_the_parent() -> None:
    [hit] = comment_hits("Dank je wel, mevrouw Jansen, voor uw bericht. We kijken ernaar.")
    assert hit.value == "mevrouw Jansen"


@pytest.mark.parametrize(
    "text",
    [
        "Tige tank, Baukje, foar de prachtige foto's fan de speurtocht! 📸",
        "Danke wel, Ruud, veur de sponsoring van de nieuwe voetbaldoeltjes! 🥅",
        "Danke wel, opa Jup, veur 't repareren van de fietsenrekken! 🔧",
        "Dank oe wel, Harmonie Sint-Cecilia, veur de muziek bij de optocht!",
        "Dank oe wel, buurvrouw Mien, veur 't opruimen!",
        "Tankewol, Doarpshûs De Mienskip, foar it brûken fan de seal!",
    ],
)
def test_regional_thanks_for_a_deed_read_as_dutch_answer_no_parent(text: str) -> None:
    assert comment_hits(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Merci, Ellen! Sjoen dat uch dochter zoe genete heet van 't kamp ⛺", "Ellen"),
        ("Tige tank foar it berjocht, Sjoukje! Wy sizze it tsjin de juf.", "Sjoukje"),
        ("Danke wel veur 't doorgeven, Mieke! We zeggen 't tegen de juf.", "Mieke"),
    ],
)
def test_regional_thanks_to_a_parent_for_a_message_are_still_flagged(text: str, value: str) -> None:
    [hit] = comment_hits(text)
    assert hit.value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Dank je wel voor het pluizen, Wietske! Zonder luizenouders geen luisvrije school",
            "Wietske",
        ),
        ("Dank je wel voor het rijden, Karin! Zonder hulpouders geen uitje 🚗", "Karin"),
        ("Bedankt voor het koken, Samira! Alle overblijfmoeders waren top", "Samira"),
    ],
)
def test_thanks_for_a_parents_task_at_school_still_answer_a_parent(text: str, value: str) -> None:
    [hit] = comment_hits(text)
    assert hit.value == value


def test_thanks_to_a_grandparent_beside_the_word_grootouders_answer_no_parent() -> None:
    text = "Dank je wel voor het voorlezen, opa Henk! De grootouders waren geweldig"
    assert comment_hits(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Bedankt voor alles, Nadia! Succes met je laatste stagejaar, we hopen je snel terug "
        "te zien als juf 🍀",
        "Succes met je stage bij de opvang, Mila!",
        "Wat fijn, Joep! We zien je graag terug als meester.",
    ],
)
def test_an_intern_or_a_future_teacher_is_no_parent(text: str) -> None:
    assert comment_hits(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Woningcorporatie Kanaalhuis, dank voor de bijdrage aan ons schooltuinproject! 🌱",
        "@woningcorporatie_oost dank voor de nieuwe bankjes!",
    ],
)
def test_a_housing_corporation_is_an_organisation(text: str) -> None:
    assert comment_hits(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Dank voor je gastles over de bijen, Hennie! 🐝",
        "Bedankt voor jullie optreden, Harmonie Concordia! 🎺",
        "Dank je wel voor de rondleiding, Sanne! Groep 6 heeft genoten.",
    ],
)
def test_thanks_for_a_guest_lesson_or_a_show_answer_a_guest(text: str) -> None:
    assert comment_hits(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Leuk dat je langs kwam om te vertellen over je werk als brandweerman, Bart!",
        "Hee Marco, wat leuk dat je weer eens kwam kijken waar je zelf 20 jaar geleden in de "
        "klas zat!",
    ],
)
def test_a_visitor_or_a_former_pupil_said_another_way_is_no_parent(text: str) -> None:
    assert comment_hits(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Dankuwel Jumbo Wolvega voor de appels!",
        "Dankjewel Dorpsbelang Oosterwolde voor de mooie bloembakken!",
        "Wijkraad Noord, dank voor het meedenken over het schoolplein!",
    ],
)
def test_a_shop_or_a_village_council_thanked_by_name_is_no_parent(text: str) -> None:
    assert comment_hits(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Ha Lotte! Jouw spreekbeurt over paarden was echt super 🐴",
        "Wat knap, Daan! Je werkstuk over de Romeinen komt morgen in de vitrine.",
    ],
)
def test_praise_for_a_pupils_own_schoolwork_answers_a_pupil(text: str) -> None:
    assert comment_hits(text) == []


def test_a_parent_told_about_their_childs_schoolwork_is_still_flagged() -> None:
    [hit] = comment_hits("Hoi Kim, de spreekbeurt van uw zoon is verplaatst naar dinsdag.")
    assert hit.value == "Kim"
