"""Time expressions: table-driven cases in French and English, with base dates and tenses.

The main base date is Wednesday 2018-04-25 (the seed dispatch's publication date).
"""
from __future__ import annotations

import datetime as dt

import pytest

from eventwire.time import TimeMention, find_times

B = "2018-04-25"   # a Wednesday

# (lang, base, tense, text, expected text, date, precision, method)
CASES = [
    # --- French: weekdays ---------------------------------------------------------------
    ("fr", B, "past", "a déclaré lundi", "lundi", "2018-04-23", "day", "weekday"),
    ("fr", B, "past", "a annoncé mardi", "mardi", "2018-04-24", "day", "weekday"),
    ("fr", B, "past", "Jeudi, les troupes sont entrées", "Jeudi", "2018-04-19", "day", "weekday"),
    ("fr", B, "past", "a affirmé dimanche", "dimanche", "2018-04-22", "day", "weekday"),
    # wire style: a Wednesday dispatch's "a voté mercredi" is that same Wednesday
    ("fr", B, "past", "a voté mercredi", "mercredi", "2018-04-25", "day", "weekday"),
    ("fr", B, "present", "se réunit mercredi", "mercredi", "2018-04-25", "day", "weekday"),
    ("fr", B, "future", "se réunira mercredi", "mercredi", "2018-05-02", "day", "weekday"),
    ("fr", B, "future", "arrivera lundi", "lundi", "2018-04-30", "day", "weekday"),
    ("fr", B, "future", "votera vendredi", "vendredi", "2018-04-27", "day", "weekday"),
    ("fr", B, "present", "se rend samedi à Pékin", "samedi", "2018-04-28", "day", "weekday"),
    ("fr", B, "future", "lundi dernier", "lundi dernier", "2018-04-23", "day", "weekday"),
    ("fr", B, "past", "lundi prochain", "lundi prochain", "2018-04-30", "day", "weekday"),
    ("fr", B, "past", "mercredi dernier", "mercredi dernier", "2018-04-18", "day", "weekday"),
    ("fr", B, "past", "mercredi prochain", "mercredi prochain", "2018-05-02", "day", "weekday"),
    ("fr", B, "past", "vendredi passé", "vendredi passé", "2018-04-20", "day", "weekday"),
    ("fr", B, "past", "a parlé lundi matin", "lundi matin", "2018-04-23", "day", "weekday"),
    ("fr", B, "past", "mardi soir, il a", "mardi soir", "2018-04-24", "day", "weekday"),
    ("fr", "2018-04-23", "past", "a déclaré lundi", "lundi", "2018-04-23", "day", "weekday"),
    ("fr", "2018-04-23", "present", "déclare lundi", "lundi", "2018-04-23", "day", "weekday"),
    # --- French: days counted from the base date -----------------------------------------
    ("fr", B, "past", "hier", "hier", "2018-04-24", "day", "relative-day"),
    ("fr", B, "past", "Hier, le ministre", "Hier", "2018-04-24", "day", "relative-day"),
    ("fr", B, "past", "avant-hier", "avant-hier", "2018-04-23", "day", "relative-day"),
    ("fr", B, "present", "aujourd'hui", "aujourd'hui", "2018-04-25", "day", "relative-day"),
    ("fr", B, "present", "aujourd’hui", "aujourd’hui", "2018-04-25", "day", "relative-day"),
    ("fr", B, "future", "demain", "demain", "2018-04-26", "day", "relative-day"),
    ("fr", B, "future", "après-demain", "après-demain", "2018-04-27", "day", "relative-day"),
    ("fr", B, "past", "hier soir", "hier soir", "2018-04-24", "day", "relative-day"),
    ("fr", B, "future", "demain matin", "demain matin", "2018-04-26", "day", "relative-day"),
    ("fr", B, "past", "ce matin", "ce matin", "2018-04-25", "day", "relative-day"),
    ("fr", B, "future", "ce soir", "ce soir", "2018-04-25", "day", "relative-day"),
    ("fr", B, "past", "cet après-midi", "cet après-midi", "2018-04-25", "day", "relative-day"),
    ("fr", B, "past", "cette nuit", "cette nuit", "2018-04-25", "day", "relative-day"),
    # --- French: weeks, months, years ---------------------------------------------------
    ("fr", B, "past", "cette semaine", "cette semaine", "2018-04-23", "week", "relative-week"),
    ("fr", B, "past", "la semaine dernière", "la semaine dernière", "2018-04-16", "week", "relative-week"),
    ("fr", B, "future", "la semaine prochaine", "la semaine prochaine", "2018-04-30", "week", "relative-week"),
    ("fr", B, "past", "la semaine passée", "la semaine passée", "2018-04-16", "week", "relative-week"),
    ("fr", B, "past", "le mois dernier", "le mois dernier", "2018-03", "month", "relative-month"),
    ("fr", B, "future", "le mois prochain", "le mois prochain", "2018-05", "month", "relative-month"),
    ("fr", B, "present", "ce mois-ci", "ce mois-ci", "2018-04", "month", "relative-month"),
    ("fr", B, "past", "l'an dernier", "l'an dernier", "2017", "year", "relative-year"),
    ("fr", B, "past", "l’année dernière", "l’année dernière", "2017", "year", "relative-year"),
    ("fr", B, "future", "l'année prochaine", "l'année prochaine", "2019", "year", "relative-year"),
    ("fr", B, "future", "l'an prochain", "l'an prochain", "2019", "year", "relative-year"),
    ("fr", B, "past", "cette année", "cette année", "2018", "year", "relative-year"),
    ("fr", B, "past", "l'an passé", "l'an passé", "2017", "year", "relative-year"),
    ("fr", "2018-01-03", "past", "le mois dernier", "le mois dernier", "2017-12", "month", "relative-month"),
    ("fr", "2018-12-30", "future", "la semaine prochaine", "la semaine prochaine", "2018-12-31", "week", "relative-week"),
    # --- French: calendar dates ---------------------------------------------------------
    ("fr", None, "past", "le 25/04", "25/04", None, None, "unresolved"),
    ("fr", B, "past", "le 25/04", "25/04", "2018-04-25", "day", "absolute"),
    ("fr", B, "present", "le 30/04", "30/04", "2018-04-30", "day", "absolute"),
    ("fr", B, "past", "le 12/03/2017", "12/03/2017", "2017-03-12", "day", "absolute"),
    ("fr", B, "past", "le 12.03.2017", "12.03.2017", "2017-03-12", "day", "absolute"),
    ("fr", B, "past", "le 05/01/18", "05/01/18", "2018-01-05", "day", "absolute"),
    ("fr", B, "future", "le 1er juillet", "1er juillet", "2018-07-01", "day", "absolute"),
    ("fr", B, "past", "le 1er juillet", "1er juillet", "2017-07-01", "day", "absolute"),
    ("fr", B, "past", "le 1er juillet 2016", "1er juillet 2016", "2016-07-01", "day", "absolute"),
    ("fr", "2016-08-20", "past", "mardi 16 août", "mardi 16 août", "2016-08-16", "day", "absolute"),
    ("fr", B, "past", "le 16 août 2017", "16 août 2017", "2017-08-16", "day", "absolute"),
    ("fr", B, "past", "le 3 mars", "3 mars", "2018-03-03", "day", "absolute"),
    ("fr", B, "past", "le 23 avril", "23 avril", "2018-04-23", "day", "absolute"),
    ("fr", B, "past", "le 2 février 2018", "2 février 2018", "2018-02-02", "day", "absolute"),
    ("fr", B, "past", "le 2 fevrier 2018", "2 fevrier 2018", "2018-02-02", "day", "absolute"),
    ("fr", B, "past", "le 14 juillet dernier", "14 juillet dernier", "2017-07-14", "day", "absolute"),
    ("fr", B, "past", "le 10 mai prochain", "10 mai prochain", "2018-05-10", "day", "absolute"),
    ("fr", B, "past", "le 7 sept. 2018", "7 sept. 2018", "2018-09-07", "day", "absolute"),
    ("fr", B, "past", "le 31 décembre 2017", "31 décembre 2017", "2017-12-31", "day", "absolute"),
    ("fr", B, "future", "le premier mai", "premier mai", "2018-05-01", "day", "absolute"),
    ("fr", B, "past", "le 2e jour", None, None, None, None),
    ("fr", "2018-01-03", "past", "le 28 décembre", "28 décembre", "2017-12-28", "day", "absolute"),
    ("fr", "2018-12-30", "future", "le 4 janvier", "4 janvier", "2019-01-04", "day", "absolute"),
    ("fr", None, "past", "le 16 août 2017", "16 août 2017", "2017-08-16", "day", "absolute"),
    ("fr", B, "past", "le 2018-04-23", "2018-04-23", "2018-04-23", "day", "absolute"),
    # --- French: months -----------------------------------------------------------------
    ("fr", B, "future", "en juin", "en juin", "2018-06", "month", "month"),
    ("fr", B, "past", "en juin", "en juin", "2017-06", "month", "month"),
    ("fr", B, "past", "en mars", "en mars", "2018-03", "month", "month"),
    ("fr", B, "future", "en mars", "en mars", "2019-03", "month", "month"),
    ("fr", B, "future", "en avril", "en avril", "2018-04", "month", "month"),
    ("fr", B, "present", "en juin", "en juin", "2018-06", "month", "month"),
    ("fr", B, "past", "en juin 2017", "en juin 2017", "2017-06", "month", "month"),
    ("fr", B, "past", "juin 2019", "juin 2019", "2019-06", "month", "month"),
    ("fr", B, "past", "en juin dernier", "en juin dernier", "2017-06", "month", "month"),
    ("fr", B, "past", "en janvier dernier", "en janvier dernier", "2018-01", "month", "month"),
    ("fr", B, "past", "en juin prochain", "en juin prochain", "2018-06", "month", "month"),
    ("fr", B, "past", "en mars prochain", "en mars prochain", "2019-03", "month", "month"),
    ("fr", B, "present", "depuis janvier", "depuis janvier", "2018-01", "month", "month"),
    ("fr", B, "present", "depuis septembre", "depuis septembre", "2017-09", "month", "month"),
    ("fr", B, "future", "au mois de mai", "au mois de mai", "2018-05", "month", "month"),
    ("fr", B, "future", "En août", "En août", "2018-08", "month", "month"),
    ("fr", B, "future", "mi-juin", "mi-juin", "2018-06", "month", "part-of-month"),
    ("fr", B, "past", "mi-juin", "mi-juin", "2017-06", "month", "part-of-month"),
    ("fr", B, "future", "mi juin", "mi juin", "2018-06", "month", "part-of-month"),
    ("fr", B, "future", "fin mai", "fin mai", "2018-05", "month", "part-of-month"),
    ("fr", B, "future", "début novembre", "début novembre", "2018-11", "month", "part-of-month"),
    ("fr", B, "past", "début novembre", "début novembre", "2017-11", "month", "part-of-month"),
    ("fr", B, "past", "fin mars", "fin mars", "2018-03", "month", "part-of-month"),
    ("fr", B, "past", "fin mai 2017", "fin mai 2017", "2017-05", "month", "part-of-month"),
    ("fr", B, "future", "courant juillet", "courant juillet", "2018-07", "month", "part-of-month"),
    ("fr", None, "future", "en juin", "en juin", None, None, "unresolved"),
    # --- French: years ------------------------------------------------------------------
    ("fr", B, "past", "en 2015", "en 2015", "2015", "year", "year"),
    ("fr", B, "present", "depuis 2011", "depuis 2011", "2011", "year", "year"),
    ("fr", None, "past", "en 2015", "en 2015", "2015", "year", "year"),
    ("fr", B, "future", "fin 2019", "fin 2019", "2019", "year", "part-of-year"),
    ("fr", B, "past", "début 2016", "début 2016", "2016", "year", "part-of-year"),
    ("fr", B, "past", "mi-2016", "mi-2016", "2016", "year", "part-of-year"),
    # --- French: counted offsets ---------------------------------------------------------
    ("fr", B, "past", "il y a trois jours", "il y a trois jours", "2018-04-22", "day", "ago"),
    ("fr", B, "past", "il y a deux semaines", "il y a deux semaines", "2018-04-11", "day", "ago"),
    ("fr", B, "past", "il y a une semaine", "il y a une semaine", "2018-04-18", "day", "ago"),
    ("fr", B, "past", "il y a deux mois", "il y a deux mois", "2018-02", "month", "ago"),
    ("fr", B, "past", "il y a un an", "il y a un an", "2017", "year", "ago"),
    ("fr", B, "past", "il y a dix ans", "il y a dix ans", "2008", "year", "ago"),
    ("fr", B, "past", "il y a 5 jours", "il y a 5 jours", "2018-04-20", "day", "ago"),
    ("fr", B, "past", "il y a dix-huit mois", "il y a dix-huit mois", "2016-10", "month", "ago"),
    ("fr", B, "past", "il y a vingt ans", "il y a vingt ans", "1998", "year", "ago"),
    ("fr", B, "past", "il y a quinze jours", "il y a quinze jours", "2018-04-10", "day", "ago"),
    ("fr", B, "future", "dans deux semaines", "dans deux semaines", "2018-05-09", "day", "later"),
    ("fr", B, "future", "dans trois jours", "dans trois jours", "2018-04-28", "day", "later"),
    ("fr", B, "future", "dans six mois", "dans six mois", "2018-10", "month", "later"),
    ("fr", B, "future", "d'ici deux ans", "d'ici deux ans", "2020", "year", "later"),
    ("fr", None, "past", "il y a trois jours", "il y a trois jours", None, None, "unresolved"),
    ("fr", None, "past", "lundi", "lundi", None, None, "unresolved"),
    ("fr", None, "past", "hier", "hier", None, None, "unresolved"),
    # --- French: not time expressions ---------------------------------------------------
    ("fr", B, "past", "le maire de Paris", None, None, None, None),
    ("fr", B, "past", "les sept pays membres", None, None, None, None),
    ("fr", B, "past", "le marché de Mars", None, None, None, None),
    ("fr", B, "past", "le 30/02", None, None, None, None),
    ("fr", B, "past", "à 08h16", None, None, None, None),
    ("fr", B, "past", "la moitié (1/2) des", None, None, None, None),
    ("fr", B, "past", "les samedistes", None, None, None, None),
    ("fr", B, "past", "un taux de 3.5", None, None, None, None),
    # --- English: weekdays --------------------------------------------------------------
    ("en", B, "past", "said on Monday", "Monday", "2018-04-23", "day", "weekday"),
    ("en", B, "past", "on Tuesday", "Tuesday", "2018-04-24", "day", "weekday"),
    ("en", B, "past", "Friday's vote", "Friday", "2018-04-20", "day", "weekday"),
    ("en", B, "present", "meets Wednesday", "Wednesday", "2018-04-25", "day", "weekday"),
    ("en", B, "past", "voted Wednesday", "Wednesday", "2018-04-25", "day", "weekday"),
    ("en", B, "future", "will meet Thursday", "Thursday", "2018-04-26", "day", "weekday"),
    ("en", B, "future", "on Monday", "Monday", "2018-04-30", "day", "weekday"),
    ("en", B, "future", "last Monday", "last Monday", "2018-04-23", "day", "weekday"),
    ("en", B, "past", "next Monday", "next Monday", "2018-04-30", "day", "weekday"),
    ("en", B, "past", "last Friday", "last Friday", "2018-04-20", "day", "weekday"),
    ("en", B, "past", "next Wednesday", "next Wednesday", "2018-05-02", "day", "weekday"),
    ("en", B, "future", "this Friday", "this Friday", "2018-04-27", "day", "weekday"),
    ("en", B, "past", "this Friday", "this Friday", "2018-04-20", "day", "weekday"),
    ("en", B, "past", "this past Sunday", "this past Sunday", "2018-04-22", "day", "weekday"),
    ("en", B, "past", "Monday night", "Monday night", "2018-04-23", "day", "weekday"),
    ("en", B, "past", "on Sunday morning", "Sunday morning", "2018-04-22", "day", "weekday"),
    # --- English: days counted from the base date ----------------------------------------
    ("en", B, "past", "yesterday", "yesterday", "2018-04-24", "day", "relative-day"),
    ("en", B, "past", "Yesterday, police said", "Yesterday", "2018-04-24", "day", "relative-day"),
    ("en", B, "present", "today", "today", "2018-04-25", "day", "relative-day"),
    ("en", B, "future", "tomorrow", "tomorrow", "2018-04-26", "day", "relative-day"),
    ("en", B, "past", "the day before yesterday", "the day before yesterday", "2018-04-23", "day", "relative-day"),
    ("en", B, "future", "the day after tomorrow", "the day after tomorrow", "2018-04-27", "day", "relative-day"),
    ("en", B, "past", "yesterday afternoon", "yesterday afternoon", "2018-04-24", "day", "relative-day"),
    ("en", B, "past", "this morning", "this morning", "2018-04-25", "day", "relative-day"),
    ("en", B, "future", "tonight", "tonight", "2018-04-25", "day", "relative-day"),
    ("en", B, "past", "last night", "last night", "2018-04-24", "day", "relative-day"),
    ("en", B, "future", "this evening", "this evening", "2018-04-25", "day", "relative-day"),
    # --- English: weeks, months, years ---------------------------------------------------
    ("en", B, "past", "this week", "this week", "2018-04-23", "week", "relative-week"),
    ("en", B, "past", "last week", "last week", "2018-04-16", "week", "relative-week"),
    ("en", B, "future", "next week", "next week", "2018-04-30", "week", "relative-week"),
    ("en", B, "past", "last month", "last month", "2018-03", "month", "relative-month"),
    ("en", B, "future", "next month", "next month", "2018-05", "month", "relative-month"),
    ("en", B, "past", "earlier this month", "this month", "2018-04", "month", "relative-month"),
    ("en", B, "past", "last year", "last year", "2017", "year", "relative-year"),
    ("en", B, "future", "next year", "next year", "2019", "year", "relative-year"),
    ("en", B, "past", "this year", "this year", "2018", "year", "relative-year"),
    # --- English: calendar dates --------------------------------------------------------
    ("en", B, "future", "on July 1", "July 1", "2018-07-01", "day", "absolute"),
    ("en", B, "past", "on July 1", "July 1", "2017-07-01", "day", "absolute"),
    ("en", B, "past", "on March 3, 2021", "March 3, 2021", "2021-03-03", "day", "absolute"),
    ("en", B, "past", "on March 3rd", "March 3rd", "2018-03-03", "day", "absolute"),
    ("en", B, "past", "on 1 July 2021", "1 July 2021", "2021-07-01", "day", "absolute"),
    ("en", B, "future", "on the 4th of July", "the 4th of July", "2018-07-04", "day", "absolute"),
    ("en", B, "past", "on Monday, April 23", "Monday, April 23", "2018-04-23", "day", "absolute"),
    ("en", B, "past", "Sept. 11, 2001", "Sept. 11, 2001", "2001-09-11", "day", "absolute"),
    ("en", B, "future", "on Jan. 20", "Jan. 20", "2019-01-20", "day", "absolute"),
    ("en", B, "past", "December 31, 2017", "December 31, 2017", "2017-12-31", "day", "absolute"),
    ("en", B, "past", "on May 3", "May 3", "2017-05-03", "day", "absolute"),
    ("en", B, "past", "3 May 2016", "3 May 2016", "2016-05-03", "day", "absolute"),
    ("en", B, "past", "on 4/23", "4/23", "2018-04-23", "day", "absolute"),
    ("en", B, "past", "on 23/4", "23/4", "2018-04-23", "day", "absolute"),
    ("en", B, "past", "on 2018-04-23", "2018-04-23", "2018-04-23", "day", "absolute"),
    ("en", None, "past", "on 4/23", "4/23", None, None, "unresolved"),
    ("en", None, "past", "on March 3, 2021", "March 3, 2021", "2021-03-03", "day", "absolute"),
    ("en", "2018-12-30", "future", "on January 4", "January 4", "2019-01-04", "day", "absolute"),
    # --- English: months ----------------------------------------------------------------
    ("en", B, "future", "in June", "in June", "2018-06", "month", "month"),
    ("en", B, "past", "in June", "in June", "2017-06", "month", "month"),
    ("en", B, "past", "in March", "in March", "2018-03", "month", "month"),
    ("en", B, "future", "in March", "in March", "2019-03", "month", "month"),
    ("en", B, "past", "in June 2017", "in June 2017", "2017-06", "month", "month"),
    ("en", B, "past", "June 2019", "June 2019", "2019-06", "month", "month"),
    ("en", B, "present", "since January", "since January", "2018-01", "month", "month"),
    ("en", B, "past", "last June", "last June", "2017-06", "month", "month"),
    ("en", B, "past", "next March", "next March", "2019-03", "month", "month"),
    ("en", B, "future", "in May", "in May", "2018-05", "month", "month"),
    ("en", B, "past", "May 2018", "May 2018", "2018-05", "month", "month"),
    ("en", B, "future", "early May", "early May", "2018-05", "month", "part-of-month"),
    ("en", B, "future", "mid-May", "mid-May", "2018-05", "month", "part-of-month"),
    ("en", B, "past", "late May 2017", "late May 2017", "2017-05", "month", "part-of-month"),
    ("en", B, "future", "mid-June", "mid-June", "2018-06", "month", "part-of-month"),
    ("en", B, "past", "early June", "early June", "2017-06", "month", "part-of-month"),
    ("en", B, "future", "late November", "late November", "2018-11", "month", "part-of-month"),
    ("en", B, "future", "by the end of June", "the end of June", "2018-06", "month", "part-of-month"),
    ("en", B, "past", "at the beginning of March", "the beginning of March", "2018-03", "month", "part-of-month"),
    ("en", None, "future", "in June", "in June", None, None, "unresolved"),
    # --- English: years -----------------------------------------------------------------
    ("en", B, "past", "in 2015", "in 2015", "2015", "year", "year"),
    ("en", B, "present", "since 2011", "since 2011", "2011", "year", "year"),
    ("en", B, "past", "during 2016", "during 2016", "2016", "year", "year"),
    ("en", B, "future", "late 2019", "late 2019", "2019", "year", "part-of-year"),
    ("en", B, "past", "mid-2016", "mid-2016", "2016", "year", "part-of-year"),
    # --- English: counted offsets -------------------------------------------------------
    ("en", B, "past", "three days ago", "three days ago", "2018-04-22", "day", "ago"),
    ("en", B, "past", "two weeks ago", "two weeks ago", "2018-04-11", "day", "ago"),
    ("en", B, "past", "a week ago", "a week ago", "2018-04-18", "day", "ago"),
    ("en", B, "past", "six months ago", "six months ago", "2017-10", "month", "ago"),
    ("en", B, "past", "a year ago", "a year ago", "2017", "year", "ago"),
    ("en", B, "past", "twenty years ago", "twenty years ago", "1998", "year", "ago"),
    ("en", B, "past", "10 days ago", "10 days ago", "2018-04-15", "day", "ago"),
    ("en", B, "past", "eleven days ago", "eleven days ago", "2018-04-14", "day", "ago"),
    ("en", B, "future", "in two weeks", "in two weeks", "2018-05-09", "day", "later"),
    ("en", B, "future", "in three days", "in three days", "2018-04-28", "day", "later"),
    ("en", B, "future", "in six months", "in six months", "2018-10", "month", "later"),
    ("en", B, "future", "two years from now", "two years from now", "2020", "year", "later"),
    ("en", None, "past", "three days ago", "three days ago", None, None, "unresolved"),
    ("en", None, "past", "Monday", "Monday", None, None, "unresolved"),
    ("en", None, "past", "yesterday", "yesterday", None, None, "unresolved"),
    # --- English: not time expressions --------------------------------------------------
    ("en", B, "past", "you may go", None, None, None, None),
    ("en", B, "past", "since May", None, None, None, None),
    ("en", B, "past", "the Mayor said", None, None, None, None),
    ("en", B, "past", "they will march 3 miles", None, None, None, None),
    ("en", B, "past", "Mondays are quiet", None, None, None, None),
    ("en", B, "past", "in 1.5 seconds", None, None, None, None),
]

