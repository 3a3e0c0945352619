"""English phrasing for composed replies: written as English, with contractions, not as
Dutch in English words. English has one "you", so both tones read the same."""

_YOU = {"you": "you", "You": "You", "your": "your", "Your": "Your", "obj": "you"}
WORDS = {"u": _YOU, "je": _YOU}
NAME_GAP = "[name]"
TITLES = {"mr": "Mr", "mrs": "Mrs", "ms": "Ms"}
SIGNER_GAP = "[your own name]"
GREETINGS = {"u": ("Dear {name},", "Hi {name},", "Hello {name},"),
             "je": ("Hi {name},", "Hello {name},", "Dear {name},")}
SIGN_OFFS = {"u": ("Kind regards,", "Best wishes,", "All the best,"),
             "je": ("Best wishes,", "All the best,", "Kind regards,")}

ITEMS = {
    "starter": "your starter", "main": "your main course", "dessert": "your dessert",
    "pizza": "your pizza", "fries": "your fries", "soup": "your soup", "coffee": "your coffee",
    "wine": "the wine", "drinks": "your drinks", "cake": "your cake", "bread": "the bread",
    "food": "your meal", "parcel": "your parcel", "order": "your order", "repair": "the repair",
    "bike": "your bike", "car": "your car", "room": "your room", "haircut": "your haircut",
    "appointment": "your appointment", "claim": "your claim", "bill": "the bill",
    "table": "your table", "shoes": "your shoes", "service_desk": "our customer service team",
}
# (the customer's own occasion, someone else's)
OCCASIONS = {
    "anniversary": ("and on your anniversary, of all days", "and on an anniversary, of all days"),
    "wedding": ("and on your wedding day, of all days", "and with a wedding coming up, too"),
    "birthday": ("and on your birthday, of all days", "and for a birthday, too"),
    "business": ("and with clients at the table, too",) * 2,
    "gift": ("when it was meant as a gift",) * 2,
    "christmas": ("and at Christmas, too",) * 2,
    "date": ("on an evening that was meant to be special",) * 2,
    "holiday": ("and on your holiday, too", "and during the holidays, too"),
}
WHEN = {"yesterday": "yesterday", "today": "today", "weekend": "last weekend",
        "last_week": "last week", "monday": "on Monday", "tuesday": "on Tuesday",
        "wednesday": "on Wednesday", "thursday": "on Thursday", "friday": "on Friday",
        "saturday": "on Saturday", "sunday": "on Sunday"}
WHEN_DEFAULT = "this time"

PLURAL = {"fries", "drinks", "shoes"}
VERBS = {False: {"was": "was", "wasnt": "wasn't"}, True: {"was": "were", "wasnt": "weren't"}}
FAILURES = {
    "sick": ("that you fell ill after {item}", "that you fell ill after your visit"),
    "unsafe": ("that {item} put your health at risk", "that this put your health at risk"),
    "charged_twice": ("that you were charged twice", "that you were charged twice"),
    "overcharged": ("that the bill wasn't right", "that the bill wasn't right"),
    "no_refund": ("that you're still waiting for your money", "that you're still waiting for your money"),
    "refund_wanted": ("that we got it so wrong for you", "that we got it so wrong for you"),
    "lost": ("that {item} never arrived", "that your order never arrived"),
    "damaged": ("that {item} arrived damaged", "that your order arrived damaged"),
    "broken": ("that {item} {was} broken", "that what you got was broken"),
    "no_show": ("that we didn't keep your appointment", "that we didn't keep your appointment"),
    "unreachable": ("that you couldn't get hold of anyone", "that you couldn't get hold of anyone"),
    "rude": ("that you were treated so rudely", "that you were treated so rudely"),
    "late": ("that you had to wait so long for {item}", "that you had to wait so long"),
    "lukewarm": ("that {item} {was} lukewarm", "that your food was lukewarm"),
    "cold": ("that {item} {was} cold", "that your food was cold"),
    "wrong": ("that {item} {wasnt} right", "that you didn't get what you ordered"),
    "dirty": ("that {item} {wasnt} clean", "that things weren't clean"),
    "expensive": ("that the price felt too high for what you got", "that the price felt too high for what you got"),
    "bad": ("that {item} {was} such a letdown", "that it was such a letdown"),
}
NO_FAILURE = "that things went so wrong for you"
AND = " and "

