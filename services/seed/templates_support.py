"""Scenarios about money, accounts and products: double charges, sign-in trouble, faulty gadgets, questions."""

from __future__ import annotations

from services.seed.scenarios import Scenario

BILLING = Scenario(
    name="billing_double_charge", queue="billing", weight=8, order="any", mood="frustrated", escalation=0.1,
    subjects=("Charged twice", "Double payment on {order}", "Billing problem", "Two charges on my card"),
    openings=(
        "I was charged twice for order {order}!! {amount} two times on my card",
        "hi there are two payments of {amount} on my statement but I only ordered once",
        "Why did you take money twice? card ending {last4}. Order {order}",
        "Double charged. card {card}. Fix it.",
        "Hello, I see a pending charge and a real charge for the same order, is one of them going away? {order}",
        "my bank shows 2x {amount} from BRIGHTWAVE HOME, please refund one",
        "I think my payment went through twice, checkout froze and I clicked pay again. The card is {card} exp 09/28",
        "Can you refund the duplicate payment to {card}? Order {order}. Thanks, {name}, {phone}",
    ),
    replies=(
        "Sorry for the worry, {first}. Please don't share full card numbers here: the last four digits are "
        "enough. Looking at order {order}, one of the amounts is a pending authorisation, which drops off by itself "
        "within 3-5 business days.",
        "Thanks {first}, I've checked with our payments team. There's one charge for {order}; the second amount is "
        "a hold from when checkout was retried, and it's released automatically within 3-5 business days.",
        "You're right {first}, the payment for {order} was taken twice. I've refunded the duplicate {amount} just "
        "now; it'll be back on your card within 3-5 business days.",
    ),
    threads=(
        (("but both say posted not pending", "Thanks for checking. If both are posted it's a duplicate, so I've "
          "refunded one of them now. Refund reference {ref}."),
         ("can I have that in writing for my bank", "Of course. I've emailed you a confirmation with the refund "
          "reference {ref}.")),
        (("why do you even do holds", "Your bank places the hold at checkout and we take the payment when the order "
          "ships. Some banks show both for a few days."),
         ("and the order itself is fine?", "Yes, only one order exists and it's going ahead as normal.")),
    ),
    closings=(
        ("ok thanks, that's a relief", "You're welcome, {first}. Sorry for the scare!"),
        ("fine", "Thanks for your patience. Anything else?"),
    ),
    resolutions=("duplicate_refunded", "authorisation_explained"), csat=(6, 8, 15, 31, 40),
)

RESET_SPAM = ("found it in spam 🙈", "Happens to the best of us! The link is valid for 60 minutes.")
RESET_EXPIRED = ("still says expired", "Thanks for trying. I've reset the link from my side; the new email should "
                 "arrive within 5 minutes.")
VERIFY_2FA = ("order {order}, postcode {postcode}", "Thank you, that matches. For your security a 2FA reset takes "
              "24-48 hours; you'll get an email at your account address when it's done.")
DELETE_POINTS = ("will i lose my rewards points?", "Yes, points and store credit go with the account, so you may "
                 "want to spend them first. Gift card codes stay valid.")
DELETE_CONFIRM = ("ok yes go ahead", "Done. You'll get a confirmation email, and you can change your mind within "
                  "14 days.")
HACKED_ORDER = ("{order2}, I never ordered that", "Thank you. I've cancelled {order2} and locked the account. Please "
                "reset your password and turn on two-step verification under Account, Security.")

ACCOUNT = Scenario(
    name="account_access", queue="account", weight=8, order="none",
    subjects=("Account help", "Problem with my account", "Account question", "Sign-in help"),
    openings=(
        ("I cant log in, it keeps saying wrong password but I know its right",
         "Sorry about that, {first}! After 5 wrong attempts sign-in pauses for 15 minutes. After that, use "
         "'Forgot password?': the link works for 60 minutes.", (RESET_SPAM,)),
        ("password reset email never arrives. my email is {email}",
         "Thanks {first}. I've sent a fresh reset link. Please check spam and promotions too, and only use the "
         "newest link: each new request cancels the older ones.", (RESET_SPAM,)),
        ("locked out of my account after too many tries 🙃",
         "No worries, {first}, it unlocks by itself after 15 minutes. Then 'Forgot password?' is the quickest way "
         "back in."),
        ("Hi, I lost my phone and now I can't get the 2FA code to sign in",
         "I can help with that, {first}. For security I need to verify you first: could you give me an order "
         "number and the delivery postcode?", (VERIFY_2FA,)),
        ("how do i change the email on my account to {email}?",
         "You can change it under Account, Profile, Email, and confirm from the link we send to the new address. "
         "If you're locked out I can help once I've verified you."),
        ("please delete my account and all my data",
         "I can start that for you, {first}. Deleting the account is permanent and your data is removed within 30 "
         "days. Just so you know, Rewards points and store credit are lost. Shall I go ahead?",
         (DELETE_POINTS, DELETE_CONFIRM)),
        ("My account got hacked?? there's an order I didn't make. Email on the account is {email}",
         "I'm sorry, {first}, let's secure it right away. I've signed you out of every device. Which order don't "
         "you recognise?", (HACKED_ORDER,)),
        ("The reset link says expired every time I click it",
         "That usually means an older link was opened. I've sent one more: please click only the newest email, "
         "in the same browser.", (RESET_EXPIRED,)),
    ),
    closings=(
        ("ok I'm in now, thanks!", "Great to hear, {first}!"),
        ("thanks for the help", "You're welcome. Stay safe online!"),
    ),
    resolutions=("password_reset", "account_verified", "2fa_reset", "account_deletion_requested"),
    csat=(4, 6, 12, 30, 48),
)