# (lang, base, tense, text, expected text, start, end)
RANGES = [
    ("fr", B, "future", "du 26 au 28 juillet", "du 26 au 28 juillet", "2018-07-26", "2018-07-28"),
    ("fr", B, "past", "du 26 au 28 juillet", "du 26 au 28 juillet", "2017-07-26", "2017-07-28"),
    ("fr", B, "future", "du 30 juin au 2 juillet", "du 30 juin au 2 juillet", "2018-06-30", "2018-07-02"),
    ("fr", "2018-12-01", "future", "du 28 décembre au 3 janvier", "du 28 décembre au 3 janvier",
     "2018-12-28", "2019-01-03"),
    ("fr", B, "future", "entre le 3 et le 5 mai", "entre le 3 et le 5 mai", "2018-05-03", "2018-05-05"),
    ("fr", B, "past", "du 26 au 28 juillet 2016", "du 26 au 28 juillet 2016", "2016-07-26", "2016-07-28"),
    ("fr", B, "past", "les 12-13 mars", "12-13 mars", "2018-03-12", "2018-03-13"),
    ("en", B, "future", "from July 26 to 28", "from July 26 to 28", "2018-07-26", "2018-07-28"),
    ("en", B, "past", "from July 26 to 28", "from July 26 to 28", "2017-07-26", "2017-07-28"),
    ("en", B, "future", "July 26-28", "July 26-28", "2018-07-26", "2018-07-28"),
    ("en", B, "future", "from June 30 to July 2", "from June 30 to July 2", "2018-06-30", "2018-07-02"),
    ("en", B, "future", "between May 3 and 5", "between May 3 and 5", "2018-05-03", "2018-05-05"),
    ("en", B, "past", "from 26 to 28 July 2016", "from 26 to 28 July 2016", "2016-07-26", "2016-07-28"),
    ("en", B, "past", "26–28 July 2016", "26–28 July 2016", "2016-07-26", "2016-07-28"),
]


