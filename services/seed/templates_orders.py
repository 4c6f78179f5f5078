"""Scenarios about orders and parcels: status, delays, cancellations, address changes, returns and refunds."""

from __future__ import annotations

from services.seed.scenarios import Scenario

ORDER_STATUS = Scenario(
    name="order_status", queue="orders", weight=14, order="in_flight",
    subjects=("Where is my order?", "Order status {order}", "Delivery date for {order}", "Has my order shipped?"),
    openings=(
        "Hi, where is my order {order}? It's been {days} days",
        "hey can you check order {order} for me, haven't had any updates",
        "Hello, I ordered a {product} on {placed} and I'd like to know when it will arrive. Order number {order}.",
        "whats the status of {order}?? need it before the weekend",
        "Hi there! Just wondering if my {product} has shipped yet. Order {order}",
        "I placed an order last week ({order}) and the tracking link doesn't show anything",
        "any update on my order? the number is {order}",
        "Good morning, could you tell me the delivery date for order {order}? Thanks",
        "yo where my {product} at 😅 order {order}",
        "Tracking {tracking} just says label created. Did you actually send it?",
    ),
    replies=(
        "Hi {first}, thanks for reaching out! I've checked order {order}: it's with our carrier under tracking "
        "number {tracking}, and the current estimate is {eta}.",
        "Thanks {first}. Your {product} is on its way, tracking number {tracking}. You can follow it here: {link}",
        "Hi {first}, order {order} left our warehouse and the carrier expects to deliver it by {eta}. "
        "Tracking: {tracking}.",
        "Good news {first}, it's moving! {tracking} was scanned at the carrier's hub this morning, so it should "
        "reach you by {eta}.",
    ),
    threads=(
        (("ok and will they need a signature?", "No signature is needed for this one; the carrier can leave it in a "
          "safe place if you're out. You can add delivery instructions on the tracking page."),
         ("what time roughly? I work from home tuesdays", "The carrier doesn't give a time slot until the morning "
          "of delivery. You'll get a text with a 2-hour window on the day.")),
        (("the link says label created, is that normal?", "Yes, that's normal for the first 24 hours. The first "
          "scan shows up once the parcel reaches the carrier's hub."),
         ("can i pick it up somewhere instead", "You can pick a parcel locker or pickup point from the carrier's "
          "tracking page once it's in transit, using 'change delivery'.")),
        (("is it all coming in one box?", "It's all in one parcel, so there's just the one tracking number to "
          "watch."),),
    ),
    closings=(
        ("great thanks!", "You're welcome, {first}! Enjoy your {product}."),
        ("perfect, thank you 🙏", "Happy to help! Have a great day."),
        ("ok cool", "Anything else I can help with today?"),
        ("thanks {agent}!", "Any time, {first}."),
    ),
    resolutions=("info_provided", "info_provided", "tracking_shared"),
)

