"""Three knowledge-base drafts in the style our AI drafting produces from conversations with no matching article.

Each is (slug, title, category, markdown body). They wait in review so the KB editor has work on first start.
"""

from __future__ import annotations

DRAFTS: tuple[tuple[str, str, str, str], ...] = (
    ("draft-thermia-schedule-not-followed", "Thermia ignores my heating schedule", "Smart Home", """
> **AI draft**, generated from 9 conversations in the last 30 days where agents found no matching article.
> Please check every step before approving.

# Thermia ignores my heating schedule

Some customers report that the Thermia Smart Thermostat heats outside the times set in the schedule.

## Likely causes
1. **Away mode or a manual hold is active.** A temperature set on the thermostat itself overrides the schedule
   until the next schedule change, or indefinitely if *Hold* was chosen.
2. **Early start is on.** Thermia starts heating up to 2 hours early so the room reaches the target temperature
   at the scheduled time.
3. **The time zone is wrong** after a move or when the hub was set up in another region.

## Steps to suggest
1. In the Brightwave Home app, open Thermia and check for a *Hold* banner; select **Resume schedule**.
2. Go to **Settings → Early start** and turn it off if the customer prefers exact times.
3. Check **Settings → Location** and correct the time zone.
4. If the problem continues, ask for a screenshot of the schedule and the thermostat's history graph.

*Sources: conversations about Thermia schedules; article "Installing the Thermia Smart Thermostat".*
"""),
    ("draft-gift-order-hide-prices", "Sending an order as a gift without prices", "Orders", """
> **AI draft**, generated from 6 conversations in the last 30 days. Policy details need confirming by the
> billing team before approval.

# Sending an order as a gift without prices

Customers often ask whether the recipient will see what they paid.

## What happens today
- Tick **This is a gift** at checkout. The packing slip then shows no prices, and a gift receipt is included.
- The invoice and order confirmation are only sent to the buyer's email address.
- A gift message of up to 250 characters can be added; it is printed on the packing slip.

## After the order is placed
If the buyer forgot to tick the box, an agent can mark the order as a gift while it is still **Processing**.
Once it has shipped, the packing slip cannot be changed.

## Returns by the recipient
The recipient can start a return with the order number on the gift receipt. The refund goes to the buyer,
or as a gift card to the recipient if they prefer (see "How to return an item").

*Open question for reviewers: do gift receipts also go to EU customers buying with Klarna?*
"""),
    ("draft-air-purifier-filter-light", "Tidewell filter light stays on after a new filter", "Home Comfort", """
> **AI draft**, generated from 11 conversations in the last 30 days. Contains product steps that need checking
> against the Tidewell manual.

# Tidewell filter light stays on after a new filter

After fitting a new Tidewell Air Purifier Filter, the filter indicator on the Tidewell Air Purifier 300 can stay
red or orange. The purifier does not detect the new filter by itself; the timer has to be reset.

## Steps
1. Make sure the purifier is plugged in and switched on.
2. Check the filter is the right way round: the pull tab faces outwards and the cover clicks shut.
3. Press and hold the **filter** button for **5 seconds** until the light turns off and the purifier beeps.
4. In the Brightwave Home app, open the purifier and choose **Filter → I replaced the filter**.

## If the light comes back quickly
The filter timer assumes 8 hours of use per day. In homes with pets or smokers, the sensor can ask for a filter
change sooner: this is expected. If the light returns within a week of a reset, ask for a photo of the filter
label; a fake or non-Tidewell filter may not fit the sensor.

*Sources: conversations tagged technical_problem mentioning Tidewell.*
"""),
)