def _base(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@pytest.mark.parametrize(("lang", "base", "tense", "text", "expected", "date", "precision", "method"), CASES)
def test_time_case(lang, base, tense, text, expected, date, precision, method):
    found = find_times(text, lang, _base(base), tense)
    if expected is None:
        assert found == ()
        return
    assert len(found) == 1, found
    mention = found[0]
    assert mention.text == expected
    assert text[mention.span[0]:mention.span[1]] == expected
    assert (mention.date, mention.precision, mention.method) == (date, precision, method)
    assert mention.end is None


@pytest.mark.parametrize(("lang", "base", "tense", "text", "expected", "start", "end"), RANGES)
def test_range_case(lang, base, tense, text, expected, start, end):
    found = find_times(text, lang, _base(base), tense)
    assert len(found) == 1, found
    mention = found[0]
    assert (mention.text, mention.date, mention.end) == (expected, start, end)
    assert (mention.precision, mention.method) == ("day", "range")


def test_seed_sentence():
    text = ("Le président chinois Xi Jinping a déclaré lundi qu'il espérait rencontrer le "
            "président russe Vladimir Poutine en juin")
    past = find_times(text, "fr", dt.date(2018, 4, 25), "past")
    assert [(m.text, m.date, m.precision) for m in past] == [("lundi", "2018-04-23", "day"),
                                                              ("en juin", "2017-06", "month")]
    future = find_times("en juin", "fr", dt.date(2018, 4, 25), "future")
    assert future[0].date == "2018-06" and future[0].precision == "month"
    start, end = past[0].span
    assert text[start:end] == "lundi"


def test_seed_header_without_year():
    found = find_times("Dernière mise à jour à 08h16 le 25/04", "fr", None)
    assert found == (TimeMention("25/04", (32, 37), None, None, "unresolved"),)


def test_several_mentions_in_order():
    text = "Hier, il a dit qu'il viendrait le 3 mai, puis en juin et en 2019."
    found = find_times(text, "fr", dt.date(2018, 4, 25), "future")
    assert [m.text for m in found] == ["Hier", "3 mai", "en juin", "en 2019"]
    assert [m.date for m in found] == ["2018-04-24", "2018-05-03", "2018-06", "2019"]


def test_longest_expression_wins():
    found = find_times("lundi dernier et du 26 au 28 juillet", "fr", dt.date(2018, 4, 25))
    assert [m.text for m in found] == ["lundi dernier", "du 26 au 28 juillet"]


def test_bad_arguments_say_what_is_valid():
    with pytest.raises(ValueError, match="fr, en"):
        find_times("lundi", "de", None)
    with pytest.raises(ValueError, match="past, present, future"):
        find_times("lundi", "fr", None, "conditional")


def test_mentions_are_frozen():
    mention = find_times("hier", "fr", dt.date(2018, 4, 25))[0]
    with pytest.raises(AttributeError):
        mention.date = "2000-01-01"  # type: ignore[misc]
