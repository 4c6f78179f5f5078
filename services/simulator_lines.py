"""What simulated Brightwave Home customers write: our own lines, messy on purpose ({order}, {tracking}, {product}
are filled from the customer's real demo orders)."""

from __future__ import annotations

OPENING_LINES: dict[str, list[str]] = {
    "order_status": [
        "hey where is my order {order}?? tracking says nothing since monday",
        "Hi, I ordered the {product} last week and still no sign of it. Order {order}. Can you check?",
        "@BrightwaveHome my parcel {tracking} has been 'in transit' for 6 days lol is it lost",
        "um yeah hi i'm calling about order {order} it was supposed to arrive yesterday",
        "when will {order} ship? need it before the weekend pls 🙏",
    ],
    "refund": [
        "I sent back the {product} two weeks ago and the refund still isn't on my card. Order {order}.",
        "want to return the {product}, it's not what i expected. how do i get a label?",
        "refund for {order} pls, item arrived broken 😡",
    ],
    "billing": [
        "why was I charged twice for {order}??? fix this",
        "Hello, can I get a proper VAT invoice for order {order}? My company needs it.",
        "my card got declined at checkout 3 times but the bank says its fine",
    ],
    "technical": [
        "the {product} won't connect to wifi after the update, tried resetting it twice already",
        "{product} keeps beeping and shows error E4, what does that mean",
        "app says device offline but the lights are on. help",
    ],
    "account": [
        "forgot my password and the reset email never comes. checked spam",
        "how do I delete my account and all my data",
        "can i change the email on my account to my work one",
    ],
    "product": [
        "does the {product} come in black? and is it dishwasher safe",
        "is the {product} compatible with alexa / google home?",
        "what's the warranty on the {product}",
    ],
    "angry_manager": [
        "THIS IS THE THIRD TIME I'M WRITING ABOUT {order}. I want a manager NOW.",
        "Your service is a joke. Nobody answers. Put me through to a supervisor or I'm disputing the charge.",
        "I've been on hold 40 minutes. Get me a real person, not a bot. Order {order}.",
    ],
    "nothing": [
        "just wanted to say the {product} is amazing, best purchase this year 😍",
        "FREE followers!!! visit cheap-likes.example for 10k followers today",
        "knock knock. who's there? a customer with no complaints for once 😂",
    ],
}

FOLLOW_UPS: dict[str, list[str]] = {
    "calm": ["ok thanks, any update?", "Thanks for checking. Let me know.", "cool, and how long will that take?",
             "got it 👍"],
    "annoyed": ["still waiting...", "this is taking forever honestly", "you said that yesterday too 🙄",
                "hello?? anyone there"],
    "angry": ["NOT GOOD ENOUGH. I want my money back today.", "I'm done. Give me a manager or I'll report you.",
              "unbelievable. third time I explain the same thing", "if this isn't fixed today I'm calling my bank"],
}

SUBJECTS: dict[str, str] = {
    "order_status": "Where is my order", "refund": "Refund / return", "billing": "Billing question",
    "technical": "Device problem", "account": "Account help", "product": "Product question",
    "angry_manager": "Complaint - wants a manager", "nothing": "Message",
}