DELAYED_DELIVERY = Scenario(
    name="delayed_delivery", queue="orders", weight=12, order="in_flight", mood="frustrated", escalation=0.08,
    subjects=("Late delivery {order}", "Parcel delayed", "Still no package", "Is my order lost?"),
    openings=(
        "My order {order} was supposed to be here by now and tracking hasn't moved in {stall} days",
        "where is my package??? it says delayed since monday. order {order}",
        "Hi, tracking for {tracking} has said 'in transit' for a week now. Is it lost?",
        "this is getting ridiculous, my {product} still isn't delivered. ordered on {placed}",
        "Hello, my parcel is late and I need it for a birthday on Saturday. Order {order}. Can you help?",
        "your delivery guys are a joke. second delay on {order}",
        "Tracking says delayed - weather. Any idea how long? {order}",
        "Ordered {days} days ago. Still nothing. {order}. Not impressed tbh",
    ),
    replies=(
        "I'm sorry for the wait, {first}. Order {order} hasn't had a new scan in {stall} days, so I've opened a "
        "trace with the carrier. It takes up to 2 business days and I'll update you as soon as I hear back.",
        "Really sorry about this, {first}. The carrier flagged a delay on {tracking}. Most delayed parcels move "
        "again within 2 business days; if it hasn't moved by {eta}, we'll send a replacement by express or refund "
        "you, your choice.",
        "Apologies {first}, that's not the experience we want you to have. I've chased {tracking} with the carrier "
        "and I'm keeping an eye on it personally.",
    ),
    threads=(
        (("can't you just send another one?", "If the trace doesn't find it within 2 business days I'll ship a "
          "replacement by express straight away, you won't need to wait for the original."),
         ("what if the first one turns up later", "Then you can send the extra one back for free within 30 days, "
          "no problem.")),
        (("I need it by Saturday, is that possible?", "I can't promise Saturday for the original parcel, but I can "
          "send a replacement by express today so it arrives in 1-2 business days. Shall I do that?"),
         ("yes please do that", "Done: the replacement is on its way by express. If the first parcel turns up, "
          "keep the one you prefer and return the other for free.")),
        (("this is the second time this happened", "I understand, and I'm sorry. I've added a goodwill credit of "
          "{credit} to your account for the trouble."),
         ("honestly just refund me then", "Of course. I've refunded {amount} to your original payment method; "
          "banks usually show it within 3-5 business days.")),
    ),
    closings=(
        ("ok thanks for sorting it", "Of course. You'll get an email with the new tracking number shortly."),
        ("fine. I'll wait then", "Thanks for your patience, {first}. I'll message you as soon as the carrier "
         "replies."),
        ("appreciate it", "Any time, and sorry again for the delay."),
    ),
    resolutions=("replacement_sent", "carrier_trace_opened", "refund_issued", "info_provided"),
    csat=(8, 10, 18, 34, 30),
)

CANCEL_ORDER = Scenario(
    name="cancel_order", queue="orders", weight=4, order="cancellable",
    subjects=("Cancel order {order}", "Please cancel my order", "Cancellation request"),
    openings=(
        ("please cancel order {order}, ordered by mistake",
         "Done, {first}: order {order} is cancelled and {amount} is on its way back to your card. It can take "
         "3-5 business days to show."),
        ("Can I still cancel {order}? I found it cheaper somewhere else",
         "You can, and it's cancelled now. Just so you know, we also price match: if you'd like to keep it at the "
         "lower price, send me the link and I'll set the order up again."),
        ("cancel my order pls!!! wrong colour",
         "No problem {first}, I've cancelled {order} before it was packed. The refund of {amount} is already on "
         "its way."),
        ("hi i want to cancel the {product} but keep the rest of the order",
         "Sure! I've cancelled just the {product} on {order}; the rest ships as planned and you'll see the "
         "refund for that item in 3-5 business days."),
    ),
    threads=(
        (("do i have to do anything?", "Nothing at all. You'll get a cancellation email in a few minutes."),),
        (("what about the discount code I used", "The code goes back on your account, so you can use it again on a "
          "new order before it expires."),),
    ),
    closings=(("thank you so much", "You're welcome, {first}!"), ("ok thx", "Have a good one!")),
    resolutions=("order_cancelled",), csat=(2, 3, 10, 30, 55),
)

ADDRESS_CHANGE = Scenario(
    name="address_change", queue="orders", weight=4, order="unshipped",
    subjects=("Change delivery address", "Wrong address on {order}", "New address"),
    openings=(
        "I moved! can you change the delivery address on {order} to {address}, {postcode}?",
        "Wrong address on my order {order}, it should be {address}, {city} {postcode}",
        "hi can the parcel go to my work instead? {address}",
        "Typo in my address on {order} 🙈 the right one is {address}",
    ),
    replies=(
        "Thanks {first}! {order} hasn't shipped yet, so I've updated the delivery address. You'll get a "
        "confirmation email with the new address.",
        "All sorted, {first}: the new address is on order {order}. For next time you can also edit it yourself "
        "under Account, Orders while the order is processing.",
    ),
    threads=(
        (("can you save it as my default too?", "I can't change your address book for you, but you can set it as "
          "default under Account, Addresses in a few seconds."),),
        (("and the delivery date stays the same?", "Yes, the estimate is still {eta}."),),
    ),
    closings=(("brilliant, thanks", "You're welcome!"), ("thanks!!", "Any time, {first}.")),
    resolutions=("address_updated",), csat=(2, 3, 10, 30, 55),
)

