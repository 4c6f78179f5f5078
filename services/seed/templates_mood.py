"""Scenarios driven by feelings rather than a task: complaints, asking for a manager, praise, jokes, and spam."""

from __future__ import annotations

from services.seed.scenarios import Scenario

COMPLAINT = Scenario(
    name="complaint", queue="general", weight=5, order="any", mood="angry", escalation=0.3,
    subjects=("Complaint", "Very disappointed", "Not happy", "Complaint about {order}"),
    openings=(
        ("Honestly the worst customer service ever. 3 emails and nobody answered",
         "I'm really sorry, {first}. That's not okay and I want to fix it now. I can see your emails about {order}, "
         "and I'm taking this over personally.",
         (("about time. I want compensation", "Understood. I've arranged a replacement by express and added a "
           "{credit} credit for the trouble."),)),
        ("Your driver threw my parcel over the fence and the {product} box is crushed",
         "I'm so sorry, {first}. Could you send a photo of the box and the item? I'll sort out a replacement.",
         (("photos here https://pics.example/d/2291 and https://pics.example/d/2292", "Thank you, those help. "
           "That damage happened in transit, so a replacement is on its way and you don't need to send the broken "
           "one back. I've also reported the driver to the carrier."),)),
        ("I am VERY disappointed. The {product} broke after one use and it was a gift",
         "I'm sorry, {first}, that's really frustrating, especially for a gift. It's covered, and I'll send a "
         "replacement by express today so it's not left waiting."),
        ("why is it so hard to get a straight answer from you people",
         "I'm sorry you've had that experience, {first}. Tell me what's still open and I'll give you a straight "
         "answer right now."),
        ("been on hold 45 mins on the phone. ridiculous. order {order}",
         "I'm sorry about the wait, {first}, that's far too long. I have {order} open now. What can I do for you?",
         (("it arrived broken. again.", "I'm sorry. I've sent a replacement by express and added a {credit} "
           "credit. You don't need to return the broken one."),)),
    ),
    closings=(
        ("fine. thanks I guess", "Thanks for bearing with us, {first}. I'll keep an eye on it."),
        ("ok. that's fair", "I appreciate you telling us. Sorry again."),
    ),
    resolutions=("replacement_sent", "goodwill_credit", "apology"), csat=(18, 18, 24, 24, 16),
)

MANAGER = Scenario(
    name="manager_request", queue="general", weight=3, order="any", mood="angry", escalation=0.75,
    subjects=("I want a manager", "Formal complaint", "Escalation request", "Speak to a supervisor"),
    openings=(
        "I WANT TO SPEAK TO A MANAGER. NOW.",
        "put me through to your supervisor please, I'm done explaining this again",
        "Can I talk to someone more senior? This is the third time I'm contacting you about {order}",
        "get me a manager or i'm disputing the charge with my bank",
        "I'd like to make a formal complaint and speak to a manager about order {order}",
        "Is there ANYONE there who can actually make a decision?? {order}",
    ),
    replies=(
        "I understand, {first}, and I'm sorry it's come to this. I've asked my supervisor to review your case; "
        "she'll contact you within 24 hours. In the meantime, can I check what's still open?",
        "Of course. I'm escalating this to our supervisor, Priya, now. So she has everything, could you confirm "
        "what outcome you're looking for?",
    ),
    threads=(
        (("a full refund and an apology", "That's clear, thank you. I've passed that to Priya with all the "
          "details."),),
        (("I just want it to work", "Understood. Priya will call you, and I've noted that a working replacement is "
          "what you need."),),
    ),
    closings=(("fine. waiting.", "Thank you, {first}. You'll hear from us within 24 hours."),),
    resolutions=("escalated",), csat=(28, 24, 22, 16, 10),
)

PRAISE = Scenario(
    name="praise", queue="general", weight=4, order="any", mood="happy",
    subjects=("Thank you!", "Great service", "Love it", "Just a thank you"),
    openings=(
        "just wanted to say the {product} is amazing!! best purchase this year 😍",
        "Shoutout to {colleague} who helped me last week, super helpful and patient",
        "Delivery was so fast, ordered yesterday and it's already here. impressed",
        "10/10 would buy again. the {product} looks even better than the photos",
        "Thanks for sorting my return so quickly, really appreciate it 🙏",
        "not often I message a company to say thanks but here we are. great job with my order {order}",
    ),
    replies=(
        "That's so lovely to hear, {first}! I'll pass it on to the team 💙",
        "Thank you for taking the time to tell us, {first}! Messages like this make our day.",
        "Aww thank you {first}! Enjoy it, and we're here if you ever need anything.",
    ),
    resolutions=("praise_logged",), csat=(0, 0, 2, 12, 86),
)

JOKE = Scenario(
    name="joke", queue="general", weight=2, order="none", mood="happy",
    subjects=("Quick question", "lol", "Serious question", "Hello"),
    openings=(
        ("if my toaster burns the toast is it technically a smart toaster? asking for a friend 😂",
         "Ha! Only if it apologises afterwards 😄 Anything I can help you with today?"),
        ("can the robot vacuum also do my homework",
         "Sadly no homework mode yet 😄 but it does a great job on crumbs. Anything else I can help with?"),
        ("does the smart kettle have feelings. it beeps at me passive aggressively",
         "It's just excited your tea is ready, promise 😄 You can turn the beep off in the app under Sounds."),
        ("my cat is now scared of the sweepo. is there a cat mode lol",
         "Ha, you're not the first! Quiet mode in the app helps a lot of nervous pets."),
        ("knock knock", "Who's there? 😄 (Happy to help with anything Brightwave too!)"),
    ),
    resolutions=("no_action_needed",), csat=(0, 2, 10, 30, 58),
)

SPAM = Scenario(
    name="spam", queue="general", weight=3, order="none", mood="spam",
    subjects=("Business opportunity", "Partnership", "You have won", "Collaboration"),
    openings=(
        "🔥🔥 Make $5000/week from home!!! DM me for details 👉 http://cash-fast.example/join",
        "Hi, we are an SEO agency and can put brightwavehome on Google page 1. Reply for our price list.",
        "Follow me for free giveaways @promo_king_77 🎁🎁🎁",
        "Congratulations you won a free phone!!! claim now http://win-prize.example/claim?id=99812",
        "Dear Sir/Madam, we supply LED components at wholesale prices. Catalogue attached.",
        "crypto signals 💰💰 join our group t.me/signals_example",
    ),
    internal_note="Spam, closed without a reply.", resolutions=("spam",), csat=(0, 0, 0, 0, 1),
)

SCENARIOS = (COMPLAINT, MANAGER, PRAISE, JOKE, SPAM)