EMPATHY = {
    "inconvenience": (
        "I can only imagine how disappointing it was {clause}.",
        "It must have been so frustrating {clause}.",
        "I completely understand your disappointment: it's a real shame {clause}.",
        "What a letdown {clause}; I'd have been disappointed too.",
        "I get why you're unhappy, because it's really annoying {clause}.",
    ),
    "money": (
        "I understand why you're angry: it isn't right {clause}.",
        "I can see why you're upset, because it really isn't acceptable {clause}.",
        "It must be so frustrating {clause}, and I completely understand your anger.",
        "I understand your frustration: it shouldn't happen {clause}.",
    ),
    "health": (
        "What you describe is serious, and I understand how worrying it must have been {clause}.",
        "I was concerned to read {clause}; I understand how distressing that must have been.",
        "This is serious: I can only imagine how upsetting it was {clause}.",
        "I take this very seriously, and I understand how frightening it must have been {clause}.",
    ),
}
GET_WELL = "I hope you're feeling better now."
APOLOGY = {
    "inconvenience": (
        "I'm really sorry it turned out this way.",
        "I'm sorry we let you down.",
        "That shouldn't have happened, and I'm sorry.",
        "I'm so sorry you had to deal with this.",
    ),
    "money": (
        "I'm really sorry about this.",
        "My apologies: that should never have happened.",
        "I'm sorry, and I'd like to put it right.",
    ),
    "health": (
        "I'm deeply sorry you went through this.",
        "I'm truly sorry this happened to you.",
        "This should never have happened, and I'm so sorry.",
    ),
}
THANKS_LEADS = ("Thank you for", "Thanks for", "Thanks so much for", "Many thanks for",
                "Thank you so much for")
THANKS_OBJECTS = ("your review", "your honest review", "telling us about this", "letting us know",
                  "taking the time to write this")

STORY = "[our side: {outline}]"
STORY_OUTLINES = {
    "health": "what we're checking now, the steps we're taking and who will talk to you about it",
    "delivery": "who packs and ships your orders, what went wrong {when} and what we're doing about it",
    "waiting_time": "who's on our team, why it took so long {when} and what we're changing",
    "staff_attitude": "how we want to treat our guests and customers, what happened {when} and what "
                      "we're discussing with the team",
    "cleanliness": "how we normally keep things clean, what went wrong {when} and what we're changing",
    "billing": "what went wrong with the bill and how we're putting it right",
    "price": "what our price stands for and what we'll do with this feedback",
    "communication": "why we were hard to reach {when} and what we're changing",
    "quality": "what we're proud of in our work, what went wrong {when} and what we're doing about it",
}
STORY_DEFAULT = "what went wrong {when} and what we're doing about it"

HOLDING_NEXT = (
    "I'm looking into exactly what happened {when} and will get back to you as soon as I can.",
    "I'm finding out what went wrong {when}, and you'll hear from me shortly.",
    "I'm personally looking into what went wrong {when} and will be back in touch soon.",
)

_PHONE = ("Please give me a call on {phone}", "You can ring me directly on {phone}",
          "I'm on {phone}; do give me a ring", "I'd love to hear from you: call me on {phone}",
          "My direct number is {phone}; please call me")
_EMAIL = ("Please email me at {email}", "You can email me directly at {email}",
          "Drop me an email at {email}", "I'd love to hear from you: email me at {email}",
          "My email address is {email}; please get in touch")
_BOTH = ("Please call me on {phone} or email me at {email}", "You can ring me on {phone} or email {email}",
         "I'm on {phone} and {email}; do get in touch", "I'd love to hear from you on {phone} or at {email}",
         "My direct number is {phone} and my email is {email}; please get in touch")
_NONE = ("Please send us a direct message with your phone number or email address",
         "Please send us a private message with the best way to reach you",
         "Drop us a direct message with your contact details",
         "I'd like to call you personally, so please send us a private message with your number",
         "Send us a direct message and let me know how best to reach you")
CONTACT = {kind: {"u": leads, "je": leads}
           for kind, leads in (("phone", _PHONE), ("email", _EMAIL), ("both", _BOTH), ("none", _NONE))}
CONTACT_TAILS = (
    ", and we'll sort this out together.",
    " so I can hear the whole story.",
    " so we can talk it through properly.",
    " and we'll work out what happens next.",
    " so I can look into it with you.",
)
