"""How policy_claims_v4.jsonl was made (kept for provenance; the JSONL is the dataset).

Dataset card
------------
- What: a held-out test set for the grounding guard. Each row is a customer question about the
  Lumen Market demo corpus, an answer written in the style of a small support chat model, 1-3 real
  corpus passages (as `core.grounding.corpus_text.passages` cuts them) holding the evidence needed
  to judge the answer, and a label: supported, contradicted or unsupported.
- Written: 2026-11-25, by a separate writer (a helper session) who read only the corpus under
  corpus/lumen-market/ (through `passages()`), its facts sheet (corpus/README.md),
  evaluation/policy_claims.py, and for the format the first ~80 lines (docstring and first cases)
  and the last ~30 lines of the v3 builder. The writer saw neither the guard, its code, its tests,
  its benchmark results or its errors, nor the v1/v2/v3 cases beyond those few format examples, so
  the cases are not shaped by what the guard catches. All questions are new. v3 was studied after
  it was scored once, so v4 replaces it as the held-out set.
- Topics: every part of the corpus - returns and refunds, shipping (EU options, UK/CH/NO, freight,
  lockers, PO boxes, tracking and delivery problems), orders (cancel/change, addresses,
  duplicates, pre-orders, missing items, invoices), payments (methods, Klarna, bank transfer,
  price drops, VAT), warranty (legal guarantee, Lumen Care / Care+, batteries), gift cards,
  account and security, Lumen Plus, contact/hours/complaints, general FAQ, and the five product
  manuals (Volt 14 and BrewMaster 900 PDFs; Aurora X2, TrailLite 2 and HomeHub Markdown).
- How: every answer was written by hand against the passage text, and every case was re-checked
  against its passages (supported answers sentence by sentence). Supported answers paraphrase
  (reordered, numbers sometimes in words, chatty openers and closers, facts combined from two
  passages) and about 33 of them reason with the customer's own numbers (dates, ages of items,
  amounts, wattages: e.g. a 250 EUR opened tablet refunded at 207.55 EUR, a book delivered on
  3 March returnable until 17 March, a pro-rata Lumen Plus refund of 28.58 EUR). "declines" say
  the passages don't cover the question and offer a person (resting on the chat passage "You can
  ask for a person at any time during chat hours"); any other fact they add is stated in their
  passages. Contradicted answers change one fact the passages state, mostly inside an otherwise
  correct paraphrase: number/duration/amount swaps, hours/days vs weeks (unit_swap), wrong
  weekday/time/date, negation, wrong category, "only X" for a list, "always" for a conditional
  rule, who gets the refund / which channel / when a card is charged (wrong_fact), two values
  swapped between two items (swapped_attribution), and wrong conclusions from the customer's own
  number (wrong_comparison, e.g. "75 minutes is still within the window" for a 60-minute rule).
  Unsupported answers add a policy, discount, guarantee, contact route or clause that the passages
  neither state nor rule out (invented: the answer rests on it; added_clause: one extra sentence
  after a correct answer).
- Counts (200 cases): supported 100, contradicted 80, unsupported 20.
  supported: paraphrase 92, declines 8.
  contradicted: wrong_fact 25, number_swap 17, wrong_comparison 10, swapped_attribution 9,
  negation 7, wrong_category 3, time_swap 3, weekday_swap 2, date_swap 1, only_vs_list 1,
  universal_vs_conditional 1, unit_swap 1.
  unsupported: added_clause 13, invented 7.
  By topic (supported/contradicted/unsupported): returns and refunds 28 (13/12/3), shipping 21
  (10/8/3), orders 14 (7/6/1), payments 15 (7/6/2), warranty 18 (7/9/2; includes one Volt 14 RAM
  case), gift cards 14 (7/6/1), account 14 (7/5/2), Lumen Plus 14 (7/6/1), contact and general
  FAQ 12 (6/4/2), product manuals 42 (21/18/3: Volt 14 9, BrewMaster 900 9, Aurora X2 7,
  TrailLite 2 8, HomeHub 9), declines 8 (8/0/0).
- Borderline labels (judgement calls, kept as labelled):
  pc4-023 (unsupported, Royal Mail): the passages say "any parcel shop or post office of our
  delivery partners" without naming the partners.
  pc4-137 (unsupported, early access to sales) and pc4-192 (unsupported, a "HomeHub Outdoor"): a
  reader who takes the benefit list / the indoor-only rule as the whole story would call them
  contradicted.
  pc4-147 (unsupported): "Not currently" answers student or military discounts; the added 10%
  newsletter first-order discount is a different discount the passages don't mention.
  pc4-024 (unsupported): no passage says whether or when store credit expires.
  pc4-041 (unsupported): "We don't currently ship anywhere else" neither states nor excludes
  plans to ship to the US.
  pc4-096 (unsupported): courier shipping paid "from any country" and cover "wherever you use the
  product" are not in the passage given (the guarantee passage only says it is free and
  automatic).
  pc4-030 (contradicted): rests on "free when your order total is over 50 EUR (after any
  discounts)", reading a 10 EUR voucher as a discount (55 - 10 = 45 EUR).
  pc4-114 (contradicted): assumes "this morning" to "tonight" is more than the 1-hour validity.
  pc4-143 (contradicted): the passage says CET is 1 hour behind Finnish time, so chat is 09:00-23:00
  local time; the answer reverses the offset (labelled wrong_fact, not time_swap).
  pc4-033 and pc4-037 (supported) take the customer's word for the time zone (Berlin) and that
  Edinburgh is in the UK; pc4-054 (supported) reads "Want to add something? Place a new order.
  Orders can't be merged" as "items can't be added to an existing order".
  pc4-026 (supported): the free label for members rests on the Anna example passage, which states
  it for a member's return.
  pc4-194 (declines): the passages say the shop is online only with partner-locker collection; the
  answer neither claims nor denies warehouse pickup.
- Held out: never to be used to train or tune the grounding classifier or its thresholds. Once it
  has been studied, write a v5.

    python evaluation/datasets/build_policy_claims_v4.py [--force]

The JSONL is versioned: it is never rewritten in place; a changed set is a new file (v5).
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from evaluation.policy_claims import Case, main  # noqa: E402

OUT = Path(__file__).resolve().parent / "policy_claims_v4.jsonl"

S, C, U = "supported", "contradicted", "unsupported"
PERSON = "You can ask for a person at any time during chat hours (08:00-22:00 CET)."

# (type, label, question, answer, passage snippets)
CASES: list[Case] = [
    # --- returns and refunds ----------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "My trainers arrived 50 days ago. I've only tried them on at home and the tags are still on - can I still "
        "send them back?",
        "Yes, you're still in time! Clothing and shoes have a 60-day return window from delivery, so you've got about "
        "ten days left. Trying them on at home is fine; they just need to be unworn and still have their original "
        "tags attached.",
        [
            "Clothing & shoes: return window 60 days; lumen plus members 75 days.",
            "Trying something on at home is fine. Wearing it outside is not.",
        ],
    ),
    (
        "paraphrase",
        S,
        "I opened a 250 EUR tablet and it works fine, I just don't like it. I'm not a Plus member. How much would I "
        "get back?",
        "Since the tablet is opened but not faulty, a 15% restocking fee applies, which is 37.50 EUR on 250 EUR. The "
        "4.95 EUR return label fee is also deducted because you're not a Lumen Plus member, so your refund would be "
        "207.55 EUR.",
        [
            "Opened electronics that work perfectly carry a 15% restocking fee.",
            "Return label fee: 4.95 EUR, unless the item is faulty or wrong, or you're a Lumen Plus member.",
        ],
    ),
    (
        "wrong_fact",
        C,
        "I'm a Lumen Plus member and want to return headphones I opened (300 EUR). There's nothing wrong with them. "
        "What will I get back?",
        "Good news: as a Lumen Plus member your return label is free and the 15% restocking fee is waived too, so "
        "you'd get the full 300 EUR back.",
        ["Does Lumen Plus waive the restocking fee?"],
    ),
    (
        "paraphrase",
        S,
        "If I take store credit instead of a refund for a 60 EUR jumper, how much do I get and how long does it take?",
        "With store credit you'd get 63 EUR, because there's a 5% bonus on top of the 60 EUR. It's added to your "
        "account instantly once your return has been checked in, so there's no wait for the bank.",
        [
            "For example, a 100 EUR refund becomes 105 EUR of store credit.",
        ],
    ),
    (
        "number_swap",
        C,
        "Is there any advantage to choosing store credit for my refund?",
        "Yes! Store credit lands in your account as soon as the return is checked in, and you get a 10% bonus on top, "
        "so a 100 EUR refund becomes 110 EUR to spend with us.",
        ["For example, a 100 EUR refund becomes 105 EUR of store credit."],
    ),
    (
        "paraphrase",
        S,
        "A cookbook I ordered was delivered on 3 March. What's the last day I can return it?",
        "Books have a 14-day return window counted from delivery, so for a delivery on 3 March your last day would "
        "be 17 March. The book needs to be in resaleable condition.",
        [
            "Books have a 14-day window, so the last day is 19 October.",
            "Books: examples Printed books; standard window 14 days",
        ],
    ),
    (
        "date_swap",
        C,
        "My tent was delivered on 10 June. I'm not a Lumen Plus member. Until when can I return it?",
        "Tents count as outdoor gear, which has a 45-day window from delivery, so you can send it back until "
        "9 August. Just make sure it's clean, dry and complete.",
        [
            "Outdoor gear has a 45-day window, so the last day to return it is 16 July.",
            "Tents count as outdoor gear and can be returned within 45 days of delivery",
        ],
    ),
    (
        "paraphrase",
        S,
        "I ordered headphones on 1 May but they only arrived on 6 May. Does my 30 days start from the order?",
        "No, it starts from delivery, not from the day you ordered. With the headphones arriving on 6 May, you can "
        "return them until 5 June.",
        [
            "If your headphones arrived on 2 May and your laptop on 6 May",
            "The return window starts on the day your order is delivered, not the day you placed it.",
        ],
    ),
    (
        "wrong_fact",
        C,
        "When does the return window start - when I click order or when the parcel comes?",
        "The return window starts on the day you place your order, so it's a good idea to unpack and check "
        "everything soon after the parcel arrives.",
        ["The return window starts on the day your order is delivered, not the day you placed it."],
    ),
    (
        "paraphrase",
        S,
        "I bought swim shorts that don't suit me, never worn in the water. Can I send them back?",
        "I'm sorry, swimwear can't be returned if you've changed your mind. Like underwear, it's on our "
        "non-returnable list for hygiene reasons. If there's a fault, though, such as a broken seam, you can report "
        "it from Orders > Report a problem and we'll sort it out.",
        [
            "Underwear and swimwear: including bikinis, swim shorts",
            "A swimsuit with a broken seam: report it from Orders > Report a problem",
        ],
    ),
    (
        "only_vs_list",
        C,
        "Is there anything you don't accept back?",
        "Only gift cards. Once issued, a gift card works like cash, so it can't be refunded; everything else can be "
        "sent back within its category's return window.",
        [
            "Gift cards: physical and e-gift cards.",
            "Gift cards, digital downloads, opened software, personalised items, and underwear and swimwear cannot be "
            "returned.",
        ],
    ),
    (
        "paraphrase",
        S,
        "My new laptop won't switch on. It was the only item in the order and I paid 9.95 for Express. What happens "
        "if I return it?",
        "Sorry about that! Because it's faulty, return shipping is free and there's no restocking fee, even though "
        "it's been opened. And since you're returning the whole order, the 9.95 EUR Express charge is refunded as "
        "well.",
        [
            "If you return the whole order, we also refund any Express or Next-day delivery charge.",
            "There is no restocking fee , even for opened electronics.",
        ],
    ),
    (
        "universal_vs_conditional",
        C,
        "I'm sending back my whole order because I changed my mind. I paid for Express - do I get that back?",
        "Yes. Whenever you return a complete order, we refund the full delivery charge you paid, including the "
        "Express surcharge.",
        [
            "Surcharges for Express or Next-day delivery are only refunded if the item was faulty or we sent the "
            "wrong item."
        ],
    ),
    (
        "paraphrase",
        S,
        "I'm returning everything from my order (I paid 4.95 for standard shipping) because I changed my mind. Will I "
        "get the shipping back?",
        "Yes, when you send back an entire order we refund the standard delivery charge you paid. Just keep in mind "
        "that, as it's a change-of-mind return, the 4.95 EUR return label fee is deducted from your refund unless "
        "you're a Lumen Plus member.",
        [
            "If you send back an entire order, we also refund the standard delivery charge you paid.",
            "For all other returns we deduct a 4.95 EUR return label fee from your refund.",
        ],
    ),
    (
        "paraphrase",
        S,
        "I sent my return back. When will I see the money on my card?",
        "Once your parcel reaches our returns centre, it's usually inspected within 3 business days, and you'll get "
        "an email when that's done. After that, the refund goes to your card and arrives within 5-7 business days.",
        [
            "Our returns centre usually inspects parcels within 3 business days of arrival.",
            "The money arrives within 5-7 business days.",
        ],
    ),
    (
        "unit_swap",
        C,
        "How long until my refund to PayPal comes through after you receive the return?",
        "After your return has been received and inspected, the refund goes back to your PayPal account. Please "
        "allow 5-7 weeks for it to arrive.",
        ["The refund then reaches you within 5-7 business days."],
    ),
    (
        "paraphrase",
        S,
        "My aunt sent me a blender as a gift but I already have one. Can I return it, and who gets the money?",
        "Yes, you can return it yourself through Guest returns using the order number. The refund goes to the "
        "person who paid, so in this case your aunt.",
        [
            "The recipient can return the item through Guest returns with the order number, and the refund goes to "
            "the person who paid."
        ],
    ),
    (
        "wrong_fact",
        C,
        "I received headphones as a present and want to return them. Where does the refund go?",
        "You can return them via Guest returns with the order number, and since you're the one sending them back, "
        "the refund is issued to you as store credit.",
        [
            "The recipient can return the item through Guest returns with the order number, and the refund goes to "
            "the person who paid."
        ],
    ),
    (
        "paraphrase",
        S,
        "I returned my speaker as faulty, but what if your technicians find nothing wrong with it?",
        "If our technicians can't find a fault, we'll email you before doing anything else. You can then either have "
        "the speaker sent back to you free of charge, or go ahead with a normal return, in which case the usual "
        "4.95 EUR label fee (unless you're a Lumen Plus member) and, for opened electronics, the 15% restocking fee "
        "apply.",
        ["have the item sent back to you free of charge, or."],
    ),
    (
        "paraphrase",
        S,
        "I'm returning three shirts from the same order in one box. Do I pay the label fee three times?",
        "No, you only pay it once. If you return several items from the same order in one parcel, the 4.95 EUR fee "
        "is charged a single time and deducted from your refund, and it's free altogether if you're a Lumen Plus "
        "member.",
        [
            "If you return several items from the same order in one parcel, you only pay the fee once.",
            "Free for Lumen Plus members, for any reason.",
        ],
    ),
    (
        "wrong_fact",
        C,
        "Can I put items from two different orders in one return parcel?",
        "Yes, that's no problem. Just start one return, add the items from both orders and pack them together, and "
        "you'll only pay the label fee once.",
        ["One return can include items from the same order only."],
    ),
    (
        "negation",
        C,
        "I'm in Norway and sending back a lamp. Do I get the customs charges back?",
        "Yes, once the return arrives, we refund the item together with the import duties and taxes you paid on "
        "delivery. Just fill in the customs form included with your prepaid label.",
        ["We can't refund import duties or taxes that you paid when the order was delivered."],
    ),
    (
        "invented",
        U,
        "Where can I drop off my return in the UK?",
        "You'll get a prepaid label with a customs form to fill in. You can drop the parcel at any Royal Mail post "
        "office, which handles all our UK returns.",
        [
            "Customers in the UK, Switzerland and Norway also get a prepaid label.",
            "Any parcel shop or post office of our delivery partners.",
        ],
    ),
    (
        "added_clause",
        U,
        "If I choose store credit, how long do I have to use it?",
        "Store credit is added instantly once your return is checked in, with a 5% bonus, and it's applied "
        "automatically at checkout. It stays valid for 3 years, just like a gift card.",
        ["Store credit is applied automatically at checkout and can be combined with any payment method."],
    ),
    (
        "wrong_category",
        C,
        "I ordered a water bottle engraved with my name and don't like how it looks. Can I return it?",
        "Sure, water bottles count as home & kitchen, so you have 30 days from delivery to send it back as long as "
        "it's clean and complete.",
        ["such as a name on a water bottle or a photo printed on a phone case"],
    ),
    (
        "paraphrase",
        S,
        "I'm a Plus member (joined last year) and my sleeping bag arrived on 5 September. How long do I have to "
        "return it?",
        "As a Lumen Plus member you get 60 days for outdoor gear instead of 45, so you can return it until "
        "4 November. Your return label is free too.",
        ["Outdoor gear normally has 45 days, so she has 60 days, until 2 November."],
    ),
    (
        "wrong_comparison",
        C,
        "I'm a Lumen Plus member. A coat I bought arrived 80 days ago and still has its tags. Can I return it?",
        "Yes, you're fine: as a Plus member you get 75 days for clothing instead of 60, and at 80 days you're still "
        "within that window as long as the coat is unworn with tags.",
        ["Clothing & shoes: standard 60 days; lumen plus 75 days."],
    ),
    (
        "added_clause",
        U,
        "I lost the email with my return label. Can I still get it, and is there a time limit?",
        "Yes, the label is also available under Orders > Returns if you lose the email. Each return label is valid "
        "for 14 days after you create the return, so please drop the parcel off within that time.",
        ["The label is also available under Orders > Returns if you lose the email."],
    ),
    # --- shipping ---------------------------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "My basket is 48 EUR. Do I pay for standard shipping?",
        "At 48 EUR you'd pay 4.95 EUR for Standard delivery, since it's only free when the order total is over "
        "50 EUR. Adding a little more to your basket to go over 50 EUR would make it free.",
        ["Standard delivery is free when your order total is over 50 EUR (after any discounts)."],
    ),
    (
        "wrong_comparison",
        C,
        "My basket is 55 EUR but I'm using a 10 EUR voucher. Is standard delivery still free?",
        "Yes, since your basket is over 50 EUR, Standard delivery is free, and the voucher doesn't change that.",
        ["Standard delivery is free when your order total is over 50 EUR (after any discounts)."],
    ),
    (
        "paraphrase",
        S,
        "If I order next-day delivery on Friday at 3pm, when will it come?",
        "Orders placed after 14:00 on a Friday miss the cut-off, so your parcel would arrive on Tuesday. Next-day "
        "costs 14.95 EUR.",
        ["Orders placed after 14:00 on a Friday, or at the weekend, arrive on Tuesday."],
    ),
    (
        "weekday_swap",
        C,
        "I want to order with next-day delivery on Saturday morning. When does it arrive?",
        "Next-day orders placed at the weekend go out first thing on Monday and arrive that same Monday, so you'd "
        "have it at the start of the week.",
        ["What's the cut-off time for Next-day delivery?"],
    ),
    (
        "paraphrase",
        S,
        "It's Thursday, 11am here in Berlin. If I choose next-day now, does it come tomorrow?",
        "Yes. As long as you order before 14:00 CET, Monday to Friday, Next-day delivery arrives on the next business "
        "day, which would be Friday. It costs 14.95 EUR, and checkout shows whether it's available for your "
        "postcode.",
        ["Order by 14:00 CET, Monday to Friday, and your parcel arrives the next business day."],
    ),
    (
        "time_swap",
        C,
        "What's the latest I can order for next-day delivery?",
        "You can order up until 16:00 CET, Monday to Friday, and your parcel arrives the next business day for "
        "14.95 EUR.",
        ["Order by 14:00 CET, Monday to Friday, and your parcel arrives the next business day."],
    ),
    (
        "paraphrase",
        S,
        "How does collecting from a locker work and how long do I have to pick it up?",
        "Click & Collect is free and takes 2-4 business days. When the parcel arrives you get an email and a text "
        "with a pickup code, and it waits in the locker for 7 days. If it isn't collected by then, it goes back to "
        "us and we refund the order automatically.",
        [
            "Click & Collect is free and takes 2-4 business days.",
            "you'll get an email and a text message with a pickup code",
            "Your parcel waits for 7 days. After that it's sent back to us",
        ],
    ),
    (
        "number_swap",
        C,
        "I'm away for 10 days. If I choose a locker, will my parcel still be there when I'm back?",
        "Yes, Click & Collect parcels wait in the locker for 14 days, so you'll have a few days to spare after you "
        "get back.",
        ["Your parcel waits for 7 days. After that it's sent back to us"],
    ),
    (
        "paraphrase",
        S,
        "Do you deliver to Edinburgh in the UK, and how much is it?",
        "Yes, we deliver to the United Kingdom. It takes 5-8 business days and costs 19.95 EUR. Customs duties and "
        "import taxes aren't included: you pay them, and the carrier collects them before delivery.",
        [
            "We deliver to the United Kingdom, Switzerland and Norway in 5-8 business days for 19.95 EUR.",
            "The carrier collects them before delivery.",
        ],
    ),
    (
        "negation",
        C,
        "Shipping to Switzerland costs 19.95 - does that cover customs?",
        "Yes, the 19.95 EUR international delivery charge includes customs duties and import taxes, so there's "
        "nothing more to pay when the parcel arrives.",
        ["They are not included in our prices or in the 19.95 EUR delivery charge."],
    ),
    (
        "paraphrase",
        S,
        "If my 120 EUR order to Norway arrives and I refuse to pay the duties, what do I get back?",
        "The parcel would be sent back to us. Once it arrives, we refund the 120 EUR item price, minus the original "
        "19.95 EUR delivery charge and minus the return shipping costs charged to us.",
        ["The parcel is sent back to us. We refund the item price once it arrives"],
    ),
    (
        "paraphrase",
        S,
        "Can you ship to Canada?",
        "Sorry, we can't. Outside the EU we only deliver to the United Kingdom, Switzerland and Norway, and we don't "
        "currently ship anywhere else.",
        ["We don't currently ship anywhere else."],
    ),
    (
        "invented",
        U,
        "Do you ship to the USA?",
        "Not yet. Right now we deliver to all EU countries plus the UK, Switzerland and Norway, but shipping to the "
        "US is planned to launch next spring.",
        ["We don't currently ship anywhere else."],
    ),
    (
        "paraphrase",
        S,
        "I'm buying a 45 kg fridge-freezer. How's that delivered?",
        "Anything over 30 kg goes with our freight partner: it takes 5-10 business days and costs a flat 49 EUR for "
        "the freight part. The partner contacts you so you can pick a delivery day and a 4-hour window. Delivery is "
        "to the kerbside or ground floor, so carrying it upstairs isn't included.",
        [
            "Delivery is to the kerbside or ground floor. Carrying items upstairs is not included.",
            "You choose a delivery day and a 4-hour time window.",
        ],
    ),
    (
        "wrong_fact",
        C,
        "I have Lumen Plus. Is freight delivery for my new bike box free then?",
        "Yes, Lumen Plus covers delivery on every order, so freight for bulky items is free for members too.",
        ["Bulky items over 30 kg, freight (5-10 business days): non-members 49 EUR; lumen plus 49 EUR."],
    ),
    (
        "paraphrase",
        S,
        "Can I send my order to a PO box? It's a phone case and a 40 kg bike.",
        "The phone case can go to a PO box, as normal parcels are fine. The bike is over 30 kg though, so it ships by "
        "freight and needs a street address; checkout will ask you to add one for that item.",
        [
            "If your basket contains a bulky item and you've entered a PO box, checkout asks you to add a street "
            "address for that item."
        ],
    ),
    (
        "wrong_fact",
        C,
        "I live in London. Can I pick my order up from one of your lockers?",
        "Yes, Click & Collect works for UK orders too. Just choose a partner locker at checkout and your parcel "
        "arrives in 2-4 business days.",
        ["Orders to the UK, Switzerland or Norway."],
    ),
    (
        "paraphrase",
        S,
        "Tracking says my parcel was delivered yesterday but nothing's here. What now?",
        "First check with your neighbours, your building's reception and any safe place, and look for a delivery "
        "card. Carriers sometimes mark parcels as delivered a little early, so wait until the end of the next "
        "business day. If it's still missing, report it from Orders > Report a problem within 14 days of the "
        "delivery date. We'll investigate with the carrier, which usually takes up to 5 business days, and send a "
        "replacement or refund if it can't be found.",
        ["Carriers sometimes mark parcels as delivered a little early."],
    ),
    (
        "swapped_attribution",
        C,
        "What are the deadlines for reporting a problem with a delivery?",
        "For a parcel that arrived damaged, report it within 14 days of delivery. For a parcel marked delivered that "
        "you never received, you have 7 days from the delivery date.",
        ["Photos of the outer packaging if the parcel was damaged. Report damage within 7 days of delivery."],
    ),
    (
        "added_clause",
        U,
        "My Next-day parcel arrived a day late. Can I get compensation?",
        "Sorry about that! If Next-day delivery arrives late because of us or the carrier, we refund the delivery "
        "charge; just ask in chat. We'll also add a 10 EUR voucher to your account for the inconvenience.",
        ["we refund the delivery charge. Just ask in chat."],
    ),
    (
        "added_clause",
        U,
        "Can I ask the driver to leave my parcel in a safe place?",
        "Yes, use the Delivery notes field at checkout for access codes or a safe place. Parcels left at the safe "
        "place you chose are insured by us up to 500 EUR.",
        ["Use the Delivery notes field for access codes or a safe place."],
    ),
    # --- orders -----------------------------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "I placed an order 40 minutes ago and want to cancel it. Is it too late?",
        "You're still in time! Orders can be changed or cancelled within 60 minutes of placing them, so you have "
        "about 20 minutes left. Go to Orders, select the order and choose Cancel order. Nothing is charged, and the "
        "card authorisation is released.",
        ["Cancel order: cancels the whole order. Nothing is charged."],
    ),
    (
        "wrong_comparison",
        C,
        "I ordered about 75 minutes ago. Can I still cancel?",
        "Yes, you're still within the cancellation window, so just go to Orders and select Cancel order.",
        ["60 minutes from placing it. Cancel from Orders in your account."],
    ),
    (
        "paraphrase",
        S,
        "I ordered 2 hours ago and realised I want it sent to my office in the same city instead. Is that possible?",
        "Yes. The 60-minute window for other changes has passed, but the delivery address can be changed until the "
        "order ships. Go to Orders, select the order and choose Change address. The new address just needs to be in "
        "the same country.",
        [
            "You can change the delivery address for an order until it ships, even after the 60-minute window for "
            "other changes has ended.",
            "The new address must be in the same country as the original address",
        ],
    ),
    (
        "wrong_fact",
        C,
        "It's been 3 hours since I ordered. Can your customer service cancel it for me?",
        "Our team can cancel it for you as long as it hasn't shipped yet; just contact us by chat or phone with "
        "your order number.",
        ["Once an order is Processing, it can't be cancelled by anyone."],
    ),
    (
        "paraphrase",
        S,
        "Can I add a charger to the order I placed 10 minutes ago?",
        "Unfortunately items can't be added to an existing order, so you'd need to place a new order for the "
        "charger. If that new order is over 50 EUR, Standard delivery is free anyway.",
        ["Orders can't be merged, but if the new order is over 50 EUR, Standard delivery is free anyway."],
    ),
    (
        "paraphrase",
        S,
        "I ordered with Standard delivery this morning, well over an hour ago. Can I upgrade to Express now?",
        "I'm afraid not. Switching from Standard to Express is only possible within 60 minutes of ordering, using "
        "Change order.",
        ["Only within 60 minutes of ordering, using Change order."],
    ),
    (
        "wrong_fact",
        C,
        "My order hasn't shipped yet. Can I change the delivery address from Austria to Italy?",
        "Yes, as long as the order hasn't shipped you can change the address to anywhere we deliver. Go to Orders, "
        "select the order and choose Change address.",
        ["The new address must be in the same country as the original address"],
    ),
    (
        "paraphrase",
        S,
        "I accidentally ordered the same coffee grinder twice, about 2 hours ago.",
        "Since more than 60 minutes have passed, the duplicate is in Processing and can't be cancelled anymore. Once "
        "it's delivered, return the extra grinder and contact us: we'll check whether the return label fee can be "
        "waived for a genuine duplicate.",
        ["We'll check whether the return label fee can be waived for a genuine duplicate."],
    ),
    (
        "paraphrase",
        S,
        "I pre-ordered a phone. When is my card charged, and what if the price goes down before release?",
        "Your card isn't charged when you pre-order, only when the phone ships; for now we just check that your card "
        "is valid. If the price drops on Lumen Market before it ships, you automatically pay the lower price.",
        [
            "As with all card orders, your card is charged when the item ships, not when you pre-order.",
            "you automatically pay the lower price",
        ],
    ),
    (
        "wrong_fact",
        C,
        "When do I pay for a pre-order by card?",
        "For pre-orders we charge your card in full when you place the order, so the item is reserved for you from "
        "the first batch.",
        ["As with all card orders, your card is charged when the item ships, not when you pre-order."],
    ),
    (
        "paraphrase",
        S,
        "My parcel came but the mouse I ordered isn't in it.",
        "First check whether your order was split into several parcels, since each has its own shipping email. If "
        "the mouse really is missing, go to Orders > Report a problem within 14 days of delivery. We'll check our "
        "packing records and either send it free of charge with Express delivery or refund it, whichever you "
        "prefer.",
        [
            "Each parcel has its own shipping email and tracking link.",
            "send the missing item free of charge with Express delivery or refund it",
        ],
    ),
    (
        "wrong_fact",
        C,
        "An item is missing from my delivery and I've reported it. Will you send it?",
        "Once we've checked our packing records, we'll send the missing item with Standard delivery at no cost, or "
        "refund it if you prefer.",
        ["send the missing item free of charge with Express delivery or refund it"],
    ),
    (
        "wrong_fact",
        C,
        "I need the invoice for the order I placed this morning. Is it in the confirmation email?",
        "Yes, the invoice is attached to your order confirmation email as a PDF, and you can also download it under "
        "Orders.",
        ["Your invoice isn't attached to the confirmation."],
    ),
    (
        "added_clause",
        U,
        'What does "Out for delivery" mean in my tracking?',
        "It means the parcel is on the delivery vehicle and should arrive today. On that morning we also send you a "
        "text message with a 1-hour delivery window.",
        ["Tracking usually updates within 24 hours."],
    ),
    # --- payments ---------------------------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "Can I split a 450 EUR order with Klarna? How would the payments work?",
        "Yes, 450 EUR is within Klarna's 100-2,000 EUR range. With Pay in 3 instalments you'd make three "
        "interest-free payments of 150 EUR: the first when your order ships, the second 30 days later and the third "
        "60 days after the first.",
        [
            "The third is due 60 days after the first.",
            "It's available for orders with a total between 100 EUR and 2,000 EUR.",
        ],
    ),
    (
        "wrong_comparison",
        C,
        "My order is 90 EUR. Can I use Klarna's pay in 30 days?",
        "Yes, Pay in 30 days is available for your order; Klarna just runs a quick check at checkout.",
        ["Klarna is only available for orders from 100 EUR to 2,000 EUR"],
    ),
    (
        "number_swap",
        C,
        "What's the biggest order I can put on Klarna?",
        "Klarna is available for orders from 100 EUR up to 5,000 EUR, either as pay in 30 days or as 3 "
        "interest-free instalments.",
        ["for orders between 100 EUR and 2,000 EUR. See Paying with Klarna."],
    ),
    (
        "paraphrase",
        S,
        "I paid with Klarna pay in 30 days and I'm returning the item. Do I still have to pay the invoice?",
        "Once we've received and inspected your return, we tell Klarna and your invoice is updated. If you've already "
        "paid, Klarna refunds you. While you wait for the return to be processed, you can pause your Klarna payment "
        "in the Klarna app so you don't pay for something you've sent back.",
        ["you can pause your Klarna payment in the Klarna app"],
    ),
    (
        "paraphrase",
        S,
        "If I choose bank transfer, how long do I have to pay?",
        "We hold your order for 7 days. We send a reminder email on day 5, and if the money hasn't arrived after "
        "7 days, the order is cancelled automatically. Please use the payment reference so we can match your "
        "transfer.",
        ["We send you a reminder email on day 5."],
    ),
    (
        "number_swap",
        C,
        "Will you remind me to pay for my bank transfer order?",
        "Yes, we send a reminder email on day 3. If the payment still hasn't arrived after 7 days, the order is "
        "cancelled automatically.",
        ["We send you a reminder email on day 5."],
    ),
    (
        "wrong_fact",
        C,
        "Can I pay by bank transfer and still get Next-day delivery?",
        "Yes, just choose Next-day at checkout. If you use SEPA Instant, the money arrives within minutes, so your "
        "order still arrives the next business day.",
        ["Next-day delivery isn't available with bank transfer"],
    ),
    (
        "paraphrase",
        S,
        "Can I pay in cash when the courier comes, or with Bitcoin?",
        "Neither, I'm afraid. We don't offer cash on delivery for any order, and we don't accept Bitcoin or any other "
        "cryptocurrency. You can pay by Visa, Mastercard, American Express, PayPal, Apple Pay, Google Pay, Klarna or "
        "bank transfer.",
        [
            "Cash on delivery: not available for any order.",
            "Visa, Mastercard, American Express, PayPal, Apple Pay, Google Pay, Klarna and bank transfer.",
        ],
    ),
    (
        "paraphrase",
        S,
        "I bought a monitor on 10 November for 199 EUR and today, 20 November, it's 179 EUR on your site. Can I get "
        "the difference?",
        "Yes! You're within 14 days of your purchase, so you can claim the 20 EUR difference: go to Orders, open the "
        "order, select the monitor and choose Price dropped?. Keep in mind it can only be refunded once per item.",
        [
            "You must claim within 14 days of your purchase (the date you placed the order).",
            "Select the item and choose Price dropped?",
        ],
    ),
    (
        "wrong_comparison",
        C,
        "I bought a camera on 1 October. The price dropped on 20 October. Can I claim the difference?",
        "Yes, 20 October is still within the 14-day price drop window, so you can claim the difference from Orders.",
        ["You must claim within 14 days of your purchase (the date you placed the order)."],
    ),
    (
        "negation",
        C,
        "The price of my blender dropped last week and I already claimed. Now it dropped again. Can I claim again?",
        "Yes, you can claim each time the price drops within 14 days of your purchase, so go ahead and submit a "
        "second claim.",
        ["No. Price drop protection can be used once per item."],
    ),
    (
        "paraphrase",
        S,
        "Are your prices including VAT if I order to the UK?",
        "No, for UK deliveries prices are shown without EU VAT. Import VAT and customs duties are charged by the "
        "authorities when the parcel arrives, and you pay those. For EU deliveries, prices include VAT at your "
        "country's rate.",
        ["prices are shown without EU VAT"],
    ),
    (
        "paraphrase",
        S,
        "I forgot to add my company's VAT ID and the order has already shipped. Can you add it to the invoice?",
        "Sorry, a VAT ID can't be added to an invoice once the order has shipped. It needs to be entered at checkout, "
        "before you place the order.",
        ["We can't add a VAT ID to an invoice after the order has shipped."],
    ),
    (
        "added_clause",
        U,
        "We're a company buying 10 laptops. Any business perks?",
        "Business customers can pay with any of our usual methods and get a VAT invoice by adding the company name "
        "and VAT number at checkout. Orders over 1,000 EUR with a valid VAT ID also get a 5% business discount "
        "automatically.",
        ["Business customers can pay with any of the methods above."],
    ),
    (
        "added_clause",
        U,
        "Is there a fee for paying by bank transfer?",
        "Transfers in euros within the SEPA area are usually free, and we don't add anything on our side. In fact, "
        "orders paid by bank transfer get a 2% discount at checkout.",
        ["Transfers in euros within the SEPA area are usually free."],
    ),
    # --- warranty ---------------------------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "My laptop's keyboard stopped working after 18 months. Is that covered?",
        "It should be. All products have a 2-year legal guarantee from delivery, and keys that stop responding are "
        "a typical fault it covers. Start a claim from Orders > Report a problem: we usually check it within "
        "1 business day and email you a free shipping label, and the repair takes about 7-10 business days once "
        "it arrives.",
        [
            "a laptop keyboard where keys stop responding",
            "This usually takes 7-10 business days from when it arrives.",
        ],
    ),
    (
        "wrong_fact",
        C,
        "My phone's charging port broke after 14 months. Any chance that's covered without Lumen Care?",
        "Unfortunately without Lumen Care the guarantee only lasts 12 months, so a fault at 14 months isn't covered. "
        "We can offer you a paid repair quote instead.",
        ["a phone whose charging port stops working"],
    ),
    (
        "paraphrase",
        S,
        "My new phone was delivered 20 days ago. Can I still add Lumen Care?",
        "Yes, you can add it up to 30 days after delivery, so you still have about 10 days. Go to Orders, select "
        "the item and choose Add Lumen Care.",
        ["afterwards, within 30 days of delivery, from Orders > select the item > Add Lumen Care."],
    ),
    (
        "wrong_comparison",
        C,
        "I got my laptop 40 days ago. Is it too late to buy Lumen Care?",
        "Not too late! You're still within the window to add Lumen Care, so head to Orders, select the laptop and "
        "choose Add Lumen Care.",
        ["After 30 days from delivery, Lumen Care can no longer be added."],
    ),
    (
        "wrong_category",
        C,
        "Can I get Lumen Care for my Aurora X2 headphones?",
        "Yes, Lumen Care is available for all our own-brand electronics, including the Aurora X2, and adds 1 or "
        "3 years on top of the legal guarantee.",
        ["No. Lumen Care is only available for laptops, phones and TVs."],
    ),
    (
        "paraphrase",
        S,
        "I spilled tea on my laptop. I only have standard Lumen Care. Am I covered?",
        "Unfortunately not. Accidental damage like a spill isn't covered by the legal guarantee or by standard "
        "Lumen Care; only Lumen Care+ covers it. We can offer you a quote for a paid repair instead.",
        [
            "Accidental damage isn't covered by the legal guarantee or by standard Lumen Care.",
            "Otherwise we can offer a paid repair quote.",
        ],
    ),
    (
        "number_swap",
        C,
        "How many accidental damage claims do I get with Lumen Care+?",
        "You can make up to 3 accidental damage claims in any 12-month period, and fault claims are unlimited during "
        "the cover period.",
        ["Fault claims (things that stop working on their own) are unlimited during the cover period."],
    ),
    (
        "paraphrase",
        S,
        "My phone is 10 months old and its battery health says 75%. Is that covered?",
        "Yes. Batteries are covered for 1 year from delivery against dropping below 80% of their original capacity, "
        "and at 10 months with 75% you qualify. Go to Orders > Report a problem, choose the device, select Battery "
        "and add your battery health reading. We'll replace the battery, or the device if the battery can't be "
        "replaced, free of charge.",
        [
            "Batteries are covered for 1 year from delivery against dropping below 80% of their original capacity.",
            "Add your battery health reading.",
        ],
    ),
    (
        "wrong_fact",
        C,
        "My laptop is 20 months old and the battery health is down to 72%. It's still under the 2-year guarantee, so "
        "is that covered?",
        "Yes, since your laptop is still within the 2-year legal guarantee, the battery capacity cover applies too, "
        "and 72% is below the 80% threshold, so we'll replace the battery.",
        ["After the first year, gradual capacity loss is treated as normal wear and isn't covered"],
    ),
    (
        "paraphrase",
        S,
        "The battery in my 18-month-old tablet has swollen. Is that just wear?",
        "No, a battery that fails completely, for example by swelling, counts as a defect rather than normal wear. "
        "It's covered by the 2-year legal guarantee, so you can start a claim from Orders > Report a problem.",
        [
            "is a defect. It's covered by the 2-year legal guarantee.",
            "Start your claim from Orders > Report a problem in your account.",
        ],
    ),
    (
        "paraphrase",
        S,
        "I'm selling my laptop that has Lumen Care. Does the cover go to the buyer?",
        "Yes. Lumen Care is linked to the product, not to you, so it goes with the laptop. Just tell us the new "
        "owner's name and email.",
        ["Lumen Care is linked to the product, not to you."],
    ),
    (
        "negation",
        C,
        "If I give my phone with Lumen Care to my son, is he still covered?",
        "Unfortunately Lumen Care is tied to your account, so the cover ends when the phone changes owner.",
        ["Lumen Care is linked to the product, not to you."],
    ),
    (
        "paraphrase",
        S,
        "My phone was delivered 2 weeks ago with Lumen Care. Can I switch to Care+?",
        "Yes, you can upgrade as long as you're within 30 days of the phone's delivery, which you are. Go to Orders, "
        "select the item and choose Upgrade to Lumen Care+; you only pay the difference.",
        ["You can upgrade as long as you're still within 30 days of the product's delivery."],
    ),
    (
        "wrong_fact",
        C,
        "Does Lumen Care+ cover my phone if it's stolen?",
        "Yes, Lumen Care+ covers theft as well as accidental damage, as long as you report it with a police report "
        "within 30 days.",
        ["Not covered, even with Lumen Care+:"],
    ),
    (
        "invented",
        U,
        "Can I pay for Lumen Care in monthly payments?",
        "Yes. The price of Lumen Care depends on the product and is shown on the product page and in your basket, "
        "and you can spread it over 12 monthly payments at checkout.",
        ["The price depends on the product and is shown on the product page and in your basket."],
    ),
    (
        "wrong_category",
        C,
        "My laptop is going in for a repair under Lumen Care. Will I get one to use in the meantime?",
        "Yes, with Lumen Care you get a loan laptop during any repair that takes longer than 5 business days, where "
        "one is available.",
        ["a loan phone during repairs that take longer than 5 business days (phones only, where available)."],
    ),
    (
        "wrong_fact",
        C,
        "Can I add more RAM to my Volt 14 later?",
        "Yes, the Volt 14 ships with 16 GB, and you can upgrade to 32 GB through the memory slot under the bottom "
        "cover.",
        ["There are no memory slots inside the laptop."],
    ),
    (
        "invented",
        U,
        "Does the legal guarantee still work if my laptop breaks while I'm travelling outside Europe?",
        "Every product comes with the free, automatic 2-year legal guarantee, and it covers faults wherever you use "
        "the product. If it fails abroad, we'll pay for courier shipping from any country.",
        ["It's free and automatic, and you don't need to register anything."],
    ),
    # --- gift cards -------------------------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "I want to give my brother a 750 EUR gift card for his wedding. Possible?",
        "A single gift card can be between 10 and 500 EUR, so for 750 EUR you'd buy several cards, for example one "
        "for 500 EUR and one for 250 EUR.",
        ["If you want to give more than 500 EUR, buy several gift cards."],
    ),
    (
        "number_swap",
        C,
        "What's the most I can put on one gift card?",
        "You can choose any whole euro amount from 10 EUR up to 1,000 EUR per card.",
        ["Gift cards can be bought with a value of 10 EUR to 500 EUR"],
    ),
    (
        "paraphrase",
        S,
        "I'm buying an e-gift card today, 25 November 2026, but scheduling it for my mum's birthday on 10 March 2027. "
        "When does it expire?",
        "The 3-year validity counts from the date of purchase, not the delivery date, so the card is valid until "
        "25 November 2029. It will be emailed at 08:00 CET on 10 March.",
        [
            "The 3-year validity still counts from the date of purchase, not the delivery date.",
        ],
    ),
    (
        "wrong_fact",
        C,
        "If I schedule an e-gift card for six months from now, when do the 3 years start?",
        "The 3-year validity starts on the scheduled delivery date, so the recipient gets the full 3 years from when "
        "they receive it.",
        ["The 3-year validity still counts from the date of purchase, not the delivery date."],
    ),
    (
        "time_swap",
        C,
        "What time will a scheduled e-gift card arrive on the day?",
        "Scheduled e-gift cards are sent at 09:00 CET on the date you choose.",
        ["The e-gift card is sent at 08:00 CET on that date."],
    ),
    (
        "paraphrase",
        S,
        "I'm paying for an e-gift card by bank transfer. When will it be emailed?",
        "With bank transfer, the e-gift card is sent within 15 minutes of your payment arriving, not when you place "
        "the order.",
        ["the e-gift card is sent within 15 minutes of your payment arriving"],
    ),
    (
        "paraphrase",
        S,
        "I lost a gift card but I still have the order confirmation. Can you help?",
        "Yes. With the order confirmation we can identify the card, check the remaining balance and block it. If the "
        "balance hasn't been spent, we issue a new e-gift card for it, and the replacement keeps the original expiry "
        "date.",
        [
            "With it, we can identify the card, check the remaining balance and block it.",
            "The replacement card keeps the original expiry date",
        ],
    ),
    (
        "wrong_fact",
        C,
        "I've lost a gift card and don't have the receipt, but I remember the card number. Can you replace it?",
        "Yes, if you give us the 16-digit card number we can block it and issue a replacement for the remaining "
        "balance, even without the receipt.",
        ["Without the purchase receipt, we can't identify the gift card and can't replace it."],
    ),
    (
        "paraphrase",
        S,
        "Can I send a physical gift card to my friend in Zurich?",
        "Physical gift cards can only be delivered within the EU, so that won't work for Switzerland. An e-gift card "
        "is a good alternative: it's sent by email and can be used in all countries we deliver to, including "
        "Switzerland.",
        [
            "Physical gift cards themselves can only be shipped within the EU.",
            "Can be used in all countries we deliver to.",
        ],
    ),
    (
        "paraphrase",
        S,
        "Can I use my gift card to pay for Lumen Care and for Lumen Plus?",
        "For Lumen Care, yes: everything in the shop, including Lumen Care, can be paid for with a gift card. Lumen "
        "Plus is the exception, as the membership fee must be paid by card or PayPal.",
        ["Everything else in the shop, including Lumen Care, can be paid for with a gift card."],
    ),
    (
        "added_clause",
        U,
        "Do you have anything for businesses ordering lots of gift cards?",
        'If you need more than 20 gift cards, email support@lumenmarket.example with the subject "Corporate gift '
        "cards\" and we'll send you an offer. Corporate orders get a 5% discount on the total face value.",
        ["Need more than 20 gift cards, for example as employee rewards?"],
    ),
    (
        "swapped_attribution",
        C,
        "What details do I need to check my gift card balance?",
        "You'll need the 4-digit card number and the 16-digit PIN; enter them on the Check gift card balance page, "
        "no account needed.",
        [
            "Enter the 16-digit gift card number and the 4-digit PIN.",
            "on the Check gift card balance page (no account needed), using the card number and PIN.",
        ],
    ),
    (
        "paraphrase",
        S,
        "Is there a way to protect my gift card balance in case I lose the card?",
        "Yes: add the card under Account > Gift cards & credit. The balance is then linked to your account and can't "
        "be used by anyone else, even if they have the card. Just note that once it's added, it can't be moved to "
        "another account.",
        [
            "the balance is linked to your account and can't be used by anyone else",
            "Once added to an account, the gift card can't be moved to another account.",
        ],
    ),
    (
        "wrong_comparison",
        C,
        "Can I pay for a 200 EUR gift card with Klarna?",
        "Yes, since 200 EUR is within Klarna's 100-2,000 EUR range, you can pay for the gift card with Klarna.",
        ["No. Gift cards can be paid by card, PayPal, Apple Pay, Google Pay or bank transfer."],
    ),
    # --- account and security -----------------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "What are the rules for a password? I'd like to use a long sentence with spaces.",
        "Good idea! Your password needs at least 12 characters and can be up to 128, and spaces are allowed, so a "
        "passphrase works well. It can't be the same as your email address or appear on lists of commonly used or "
        "leaked passwords. Special characters and numbers are optional.",
        ["There's no maximum length (up to 128 characters), and you can use spaces."],
    ),
    (
        "number_swap",
        C,
        "How long does my new password need to be?",
        "It needs at least 8 characters. A passphrase of a few random words is a good option, and special characters "
        "are allowed but not required.",
        ["At least 12 characters. We recommend a passphrase of several random words."],
    ),
    (
        "paraphrase",
        S,
        "I typed my password wrong a bunch of times and now I'm locked out.",
        "After 5 failed sign-in attempts, accounts are locked for 15 minutes to protect them. Just wait 15 minutes "
        "and try again, or reset your password with Forgot password?; the reset link is valid for 1 hour.",
        [
            "After 5 failed sign-in attempts, we lock the account for 15 minutes",
            "The reset link we email you is valid for 1 hour.",
        ],
    ),
    (
        "number_swap",
        C,
        "I requested a password reset this morning but only opened the email tonight. Will the link still work?",
        "It should: reset links stay valid for 24 hours, so a link from this morning will still work tonight.",
        ["We send you a reset link. It's valid for 1 hour."],
    ),
    (
        "paraphrase",
        S,
        "How does two-factor authentication work with you? Can I use SMS?",
        "We use authenticator apps rather than SMS, because text messages can be intercepted. Any TOTP app works, "
        "for example Google Authenticator, Microsoft Authenticator, Authy, 1Password or Bitwarden, and it shows a "
        "new 6-digit code every 30 seconds. 2FA is optional, but we strongly recommend it.",
        ["We don't offer 2FA by text message (SMS), because text messages can be intercepted."],
    ),
    (
        "number_swap",
        C,
        "When I set up 2FA, how many backup codes do I get?",
        "You get 5 one-time backup codes when you turn on 2FA. Each one works once, so store them somewhere safe.",
        ["We show you 10 one-time backup codes."],
    ),
    (
        "paraphrase",
        S,
        "I asked to delete my account 12 days ago but I've changed my mind. Too late?",
        "Not too late. Deletion takes 30 days, and during that time you can simply sign in and select Cancel "
        "deletion on the banner at the top of the page. Everything stays as it was.",
        ["just sign in and select Cancel deletion on the banner at the top of the page."],
    ),
    (
        "wrong_comparison",
        C,
        "I requested account deletion about 40 days ago. Can I still undo it?",
        "Yes, you're still within the cancellation period. Sign in and select Cancel deletion, and everything will be "
        "as it was.",
        ["After 30 days the account is permanently deleted."],
    ),
    (
        "paraphrase",
        S,
        "If I delete my account, do you delete my order history too?",
        "Not straight away. Tax law requires us to keep order records and invoices for 7 years, so they're kept in "
        "restricted storage and used only for tax and legal purposes. Everything else, like saved addresses and "
        "payment methods, is deleted. You won't be able to sign in afterwards, so download any invoices you need "
        "first.",
        ["We keep these records in restricted storage", "Invoices: download any invoices you need."],
    ),
    (
        "paraphrase",
        S,
        "How can I get a copy of my data?",
        "Go to Account > Privacy and select Download my data. We prepare a ZIP file, usually within 24 hours, and "
        "email you a download link that stays valid for 7 days.",
        ["It's usually ready within 24 hours, and we email you a download link that's valid for 7 days."],
    ),
    (
        "swapped_attribution",
        C,
        "How long does the data download take?",
        "Your data file is usually ready within 7 days, and the download link we email you is valid for 24 hours, so "
        "grab it quickly.",
        ["It's usually ready within 24 hours, and we email you a download link that's valid for 7 days."],
    ),
    (
        "paraphrase",
        S,
        "I signed up 3 days ago but never clicked the confirmation link. What now?",
        "New accounts have to be confirmed within 48 hours, so after 3 days the link has expired. Simply register "
        "again with the same email address.",
        ["If the link has expired, simply register again with the same email address."],
    ),
    (
        "added_clause",
        U,
        "Can I get notified if someone signs in to my account?",
        "You can turn on two-factor authentication under Account > Security, which we strongly recommend. You can "
        "also switch on email sign-in alerts there, so you're told whenever a new device signs in.",
        ["Select Turn on two-factor authentication."],
    ),
    (
        "invented",
        U,
        "I accidentally made two accounts with different emails. Can you merge them?",
        "Each email address can only be linked to one account, but we can merge your two accounts for you on "
        "request, including their order history and store credit. Just contact us from both addresses.",
        ["Each email address can only be linked to one account."],
    ),
    # --- Lumen Plus -------------------------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "I'm in the fifth month of my paid Lumen Plus year. If I cancel now, how much do I get back?",
        "You've started 5 months, so you'd get the 7 unused full months back: 49 EUR × 7/12, which comes to "
        "28.58 EUR. It goes back to the card or PayPal account you paid with within 5-7 business days.",
        [
            "The 49 EUR annual fee is split into 12 months. We refund every full month you haven't started yet.",
        ],
    ),
    (
        "number_swap",
        C,
        "How much do I get back if I cancel Lumen Plus in my third month?",
        "You've only used 2 full months, so you'd get 10 months back: 49 EUR × 10/12 = 40.83 EUR.",
        ["If you cancel during your third month, you've started 3 months and get 9 months back"],
    ),
    (
        "paraphrase",
        S,
        "When does my Lumen Plus trial turn into a paid membership, and will you warn me?",
        "On day 30 the trial becomes a paid annual membership and 49 EUR is charged to the card or PayPal account "
        "you added. We send you a reminder email 7 days before the trial ends.",
        ["We send you a reminder email 7 days before the trial ends."],
    ),
    (
        "number_swap",
        C,
        "Do you remind me before the Plus trial charges me?",
        "Yes, we email you a reminder 3 days before the trial ends, so you have time to cancel if you don't want to "
        "pay the 49 EUR.",
        ["Otherwise 49 EUR is charged when the trial ends, and we remind you 7 days before."],
    ),
    (
        "paraphrase",
        S,
        "I'm on day 12 of the free trial. If I cancel today, do I lose free Express straight away?",
        "No. If you cancel during the trial, you're not charged anything and your benefits, free Express included, "
        "continue until the end of the 30-day trial.",
        ["your benefits continue until the end of the 30-day trial."],
    ),
    (
        "wrong_fact",
        C,
        "If I cancel my Lumen Plus trial halfway through, what happens to my benefits?",
        "You won't be charged anything, but your benefits end on the day you cancel, so any orders after that use "
        "normal delivery prices.",
        [
            "If you cancel during the 30-day free trial, you pay nothing and your benefits continue until the trial ends."
        ],
    ),
    (
        "paraphrase",
        S,
        "I want to stop Lumen Plus but keep using free Express until my year is up. How?",
        "Turn off Auto-renew under Account > Lumen Plus instead of cancelling. Your membership then ends on the "
        "renewal date, you keep your benefits until then and you won't be charged again. There's no refund in that "
        "case, because you keep using the benefits.",
        ["turn off Auto-renew under Account > Lumen Plus instead of cancelling."],
    ),
    (
        "paraphrase",
        S,
        "I had Lumen Plus until 8 months ago. Can I get another free trial?",
        "Unfortunately not yet. A new free trial is only available if you haven't had Lumen Plus in the last "
        "12 months, and yours ended 8 months ago. You can rejoin any time for 49 EUR a year, though.",
        ["A new free trial is only available if you haven't had Lumen Plus in the last 12 months."],
    ),
    (
        "wrong_comparison",
        C,
        "My last Lumen Plus membership ended 14 months ago. Can I try the free trial again?",
        "I'm afraid not: the free trial is only for accounts that haven't had Lumen Plus in the last 12 months, so "
        "you'd need to rejoin at 49 EUR a year.",
        ["Anyone with a Lumen Market account who hasn't had Lumen Plus or a free trial in the last 12 months."],
    ),
    (
        "number_swap",
        C,
        "Is there a minimum basket for free Express as a Plus member?",
        "Free Express applies to Lumen Plus orders over 20 EUR; smaller orders are charged the normal 9.95 EUR.",
        ["No. Every order ships by Express free of charge, however small."],
    ),
    (
        "paraphrase",
        S,
        "I joined Lumen Plus today. Does my order from two weeks ago get the longer return window now?",
        "No, sorry. The extra 15 days only apply to orders placed while your membership or trial is active, so that "
        "earlier order keeps its standard window. Orders you place from today get the longer windows.",
        ["No. The extra 15 days apply to orders placed while your membership or trial is active."],
    ),
    (
        "paraphrase",
        S,
        "I order with Express about six times a year. Would Lumen Plus pay for itself?",
        "It would. Express costs non-members 9.95 EUR, so six orders come to 59.70 EUR, more than the 49 EUR annual "
        "fee. On top of that you'd get free return labels and longer return windows.",
        ["the free Express benefit alone covers the fee", "Non-members pay 9.95 EUR for Express."],
    ),
    (
        "added_clause",
        U,
        "What perks come with Lumen Plus?",
        "For 49 EUR a year you get free Express delivery on every order, 15 extra days to return items and free "
        "return labels, plus early access to our seasonal sales.",
        [
            "Our membership for 49 EUR a year: free Express delivery, 15 extra days for returns and free return "
            "labels, with a 30-day free trial."
        ],
    ),
    (
        "wrong_fact",
        C,
        "I live in Norway. Would Lumen Plus give me free shipping?",
        "Yes, Lumen Plus members get free delivery on every order, so your 19.95 EUR international charge would be "
        "waived.",
        ["No. Deliveries to the UK, Switzerland and Norway cost 19.95 EUR, and duties are paid by the customer."],
    ),
    # --- contact and general FAQ -----------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "Is anyone on chat at 9pm on a Sunday?",
        "Yes, chat is open from 08:00 to 22:00 CET every day, weekends included, so 21:00 on a Sunday is fine. The "
        "late evening after 20:00 is actually usually the quickest time for short questions.",
        [
            "Hours: 08:00-22:00 CET, every day, including weekends and most public holidays.",
            "For short questions, the chat in the late evening (after 20:00) is usually quickest.",
        ],
    ),
    (
        "weekday_swap",
        C,
        "Can I call you on Saturday morning?",
        "Yes, the phone line is open Monday to Saturday, 09:00-18:00 CET, on +49 30 1234 5678.",
        ["The phone line is closed at weekends and on German public holidays."],
    ),
    (
        "time_swap",
        C,
        "What are your chat hours?",
        "Our live chat is available every day from 09:00 to 21:00 CET, including weekends.",
        ["Live chat: hours 08:00-22:00 daily"],
    ),
    (
        "paraphrase",
        S,
        "I'm in Manchester. What time does the chat open for me?",
        "CET is 1 hour ahead of UK time, so the chat is open from 07:00 to 21:00 UK time, every day.",
        ["chat is open from 07:00 to 21:00 UK time"],
    ),
    (
        "wrong_fact",
        C,
        "I'm in Helsinki. When can I reach your chat in my local time?",
        "CET is 1 hour ahead of Finnish time, so the chat runs from 07:00 to 21:00 your time.",
        ["Customers in Finland, Greece, the Baltic states, Romania, Bulgaria and Cyprus"],
    ),
    (
        "paraphrase",
        S,
        "I'm unhappy with how my return was handled and chat didn't solve it. What can I do?",
        "You can reply to the email or ask in chat for your case to be escalated; a team lead reviews it and "
        "replies within 5 business days. If it's still not resolved, you can send a formal complaint by email with "
        'the subject "Formal complaint" or by post. We acknowledge it within 2 business days and send a final '
        "written response within 14 days.",
        ["A team lead reviews it and replies within 5 business days."],
    ),
    (
        "swapped_attribution",
        C,
        "How long do you take to respond to a formal complaint?",
        "We acknowledge formal complaints within 5 business days and send a final written response within 14 days. "
        "A team lead review, if you ask for one first, comes back within 2 business days.",
        ["A team lead reviews it and replies within 5 business days."],
    ),
    (
        "paraphrase",
        S,
        "Do you have a store in Berlin I can visit?",
        "We're based in Berlin, but we're online only and don't have physical shops. If you'd rather collect an order "
        "than have it delivered, you can use Click & Collect at a partner locker.",
        [
            "No, we're online only. You can collect orders from partner lockers with Click & Collect.",
            "Lumen Market is an online shop based in Berlin, Germany.",
        ],
    ),
    (
        "added_clause",
        U,
        "Is there a military discount?",
        "We don't offer student or military discounts at the moment. If you sign up for our newsletter, you'll get "
        "10% off your first order and hear about upcoming sales.",
        ["Not currently. Sign up for our newsletter to hear about sales and promotions."],
    ),
    (
        "paraphrase",
        S,
        "Can I place an order over the phone? I'm not great with websites.",
        "Orders can only be placed on our website or in the Lumen Market app, but our phone team can help you with "
        "questions while you order. They're available Monday to Friday, 09:00-18:00 CET, on +49 30 1234 5678.",
        [
            "No, orders can only be placed on our website or in the Lumen Market app.",
            "Number: +49 30 1234 5678.",
        ],
    ),
    (
        "invented",
        U,
        "Can you call me back instead of me waiting on the phone?",
        "Our phone line is open Monday to Friday, 09:00-18:00 CET. If the line is busy, you can request a callback in "
        "the app under Help, and an agent will ring you within 2 hours.",
        ["Hours: Monday to Friday, 09:00-18:00 CET."],
    ),
    (
        "paraphrase",
        S,
        "Someone on the phone said they're from Lumen and asked for my 2FA code. Is that normal?",
        "No, that's a scam. We'll never ask for your password, full card number or 2FA codes. Please report it to "
        "support@lumenmarket.example.",
        ["That's a scam. We'll never ask for your password, full card number or 2FA codes."],
    ),
    # --- product manuals: Lumen Volt 14 (PDF) -------------------------------------------------------------
    (
        "paraphrase",
        S,
        "How long does the Volt 14 take to charge with the charger in the box?",
        "With the supplied 65 W USB-C adapter it goes from 0 to 80% in about an hour, and a full charge to 100% "
        "takes about 2 hours, because charging slows down above 80% to protect the battery.",
        ["because charging slows down above 80% to protect the battery."],
    ),
    (
        "number_swap",
        C,
        "How fast does the Volt 14 charge?",
        "The 65 W adapter charges the 72 Wh battery from 0 to 80% in about 30 minutes, and to full in around an hour.",
        ["With the included 65 W USB-C adapter, 0 to 80% takes about 60 minutes, and a full charge about 2 hours."],
    ),
    (
        "paraphrase",
        S,
        "My Volt 14 shows a black screen after I changed a BIOS setting. What do I do?",
        "Do a BIOS reset: unplug the charger and any USB devices, hold the power button for 15 seconds, release it, "
        "connect the charger and switch on normally. The first start can take up to a minute and the screen may stay "
        "black for a while. Your files, apps and Windows aren't affected; only the BIOS settings go back to factory "
        "defaults.",
        ["The first start after a reset can take up to 1 minute"],
    ),
    (
        "swapped_attribution",
        C,
        "What's the difference between a forced shutdown and a BIOS reset on the Volt 14?",
        "For a forced shutdown when Windows freezes, hold the power button for 15 seconds. A BIOS reset is done by "
        "unplugging the charger and holding the power button for 5 seconds.",
        ["If Windows has frozen, hold the power button for 5 seconds to force the laptop to switch off."],
    ),
    (
        "paraphrase",
        S,
        "Can I run two external monitors from the Volt 14?",
        "Yes, up to two at the same time: one over HDMI 2.1, at up to 4K and 120 Hz, and one over USB-C with "
        "DisplayPort output, at up to 4K and 60 Hz. A USB-C monitor with 65 W or more of Power Delivery can also "
        "charge the laptop through the same cable.",
        ["You can connect up to two external monitors at the same time"],
    ),
    (
        "swapped_attribution",
        C,
        "What refresh rate can I get on an external 4K screen with the Volt 14?",
        "Over USB-C you can drive a 4K monitor at up to 120 Hz, while the HDMI 2.1 port supports 4K at up to 60 Hz.",
        ["You can connect up to two external monitors at the same time"],
    ),
    (
        "paraphrase",
        S,
        "My Volt 14 always stops at 80% when it's plugged in. Is it broken?",
        "Not at all. That's Battery care mode, which stops charging at 80% to slow down battery ageing, and it's on "
        "by default. You can switch it off in the Lumen Control Centre app under Power > Battery care.",
        ["Battery care mode is on by default."],
    ),
    (
        "negation",
        C,
        "Do I need to switch on battery care on the Volt 14?",
        "Yes, Battery care mode is off by default. If your laptop stays plugged in most of the time, turn it on in "
        "the Lumen Control Centre under Power > Battery care so charging stops at 80%.",
        ["Battery care mode is on by default."],
    ),
    (
        "paraphrase",
        S,
        "Will I void my Volt 14 guarantee if I fit a bigger SSD myself?",
        "No. Replacing the SSD yourself doesn't affect your legal guarantee or Lumen Care, as long as nothing gets "
        "damaged during the upgrade. The Volt 14 takes a standard M.2 2280 NVMe drive of up to 4 TB.",
        ["Opening the bottom cover to replace the SSD doesn't affect your legal guarantee or Lumen Care"],
    ),
    # --- product manuals: BrewMaster 900 (PDF) -------------------------------------------------------------
    (
        "paraphrase",
        S,
        "How do I descale my BrewMaster 900?",
        "Empty the drip tray and grounds container, take off the steam wand tip and remove the water filter. Fill "
        "the tank to the 0.5 L mark and add one 100 ml bottle of descaler, put a container of at least 0.6 L under "
        "the spout and wand, then hold Clean for 3 seconds. When it pauses, rinse the tank, fill it to MAX and press "
        "Clean again for the rinse cycle. It's finished when the orange light goes out; plan on about 30 minutes.",
        [
            "Fill the water tank with water up to the 0.5 L mark and add one bottle (100 ml) of descaler.",
            "A container that holds at least 0.6 L - About 30 minutes",
        ],
    ),
    (
        "number_swap",
        C,
        "How much water do I put in for descaling the BrewMaster?",
        "Fill the tank up to the 1 L mark and add one 100 ml bottle of descaler, then hold Clean for 3 seconds to "
        "start the programme.",
        ["Fill the water tank with water up to the 0.5 L mark and add one bottle (100 ml) of descaler."],
    ),
    (
        "negation",
        C,
        "Can I use vinegar to descale my BrewMaster 900? I've run out of descaler.",
        "Yes, a mix of white vinegar and water works fine as an alternative. Just rinse the tank well afterwards.",
        ["No. Vinegar can damage the seals and the pump."],
    ),
    (
        "paraphrase",
        S,
        "I've set the water hardness to level 4. How often will I need to descale?",
        "Descale every 3 months or as soon as the orange light comes on, whichever happens first. With very hard "
        "water the light can come on sooner than every 3 months, because it's based on how much water has been used "
        "and on the hardness setting.",
        ["With very hard water, this can happen sooner than every 3 months."],
    ),
    (
        "paraphrase",
        S,
        "My BrewMaster has a red light that's flashing. What does it mean?",
        "A flashing red light means the water tank is empty or not fitted correctly, so fill it and push it back in "
        "properly. A steady red light would mean something else: the grounds container is full or the drip tray is "
        "missing.",
        ["Flashing red means the water tank is empty or not fitted correctly."],
    ),
    (
        "swapped_attribution",
        C,
        "The red light on my coffee machine is on steady, not flashing.",
        "A steady red light means the water tank is empty, so refill it. If the red light were flashing, that would "
        "mean the grounds container is full or the drip tray is missing.",
        ["Red light steady: the grounds container is full or the drip tray is not fitted."],
    ),
    (
        "paraphrase",
        S,
        "How often should I change the BrewMaster water filter?",
        "Replace it every 2 months, or when the filter symbol comes on. Soak each new filter in cold water for "
        "5 minutes before fitting it, then register it by holding Clean and Coffee together for 3 seconds.",
        ["Replace the filter every 2 months, or when the filter symbol comes on."],
    ),
    (
        "wrong_fact",
        C,
        "Which grind setting gives a stronger coffee on the BrewMaster?",
        "Setting 1 is the coarsest and setting 10 the finest, so turn the dial towards 10 for a stronger, more "
        "intense coffee with more crema. Only turn it while the grinder is running.",
        ["Setting 1 is the finest, setting 10 the coarsest."],
    ),
    (
        "paraphrase",
        S,
        "I put my BrewMaster on a HomeHub smart plug but it doesn't come on when the plug switches on.",
        "That's expected: the BrewMaster 900 has an electronic power switch, so after the smart plug switches the "
        "power on, you still need to press the Power button on the machine itself.",
        ["The BrewMaster 900 has an electronic power switch."],
    ),
    # --- product manuals: Aurora X2 (Markdown) ---------------------------------------------------------------
    (
        "paraphrase",
        S,
        "How long will the Aurora X2 last on a long flight with noise cancelling on?",
        "Up to 30 hours with ANC on, or up to 40 with it off. And if you're short on time before you leave, a "
        "10-minute quick charge gives up to 5 hours of playback.",
        ["Quick charge: 10 minutes of charging gives up to 5 hours of playback."],
    ),
    (
        "swapped_attribution",
        C,
        "Does noise cancelling affect battery life on the Aurora X2?",
        "A little: you get up to 40 hours with ANC on and up to 30 hours with ANC off.",
        ["Up to 30 hours with active noise cancelling (ANC) on and up to 40 hours with ANC off."],
    ),
    (
        "paraphrase",
        S,
        "How do I pair my Aurora X2 with my new phone?",
        "With the headphones switched off, hold the power button for 5 seconds until the LED flashes blue and you "
        'hear "Pairing". Then select Aurora X2 in your phone\'s Bluetooth settings. Pairing mode stays on for '
        "3 minutes; if nothing connects, they switch off and you can simply start again.",
        ["Pairing mode stays on for 3 minutes."],
    ),
    (
        "wrong_fact",
        C,
        "How do I factory reset my Aurora X2?",
        "Switch them on, then hold the power button and Volume + together for 10 seconds. The LED flashes red and "
        "blue three times and the headphones restart.",
        ["Hold both volume buttons for 10 seconds."],
    ),
    (
        "wrong_fact",
        C,
        "Can I wear the Aurora X2 while swimming laps?",
        "They're rated IPX4, so they're fine for the pool as long as you dry them and let the USB-C port dry before "
        "charging.",
        [
            "Don't submerge the headphones, don't rinse them under a tap and don't wear them in the shower, bath or "
            "swimming pool."
        ],
    ),
    (
        "paraphrase",
        S,
        "Can the Aurora X2 stay connected to my laptop and my phone at the same time?",
        "Yes, with multipoint they can connect to two devices at once. Pair the first device, switch the headphones "
        "off, hold the power button for 5 seconds to enter pairing mode again and pair the second one. They switch "
        "to whichever device starts playing, and an incoming call on your phone always takes priority.",
        ["An incoming call on your phone always takes priority."],
    ),
    (
        "added_clause",
        U,
        "Can I replace the ear cushions on my Aurora X2?",
        "Yes, pull them gently off the ear cup and clip new ones on; replacement cushions are available at "
        "lumenmarket.example. Lumen Plus members get one free pair a year.",
        ["The ear cushions can be replaced."],
    ),
    # --- product manuals: TrailLite 2 (Markdown) ---------------------------------------------------------------
    (
        "paraphrase",
        S,
        "How long will it take me to pitch the TrailLite 2 the first time?",
        "The first pitch usually takes 10-15 minutes. After one or two practice runs, around 5 minutes is realistic, "
        "so it's worth trying it in your garden or a park before the trip.",
        ["The first pitch usually takes 10-15 minutes. After one or two practice runs"],
    ),
    (
        "swapped_attribution",
        C,
        "What's the waterproof rating of the TrailLite 2 floor?",
        "The floor has a hydrostatic head of 3,000 mm, and the flysheet is rated higher at 5,000 mm.",
        ["The flysheet has a hydrostatic head of 3,000 mm, and the floor 5,000 mm."],
    ),
    (
        "paraphrase",
        S,
        "I've noticed drips along a seam of my TrailLite 2. How do I fix it?",
        "Pitch the tent in dry weather and let it dry completely, then clean the seam and let it dry again. Apply a "
        "thin, even line of silicone seam sealer along the stitching on the outer side of the flysheet and let it "
        "cure for at least 12 hours, ideally 24, before packing. With regular use, we recommend resealing the "
        "flysheet seams every 2-3 seasons.",
        ["Let it cure for at least 12 hours, ideally 24, before packing the tent."],
    ),
    (
        "number_swap",
        C,
        "How long does the seam sealer need before I can pack my tent?",
        "Let the silicone seam sealer cure for at least 2 hours before you pack the tent.",
        ["Let it cure for at least 12 hours before packing the tent."],
    ),
    (
        "paraphrase",
        S,
        "How many pegs and guylines come with the TrailLite 2?",
        "You get 10 aluminium Y-pegs and 4 guylines with line tensioners, which come pre-attached.",
        ["Aluminium Y-pegs: quantity 10."],
    ),
    (
        "number_swap",
        C,
        "I've counted 8 pegs in my TrailLite 2 bag. Is that all of them?",
        "Yes, the TrailLite 2 comes with 8 aluminium Y-pegs and 4 guylines, so you have the full set.",
        ["Aluminium Y-pegs: quantity 10."],
    ),
    (
        "paraphrase",
        S,
        "I had to pack my TrailLite 2 wet this morning. Is that a problem?",
        "Just make sure you unpack it within 24 hours and let it dry completely. A tent stored damp develops mould "
        "within days, mould can damage the coating, and mould damage isn't covered by the guarantee.",
        ["If the tent is wet when you pack it, unpack it within 24 hours"],
    ),
    (
        "added_clause",
        U,
        "Is there anything I can do to keep my TrailLite 2 shedding water over the years?",
        "When water stops beading on the flysheet, clean it and apply a spray-on water repellent for tents. Lumen "
        "Market also offers a free reproofing service for the TrailLite 2 during its first 2 years; just send it in "
        "via Orders.",
        ["apply a spray-on water repellent for tents"],
    ),
    # --- product manuals: HomeHub smart plug (Markdown) ----------------------------------------------------------
    (
        "paraphrase",
        S,
        "My HomeHub won't connect to my 5 GHz Wi-Fi.",
        "The HomeHub works with 2.4 GHz Wi-Fi only, so it can't join a 5 GHz network. If your router uses one name "
        "for both bands and setup fails, stand within 5 m of the router during setup, temporarily turn off the "
        "5 GHz band, or create a separate 2.4 GHz network such as a guest network.",
        [
            "stand within 5 m of the router during setup,.",
            "The HomeHub connects via 2.4 GHz Wi-Fi (802.11 b/g/n) only.",
        ],
    ),
    (
        "number_swap",
        C,
        "How do I reset my HomeHub before giving it to a friend?",
        "Hold the button on the plug for 3 seconds and release it when the LED starts blinking blue quickly. It then "
        "forgets its Wi-Fi and app connection.",
        ["Holding the button for 1-5 seconds does nothing, so that the plug isn't reset by accident."],
    ),
    (
        "paraphrase",
        S,
        "Can my TV (about 150 W) go on a HomeHub?",
        "Yes, that's well within the limit: the HomeHub can switch up to 16 A / 3,680 W. Just plug the HomeHub "
        "straight into a wall socket rather than into an extension lead.",
        [
            "the plug can switch up to 16 A / 3,680 W",
            "Don't connect the HomeHub to an extension lead or a multi-socket adapter",
        ],
    ),
    (
        "wrong_comparison",
        C,
        "My electric oven draws 4,000 W. Can I control it with a HomeHub?",
        "Yes, 4,000 W is within the HomeHub's maximum load, so you can switch it from the Lumen Home app.",
        ["Maximum load: value 16 A / 3,680 W (resistive load)."],
    ),
    (
        "paraphrase",
        S,
        "What does solid blue versus solid green mean on my HomeHub?",
        "Both mean the plug is connected. Solid blue means the power to the connected device is off, and solid "
        "green means it's on.",
        ["Solid blue: meaning Connected, power to the device is off."],
    ),
    (
        "wrong_fact",
        C,
        "My HomeHub's LED is solid red. What's wrong?",
        "A solid red LED means the plug has lost its Wi-Fi connection. Check your router; the plug reconnects "
        "automatically once the network is back.",
        ["Solid red: meaning Overload protection triggered (see section 8.4)."],
    ),
    (
        "paraphrase",
        S,
        "Will my HomeHub lamp schedule still work if my internet goes down while I'm on holiday?",
        "Yes. Schedules are stored on the plug itself, so they keep working without Wi-Fi or internet as long as the "
        "plug has power. You can also use Away mode, which switches the lamp on and off at slightly random times in "
        "the evening so your home looks occupied.",
        [
            "Schedules are stored on the plug itself",
            "Away mode switches the connected lamp on and off at slightly random times in the evening",
        ],
    ),
    (
        "negation",
        C,
        "Do HomeHub schedules run if the Wi-Fi is down?",
        "No, schedules are run from the Lumen Home app, so they pause while the plug has no Wi-Fi connection and "
        "resume once it's back online.",
        ["Schedules keep running in the meantime."],
    ),
    (
        "invented",
        U,
        "Can I use the HomeHub for my garden lights outside?",
        "The standard HomeHub is for indoor use only, in dry rooms. For garden lights we sell the HomeHub Outdoor, "
        "which has a weatherproof IP44 housing.",
        ["Indoor use only, in dry rooms."],
    ),
    # --- declines: the passages don't cover the question --------------------------------------------------------
    (
        "declines",
        S,
        "Do you offer gift wrapping?",
        "I'm sorry, I don't have any information about gift wrapping in our help centre. You can ask for a person in "
        "chat at any time between 08:00 and 22:00 CET, and they can check for you.",
        [PERSON],
    ),
    (
        "declines",
        S,
        "Can I collect my order directly from your warehouse?",
        "I don't have information about collecting from the warehouse, I'm afraid. What I can tell you is that we're "
        "online only, and you can collect orders from partner lockers with Click & Collect. If you'd like, you can "
        "ask for a person in chat (08:00-22:00 CET) to check further.",
        ["No, we're online only. You can collect orders from partner lockers with Click & Collect.", PERSON],
    ),
    (
        "declines",
        S,
        "What warranty do refurbished items have?",
        "I couldn't find anything about refurbished items in our help centre, so I can't say what applies there. "
        "You can ask for a person during chat hours (08:00-22:00 CET) and they'll look into it for you.",
        [PERSON],
    ),
    (
        "declines",
        S,
        "Does the Lumen Volt 14 run Linux?",
        "The information I have only covers the Volt 14 with Windows 11 Home, and it doesn't mention Linux, so I "
        "can't confirm that. You can ask for a person in chat between 08:00 and 22:00 CET if you'd like someone to "
        "check.",
        ["Operating system: Windows 11 Home", PERSON],
    ),
    (
        "declines",
        S,
        "Is there a 3-person version of the TrailLite 2?",
        "I only have details on the TrailLite 2, which is a 2-person tent, and nothing about a 3-person version. A "
        "person on our chat team (08:00-22:00 CET) can check what's available for you.",
        ["The TrailLite 2 is a lightweight, freestanding 2-person backpacking tent", PERSON],
    ),
    (
        "declines",
        S,
        "Do you have an affiliate programme for bloggers?",
        "I'm afraid our help centre doesn't cover an affiliate programme, so I can't answer that. You can ask for a "
        "person in chat at any time during chat hours, 08:00-22:00 CET.",
        [PERSON],
    ),
    (
        "declines",
        S,
        "Does the Aurora X2 come in other colours?",
        "I don't have any information about colour options for the Aurora X2, sorry. If you'd like, you can ask for "
        "a person in chat (08:00-22:00 CET) and they can check.",
        [PERSON],
    ),
    (
        "declines",
        S,
        "Will you take back my old coffee machine when I buy the BrewMaster 900?",
        "I couldn't find anything about taking back old coffee machines, so I can't promise that. You can ask for a "
        "person in chat between 08:00 and 22:00 CET, and they can tell you what's possible.",
        [PERSON],
    ),
]


if __name__ == "__main__":
    raise SystemExit(main(CASES, OUT, "pc4", "v5"))