TECHNICAL = Scenario(
    name="technical_problem", queue="tech", weight=12, order="tech", mood="frustrated", escalation=0.05,
    subjects=("{product} not working", "Problem with my {product}", "Help with my {product}"),
    openings=(
        "my {product} won't connect to wifi. tried 3 times",
        "The {product} keeps going offline every night. Any ideas?",
        "Hi, the {product} shows an error code and stops after 5 minutes",
        "{product} stopped working after 2 weeks, won't turn on at all",
        "app says device offline but the light is on?? {product}",
        "How do I reset the {product}? the app can't find it",
        "Bought the {product} last month and now it makes a weird buzzing noise",
        "Setup fails at the last step on the {product}. Screenshot: https://pics.example/s/8fk2la",
    ),
    replies=(
        "Sorry to hear that, {first}! Most connection problems come from the 5 GHz band. Could you check that your "
        "phone is on the 2.4 GHz network during setup? Our guide is here: {kb_link}",
        "Let's sort it out, {first}. First, please unplug it for 10 seconds and plug it back in. Does the status "
        "light come back?",
        "Thanks {first}. Our troubleshooting steps for the {product} are here: {kb_link}. Could you try the reset "
        "in step 5 and tell me what the light does?",
    ),
    threads=(
        (("tried that, no change", "Thanks for trying. Next, please do a full reset and add it again in the app. "
          "If it still fails, I'll arrange a replacement under warranty."),
         ("ok that worked!! 🎉", "Brilliant! It should stay connected now. If it drops again, a firmware update "
          "in the app usually helps.")),
        (("tried that, no change", "Thanks for trying. Next, please do a full reset and add it again in the app. "
          "If it still fails, I'll arrange a replacement under warranty."),
         ("still dead", "I'm sorry, that sounds like a fault. It's covered by the 2-year warranty, so I'm sending a "
          "replacement now and emailing a prepaid label for the faulty one.")),
        (("how do i know which band im on", "Your router usually shows two networks, one ending in 5G. Pick the "
          "one without 5G for setup; you can switch your phone back afterwards."),
         ("ok that worked!! 🎉", "Brilliant! It should stay connected now. If it drops again, a firmware update "
          "in the app usually helps.")),
        (("the light is flashing red", "That means it can't reach your Wi-Fi. Please check the Wi-Fi password, "
          "then hold the reset button for 10 seconds and add it again."),),
        (("it smells like burning", "Please unplug it straight away and don't use it again. I'm arranging a "
          "replacement today and we'll collect the faulty one."),),
    ),
    closings=(
        ("thanks, you're a star", "Happy to help, {first}. Enjoy the {product}!"),
        ("ok will try tonight", "Sounds good. Reply here if it's still playing up."),
    ),
    resolutions=("troubleshot", "replacement_sent", "warranty_claim_opened"), csat=(6, 8, 14, 30, 42),
)

PRICE_LINK = ("here's the link https://shop.example/deals/item-4471", "Thanks! That's the same model from a "
              "major retailer, so it qualifies. I've adjusted the price for you.")
PRICE_MATCHED = ("wow that was easy", "That's the idea! Enjoy it.")
PRICE_MARKETPLACE = ("it's on a marketplace site https://market.example/p/9931", "Thanks! That's a marketplace "
                     "seller, so I can't match that one, sorry. Our own price drops are refunded for 14 days after "
                     "purchase though.")