RETURN_BOX = ("do I need the original box?", "The original box is best, but any sturdy box works. Please include "
              "all the parts and accessories.")
RETURN_SHIPPING = ("will I get the shipping back too?", "For change-of-mind returns the original shipping isn't "
                   "refunded, but sending it back is free.")
RETURN_COLLECT = ("can you collect it? it's heavy", "Yes, for large items we book a free collection. I've "
                  "requested one; the carrier will email you to pick a day.")
REFUND_LATE = ("it's been more than 10 days though", "You're right, that's too long. The refund reference is {ref}; "
               "your bank can use it to trace the payment.")
REFUND_PARTIAL = ("so why was it partial", "The warehouse noted a missing accessory. If you still have it, send it "
                  "with the label I just emailed and we'll refund the rest.")

REFUND_RETURN = Scenario(
    name="refund_return", queue="returns", weight=14, order="delivered", escalation=0.05,
    subjects=("Return / refund {order}", "Refund for {order}", "Return for order {order}", "Returns question"),
    openings=(
        ("Hi, I'd like to return the {product} I bought, it's not what I expected. Order {order}",
         "Hi {first}! You can return it within 30 days of delivery for a full refund. I've emailed you a prepaid "
         "label for order {order}: drop the parcel at any carrier point, or show the QR code if you have no "
         "printer.", (RETURN_BOX, RETURN_SHIPPING)),
        ("how do i return something? the {product} is way too big for my kitchen lol",
         "Ha, happens more than you'd think! Returns are free within 30 days. I've sent a return label for {order} "
         "to your email.", (RETURN_COLLECT,)),
        ("I sent my return back 2 weeks ago and still no refund. Order {order}",
         "Sorry for the wait, {first}. The return for {order} reached our warehouse and the refund of {amount} was "
         "issued yesterday. Cards usually show it within 3-5 business days.", (REFUND_LATE,)),
        ("Hello, when will I get my refund for {order}? You received the parcel on {placed}.",
         "Thanks {first}. Refunds are processed within 2 business days of the return arriving, and I've flagged "
         "{order} as urgent with our warehouse team.", (REFUND_LATE,)),
        ("can i get a refund instead of a replacement for the {product}",
         "Of course, {first}. Once the {product} is back with us we'll refund {amount} to your original payment "
         "method instead of sending a replacement.", (RETURN_BOX,)),
        ("I returned the {product} but only got part of my money back?? {order}",
         "I'm sorry for the confusion, {first}. Let me look at the inspection notes for {order}.", (REFUND_PARTIAL,)),
        ("need a return label for order {order}, the box is already packed",
         "Here you go, {first}: the label for {order} is in your inbox. Any carrier drop-off point will take it."),
    ),
    closings=(
        ("thank you", "You're welcome! Anything else I can do?"),
        ("ok got the label, thx", "Great, {first}. You'll get an email as soon as it arrives with us."),
        ("ok will check my bank next week", "Sounds good. Reply here if it isn't there by then."),
    ),
    resolutions=("return_label_sent", "refund_issued", "refund_status_given"),
    csat=(5, 6, 12, 30, 47),
)

SCENARIOS = (ORDER_STATUS, DELAYED_DELIVERY, CANCEL_ORDER, ADDRESS_CHANGE, REFUND_RETURN)
