"""How policy_claims_v6.jsonl was made (kept for provenance; the JSONL is the dataset).

Dataset card
------------
- What: a held-out test set for the grounding guard. Each row is a customer question about the
  Lumen Market demo corpus, an answer written in the style of a small support chat model, 1-3 real
  corpus passages (as `core.grounding.corpus_text.passages` cuts them) holding the evidence needed
  to judge the answer, and a label: supported, contradicted or unsupported.
- Written: 2026-11-25 (session 4), by a separate writer (a helper session) who read only the corpus
  under corpus/lumen-market/ (through `passages()`), its facts sheet (corpus/README.md),
  evaluation/policy_claims.py, and for the format lines 1-110 (dataset card and first case) and the
  last 30 lines of the v4 builder. The writer saw neither the guard, its code, its tests, its
  benchmark results or its errors, nor any v1-v5 cases beyond that one v4 format example and the
  v4 card, and never ran the guard or any checker on these cases, so they are not shaped by what the
  guard catches. All questions are new.
- Topics: every part of the corpus - returns and refunds (windows per category and per parcel,
  restocking and label fees, store credit, Klarna and gift-card refunds, bulky returns, gifts,
  "no fault found"), shipping (EU options and cut-offs, free-delivery threshold, UK/CH/NO, freight,
  lockers, PO boxes, workplaces, late/missed/lost parcels), orders (60-minute rule, delivery-option
  and address changes, pre-orders, split and missing items, duplicates), payments (Klarna, bank
  transfer, price drops, VAT IDs, authorisations, wallets, cheques), warranty (legal guarantee,
  Lumen Care / Care+, batteries, claims, repairs), gift cards, account and security, Lumen Plus,
  contact/hours/complaints, general FAQ, and the five product manuals (Volt 14 and BrewMaster 900
  PDFs; Aurora X2, TrailLite 2 and HomeHub Markdown), including two cross-manual cases (BrewMaster
  on a HomeHub timer; BrewMaster plus a kettle on one HomeHub).
- How: every answer was written by hand against the passage text and re-checked against its
  passages (supported answers sentence by sentence; arithmetic checked with Python). Supported
  answers paraphrase (reordered, numbers sometimes in words, chatty openers and closers, facts from
  two or three passages), and about 40 of them reason with the customer's own numbers (e.g. a
  120 EUR opened smart speaker refunded at 97.05 EUR, jacket and boots from a split delivery
  returnable until 2 and 10 June, a pro-rata Lumen Plus refund of 28.58 EUR, 1,450 W + 2,300 W =
  3,750 W over the HomeHub's 3,680 W limit, a wet tent packed for 50 hours). "declines" say the help
  centre doesn't cover the question and offer a person (resting on the chat passage "You can ask for
  a person at any time during chat hours (08:00-22:00 CET)."); one (HomeKit) also states a fact
  from its second passage. Contradicted answers change exactly one fact inside an otherwise correct
  paraphrase. Unsupported answers add a policy, fee, discount, channel or product detail the
  passages neither state nor rule out (invented: the answer rests on it; added_clause: one extra
  sentence after a correct answer).
- Counts (200 cases): supported 100, contradicted 80, unsupported 20.
  supported: paraphrase 92, declines 8.
  contradicted: number_swap 14, wrong_fact 11, negation 10, wrong_comparison 10,
  swapped_attribution 9, time_swap 4, date_swap 4, only_vs_list 4, universal_vs_conditional 4,
  wrong_category 4, unit_swap 3, weekday_swap 3.
  unsupported: added_clause 12, invented 8.
  By topic (supported/contradicted/unsupported): returns and refunds 28 (13/12/3), shipping 21
  (10/8/3), orders 13 (7/5/1), payments 15 (7/6/2), warranty 16 (7/7/2), gift cards 14 (7/6/1),
  account 14 (7/5/2), Lumen Plus 14 (7/6/1), contact and general FAQ 13 (6/5/2), product manuals
  44 (21/20/3: Volt 14 9, BrewMaster 900 9, Aurora X2 9, TrailLite 2 9, HomeHub 8), declines 8
  (8/0/0).
- Borderline labels (judgement calls, kept as labelled):
  pc6-001 (supported): a hardback cookbook is taken to be a printed book (14-day window).
  pc6-003 (supported): wearing a jumper "to a party" is read as wearing it outside.
  pc6-033 (supported): the answer does not judge whether "4 days" is more than 3 business days;
  it only states the customs delay and the 3-business-day rule.
  pc6-038 and pc6-141 (supported) take the customer's Berlin time as CET.
  pc6-041 (contradicted, wrong_comparison): rests on "free when your order total is over 50 EUR"
  read strictly, so exactly 50.00 EUR does not qualify.
  pc6-046 (contradicted, weekday_swap): "Monday to Saturday" for deliveries the passage says are
  made Monday to Friday, with Saturdays possible but not guaranteed.
  pc6-047 (unsupported, invented): paid delivery time slots for normal parcels are not mentioned
  (only freight has a booked 4-hour slot); a reader who takes the option list as complete would
  call it contradicted. Same for pc6-147 (WhatsApp, read against the list of channels).
  pc6-027 (unsupported, invented): nothing says a return window can be extended on request, but
  nothing forbids it either.
  pc6-077 (unsupported): a price-drop claim by phone; the passage names the chat team and the
  Orders page, and the phone is not ruled out.
  pc6-081 (supported): "for the 3rd time this year" is read as two earlier accidental-damage
  claims within the last 12 months.
  pc6-107 (unsupported): "we'll send you an offer" for corporate gift cards; the added 5% discount
  is not stated.
  pc6-113 (supported): asking for a new data export after the 7-day link expired is inferred from
  the how-to steps.
  pc6-133 (contradicted, wrong_category): Next-day put among the deliveries that are free for
  members (could also be called wrong_fact).
  pc6-146 (contradicted, time_swap): UK chat hours given as 07:00-20:00 instead of 07:00-21:00.
  pc6-154 (declines): also states that the HomeHub works with Alexa and Google Home (from its
  second passage) without claiming or denying HomeKit support.
  pc6-177 (supported): the flight adapter in the box is read as the way to plug into an
  aircraft's entertainment system.
- Held out: never train or tune on it. Never use it to train or tune the grounding classifier, its
  prompts or its thresholds. Once it has been studied, write a v7.

    python evaluation/datasets/build_policy_claims_v6.py [--force]

The JSONL is versioned: it is never rewritten in place; a changed set is a new file (v7).
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from evaluation.policy_claims import Case, main  # noqa: E402

OUT = Path(__file__).resolve().parent / "policy_claims_v6.jsonl"

S, C, U = "supported", "contradicted", "unsupported"
PERSON = "You can ask for a person at any time during chat hours (08:00-22:00 CET)."

# (type, label, question, answer, passage snippets)
CASES: list[Case] = [
    # --- returns and refunds ----------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "got a hardback cookbook delivered on 9 feb, flicked through it and it's not for me. today is the 20th, "
        "am I too late to return it? (not a plus member)",
        "Not too late at all! Books have a 14-day return window counted from the delivery date, so for a book "
        "delivered on 9 February the last day is 23 February. As long as it's still in resaleable condition, you "
        "can send it back.",
        ["Books: examples Printed books", "A novel delivered on 5 October"],
    ),
    (
        "paraphrase",
        S,
        "I opened a smart speaker (paid 120€), it works but I just dont like the sound. what would I actually get "
        "back if I return it?",
        "Because it's been opened and works fine, a 15% restocking fee applies, which is 18 EUR on 120 EUR. If "
        "you're not a Lumen Plus member, the 4.95 EUR return label fee is deducted as well, so you'd get 97.05 EUR "
        "back. As a member it would be 102 EUR, since your label is free.",
        [
            "smart-home devices such as smart plugs, speakers and cameras",
            "The fee covers testing, data wiping, repackaging",
        ],
    ),
    (
        "paraphrase",
        S,
        "Wore a jumper once to a friends party, the tags are still attached tho. Can I still send it back?",
        "I'm afraid that won't work as a normal return. Clothing has to come back unworn with its original tags "
        "attached, and while trying something on at home is fine, wearing it out isn't.",
        ["Wearing it outside is not."],
    ),
    (
        "paraphrase",
        S,
        "my order came in two parcels - the jacket arrived 3 april and the boots on 11 april. whens the last day "
        "to send each one back? no membership",
        "Each item gets its own window, starting on the day that item was delivered. Clothing and shoes have 60 "
        "days, so the jacket can go back until 2 June and the boots until 10 June. Both need to be unworn with "
        "the tags still on.",
        [
            "each item's window starts on the day that item was delivered",
            "Books: examples Printed books",
            "A tent delivered on 1 June",
        ],
    ),
    (
        "paraphrase",
        S,
        "I sent back a floor lamp that I bought with klarna pay in 30 days. havent paid the invoice yet - do I "
        "still have to pay it??",
        "Once the lamp has been received and inspected, we let Klarna know and they update your invoice, so "
        "you won't be paying for what you sent back. While you're waiting for the return to be processed, you can "
        "pause the payment in the Klarna app.",
        ["pause your Klarna payment in the Klarna app"],
    ),
    (
        "paraphrase",
        S,
        "Plus member here. Returning a kettle I paid 64 euros for, still sealed in the box. If I pick store credit "
        "what do I end up with?",
        "As a Lumen Plus member you don't pay for the return label, and a sealed kettle has nothing else taken "
        "off, so the full 64 EUR counts. Store credit adds a 5% bonus on top, which makes 67.20 EUR, added to "
        "your account as soon as the return is checked in.",
        [
            "a 100 EUR refund becomes 105 EUR of store credit",
            "Missing parts or damage: if an item comes back incomplete",
        ],
    ),
    (
        "paraphrase",
        S,
        "I sent a coffee grinder back as faulty and now got an email saying they found no fault?? what happens now",
        "When our technicians can't find a fault, they email you before doing anything else, and the choice is "
        "yours: have the grinder sent back to you free of charge, or carry on with a normal return. A normal "
        "return follows the standard rules, so the 4.95 EUR label fee is deducted unless you're a Lumen Plus "
        "member.",
        ["have the item sent back to you free of charge, or."],
    ),
    (
        "paraphrase",
        S,
        "bought a laptop bundle that came with a preinstalled office licence. I want to return the laptop - is "
        "that even allowed if software can't be returned?",
        "Usually, yes. With a bundle like that, you can return the laptop itself under the normal rules and the "
        "software licence is simply deactivated. Bear in mind that laptops have a 30-day window from delivery "
        "(45 days with Lumen Plus), and an opened laptop that isn't faulty carries a 15% restocking fee.",
        [
            "The software licence is then deactivated.",
            "Opened laptops that aren't faulty carry a 15% restocking fee",
        ],
    ),
    (
        "paraphrase",
        S,
        "sending back a phone case and a usb cable from the same order, can I put them in one box or will I pay "
        "the 4.95 twice",
        "Pack them together! When several items from the same order go back in one parcel, the 4.95 EUR fee is "
        "only charged once, and it comes off your refund rather than your card. If you're a Lumen Plus member, "
        "there's no fee at all.",
        ["If you return several items from the same order in one parcel"],
    ),
    (
        "paraphrase",
        S,
        "I'm sending back my whole order, it was just a 35 EUR toaster and I paid 4.95 for standard delivery. I "
        "just changed my mind. How much comes back to me? not plus",
        "Since you're returning the entire order, the 4.95 EUR standard delivery charge is refunded too. As it's a "
        "change-of-mind return, the 4.95 EUR return label fee is then deducted, so the two cancel out and you'll "
        "get 35 EUR back.",
        [
            "If you send back an entire order, we also refund the standard delivery charge",
            "Missing parts or damage: if an item comes back incomplete",
        ],
    ),
    (
        "paraphrase",
        S,
        "dropped my return off at the parcel shop and the guy gave me a little receipt. do i actually need to "
        "keep that?",
        "Yes, hang on to it until the refund has reached your account. It's your proof that you sent the parcel "
        "if it gets lost on its way back to us.",
        ["Keep your drop-off receipt until the refund is in your account."],
    ),
    (
        "paraphrase",
        S,
        "I bought my mum a blender for her birthday and had it sent straight to her. She wants to return it - "
        "can she do that herself, and who gets the money?",
        "She can: the person who received it can send it back through Guest returns with the order number. The "
        "refund goes to you, though, as you're the one who paid. Keep in mind the return window started on the "
        "day the blender was delivered to her.",
        ["The recipient can return the item through Guest returns"],
    ),
    (
        "paraphrase",
        S,
        "Been a Plus member for 2 yrs. The bike I ordered (its 32 kg) was delivered on 20 May and I want to send "
        "it back. How long have I got and do I pay for the pickup?",
        "As a Lumen Plus member you have 60 days for outdoor gear, so the last day for the bike is 19 July. "
        "Because it's over 30 kg, just start the return as usual and our team will contact you within 2 business "
        "days to arrange a collection, which is free for members.",
        [
            "Our team will contact you within 2 business days to arrange a collection time.",
            "Outdoor gear (tents, sleeping bags, bikes): non-members 45 days; lumen plus 60 days.",
            "A tent delivered on 1 June",
        ],
    ),
    (
        "number_swap",
        C,
        "how long do i have to return a sleeping bag? I only opened the packaging",
        "Sleeping bags count as outdoor gear, which you can return within 45 days of delivery, or 75 days if "
        "you're a Lumen Plus member. Just make sure it's clean and complete when it goes back.",
        ["Books: examples Printed books"],
    ),
    (
        "negation",
        C,
        "are over-ear headphones returnable once I've tried them on or is that a hygiene thing?",
        "Unfortunately headphones are treated as hygiene items, like underwear, so once they've been worn they "
        "can't be returned for a change of mind. If they turn out to be faulty, we'll still put it right.",
        ["Headphones aren't treated as underwear or hygiene items."],
    ),
    (
        "wrong_comparison",
        C,
        "a dress I ordered arrived 62 days ago, never worn, tags still on. can I return it? not a member",
        "Yes, you can! Clothing has a 60-day return window from delivery, so at 62 days you're still inside it. "
        "Just keep the tags attached.",
        ["Books: examples Printed books"],
    ),
    (
        "universal_vs_conditional",
        C,
        "do i have to pay for return postage if I just dont want the thing anymore?",
        "No, return shipping is always free at Lumen Market: every return comes with a prepaid label, and nothing "
        "is deducted for it, whatever your reason for sending the item back.",
        ["If you return several items from the same order in one parcel"],
    ),
    (
        "wrong_fact",
        C,
        "Returned a jacket I paid for with a gift card, but the card expired last month. Where does the refund go?",
        "Because the gift card has expired, the refund is paid into your bank account instead, within 5-7 "
        "business days after we've inspected the jacket.",
        ["If the gift card has expired by then, we issue a new e-gift card for the refund amount."],
    ),
    (
        "only_vs_list",
        C,
        "what sort of stuff can't I return at all?",
        "The only things you can't return are gift cards and personalised items, such as something engraved with "
        "a name. Everything else can go back within its category's return window.",
        [
            "Gift cards, digital downloads, opened software, personalised items, and underwear and swimwear cannot "
            "be returned."
        ],
    ),
    (
        "unit_swap",
        C,
        "how long after my return arrives will it get checked? trying to work out when my refund starts",
        "Our returns centre usually inspects parcels within 3 weeks of arrival and emails you once that's done. "
        "After that, a refund to your original payment method takes 5-7 business days.",
        [
            "Our returns centre usually inspects parcels within 3 business days of arrival.",
            "Refunds are issued to your original payment method within 5-7 business days after we've received and "
            "inspected your return.",
        ],
    ),
    (
        "wrong_category",
        C,
        "bought a duvet cover, it came 5 days ago and I've changed my mind. how long have I got to return it?",
        "Bedding falls under clothing & textiles, so you've got 60 days from delivery to send it back, as long as "
        "it's unused and the tags are still on.",
        ["Home & kitchen: examples Coffee machines, cookware, bedding"],
    ),
    (
        "swapped_attribution",
        C,
        "I ordered a paperback and a phone case, both arrived today. do they have the same return window?",
        "Not quite. The paperback has 30 days, while the phone case, which counts as an electronics accessory, "
        "has 14 days, both counted from today's delivery.",
        [
            "Hardware accessories such as cables, mice and cases follow the normal electronics rules.",
            "Books: examples Printed books",
        ],
    ),
    (
        "number_swap",
        C,
        "Opened a camera I paid 300 EUR for, works fine but I want to return it. How much will I get? I'm not in Plus",
        "Opened electronics that aren't faulty carry a 10% restocking fee, so that's 30 EUR, and the 4.95 EUR "
        "return label fee comes off too. You'd get 265.05 EUR back.",
        ["The fee covers testing, data wiping, repackaging"],
    ),
    (
        "wrong_fact",
        C,
        "I paid 9.95 for express and now I'm returning everything because I changed my mind. do I get the express "
        "charge back too?",
        "Yes, when you return the entire order we refund the delivery charge you paid, Express included, so the "
        "9.95 EUR comes back along with the price of the items.",
        ["If you send back an entire order, we also refund the standard delivery charge"],
    ),
    (
        "date_swap",
        C,
        "the saucepan set was delivered on 14 July, when's my last day to return it? not a member",
        "Cookware is home & kitchen, which has a 30-day return window from delivery, so your last day is 16 "
        "August. It needs to be complete and clean.",
        ["Home & kitchen: examples Coffee machines, cookware, bedding", "A tent delivered on 1 June"],
    ),
    (
        "added_clause",
        U,
        "how long does it take to get my money back on my card after a return?",
        "Once your return has arrived and been inspected, the refund goes back to your card within 5-7 business "
        "days. If it takes longer than that, we automatically add 5 EUR of store credit to your account as an "
        "apology.",
        [
            "Refunds are issued to your original payment method within 5-7 business days after we've received and "
            "inspected your return."
        ],
    ),
    (
        "invented",
        U,
        "I'm going travelling for 3 weeks and the return window for my trainers will close while I'm away. can "
        "it be extended?",
        "Yes, just message us in chat before the window closes and we can extend it by up to 14 days for holidays "
        "or travel. Make sure the trainers stay unworn with the tags on.",
        ["Try shoes on indoors on a clean floor or carpet"],
    ),
    (
        "added_clause",
        U,
        "I need a different size of these jeans, can you just swap them?",
        "We don't do direct exchanges, but the quickest way is to order the new size first and then return the "
        "original pair. If you choose store credit as your refund, it's added as soon as the return is checked in, "
        "with a 5% bonus. Store credit never expires, so there's no rush to use it.",
        ["We don't do direct exchanges.", "a 100 EUR refund becomes 105 EUR of store credit"],
    ),
    # --- shipping ---------------------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "Need a birthday present delivered by Monday. If I order next-day this friday around 4pm Berlin time, "
        "will it get there in time?",
        "Sadly not. Next-day orders need to be placed by 14:00 CET, and anything ordered after 14:00 on a Friday "
        "arrives on Tuesday, so an order at 16:00 on Friday would reach you on Tuesday rather than Monday.",
        ["Orders placed after 14:00 on a Friday, or at the weekend, arrive on Tuesday."],
    ),
    (
        "paraphrase",
        S,
        "my basket is at 48.50 EUR, am I paying for shiping? standard delivery",
        "At 48.50 EUR you'd pay 4.95 EUR for Standard delivery, because it's only free when the order total is "
        "over 50 EUR. If you add something that takes the total past 50 EUR, Standard becomes free.",
        ["Standard delivery is free when your order total is over 50 EUR (after any discounts)."],
    ),
    (
        "paraphrase",
        S,
        "can I get my order sent to a pickup locker in Zurich? I'm out at work all day",
        "Unfortunately lockers aren't an option for Switzerland. Orders there only go with the international "
        "option, which takes 5-8 business days and costs 19.95 EUR, and any customs duties and import taxes are "
        "paid by you.",
        [
            "Express, Next-day and Click & Collect aren't available for these countries.",
            "They are not included in our prices or in the 19.95 EUR delivery charge.",
        ],
    ),
    (
        "paraphrase",
        S,
        "I'm buying a wardrobe that comes in 2 boxes, both over 35kg. do I pay the freight charge for each box?",
        "No, freight is a flat 49 EUR per order however many bulky items are in it, so you'll pay it just once. "
        "Delivery takes 5-10 business days and goes to the kerbside or ground floor; carrying it upstairs isn't "
        "included.",
        ["Price: flat 49 EUR per order for the freight part"],
    ),
    (
        "paraphrase",
        S,
        "my parcel to Oslo has said 'in transit' for 4 days now. should i be worried?",
        "International parcels can stay on 'In transit' for several days while they go through customs, so this "
        "can be normal. If nothing changes for more than 3 business days, or the expected delivery date passes, "
        "contact us and we'll open an investigation with the carrier.",
        [
            "International parcels can stay on this status for several days",
            "If nothing has changed for more than 3 business days, or the expected delivery date has passed",
        ],
    ),
    (
        "paraphrase",
        S,
        "the courier came while I was at work and I can't see my parcel anywhere. what happens now?",
        "When nobody's in, the driver usually leaves the parcel with a neighbour (you'd find a card in your "
        "letterbox), takes it to a nearby parcel shop where it's kept for 7 days, or tries again the next business "
        "day. Your tracking page shows which of these happened. If the parcel isn't collected, it comes back to "
        "us and you're refunded automatically.",
        ["take it to a nearby parcel shop, where it waits for 7 days"],
    ),
    (
        "paraphrase",
        S,
        "I live on the 4th floor with no lift. will the freight guys carry my new fridge up?",
        "I'm afraid not. Freight deliveries go to the kerbside or the ground floor, and carrying items upstairs "
        "isn't part of the service. Someone aged 18 or over also needs to be home to sign for it.",
        [
            "Price: flat 49 EUR per order for the freight part",
            "Please make sure someone aged 18 or over is at home to sign for the delivery.",
        ],
    ),
    (
        "paraphrase",
        S,
        "paid 9.95 for express, the parcel shipped on monday and only turned up on thursday. isn't that late?",
        "Yes, that's late. Express takes 1-2 business days counted from when the parcel ships, so one that left "
        "on Monday should have arrived by Wednesday. When a late Express delivery is down to us or the carrier, we "
        "refund the 9.95 EUR delivery charge, so just ask in chat.",
        ["If you paid for Express or Next-day delivery and it arrived late"],
    ),
    (
        "paraphrase",
        S,
        "can I get a pair of boots delivered to my PO box?",
        "Yes, PO boxes are fine for normal parcels like a pair of boots. The only exception is items over 30 kg, "
        "which go by freight and need a street address.",
        ["we don't ship items over 30 kg to PO boxes"],
    ),
    (
        "paraphrase",
        S,
        "Ordering next-day to my office on Friday around 11am (Berlin time). we're closed on weekends, when will "
        "it come?",
        "Since you're ordering before the 14:00 CET cut-off on a Friday, it'll arrive on the next business day, "
        "which is Monday, so your office will be open to receive it.",
        ["Next-day orders placed on a Friday before 14:00 CET arrive on Monday"],
    ),
    (
        "number_swap",
        C,
        "how much to ship a jumper to Manchester?",
        "Deliveries to the UK cost 24.95 EUR per order and take 5-8 business days. Any customs duties or import "
        "taxes are paid by you when the parcel arrives.",
        ["We deliver to the UK, Switzerland and Norway in 5-8 business days for 19.95 EUR."],
    ),
    (
        "weekday_swap",
        C,
        "placed a next day order on sunday night, when does it come?",
        "Next-day orders placed at the weekend are delivered on Monday, so you should have it at the start of the "
        "week.",
        ["Orders placed after 14:00 on a Friday, or at the weekend, arrive on Tuesday."],
    ),
    (
        "wrong_comparison",
        C,
        "my order comes to exactly 50.00 EUR. do I get free standard shipping?",
        "Yes! Standard delivery is free on orders over 50 EUR, so at 50.00 EUR you qualify and won't pay the "
        "4.95 EUR charge.",
        ["Standard delivery is free when your order total is over 50 EUR (after any discounts)."],
    ),
    (
        "negation",
        C,
        "can you send a small parcel to my PO box? its just a phone case",
        "Sorry, we don't deliver to PO boxes. You'll need to give a street address, or you could choose a "
        "partner locker with Click & Collect instead.",
        ["we don't ship items over 30 kg to PO boxes"],
    ),
    (
        "time_swap",
        C,
        "what's the latest I can order for next-day delivery?",
        "For Next-day delivery, order by 16:00 CET, Monday to Friday, and it arrives on the next business day. It "
        "costs 14.95 EUR.",
        ["Orders placed after 14:00 on a Friday, or at the weekend, arrive on Tuesday."],
    ),
    (
        "wrong_fact",
        C,
        "I'm away for 10 days and my click and collect parcel is already in the locker. what happens if I can't "
        "get it in time?",
        "Your parcel waits in the locker for 7 days. After that it's moved to a nearby parcel shop, where you can "
        "still pick it up for another week.",
        ["Your parcel waits for 7 days. After that it's sent back to us"],
    ),
    (
        "number_swap",
        C,
        "tracking says delivered 9 days ago but nothing ever arrived. did I leave it too late?",
        "Unfortunately yes: a parcel marked as delivered but not received has to be reported within 7 days of the "
        "delivery date, so at 9 days it's past the deadline.",
        ["Still missing? Report it within 14 days of the delivery date"],
    ),
    (
        "weekday_swap",
        C,
        "Do your couriers deliver on saturdays? I'm ordering standard",
        "Yes, Standard, Express and Next-day deliveries are made Monday to Saturday, so a Saturday delivery is "
        "normal for Standard parcels.",
        ["Some carriers deliver on Saturdays in certain areas"],
    ),
    (
        "invented",
        U,
        "can I pick a time slot for my normal parcel delivery? I work shifts",
        "Yes, for normal parcels you can choose a morning or afternoon delivery slot at checkout for an extra "
        "2 EUR. Alternatively, Click & Collect at a partner locker is free and takes 2-4 business days.",
        ["Not at home during the day? Have your order delivered to a partner locker"],
    ),
    (
        "added_clause",
        U,
        "how does freight delivery work for a big sofa?",
        "Items over 30 kg go by freight in 5-10 business days for a flat 49 EUR. Once it leaves our warehouse, "
        "the freight partner contacts you to book a day and a 4-hour window, and it's delivered to the kerbside "
        "or ground floor. The driver can also take your old sofa away for a small fee.",
        [
            "Price: flat 49 EUR per order for the freight part",
            "Please make sure someone aged 18 or over is at home to sign for the delivery.",
        ],
    ),
    (
        "invented",
        U,
        "is your shipping carbon neutral? trying to shop a bit greener",
        "Yes, all Lumen Market parcels are shipped carbon-neutral at no extra cost, and we offset the emissions of "
        "every delivery option, Express included.",
        ["Lumen Market ships from our warehouse in Germany to every EU country"],
    ),
    # --- orders -----------------------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "placed an order at 9:10, its 9:55 now. can I still change the quantity on one item?",
        "Yes, you're still inside the 60 minutes, with about a quarter of an hour to spare. Go to Orders, select "
        "the order and use Change order to adjust the quantity.",
        ["While the order status shows Received, you'll see a timer"],
    ),
    (
        "paraphrase",
        S,
        "ordered yesterday for home delivery but now I'd rather pick it up from a locker. can I switch?",
        "Unfortunately not. Switching from home delivery to Click & Collect counts as changing the delivery "
        "option, and that's only possible within 60 minutes of ordering, so an order from yesterday can't be "
        "switched anymore.",
        [
            "Changing from home delivery to Click & Collect (or the other way round) counts as a change of delivery "
            "option."
        ],
    ),
    (
        "paraphrase",
        S,
        "pre-ordered a phone 3 days ago, release is next month. changed my mind, can I cancel?",
        "Pre-orders follow the same rule as any other order: they can only be cancelled within 60 minutes of "
        "being placed, so after 3 days that's no longer possible. If you don't want the phone, you can return it "
        "after it's delivered under the normal return policy, and your card isn't charged until it ships.",
        [
            "After that, the item is reserved for you from the first delivery batch",
            "your card is charged when the item ships, not when you pre-order",
        ],
    ),
    (
        "paraphrase",
        S,
        "my order page says 'Partly shipped'?? what does that mean",
        "It means some of your items are already on their way and the rest will follow. That's common when an "
        "order comes from several warehouses or includes a pre-order or bulky item.",
        ["Some of your items have shipped and others will follow."],
    ),
    (
        "paraphrase",
        S,
        "the charger that should have come with my order wasnt in the parcel. it was delivered 10 days ago",
        "First check whether the order was split into several parcels, and look inside the main product box, as "
        "small accessories like adapters and cables are sometimes packed there. If it really is missing, you're "
        "still in time: report it within 14 days of delivery under Orders > Report a problem, and we'll either "
        "send it free with Express delivery or refund it, whichever you prefer.",
        [
            "Opened your parcel and something isn't there?",
            "Small accessories (such as cables, adapters or lens caps)",
            "either send the missing item free of charge with Express delivery or refund it",
        ],
    ),
    (
        "paraphrase",
        S,
        "I accidentally ordered the exact same thing twice about 3 hours ago, what do I do?",
        "After 3 hours the duplicate is already in Processing, so it can't be cancelled anymore. Once it arrives, "
        "return the extra items and get in touch with us; we'll check whether the return label fee can be waived "
        "for a genuine duplicate.",
        ["We'll check whether the return label fee can be waived for a genuine duplicate."],
    ),
    (
        "paraphrase",
        S,
        "my order has some stuff in stock and one pre-order item. do I pay shipping twice?",
        "No, you only pay delivery once. The in-stock items are sent straight away and the pre-order item follows "
        "later.",
        ["the in-stock items ship straight away and the pre-order item follows later"],
    ),
    (
        "wrong_comparison",
        C,
        "I ordered at 8:15 and it's 9:20 now, can I still cancel?",
        "Yes, you're still within the hour, so go to Orders, select the order and choose Cancel order. Nothing "
        "will be charged.",
        ["While the order status shows Received, you'll see a timer"],
    ),
    (
        "wrong_fact",
        C,
        "my order is 'Processing' and I really need to cancel it. can someone on the phone do it?",
        "Yes. Once an order is Processing you can't cancel it yourself in your account, but our phone team can "
        "still stop it as long as it hasn't shipped, so give us a call Monday to Friday, 09:00-18:00 CET.",
        ["not even by our customer service team"],
    ),
    (
        "negation",
        C,
        "forgot to add batteries to my order from 15 minutes ago, can I add them?",
        "Yes, within the first 60 minutes you can add items to an existing order using Change order, so the "
        "batteries can go in with the rest.",
        ["While the order status shows Received, you'll see a timer"],
    ),
    (
        "only_vs_list",
        C,
        "what can I still change in the first hour after ordering?",
        "Within the first 60 minutes, the only thing you can change is the delivery address, from Orders in your "
        "account. For anything else you'd need to cancel and order again.",
        ["While the order status shows Received, you'll see a timer"],
    ),
    (
        "universal_vs_conditional",
        C,
        "I'm moving house next week, can I change the delivery address on my order?",
        "Yes, you can always change the delivery address, even after the parcel has shipped. Just go to Orders, "
        "select the order and choose Change address.",
        [
            "You can change the delivery address for an order until it ships, even after the 60-minute window",
            "Once the parcel is with the carrier, we can't change the address anymore.",
        ],
    ),
    (
        "invented",
        U,
        "can you gift wrap an order for me? its going straight to my niece",
        "Yes, you can add gift wrapping at checkout for 3.50 EUR per order, with a short message printed on a card "
        "inside.",
        ["The recipient can return the item through Guest returns"],
    ),
    # --- payments ---------------------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "want to buy a 650€ TV with klarna in 3 instalments. how much is each one and when do I pay?",
        "650 EUR split into three equal payments is about 216.67 EUR each, with no interest or extra fee. The "
        "first is taken when your order ships, the second is due 30 days later, and the third 60 days after the "
        "first.",
        ["For a laptop costing 899 EUR, you pay three instalments of 299.67 EUR."],
    ),
    (
        "paraphrase",
        S,
        "why cant i see klarna at checkout? basket is 89 euros",
        "Klarna is only offered for order totals between 100 EUR and 2,000 EUR, so at 89 EUR it won't show up. "
        "You could pay another way, for example by card or PayPal.",
        [
            "Your order total is under 100 EUR or over 2,000 EUR.",
            "Klarna: pay in 30 days or in 3 interest-free instalments, for orders between 100 EUR and 2,000 EUR.",
        ],
    ),
    (
        "paraphrase",
        S,
        "bought headphones on 2 may for 129 eur, today (10 may) they're 99 on your site. can I get money back?",
        "Yes! The price dropped within 14 days of your purchase, so you can claim the 30 EUR difference. Open the "
        "order under Orders, select the headphones and choose Price dropped?; the money goes back to your "
        "original payment method within 5-7 business days, or you can take instant store credit. Just note it "
        "can only be claimed once per item.",
        [
            "You must claim within 14 days of your purchase (the date you placed the order).",
            "Select the item and choose Price dropped?",
        ],
    ),
    (
        "paraphrase",
        S,
        "my order shipped yesterday but I forgot to put my company VAT ID on it, can you add it to the invoice?",
        "Sorry, a VAT ID can't be added to an invoice once the order has shipped. For future orders, enter the "
        "company name and VAT ID at checkout before you place the order.",
        ["We can't add a VAT ID to an invoice after the order has shipped."],
    ),
    (
        "paraphrase",
        S,
        "I chose bank transfer on the 3rd but havent paid yet. how long until my order gets cancelled?",
        "We hold bank transfer orders for 7 days, so if your payment hasn't arrived by the 10th, the order is "
        "cancelled automatically and the items go back into stock. You'll also get a reminder email on day 5.",
        ["We send you a reminder email on day 5."],
    ),
    (
        "paraphrase",
        S,
        "I see 2 charges on my card for one order?? was I charged twice",
        "Most likely not. Either your order shipped in more than one parcel and each one was charged separately, "
        "or you're seeing the temporary authorisation next to the real charge. The authorisation disappears on "
        "its own, usually within 7 days.",
        ["The authorisation disappears automatically, usually within 7 days."],
    ),
    (
        "paraphrase",
        S,
        "can I pay by cheque? my grandad doesn't do cards",
        "I'm afraid cheques aren't accepted. If he'd rather not use a card, bank transfer is a good option: he "
        "gets our bank details and a payment reference, and the order ships once the money has arrived.",
        [
            "Cheques, postal orders and payment in instalments through other providers.",
            "It's a good option if you don't have a card or don't want to use one.",
        ],
    ),
    (
        "number_swap",
        C,
        "can I use klarna for a 70 euro jacket?",
        "Yes, Klarna is available for orders between 50 EUR and 2,000 EUR, so your 70 EUR jacket qualifies. You "
        "can pay within 30 days or split it into 3 interest-free instalments.",
        ["It's available for orders with a total between 100 EUR and 2,000 EUR."],
    ),
    (
        "wrong_fact",
        C,
        "when does the money actually come off my card for a pre-order?",
        "For pre-orders, your card is charged on the day you place the pre-order, so the amount is taken straight "
        "away even though the item ships later.",
        ["your card is charged when the item ships, not when you pre-order"],
    ),
    (
        "wrong_comparison",
        C,
        "bought a jacket on 1 march, it's now 18 march and the price has dropped by 20 euros. can I claim?",
        "Yes, price drop claims are accepted within 14 days of purchase and you're within that, so you can claim "
        "the 20 EUR difference under Orders with Price dropped?.",
        ["You must claim within 14 days of your purchase (the date you placed the order)."],
    ),
    (
        "date_swap",
        C,
        "placed an order on 12 june with bank transfer. whats the deadline to pay before it gets cancelled?",
        "We hold the order for 7 days, so the money needs to arrive by 22 June. If it hasn't, the order is "
        "cancelled automatically.",
        ["We send you a reminder email on day 5."],
    ),
    (
        "swapped_attribution",
        C,
        "which browsers do apple pay and google pay work in?",
        "Apple Pay works in Chrome and Google Pay works in Safari, so make sure you're using the right browser for "
        "the wallet you want.",
        ["Safari for Apple Pay, Chrome for Google Pay"],
    ),
    (
        "negation",
        C,
        "I have 30 eur store credit. can I put that towards an order and pay the rest with paypal?",
        "Unfortunately store credit can't be combined with other payment methods, so you'd need to use it on an "
        "order it covers in full.",
        ["a 100 EUR refund becomes 105 EUR of store credit"],
    ),
    (
        "invented",
        U,
        "is there any discount for paying by bank transfer instead of card?",
        "Yes, you get 2% off the order total when you pay by bank transfer. We hold the order for 7 days while we "
        "wait for your payment to arrive.",
        ["It's a good option if you don't have a card or don't want to use one."],
    ),
    (
        "added_clause",
        U,
        "bought a vacuum 5 days ago and it's 40 euros cheaper now. how do i get the difference?",
        "Good timing: you're within 14 days of your purchase, so you can claim the 40 EUR difference once for "
        "that item. Go to Orders, open the order, select the vacuum and choose Price dropped?, or ask our chat "
        "team to do it for you. You can also make the claim by phone if that's easier.",
        [
            "You must claim within 14 days of your purchase (the date you placed the order).",
            "Select the item and choose Price dropped?",
        ],
    ),
    # --- warranty ---------------------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "my laptop came in march 2024 and I added the 3 year lumen care. until when am I covered?",
        "The 3-year Lumen Care adds three years on top of the 2-year legal guarantee, so you have 5 years of "
        "protection from delivery in total, which takes you to March 2029.",
        ["Lumen Care 3 years: legal guarantee 2 years; lumen care +3 years; total protection from delivery 5 years."],
    ),
    (
        "paraphrase",
        S,
        "phone was delivered 8 months ago and battery health already shows 76%. is that covered?",
        "That sounds covered. Batteries are protected for 1 year from delivery against dropping below 80% of "
        "their original capacity, and 76% at 8 months falls within that. Go to Orders > Report a problem, choose "
        "the phone, select Battery and add your battery health reading, and we'll send you a free "
        "shipping label.",
        [
            "Batteries are covered for 1 year from delivery against dropping below 80% of their original capacity.",
            "If the capacity is below 80% and the device was delivered less than 1 year ago",
        ],
    ),
    (
        "paraphrase",
        S,
        "I'm giving my laptop (it has lumen care) to my son. does the cover still apply for him?",
        "Yes, Lumen Care belongs to the product rather than to you, so the cover moves with the laptop. Just let "
        "us know your son's name and email address.",
        ["Lumen Care is linked to the product, not to you."],
    ),
    (
        "paraphrase",
        S,
        "cracked my phone screen for the 3rd time this year 🙈 I have lumen care+, is it covered again?",
        "Lumen Care+ covers up to 2 accidental damage claims in any 12-month period, so a third accidental claim "
        "within the same 12 months wouldn't be covered. Fault claims, where something stops working on its own, "
        "are unlimited during the cover period, though.",
        ["Fault claims (things that stop working on their own) are unlimited during the cover period."],
    ),
    (
        "paraphrase",
        S,
        "my laptop was delivered 25 days ago, is it too late to add lumen care?",
        "You're still in time: Lumen Care can be added up to 30 days after delivery, so you have about five days "
        "left. Go to Orders, select the laptop and choose Add Lumen Care.",
        ["afterwards, within 30 days of delivery, from Orders > select the item > Add Lumen Care."],
    ),
    (
        "paraphrase",
        S,
        "sending my headphones in for a warranty repair. how long will it take and do I pay the postage?",
        "Repairs usually take 7-10 business days from when the product reaches our service centre. We cover the "
        "shipping both ways, so the postage won't cost you anything.",
        ["Usually 7-10 business days from when the product arrives at our service centre."],
    ),
    (
        "paraphrase",
        S,
        "what happens if my coffee grinder can't be fixed under the guarantee?",
        "If a repair isn't possible, we'll replace it with the same or an equivalent product. If that can't be "
        "done either, you'll get a refund, or a partial refund if you'd prefer to keep the grinder.",
        ["give you a partial refund if you want to keep the item"],
    ),
    (
        "number_swap",
        C,
        "how much cover in total do I get on a TV with the 3 year lumen care?",
        "The 3-year Lumen Care option is added on top of the 2-year legal guarantee, giving you 6 years of "
        "protection in total from the delivery date.",
        ["Lumen Care 3 years: legal guarantee 2 years; lumen care +3 years; total protection from delivery 5 years."],
    ),
    (
        "wrong_category",
        C,
        "can I buy lumen care for my new tablet?",
        "Yes, Lumen Care is available for tablets as well as laptops, phones and TVs, and you can add it within "
        "30 days of delivery.",
        ["Lumen Care 3 years: legal guarantee 2 years; lumen care +3 years; total protection from delivery 5 years."],
    ),
    (
        "wrong_fact",
        C,
        "spilled tea on my laptop keyboard. I've got lumen care (the normal one, not plus), am I covered?",
        "Yes, liquid damage from spills is covered by standard Lumen Care, so start a claim under Orders > Report "
        "a problem and we'll send you a free shipping label.",
        ["Accidental damage isn't covered by the legal guarantee or by standard Lumen Care."],
    ),
    (
        "wrong_comparison",
        C,
        "laptop is 14 months old and battery health is at 75%. is that still under the battery cover?",
        "Yes, batteries are covered for 1 year against dropping below 80% capacity, and at 14 months with 75% "
        "your laptop is still within that, so you can make a battery claim.",
        ["Batteries are covered for 1 year from delivery against dropping below 80% of their original capacity."],
    ),
    (
        "number_swap",
        C,
        "I just made a warranty claim online. when will I get the shipping label?",
        "We check your claim, usually within 3 business days, and then email you a free shipping label.",
        ["We check your claim, usually within 1 business day, and email you a free shipping label."],
    ),
    (
        "swapped_attribution",
        C,
        "how do the battery rules work exactly? bit confused",
        "A battery that fails completely, for example one that swells or won't charge at all, is covered for 1 "
        "year. Gradual capacity loss below 80%, on the other hand, is covered for the full 2 years of the legal "
        "guarantee.",
        ["Batteries are covered for 1 year from delivery against dropping below 80% of their original capacity."],
    ),
    (
        "negation",
        C,
        "do i need to register my blender somewhere to get the 2 year guarantee?",
        "Yes, you need to register the product in your account to activate the 2-year legal guarantee; once "
        "that's done, you're covered from the delivery date.",
        ["It's free and automatic, and you don't need to register anything."],
    ),
    (
        "invented",
        U,
        "is there a faster repair option? I need my laptop for work",
        "Yes, you can choose our priority repair service for 29 EUR, which gets your laptop back within 3 "
        "business days. Otherwise, standard repairs take 7-10 business days.",
        ["Usually 7-10 business days from when the product arrives at our service centre."],
    ),
    (
        "added_clause",
        U,
        "how do i make a warranty claim for my kettle?",
        "Go to Orders, select the order and choose Report a problem, then pick the kettle and describe what's "
        "wrong. We usually check your claim within 1 business day and email you a free shipping label. You can "
        "also take the kettle to any authorised repair partner in your country instead of sending it in.",
        ["We check your claim, usually within 1 business day, and email you a free shipping label."],
    ),
    # --- gift cards -------------------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "want to give my brother 750 euros as a wedding gift card, is that possible?",
        "A single gift card goes up to 500 EUR, so for 750 EUR you'd buy more than one, for example a 500 EUR "
        "card and a 250 EUR card. Any whole-euro amount from 10 to 500 EUR is possible.",
        ["If you want to give more than 500 EUR, buy several gift cards."],
    ),
    (
        "paraphrase",
        S,
        "found a lumen gift card I bought on 10 jan 2024. how long is it good for?",
        "Gift cards are valid for three years from the date they were bought, so yours can be used until 10 "
        "January 2027. After that any remaining balance expires. The expiry date is also shown on the card.",
        ["After that, any remaining balance expires."],
    ),
    (
        "paraphrase",
        S,
        "can I set up an e-gift card to arrive on my sisters birthday, 14 august? what time does it land?",
        "Yes, you can schedule it for 14 August, as long as that's within 12 months. It's sent at 08:00 CET on "
        "that day. Just note that the 3-year validity still counts from the day you buy it, not the delivery "
        "date.",
        ["The e-gift card is sent at 08:00 CET on that date."],
    ),
    (
        "paraphrase",
        S,
        "lost my gift card but I still have the order confirmation. will the replacement be valid for another 3 years?",
        "With the receipt we can block the old card and issue a new e-gift card for the balance that's left. The "
        "replacement keeps the original expiry date, though, so it runs 3 years from when the first card was "
        "bought, not from the replacement date.",
        ["The replacement card keeps the original expiry date"],
    ),
    (
        "paraphrase",
        S,
        "had a 40 eur gift card and spent 28 on an order. can I get the 12 thats left paid out in cash?",
        "I'm sorry, remaining balances can't be paid out. The 12 EUR stays on the card for future orders until it "
        "expires, 3 years from the date the card was bought.",
        ["the rest stays on the card until it expires"],
    ),
    (
        "paraphrase",
        S,
        "can you post a physical gift card to my friend in Norway?",
        "Physical gift cards can only be sent within the EU, so they can't go to Norway. An e-gift card would "
        "work instead: the balance is held in euros and can be used for deliveries to any country we ship to.",
        ["Physical gift cards themselves can only be shipped within the EU."],
    ),
    (
        "paraphrase",
        S,
        "typo'd the email address on an e-gift card I bought 20 minutes ago 😩",
        "No problem, as long as the card hasn't been redeemed. Go to Orders, select the gift card order and "
        "choose Resend e-gift card; you can correct the email address there.",
        ["You can correct the email address there, as long as the card hasn't been redeemed."],
    ),
    (
        "date_swap",
        C,
        "bought a gift card on 5 november 2025, when does it expire?",
        "Gift cards are valid for 3 years from the date of purchase, so yours runs until 5 November 2027.",
        ["After that, any remaining balance expires."],
    ),
    (
        "negation",
        C,
        "can I use my gift card balance to pay the lumen plus fee?",
        "Yes, gift cards can be used for everything in the shop, including the Lumen Plus membership fee.",
        ["Lumen Plus membership: the membership fee must be paid by card or PayPal."],
    ),
    (
        "wrong_comparison",
        C,
        "my gift card was bought on 20 march 2023. still ok to use on 1 may 2026?",
        "Yes, it's still fine. Gift cards are valid for 3 years from purchase, so yours runs until 20 March 2026, "
        "and 1 May 2026 is within that.",
        ["After that, any remaining balance expires."],
    ),
    (
        "only_vs_list",
        C,
        "what can i pay for a gift card with?",
        "Gift cards can only be paid for by credit or debit card. Klarna, store credit and other gift cards can't "
        "be used.",
        ["You can pay for gift cards by card, PayPal, Apple Pay, Google Pay or bank transfer."],
    ),
    (
        "time_swap",
        C,
        "scheduled an e-gift card for christmas day, what time will my dad get it?",
        "Scheduled e-gift cards are sent at midnight (00:00 CET) on the chosen date, so it'll be in his inbox as "
        "soon as Christmas Day begins.",
        ["The e-gift card is sent at 08:00 CET on that date."],
    ),
    (
        "wrong_fact",
        C,
        "my gift card was stolen and someone spent 60 eur of it before I noticed. I have the receipt, can you "
        "restore the full value?",
        "Yes, with the purchase receipt we block the card and issue a replacement for the full original value, "
        "including the 60 EUR that was spent.",
        ["only for the balance that hasn't been spent when we block the card"],
    ),
    (
        "added_clause",
        U,
        "we want to give 30 gift cards to our staff at christmas, is there a business option?",
        'Yes, for more than 20 gift cards, email support@lumenmarket.example with the subject "Corporate gift '
        "cards\" and we'll send you an offer. Corporate orders also get 5% off the total card value.",
        ["Need more than 20 gift cards"],
    ),
    # --- account ----------------------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "is 'Sunflower2020' long enough as a password?",
        "It's 13 characters, so it meets the 12-character minimum. We also check new passwords against lists of "
        "commonly used or leaked passwords when you set them, so a passphrase of a few random words is a good "
        "alternative.",
        ["not appear on lists of commonly used or leaked passwords"],
    ),
    (
        "paraphrase",
        S,
        "I typed my password wrong 5 times at 10:05 and now I'm locked out",
        "After 5 failed attempts, the account is locked for 15 minutes to protect it, so you can try again from "
        "about 10:20. If you're not sure of the password, you can reset it instead.",
        ["we lock the account for 15 minutes to protect it from password-guessing"],
    ),
    (
        "paraphrase",
        S,
        "want to delete my account but I'm still waiting on a refund for a return. can I go ahead?",
        "Not yet, I'm afraid. You can't delete your account while a refund is pending, so wait until the return "
        "has been completed. It's also worth using up any store credit or gift card balance first, since it's "
        "lost when the account is deleted.",
        ["You can't delete your account while an order is on its way or a refund is pending."],
    ),
    (
        "paraphrase",
        S,
        "I asked to delete my account 12 days ago but changed my mind, is it too late?",
        "It's not too late. Deletion has a 30-day waiting period, so after 12 days you can still sign in and "
        "select Cancel deletion on the banner at the top of the page, or use the link in the confirmation email. "
        "Everything stays as it was.",
        ["select Cancel deletion on the banner at the top of the page"],
    ),
    (
        "paraphrase",
        S,
        "new phone, the old one got wiped and I never saved the backup codes. can't log in with 2fa",
        "In that case, please contact us. For your security, we'll verify your identity using details from a "
        "recent order before turning off 2FA, and that can take up to 2 business days.",
        ["we'll verify your identity with details from a recent order before we turn off 2FA"],
    ),
    (
        "paraphrase",
        S,
        "requested my data download, the email with the link came 9 days ago. will the link still work?",
        "Unfortunately not: the download link is only valid for 7 days, so after 9 days it has expired. You can "
        "request a new file under Account > Privacy > Download my data; it's usually ready within 24 hours.",
        ["we email you a download link that's valid for 7 days"],
    ),
    (
        "paraphrase",
        S,
        "signed up 3 days ago but never clicked the confirmation link. now it says expired",
        "New accounts have to be confirmed within 48 hours, so the link from 3 days ago has run out. You can "
        "simply register again with the same email address.",
        ["If the link has expired, simply register again with the same email address."],
    ),
    (
        "number_swap",
        C,
        "how many backup codes do I get with 2fa?",
        "When you turn on two-factor authentication, we show you 8 one-time backup codes. Each works only once, so "
        "keep them somewhere safe, such as a password manager.",
        ["We show you 10 one-time backup codes."],
    ),
    (
        "negation",
        C,
        "can I get my 2fa codes by text instead of an app? I'm not great with apps",
        "Yes, you can choose to receive your codes by SMS instead of using an authenticator app; just pick the "
        "text message option when you turn on 2FA under Account > Security.",
        ["We only support authenticator apps, because text messages are less secure."],
    ),
    (
        "unit_swap",
        C,
        "clicked forgot password, how long is the reset link good for?",
        "The reset link we email you is valid for 1 day. Your new password needs to be at least 12 characters long.",
        ["The reset link we email you is valid for 1 hour."],
    ),
    (
        "universal_vs_conditional",
        C,
        "if I turn on 2fa will I have to type a code every time I log in on my laptop?",
        "Yes, once 2FA is on you'll need a code from your authenticator app every single time you sign in, on "
        "every device, including ones you've used before.",
        ["We show you 10 one-time backup codes."],
    ),
    (
        "wrong_comparison",
        C,
        "need an invoice from an order I placed in 2017 (it's 2026 now). can I still download it from my account?",
        "Yes, order history and invoices are kept in your account for 7 years, so your 2017 order is still there "
        "under Orders.",
        ["How long do you keep my order history in my account?"],
    ),
    (
        "added_clause",
        U,
        "can I change the email address on my account?",
        "Yes, you can do that under Account > Profile. We send a confirmation link to the new address and the "
        "change takes effect once you click it. You can change your email address up to three times a year.",
        ["We send a confirmation link to the new address"],
    ),
    (
        "invented",
        U,
        "can I sign in with my google account instead of a password?",
        "Yes, you can select Sign in with Google or Apple on the sign-in page and skip the password altogether.",
        ["Select Sign in at the top of any page, then Create account."],
    ),
    # --- Lumen Plus -------------------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "my lumen plus renewed on 1 september and I want to cancel on 10 january. how much do I get back?",
        "The 49 EUR fee is split into 12 months, and you get back every full month you haven't started. By 10 "
        "January you've started 5 months (September to January), so 7 are refunded: 49 EUR × 7/12 = 28.58 EUR, "
        "paid back to the card or PayPal account you used within 5-7 business days.",
        ["We refund every full month you haven't started yet."],
    ),
    (
        "paraphrase",
        S,
        "thinking about getting plus. I order express maybe 4 times a year, is it worth it?",
        "On Express alone it wouldn't quite pay off: four Express deliveries at 9.95 EUR come to 39.80 EUR, which "
        "is less than the 49 EUR yearly fee. Free return labels and the longer return windows add to the value, though, "
        "and you can start with a 30-day free trial.",
        [
            "5 × 9.95 EUR = 49.75 EUR",
            "Non-members pay a 4.95 EUR return label fee when they return something they've changed their mind about.",
        ],
    ),
    (
        "paraphrase",
        S,
        "my plus renews in june. I don't want to renew but I'd like to keep the benefits until then",
        "Then turn off Auto-renew under Account > Lumen Plus instead of cancelling. Your membership runs until "
        "the renewal date in June and you won't be charged again. There's no refund that way, since you keep "
        "using the benefits until then.",
        ["turn off Auto-renew under Account > Lumen Plus instead of cancelling"],
    ),
    (
        "paraphrase",
        S,
        "cancelled my free trial last week. an order I placed during the trial, do I still get the 15 extra days "
        "and a free return label?",
        "Yes, orders placed during the trial keep their longer return window and free return labels, even though "
        "you've cancelled. Your benefits also carry on until the 30-day trial would have ended.",
        [
            "Orders placed during the trial keep their extended return windows and free return labels",
            "If you cancel during the 30-day free trial, you pay nothing and your benefits continue until the trial "
            "ends.",
        ],
    ),
    (
        "paraphrase",
        S,
        "I had plus until about 8 months ago. can I do the free trial again?",
        "Not yet, sorry. A new free trial is only available if you haven't had Lumen Plus in the last 12 months, "
        "and 8 months ago falls inside that. You can rejoin at any time for 49 EUR a year, though.",
        ["A new free trial is only available if you haven't had Lumen Plus in the last 12 months."],
    ),
    (
        "paraphrase",
        S,
        "I'm a member, can I send an order to my cousin in Madrid with the free express?",
        "Yes! Your Lumen Plus benefits apply to any delivery address you choose, so you can send the order to "
        "your cousin with free Express delivery. The membership itself stays linked to your account only.",
        ["Benefits apply to any delivery address you choose"],
    ),
    (
        "paraphrase",
        S,
        "joined plus yesterday. does the extra 15 days apply to a jacket I ordered last week?",
        "Unfortunately not. The extra 15 days only apply to orders placed while your membership or trial is "
        "active, so the jacket from last week keeps the normal 60-day window for clothing.",
        [
            "I joined Lumen Plus today. Do my older orders get longer return windows?",
            "Books: examples Printed books",
        ],
    ),
    (
        "number_swap",
        C,
        "when do you remind me before the plus trial ends? don't want to get charged by accident",
        "We send you a reminder email 3 days before the trial ends. If you don't cancel, on day 30 it turns into "
        "a paid annual membership and 49 EUR is charged.",
        ["We send you a reminder email 7 days before the trial ends."],
    ),
    (
        "wrong_comparison",
        C,
        "membership renewed 1 march, I'm cancelling on 20 june. what refund do I get?",
        "You've used 3 full months (March, April and May), so you get 9 months back: 49 EUR × 9/12 = 36.75 EUR.",
        ["We refund every full month you haven't started yet."],
    ),
    (
        "wrong_fact",
        C,
        "I'm a plus member, returning opened headphones that work fine. do I still pay the restocking fee?",
        "No, as a Lumen Plus member the 15% restocking fee is waived, and your return label is free too, so you "
        "get the full price back.",
        ["Does Lumen Plus waive the restocking fee?"],
    ),
    (
        "swapped_attribution",
        C,
        "whats the difference between cancelling plus and turning off auto-renew?",
        "If you cancel, you keep your benefits until the renewal date but get no refund. If you turn off "
        "auto-renew instead, your membership ends straight away and you get a pro-rata refund for the unused "
        "months.",
        [
            "turn off Auto-renew under Account > Lumen Plus instead of cancelling",
            "If you cancel during the 30-day free trial, you pay nothing and your benefits continue until the trial "
            "ends.",
        ],
    ),
    (
        "wrong_category",
        C,
        "which delivery options are free with lumen plus?",
        "As a member, Standard, Express and Next-day delivery are all free, and so is Click & Collect. "
        "International and freight deliveries are still charged at the normal price.",
        ["Next-day (order by 14:00 CET Mon-Fri): non-members 14.95 EUR; lumen plus 14.95 EUR."],
    ),
    (
        "universal_vs_conditional",
        C,
        "can anyone get the plus free trial?",
        "Yes, anyone with a Lumen Market account can start the 30-day free trial, including people who've been "
        "members before. Nothing is charged until the trial ends.",
        ["Anyone with a Lumen Market account who hasn't had Lumen Plus or a free trial in the last 12 months."],
    ),
    (
        "added_clause",
        U,
        "what do I actually get with lumen plus?",
        "For 49 EUR a year you get free Express delivery on every order, 15 extra days to return items in every "
        "returnable category, and free return labels. New members can try it free for 30 days first. Members also "
        "receive a birthday voucher every year.",
        ["Free Express delivery on every order, 15 extra days to return items in every returnable category"],
    ),
    # --- contact, hours and general FAQ -----------------------------------------------------------
    (
        "paraphrase",
        S,
        "I'm in Lisbon, what time can I use the chat in my time?",
        "For Portugal it works the same as for the UK: CET is 1 hour ahead of your local time, so the chat is "
        "open from 07:00 to 21:00 your time.",
        ["Customers in Portugal and Ireland: the same applies as for the UK."],
    ),
    (
        "paraphrase",
        S,
        "is your phone line open on 3 october? its a german holiday right",
        "If it's a German public holiday, the phone line is closed that day. Chat stays open on most public "
        "holidays, and emails are still answered within 24 hours, so you can use either of those instead.",
        ["The phone line is closed on German public holidays."],
    ),
    (
        "paraphrase",
        S,
        "I sent a formal complaint by email, how long do you have to reply?",
        "Formal complaints are acknowledged within 2 business days, and you'll get a final written response "
        "within 14 days.",
        ["We acknowledge formal complaints within 2 business days"],
    ),
    (
        "paraphrase",
        S,
        "Je suis français - can your support team answer in french?",
        "Our customer service answers in English and German, so French isn't one of the languages we can offer. "
        "You're very welcome to write to us in English, though.",
        ["Our customer service answers in English and German."],
    ),
    (
        "paraphrase",
        S,
        "my dad doesn't use the internet, can he just ring up and order over the phone?",
        "Sorry, orders can only be placed on our website or in the Lumen Market app, not by phone. Our phone team "
        "can help him with questions while he orders, though, Monday to Friday from 09:00 to 18:00 CET.",
        [
            "No, orders can only be placed on our website or in the Lumen Market app.",
            "The phone line is closed at weekends and on German public holidays.",
        ],
    ),
    (
        "paraphrase",
        S,
        "It's sunday 10am here in Berlin, can I ring you about a warranty claim?",
        "The phone line is closed at weekends; it's open Monday to Friday, 09:00-18:00 CET. Chat is open every day "
        "from 08:00 to 22:00 CET, so you could use that right now, or start the claim yourself under Orders > "
        "Report a problem.",
        [
            "The phone line is closed at weekends and on German public holidays.",
            "Live chat: hours 08:00-22:00 daily",
            "make a warranty claim or report a missing item: Orders > Report a problem.",
        ],
    ),
    (
        "time_swap",
        C,
        "what are your phone hours?",
        "You can call us on +49 30 1234 5678 from Monday to Friday, 08:00-20:00 CET. The line is closed at "
        "weekends and on German public holidays.",
        ["The phone line is closed at weekends and on German public holidays."],
    ),
    (
        "weekday_swap",
        C,
        "can I call you on a saturday morning about my order?",
        "Yes, the phone line is open Monday to Saturday from 09:00 to 18:00 CET, so Saturday morning works fine.",
        ["The phone line is closed at weekends and on German public holidays."],
    ),
    (
        "wrong_fact",
        C,
        "how do I make a formal complaint? the chat and the team lead didn't sort it",
        "If the team lead review didn't resolve it, you can make a formal complaint by calling our phone line and "
        "asking for the complaints team. We acknowledge it within 2 business days and send a final response "
        "within 14 days.",
        ["We acknowledge formal complaints within 2 business days"],
    ),
    (
        "date_swap",
        C,
        "is the chat open as normal over christmas and new year?",
        "Chat stays open on most public holidays, but with shorter hours on 24, 25 and 26 December and on 1 "
        "January. Email is answered within 24 hours as usual.",
        ["The phone line is closed on German public holidays."],
    ),
    (
        "time_swap",
        C,
        "I'm in London. what time is the chat open for me?",
        "CET is 1 hour ahead of UK time, so for you the chat is open from 07:00 to 20:00 UK time.",
        ["Customers in Portugal and Ireland: the same applies as for the UK."],
    ),
    (
        "invented",
        U,
        "do you have whatsapp support?",
        "Yes, you can message us on WhatsApp at +49 30 1234 5678, the same number as our phone line, and we "
        "reply during chat hours.",
        [
            "Outside chat hours, you can leave a message in the chat window",
            "The phone line is closed at weekends and on German public holidays.",
        ],
    ),
    (
        "added_clause",
        U,
        "the tent I want is sold out, will it come back?",
        "Select Notify me on the product page and we'll email you as soon as it's available again. Items you've "
        "asked to be notified about are also held for you for 24 hours after that email goes out.",
        ["Select Notify me on the product page"],
    ),
    # --- declines ---------------------------------------------------------------------------------
    (
        "declines",
        S,
        "do you sell refurbished iphones?",
        "I'm sorry, I couldn't find anything in our help centre about refurbished iPhones, so I can't tell you. "
        "If you like, ask for a person in the chat; that's possible any time between 08:00 and 22:00 CET.",
        [PERSON],
    ),
    (
        "declines",
        S,
        "is there a 3 person version of the traillite tent coming out?",
        "I don't have any information about a larger version of the TrailLite, sorry. A member of our team may "
        "know more: you can ask for a person in chat at any time during chat hours (08:00-22:00 CET).",
        [PERSON],
    ),
    (
        "declines",
        S,
        "can I get my invoices in french for my accountant?",
        "That isn't something our help centre covers, so I can't say whether invoices are available in French. "
        "Please ask for a person in chat; you can do that at any time from 08:00 to 22:00 CET.",
        [PERSON],
    ),
    (
        "declines",
        S,
        "are you hiring? looking for a student job in berlin",
        "I'm afraid I can only answer questions from our help centre, and it doesn't say anything about jobs. You "
        "can ask for a person in the chat between 08:00 and 22:00 CET, and they may be able to point you in the "
        "right direction.",
        [PERSON],
    ),
    (
        "declines",
        S,
        "does the volt 14 run linux ok? thinking of wiping windows",
        "I couldn't find anything about Linux on the Volt 14 in our help centre or manuals, so I can't confirm "
        "it. If you'd like to check with someone, you can ask for a person in chat during chat hours, 08:00-22:00 "
        "CET.",
        [PERSON],
    ),
    (
        "declines",
        S,
        "does the homehub plug work with apple homekit / siri?",
        "The HomeHub documentation mentions Amazon Alexa and Google Home, but I can't find anything about Apple "
        "HomeKit or Siri, so I can't confirm that. You can ask for a person in chat at any time between 08:00 and "
        "22:00 CET.",
        [PERSON, "The HomeHub works with Amazon Alexa and Google Home."],
    ),
    (
        "declines",
        S,
        "do you have a loyalty points scheme or something like that?",
        "Sorry, I don't have any information about a points scheme. If you'd like to ask someone directly, you "
        "can request a person in the chat during chat hours (08:00-22:00 CET).",
        [PERSON],
    ),
    (
        "declines",
        S,
        "can I buy a spare drip tray for my brewmaster? mine cracked",
        "I couldn't find anything about buying a spare drip tray for the BrewMaster 900, so I can't help with "
        "that one myself. Ask for a person in chat, any time from 08:00 to 22:00 CET, and they can look into it.",
        [PERSON],
    ),
    # --- product manuals: Lumen Volt 14 -----------------------------------------------------------
    (
        "paraphrase",
        S,
        "can I charge my volt 14 with my 30W phone charger when i travel?",
        "Only to a limited extent: a smaller charger like a 30 W phone charger charges the Volt 14 very slowly, "
        "or just keeps it from running flat while it's on. For proper charging, use the 65 W USB-C adapter from "
        "the box or another USB-C Power Delivery charger with at least 65 W.",
        ["Smaller chargers (for example a 30 W phone charger)"],
    ),
    (
        "paraphrase",
        S,
        "can i put a 2tb ssd in the volt 14? will that void my guarantee?",
        "Yes, 2 TB is fine: the Volt 14 takes a standard M.2 2280 NVMe SSD and supports drives up to 4 TB. "
        "Replacing the SSD doesn't affect your legal guarantee or Lumen Care, as long as nothing gets damaged "
        "during the upgrade.",
        ["Drives up to 4 TB are supported."],
    ),
    (
        "paraphrase",
        S,
        "flying next week, my airline allows batteries up to 100Wh in the cabin. is the volt 14 ok?",
        "Yes. The Volt 14 has a 72 Wh battery, which is below the usual 100 Wh airline limit, so it can go in your "
        "hand luggage.",
        ["72 Wh is below the usual 100 Wh airline limit."],
    ),
    (
        "paraphrase",
        S,
        "want to hook up two 4k monitors to my volt 14 at my desk, possible?",
        "Yes, you can run two external monitors at once: one over HDMI 2.1, which does up to 4K at 120 Hz, and one "
        "over USB-C with DisplayPort output at up to 4K 60 Hz. If the USB-C monitor supplies 65 W or more of Power "
        "Delivery, it can charge the laptop through the same cable.",
        ["You can connect up to two external monitors at the same time"],
    ),
    (
        "paraphrase",
        S,
        "volt 14 is at 0%, I'm plugging in the original charger at 13:00. will it be at 80% for my 14:15 call?",
        "It should be. With the supplied 65 W adapter, the Volt 14 charges from 0 to 80% in about an hour, so "
        "you'd be around 80% by roughly 14:00. It charges fastest while the laptop is off or asleep; if you're "
        "doing something demanding, it takes longer.",
        ["Fast charging works best when the laptop is switched off or asleep."],
    ),
    (
        "number_swap",
        C,
        "my volt 14 shows a black screen after I changed something in the BIOS, help",
        "Do a BIOS reset: unplug the charger and any USB devices, then hold the power button for 10 seconds. "
        "Release it, connect the charger and switch on as normal. Your files aren't affected.",
        ["Don't confuse the BIOS reset with a forced shutdown."],
    ),
    (
        "swapped_attribution",
        C,
        "which key gets me into the BIOS on the volt 14, and which one for booting from usb?",
        "Press F12 repeatedly as soon as the Lumen logo appears to open BIOS setup. To choose a boot device such "
        "as a USB recovery drive, press F2 instead.",
        ["press F12 instead"],
    ),
    (
        "negation",
        C,
        "Can I upgrade the volt 14 to 32GB ram later on?",
        "Yes, the Volt 14 ships with 16 GB of LPDDR5x memory and it can be upgraded later, so you can move to "
        "32 GB when you need more.",
        ["There are no memory slots inside the laptop."],
    ),
    (
        "wrong_fact",
        C,
        "what screwdriver do I need to open the bottom of my volt 14 for the ssd swap?",
        "The bottom cover is held by 8 Phillips PH0 screws, so a small Phillips screwdriver and a plastic opening "
        "tool are all you need to get to the SSD.",
        ["There are no memory slots inside the laptop."],
    ),
    # --- product manuals: BrewMaster 900 ----------------------------------------------------------
    (
        "paraphrase",
        S,
        "I descaled my brewmaster in january and the orange light is already on again in february. do I really "
        "need to do it again?",
        "Yes. Descale every 3 months or as soon as the orange light comes on, whichever happens first, so the "
        "light means it's time now. With hard water it can come on sooner than every 3 months.",
        ["With very hard water, this can happen sooner than every 3 months."],
    ),
    (
        "paraphrase",
        S,
        "power went out halfway through descaling my brewmaster, what now?",
        "No need to worry: if the programme is interrupted, for example by a power cut, the machine carries on "
        "with the rinse cycle when you switch it back on. Just make sure the rinse cycle finishes before you make "
        "any coffee.",
        ["If the programme is interrupted, for example by a power cut"],
    ),
    (
        "paraphrase",
        S,
        "will my 16cm tall travel mug fit under the brewmaster spout?",
        "Unfortunately not. The coffee spout adjusts for cups from 7 to 14 cm high, so a 16 cm mug is too tall "
        "to fit under it.",
        ["Height-adjustable coffee spout, for cups from 7 to 14 cm high"],
    ),
    (
        "paraphrase",
        S,
        "I put my brewmaster on a homehub smart plug timer so coffee's ready when I get up, but it doesnt switch on?",
        "That's expected: the BrewMaster 900 has an electronic power switch, so after the smart plug switches the "
        "power on, you still need to press the Power button on the machine itself. It doesn't start "
        "automatically when power returns.",
        [
            "The BrewMaster 900 has an electronic power switch.",
            "including the BrewMaster 900) don't switch on automatically when power returns",
        ],
    ),
    (
        "number_swap",
        C,
        "how often should the water filter in the brewmaster be changed?",
        "Replace the water filter every 3 months, or sooner if the filter symbol comes on, and register each new "
        "one by holding Clean and Coffee together for 3 seconds.",
        ["Replace the filter every 2 months, or when the filter symbol comes on."],
    ),
    (
        "swapped_attribution",
        C,
        "red light on my brewmaster, sometimes its flashing sometimes steady, whats the difference?",
        "A flashing red light means the grounds container is full or the drip tray isn't fitted, while a steady "
        "red light means the water tank is empty. Empty the container or fill the tank accordingly.",
        ["Flashing red means the water tank is empty or not fitted correctly."],
    ),
    (
        "unit_swap",
        C,
        "how long does the brewmaster take to heat up in the morning?",
        "The white light flashes while it heats up, which takes about 40 minutes; once the light is steady, the "
        "machine is ready to brew.",
        ["Heating takes about 40 seconds."],
    ),
    (
        "wrong_comparison",
        C,
        "I want a bigger espresso, like 90 ml. can I set the brewmaster to that?",
        "Yes: espresso can be set between 25 and 80 ml, so 90 ml fits. Hold the Espresso button for 3 seconds "
        "until brewing starts and let go when the cup has the amount you want.",
        ["Espresso can be set from 25 to 80 ml"],
    ),
    (
        "added_clause",
        U,
        "how do i clean the brew unit of my brewmaster?",
        "Do it once a week: switch the machine off and unplug it, open the service door on the right, press the "
        "red release lever and pull the brew unit out. Rinse it under lukewarm water without detergent (not in "
        "the dishwasher) and let it air-dry completely before sliding it back in until it clicks. If it ever gets "
        "damaged, a replacement brew unit costs 24.90 EUR in our shop.",
        ["Press the red release lever and pull the brew unit out by its handle."],
    ),
    # --- product manuals: Aurora X2 ---------------------------------------------------------------
    (
        "paraphrase",
        S,
        "long haul flight, 11 hours each way with ANC on. will the aurora x2 last there and back without "
        "charging (22h)?",
        "They should: the Aurora X2 gives up to 30 hours with ANC on, which is more than your 22 hours. Battery "
        "life does drop at very high volume or in the cold, so start with a full charge.",
        ["Quick charge: 10 minutes of charging gives up to 5 hours of playback."],
    ),
    (
        "paraphrase",
        S,
        "forgot to charge my aurora x2 and I'm leaving in 10 minutes 😬",
        "Good news: a 10-minute quick charge gives up to 5 hours of playback, so plug them into a USB-C charger "
        "straight away.",
        ["Quick charge: 10 minutes of charging gives up to 5 hours of playback."],
    ),
    (
        "paraphrase",
        S,
        "can I plug my aurora x2 into the plane's entertainment system and still have noise cancelling?",
        "Yes. Connect the 3.5 mm cable to the jack on the left ear cup, using the flight adapter from the box for "
        "the plane's socket. As long as the headphones are switched on, ANC works in wired mode too; Bluetooth is "
        "disabled while the cable is plugged in.",
        ["The Aurora X2 remembers up to 8 paired devices.", "Flight adapter (dual 3.5 mm)."],
    ),
    (
        "paraphrase",
        S,
        "how many devices can the aurora x2 remember? I've got a phone, ipad, laptop and a work laptop",
        "They remember up to 8 paired devices, so all four of yours fit, and they can be connected to two of them "
        "at the same time. When you switch them on, they reconnect automatically to the devices you used last.",
        ["The Aurora X2 remembers up to 8 paired devices.", "Reconnect the first device from its Bluetooth menu."],
    ),
    (
        "negation",
        C,
        "can I wear my aurora x2 in the shower to listen to podcasts?",
        "Yes, they're rated IPX4 and waterproof, so a shower is fine; just let the USB-C port dry before charging.",
        ["It isn't waterproof."],
    ),
    (
        "number_swap",
        C,
        "how do I get my aurora x2 into pairing mode?",
        "With the headphones switched off, hold the power button for 3 seconds until the LED flashes blue, then "
        "pick Aurora X2 in your device's Bluetooth settings. Pairing mode stays on for 3 minutes.",
        ["Pairing mode stays on for 3 minutes."],
    ),
    (
        "wrong_category",
        C,
        "can I add lumen care to the aurora x2 headphones I'm buying?",
        "Yes, Lumen Care is available for headphones like the Aurora X2, and you can add it at checkout or within "
        "30 days of delivery.",
        ["Lumen Care isn't available for headphones."],
    ),
    (
        "swapped_attribution",
        C,
        "whats the battery life on the aurora x2 with and without noise cancelling?",
        "You get up to 40 hours with ANC switched on and up to 30 hours with it off. A full charge takes about 2 "
        "hours over USB-C.",
        ["Quick charge: 10 minutes of charging gives up to 5 hours of playback."],
    ),
    (
        "added_clause",
        U,
        "the ear cushions on my aurora x2 are worn out, can I replace them?",
        "Yes, the ear cushions are replaceable: gently pull the old ones off the ear cup and clip the new ones "
        "on. Replacement cushions are available at lumenmarket.example, and they come in black and grey.",
        ["Replacement cushions are available at lumenmarket.example."],
    ),
    # --- product manuals: TrailLite 2 -------------------------------------------------------------
    (
        "paraphrase",
        S,
        "I'm 2 metres tall, will I fit in the traillite 2 lengthwise?",
        "The inner tent floor is 215 × 130 cm, so at 200 cm you'd have about 15 cm to spare in length, and the "
        "peak height is 105 cm. That said, our tent guide suggests that tall campers, or anyone who wants to keep "
        "their pack inside, consider going one size up.",
        [
            "Inner tent floor: value 215 × 130 cm.",
            "If you're tall, camp with a dog, or want to keep your pack inside",
        ],
    ),
    (
        "paraphrase",
        S,
        "had to pack my traillite wet at 6pm yesterday and I won't be home until 8pm tomorrow. problem?",
        "That's longer than it should be: a wet tent needs to be unpacked within 24 hours, and by 8pm tomorrow it "
        "will have been packed for 50 hours. If you can, take it out and let it dry sooner, because a tent stored "
        "damp can get mouldy within days, and mould damage isn't covered by the guarantee.",
        ["unpack it within 24 hours and let it dry completely"],
    ),
    (
        "paraphrase",
        S,
        "resealing the flysheet seams on my traillite 2, how long before I can pack it away?",
        "Give the silicone seam sealer at least 12 hours to cure, ideally 24, before you pack the tent. If tape "
        "is peeling on the floor, that's PU coated, so use a PU-based sealer on the inside there instead.",
        ["Let it cure for at least 12 hours, ideally 24, before packing the tent."],
    ),
    (
        "paraphrase",
        S,
        "camping on a rocky beach where the pegs won't go in. is the traillite ok without pegs?",
        "The TrailLite 2 is freestanding, so the poles hold its shape without pegs, which is handy on rocky "
        "ground. An unpegged tent can easily blow away, though, so weigh the corners down, for example with rocks "
        "tied to the corner loops.",
        ["Always peg or weigh down the corners"],
    ),
    (
        "swapped_attribution",
        C,
        "how waterproof is the traillite 2 exactly?",
        "The flysheet has a hydrostatic head of 5,000 mm and the floor 3,000 mm, which is plenty for heavy, "
        "long-lasting rain. The seams are taped at the factory.",
        ["The flysheet has a hydrostatic head of 3,000 mm, and the floor 5,000 mm."],
    ),
    (
        "number_swap",
        C,
        "how many pegs come with the traillite 2? wondering if I need to buy extra",
        "The tent comes with 8 aluminium Y-pegs and 4 pre-attached guylines, plus a repair kit.",
        ["Aluminium Y-pegs: quantity 10."],
    ),
    (
        "wrong_fact",
        C,
        "my traillite got really muddy at a festival, how should i clean it?",
        "Brush off the dried mud first, then clean it with lukewarm water, a soft sponge and a little mild "
        "detergent. Never machine-wash or tumble-dry it.",
        ["don't use detergents, which damage the coating"],
    ),
    (
        "wrong_comparison",
        C,
        "my limit for a 2 person tent is 2 kg packed incl. footprint. does the traillite 2 + footprint make it?",
        "Just about: the TrailLite 2 weighs 1.9 kg packed and the footprint adds 160 g, so together they come to "
        "1.96 kg, under your 2 kg limit.",
        ["Inner tent floor: value 215 × 130 cm.", "It weighs 160 g."],
    ),
    (
        "added_clause",
        U,
        "do I need a footprint for the traillite 2?",
        "It's optional. The TrailLite 2 footprint protects the floor from abrasion and helps it last longer, and "
        "it weighs 160 g. Make sure it doesn't stick out past the flysheet, or it'll catch rainwater and channel "
        "it under the tent. It's made from the same 30D nylon as the tent floor.",
        ["It weighs 160 g."],
    ),
    # --- product manuals: HomeHub smart plug ------------------------------------------------------
    (
        "paraphrase",
        S,
        "can I put a multi socket into my homehub and run my brewmaster (1450W) and my kettle (2300W) together?",
        "Please don't. The HomeHub shouldn't have a multi-socket adapter plugged into it, and in your case the "
        "two appliances together would draw 3,750 W, which is more than the plug's 3,680 W maximum.",
        ["don't plug a multi-socket adapter into the HomeHub"],
    ),
    (
        "paraphrase",
        S,
        "the LED on my homehub is blinking white, is it broken??",
        "No, blinking white means a firmware update is in progress. Just don't unplug it until it's done.",
        ["Blinking white: meaning Firmware update in progress"],
    ),
    (
        "paraphrase",
        S,
        "if my internet goes down, will my homehub schedules still switch the lamp on?",
        "Yes. Schedules are stored on the plug itself, so they keep working without Wi-Fi or internet as long as "
        "the plug has power. Its clock is synchronised again once it's back online.",
        ["Schedules are stored on the plug itself"],
    ),
    (
        "paraphrase",
        S,
        "held the button on my homehub for about 3 seconds and nothing happened. is it faulty?",
        "It's working as designed: holding the button for 1-5 seconds does nothing, so the plug can't be reset "
        "by accident. To reset it, hold the button for 6 seconds and let go when the LED starts blinking blue "
        "quickly.",
        ["Holding the button for 1-5 seconds does nothing"],
    ),
    (
        "number_swap",
        C,
        "how do I reset my homehub? got a new router",
        "With the plug in a wall socket, hold the button for 10 seconds and release it when the LED starts "
        "blinking blue quickly. It then forgets its Wi-Fi and app link, so remove it from the Lumen Home app and "
        "set it up again.",
        ["Holding the button for 1-5 seconds does nothing"],
    ),
    (
        "swapped_attribution",
        C,
        "my homehub LED is solid blue, is the lamp supposed to be on?",
        "Solid blue means the plug is connected and the power to your lamp is on; solid green would mean it's "
        "connected but switched off.",
        ["Blinking white: meaning Firmware update in progress"],
    ),
    (
        "negation",
        C,
        "my router only does 5GHz wifi, will the homehub work with it?",
        "Yes, the HomeHub supports both 2.4 GHz and 5 GHz Wi-Fi, so a 5 GHz-only router is fine.",
        ["It can't connect to a 5 GHz network, and it doesn't support"],
    ),
    (
        "only_vs_list",
        C,
        "which voice assistants work with the homehub?",
        "The HomeHub works only with Amazon Alexa. Link it in the Lumen Home app under Profile > Voice assistants, "
        "and then control it by the name you gave the plug.",
        ["The HomeHub works with Amazon Alexa and Google Home."],
    ),
]


if __name__ == "__main__":
    raise SystemExit(main(CASES, OUT, "pc6", "v7"))
