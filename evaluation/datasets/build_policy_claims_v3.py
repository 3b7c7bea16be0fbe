"""How policy_claims_v3.jsonl was made (kept for provenance; the JSONL is the dataset).

Dataset card
------------
- What: a held-out test set for the grounding guard. Each row is a customer question about the
  Lumen Market demo corpus, an answer written in the style of a small support chat model, 1-3 real
  corpus passages (as `core.grounding.corpus_text.passages` cuts them) holding the evidence needed
  to judge the answer, and a label: supported, contradicted or unsupported.
- Written: 2026-11-25, by a separate writer (a helper session) who read only the corpus under
  corpus/lumen-market/, its facts sheet (corpus/README.md), evaluation/policy_claims.py, and for
  the format the module docstring, the first ~150 lines and the last ~30 lines of the v2 builder.
  The writer saw neither the guard, its code, its tests, its benchmark results or its errors, nor
  the v1/v2 cases beyond those few format examples, so the cases are not shaped by what the guard
  catches. All questions are new. v2 was studied after it was written, so v3 replaces it as the
  held-out set.
- Topics: every part of the corpus - returns and refunds, shipping (EU, UK/CH/NO, freight,
  lockers, tracking, delivery problems), orders (cancel/change, addresses, pre-orders, split
  shipments, missing items), payments (methods, Klarna, bank transfer, charging, price drops,
  invoices/VAT), warranty (legal guarantee, Lumen Care / Care+, batteries, claims), gift cards,
  account and security, Lumen Plus, contact/hours/complaints, general FAQ, and the five product
  manuals (Volt 14 and BrewMaster 900 PDFs; Aurora X2, TrailLite 2 and HomeHub Markdown).
- How: every answer was written by hand against the passage text; every contradicted and
  unsupported answer was re-checked against its passages, and every supported answer sentence by
  sentence. Supported answers paraphrase (reordered, numbers sometimes in words, chatty openers
  and closers, facts combined from two passages) and about 45 of them work with numbers from the
  customer's question (dates, ages of items, amounts, sizes: e.g. "40 days ago" against a 60-day
  window, a refund after a 15% fee, a return deadline from a delivery date, a pro-rata refund).
  "declines" say the passages don't cover the question and offer a person; any fact they add is
  stated in the passages (the offer of a person rests on the chat passage "You can ask for a
  person at any time during chat hours"). Contradicted answers change one fact the passages state,
  usually inside an otherwise correct paraphrase: number/duration/amount swaps, hours vs days
  (unit_swap), wrong weekday/time/date, negation, wrong category, "only X" for a list, "always" for
  a conditional rule, who pays / which channel / when, two values swapped between two items of the
  same passage (swapped_attribution), and wrong conclusions from the customer's own number
  (wrong_comparison, e.g. "35 days is still within the window" for a 30-day window). Unsupported
  answers add a policy, discount, guarantee, contact route or clause that the passages neither
  state nor rule out (invented: the answer rests on it; added_clause: one extra sentence or clause
  after a correct answer).
- Counts (280 cases): supported 135, contradicted 115, unsupported 30.
  supported: paraphrase 125, declines 10.
  contradicted: wrong_fact 27, negation 22, number_swap 16, wrong_comparison 12,
  swapped_attribution 12, universal_vs_conditional 8, wrong_category 6, time_swap 5,
  only_vs_list 2, weekday_swap 2, unit_swap 2, date_swap 1.
  unsupported: added_clause 17, invented 13.
  By topic (supported/contradicted/unsupported): returns and refunds 38 (19/16/3), shipping 32
  (15/14/3), orders 24 (11/10/3), payments 26 (12/11/3), warranty 22 (10/9/3), gift cards 20
  (9/9/2), account 20 (9/9/2), Lumen Plus 19 (8/8/3), contact and general FAQ 18 (8/7/3), product
  manuals and product help 51 (24/22/5), declines 10 (10/0/0).
- Borderline labels (judgement calls, kept as labelled):
  pc3-214 (unsupported, WhatsApp) and pc3-268 (unsupported, Apple HomeKit): the passages list the
  contact channels / the voice assistants without saying "only"; a reader who takes those lists
  as complete would call the answers contradicted.
  pc3-010 (contradicted): the answer states a true rule (hardware accessories such as cases follow
  the electronics rules) but applies it to a photo-printed phone case, which the non-returnable
  list names as a personalised item.
  pc3-093 (unsupported): a 9.95 EUR fee for refused parcels; the passage only says a refused
  parcel "is handled like a return", which neither states nor excludes such a fee.
  pc3-200 (unsupported): pausing Lumen Plus; the passages describe cancelling and turning off
  auto-renew but never say a membership can't be paused.
  pc3-037 (unsupported): store credit "never expires"; no passage says whether it expires.
  pc3-006 (contradicted) and pc3-045 (supported) need date / business-day arithmetic; pc3-006
  follows the corpus convention (delivered 1 June + 45 days = 16 July, so 10 May + 45 = 24 June,
  not 9 July, which is the 60-day member date).
  pc3-007 and pc3-196 (supported) take the customer's word that the order was placed while a
  member, which is the condition for the extra 15 days.
  pc3-280 (declines): the passages call the BrewMaster 900 a bean-to-cup machine with a
  pre-ground chute; the answer neither claims nor denies capsule support.
- Held out: never to be used to train or tune the grounding classifier or its thresholds. Once it
  has been studied, write a v4.

    python evaluation/datasets/build_policy_claims_v3.py [--force]

The JSONL is versioned: it is never rewritten in place; a changed set is a new file (v4).
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from evaluation.policy_claims import Case, main  # noqa: E402

OUT = Path(__file__).resolve().parent / "policy_claims_v3.jsonl"

S, C, U = "supported", "contradicted", "unsupported"

# (type, label, question, answer, passage snippets)
CASES: list[Case] = [
    # --- returns and refunds ----------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "I got a winter jacket 40 days ago and never wore it, the tags are still on. Is it too late to send it back?",
        "Not too late at all! Clothing can be returned within 60 days of delivery as long as it's unworn with the "
        "tags still attached, so you still have 20 days left.",
        ["Clothing and shoes can be returned within 60 days of delivery (75 days for Lumen Plus members)"],
    ),
    (
        "wrong_comparison",
        C,
        "My headphones were delivered 35 days ago and I'm not in Lumen Plus. Can I still return them because I don't "
        "like the sound?",
        "Yes, you can. Headphones count as electronics, and 35 days after delivery you're still within the return "
        "window. Since they've been opened, a 15% restocking fee would be deducted.",
        ["Headphones count as electronics: you can return them within 30 days of delivery (45 days with Lumen Plus)."],
    ),
    (
        "paraphrase",
        S,
        "Are headphones a hygiene item? I'd like to return a pair I tried on.",
        "Headphones aren't treated as hygiene or underwear items. They count as electronics, so you can return them "
        "within 30 days of delivery. If they've been opened and work fine, a 15% restocking fee is deducted.",
        ["Headphones aren't treated as underwear or hygiene items."],
    ),
    (
        "number_swap",
        C,
        "How much time do I get to return a paperback?",
        "Printed books can be returned within 21 days of delivery, as long as they're still in resaleable condition.",
        ["Books: examples Printed books; standard window 14 days"],
    ),
    (
        "paraphrase",
        S,
        "A book I ordered arrived on 3 March. What's the last day I can return it?",
        "Books have a 14-day return window counted from the delivery date, so for a book delivered on 3 March the "
        "last day is 17 March. Register the return in your account and hand the parcel to the carrier before then.",
        [
            "Books have a 14-day window, so the last day is 19 October.",
            "hand the parcel to the carrier before the last day.",
        ],
    ),
    (
        "date_swap",
        C,
        "My sleeping bag was delivered on 10 May and I'm not a Lumen Plus member. Until when can I send it back?",
        "Sleeping bags count as outdoor gear, which has a 45-day return window from delivery. That makes your last "
        "day 9 July, as long as it's clean and complete.",
        [
            "Outdoor gear: examples Tents, sleeping bags, bikes; standard window 45 days",
            "Outdoor gear has a 45-day window, so the last day to return it is 16 July.",
        ],
    ),
    (
        "paraphrase",
        S,
        "I'm a Lumen Plus member and my bike arrived on 2 April. I've only ridden it round the block once. How long "
        "do I have to return it?",
        "As a Lumen Plus member you get 60 days for outdoor gear such as bikes, instead of the standard 45. Counting "
        "from delivery on 2 April, that takes you to 1 June. A short test ride is fine, as long as the bike is "
        "clean, complete and undamaged.",
        [
            "Outdoor gear (tents, sleeping bags, bikes): non-members 45 days; lumen plus 60 days.",
            "For a Lumen Plus member, the window is 60 days, so the last day is 31 July.",
            "A short test ride is fine",
        ],
    ),
    (
        "only_vs_list",
        C,
        "Which things can't I return at all?",
        "The only items that can't be returned are gift cards and digital downloads. Everything else can be sent "
        "back within its category's return window.",
        [
            "Gift cards, digital downloads, opened software, personalised items, and underwear and swimwear cannot "
            "be returned.",
        ],
    ),
    (
        "paraphrase",
        S,
        "I bought a multipack of socks and they're the wrong size. Can I send them back?",
        "I'm sorry, socks sold in multipacks count as underwear and swimwear, which can't be returned for hygiene "
        "reasons. If they were faulty or not as described it would be different: you'd still be fully protected.",
        [
            "bras and socks sold in multipacks, for hygiene reasons.",
            "If a non-returnable item is faulty or not as described, you are still fully protected.",
        ],
    ),
    (
        "wrong_category",
        C,
        "You printed my dog's photo on a phone case but I've changed my mind. Can I return it?",
        "Yes. Phone cases are hardware accessories, and those follow the normal electronics rules, so you can return "
        "it within 30 days of delivery.",
        [
            "such as a name on a water bottle or a photo printed on a phone case.",
            "Hardware accessories such as cables, mice and cases follow the normal electronics rules.",
        ],
    ),
    (
        "paraphrase",
        S,
        "The name engraved on the water bottle I ordered is misspelled, and it was your mistake. Personalised items "
        "can't be returned, so am I stuck with it?",
        "Not at all. The no-returns rule for personalised items is about changing your mind. If we made the spelling "
        "mistake, we'll remake the bottle or refund you.",
        ["A personalised item with a spelling mistake we made: we'll remake it or refund you."],
    ),
    (
        "paraphrase",
        S,
        "I opened a 600 EUR camera and decided I don't want it. It works fine and I'm not a Lumen Plus member. How "
        "much will I get back?",
        "Cameras count as electronics, so an opened one that works carries a 15% restocking fee, which is 90 EUR "
        "here. The 4.95 EUR return label fee is also deducted because you're not a member, so your refund would be "
        "505.05 EUR.",
        [
            "This article covers laptops, phones, tablets, cameras, headphones and smart-home devices",
            "Opened electronics that work perfectly carry a 15% restocking fee.",
        ],
    ),
    (
        "wrong_fact",
        C,
        "I'm a Lumen Plus member. I opened a 300 EUR tablet, it works but I don't need it. What will I get back?",
        "Good news: as a Lumen Plus member you don't pay the restocking fee or the return label, so you'll get the "
        "full 300 EUR back.",
        ["Does Lumen Plus waive the restocking fee?"],
    ),
    (
        "paraphrase",
        S,
        "Lumen Plus member here. How much do I get back for an opened 500 EUR tablet that I just don't use?",
        "Lumen Plus doesn't waive the restocking fee, so 15% (75 EUR) is deducted for an opened tablet that isn't "
        "faulty. Your return label is free as a member, so you'd get 425 EUR back.",
        [
            "Does Lumen Plus waive the restocking fee?",
            "As a Lumen Plus member you would get 340 EUR, because your return label is free.",
        ],
    ),
    (
        "paraphrase",
        S,
        "You sent me the wrong headphone model. Will I be charged a restocking fee for sending them back?",
        "No. When we've sent you the wrong item there's no restocking fee, and return shipping is free as well. Just "
        "choose the matching reason, Wrong item received, when you start the return.",
        ["We sent you the wrong item.", "start a return and choose *Wrong item received*"],
    ),
    (
        "universal_vs_conditional",
        C,
        "Do I have to pay anything to send a return back?",
        "No, return shipping is always free at Lumen Market, whatever your reason for returning. Every return comes "
        "with a prepaid label from us.",
        ["4.95 EUR in all other cases."],
    ),
    (
        "paraphrase",
        S,
        "I'm returning three shirts from the same order in one parcel. Will the 4.95 EUR fee be charged three times?",
        "No, you only pay it once, because all three come from the same order and go back in one parcel. It isn't "
        "charged to your card either; it's deducted from your refund.",
        ["If you return several items from the same order in one parcel, you only pay the fee once."],
    ),
    (
        "negation",
        C,
        "My order came in two parcels. Do I need two separate returns?",
        "Yes. Each parcel has its own tracking number, so items from different parcels have to go back in separate "
        "return parcels, even when they belong to the same order.",
        ["You can return items from several parcels in one return parcel if they belong to the same order."],
    ),
    (
        "paraphrase",
        S,
        "My return was inspected yesterday and I picked a refund to my card. When will I get my money?",
        "Once the return has been inspected, the refund reaches you within 5-7 business days. You can follow it "
        'under Orders > Returns, where "Refund issued" shows the date we sent the money.',
        [
            "The refund then reaches you within 5-7 business days.",
            '"Refund issued" shows the date we sent the money.',
        ],
    ),
    (
        "time_swap",
        C,
        "If I choose store credit, when can I use it?",
        "Store credit is added to your account 2-3 business days after your return has been checked in, and you get "
        "a 5% bonus on top.",
        [
            "Choose store credit and we add the amount to your Lumen Market account instantly once the return is "
            "checked in.",
        ],
    ),
    (
        "paraphrase",
        S,
        "My refund would be 80 EUR. Is it worth taking store credit instead?",
        "Store credit comes with a 5% bonus, so 80 EUR becomes 84 EUR, and it's added as soon as your return is "
        "checked in. The one catch: it can't be paid out as cash or moved to a bank account, so it only makes sense "
        "if you plan to shop with us again.",
        ["For example, a 100 EUR refund becomes 105 EUR of store credit."],
    ),
    (
        "paraphrase",
        S,
        "I'm sending back my whole order. I paid 4.95 EUR for Standard delivery. Do I get that back too?",
        "Yes. When you return an entire order, we refund the standard delivery charge you paid as well, so the 4.95 "
        "EUR comes back to you.",
        ["If you send back an entire order, we also refund the standard delivery charge you paid."],
    ),
    (
        "universal_vs_conditional",
        C,
        "I paid 9.95 EUR for Express and I'm returning the whole order because I changed my mind. Will you refund "
        "the Express charge?",
        "Yes. If you return the complete order, we refund all the delivery charges you paid, including Express.",
        ["Express and Next-day surcharges are only refunded if the item was faulty or wrong."],
    ),
    (
        "paraphrase",
        S,
        "I sent my laptop back as faulty, but what happens if your technicians can't find anything wrong?",
        "In that case we'll email you before doing anything else. You can have the laptop sent back to you free of "
        "charge, or continue with a normal return. With a normal return the standard rules apply: the 4.95 EUR label "
        "fee unless you're a Lumen Plus member, and the 15% restocking fee for opened electronics.",
        ["If we can't find a fault, we'll email you before doing anything else."],
    ),
    (
        "wrong_fact",
        C,
        "What if the coffee machine I returned as faulty turns out to be fine?",
        "Our technicians test it, and if they don't find a fault we'll email you first. You can then have it sent "
        "back to you, with the postage charged to you, or continue with a normal return instead.",
        ["If we can't find a fault, we'll email you before doing anything else."],
    ),
    (
        "paraphrase",
        S,
        "I don't own a printer. How do I put a label on my return?",
        "You don't need one! Your return email includes a QR code. Show it at a drop-off point or partner locker and "
        "the label is printed for you there.",
        [
            "Show the QR code from your return email at a drop-off point or partner locker and the label is printed "
            "for you.",
        ],
    ),
    (
        "wrong_category",
        C,
        "Can a courier collect my return from home? It's just a small toaster.",
        "Yes, home collection is available for any return. Just pick it when you start the return and we'll arrange "
        "a pickup with you by email.",
        ["Home collection is available for bulky items over 30 kg only."],
    ),
    (
        "paraphrase",
        S,
        "I need to return a boxed bike that weighs around 35 kg. How does that work?",
        "Since it's over 30 kg, it can't go through a normal parcel shop. Start the return online as usual, and our "
        "team will contact you within 2 business days to arrange a collection time.",
        ["Our team will contact you within 2 business days to arrange a collection time."],
    ),
    (
        "wrong_fact",
        C,
        "I'm not a Lumen Plus member and want to return a 40 kg bike I don't like. What does the collection cost me?",
        "Bulky items are collected by freight, and for non-members the 49 EUR freight charge is deducted from your "
        "refund. If the bike were faulty, the collection would be free.",
        ["Otherwise the 4.95 EUR return label fee is deducted from your refund."],
    ),
    (
        "paraphrase",
        S,
        "I bought a lamp as a present for my sister and she doesn't like it. Can she return it herself?",
        "Yes, she can use Guest returns with the order number. Just so you know, the refund goes to you, as the "
        "person who paid.",
        ["The recipient can return the item through Guest returns with the order number"],
    ),
    (
        "wrong_fact",
        C,
        "My friend wants to return the blender I gave her. Who gets the money?",
        "Your friend can return it through Guest returns with the order number, and the refund is paid to her as "
        "store credit.",
        ["The recipient can return the item through Guest returns with the order number"],
    ),
    (
        "wrong_fact",
        C,
        "Does the 30 days for returning my phone start when I order or when it arrives?",
        "The return window starts on the day you place your order, so it's best to check the phone as soon as it "
        "arrives.",
        ["The return window starts on the day your order is delivered, not the day you placed it."],
    ),
    (
        "paraphrase",
        S,
        "I wore my new trainers for one run outside and they rub. Can I return them?",
        "I'm sorry, shoes that have been worn outside can't be returned. Clothing and shoes must be unworn with "
        "their tags attached. Trying them on at home is fine, but wearing them outside isn't.",
        [
            "No. Clothing and shoes must be unworn with their tags attached.",
            "Trying something on at home is fine. Wearing it outside is not.",
        ],
    ),
    (
        "negation",
        C,
        "Can I exchange my jeans for a bigger size?",
        "Of course! Just select Exchange next to the item in Orders, and we'll send the bigger size as soon as your "
        "return arrives.",
        ["We don't offer direct exchanges."],
    ),
    (
        "paraphrase",
        S,
        "I paid with Klarna instalments and I'm returning the item. Do I have to keep paying?",
        "Once we've received and inspected the return, we tell Klarna and your instalment plan is reduced. If you've "
        "already paid, Klarna refunds you. While you wait for the return to be processed, you can pause your Klarna "
        "payment in the Klarna app.",
        [
            "Once we've inspected your return, we tell Klarna and your invoice or instalment plan is reduced.",
            "you can pause your Klarna payment in the Klarna app",
        ],
    ),
    (
        "added_clause",
        U,
        "Can I order a dress in two sizes and send one back?",
        "Yes, ordering two sizes and sending one back is fine. Keep in mind that the 4.95 EUR return label fee "
        "applies unless you're a Lumen Plus member. We'll also email you a reminder a few days before your return "
        "window closes.",
        ["Ordering two sizes and sending one back is fine."],
    ),
    (
        "invented",
        U,
        "Does store credit expire?",
        "No, store credit never expires, so you can keep it in your account for as long as you like and spend it on "
        "lumenmarket.example whenever you want.",
        [
            "Store credit can only be spent on lumenmarket.example.",
            "It can't be paid out as cash or moved to a bank account",
        ],
    ),
    (
        "added_clause",
        U,
        "I threw away the box my speaker came in. How should I pack my return?",
        "Use the original box if you still have it, otherwise any sturdy box will do. If you don't have a suitable "
        "box, we can post you a free returns box on request. Include all accessories, cables and manuals.",
        ["Use the original box if you still have it. Otherwise any sturdy box will do."],
    ),
    # --- shipping (EU and non-EU), freight, lockers, tracking -------------------------------------
    (
        "paraphrase",
        S,
        "My basket comes to 48 EUR. Will I pay for Standard delivery?",
        "Yes, at 48 EUR you'd pay 4.95 EUR for Standard, because it's only free when the order total is over 50 EUR "
        "(after any discounts). Adding a little over 2 EUR more would make it free.",
        ["Standard delivery is free when your order total is over 50 EUR (after any discounts)."],
    ),
    (
        "wrong_comparison",
        C,
        "My order is 55 EUR, but I'm using a 10 EUR voucher. Is Standard delivery free?",
        "Yes! Your order is over 50 EUR, so Standard delivery is free and you won't pay the 4.95 EUR.",
        ["Standard delivery is free when your order total is over 50 EUR (after any discounts)."],
    ),
    (
        "paraphrase",
        S,
        "If I order Next-day at 4 pm on a Friday, when will it come?",
        "Next-day orders placed after 14:00 on a Friday arrive on Tuesday, so you'd get it then. Next-day costs "
        "14.95 EUR.",
        ["Orders placed after 14:00 on a Friday, or at the weekend, arrive on Tuesday."],
    ),
    (
        "weekday_swap",
        C,
        "I placed a Next-day order on Saturday morning. When will it arrive?",
        "Next-day orders placed at the weekend are delivered on Monday, so you should have it then.",
        ["Orders placed after 14:00 on Friday or at the weekend arrive on Tuesday."],
    ),
    (
        "paraphrase",
        S,
        "I'm ordering Next-day to my office on Friday at 11:00. Will it arrive on Saturday?",
        "No, it'll come on Monday. A Next-day order placed on a Friday before 14:00 CET arrives on the next business "
        "day, and offices are closed at weekends anyway.",
        ["Next-day orders placed on a Friday before 14:00 CET arrive on Monday"],
    ),
    (
        "time_swap",
        C,
        "What's the latest time I can order to get Next-day delivery?",
        "Order by 16:00 CET, Monday to Friday, and your parcel arrives the next business day. It costs 14.95 EUR.",
        ["Order by 14:00 CET, Monday to Friday, and your parcel arrives the next business day."],
    ),
    (
        "paraphrase",
        S,
        "I ordered Standard on Monday and the parcel left your warehouse on Wednesday. When should it arrive?",
        "Delivery times count in business days from the day the order leaves our warehouse, not from when you order. "
        "Standard takes 3-5 business days, so from a Wednesday dispatch expect it between the following Monday and "
        "Wednesday, unless there's a public holiday in between.",
        [
            "Delivery times are counted in business days (Monday to Friday, not counting public holidays) from the "
            "day your order leaves our warehouse.",
        ],
    ),
    (
        "number_swap",
        C,
        "How fast is Express delivery?",
        "Express takes 2-3 business days and costs 9.95 EUR. Lumen Plus members get it free.",
        ["Express delivery takes 1-2 business days and costs 9.95 EUR."],
    ),
    (
        "paraphrase",
        S,
        "How long does Click & Collect take and what does it cost?",
        "Click & Collect is free and takes 2-4 business days. You choose a partner locker at checkout, and when the "
        "parcel arrives you get an email and a text message with a pickup code.",
        [
            "Click & Collect is free and takes 2-4 business days.",
            "When your parcel arrives, you'll get an email and a text message with a pickup code and a QR code.",
        ],
    ),
    (
        "number_swap",
        C,
        "How long will the locker keep my parcel?",
        "Your parcel waits in the locker for 14 days. After that it's sent back to us and we refund the order "
        "automatically.",
        ["Your parcel waits for 7 days."],
    ),
    (
        "paraphrase",
        S,
        "My parcel has been in the locker for 9 days because I was away. Can I still collect it?",
        "Unfortunately, parcels only wait in the locker for 7 days, so after 9 days it has most likely been sent "
        "back to us. Once it arrives, we refund the order automatically to your original payment method within 5-7 "
        "business days.",
        ["Your parcel waits for 7 days."],
    ),
    (
        "wrong_category",
        C,
        "I live in Zurich. Can I use Click & Collect?",
        "Yes, Click & Collect works for Switzerland as well. Just choose a partner locker near you at checkout; it's "
        "free and takes 2-4 business days.",
        ["Express, Next-day and Click & Collect aren't available for these countries."],
    ),
    (
        "paraphrase",
        S,
        "I'm in Oslo. How much is shipping and how long does it take?",
        "We deliver to Norway in 5-8 business days for 19.95 EUR per order. Customs duties and import taxes aren't "
        "included in that, so you'll pay those yourself when the parcel arrives.",
        ["Price: 19.95 EUR per order.", "Duties and import taxes are paid by the customer."],
    ),
    (
        "wrong_fact",
        C,
        "If I order to the UK, are customs charges included?",
        "Delivery to the UK costs 19.95 EUR, and that already covers customs duties, so there's nothing more to pay "
        "when the parcel arrives.",
        ["They are not included in our prices or in the 19.95 EUR delivery charge."],
    ),
    (
        "paraphrase",
        S,
        "I'm a Lumen Plus member living in Switzerland. Do I get free Express?",
        "Unfortunately not. Deliveries to Switzerland only have the international option, and the free Express "
        "benefit applies only to EU deliveries.",
        [
            "Deliveries to the UK, Switzerland and Norway only have the international option.",
            "The free-delivery threshold of 50 EUR and the Lumen Plus free Express benefit apply only to EU "
            "deliveries.",
        ],
    ),
    (
        "universal_vs_conditional",
        C,
        "I'm in London and my order is 120 EUR. Is shipping free since it's over 50 EUR?",
        "Yes, orders over 50 EUR qualify for free delivery, so you won't pay the 19.95 EUR international charge.",
        ["The free-delivery threshold of 50 EUR and the Lumen Plus free Express benefit apply only to EU deliveries."],
    ),
    (
        "paraphrase",
        S,
        "What happens if I refuse to pay the customs fees on my UK delivery?",
        "The parcel is sent back to us. Once it arrives, we refund the item price, but we deduct the original 19.95 "
        "EUR delivery charge and the return shipping costs charged to us.",
        ["We refund the item price once it arrives, but we deduct the original 19.95 EUR delivery charge"],
    ),
    (
        "wrong_fact",
        C,
        "What if I don't pay the Swiss import duties?",
        "The parcel goes back to us, and once it arrives we refund the full amount, including the 19.95 EUR delivery "
        "charge.",
        ["We refund the item price once it arrives, but we deduct the original 19.95 EUR delivery charge"],
    ),
    (
        "wrong_fact",
        C,
        "Do you ship to Iceland?",
        "Yes, Iceland is covered by our international delivery, like Norway: 19.95 EUR and 5-8 business days.",
        ["We don't ship to other non-EU countries."],
    ),
    (
        "paraphrase",
        S,
        "Can you send a spare e-bike battery to Switzerland?",
        "Probably not: some products containing large lithium batteries, such as e-bike batteries, can't be shipped "
        "internationally. The product page shows a notice if an item can't be shipped to your country.",
        ["Some products containing large lithium batteries, such as e-bike batteries."],
    ),
    (
        "negation",
        C,
        "If I return a jacket from Switzerland, will I get the import duties back?",
        "Yes, import duties you paid on delivery are refunded together with the item price once your return is "
        "inspected.",
        ["We can't refund import duties or taxes that you paid when the order was delivered."],
    ),
    (
        "paraphrase",
        S,
        "I'm buying a 45 kg fridge and a small lamp in one order. How is that delivered?",
        "The fridge is over 30 kg, so it goes by freight for a flat 49 EUR and takes 5-10 business days. The lamp is "
        "shipped separately with your chosen parcel service, and you pay that one delivery charge plus the freight "
        "charge.",
        [
            "Price: flat 49 EUR per order for the freight part, however many bulky items you order.",
            "You only pay one delivery charge for the parcel service you chose, plus the freight charge if a bulky "
            "item is included.",
        ],
    ),
    (
        "wrong_fact",
        C,
        "I'm ordering a fridge and a washing machine, both over 30 kg. What will freight cost?",
        "Freight is charged at 49 EUR per bulky item, so for the two it comes to 98 EUR, delivered in 5-10 business "
        "days.",
        ["Price: flat 49 EUR per order for the freight part, however many bulky items you order."],
    ),
    (
        "negation",
        C,
        "I live on the third floor. Will the freight driver bring my new sofa up?",
        "Yes, freight delivery includes carrying the item into your flat. You just need to book a 4-hour slot with "
        "the freight partner.",
        ["Carrying items upstairs is not included."],
    ),
    (
        "paraphrase",
        S,
        "How do I arrange the time for a freight delivery?",
        "When your bulky item leaves our warehouse, the freight partner contacts you by email or phone and you "
        "choose a delivery day and a 4-hour time window. The day before, you get a reminder with the driver's "
        "estimated arrival time. Someone aged 18 or over needs to be home to sign.",
        ["You choose a delivery day and a 4-hour time window."],
    ),
    (
        "wrong_fact",
        C,
        "Can my 32 kg treadmill be delivered to my PO box?",
        "Yes, PO boxes are fine for all items. For bulky ones the freight partner simply leaves the parcel at your "
        "post office.",
        ["we don't ship items over 30 kg to PO boxes"],
    ),
    (
        "paraphrase",
        S,
        "My tracking hasn't changed for 2 days. Should I be worried?",
        "Not yet. Tracking can stay the same for 1-2 business days, especially over weekends and public holidays. If "
        "nothing has changed for more than 3 business days, or the expected delivery date has passed, contact us and "
        "we'll open an investigation with the carrier.",
        ["Tracking can stay the same for 1-2 business days"],
    ),
    (
        "paraphrase",
        S,
        "Tracking says my parcel was delivered, but it's not here.",
        "Please check with your neighbours, your building's reception and any safe place, and look for a delivery "
        "card in your letterbox. Carriers sometimes mark parcels as delivered a little early, so wait until the end "
        "of the next business day. If it's still missing, report it from Orders > Report a problem within 14 days of "
        "the delivery date.",
        ["Wait until the end of the next business day. Carriers sometimes mark parcels as delivered a little early."],
    ),
    (
        "paraphrase",
        S,
        "My parcel arrived damaged 10 days ago and I only just opened it. Is it too late to report?",
        "The deadline for reporting transport damage is 7 days from delivery, so you're a little past it. Please "
        "still report it from Orders > Report a problem: we can still help after 7 days, it's just harder for us to "
        "claim from the carrier.",
        ["After 7 days we can still help, but it's harder for us to claim from the carrier."],
    ),
    (
        "invented",
        U,
        "My Standard parcel is now a week late. Do I get any compensation?",
        "If your parcel is more than 3 business days past the latest expected date, please contact us. For late "
        "Standard deliveries we add a 5 EUR voucher to your account as an apology.",
        ["If your parcel is more than 3 business days past the latest expected date, contact us."],
    ),
    (
        "added_clause",
        U,
        "How do I tell the driver the code for my building door?",
        "Use the Delivery notes field for access codes or a safe place. If you've added a mobile number, the driver "
        "will also call you 30 minutes before arriving.",
        ["Use the Delivery notes field for access codes or a safe place."],
    ),
    (
        "added_clause",
        U,
        "What happens if I can't get to the locker within the week?",
        "Your parcel waits in the locker for 7 days, and we send you a reminder text on day 5. After 7 days it's "
        "sent back to us and we refund the order automatically once it arrives.",
        ["Your parcel waits for 7 days."],
    ),
    # --- orders: cancelling, changing, addresses, pre-orders, split shipments ---------------------
    (
        "paraphrase",
        S,
        "I placed an order 25 minutes ago. Can I still cancel it?",
        "Yes, you're still within the 60-minute window. Go to Orders, select the order and choose Cancel order. "
        "Nothing is charged and the card authorisation is released, though your bank may take a few days to remove "
        "the pending amount.",
        ["Cancel order: cancels the whole order. Nothing is charged."],
    ),
    (
        "wrong_comparison",
        C,
        "I ordered at 10:15 and it's now 11:05. Can I still cancel?",
        "Unfortunately it's been more than 60 minutes, so your order is already processing and can't be cancelled "
        "anymore. You can return the items after delivery instead.",
        ["You have 60 minutes after placing an order to change or cancel it yourself."],
    ),
    (
        "paraphrase",
        S,
        "I ordered at 09:00 and it's now 10:30. Can customer service cancel it for me?",
        "I'm sorry, but once 60 minutes have passed the order is in Processing, and from then on it can't be "
        "cancelled, not even by our customer service team. After delivery you can return the items under the normal "
        "return policy.",
        ["not even by our customer service team"],
    ),
    (
        "negation",
        C,
        "It's been two hours since I ordered. Can your team still cancel it if I call?",
        "Yes. After the 60 minutes you can't cancel it yourself, but our customer service team can still cancel it "
        "for you as long as it hasn't shipped.",
        ["Once an order is Processing, it can't be cancelled by anyone."],
    ),
    (
        "negation",
        C,
        "I forgot to add a phone case to the order I placed 10 minutes ago. Can I add it?",
        "Yes, you're still within 60 minutes, so you can add the case to your existing order using Change order.",
        ["Can I add an item to an existing order?"],
    ),
    (
        "paraphrase",
        S,
        "I ordered 20 minutes ago with Standard. Can I upgrade to Express?",
        "Yes, switching the delivery option is possible within 60 minutes of ordering, so you're still in time. Go "
        "to Orders, select the order and use Change order.",
        ["Only within 60 minutes of ordering, using Change order."],
    ),
    (
        "universal_vs_conditional",
        C,
        "I ordered yesterday and the order is processing. Can I switch from Standard to Express?",
        "Yes, you can switch the delivery option at any time until the order ships, using Change order.",
        ["Only within 60 minutes of ordering, using Change order."],
    ),
    (
        "paraphrase",
        S,
        "I ordered three hours ago and just noticed a typo in my street name. Can I fix it?",
        "Yes. The delivery address can be changed until the order ships, even after the 60-minute window for other "
        "changes. Go to Orders, select the order and choose Change address. If that button isn't shown, the order "
        "has already shipped.",
        ["If the Change address button isn't shown, your order has already shipped."],
    ),
    (
        "wrong_fact",
        C,
        "I've just moved from Munich to Vienna. Can I change my order's delivery address to Vienna?",
        "Yes, as long as the order hasn't shipped you can change the address to any EU country under Orders > Change "
        "address.",
        ["The new address must be in the same country as the original address"],
    ),
    (
        "paraphrase",
        S,
        "I ordered two hours ago for home delivery. Can I switch it to a partner locker instead?",
        "Switching from home delivery to Click & Collect counts as a change of delivery option, and that's only "
        "possible within 60 minutes of ordering. After two hours that's no longer possible, but you can still change "
        "the home delivery address until the order ships.",
        [
            "Changing from home delivery to Click & Collect (or the other way round) counts as a change of delivery "
            "option.",
            "You can change the delivery address for an order until it ships, even after the 60-minute window",
        ],
    ),
    (
        "wrong_fact",
        C,
        "I paid with Klarna. Can I still change the delivery address?",
        "Yes, until the order ships. For Klarna orders the new address is applied straight away, with no extra checks.",
        ["For Klarna orders, a new delivery address may need Klarna's approval again."],
    ),
    (
        "paraphrase",
        S,
        "I pre-ordered a phone yesterday and now I've changed my mind. Can I cancel?",
        "Pre-orders follow the same rule as any other order: you can change or cancel within 60 minutes of placing "
        "it. Since you ordered yesterday, it can't be cancelled anymore, but you can return it after delivery.",
        ["you can change or cancel a pre-order within 60 minutes of placing it"],
    ),
    (
        "universal_vs_conditional",
        C,
        "Can I cancel my pre-order before the release date?",
        "Yes, pre-orders can be cancelled at any time until the release date from Orders in your account, since "
        "nothing has shipped yet.",
        [
            "After that, the item is reserved for you from the first delivery batch, and the pre-order can't be "
            "cancelled.",
        ],
    ),
    (
        "paraphrase",
        S,
        "I pre-ordered a laptop for 1,299 EUR and now it's listed at 1,199 EUR. Do I get the lower price?",
        "Yes, automatically. If the price of a pre-ordered item drops before it ships, you pay the lower price, so "
        "you'd pay 1,199 EUR. Once it has shipped, the normal 14-day price drop protection applies.",
        [
            "If the price of a pre-ordered item drops on Lumen Market before it ships, you automatically pay the "
            "lower price.",
        ],
    ),
    (
        "negation",
        C,
        "Can I pay for a pre-order by bank transfer?",
        "Yes. With bank transfer we hold your pre-order for 7 days while we wait for the payment, and it ships on "
        "release once the money has arrived.",
        ["Bank transfer isn't available for pre-orders."],
    ),
    (
        "paraphrase",
        S,
        "A mouse from my order arrived on 4 June and the laptop on 9 June. Until when can I return each?",
        "Each item's window starts on the day that item was delivered. Both count as electronics with 30 days, so "
        "the mouse can be returned until 4 July and the laptop until 9 July.",
        [
            "Each item's return window starts on the day that item was delivered.",
            "Hardware accessories such as cables, mice and cases follow the normal electronics rules.",
        ],
    ),
    (
        "wrong_fact",
        C,
        "My order came in two parcels, on 2 and 6 May. When does my return window start?",
        "For split orders the return window starts when the last parcel is delivered, so for the whole order it runs "
        "from 6 May.",
        ["If your order came in several parcels, each item's window starts on the day that item was delivered."],
    ),
    (
        "paraphrase",
        S,
        "An item is missing from my parcel, which was delivered 5 days ago. What do I do?",
        "Sorry about that! First check whether your order was split into several parcels. If the item really is "
        "missing, go to Orders > Report a problem, choose Item missing from parcel and add a photo of the packaging "
        "and contents. You have 14 days from delivery, so you're well within time. We'll then send the item free "
        "with Express or refund it, whichever you prefer.",
        [
            "Check whether your order was split into several parcels.",
            "send the missing item free of charge with Express delivery or refund it, whichever you prefer.",
        ],
    ),
    (
        "paraphrase",
        S,
        "I didn't get an order confirmation email. Should I just order again?",
        "Please don't order again yet, or you could end up with a duplicate. Check your spam folder and look under "
        "Orders in your account: if the order is listed there, it went through. A pending amount in your banking app "
        "is only an authorisation and doesn't prove the order was placed.",
        ["If you can't find it, don't place the order again yet."],
    ),
    (
        "negation",
        C,
        "Is the invoice attached to my order confirmation email?",
        "Yes, your invoice is attached to the confirmation email as a PDF, and you can also download it later under "
        "Orders.",
        ["Your invoice isn't attached to the confirmation."],
    ),
    (
        "paraphrase",
        S,
        "I accidentally ordered the same headphones twice two hours ago. What can I do?",
        "Since more than 60 minutes have passed, the duplicate is already processing and can't be cancelled, so "
        "you'll need to return the extra pair after delivery. Contact us when that happens, and we'll check whether "
        "the return label fee can be waived for a genuine duplicate.",
        ["We'll check whether the return label fee can be waived for a genuine duplicate."],
    ),
    (
        "invented",
        U,
        "Will you remind me before my 60 minutes to change the order run out?",
        "Yes. While the order shows Received you'll see a timer under Orders, and the Lumen Market app also sends "
        "you a push notification 10 minutes before the 60-minute window closes.",
        ["While the order status shows Received, you'll see a timer and these options:"],
    ),
    (
        "added_clause",
        U,
        "Can I just refuse the parcel at the door instead of returning it?",
        "You can, but it doesn't speed anything up: a refused parcel comes back to us and is handled like a return. "
        "Refused parcels also carry a 9.95 EUR handling fee, so it's usually easier to accept it and start a return.",
        ["A refused parcel comes back to us and is handled like a return."],
    ),
    (
        "invented",
        U,
        "My order is split into parcels. Can I choose which items ship first?",
        "Yes, on the order page under Orders you can drag the items into the order you'd like them shipped. If you'd "
        "rather have everything arrive together, choose Ship everything together at checkout.",
        ["At checkout, choose Ship everything together under the delivery options."],
    ),
    # --- payments: methods, Klarna, bank transfer, charging, price drops, invoices ----------------
    (
        "paraphrase",
        S,
        "Can I pay with my American Express debit card?",
        "Yes. We accept Visa, Mastercard and American Express, and both debit and credit cards work. Some card "
        "payments need confirming in your banking app (3-D Secure).",
        ["Debit and credit cards are both accepted."],
    ),
    (
        "only_vs_list",
        C,
        "Which cards do you take?",
        "We only accept Visa and Mastercard, and both debit and credit cards work. Some payments need confirming in "
        "your banking app (3-D Secure).",
        ["Debit and credit cards are both accepted."],
    ),
    (
        "paraphrase",
        S,
        "Apple Pay doesn't show up when I check out in Firefox on my Windows laptop. Why?",
        "Apple Pay only works in Safari on an iPhone, iPad or Mac, so it won't appear in Firefox on Windows. You "
        "could pay by card or PayPal instead, or with Google Pay in Chrome.",
        ["Apple Pay: on Safari with an iPhone, iPad or Mac.", "Google Pay: on Chrome and Android devices."],
    ),
    (
        "swapped_attribution",
        C,
        "Which browsers do I need for Apple Pay and Google Pay?",
        "Apple Pay works in Chrome and Google Pay works in Safari, so make sure you're using the right browser for "
        "your wallet.",
        ["(Safari for Apple Pay, Chrome for Google Pay)"],
    ),
    (
        "paraphrase",
        S,
        "Can I pay in Bitcoin, or in cash when the parcel arrives?",
        "Sorry, neither is possible. Cash on delivery isn't available for any order, and we don't accept Bitcoin or "
        "any other cryptocurrency.",
        ["Cash on delivery: not available for any order."],
    ),
    (
        "paraphrase",
        S,
        "My basket is 85 EUR and I can't choose Klarna. Why?",
        "Klarna is only available for orders between 100 EUR and 2,000 EUR, so at 85 EUR it won't appear. Adding at "
        "least 15 EUR would bring you into the range, although Klarna still makes its own approval decision.",
        ["Your order total is under 100 EUR or over 2,000 EUR.", "Klarna also makes its own approval decision."],
    ),
    (
        "wrong_comparison",
        C,
        "My order comes to 2,300 EUR. Can I pay with Klarna instalments?",
        "Yes, 2,300 EUR is within Klarna's range, so you can split it into three interest-free instalments.",
        ["It's available for orders with a total between 100 EUR and 2,000 EUR."],
    ),
    (
        "paraphrase",
        S,
        "If I buy a 600 EUR TV with Klarna's 3 instalments, how does the payment work?",
        "You'd pay three equal instalments of 200 EUR with no interest and no extra fee. The first is charged when "
        "your order ships, the second is due 30 days later and the third 60 days after the first.",
        ["The third is due 60 days after the first."],
    ),
    (
        "number_swap",
        C,
        "When are the Klarna instalments due?",
        "The first instalment is charged when your order ships, the second is due 30 days later, and the third 90 "
        "days after the first.",
        ["The third is due 60 days after the first."],
    ),
    (
        "paraphrase",
        S,
        "Will choosing Klarna hurt my credit score?",
        "Klarna runs a quick check that takes a few seconds, and for the two options we offer, pay in 30 days and 3 "
        "instalments, it doesn't affect your credit score.",
        ["doesn't affect your credit score for these two options."],
    ),
    (
        "negation",
        C,
        "Klarna declined my purchase. Can you approve it for me?",
        "Our chat team can ask Klarna to review the decision, and in most cases we can override a decline for you.",
        ["If Klarna declines, we're not told why and we can't override it."],
    ),
    (
        "paraphrase",
        S,
        "How long do I have to pay by bank transfer?",
        "We hold your order for 7 days. You'll get a reminder email on day 5, and if the money hasn't arrived after "
        "7 days the order is cancelled automatically and the items go back into stock.",
        ["We send you a reminder email on day 5."],
    ),
    (
        "paraphrase",
        S,
        "I chose bank transfer and Express. When does the delivery time start?",
        "With bank transfer, delivery times start when we receive your payment, not when you order. A normal SEPA "
        "transfer within the EU takes 1-2 business days; once it arrives, your order is released and ships with "
        "Express.",
        ["Delivery times start when we receive the payment, not when you order."],
    ),
    (
        "negation",
        C,
        "Can I choose Next-day delivery if I pay by bank transfer?",
        "Yes. With bank transfer the Next-day clock starts when your payment arrives, so it ships the next business "
        "day after that.",
        ["Next-day delivery isn't available with bank transfer"],
    ),
    (
        "paraphrase",
        S,
        "When exactly is my card charged?",
        "Your card is charged on the day your order ships, not when you place it. At checkout we only ask your bank "
        "for a temporary authorisation, which you may see as pending in your banking app.",
        ["The actual charge happens on the day your order ships."],
    ),
    (
        "time_swap",
        C,
        "When do you take the money from my card?",
        "The full amount is charged as soon as you place your order, and if anything doesn't ship we refund it.",
        ["When your order ships. When you order, we only place a temporary authorisation on your card."],
    ),
    (
        "paraphrase",
        S,
        "I bought headphones on 2 May for 129 EUR, and today, 10 May, they're 109 EUR on your site. Can I get the "
        "difference?",
        "Yes! The price dropped on Lumen Market within 14 days of your purchase, so you can claim the 20 EUR "
        "difference. Go to Orders, open the order, select the item and choose Price dropped?. It's refunded to your "
        "original payment method within 5-7 business days, or you can take instant store credit.",
        [
            "You must claim within 14 days of your purchase (the date you placed the order).",
            "Select the item and choose Price dropped?",
        ],
    ),
    (
        "wrong_comparison",
        C,
        "I ordered a tent on 3 June and on 19 June it's 30 EUR cheaper. Can I claim the difference?",
        "Yes, that's within 14 days of your purchase, so price drop protection applies and you'll get the 30 EUR back.",
        ["You must claim within 14 days of your purchase (the date you placed the order)."],
    ),
    (
        "negation",
        C,
        "The price of my TV dropped last week and again today. Can I claim both times?",
        "Yes, as long as each drop is within 14 days of your purchase, you can claim the difference each time.",
        ["No. Price drop protection can be used once per item."],
    ),
    (
        "paraphrase",
        S,
        "The day after I bought a TV, it was cheaper in a 6-hour Lightning deal. Can I claim the difference?",
        'Unfortunately not. Flash deals that last under 24 hours and are marked as "Lightning deal" are excluded '
        "from price drop protection.",
        ['Flash deals that last under 24 hours and are marked as "Lightning deal".'],
    ),
    (
        "paraphrase",
        S,
        "My invoice from 12 days ago has a typo in my billing address. Can it be fixed?",
        "Yes. Contact us within 30 days of the invoice date and we'll issue a corrected invoice, so at 12 days "
        "you're well within time.",
        ["contact us within 30 days of the invoice date and we'll issue a corrected invoice."],
    ),
    (
        "wrong_category",
        C,
        "I forgot to enter my company's VAT ID and the order has already shipped. Can you add it to the invoice?",
        "Yes. Contact us within 30 days of the invoice date and we'll issue a corrected invoice with your VAT ID on "
        "it.",
        ["We can't add a VAT ID to an invoice after the order has shipped."],
    ),
    (
        "wrong_fact",
        C,
        "I'm buying for my company in Austria and have a valid VAT ID. How will the invoice look?",
        "Our invoices always include German VAT, even for business customers with a valid VAT ID in another EU "
        "country. Just enter the company name and VAT ID at checkout.",
        ["For valid VAT IDs in another EU country, the invoice is issued under the reverse-charge rules."],
    ),
    (
        "added_clause",
        U,
        "How do I claim a price drop?",
        "Go to Orders, open the order, select the item and choose Price dropped?, then confirm. You can also claim "
        "by emailing support@lumenmarket.example with a screenshot of the new price.",
        ["Select the item and choose Price dropped?"],
    ),
    (
        "added_clause",
        U,
        "My card payment keeps getting declined. What should I do?",
        "Try a different payment method, such as PayPal or bank transfer, or clear your browser cache. Please note "
        "that after three declined attempts, card payments are blocked on your account for 24 hours.",
        ["Try a different payment method, such as PayPal or bank transfer."],
    ),
    (
        "invented",
        U,
        "Is there any advantage to paying by bank transfer?",
        "Yes: bank transfer orders get a 2% discount at checkout, and we reserve your items for 7 days, so a sale "
        "price is kept even if the sale ends while we wait for your payment.",
        ["a sale price is kept even if the sale ends while we wait for your payment."],
    ),
    # --- warranty: legal guarantee, Lumen Care / Care+, batteries, claims -------------------------
    (
        "paraphrase",
        S,
        "The zip on my sleeping bag split along the seam after 14 months. Is that covered?",
        "Yes, that's exactly the kind of defect the 2-year legal guarantee covers; a sleeping bag zip splitting "
        "along the seam is even one of the examples. At 14 months you're within the 2 years from delivery, so start "
        "a claim from Orders > Report a problem.",
        [
            "a zip on a sleeping bag that splits along the seam",
            "Start your claim from Orders > Report a problem in your account.",
        ],
    ),
    (
        "wrong_comparison",
        C,
        "The pump of my coffee machine stopped building pressure 26 months after delivery. Can I claim under the "
        "guarantee?",
        "Yes, a pump that stops building pressure is a typical defect, and at 26 months you're still within the "
        "2-year legal guarantee, so you can make a claim.",
        ["a coffee machine pump that stops building pressure.", "The 2 years start on the delivery date."],
    ),
    (
        "paraphrase",
        S,
        "My blender is from another brand. Do I have to go to the manufacturer for a guarantee claim?",
        "No, we handle it. You bought the product from Lumen Market, so we're responsible for the legal guarantee. "
        "Some manufacturers also offer their own warranty on top, which you're free to use, but you never have to.",
        ["We do. You bought the product from Lumen Market, so we're responsible for the legal guarantee."],
    ),
    (
        "paraphrase",
        S,
        "I charged my tablet with a cheap charger from a market stall and now the port is dead. Is that covered?",
        "Unfortunately, damage from using the wrong charger counts as misuse, which the legal guarantee doesn't "
        "cover. If we find misuse when we look at a claim, we'll send you a quote before doing any work, and you can "
        "accept the paid repair or have the product returned free of charge.",
        [
            "Misuse: damage from using the wrong charger",
            "If we find accidental damage or misuse, we'll send you a quote before doing any work.",
        ],
    ),
    (
        "paraphrase",
        S,
        "You can't repair or replace my faulty lamp. Can I keep it and get some money back?",
        "Yes. If neither a repair nor a replacement is possible, we refund you, or you can take a partial refund and "
        "keep the item.",
        ["if neither is possible, refund you, or give you a partial refund if you want to keep the item."],
    ),
    (
        "paraphrase",
        S,
        "If you replace my phone under warranty, does the new one get a fresh 2-year guarantee?",
        "Not a fresh one: the repaired or replacement product is covered for the rest of the original guarantee "
        "period. Any Lumen Care cover you have continues as before.",
        ["The repaired or replacement product is covered for the rest of the original guarantee period."],
    ),
    (
        "wrong_fact",
        C,
        "My laptop was replaced under the guarantee. How long is the new one covered?",
        "A replacement product comes with a brand-new 2-year guarantee from the day you receive it, and any Lumen "
        "Care cover continues as before.",
        ["The repaired or replacement product is covered for the rest of the original guarantee period."],
    ),
    (
        "paraphrase",
        S,
        "If I return my new laptop within the 30 days, do I lose what I paid for Lumen Care?",
        "No. If you return the product within its return window, Lumen Care is cancelled and refunded in full "
        "automatically.",
        [
            "If you return the product within its return window, Lumen Care is cancelled and refunded in full "
            "automatically.",
        ],
    ),
    (
        "paraphrase",
        S,
        "My TV was delivered 25 days ago. Is it too late to buy Lumen Care?",
        "Not yet! TVs are eligible, and Lumen Care can be added within 30 days of delivery, so you have 5 days left. "
        "Go to Orders, select the item and choose Add Lumen Care.",
        [
            "Lumen Care extends the protection on your laptop, phone or TV beyond the 2-year legal guarantee.",
            "afterwards, within 30 days of delivery, from Orders > select the item > Add Lumen Care.",
        ],
    ),
    (
        "wrong_comparison",
        C,
        "My laptop was delivered 40 days ago. Can I still add Lumen Care?",
        "Yes, 40 days is still within the window for adding Lumen Care, so go to Orders, select the item and choose "
        "Add Lumen Care.",
        ["After 30 days from delivery, Lumen Care can no longer be added."],
    ),
    (
        "wrong_category",
        C,
        "Can I get Lumen Care for the camera I just bought?",
        "Yes, cameras can be covered by Lumen Care, just like laptops and phones, as long as you add it within 30 "
        "days of delivery.",
        ["It isn't available for tablets, headphones, cameras, smart-home devices or other categories."],
    ),
    (
        "wrong_category",
        C,
        "My laptop is covered by Lumen Care and the repair will take two weeks. Do I get a loan device?",
        "Yes. For Lumen Care repairs that take longer than 5 business days, we lend you a replacement laptop where "
        "one is available.",
        ["a loan phone during repairs that take longer than 5 business days (phones only, where available)."],
    ),
    (
        "paraphrase",
        S,
        "I spilled coffee over my laptop. I have Lumen Care+. Am I covered?",
        "Yes, liquid damage from spills counts as accidental damage, which Lumen Care+ covers. Go to Orders > Report "
        "a problem, choose Accidental damage, tell us what happened and upload photos. Please stop using the laptop "
        "for now, because using it after a spill can make the damage worse.",
        ["Liquid damage from spills.", "Go to Orders > Report a problem and choose Accidental damage"],
    ),
    (
        "negation",
        C,
        "My phone with Lumen Care+ was stolen. Can I claim?",
        "Yes, Lumen Care+ covers theft as well as accidental damage, so you can make a claim from Orders > Report a "
        "problem.",
        ["Not covered, even with Lumen Care+:"],
    ),
    (
        "number_swap",
        C,
        "I've already made two accidental damage claims this year on my Lumen Care+ phone. Can I make another?",
        "Yes, Lumen Care+ allows up to three accidental damage claims in any 12-month period, so you have one left.",
        ["You can make up to 2 accidental damage claims in any 12-month period"],
    ),
    (
        "paraphrase",
        S,
        "My Aurora X2 are 10 months old and the app shows 76% battery health. Is that covered?",
        "Yes. Batteries are covered for 1 year from delivery against dropping below 80% of their original capacity, "
        "and at 10 months with 76% you qualify. Go to Orders > Report a problem, choose the device and select "
        "Battery, and add a screenshot of the battery health from the Lumen Sound app (Device > Battery).",
        [
            "Batteries are covered for 1 year from delivery against dropping below 80% of their original capacity.",
            "Go to Orders > Report a problem, choose the device and select *Battery*.",
            "For the Aurora X2, open the Lumen Sound app > Device > Battery.",
        ],
    ),
    (
        "wrong_comparison",
        C,
        "My laptop is 15 months old and the battery health is down to 72%. Will you replace it?",
        "Yes. Since the battery has dropped below 80% of its original capacity, it's covered by our battery promise "
        "and we'll replace it free of charge.",
        ["After the first year, gradual capacity loss is treated as normal wear and isn't covered"],
    ),
    (
        "paraphrase",
        S,
        "The battery in my Volt 14 has started to swell, 20 months after delivery. What should I do?",
        "Please shut the laptop down, unplug it and stop using it. A swelling battery counts as a defect, not normal "
        "wear, and it's covered by the 2-year legal guarantee, so at 20 months you're covered. Contact customer "
        "service or start a claim.",
        [
            "won't charge at all or shuts the device off at 40%) is a defect.",
            "If the battery swells, leaks, smells unusual or becomes very hot, shut the laptop down, unplug it and "
            "stop using it.",
        ],
    ),
    (
        "swapped_attribution",
        C,
        "Do I pay the shipping when I send something in for a warranty claim?",
        "Warranty shipping works like returns: it's free if you're a Lumen Plus member, otherwise 4.95 EUR is "
        "deducted.",
        ["Shipping: return Free if faulty/wrong or Lumen Plus, otherwise 4.95 EUR; warranty claim Always free."],
    ),
    (
        "invented",
        U,
        "Can I pay for Lumen Care in monthly instalments?",
        "Yes, you can pay for Lumen Care in 12 monthly instalments or all at once at checkout. The price depends on "
        "the product and is shown on the product page and in your basket.",
        ["The price depends on the product and is shown on the product page and in your basket."],
    ),
    (
        "added_clause",
        U,
        "Will I lose my files when I send my laptop in for repair?",
        "Possibly, so please back up your laptop before sending it in. Our service centre also makes a free backup "
        "copy of your drive before starting any repair.",
        ["Please back up laptops and phones before sending them in."],
    ),
    (
        "added_clause",
        U,
        "How long will my warranty repair take?",
        "Repairs usually take 7-10 business days from when the product arrives at our service centre. If it takes "
        "longer than 10 business days, we add a 20 EUR voucher to your account.",
        ["This usually takes 7-10 business days from when it arrives."],
    ),
    # --- gift cards -------------------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "Can I buy one gift card worth 750 EUR?",
        "A single gift card can be worth at most 500 EUR, so 750 EUR on one card isn't possible. To give more, buy "
        "several cards, for example one for 500 EUR and one for 250 EUR.",
        ["If you want to give more than 500 EUR, buy several gift cards."],
    ),
    (
        "number_swap",
        C,
        "What's the smallest gift card I can buy?",
        "Gift cards start at 5 EUR and go up to 500 EUR, in whole euros.",
        ["Gift cards can be bought with a value of 10 EUR to 500 EUR"],
    ),
    (
        "paraphrase",
        S,
        "My gift card was bought on 15 March 2025. When does it expire?",
        "Gift cards are valid for 3 years from the date of purchase, so yours is valid until 15 March 2028. The "
        "expiry date is also printed on the card or shown in the e-gift card email.",
        ["Every gift card is valid for 3 years from the date of purchase."],
    ),
    (
        "wrong_fact",
        C,
        "I'm buying an e-gift card today and scheduling it for my friend's birthday in six months. Does the validity "
        "start on her birthday?",
        "Yes, the 3 years start on the scheduled delivery date, so she gets the full three years from her birthday.",
        ["The 3-year validity still counts from the date of purchase, not the delivery date."],
    ),
    (
        "paraphrase",
        S,
        "How far ahead can I schedule an e-gift card, and at what time is it sent?",
        "You can choose a delivery date up to 12 months ahead, and the e-gift card is sent at 08:00 CET on that date.",
        ["You can choose a delivery date up to 12 months ahead."],
    ),
    (
        "time_swap",
        C,
        "I've scheduled an e-gift card for 24 December. What time will it arrive?",
        "Scheduled e-gift cards are sent at midnight CET at the start of the chosen date, so it will be there first "
        "thing on 24 December.",
        ["The e-gift card is sent at 08:00 CET on that date."],
    ),
    (
        "paraphrase",
        S,
        "I bought an e-gift card 20 minutes ago and it still hasn't arrived.",
        "E-gift cards all arrive within 15 minutes of payment, so let's check a few things: look in the spam and "
        "promotions folders (yours and the recipient's), check the email address in your order confirmation for "
        "typos, and check the delivery date in case it was scheduled. If it's still missing, go to Orders, select "
        "the gift card order and choose Resend e-gift card; you can correct the address there as long as the card "
        "hasn't been redeemed.",
        ["If it still hasn't arrived after 15 minutes, go to Orders , select the gift card order"],
    ),
    (
        "negation",
        C,
        "Will I get a copy of the gift card code when I send an e-gift card?",
        "Yes, you receive a copy of the e-gift card with the code and PIN, so you can forward it yourself if needed.",
        ["You get a copy of the confirmation, but not the code itself, so the surprise isn't spoiled."],
    ),
    (
        "paraphrase",
        S,
        "How is a physical gift card delivered, and can you send one to Norway?",
        "Physical gift cards come in a gift envelope and ship free with Standard delivery in 3-5 business days, but "
        "only within the EU, so not to Norway. An e-gift card would work there, though.",
        ["Available for delivery within the EU only.", "Gift cards in physical form (e-gift cards work everywhere)."],
    ),
    (
        "wrong_fact",
        C,
        "Do I pay postage for a physical gift card?",
        "Yes, the usual 4.95 EUR Standard delivery charge applies unless your order is over 50 EUR. The card arrives "
        "in a gift envelope in 3-5 business days.",
        ["Ships with Standard delivery, free of charge, in 3-5 business days."],
    ),
    (
        "paraphrase",
        S,
        "Can I pay for a gift card with Klarna or with my store credit?",
        "Neither, I'm afraid. Gift cards can be paid for by card, PayPal, Apple Pay, Google Pay or bank transfer, "
        "but not with Klarna, store credit or another gift card.",
        [
            "Gift cards can't be bought with another gift card or with store credit, and Klarna isn't available for "
            "gift cards.",
        ],
    ),
    (
        "negation",
        C,
        "I have 60 EUR of store credit. Can I use it to buy a gift card for my brother?",
        "Yes, store credit can be used for gift cards. The only payment method that isn't available for gift cards "
        "is Klarna.",
        [
            "Gift cards can't be bought with another gift card or with store credit, and Klarna isn't available for "
            "gift cards.",
        ],
    ),
    (
        "paraphrase",
        S,
        "I lost my gift card, but I still have the order confirmation. Can you help?",
        "Yes, with the receipt we can. Contact us by chat, phone or email and send the order number or a copy of the "
        "invoice. If the balance hasn't been spent, we block the old card and issue a new e-gift card for the "
        "remaining balance, with the original expiry date.",
        [
            "We check the balance. If it hasn't been spent, we block the old card and issue a new e-gift card for "
            "the remaining balance.",
        ],
    ),
    (
        "universal_vs_conditional",
        C,
        "I lost a gift card and don't have the receipt any more. Can it be replaced?",
        "Yes. Without the receipt we just need to verify your ID and the card number, and then we block the old card "
        "and issue a new one for the remaining balance.",
        ["Without the purchase receipt, we can't identify the gift card and can't replace it."],
    ),
    (
        "wrong_fact",
        C,
        "If you replace my lost gift card, how long is the new one valid?",
        "The replacement e-gift card comes with a fresh 3-year validity from the day we issue it.",
        ["The replacement card keeps the original expiry date"],
    ),
    (
        "paraphrase",
        S,
        "How can I make sure nobody else can spend my gift card?",
        "Add it to your account under Account > Gift cards & credit. Once it's added, the balance is linked to your "
        "account and can't be used by anyone else, even if they have the card. Just note that it can't be moved to "
        "another account afterwards.",
        [
            "the balance is linked to your account and can't be used by anyone else, even if they have the card.",
            "Once added to an account, the gift card can't be moved to another account.",
        ],
    ),
    (
        "negation",
        C,
        "Can I use my gift card balance to pay for Lumen Plus?",
        "Yes, you can use your gift card balance for the Lumen Plus fee, just like for anything else in the shop.",
        ["Gift cards can't be used to pay for a Lumen Plus membership."],
    ),
    (
        "paraphrase",
        S,
        "I had a 100 EUR gift card and spent 65 EUR. What happens to the rest?",
        "The remaining 35 EUR stays on the card until it expires, 3 years from the date the card was purchased. It "
        "can't be paid out as cash, though.",
        ["If your order costs less than the gift card balance, the rest stays on the card until it expires"],
    ),
    (
        "invented",
        U,
        "Can I top up the gift card I already have?",
        "Yes, you can add more money to an existing gift card under Account > Gift cards & credit, as long as the "
        "total balance stays within 500 EUR.",
        ["You can also add a gift card to your account under Account > Gift cards & credit."],
    ),
    (
        "added_clause",
        U,
        "I typed the wrong email address for an e-gift card I sent. What now?",
        "Contact us straight away. If the card hasn't been redeemed yet, we can resend it to the right address, and "
        "we'll extend its validity by a month for the trouble.",
        ["If the card hasn't been redeemed yet, we can resend it to the right address."],
    ),
    # --- account and security ---------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "Does my new password need special characters or numbers?",
        "No, those are optional. Your password needs at least 12 characters, mustn't be the same as your email "
        "address, and mustn't appear on lists of commonly used or leaked passwords. A passphrase of several random "
        "words works well.",
        ["You don't have to use special characters or numbers, but you can."],
    ),
    (
        "number_swap",
        C,
        "What's the minimum length for a password?",
        "Your password needs to be at least 10 characters long. We recommend a passphrase of several random words.",
        ["At least 12 characters. We recommend a passphrase of several random words."],
    ),
    (
        "number_swap",
        C,
        "Is there a maximum password length, and can I use spaces?",
        "Passwords can be up to 64 characters long, and yes, you can use spaces, so a passphrase works well.",
        ["There's no maximum length (up to 128 characters), and you can use spaces."],
    ),
    (
        "paraphrase",
        S,
        "My 10-character password worked for years, but now I'm asked to pick a new one. Why?",
        "Passwords shorter than 12 characters have to be replaced, so you're asked to choose a new one the next time "
        "you sign in. Your new password needs to be at least 12 characters long.",
        [
            "If your password was shorter than 12 characters, which was our old minimum",
            "be at least 12 characters long,.",
        ],
    ),
    (
        "paraphrase",
        S,
        "I clicked the password reset link two hours after getting it and it doesn't work.",
        "Reset links are only valid for 1 hour, so yours has expired. Just select Forgot password? on the sign-in "
        "page again and we'll send you a new link.",
        ["The reset link is valid for 1 hour."],
    ),
    (
        "unit_swap",
        C,
        "How long is the password reset link valid?",
        "The reset link we email you is valid for 24 hours, so there's no rush.",
        ["The reset link we email you is valid for 1 hour."],
    ),
    (
        "paraphrase",
        S,
        "I mistyped my password a few times and now I'm locked out. What now?",
        "After 5 failed sign-in attempts the account is locked for 15 minutes to protect it from password-guessing. "
        "Wait 15 minutes and try again, or reset your password.",
        ["After 5 failed sign-in attempts, we lock the account for 15 minutes"],
    ),
    (
        "paraphrase",
        S,
        "Can I get my 2FA codes by text message?",
        "No. We only support authenticator apps for 2FA, because text messages can be intercepted. Any app that "
        "supports time-based one-time passwords (TOTP) works, such as Google Authenticator, Microsoft Authenticator, "
        "Authy, 1Password or Bitwarden.",
        ["We don't offer 2FA by text message (SMS), because text messages can be intercepted."],
    ),
    (
        "universal_vs_conditional",
        C,
        "Do I have to turn on two-factor authentication?",
        "Yes, two-factor authentication is required for all accounts. It works with any authenticator app that "
        "supports time-based one-time passwords (TOTP).",
        ["2FA is optional, but we strongly recommend it."],
    ),
    (
        "number_swap",
        C,
        "How many backup codes do I get when I turn on 2FA?",
        "You get 8 backup codes when you turn on 2FA. If you ever lose your phone, you can sign in with one of them.",
        ["Use one of the 10 backup codes you saved when you turned on 2FA."],
    ),
    (
        "paraphrase",
        S,
        "I lost my phone and I can't find my backup codes. How do I get back into my account?",
        "Please contact us. For your security, we'll verify your identity with details from a recent order before we "
        "turn off 2FA. This can take up to 2 business days.",
        ["we'll verify your identity with details from a recent order before we turn off 2FA."],
    ),
    (
        "unit_swap",
        C,
        "I've lost my phone and my 2FA backup codes. How long until I can sign in again?",
        "Contact us and we'll verify your identity before turning off 2FA. That usually takes up to 2 hours.",
        ["We'll verify your identity, which can take up to 2 business days."],
    ),
    (
        "paraphrase",
        S,
        "If I delete my account today, can I change my mind next week?",
        "Yes. Deletion takes 30 days, and during that time you can simply sign in and select Cancel deletion on the "
        "banner, or use the link in the confirmation email. Everything stays as it was.",
        ["During the 30 days, just sign in and select Cancel deletion on the banner at the top of the page."],
    ),
    (
        "negation",
        C,
        "How long does it take to delete my account?",
        "Account deletion is immediate. Once you confirm with your password, your account is gone and can't be "
        "restored.",
        ["Deletion isn't instant: there's a 30-day waiting period"],
    ),
    (
        "paraphrase",
        S,
        "What happens to my 40 EUR of store credit if I delete my account?",
        "It would be lost, along with any gift card balances linked to your account, so it's best to spend it before "
        "you delete.",
        ["Store credit and gift card balances linked to your account will be lost."],
    ),
    (
        "wrong_fact",
        C,
        "I want to delete my account but I still have store credit. What happens to it?",
        "Your store credit is paid out to your original payment method when the account is deleted, so you won't "
        "lose anything.",
        ["Store credit and gift card balances linked to your account will be lost."],
    ),
    (
        "number_swap",
        C,
        "How long do you keep my old orders and invoices?",
        "Order records and invoices are kept for 10 years because tax law requires it.",
        ["Order records and invoices are kept for 7 years because tax law requires it."],
    ),
    (
        "paraphrase",
        S,
        "I signed up 3 days ago but never clicked the confirmation link. What now?",
        "New accounts need to be confirmed within 48 hours, so your link has most likely expired. If it has, simply "
        "register again with the same email address.",
        ["If the link has expired, simply register again with the same email address."],
    ),
    (
        "invented",
        U,
        "Do I need to change my password regularly?",
        "Yes, for security we ask every customer to change their password every 12 months, and we email you a "
        "reminder when it's due.",
        ["Why did my old password stop working?"],
    ),
    (
        "added_clause",
        U,
        "What happens when I change my password?",
        "When you change your password under Account > Security, you're signed out on all other devices. We also "
        "send a security alert by text message to the phone number on your account.",
        ["When you change your password, you're signed out on all other devices."],
    ),
    # --- membership (Lumen Plus) ------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "What do I actually get with Lumen Plus, and what does it cost?",
        "For 49 EUR a year you get free Express delivery on every order, 15 extra days to return items in every "
        "returnable category, and free return labels. New members start with a 30-day free trial.",
        ["49 EUR per year. New members start with a 30-day free trial."],
    ),
    (
        "paraphrase",
        S,
        "I order with Express about 4 times a year. Is Lumen Plus worth it for me?",
        "On Express alone it wouldn't quite pay for itself: 4 x 9.95 EUR is 39.80 EUR, while the membership costs 49 "
        "EUR a year. Free Express alone covers the fee if you order Express more than five times a year (5 x 9.95 "
        "EUR = 49.75 EUR). The free return labels and longer return windows come on top of that.",
        [
            "If you order with Express delivery more than five times a year, the free Express benefit alone covers "
            "the fee",
        ],
    ),
    (
        "wrong_comparison",
        C,
        "I use Express three times a year. Would Lumen Plus pay for itself?",
        "Yes: with three Express orders a year, the free Express benefit alone already covers the 49 EUR fee, and "
        "you get longer returns and free return labels on top.",
        [
            "If you order with Express delivery more than five times a year, the free Express benefit alone covers "
            "the fee",
        ],
    ),
    (
        "paraphrase",
        S,
        "Will you warn me before my free trial turns into a paid membership?",
        "Yes, we send you a reminder email 7 days before the trial ends. On day 30 the trial becomes a paid annual "
        "membership and 49 EUR is charged to the card or PayPal account you added.",
        ["We send you a reminder email 7 days before the trial ends."],
    ),
    (
        "number_swap",
        C,
        "Do you remind me before the Lumen Plus trial ends?",
        "Yes. If you don't cancel, 49 EUR is charged when the trial ends, and we send you a reminder 3 days before.",
        ["Otherwise 49 EUR is charged when the trial ends, and we remind you 7 days before."],
    ),
    (
        "paraphrase",
        S,
        "If I cancel my free trial on day 10, do I lose free Express right away?",
        "No. If you cancel during the trial, you're not charged anything and your benefits continue until the end of "
        "the 30-day trial, so you keep free Express for the remaining 20 days.",
        ["your benefits continue until the end of the 30-day trial."],
    ),
    (
        "wrong_fact",
        C,
        "What happens if I cancel Lumen Plus during the free trial?",
        "You won't be charged anything, but your benefits end on the day you cancel.",
        [
            "If you cancel during the 30-day free trial, you pay nothing and your benefits continue until the trial "
            "ends.",
        ],
    ),
    (
        "paraphrase",
        S,
        "I had Lumen Plus until 5 months ago. Can I get another free trial?",
        "Unfortunately not. The free trial is only for accounts that haven't had Lumen Plus or a free trial in the "
        "last 12 months. You can rejoin at any time for 49 EUR a year, though.",
        [
            "Anyone with a Lumen Market account who hasn't had Lumen Plus or a free trial in the last 12 months.",
            "You can rejoin at any time for 49 EUR a year.",
        ],
    ),
    (
        "wrong_comparison",
        C,
        "My Lumen Plus membership ended 8 months ago. Can I start a new free trial?",
        "Yes. More than 6 months have passed since your membership ended, so you can start a new 30-day free trial "
        "under Account > Lumen Plus.",
        ["A new free trial is only available if you haven't had Lumen Plus in the last 12 months."],
    ),
    (
        "paraphrase",
        S,
        "My membership renewed on 1 March and I want to cancel on 10 June. How much do I get back?",
        "You've started 4 months (March, April, May and June), so you get the 8 unused months back: 49 EUR x 8/12 = "
        "32.67 EUR. It goes to the card or PayPal account you paid with within 5-7 business days.",
        ["The 49 EUR annual fee is split into 12 months. We refund every full month you haven't started yet."],
    ),
    (
        "wrong_fact",
        C,
        "My Lumen Plus renewed on 1 January. If I cancel on 20 March, what's my refund?",
        "You've used January and February, so you get 10 months back: 49 EUR x 10/12 = 40.83 EUR, paid to your card "
        "or PayPal within 5-7 business days.",
        [
            "The 49 EUR annual fee is split into 12 months. We refund every full month you haven't started yet.",
            "If you cancel during your third month, you've started 3 months and get 9 months back",
        ],
    ),
    (
        "paraphrase",
        S,
        "I'd like to keep my benefits until my paid year is over, but not renew. What should I do?",
        "Turn off Auto-renew under Account > Lumen Plus instead of cancelling. Your membership then ends on the "
        "renewal date and you won't be charged again. There's no refund in that case, because you keep using the "
        "benefits.",
        ["turn off Auto-renew under Account > Lumen Plus instead of cancelling."],
    ),
    (
        "negation",
        C,
        "If I switch off auto-renew, do I get money back?",
        "Yes. You keep your benefits until the renewal date and you also get a pro-rata refund for the unused months.",
        ["There's no refund in this case, because you keep using the benefits."],
    ),
    (
        "paraphrase",
        S,
        "If I cancel Lumen Plus today, do I keep the 45-day return window on the laptop I ordered last week as a "
        "member?",
        "Yes. Orders you placed while you were a member keep their benefits, the extended return window and free "
        "return labels, so your laptop keeps its 45 days.",
        [
            "Orders you placed while you were a member keep their benefits: the extended return window (+15 days) "
            "and free return labels.",
        ],
    ),
    (
        "wrong_fact",
        C,
        "I joined Lumen Plus today. Do my orders from last month get the extra 15 days?",
        "Yes, as soon as you join, the extra 15 days are added to all your open orders, including ones you placed "
        "before joining.",
        ["No. The extra 15 days apply to orders placed while your membership or trial is active."],
    ),
    (
        "wrong_fact",
        C,
        "Is Next-day delivery free with Lumen Plus?",
        "Yes, Lumen Plus members get both Express and Next-day delivery free of charge on every order.",
        ["No. Next-day delivery costs 14.95 EUR for everyone."],
    ),
    (
        "invented",
        U,
        "Do Lumen Plus members get anything extra during sales?",
        "Yes, Lumen Plus members get 24-hour early access to all sales, on top of free Express delivery on every "
        "order.",
        ["Every order ships by Express (1-2 business days) free of charge, with no minimum order value."],
    ),
    (
        "invented",
        U,
        "I'm travelling for three months. Can I pause my Lumen Plus membership?",
        "Yes, you can pause your membership for up to 3 months once a year under Account > Lumen Plus, and your "
        "renewal date moves back by the same time. If you'd rather stop for good, you can also turn off Auto-renew "
        "there.",
        ["turn off Auto-renew under Account > Lumen Plus instead of cancelling."],
    ),
    (
        "invented",
        U,
        "If I cancel Lumen Plus and come back later, what happens?",
        "You can rejoin at any time for 49 EUR a year. If you rejoin within 3 months, we restore your old renewal "
        "date so you don't lose any days.",
        ["You can rejoin at any time for 49 EUR a year."],
    ),
    # --- contact, opening hours, complaints, general FAQ ------------------------------------------
    (
        "paraphrase",
        S,
        "I'm in London. What time is your chat open for me?",
        "Chat runs from 08:00 to 22:00 CET every day. CET is 1 hour ahead of UK time, so for you that's 07:00 to "
        "21:00.",
        ["CET is 1 hour ahead of UK time, so chat is open from 07:00 to 21:00 UK time."],
    ),
    (
        "wrong_fact",
        C,
        "I'm in Helsinki. When can I reach your chat in my local time?",
        "CET is 1 hour ahead of Finnish time, so the chat is open from 07:00 to 21:00 your time.",
        ["CET is 1 hour behind your local time, so chat is open from 09:00 to 23:00 local time."],
    ),
    (
        "paraphrase",
        S,
        "Can I phone you on a Saturday?",
        "I'm afraid not: the phone line is open Monday to Friday, 09:00-18:00 CET, and closed at weekends. Chat is "
        "open every day from 08:00 to 22:00 CET, weekends included, if that helps.",
        [
            "The phone line is closed at weekends and on German public holidays.",
            "Hours: 08:00-22:00 CET, every day, including weekends and most public holidays.",
        ],
    ),
    (
        "weekday_swap",
        C,
        "Is your phone line open on Saturday mornings?",
        "Yes, you can call us on +49 30 1234 5678 from Monday to Saturday, 09:00-18:00 CET.",
        ["Phone: hours Mon-Fri 09:00-18:00; contact +49 30 1234 5678."],
    ),
    (
        "time_swap",
        C,
        "Until what time can I use the live chat in the evening?",
        "Live chat is available until 20:00 CET every day, starting at 08:00.",
        ["Live chat: hours 08:00-22:00 daily"],
    ),
    (
        "paraphrase",
        S,
        "Is the chat open on 24 December?",
        "Yes, the chat stays open, but with shorter hours on 24, 25 and 31 December and 1 January. Email is answered "
        "within 24 hours as usual.",
        ["Chat stays open on most public holidays, with shorter hours on 24, 25 and 31 December and 1 January."],
    ),
    (
        "negation",
        C,
        "Can I reach the chat on Christmas Day?",
        "No, the chat is closed on 25 December. You can still email us and we'll answer within 24 hours.",
        ["Chat stays open on most public holidays, with shorter hours on 24, 25 and 31 December and 1 January."],
    ),
    (
        "paraphrase",
        S,
        "If I email you on a Sunday, when will I hear back?",
        "We answer every email within 24 hours, 7 days a week, so you'll hear back by Monday at the latest.",
        ["we answer every email within 24 hours, 7 days a week."],
    ),
    (
        "paraphrase",
        S,
        "I'm not happy with how customer service handled my complaint. What can I do?",
        "Reply to the email or ask in chat for your case to be escalated. A team lead reviews it and replies within "
        "5 business days. If it's still not resolved, you can send a formal complaint by email with the subject "
        '"Formal complaint", or by post.',
        ["A team lead reviews it and replies within 5 business days."],
    ),
    (
        "number_swap",
        C,
        "How long does a formal complaint take?",
        "We acknowledge formal complaints within 2 business days and send a final written response within 30 days.",
        ["We acknowledge formal complaints within 2 business days and send a final written response within 14 days."],
    ),
    (
        "swapped_attribution",
        C,
        "How quickly do you deal with an escalated case and with a formal complaint?",
        "A team lead reviews an escalated case within 2 business days. If you then send a formal complaint, we "
        "acknowledge it within 5 business days and send a final written response within 14 days.",
        ["A team lead reviews it and replies within 5 business days."],
    ),
    (
        "paraphrase",
        S,
        "Am I chatting with a bot right now?",
        "The chat starts with an assistant that answers from the Help Centre. You can ask for a person at any time "
        "during chat hours, 08:00-22:00 CET.",
        ["You can ask for a person at any time during chat hours (08:00-22:00 CET)."],
    ),
    (
        "invented",
        U,
        "Can I contact you on WhatsApp?",
        "Yes, you can message us on WhatsApp during chat hours, 08:00-22:00 CET. Please send your order number in "
        "your first message.",
        ["Opening hours by channel:"],
    ),
    (
        "added_clause",
        U,
        "What are your phone hours?",
        "You can call +49 30 1234 5678 Monday to Friday, 09:00-18:00 CET. If the line is busy, you can request a "
        "callback and we'll ring you back within 2 hours.",
        ["Number: +49 30 1234 5678."],
    ),
    (
        "paraphrase",
        S,
        "Do you have a physical store I can visit?",
        "No, Lumen Market is an online shop based in Berlin, and we don't have physical shops. You can collect "
        "orders from partner lockers with Click & Collect, though.",
        [
            "Lumen Market is an online shop based in Berlin, Germany.",
            "No, we're online only. You can collect orders from partner lockers with Click & Collect.",
        ],
    ),
    (
        "paraphrase",
        S,
        "I lost the manual for my HomeHub smart plug. Do I need to contact you for a copy?",
        "No need! All our own-brand manuals are available online, including the HomeHub smart plug's, on the Product "
        "manuals and downloads page.",
        [
            "All our own-brand manuals are available online. You don't need to contact us.",
            "HomeHub smart plug: category Electronics (smart-home); manual Online",
        ],
    ),
    (
        "negation",
        C,
        "Do you have a military discount?",
        "Yes, we offer a 10% military discount. Sign up for our newsletter to hear about other sales and promotions, "
        "too.",
        ["Not currently. Sign up for our newsletter to hear about sales and promotions."],
    ),
    (
        "added_clause",
        U,
        "The item I want is out of stock. Can you let me know when it's back?",
        "Yes, select Notify me on the product page and we'll email you as soon as it's available again. We'll also "
        "hold one for you for 24 hours after that email.",
        ["Select Notify me on the product page and we'll email you as soon as it's available again."],
    ),
    # --- product manuals and product help (PDF and Markdown manuals) ------------------------------
    (
        "paraphrase",
        S,
        "How long does my Volt 14 take to charge from empty?",
        "With the 65 W USB-C adapter from the box, it gets from 0 to 80% in about an hour, and to 100% in about 2 "
        "hours, because charging slows down above 80% to protect the battery.",
        ["A full charge to 100% takes about 2 hours, because charging slows down above 80% to protect the battery."],
    ),
    (
        "number_swap",
        C,
        "How quickly does the Volt 14 fast-charge?",
        "With the supplied 65 W adapter, the 72 Wh battery charges from 0 to 80% in about 30 minutes, and a full "
        "charge takes about 2 hours.",
        ["With the supplied 65 W adapter, the 72 Wh battery charges from 0 to 80% in about 60 minutes."],
    ),
    (
        "paraphrase",
        S,
        "Can I charge my Volt 14 with my 20 W phone charger while travelling?",
        'Not really. With chargers below 30 W, Windows shows a "Slow charger" warning and the laptop may only keep '
        "its charge level while it's switched on. Use the supplied 65 W adapter or a certified USB-C Power Delivery "
        "charger with at least 65 W.",
        [
            'With chargers below 30 W, Windows shows a "Slow charger" warning.',
            "Use the supplied 65 W USB-C adapter or a certified USB-C Power Delivery charger with at least 65 W.",
        ],
    ),
    (
        "paraphrase",
        S,
        "My Volt 14 won't charge past 80% and the charging light is off. Is it broken?",
        "No, that's Battery care mode, which is on by default. It stops charging at 80% to slow down battery ageing, "
        "and the charging LED turning off is normal. If you need a full charge, switch it off in the Lumen Control "
        "Centre app under Power > Battery care.",
        ["It stops charging at 80%, which slows down battery ageing. Battery care mode is on by default."],
    ),
    (
        "negation",
        C,
        "Do I need to turn on battery care mode on my Volt 14 myself?",
        "Yes. Battery care mode is off by default, so if the laptop is plugged in most of the time, turn it on in "
        "the Lumen Control Centre under Power > Battery care. It then stops charging at 80%.",
        ["It stops charging at 80%, which slows down battery ageing. Battery care mode is on by default."],
    ),
    (
        "paraphrase",
        S,
        "Can I upgrade the Volt 14 to 32 GB of RAM later?",
        "Unfortunately not. The 16 GB of LPDDR5x memory is soldered to the mainboard and there are no memory slots "
        "inside, so it can't be upgraded.",
        ["There are no memory slots inside the laptop."],
    ),
    (
        "paraphrase",
        S,
        "What's the biggest SSD I can put in my Volt 14, and what tools do I need?",
        "It takes a standard M.2 2280 NVMe drive (PCIe 4.0), up to 4 TB. You'll need a Torx T5 screwdriver for the 8 "
        "bottom-cover screws, a small Phillips PH0 screwdriver, a plastic opening tool and the new SSD.",
        ["The largest supported drive size is 4 TB."],
    ),
    (
        "swapped_attribution",
        C,
        "Which screwdriver do I need to open the bottom cover of the Volt 14?",
        "The bottom cover is held by 8 Phillips PH0 screws. The Torx T5 screwdriver is only needed for the screw "
        "that holds the SSD under its thermal shield.",
        [
            "Remove the 8 Torx T5 screws from the bottom cover.",
            "Remove the Phillips screw that holds the shield and the SSD.",
        ],
    ),
    (
        "paraphrase",
        S,
        "After I changed a BIOS setting my Volt 14 only shows a black screen. Help!",
        "Do a BIOS reset: unplug the charger and any USB devices, hold the power button for 15 seconds, release it, "
        "connect the charger and switch the laptop on normally. The first start can take up to a minute. Your files, "
        "apps and Windows aren't affected; only the BIOS settings go back to factory defaults.",
        ["The first start after a reset can take up to 1 minute and the screen may stay black for a while."],
    ),
    (
        "swapped_attribution",
        C,
        "How do I reset the BIOS on my Volt 14?",
        "Unplug the charger, then hold the power button for 5 seconds. Holding it for 15 seconds would only force a "
        "shutdown, so don't confuse the two.",
        [
            "2. Hold the power button for 15 seconds.",
            "If Windows has frozen, hold the power button for 5 seconds to force the laptop to switch off.",
        ],
    ),
    (
        "paraphrase",
        S,
        "How many external monitors can I use with the Volt 14?",
        "Up to two at the same time: one via HDMI 2.1 at up to 4K 120 Hz, and one via USB-C with DisplayPort output "
        "at up to 4K 60 Hz. A USB-C monitor with at least 65 W Power Delivery can also charge the laptop over the "
        "same cable.",
        ["You can connect up to two external monitors at the same time"],
    ),
    (
        "swapped_attribution",
        C,
        "What refresh rates do I get on external 4K monitors with the Volt 14?",
        "Via HDMI 2.1 you get up to 4K at 60 Hz, and via USB-C with DisplayPort output up to 4K at 120 Hz.",
        ["You can connect up to two external monitors at the same time"],
    ),
    (
        "paraphrase",
        S,
        "Will my Aurora X2 last a 13-hour flight with noise cancelling on?",
        "Easily: with ANC on they play for up to 30 hours on a full charge, and up to 40 hours with ANC off. Very "
        "high volume or cold temperatures reduce that a bit.",
        ["With a full charge, the Aurora X2 plays music for:"],
    ),
    (
        "swapped_attribution",
        C,
        "How long does the Aurora X2 battery last?",
        "Up to 40 hours with active noise cancelling on, and up to 30 hours with ANC off.",
        ["Up to 30 hours with active noise cancelling (ANC) on and up to 40 hours with ANC off."],
    ),
    (
        "paraphrase",
        S,
        "I've only got 10 minutes before I leave. Is it worth charging my Aurora X2?",
        "Definitely: a 10-minute quick charge gives up to 5 hours of playback. A full charge takes about 2 hours.",
        ["Quick charge: 10 minutes of charging gives up to 5 hours of playback."],
    ),
    (
        "negation",
        C,
        "Can I keep using my Aurora X2 over Bluetooth while they charge?",
        "Yes, you can keep listening wirelessly while they charge; the LED just stays red until they're full.",
        ["You can't use the headphones wirelessly while they're charging."],
    ),
    (
        "paraphrase",
        S,
        "How do I put the Aurora X2 into pairing mode?",
        "With the headphones switched off, hold the power button on the right ear cup for 5 seconds until the LED "
        'flashes blue and you hear "Pairing". Then select Aurora X2 in your device\'s Bluetooth settings. Pairing '
        "mode stays on for 3 minutes.",
        ["Hold the power button (right ear cup) for 5 seconds until the LED flashes blue."],
    ),
    (
        "number_swap",
        C,
        "How long do the Aurora X2 stay in pairing mode?",
        "They stay in pairing mode for 5 minutes. If no device connects in that time, they switch off.",
        ["The headphones stay in pairing mode for 3 minutes."],
    ),
    (
        "paraphrase",
        S,
        "Can I connect my Aurora X2 to my laptop and my phone at the same time?",
        "Yes, they support multipoint with two devices. Pair the first one, switch the headphones off, hold the "
        "power button for 5 seconds again to pair the second, then reconnect the first from its Bluetooth menu. "
        "Audio switches to whichever device starts playing, and an incoming call on your phone always takes "
        "priority.",
        ["An incoming call on your phone always takes priority."],
    ),
    (
        "paraphrase",
        S,
        "Can I wear the Aurora X2 at the gym? And in the shower?",
        "At the gym, yes: they're rated IPX4, so they're protected against splashes such as sweat. But not in the "
        "shower, because they aren't waterproof; don't submerge them or rinse them under a tap. After a sweaty "
        "workout, let them air-dry before putting them back in the case, and let the USB-C port dry completely "
        "before charging.",
        [
            "It's protected against splashing water from any direction, such as sweat or light rain.",
            "After sweaty workouts, let the headphones air-dry before you put them back in the case.",
        ],
    ),
    (
        "swapped_attribution",
        C,
        "What do the red LEDs on my Aurora X2 mean?",
        "A flashing red LED means the headphones are charging, and a steady red LED means the battery is below 10%.",
        ["Flashing red: meaning Battery below 10%."],
    ),
    (
        "paraphrase",
        S,
        "My Aurora X2 keep turning themselves off when I'm not using them. Can I stop that?",
        "That's auto-off: if they aren't connected to any device for 15 minutes, they switch off to save battery. "
        "You can change it in the Lumen Sound app, anywhere from 10 minutes to 4 hours, or turn it off completely.",
        ["You can change this in the Lumen Sound app (10 minutes to 4 hours, or never)."],
    ),
    (
        "wrong_fact",
        C,
        "How do I factory reset my Aurora X2?",
        "Switch the headphones off, then hold the power button for 10 seconds. The LED flashes red and blue "
        "alternately three times and the headphones restart.",
        ["Hold both volume buttons (Volume + and Volume −) together for 10 seconds."],
    ),
    (
        "paraphrase",
        S,
        "It's my first time with the TrailLite 2. How long will pitching take?",
        "The first pitch usually takes 10-15 minutes. After one or two practice runs, about 5 minutes is realistic, "
        "even in fading light, so it's worth pitching it once in your garden or a park before you go.",
        ["We strongly recommend pitching the tent once in your garden or a park before you go."],
    ),
    (
        "swapped_attribution",
        C,
        "What's the waterproof rating of the TrailLite 2?",
        "The flysheet has a hydrostatic head of 5,000 mm and the floor 3,000 mm, which is plenty for prolonged heavy "
        "rain.",
        ["The flysheet has a hydrostatic head of 3,000 mm and the floor 5,000 mm."],
    ),
    (
        "paraphrase",
        S,
        "One of the flysheet seams on my TrailLite 2 is dripping. How do I fix it?",
        "Pitch the tent in dry weather and let it dry completely, clean the seam and let it dry again, then apply a "
        "thin, even line of silicone seam sealer along the stitching on the outer side of the flysheet. Let it cure "
        "for at least 12 hours, ideally 24, before you pack the tent.",
        ["Let it cure for at least 12 hours, ideally 24, before packing the tent."],
    ),
    (
        "wrong_fact",
        C,
        "The seam tape on the floor of my TrailLite 2 is peeling. What should I use?",
        "Use the same silicone seam sealer as for the flysheet, applied on the outside of the floor, and let it cure "
        "for at least 12 hours.",
        ["For peeling tape on the floor (PU coated), use a PU-based seam sealer on the inside instead."],
    ),
    (
        "paraphrase",
        S,
        "I had to pack my tent wet this morning and I'll only be home in two days. Is that a problem?",
        "Try to dry it sooner if you can: a tent shouldn't stay packed wet for more than 24 hours, so two days is "
        "longer than recommended. Stored damp, a tent develops mould within days, and mould damage isn't covered by "
        "the guarantee.",
        [
            "If the tent is wet when you pack it, unpack it within 24 hours and let it dry completely.",
            "Never pack it away wet for more than 24 hours.",
        ],
    ),
    (
        "paraphrase",
        S,
        "I'm 1.95 m tall. Is the TrailLite 2 long enough for me and a friend?",
        "The inner tent floor is 215 x 130 cm with a peak height of 105 cm, so it's longer than you are. A 2-person "
        "tent fits two standard sleeping mats side by side with little room to spare, though, so if you're tall it "
        "may be worth considering going one size up.",
        [
            "Inner tent floor: value 215 × 130 cm.",
            "If you're tall, camp with a dog, or want to keep your pack inside, consider going one size up.",
        ],
    ),
    (
        "universal_vs_conditional",
        C,
        "A pole on my TrailLite 2 snapped during a big storm. Is that covered?",
        "Yes, broken poles are always covered by the 2-year legal guarantee, whatever caused the break.",
        ["or broken poles caused by storms beyond the tent's rating."],
    ),
    (
        "paraphrase",
        S,
        "My HomeHub won't connect. My router uses one network name for 2.4 and 5 GHz.",
        "The HomeHub only works with 2.4 GHz Wi-Fi. With a mixed-band network it usually connects, but if setup "
        "fails: stand within 5 m of the router, temporarily turn off the 5 GHz band, or create a separate 2.4 GHz "
        "network such as a guest network for your smart-home devices.",
        [
            "The HomeHub connects via 2.4 GHz Wi-Fi (802.11 b/g/n) only.",
            "stand within 5 m of the router during setup,.",
        ],
    ),
    (
        "paraphrase",
        S,
        "Can I plug my 2,000 W kettle into the HomeHub?",
        "Load-wise, yes: 2,000 W is within the plug's maximum of 16 A / 3,680 W. Just note that heating appliances "
        "shouldn't be connected unless they have their own overheat protection and are safe to switch on remotely.",
        [
            "Maximum load: 16 A / 3,680 W at 230 V.",
            "unless the appliance has its own overheat protection and is safe to switch on remotely.",
        ],
    ),
    (
        "wrong_comparison",
        C,
        "Can I run my 4,000 W patio heater through the HomeHub?",
        "Yes, 4,000 W is within the HomeHub's 16 A limit, so the plug can switch it.",
        ["Maximum load: 16 A / 3,680 W at 230 V."],
    ),
    (
        "paraphrase",
        S,
        "If my internet goes down, will my HomeHub schedules still run?",
        "Yes. Schedules are stored on the plug itself, so they keep working even without Wi-Fi or internet, as long "
        "as the plug has power. You can set up to 20 schedules per plug.",
        ["Schedules are stored on the plug itself"],
    ),
    (
        "negation",
        C,
        "Do HomeHub schedules need an internet connection?",
        "Yes, schedules run from the Lumen Home app, so they pause while your Wi-Fi or internet is down and resume "
        "once the plug is back online.",
        ["Schedules are stored on the plug itself"],
    ),
    (
        "paraphrase",
        S,
        "My HomeHub turns on my BrewMaster at 7:00 but the machine doesn't start. Why?",
        "The BrewMaster 900 has an electronic power switch, so after the plug switches the power on, you still need "
        "to press the Power button on the machine itself. That's expected.",
        [
            "you still need to press the Power button on the machine.",
            "Some devices with electronic switches (for example some coffee machines, including the BrewMaster 900)",
        ],
    ),
    (
        "number_swap",
        C,
        "How do I reset my HomeHub?",
        "With the plug in a wall socket, hold the button for 3 seconds and release it when the LED starts blinking "
        "blue quickly. The plug is then back in setup mode.",
        ["Holding the button for 1-5 seconds does nothing"],
    ),
    (
        "swapped_attribution",
        C,
        "What does a red light on the HomeHub mean?",
        "Solid red means the plug has no Wi-Fi connection, while blinking red means the overload protection has been "
        "triggered.",
        ["Solid red: meaning Overload protection triggered (see section 8.4)."],
    ),
    (
        "paraphrase",
        S,
        "How much water and descaler do I need to descale my BrewMaster?",
        "Fill the water tank to the 0.5 L mark and add one 100 ml bottle of descaler. Put a container that holds at "
        "least 0.6 L under the coffee spout and the steam wand, then hold the Clean button for 3 seconds. The whole "
        "thing takes about 30 minutes.",
        [
            "4. Fill the water tank with water up to the 0.5 L mark and add one bottle (100 ml) of descaler.",
            "A container that holds at least 0.6 L - About 30 minutes",
        ],
    ),
    (
        "number_swap",
        C,
        "How often should I descale the BrewMaster 900?",
        "Descale it every 6 months, or as soon as the orange light comes on, whichever happens first.",
        ["With very hard water, this can happen sooner than every 3 months."],
    ),
    (
        "paraphrase",
        S,
        "Can I use vinegar to descale my BrewMaster? It's all I have.",
        "Please don't: vinegar can damage the seals and the pump and leaves a taste that's hard to remove. Use a "
        "descaler based on citric or lactic acid instead. Damage caused by vinegar isn't covered by the guarantee "
        "either.",
        [
            "Vinegar can damage the seals and the pump and leaves a taste that is hard to remove.",
            "damage caused by using vinegar",
        ],
    ),
    (
        "swapped_attribution",
        C,
        "What do the red lights on the BrewMaster mean?",
        "A flashing red light means the grounds container is full or the drip tray is missing, and a steady red "
        "light means the water tank is empty.",
        ["Red light flashing: the water tank is empty."],
    ),
    (
        "wrong_fact",
        C,
        "My BrewMaster coffee tastes weak. Which way should I turn the grinder?",
        "Turn the grind setting dial to a coarser setting; coarser grinds give a stronger, more intense coffee with "
        "more crema.",
        ["Finer settings give a stronger, more intense coffee with more crema."],
    ),
    (
        "swapped_attribution",
        C,
        "What cup sizes can I set on the BrewMaster?",
        "Espresso can be set from 60 to 240 ml and coffee from 25 to 80 ml. Hold the drink button for 3 seconds and "
        "release it when the cup has the amount you want.",
        ["Espresso can be set from 25 to 80 ml, coffee from 60 to 240 ml."],
    ),
    (
        "paraphrase",
        S,
        "Will my 16 cm latte glass fit under the BrewMaster's spout?",
        "Unfortunately not: the coffee spout is height-adjustable for cups from 7 to 14 cm high, so a 16 cm glass is "
        "too tall.",
        ["Height-adjustable coffee spout, for cups from 7 to 14 cm high"],
    ),
    (
        "wrong_comparison",
        C,
        "My favourite mug is 13 cm tall. Will it fit under the BrewMaster's spout?",
        "Sadly not. The spout only adjusts for cups between 7 and 14 cm, and a 13 cm mug is too tall for that.",
        ["Height-adjustable coffee spout, for cups from 7 to 14 cm high"],
    ),
    (
        "added_clause",
        U,
        "The fan on my 3-year-old Volt 14 has got loud. What can I do?",
        "Make sure the air vents underneath and at the back aren't blocked, and choose the Quiet fan profile in the "
        "Lumen Control Centre under Performance. Some dust in the fan is normal after a few years, and our service "
        "team can clean it for you free of charge once a year.",
        ["Some dust in the fan is normal after a few years. Our service team can clean it for you."],
    ),
    (
        "added_clause",
        U,
        "How do I get rid of my old Aurora X2?",
        "Please don't put them in household waste. Lumen Market takes back old headphones free of charge: contact "
        "customer service for a free shipping label, and you'll get a 10% voucher towards a new pair.",
        ["Lumen Market takes back old headphones free of charge."],
    ),
    (
        "added_clause",
        U,
        "Does the HomeHub work with voice assistants?",
        "Yes, it works with Amazon Alexa, Google Home and Apple HomeKit. Link your accounts in the Lumen Home app "
        "under Profile > Voice assistants.",
        ["The HomeHub works with Amazon Alexa and Google Home."],
    ),
    (
        "added_clause",
        U,
        "I've lost two pegs from my TrailLite 2. Where can I get new ones?",
        "Replacement poles, pegs and guylines are available at lumenmarket.example. During the 2-year guarantee "
        "period we also send replacement pegs free of charge if you ask.",
        ["Replacement poles, pegs and guylines are available at lumenmarket.example."],
    ),
    (
        "invented",
        U,
        "Where can I get descaler for my BrewMaster?",
        "You can use BrewMaster descaler or another descaler for coffee machines based on citric or lactic acid. "
        "Lumen Plus members get a free bottle of BrewMaster descaler every 3 months.",
        ["BrewMaster descaler or another descaler for coffee machines based on citric or lactic acid."],
    ),
    # --- declines: the passages don't answer the question -----------------------------------------
    (
        "declines",
        S,
        "Can I get the Volt 14 with a German QWERTZ keyboard?",
        "I'm sorry, the information I have doesn't say which keyboard layouts the Volt 14 comes in. If you like, I "
        "can pass you to a person from our team; you can ask for one at any time during chat hours (08:00-22:00 "
        "CET).",
        [
            "The backlit keyboard has three brightness levels.",
            "You can ask for a person at any time during chat hours (08:00-22:00 CET).",
        ],
    ),
    (
        "declines",
        S,
        "Do you offer gift wrapping?",
        "I can't find anything about gift wrapping for orders, sorry. The only related thing I can see is that "
        "physical gift cards come as a printed card in a gift envelope. Would you like me to connect you with a "
        "person from our team?",
        [
            "A printed card in a gift envelope.",
            "You can ask for a person at any time during chat hours (08:00-22:00 CET).",
        ],
    ),
    (
        "declines",
        S,
        "Which exact processor model is in the Volt 14?",
        "The manual only describes it as an 8-core processor with integrated graphics and doesn't name the exact "
        "model. If you need that detail, I can connect you with a person from our team during chat hours "
        "(08:00-22:00 CET).",
        [
            "Processor: 8-core processor with integrated graphics",
            "You can ask for a person at any time during chat hours (08:00-22:00 CET).",
        ],
    ),
    (
        "declines",
        S,
        "Do you have a refer-a-friend programme?",
        "I'm sorry, I don't have any information about a referral programme. If you'd like to check with someone, "
        "you can ask for a person in this chat at any time between 08:00 and 22:00 CET.",
        ["You can ask for a person at any time during chat hours (08:00-22:00 CET)."],
    ),
    (
        "declines",
        S,
        "How much does it cost to fix a cracked Volt 14 screen if I don't have Lumen Care+?",
        "I can't tell you the price, as repair costs aren't listed in the information I have. A cracked screen from "
        "a drop counts as accidental damage, which is only covered with Lumen Care+; without it, we can offer a paid "
        "repair quote. I can also connect you with a person if you'd like.",
        [
            "Otherwise we can offer a paid repair quote.",
            "Accidental damage: drops, spills, cracked screens.",
            "You can ask for a person at any time during chat hours (08:00-22:00 CET).",
        ],
    ),
    (
        "declines",
        S,
        "Will your driver install my new washing machine?",
        "I can't find anything about an installation service. What I can see is that freight deliveries go to the "
        "kerbside or ground floor, and carrying items upstairs isn't included. Would you like me to connect you with "
        "someone from our team?",
        [
            "Delivery is to the kerbside or ground floor. Carrying items upstairs is not included.",
            "You can ask for a person at any time during chat hours (08:00-22:00 CET).",
        ],
    ),
    (
        "declines",
        S,
        "Can I switch your website to French?",
        "I don't have any information about French language options for the website, sorry. What I can tell you is "
        "that our customer service answers in English and German, and prices are always in euros. I can connect you "
        "with a person if you'd like.",
        [
            "Prices are always in euros (EUR). Our customer service answers in English and German.",
            "You can ask for a person at any time during chat hours (08:00-22:00 CET).",
        ],
    ),
    (
        "declines",
        S,
        "Is there a 3-person version of the TrailLite tent?",
        "I'm sorry, I don't have information about a 3-person version. The TrailLite 2 itself weighs 1.9 kg and "
        "sleeps 2 people. Would you like me to connect you with someone from our team?",
        ["1.9 kg. It sleeps 2 people.", "You can ask for a person at any time during chat hours (08:00-22:00 CET)."],
    ),
    (
        "declines",
        S,
        "Is the Lumen Market app available for iPad?",
        "I don't have details on which devices the Lumen Market app supports, I'm afraid. I can see that the app has "
        "a Help section where you can chat with us, and I can connect you with a person if you'd like to check.",
        [
            "or in the Lumen Market app under Help.",
            "You can ask for a person at any time during chat hours (08:00-22:00 CET).",
        ],
    ),
    (
        "declines",
        S,
        "Can I use coffee capsules in the BrewMaster 900?",
        "The information I have doesn't mention capsules or pods for the BrewMaster 900. What it does say is that "
        "it's a bean-to-cup machine that grinds fresh beans for every cup, and that it also has a chute for "
        "pre-ground coffee. I can connect you with a person if you'd like to double-check.",
        [
            "It grinds fresh beans for every cup",
            "Open the lid of the pre-ground coffee chute.",
            "You can ask for a person at any time during chat hours (08:00-22:00 CET).",
        ],
    ),
]


if __name__ == "__main__":
    raise SystemExit(main(CASES, OUT, "pc3", "v4"))