PRODUCT_QUESTION = Scenario(
    name="product_question", queue="sales", weight=8, order="none", mood="happy",
    subjects=("Product question", "Question before buying", "Quick product question", "Pre-sales question"),
    openings=(
        ("does the {smart} work with voice assistants?",
         "Hi {first}! Yes, once the {smart} is set up in the Brightwave Home app you can link the app in your voice "
         "assistant's settings and control it by voice."),
        ("Is the {kitchen} OK with UK plugs? I'm moving to London next month",
         "Good question! Appliances come with the plug for the store they're sold in, and using a US one on UK "
         "power can damage it. I'd recommend ordering from our UK store once you've moved."),
        ("what's the difference between the {browsing} and the {sibling}?",
         "Great question, {first}. They're both in the same range; the product pages have a Compare button that "
         "shows size, power and features side by side. Happy to send you the comparison if that helps!"),
        ("Is the {browsing} in stock? Site says back-ordered",
         "It's back-ordered right now, {first}; the next delivery is due in about 2 weeks. Tap 'Notify me' on the "
         "product page and you'll get an email the moment it's back."),
        ("do you price match? saw the {browsing} cheaper somewhere else",
         "We do! If it's the same model from a major retailer in your country and in stock, send me the link and "
         "I'll match it.", (PRICE_LINK, PRICE_MATCHED)),
        ("can u match a cheaper price for the {browsing}?? its like 20 less elsewhere",
         "We can match major retailers in your country for the same model, {first}. Where did you see it?",
         (PRICE_MARKETPLACE,)),
        ("Can the {kitchen} go in the dishwasher?",
         "The removable parts can go on the top rack, {first}, but the base must never get wet. Wipe it with a damp "
         "cloth."),
        ("does the {browsing} come with a warranty",
         "Yes: electrical items have a 2-year warranty and homeware 1 year, and you can extend electricals with "
         "Brightwave Care."),
        ("how loud is the {comfort}? need something quiet for a tiny flat",
         "It's one of our quieter models, {first}: about as loud as a normal conversation on its highest setting."),
    ),
    threads=(
        (("nice, and delivery to {city}?", "Standard delivery to {city} takes a few business days, and it's free "
          "over the free-shipping threshold."),),
    ),
    closings=(
        ("awesome thanks 👍", "You're welcome, {first}!"),
        ("cool I'll order it then", "Great choice! Let us know if you need anything else."),
    ),
    resolutions=("info_provided", "price_matched"), csat=(2, 3, 10, 30, 55),
)

MULTI_REQUEST = Scenario(
    name="multi_request", queue="general", weight=6, order="any",
    subjects=("A couple of questions", "Order and account", "Two things", "Help please"),
    openings=(
        ("Hi, two things: where is order {order}, and can I change the email on my account to {email}?",
         "Hi {first}! Order {order} is on its way (tracking {tracking}). For the email, go to Account, Profile, "
         "Email and confirm from the link we send to the new address."),
        ("can you check my refund for {order} and also do you have the {browsing} in black",
         "Sure! The refund for {order} was issued on Monday, so it should land in 3-5 business days. And yes, the "
         "{browsing} comes in black."),
        ("1) my {product} won't pair 2) I was charged twice for {order}. help",
         "Let's take them in order, {first}. 1) Please make sure your phone is on the 2.4 GHz Wi-Fi and try again. "
         "2) The second charge on {order} is a pending hold that drops off within 3-5 business days."),
        ("Where's my parcel? Also my new address is {address}, please update it for next time",
         "Your parcel {tracking} is due {eta}. I can't change your address book for you, but you can add {address} "
         "under Account, Addresses and set it as default."),
        ("Need an invoice for {order} for my company + when does the {browsing} ship?",
         "The invoice is under Account, Orders, {order}, Download invoice. The {browsing} ships within 1 business "
         "day once you order it.", (("great, and the company name on the invoice?", "Send me the company name and "
                                     "VAT number and I'll issue a corrected invoice within a day."),)),
        ("hey so my kettle's lid is loose AND the app logged me out?? also hi 👋",
         "Hi {first} 👋 For the lid, I can send a replacement part free of charge. For the app, please sign in "
         "again; if it keeps logging you out, reinstalling the app fixes it."),
    ),
    threads=(
        (("thanks. and how long for the refund again?", "3-5 business days once it's issued, depending on your "
          "bank."),),
    ),
    closings=(("perfect, that's everything", "Glad I could help with both, {first}!"), ("ty", "Any time!")),
    resolutions=("info_provided",), csat=(3, 5, 12, 32, 48),
)

SCENARIOS = (BILLING, ACCOUNT, TECHNICAL, PRODUCT_QUESTION, MULTI_REQUEST)
