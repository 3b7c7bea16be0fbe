"""How policy_claims_v5.jsonl was made (kept for provenance; the JSONL is the dataset).

Dataset card
------------
- What: a held-out test set for the grounding guard. Each row is a customer question about the
  Lumen Market demo corpus, an answer written in the style of a small support chat model, 1-2 real
  corpus passages (as `core.grounding.corpus_text.passages` cuts them) holding the evidence needed
  to judge the answer, and a label: supported, contradicted or unsupported.
- Written: by a separate writer (a helper session) who read only the corpus under
  corpus/lumen-market/ (all 439 passages, through `passages()`), its facts sheet
  (corpus/README.md), evaluation/policy_claims.py, and for the format lines 1-110 (dataset card
  and first case) and the last 30 lines of the v4 builder. The writer did not open the guard, its
  code, its tests, its benchmark or results, any policy_claims_v*.jsonl, or the v1-v3 builders, and
  never ran the guard or any checker on these cases, so the cases are not shaped by what the guard
  catches. All questions are new.
- Topics: every part of the corpus - returns and refunds (windows, restocking fee, label fee, store
  credit, non-returnables, gifts, split shipments, faulty items, UK returns), shipping (EU options,
  Next-day cut-off, UK/CH/NO, freight, lockers, PO boxes, tracking, damaged/missing parcels),
  orders (cancel/change, addresses, adding items, duplicates, pre-orders, invoices, order
  numbers), payments (methods, Klarna, bank transfer, charging, price drops, VAT), warranty (legal
  guarantee, Lumen Care / Care+, batteries, claims), gift cards, account and security, Lumen Plus,
  contact/hours/complaints, general FAQ, and the five product manuals (Volt 14 and BrewMaster 900
  PDFs; Aurora X2, TrailLite 2 and HomeHub Markdown).
- How: every answer was written by hand against the passage text, and every case was re-checked
  against exactly the passages it carries (supported answers sentence by sentence: each sentence is
  stated by, or follows from, the passages plus the customer's own words). Supported answers
  paraphrase (reordered, chatty openers and closers, facts combined from two passages), and 41 of
  them reason with the customer's own numbers (e.g. 120 EUR opened headphones refunded at
  97.05 EUR, a book delivered 2 June returnable by a Plus member until 1 July, 45 minutes after
  ordering still cancellable until 11:05, a Plus refund of 49 x 5/12 = 20.42 EUR, 1.9 kg + 160 g =
  2.06 kg). "declines" say the help centre doesn't cover the question and offer a person, resting
  on the chat passage "You can ask for a person at any time during chat hours (08:00-22:00 CET)."
  Contradicted answers change one fact inside an otherwise correct paraphrase (number, unit, clock
  time, weekday or date swapped; negation; wrong category; "only X" for a list; "always" for a
  conditional rule; wrong fact; two values swapped between two things; or a wrong conclusion from
  the customer's own numbers). Unsupported answers rest on a policy the passages do not state
  (invented) or add one sentence after a correct answer that the passages neither state nor rule
  out (added_clause).
- Counts (200 cases): supported 100, contradicted 80, unsupported 20.
  supported: paraphrase 92, declines 8.
  contradicted: number_swap 13, wrong_fact 13, wrong_comparison 10, negation 10,
  swapped_attribution 8, universal_vs_conditional 5, unit_swap 5, only_vs_list 4, time_swap 4,
  wrong_category 3, date_swap 3, weekday_swap 2.
  unsupported: added_clause 12, invented 8.
  By topic (total: supported/contradicted/unsupported): returns and refunds 26 (12/11/3,
  pc5-001..026), shipping 19 (9/8/2, 027..045), orders 14 (7/6/1, 046..059), payments 16 (7/7/2,
  060..075), warranty 15 (7/6/2, 076..090), gift cards 13 (6/6/1, 091..103), account 13 (7/5/1,
  104..116), Lumen Plus 12 (6/5/1, 117..128), contact and general FAQ 12 (6/4/2, 129..140),
  product manuals 52 (25/22/5: Volt 14 11, BrewMaster 900 11, Aurora X2 10, TrailLite 2 10,
  HomeHub 10; 141..192), declines 8 (8/0/0, 193..200).
- Borderline labels (judgement calls, kept as labelled):
  pc5-044 (invented, 2-hour delivery slots), pc5-139 (invented, callback via chat) and pc5-182
  (invented, replacement flysheet sold separately): a reader who takes the delivery-option list,
  the contact-channel list or the spare-parts list (poles, pegs, guylines) as complete would call
  them contradicted.
  pc5-162 (invented, hot water via Steam pressed twice): the manual lists six buttons and mentions
  that "hot water" gets very hot, but describes no hot-water function.
  pc5-074 (invented): "no surcharge for American Express" is plausible but stated nowhere.
  pc5-025 (invented): the passage says the drop-off receipt proves the parcel was sent; a full
  refund within 10 business days "whether or not the parcel turns up" is not stated.
  pc5-024 (added_clause): the corpus says only that the warehouse is in Germany; a returns centre
  in Leipzig is neither stated nor excluded. pc5-103 (added_clause): the invented 5% discount for
  50+ cards would not even apply to the customer's 40 cards. pc5-128 (added_clause): a statistic
  about members, not a policy.
  pc5-134 (supported): "we can't offer support in French" is read from "answers in English and
  German". pc5-133, pc5-029, pc5-129, pc5-137 use common knowledge (Serbia is outside the EU; Oslo,
  London and Athens are in Norway, the UK and Greece). pc5-028 and pc5-035 take the customer's
  clock time as CET (the answers say so). pc5-032 counts four business days from Tuesday to the
  next Monday, assuming no public holiday. pc5-176 reads "this morning" to "tomorrow evening" as
  more than 24 hours. pc5-167 reads the Aurora manual's "Lumen Market takes back old headphones
  free of charge" as covering the customer's old headphones. pc5-118 ("for you, probably yes")
  rests on 6 x 9.95 = 59.70 EUR > 49 EUR. pc5-051 infers "the duplicate will be delivered" from
  "can't be cancelled" once Processing.
  pc5-020 and pc5-125 (contradicted, wrong_comparison) are arithmetic slips on the customer's
  numbers (855.05 instead of 845.05 EUR; 4 started months instead of 5). pc5-018 (wrong_category:
  bike as home & kitchen) also gives the wrong window (30 instead of 45 days) that follows from it.
  pc5-124 is labelled wrong_fact though the passage's "No." makes it read like a negation.
- Held out: never train or tune the grounding classifier, its prompts or its thresholds on it.
  Once it has been studied, write a v6.

    python evaluation/datasets/build_policy_claims_v5.py [--force]

The JSONL is versioned: it is never rewritten in place; a changed set is a new file (v6).
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from evaluation.policy_claims import Case, main  # noqa: E402

OUT = Path(__file__).resolve().parent / "policy_claims_v5.jsonl"

S, C, U = "supported", "contradicted", "unsupported"
PERSON = "You can ask for a person at any time during chat hours (08:00-22:00 CET)."

# (type, label, question, answer, passage snippets)
CASES: list[Case] = [
    # --- returns and refunds ----------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "Hi, my sleeping bag was delivered on 12 April and I've decided I don't need it. Is 20 May too late to "
        "send it back? I'm not a Plus member",
        "You're fine! Sleeping bags count as outdoor gear, which has a 45-day return window counted from the "
        "delivery date. From 12 April that runs until 27 May, so sending it back on 20 May works as long as it's "
        "complete and clean.",
        [
            "Outdoor gear: examples Tents, sleeping bags, bikes; standard window 45 days",
            "Every window is counted in calendar days from the day the item was delivered",
        ],
    ),
    (
        "paraphrase",
        S,
        "opened my headphones (paid 120€), they work fine i just dont like the sound. what would i get back? not a "
        "member",
        "Since they've been opened and aren't faulty, a 15% restocking fee applies, which is 18 EUR on 120 EUR. As "
        "you're not a Lumen Plus member, the 4.95 EUR return label fee is deducted as well, so your refund would be "
        "97.05 EUR.",
        [
            "Opened headphones that work fine carry a 15% restocking fee.",
            "As a Lumen Plus member you would get 340 EUR",
        ],
    ),
    (
        "paraphrase",
        S,
        "Returning a jacket I paid 60 euros for. I'm a Lumen Plus member - if I go for store credit how much will I "
        "get and how long does it take?",
        "Good choice! As a Plus member your return label is free, so no label fee comes off the 60 EUR. Store "
        "credit adds a 5% bonus, which makes it 63 EUR, and it's added to your account instantly once the return "
        "has been checked in.",
        [
            "For example, a 100 EUR refund becomes 105 EUR of store credit.",
            "As a Lumen Plus member, your return label is always free",
        ],
    ),
    (
        "paraphrase",
        S,
        "I ordered a 3-pack of briefs in the wrong size, can I send them back?",
        "Sorry, briefs are underwear, which is on our list of items that can't be returned when you've simply "
        "changed your mind (for hygiene reasons). If they were faulty or not as described, you'd still be fully "
        "protected.",
        [
            "Underwear and swimwear: including bikinis, swim shorts, briefs",
            "If a non-returnable item is faulty or not as described, you are still fully protected.",
        ],
    ),
    (
        "paraphrase",
        S,
        "my return got to your warehouse on monday according to tracking. when does the money hit my visa??",
        "Our returns centre usually inspects parcels within 3 business days of arrival, and you'll get an email "
        "once that's done. After the inspection, the refund to your Visa card reaches you within 5-7 business days.",
        [
            "Our returns centre usually inspects parcels within 3 business days of arrival.",
            "Cards (Visa, Mastercard, American Express): the refund appears on your statement",
        ],
    ),
    (
        "paraphrase",
        S,
        "The kettle I ordered (the only thing in the order) arrived and won't heat up at all. I paid 9.95 for "
        "express, do I get that back as well?",
        "I'm sorry it arrived faulty! Since the kettle is faulty and you're sending back the whole order, we refund "
        "the 9.95 EUR Express charge too. Choose Faulty or damaged as the reason when you start the return, and the "
        "return label is free.",
        ["If you return the whole order, we also refund any Express or Next-day delivery charge."],
    ),
    (
        "paraphrase",
        S,
        "can u swap my boots for a 43 instead of 42?",
        "We don't do direct exchanges, but a swap is quick: order the 43s first so you get them while they're in "
        "stock, then return the 42s from Orders > Return items. If you choose store credit as your refund, it's "
        "added instantly once the return is checked in, with a 5% bonus you can use straight away.",
        ["We don't offer direct exchanges."],
    ),
    (
        "paraphrase",
        S,
        "sending back 2 shirts from the same order, will I be charged the 4.95 twice?",
        "No - if both shirts go back in one parcel, the 4.95 EUR fee only applies once. It isn't charged to your "
        "card either; it's taken off your refund.",
        ["If you return several items from the same order in one parcel, you only pay the fee once."],
    ),
    (
        "paraphrase",
        S,
        "cookbook was delivered on June 2nd, I'm a lumen plus member. is June 28 too late to return it?",
        "Not too late! Books normally have 14 days, but Plus members get 15 more, so 29 days from delivery. "
        "Counting from 2 June that's until 1 July, so 28 June is within it - just make sure the book is still in "
        "resaleable condition.",
        ["Books: examples Printed books; standard window 14 days; with lumen plus 29 days"],
    ),
    (
        "paraphrase",
        S,
        "Bought a camera for 300 EUR, never opened it, the seal is still on. If I return it what do I get back?",
        "As the seal is intact there's no restocking fee. You'd get a full refund minus the 4.95 EUR return label "
        "fee, so 295.05 EUR, or the full 300 EUR if you're a Lumen Plus member.",
        [
            "If the original seal is intact, you get a full refund",
            "Unopened electronics and faulty items have no restocking fee.",
        ],
    ),
    (
        "paraphrase",
        S,
        "I'm in Scotland and paid customs when my coat arrived. if I return it do I get the duties back?",
        "You can return it under the same rules and windows as EU customers, and we provide a prepaid label with a "
        "customs form. The import duties you paid on arrival aren't refunded by us, but many customs offices have a "
        "process for reclaiming them on returned goods.",
        ["Import duties you paid on arrival aren't refunded by us."],
    ),
    (
        "paraphrase",
        S,
        "I sent my speaker back as faulty, but what happens if your techs say nothing is wrong with it?",
        "If our technicians can't find a fault, we'll email you before doing anything else. You can then have the "
        "speaker sent back to you free of charge, or carry on with a normal return. In that case the standard rules "
        "apply: the 4.95 EUR label fee unless you're a Lumen Plus member, and the 15% restocking fee if it's opened "
        "electronics.",
        ["If we can't find a fault, we'll email you before doing anything else."],
    ),
    (
        "number_swap",
        C,
        "Opened a smart speaker and it works fine, but I've changed my mind. Are there any fees if I send it back?",
        "You can return it within 30 days of delivery. Because it's been opened and isn't faulty, a 20% restocking "
        "fee is taken off the refund, and the 4.95 EUR label fee applies too unless you're a Lumen Plus member.",
        [
            "smart-home devices such as smart plugs, speakers and cameras",
            "Restocking fee: 15% on opened electronics that are not faulty.",
        ],
    ),
    (
        "wrong_comparison",
        C,
        "headphones were delivered 3 May and today's 5 June, still ok to return? not a plus member, box is opened",
        "Yes, you're still within it - headphones count as electronics, which have a 30-day window from delivery. "
        "Since they've been opened, a 15% restocking fee would apply unless they're faulty.",
        ["Headphones count as electronics: 30 days, with a 15% restocking fee if opened and not faulty."],
    ),
    (
        "negation",
        C,
        "got a jacket in the winter sale, can I still return it if it doesnt fit?",
        "Unfortunately sale items can't be returned, so the jacket would have to stay with you. Full-price clothing "
        "can go back within 60 days if it's unworn with the tags on.",
        ["Yes, with the same return windows and rules as full-price items."],
    ),
    (
        "wrong_fact",
        C,
        "how quick is store credit compared to getting the refund on paypal?",
        "A refund to PayPal reaches you within 5-7 business days after we've inspected your return. Store credit "
        "takes the same 5-7 business days, but you get a 5% bonus on top.",
        ["added to your account instantly once your return is checked in"],
    ),
    (
        "universal_vs_conditional",
        C,
        "dress doesnt fit, do i have to pay to send it back?",
        "No, return shipping is always free - you'll get a prepaid label when you start the return under Orders > "
        "Return items. Dresses can go back within 60 days as long as they're unworn with the tags on.",
        [
            "Otherwise, a 4.95 EUR return label fee is deducted from your refund.",
            "Clothing & shoes: examples Jackets, jeans, trainers, boots; standard window 60 days",
        ],
    ),
    (
        "wrong_category",
        C,
        "how long do I get to return a bike? it's still in the box",
        "Bikes are treated as home & kitchen items, so you have 30 days from delivery to send one back (45 if you're "
        "a Lumen Plus member). It needs to be clean, complete and undamaged.",
        ["Bikes can be returned within 45 days as outdoor gear"],
    ),
    (
        "swapped_attribution",
        C,
        "My order came in two parcels - earbuds on 2 May and the laptop on 6 May. what's the last day to return each?",
        "Each item has its own window starting on the day it was delivered, and electronics get 30 days. So the "
        "earbuds can go back until 5 June and the laptop until 1 June.",
        ["If your headphones arrived on 2 May and your laptop on 6 May"],
    ),
    (
        "wrong_comparison",
        C,
        "opened my new laptop (1000 EUR), it's not faulty, I just want to return it. not a member. how much will I "
        "get?",
        "Because it's been opened and isn't faulty, the 15% restocking fee applies, which is 150 EUR, plus the 4.95 "
        "EUR return label fee. That leaves you with 855.05 EUR.",
        [
            "Opened laptops that aren't faulty carry a 15% restocking fee",
            "Return label fee: 4.95 EUR, unless the item is faulty or wrong, or you're a Lumen Plus member.",
        ],
    ),
    (
        "only_vs_list",
        C,
        "what stuff cant be returned?",
        "Only gift cards and digital downloads are excluded from returns. Everything else can be sent back within "
        "the window for its category.",
        [
            "Gift cards, digital downloads, opened software, personalised items, and underwear and swimwear cannot be "
            "returned."
        ],
    ),
    (
        "wrong_fact",
        C,
        "My brother sent me a toaster for my birthday but I already have one. Can I return it and get the money?",
        "Yes - you can return it through Guest returns using the order number, and the refund is paid to you as the "
        "recipient. Home & kitchen items can go back within 30 days of delivery.",
        [
            "the refund goes to the person who paid",
            "Home & kitchen: examples Coffee machines, cookware, bedding; standard window 30 days",
        ],
    ),
    (
        "unit_swap",
        C,
        "how long does it take you to check my return once it arrives?",
        "Our returns centre usually inspects parcels within 3 weeks of arrival, and we'll email you once that's "
        "done. The refund then reaches you within 5-7 business days.",
        ["Our returns centre usually inspects parcels within 3 business days of arrival."],
    ),
    (
        "added_clause",
        U,
        "I've started a return, how do I actually get it to you?",
        "You'll get an email with a PDF label and a QR code. Hand the parcel in at any drop-off point of our "
        "delivery partners or at a partner locker - if you only have the QR code, they'll print the label for you. "
        "Returns are then sent on to our returns centre in Leipzig.",
        [
            "If you only have the QR code, the staff or the locker will print the label for you.",
            "A PDF label to print and stick on the parcel.",
        ],
    ),
    (
        "invented",
        U,
        "I dropped off my return 3 weeks ago and the tracking hasn't moved, I think the carrier lost it. What now?",
        "Don't worry - if a return gets lost on the way to us, just send us your drop-off receipt and we'll refund "
        "you in full within 10 business days, whether or not the parcel turns up.",
        ["It proves that you sent the parcel if it gets lost on the way back to us."],
    ),
    (
        "added_clause",
        U,
        "can I drop my return at one of your lockers instead of a shop?",
        "Yes, partner lockers accept returns too. Start the return in your account, then scan the return QR code at "
        "the locker and a compartment opens. Returns dropped off on a Saturday are collected from the locker the "
        "following Monday.",
        ["Partner lockers also accept returns."],
    ),
    # --- shipping ---------------------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "my basket is 48 euro rn. how much is standard shipping? and what if i add a 5€ phone case?",
        "At 48 EUR, Standard delivery costs 4.95 EUR. Adding the 5 EUR case brings your total to 53 EUR, which is "
        "over the 50 EUR threshold, so Standard delivery would then be free.",
        ["Standard delivery is free when your order total is over 50 EUR (after any discounts)."],
    ),
    (
        "paraphrase",
        S,
        "If I order next day delivery at half 3 on a Friday afternoon when will it actually arrive?",
        "Next-day orders placed after 14:00 CET on a Friday are delivered on Tuesday, so if that's 15:30 CET yours "
        "would come on Tuesday. Next-day costs 14.95 EUR.",
        ["Orders placed after 14:00 on a Friday, or at the weekend, arrive on Tuesday."],
    ),
    (
        "paraphrase",
        S,
        "Shipping to Oslo - how long does it take, and can I pay extra for express?",
        "Deliveries to Norway take 5-8 business days and cost 19.95 EUR. Express isn't offered there (nor are "
        "Next-day or Click & Collect), and any customs duties or import taxes are paid by you when the parcel "
        "arrives.",
        [
            "Express, Next-day and Click & Collect aren't available for these countries.",
            "When the parcel arrives in your country, the carrier or postal service asks you to pay the duties",
        ],
    ),
    (
        "paraphrase",
        S,
        "ordering a 40 kg american fridge freezer. will the driver bring it up to my flat on the 3rd floor?",
        "Anything over 30 kg goes by freight, and delivery is to the kerbside or ground floor, so carrying it "
        "upstairs isn't included. Once it leaves our warehouse, the freight partner will contact you to book a "
        "delivery day and a 4-hour time slot.",
        [
            "Delivery is to the kerbside or ground floor.",
            "You choose a delivery day and a 4-hour time window.",
        ],
    ),
    (
        "paraphrase",
        S,
        "my click and collect parcel landed in the locker on the 3rd but I'm away till the 12th. will it still be "
        "there?",
        "Unfortunately not - lockers keep parcels for 7 days, so yours would only wait until about the 10th. After "
        "that it's sent back to us and the order is refunded automatically once it arrives. You could forward the "
        "pickup code to a friend or family member so they can collect it for you.",
        [
            "Your parcel waits for 7 days. After that it's sent back to us",
            "You can forward the pickup code to a friend or family member.",
        ],
    ),
    (
        "paraphrase",
        S,
        "tracking has said 'in transit' since Tuesday, it's now the following Monday and nothing has changed",
        "That's four business days (Wednesday to Friday, plus today) without any update, which is more than 3 "
        "business days. Please get in touch and we'll open an investigation with the carrier.",
        ["If nothing has changed for more than 3 business days, or the expected delivery date has passed"],
    ),
    (
        "paraphrase",
        S,
        "It says delivered but there's nothing here?? already checked my porch",
        "Sorry about that! Check with your neighbours, your building's reception and any safe place, and look for a "
        "delivery card in your letterbox. Carriers sometimes mark parcels as delivered a little early, so wait until "
        "the end of the next business day. If it still hasn't turned up, report it from Orders > Report a problem "
        "within 14 days of the delivery date.",
        ["Carriers sometimes mark parcels as delivered a little early."],
    ),
    (
        "paraphrase",
        S,
        "Can you send a 32kg cargo bike to my PO box?",
        "I'm afraid not. PO boxes are fine for normal parcels, but anything over 30 kg is delivered by freight and "
        "needs a street address where the driver can hand it over.",
        ["Bulky items go by freight and need a street address where the driver can hand them over."],
    ),
    (
        "paraphrase",
        S,
        "having it sent to my office. If I pick next-day at 11am on Friday, will it show up on Saturday?",
        "No - Next-day orders placed on a Friday before 14:00 CET arrive on Monday, so an order at 11:00 CET would "
        "reach your office then. Offices are closed at the weekend anyway.",
        ["so Next-day orders placed on a Friday before 14:00 CET arrive on Monday"],
    ),
    (
        "time_swap",
        C,
        "what's the latest I can order to get something tomorrow?",
        "Choose Next-day and order by 16:00 CET, Monday to Friday, and it arrives the next business day. It costs "
        "14.95 EUR.",
        ["Order by 14:00 CET, Monday to Friday, and your parcel arrives the next business day."],
    ),
    (
        "weekday_swap",
        C,
        "I placed a next-day order on Saturday morning, when will I get it?",
        "Next-day orders placed at the weekend are delivered on Monday, so you can expect it then. The Next-day "
        "charge is 14.95 EUR.",
        ["Orders placed after 14:00 on Friday or at the weekend arrive on Tuesday."],
    ),
    (
        "number_swap",
        C,
        "How much is delivery to Zurich?",
        "Delivery to Switzerland costs 29.95 EUR and takes 5-8 business days. Customs duties and import taxes "
        "aren't included and are paid by you.",
        ["We deliver to the UK, Switzerland and Norway in 5-8 business days for 19.95 EUR."],
    ),
    (
        "wrong_comparison",
        C,
        "buying 3 t-shirts at 15 EUR each, is standard delivery free then?",
        "Yes! Three shirts at 15 EUR each takes you over the 50 EUR threshold, so Standard delivery (3-5 business "
        "days) is free.",
        ["Our most popular option. Your parcel arrives within 3-5 business days and costs 4.95 EUR."],
    ),
    (
        "negation",
        C,
        "I live in Manchester, can I get my order sent to one of your lockers?",
        "Yes, Click & Collect is available for UK orders too - just pick a partner locker at checkout. It's free "
        "and takes 2-4 business days.",
        ["Orders to the UK, Switzerland or Norway."],
    ),
    (
        "unit_swap",
        C,
        "box turned up crushed and the lamp inside is cracked :( what do I do",
        "I'm sorry! Take photos of the outer box and the lamp, and report it from Orders > Report a problem within "
        "7 weeks of delivery. Return shipping for damaged items is free and there's no restocking fee.",
        ["Take photos of the outer box and the item, and report it within 7 days"],
    ),
    (
        "wrong_fact",
        C,
        "will I need to pay anything extra when my parcel arrives in the UK?",
        "No, the 19.95 EUR delivery charge to the UK already covers customs duties and import taxes, so there's "
        "nothing more to pay at the door. Delivery takes 5-8 business days.",
        ["Duties and import taxes aren't included in our prices or the delivery charge."],
    ),
    (
        "swapped_attribution",
        C,
        "whats the difference between standard and express?",
        "Standard takes 3-5 business days and costs 9.95 EUR, while Express gets to you in 1-2 business days for "
        "4.95 EUR. Standard is free on orders over 50 EUR.",
        ["Standard delivery (3-5 business days) costs 4.95 EUR and is free on orders over 50 EUR."],
    ),
    (
        "invented",
        U,
        "Can I pick a delivery time for my normal parcel? I work shifts",
        "Yes - for Standard and Express parcels you can choose a 2-hour delivery slot at checkout for an extra "
        "3 EUR, so you can match it to your shifts.",
        [
            "Delivery times are counted in business days (Monday to Friday, not counting public holidays)",
            "Not at home during the day? Have your order delivered to a partner locker",
        ],
    ),
    (
        "added_clause",
        U,
        "where can I find my tracking link?",
        "It's in the shipping confirmation email we send when your order ships, and under Orders in your account "
        "(select the order, then Track parcel). All our parcels are shipped in recycled, plastic-free packaging.",
        ["In the shipping confirmation email we send when your order ships."],
    ),
    # --- orders -----------------------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "placed an order at 10:05, it's 10:50 now and I want to cancel it. still possible?",
        "Yes, you're still inside the 60-minute window - it's been 45 minutes, so you have until 11:05. Go to "
        "Orders in your account, select the order and choose Cancel order. Nothing is charged, and the card "
        "authorisation is released.",
        ["Cancel order: cancels the whole order. Nothing is charged."],
    ),
    (
        "paraphrase",
        S,
        "ordered yesterday and it says Processing. I've just moved - can I still change where it goes?",
        "Yes, the delivery address can be changed until the order ships, even after the 60-minute window for "
        "other changes. Go to Orders, select the order and choose Change address. The new address has to be in the "
        "same country as the original one.",
        [
            "even after the 60-minute window for other changes has ended",
            "The new address must be in the same country as the original address",
        ],
    ),
    (
        "paraphrase",
        S,
        "forgot to put batteries in my order, can you add them on?",
        "Sorry, items can't be added to an existing order, so you'll need to place a new one for the batteries. If "
        "that new order comes to more than 50 EUR, Standard delivery is free.",
        ["Can I add an item to an existing order?"],
    ),
    (
        "paraphrase",
        S,
        "I ordered with standard delivery 2 hours ago, can I upgrade it to express now?",
        "Unfortunately not. Switching from Standard to Express is only possible within 60 minutes of ordering, "
        "using Change order, and it's now been two hours.",
        ["Only within 60 minutes of ordering, using Change order."],
    ),
    (
        "paraphrase",
        S,
        "pre-ordered the new phone at 899. if the price goes down before it's released do I still pay 899?",
        "No - if the price drops on Lumen Market before your pre-order ships, you automatically pay the lower "
        "price. Your card isn't charged until the item ships anyway.",
        [
            "you automatically pay the lower price",
            "your card is charged when the item ships, not when you pre-order",
        ],
    ),
    (
        "paraphrase",
        S,
        "oops i ordered the same hoover twice, only noticed 3 hours later. what now?",
        "After 60 minutes an order is in Processing and can't be cancelled, so the duplicate will be delivered. "
        "Once it arrives, return the extra hoover and contact us - we'll check whether the return label fee can be "
        "waived for a genuine duplicate.",
        [
            "We'll check whether the return label fee can be waived for a genuine duplicate.",
            "Once the 60 minutes have passed, your order status changes to Processing.",
        ],
    ),
    (
        "paraphrase",
        S,
        "support asked for my order number, I have LM-40217 - is that it?",
        "That looks incomplete: order numbers are LM- followed by 9 digits, and yours only has five. You'll find "
        "the full number in your confirmation email and under Orders.",
        ["Order number: starts with LM- followed by 9 digits. It's in your confirmation email and under Orders."],
    ),
    (
        "wrong_comparison",
        C,
        "I ordered an hour and a half ago, can I still cancel it?",
        "Yes, you can still cancel it yourself - orders can be cancelled within 60 minutes from Orders in your "
        "account, and you're inside that. Nothing will be charged.",
        ["60 minutes from placing it. Cancel from Orders in your account."],
    ),
    (
        "negation",
        C,
        "It's been 2 hours and I can't cancel in my account anymore. Can customer service cancel it for me?",
        "After the 60 minutes you can't cancel it yourself anymore, but our customer service team can still cancel "
        "a Processing order for you - just get in touch by chat or phone.",
        ["the order can't be cancelled or changed, not even by our customer service team"],
    ),
    (
        "wrong_fact",
        C,
        "order hasn't shipped yet, can I change the address from my flat in Vienna to my parents' place in Munich?",
        "Yes, you can change the delivery address until the order ships: go to Orders, select the order and choose "
        "Change address. Moving it to a different country is fine as long as it hasn't left the warehouse.",
        ["The new address must be in the same country as the original address"],
    ),
    (
        "number_swap",
        C,
        "my parcel came three weeks ago and I only just noticed the charger is missing, can I still report it?",
        "Yes - missing items can be reported within 30 days of delivery, so you're still in time. Go to Orders, "
        "choose Report a problem and select Item missing from parcel.",
        ["Please report missing items within 14 days of delivery."],
    ),
    (
        "wrong_fact",
        C,
        "where do i get an invoice for my order? I need it for work",
        "You can download the invoice under Orders straight after placing the order: select the order and choose "
        "Download invoice. It isn't attached to the confirmation email.",
        ["It becomes available under Orders when the order ships."],
    ),
    (
        "universal_vs_conditional",
        C,
        "my order is a 45kg sofa plus some cushions and it's coming in two shipments. am I paying delivery twice?",
        "No, you only ever pay one delivery charge per order, however many parcels or shipments it's split into.",
        ["The only exception is the 49 EUR freight charge for bulky items"],
    ),
    (
        "added_clause",
        U,
        "didn't get my order confirmation email, did the order go through?",
        "Check under Orders in your account: if the order is listed there, it was placed successfully. The email "
        "may also have landed in your spam, junk or promotions folder. We also send the confirmation by text "
        "message if you've saved a mobile number.",
        [
            "If the order is listed, it was placed successfully.",
            "It's in your spam, junk or promotions folder.",
        ],
    ),
    # --- payments ---------------------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "want to use klarna pay in 3 for a 450€ bike. how much is each payment and when?",
        "With Pay in 3, the 450 EUR is split into three equal instalments of 150 EUR, with no interest. The first "
        "is charged when your order ships, the second is due 30 days later and the third 60 days after the first.",
        ["The third is due 60 days after the first."],
    ),
    (
        "paraphrase",
        S,
        "why can't I see klarna at checkout? basket is 95 euros",
        "Klarna is only offered for orders between 100 EUR and 2,000 EUR, so a 95 EUR basket is just under the "
        "minimum. Other things that hide it are a gift card in the basket, or an address outside the countries "
        "Klarna supports for us.",
        ["Your order total is under 100 EUR or over 2,000 EUR."],
    ),
    (
        "paraphrase",
        S,
        "I chose bank transfer on the 3rd and got a reminder email today (the 8th). how long have i got?",
        "We hold bank transfer orders for 7 days, so an order from the 3rd is held until around the 10th. "
        "If the payment hasn't arrived by then, the order is cancelled automatically and the items go back into "
        "stock. A normal SEPA transfer takes 1-2 business days, while SEPA Instant usually arrives within minutes.",
        [
            "your order is cancelled automatically and the items go back into stock",
            "Instant transfers (SEPA Instant) usually arrive within minutes.",
        ],
    ),
    (
        "paraphrase",
        S,
        "why do i see two amounts from you on my card for one order??",
        "Usually one of them is the temporary authorisation from when you placed the order and the other is the "
        "real charge taken when it shipped. The authorisation expires automatically, usually within 7 days "
        "depending on your bank, and you're only charged once. If your order shipped in several parcels, you may "
        "also see a separate charge for each one.",
        [
            "You are only charged once.",
            "If your order ships in several parcels, you may see a separate charge for each one.",
        ],
    ),
    (
        "paraphrase",
        S,
        "bought a monitor for 299 on the 4th, today (15th) it's 259 on your site. can I get money back?",
        "Yes! The price dropped on Lumen Market and you're within 14 days of your purchase, so you can claim the "
        "40 EUR difference. Open the order under Orders, select the monitor and choose Price dropped?. The "
        "difference goes back to your original payment method within 5-7 business days, or you can take instant "
        "store credit.",
        [
            "You must claim within 14 days of your purchase (the date you placed the order).",
            "Select the item and choose Price dropped?",
        ],
    ),
    (
        "paraphrase",
        S,
        "can I pay with bitcoin, or cash when it arrives?",
        "Neither, I'm afraid: we don't offer cash on delivery, and we don't accept Bitcoin or any other "
        "cryptocurrency. You can pay by card, PayPal, Apple Pay, Google Pay, Klarna or bank transfer instead.",
        [
            "Visa, Mastercard, American Express, PayPal, Apple Pay, Google Pay, Klarna and bank transfer.",
            "Cryptocurrency: we don't accept Bitcoin or any other cryptocurrency.",
        ],
    ),
    (
        "paraphrase",
        S,
        "We're a company in the Netherlands with a VAT ID. Can the invoice be reverse charge?",
        "Yes - enter your company name and VAT ID at checkout. We check VAT IDs automatically, and for a valid VAT "
        "ID in another EU country the invoice is issued under the reverse-charge rules. Please add it before "
        "ordering, as a VAT ID can't be added once the order has shipped.",
        ["For valid VAT IDs in another EU country, the invoice is issued under the reverse-charge rules."],
    ),
    (
        "number_swap",
        C,
        "can I use klarna for a 2500€ TV?",
        "Yes, Klarna is available for orders between 100 EUR and 3,000 EUR, so a 2,500 EUR TV qualifies. You can "
        "pay in 30 days or in 3 interest-free instalments.",
        ["You can split orders between 100 EUR and 2,000 EUR into 3 interest-free instalments"],
    ),
    (
        "wrong_fact",
        C,
        "when do you actually take the money from my mastercard?",
        "We charge your Mastercard in full as soon as you place the order. Once it ships, you'll get a shipping "
        "email with a tracking link.",
        ["The actual charge happens on the day your order ships."],
    ),
    (
        "wrong_comparison",
        C,
        "bought a blender for 89 on 1 March and now (20 March) it's 69. can I claim the difference?",
        "Yes, you're within 14 days of your purchase, so you can claim the 20 EUR difference: open the order, "
        "select the blender and choose Price dropped?.",
        ["You must claim within 14 days of your purchase (the date you placed the order)."],
    ),
    (
        "negation",
        C,
        "already claimed a price drop on my speaker but it dropped again this week, can I claim a second time?",
        "Yes, you can claim again as long as you're still within 14 days of your purchase - each new drop on Lumen "
        "Market can be refunded.",
        ["No. Price drop protection can be used once per item."],
    ),
    (
        "only_vs_list",
        C,
        "which digital wallets can I pay with?",
        "The only digital wallet we accept is PayPal. You can also pay by Visa, Mastercard or American Express.",
        ["Apple Pay: on Safari with an iPhone, iPad or Mac."],
    ),
    (
        "swapped_attribution",
        C,
        "can I use apple pay on my windows laptop in chrome?",
        "Yes - Apple Pay works on Chrome and Android devices, while Google Pay is for Safari on an iPhone, iPad or "
        "Mac.",
        ["make sure your browser supports the wallet (Safari for Apple Pay, Chrome for Google Pay)"],
    ),
    (
        "date_swap",
        C,
        "chose klarna pay in 3, my order shipped on 1 March. when are the other two payments due?",
        "Your first instalment was taken when the order shipped on 1 March. The second is due 30 days later, on "
        "31 March, and the third on 31 May.",
        ["The third is due 60 days after the first."],
    ),
    (
        "invented",
        U,
        "is there an extra fee if I pay with amex?",
        "No, there's no surcharge for American Express - every card costs the same at checkout. Amex is accepted "
        "alongside Visa and Mastercard.",
        ["Debit and credit cards are both accepted."],
    ),
    (
        "added_clause",
        U,
        "how does paying by bank transfer work?",
        "After you place the order, you'll see our bank details and a payment reference on the confirmation page, "
        "and we email them to you too. Transfer the exact total using that reference; we hold the order for 7 days "
        "while we wait. Our account is with Deutsche Bank in Berlin.",
        ["You'll see our bank details and a payment reference on the confirmation page."],
    ),
    # --- warranty ---------------------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "can I get Lumen Care on the tablet I just bought?",
        "Unfortunately not - Lumen Care is only available for laptops, phones and TVs, not tablets. Your tablet "
        "still has the 2-year legal guarantee from the delivery date.",
        [
            "No. Lumen Care is only available for laptops, phones and TVs.",
            "Every product has a 2-year legal guarantee from the delivery date",
        ],
    ),
    (
        "paraphrase",
        S,
        "My laptop was delivered on 10 June. Today is 2 July - can I still add Lumen Care?",
        "Yes, you're still in time: Lumen Care can be added within 30 days of delivery, and it's been 22 days. Go "
        "to Orders, select the laptop and choose Add Lumen Care. You can pick 1 or 3 extra years, which gives 3 or "
        "5 years of protection in total.",
        [
            "afterwards, within 30 days of delivery, from Orders > select the item > Add Lumen Care.",
            "for a total of 3 or 5 years",
        ],
    ),
    (
        "paraphrase",
        S,
        "dropped my phone and the screen cracked. it's 8 months old, no Lumen Care+. is that covered?",
        "I'm sorry to hear that. A screen cracked in a drop counts as accidental damage, which isn't covered by the "
        "legal guarantee or standard Lumen Care - only by Lumen Care+. Without it, we can offer you a paid repair "
        "quote.",
        [
            "Otherwise we can offer a paid repair quote.",
            "Neither the legal guarantee nor standard Lumen Care covers drops, spills or cracked screens.",
        ],
    ),
    (
        "paraphrase",
        S,
        "laptop was delivered 8 months ago, battery health now says 76%. is that covered?",
        "Yes - batteries are covered for 1 year from delivery against dropping below 80% of their original "
        "capacity, and 76% after eight months qualifies. Go to Orders > Report a problem, choose the device, select "
        "Battery and add your battery health reading. We'll then send you a free shipping label for the repair.",
        [
            "If the capacity is below 80% and the device was delivered less than 1 year ago",
            "Batteries are covered for 1 year from delivery",
        ],
    ),
    (
        "paraphrase",
        S,
        "my headphones are 18 months old and the battery's down to 75%. can I claim?",
        "After the first year, gradual capacity loss counts as normal wear, so a drop to 75% at 18 months isn't "
        "covered. If the battery failed completely, though - say it swells or won't charge at all - that's a defect "
        "covered by the 2-year legal guarantee.",
        ["After the first year, gradual capacity loss is treated as normal wear and isn't covered"],
    ),
    (
        "paraphrase",
        S,
        "I've already made 2 accidental damage claims on my phone with Care+ in the last year, can I make a third?",
        "Lumen Care+ covers up to 2 accidental damage claims in any 12-month period, so a third one within that "
        "same period wouldn't be covered. Fault claims, where something stops working on its own, have no limit "
        "during the cover period.",
        ["Fault claims (things that stop working on their own) are unlimited during the cover period."],
    ),
    (
        "paraphrase",
        S,
        "selling my TV (still has 3 years of Lumen Care left) to a friend, does the cover go with it?",
        "Yes - Lumen Care is linked to the product, not to you, so the cover goes with the TV. Just tell us the "
        "new owner's name and email, and keep the order number handy, as that's all that's needed to make a claim.",
        ["Lumen Care is linked to the product, not to you."],
    ),
    (
        "number_swap",
        C,
        "how much longer does lumen care cover my phone?",
        "Lumen Care adds 2 or 4 extra years on top of the 2-year legal guarantee. You can buy it at checkout or "
        "within 30 days of delivery.",
        ["An extended warranty for laptops, phones and TVs that adds 1 or 3 years"],
    ),
    (
        "wrong_category",
        C,
        "can I get lumen care for my new aurora x2 headphones?",
        "Yes, Lumen Care covers headphones as well as laptops and phones - just add it within 30 days of delivery "
        "from Orders.",
        ["Lumen Care isn't available for headphones."],
    ),
    (
        "universal_vs_conditional",
        C,
        "my coffee machine pump has stopped building pressure, it's 14 months old. what happens now?",
        "That's covered by the 2-year legal guarantee. We'll always replace it with a brand-new machine, and "
        "shipping is free both ways.",
        [
            "a coffee machine pump that stops building pressure.",
            "The repair or replacement is free, including shipping both ways.",
        ],
    ),
    (
        "wrong_comparison",
        C,
        "my laptop arrived 40 days ago, is it too late to add lumen care?",
        "You're still in time - Lumen Care can be added within 30 days of delivery, so go to Orders, select the "
        "laptop and choose Add Lumen Care.",
        ["After 30 days from delivery, Lumen Care can no longer be added."],
    ),
    (
        "unit_swap",
        C,
        "I've submitted a warranty claim for my kettle, how soon will I hear back?",
        "We usually check claims within 1 hour and email you a free shipping label. Once the kettle reaches our "
        "service centre, the repair or replacement usually takes 7-10 business days.",
        ["We check your claim, usually within 1 business day, and email you a free shipping label."],
    ),
    (
        "wrong_fact",
        C,
        "my blender broke after 10 months. do I have to contact the manufacturer?",
        "Yes, legal guarantee claims are handled by the manufacturer, so please contact them directly with your "
        "order number. Lumen Market only handles Lumen Care claims.",
        ["You bought the product from Lumen Market, so we're responsible for the legal guarantee."],
    ),
    (
        "added_clause",
        U,
        "does Lumen Care+ cover me if I spill water on my laptop?",
        "Yes - liquid damage from spills counts as accidental damage, which Lumen Care+ covers for laptops. It has "
        "to be bought within 30 days of delivery. Lumen Care+ usually costs around 15% of the laptop's price.",
        [
            "Liquid damage from spills.",
            "Like Lumen Care, it's available for laptops, phones and TVs",
        ],
    ),
    (
        "invented",
        U,
        "my laptop has been at your repair centre for 3 weeks now, do I get any compensation?",
        "If a repair takes longer than 10 business days, you're entitled to compensation of 10% of the purchase "
        "price - just ask our team once the laptop is back with you.",
        ["This usually takes 7-10 business days from when it arrives."],
    ),
    # --- gift cards -------------------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "want to give my sister a 700 euro gift card for her wedding, is that possible?",
        "A single gift card goes up to 500 EUR, so for 700 EUR you'd buy more than one - for example one for 500 "
        "EUR and one for 200 EUR. Any whole euro amount from 10 to 500 EUR works.",
        ["If you want to give more than 500 EUR, buy several gift cards."],
    ),
    (
        "paraphrase",
        S,
        "found a gift card my gran bought me in May 2023, can I still use it now in 2025?",
        "Yes - gift cards are valid for 3 years from the date of purchase, so one bought in May 2023 lasts until "
        "May 2026. The exact expiry date is printed on the card.",
        ["Every gift card is valid for 3 years from the date of purchase."],
    ),
    (
        "paraphrase",
        S,
        "Can I buy an e-gift card now and have it arrive on my friend's birthday in 4 months?",
        "Yes! You can schedule an e-gift card up to 12 months ahead, and it's sent at 08:00 CET on the date you "
        "choose. Just note that the 3-year validity counts from the day you buy it, not the delivery date.",
        ["The e-gift card is sent at 08:00 CET on that date."],
    ),
    (
        "paraphrase",
        S,
        "lost the physical gift card I got for christmas, but my mum still has the invoice. can it be replaced?",
        "Yes - with the purchase receipt we can help. Your mum can send us a copy of the invoice herself, or "
        "forward the order confirmation to you. We check the balance, block the old card and issue a new e-gift "
        "card for whatever hasn't been spent, keeping the original expiry date.",
        ["If the gift card was a present, ask the person who bought it to forward the order confirmation"],
    ),
    (
        "paraphrase",
        S,
        "can I send a physical gift card to my cousin in Switzerland?",
        "Physical gift cards can only be shipped within the EU, so not to Switzerland. An e-gift card would work "
        "though: the balance is in euros and can be used for deliveries to Switzerland.",
        [
            "Physical gift cards themselves can only be shipped within the EU.",
            "Gift cards in physical form (e-gift cards work everywhere).",
        ],
    ),
    (
        "paraphrase",
        S,
        "my order is 35€ and I have a 50€ gift card. what happens to the rest?",
        "The 35 EUR is taken off the card, leaving 15 EUR on it. That balance stays on the card until it expires, "
        "3 years from when the card was bought, but it can't be paid out as cash.",
        ["If your order costs less than the gift card balance, the rest stays on the card until it expires"],
    ),
    (
        "number_swap",
        C,
        "bought an e-gift card for my colleague ten mins ago, how long till it arrives?",
        "E-gift cards are sent by email, usually within 45 minutes of payment, so give it a little longer and check "
        "the spam folder too.",
        ["Most e-gift cards arrive within a few minutes, and all within 15 minutes of payment."],
    ),
    (
        "negation",
        C,
        "can i buy a 200 euro gift card with klarna?",
        "Yes, Klarna can be used for gift cards as long as your order is between 100 EUR and 2,000 EUR, so a "
        "200 EUR gift card works.",
        ["No. Gift cards can be paid by card, PayPal, Apple Pay, Google Pay or bank transfer."],
    ),
    (
        "date_swap",
        C,
        "I bought a gift card on 12 November 2024, when does it expire?",
        "Gift cards are valid for 3 years from the date of purchase, so yours can be used until 12 November 2026.",
        ["After that, any remaining balance expires."],
    ),
    (
        "wrong_fact",
        C,
        "my gift card was stolen, luckily I have the receipt. will the new one have the same expiry?",
        "With the receipt we can block the stolen card and issue a new e-gift card for the unspent balance. The "
        "replacement comes with a fresh 3-year validity from the day it's issued.",
        ["The replacement card keeps the original expiry date"],
    ),
    (
        "swapped_attribution",
        C,
        "where do I put my gift card in at checkout? which numbers do I need?",
        "Under Payment, select Add a gift card and enter the 4-digit card number and the 16-digit PIN. On physical "
        "cards, the PIN is under a scratch-off strip.",
        ["Enter the 16-digit gift card number and the 4-digit PIN."],
    ),
    (
        "time_swap",
        C,
        "if I schedule an e-gift card for 14 Feb, what time does it get sent?",
        "Scheduled e-gift cards go out at midnight CET on the chosen date, so it'll be waiting in their inbox first "
        "thing on 14 February.",
        ["The e-gift card is sent at 08:00 CET on that date."],
    ),
    (
        "added_clause",
        U,
        "we want about 40 gift cards for our staff, is there a bulk option?",
        'Yes - for more than 20 gift cards, email support@lumenmarket.example with the subject "Corporate gift '
        "cards\" and we'll send you an offer. Corporate orders of 50 cards or more also get a 5% discount.",
        ["Need more than 20 gift cards, for example as employee rewards?"],
    ),
    # --- account ----------------------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "trying to set my password to a 10 character one and it won't let me",
        "That's because passwords need at least 12 characters, so 10 is too short. You don't need special "
        "characters or numbers - a passphrase of a few random words works well.",
        ["You don't have to use special characters or numbers, but you can."],
    ),
    (
        "paraphrase",
        S,
        "got locked out after typing my password wrong loads of times, it locked at 9:40. when can I try again?",
        "After 5 failed sign-in attempts the account is locked for 15 minutes, so you can try again from 9:55. "
        "If you've forgotten the password, you can also reset it instead of waiting.",
        ["After 5 failed sign-in attempts, we lock the account for 15 minutes"],
    ),
    (
        "paraphrase",
        S,
        "lost my phone AND my backup codes, how do i get back into my account",
        "In that case, please contact us. For your security we'll verify your identity using details from a recent "
        "order before we turn off 2FA, and that can take up to 2 business days.",
        ["we'll verify your identity with details from a recent order before we turn off 2FA"],
    ),
    (
        "paraphrase",
        S,
        "I asked to delete my account on 1 March but I've changed my mind, today is 20 March. too late?",
        "Not too late! Deletion takes 30 days and it's only been 19. Sign in and select Cancel deletion on the "
        "banner at the top of the page, or use the link in your confirmation email, and everything stays as it was.",
        ["just sign in and select Cancel deletion on the banner at the top of the page"],
    ),
    (
        "paraphrase",
        S,
        "can I get my 2FA codes by text instead of using an app?",
        "No, 2FA only works with authenticator apps, because text messages are less secure. Any TOTP app will do, "
        "such as Google Authenticator, Microsoft Authenticator or Authy.",
        ["No. We only support authenticator apps, because text messages are less secure."],
    ),
    (
        "paraphrase",
        S,
        "im 16, can I make an account to buy a tent?",
        "Sorry, you need to be at least 18 to create an account and place orders, so at 16 you can't set one up yet.",
        ["You must be at least 18 years old to create an account and place orders."],
    ),
    (
        "paraphrase",
        S,
        "requested a download of my data, how long till it's ready and how long can I download it for?",
        "The ZIP file is usually ready within 24 hours. We then email you a download link, which stays valid for "
        "7 days.",
        ["It's usually ready within 24 hours, and we email you a download link that's valid for 7 days."],
    ),
    (
        "number_swap",
        C,
        "clicked forgot password yesterday but didn't open the email till now. will the link still work?",
        "The reset link stays valid for 24 hours, so if it's been longer than that, just request a new one with "
        "Forgot password? on the sign-in page.",
        ["We send you a reset link. It's valid for 1 hour."],
    ),
    (
        "wrong_comparison",
        C,
        "signed up 3 days ago but never clicked the confirmation link. is it still ok?",
        "Yes, new accounts have to be confirmed within 48 hours, so you're still in time - just open the link in "
        "the email to activate your account.",
        ["New accounts must be confirmed within 48 hours."],
    ),
    (
        "negation",
        C,
        "do I have to set up 2fa on my account?",
        "Yes, two-factor authentication is required for every account. It works with any authenticator app, such "
        "as Google Authenticator or Authy.",
        ["Two-factor authentication is optional and works with any authenticator app (TOTP)"],
    ),
    (
        "wrong_fact",
        C,
        "if I delete my account what happens to my old orders and invoices?",
        "After the 30-day waiting period everything is deleted, including your order history and invoices, so "
        "download anything you need first.",
        ["Order records and invoices are kept for 7 years because tax law requires it."],
    ),
    (
        "unit_swap",
        C,
        "my account got locked after a few wrong passwords, how long for?",
        "After 5 failed sign-in attempts, the account is locked for 15 hours to protect it. You can wait, or reset "
        "your password.",
        ["After 5 failed sign-in attempts, accounts are locked for 15 minutes."],
    ),
    (
        "invented",
        U,
        "I have two accounts with different emails, can you merge them into one?",
        "Yes, our customer service team can merge two accounts for you - your order history and store credit are "
        "moved over to the account you want to keep.",
        ["Each email address can only be linked to one account."],
    ),
    # --- Lumen Plus -------------------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "my plus membership renewed on 1 March and I want to cancel today, 3 September. how much do I get back?",
        "You've started seven months (March to September), so you get the five unused full months back: 49 EUR x "
        "5/12 = 20.42 EUR. It goes to the card or PayPal account you paid with within 5-7 business days.",
        ["We refund every full month you haven't started yet."],
    ),
    (
        "paraphrase",
        S,
        "I use express about 6 times a year, is lumen plus worth it for me?",
        "For you, probably yes: six Express deliveries at 9.95 EUR each come to 59.70 EUR, which is more than the "
        "49 EUR yearly fee. On top of that you'd get free return labels and 15 extra days on returns.",
        [
            "the free Express benefit alone covers the fee",
            "Free Express delivery on every order, 15 extra days to return items",
        ],
    ),
    (
        "paraphrase",
        S,
        "started the plus free trial but not sure. if I cancel now do I lose free express straight away?",
        "No - if you cancel during the 30-day trial, you aren't charged anything and your benefits carry on until "
        "the trial ends.",
        ["your benefits continue until the end of the 30-day trial."],
    ),
    (
        "paraphrase",
        S,
        "I had lumen plus until about 8 months ago, can I get another free trial?",
        "Unfortunately not yet: the free trial is only for accounts that haven't had Lumen Plus or a trial in the "
        "last 12 months. You can rejoin straight away for 49 EUR a year, though.",
        [
            "Anyone with a Lumen Market account who hasn't had Lumen Plus or a free trial in the last 12 months.",
            "You can rejoin at any time for 49 EUR a year.",
        ],
    ),
    (
        "paraphrase",
        S,
        "can my husband use my lumen plus on his own account?",
        "Lumen Plus is linked to one account, so it can't be shared with his. What you can do is send orders from "
        "your account to any address you like, with your benefits such as free Express delivery.",
        ["Benefits apply to any delivery address you choose"],
    ),
    (
        "paraphrase",
        S,
        "I don't want plus to renew next year, but I want to keep free express until then",
        "Then turn off Auto-renew under Account > Lumen Plus instead of cancelling. Your membership ends on the "
        "renewal date, you keep the benefits until then and you won't be charged again - there's just no refund in "
        "that case.",
        ["turn off Auto-renew under Account > Lumen Plus instead of cancelling"],
    ),
    (
        "number_swap",
        C,
        "how much is lumen plus a year?",
        "Lumen Plus costs 59 EUR a year, and new members can start with a 30-day free trial.",
        ["49 EUR per year. New members start with a 30-day free trial."],
    ),
    (
        "wrong_fact",
        C,
        "just joined plus today, do my jeans from last month get the extra 15 days?",
        "Yes - once you're a member, the extra 15 days apply to all your orders, including ones placed before you "
        "joined, so your jeans now have 75 days.",
        ["No. The extra 15 days apply to orders placed while your membership or trial is active."],
    ),
    (
        "wrong_comparison",
        C,
        "my membership renewed 1 Feb and I'm cancelling today, 20 June. what's my refund?",
        "You've used four months so far, so you get eight months back: 49 EUR x 8/12 = 32.67 EUR.",
        ["Example: Your membership renewed on 1 February and you cancel on 18 May."],
    ),
    (
        "universal_vs_conditional",
        C,
        "I'm a plus member, is delivery to my address in London free?",
        "Yes - as a Lumen Plus member every delivery is free, with no minimum order value, so your London order "
        "ships at no cost.",
        ["No. Deliveries to the UK, Switzerland and Norway cost 19.95 EUR"],
    ),
    (
        "negation",
        C,
        "as a plus member, do I pay the restocking fee if I return opened headphones?",
        "No, Lumen Plus members don't pay the 15% restocking fee on opened electronics, and your return label is "
        "free too.",
        ["No. Opened electronics that aren't faulty still carry the 15% restocking fee."],
    ),
    (
        "added_clause",
        U,
        "what do I actually get with lumen plus?",
        "Lumen Plus is 49 EUR a year and gives you free Express delivery on every order, 15 extra days to return "
        "items and free return labels, and there's a 30-day free trial to start. Most members earn the fee back "
        "within their first three months.",
        ["Our membership for 49 EUR a year: free Express delivery, 15 extra days for returns and free return labels"],
    ),
    # --- contact and general FAQ ------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "I'm in London and it's 21:30 here, is your chat still open?",
        "Unfortunately it's just closed: CET is 1 hour ahead of UK time, so chat runs from 07:00 to 21:00 UK time. "
        "You can still leave a message in the chat window and we'll reply by email.",
        [
            "chat is open from 07:00 to 21:00 UK time",
            "You can also leave a message in the chat outside its opening hours and we'll reply by email.",
        ],
    ),
    (
        "paraphrase",
        S,
        "is your phone line open on German public holidays? need to call about a bulky delivery",
        "The phone line is closed on German public holidays. Chat stays open on most public holidays, though, and "
        "emails are still answered within 24 hours.",
        ["The phone line is closed on German public holidays. Email is answered within 24 hours as usual."],
    ),
    (
        "paraphrase",
        S,
        "not happy with how my complaint was handled. what can I do next?",
        "You can reply to the email or ask in chat for your case to be escalated, and a team lead will review it "
        "and reply within 5 business days. If it's still not resolved, you can send a formal complaint by email "
        'with the subject "Formal complaint" or by post. Formal complaints are acknowledged within 2 business days '
        "and get a final written response within 14 days.",
        ["A team lead reviews it and replies within 5 business days."],
    ),
    (
        "paraphrase",
        S,
        "can I place an order over the phone? my laptop is broken",
        "Sorry, orders can only be placed on our website or in the Lumen Market app, not by phone. Our phone team "
        "can help with questions while you order, though.",
        ["No, orders can only be placed on our website or in the Lumen Market app."],
    ),
    (
        "paraphrase",
        S,
        "do you ship to Serbia?",
        "I'm afraid not. We deliver to all EU countries plus the United Kingdom, Switzerland and Norway, and we "
        "don't ship to other non-EU countries.",
        [
            "We don't ship to other non-EU countries.",
            "All EU countries, plus the United Kingdom, Switzerland and Norway.",
        ],
    ),
    (
        "paraphrase",
        S,
        "can someone help me in French on the phone?",
        "Our customer service answers in English and German, so unfortunately we can't offer support in French.",
        ["Our customer service answers in English and German."],
    ),
    (
        "time_swap",
        C,
        "what time can I call you?",
        "Our phone line, +49 30 1234 5678, is open Monday to Friday from 08:00 to 20:00 CET.",
        ["Hours: Monday to Friday, 09:00-18:00 CET."],
    ),
    (
        "weekday_swap",
        C,
        "can I ring you on a saturday?",
        "Yes, the phone line on +49 30 1234 5678 is open Monday to Saturday, 09:00-18:00 CET. Chat is also open "
        "every day from 08:00 to 22:00 CET.",
        ["The phone line is closed at weekends and on German public holidays."],
    ),
    (
        "time_swap",
        C,
        "I'm in Athens, what are your chat hours in my time?",
        "CET is 1 hour behind Greek time, so chat is open from 07:00 to 21:00 your local time.",
        ["Customers in Finland, Greece, the Baltic states"],
    ),
    (
        "wrong_fact",
        C,
        "can I just post my return to your address on Musterstrasse?",
        "Yes, you can send returns to Lumen Market GmbH, Musterstrasse 12, 10115 Berlin - just include your order "
        "number so we can match it.",
        ["Please don't send returns to this address."],
    ),
    (
        "invented",
        U,
        "can you call me back instead of me waiting on the phone line?",
        "Yes - ask for a callback in chat and our phone team will ring you back within 2 hours during phone hours "
        "(Monday to Friday, 09:00-18:00 CET).",
        ["Number: +49 30 1234 5678."],
    ),
    (
        "added_clause",
        U,
        "the kettle I want is out of stock, will it be back?",
        "Select Notify me on the product page and we'll email you as soon as it's available again. Customers who "
        "sign up for Notify me get 24 hours of early access before it goes back on general sale.",
        ["Select Notify me on the product page and we'll email you as soon as it's available again."],
    ),
    # --- Lumen Volt 14 laptop ---------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "my volt 14 is completely flat and I've got an hour before my train. how much can I charge it?",
        "With the 65 W USB-C adapter from the box, the battery goes from 0 to 80% in about 60 minutes, so in an "
        "hour you should get close to 80%. It charges fastest when the laptop is switched off or asleep.",
        ["Fast charging works best when the laptop is switched off or asleep."],
    ),
    (
        "paraphrase",
        S,
        "can I charge the volt 14 with the 45W usb-c charger from my old laptop?",
        "Yes, the Volt 14 charges with other USB-C Power Delivery chargers too. With a 45 W one it just takes "
        "longer, and under heavy load the battery may only charge slowly.",
        ["With a charger of 45 W, charging takes longer and the battery may only charge slowly under heavy load."],
    ),
    (
        "paraphrase",
        S,
        "can I run two external monitors off the volt 14?",
        "Yes, up to two at once: one over HDMI 2.1 (up to 4K at 120 Hz) and one over USB-C with DisplayPort output "
        "(up to 4K at 60 Hz). A USB-C monitor with 65 W or more Power Delivery can also charge the laptop through "
        "the same cable.",
        ["You can connect up to two external monitors at the same time"],
    ),
    (
        "paraphrase",
        S,
        "my volt 14 never charges past 80%, is the battery broken?",
        "Probably not - that's Battery care mode, which stops charging at 80% to slow down battery ageing, and "
        "it's on by default. If you'd rather charge to 100%, switch it off in the Lumen Control Centre app under "
        "Power > Battery care.",
        ["Battery care mode is on by default."],
    ),
    (
        "paraphrase",
        S,
        "want to put a 2TB ssd in my volt 14, will that work and what tools do I need?",
        "Yes - the Volt 14 takes a standard M.2 2280 NVMe drive, and drives up to 4 TB are supported, so 2 TB is "
        "fine. You'll need a Torx T5 screwdriver for the 8 bottom-cover screws, a small Phillips PH0 screwdriver and "
        "a plastic opening tool. Swapping it yourself doesn't affect your guarantee as long as nothing is damaged "
        "during the upgrade.",
        ["You will need a Torx T5 screwdriver, a small Phillips PH0 screwdriver, a plastic opening tool"],
    ),
    (
        "swapped_attribution",
        C,
        "whats the difference between forcing my volt 14 off and resetting the BIOS?",
        "To reset the BIOS, unplug the charger and hold the power button for 5 seconds. If Windows has just "
        "frozen, hold the power button for 15 seconds to force the laptop to switch off.",
        ["Don't confuse the BIOS reset with a forced shutdown."],
    ),
    (
        "negation",
        C,
        "can I add more ram to the volt 14 later on?",
        "Yes, you can upgrade the 16 GB of LPDDR5x memory later, so you don't need to buy more than you need now.",
        ["The memory is soldered to the mainboard and is not upgradeable."],
    ),
    (
        "number_swap",
        C,
        "what refresh rate does the volt 14 screen have? I play some games",
        "The Volt 14 has a 14-inch 2880 x 1800 display with a refresh rate of up to 120 Hz and up to 400 nits of "
        "brightness.",
        ["a refresh rate of up to 90 Hz"],
    ),
    (
        "only_vs_list",
        C,
        "which port do I plug the charger into on the volt 14?",
        "Only the rear USB-C port on the left side supports charging, so plug the 65 W adapter in there. The "
        "charging LED lights white while it charges.",
        ["Both ports can be used for charging."],
    ),
    (
        "wrong_fact",
        C,
        "can I take my volt 14 in my hand luggage on a flight?",
        "No, the 72 Wh battery is above the usual airline limit for hand luggage, so the laptop needs to go in "
        "your checked bag.",
        ["72 Wh is below the usual 100 Wh airline limit."],
    ),
    (
        "added_clause",
        U,
        "is replacing the ssd in my volt 14 going to void my warranty?",
        "No - the SSD is a standard drive that's meant to be upgradeable, and opening the bottom cover to replace "
        "it doesn't affect the legal guarantee or Lumen Care, as long as nothing gets damaged during the upgrade. "
        "If you'd rather not do it yourself, our service centre can fit a new SSD for you for a flat 49 EUR.",
        ["Opening the bottom cover to replace the SSD doesn't affect your legal guarantee or Lumen Care"],
    ),
    # --- BrewMaster 900 coffee machine ------------------------------------------------------------
    (
        "paraphrase",
        S,
        "orange light is on on my brewmaster, how do I descale it?",
        "Empty the drip tray and grounds container, remove the steam wand tip and take out the water filter if you "
        "use one. Fill the tank to the 0.5 L mark, add one 100 ml bottle of descaler, put a container that holds at "
        "least 0.6 L under the spout and wand, then hold Clean for 3 seconds. When it pauses, rinse the tank, fill "
        "it with fresh water to MAX and press Clean again for the rinse; it's finished when the orange light goes "
        "out. Allow about 30 minutes.",
        [
            "Fill the water tank with water up to the 0.5 L mark and add one bottle (100 ml) of descaler.",
            "or another liquid descaler for coffee machines based on citric or lactic acid",
        ],
    ),
    (
        "paraphrase",
        S,
        "steady red light on the coffee machine but the tank is full",
        "A steady red light means the grounds container is full or the drip tray isn't fitted. Empty the grounds "
        "container while the machine is switched on, so the counter resets, and make sure the drip tray is in "
        "place.",
        ["Empty the grounds container with the machine switched on, so that the counter resets."],
    ),
    (
        "paraphrase",
        S,
        "I descaled my brewmaster 10 weeks ago but the orange light is already on again. should I do it now?",
        "Yes, descale it now. The rule is every 3 months or as soon as the orange light comes on, whichever comes "
        "first. The light depends on how much water you've used and your water hardness setting, so with very hard "
        "water it can come on sooner than every 3 months.",
        ["With very hard water, this can happen sooner than every 3 months."],
    ),
    (
        "paraphrase",
        S,
        "I put my brewmaster on a smart plug timer but it doesn't switch on in the morning??",
        "That's expected: the BrewMaster 900 has an electronic power switch, so even after a smart plug or timer "
        "turns the power on, you still have to press the Power button on the machine.",
        ["The BrewMaster 900 has an electronic power switch."],
    ),
    (
        "paraphrase",
        S,
        "how often do I change the brewmaster water filter, and do I need to do anything after?",
        "Replace it every 2 months, or when the filter symbol comes on. After fitting the new one, register it by "
        "holding the Clean and Coffee buttons together for 3 seconds; the filter symbol lights up briefly.",
        ["Register the filter: hold the Clean and Coffee buttons together for 3 seconds."],
    ),
    (
        "number_swap",
        C,
        "how big is the water tank on the brewmaster 900?",
        "The removable water tank holds 1.5 litres. Fill it with fresh, cold water up to the MAX mark.",
        ["Water tank: 1.8 L, removable"],
    ),
    (
        "swapped_attribution",
        C,
        "my brewmaster red light is flashing, what does that mean?",
        "A flashing red light means the grounds container is full or the drip tray is missing, while a steady red "
        "light means the water tank is empty. Empty the grounds container and check the drip tray.",
        ["Red light flashing: the water tank is empty."],
    ),
    (
        "wrong_comparison",
        C,
        "it's been 4 months since I last descaled but the orange light hasn't come on. do I need to?",
        "The BrewMaster needs descaling every 3 months or when the orange light comes on, whichever happens first. "
        "Four months is still inside that interval, so you can wait until the light appears.",
        ["Regular descaling is essential."],
    ),
    (
        "unit_swap",
        C,
        "how long does the brewmaster take to heat up in the morning?",
        "It heats up in about 40 minutes. The white light flashes while it's heating and stays on once it's ready "
        "to brew.",
        ["Heating takes about 40 seconds."],
    ),
    (
        "wrong_category",
        C,
        "can I return my brewmaster 900 if I've already used it? how long do I have?",
        "The BrewMaster 900 counts as electronics, so you have 30 days from delivery (45 with Lumen Plus), and "
        "because it's been used, a 15% restocking fee is deducted. Please clean and empty it before sending it "
        "back.",
        ["The BrewMaster 900 is a home and kitchen product."],
    ),
    (
        "invented",
        U,
        "does the brewmaster do hot water for tea?",
        "Yes - press the Steam button twice and the machine dispenses hot water from the steam wand, ready for "
        "your tea.",
        ["The control panel has six buttons: Power, Espresso, Coffee, Strength, Steam and Clean."],
    ),
    # --- Aurora X2 wireless headphones ------------------------------------------------------------
    (
        "paraphrase",
        S,
        "my aurora x2 are dead and I've only got 10 minutes before I leave for a 4 hour train ride. will a quick "
        "charge be enough?",
        "It should be: 10 minutes of charging gives up to 5 hours of playback, which covers a 4-hour trip. Very "
        "high volume or cold temperatures can shorten battery life, though.",
        [
            "Quick charge: 10 minutes of charging gives up to 5 hours of playback.",
            "Playing at very high volume or in the cold reduces battery life.",
        ],
    ),
    (
        "paraphrase",
        S,
        "can the aurora x2 connect to my laptop and my phone at the same time?",
        "Yes, they support multipoint for two devices. Pair the first device, switch the headphones off, hold the "
        "power button for 5 seconds until the LED flashes blue again, then pair the second device and reconnect "
        "the first one from its Bluetooth menu. An incoming call on your phone always takes priority.",
        ["An incoming call on your phone always takes priority."],
    ),
    (
        "paraphrase",
        S,
        "battery died on my aurora x2 mid flight, can I still use them with the cable?",
        "Yes - plug the 3.5 mm cable into the jack on the left ear cup and they work passively even with an empty "
        "battery. Just note that Bluetooth is disabled while the cable is connected.",
        ["The headphones work passively when switched off or when the battery is empty."],
    ),
    (
        "paraphrase",
        S,
        "can i wear my aurora x2 in the shower?",
        "Please don't: they're rated IPX4, which protects against splashes like sweat or light rain, but they "
        "aren't waterproof. Don't wear them in the shower, bath or pool, and let the USB-C port dry completely "
        "before charging.",
        ["It's protected against splashing water from any direction, such as sweat or light rain."],
    ),
    (
        "paraphrase",
        S,
        "my old headphones are broken, do you take them back for recycling?",
        "Yes, Lumen Market takes back old headphones free of charge. Contact customer service for a free shipping "
        "label, and please don't throw them away with household waste.",
        ["Lumen Market takes back old headphones free of charge."],
    ),
    (
        "number_swap",
        C,
        "how long does the aurora x2 battery last with noise cancelling on?",
        "With ANC switched on you get up to 35 hours of playback, and up to 40 hours with it off.",
        ["With a full charge, the Aurora X2 plays music for:"],
    ),
    (
        "wrong_fact",
        C,
        "how do I get my aurora x2 into pairing mode?",
        "With the headphones switched off, hold the power button for 5 seconds until the LED flashes white and you "
        'hear "Pairing". Then choose Aurora X2 in your device\'s Bluetooth settings.',
        ["Hold the power button (right ear cup) for 5 seconds until the LED flashes blue."],
    ),
    (
        "only_vs_list",
        C,
        "which bluetooth codecs does the aurora x2 support? want to use it with my iphone",
        "The Aurora X2 uses Bluetooth 5.3 and only supports the SBC codec.",
        ["Supported codecs: SBC and AAC."],
    ),
    (
        "negation",
        C,
        "if I plug the aux cable into my aurora x2 can I still use bluetooth with my phone?",
        "Yes, Bluetooth stays active while the 3.5 mm cable is connected, so you can switch between wired and "
        "wireless. ANC also works in wired mode when the headphones are switched on.",
        ["Bluetooth is disabled while the cable is connected."],
    ),
    (
        "added_clause",
        U,
        "how do I factory reset my aurora x2?",
        "Switch them on, then hold both volume buttons together for 10 seconds. The LED flashes red and blue "
        "alternately three times and the headphones restart; then remove them from your device's Bluetooth list "
        "and pair again. A reset doesn't roll back any firmware updates you've installed.",
        ["Remove the Aurora X2 from your device's Bluetooth list, then pair again as described in section 6.1."],
    ),
    # --- TrailLite 2 tent -------------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "will the traillite 2 fit me, my girlfriend and our labrador?",
        "It'll be tight. The TrailLite 2 is a 2-person tent, and a 2-person tent fits two standard sleeping mats "
        "side by side with little room to spare; if you camp with a dog, it's worth considering going one size up. "
        "For reference, the inner floor is 215 x 130 cm.",
        [
            "If you're tall, camp with a dog, or want to keep your pack inside, consider going one size up.",
            "Inner tent floor: value 215 × 130 cm.",
        ],
    ),
    (
        "paraphrase",
        S,
        "my traillite flysheet is dripping along one seam, how do I fix it?",
        "Pitch the tent in dry weather and let it dry completely, then clean the seam with a damp cloth (or a "
        "little isopropyl alcohol on the silicone-coated outer side). Apply a thin, even line of silicone seam "
        "sealer along the stitching on the outside of the flysheet, working it in with a small brush. Let it cure "
        "for at least 12 hours, ideally 24, before packing the tent.",
        ["Let it cure for at least 12 hours, ideally 24, before packing the tent."],
    ),
    (
        "paraphrase",
        S,
        "traillite 2 plus the footprint - how heavy is that all in?",
        "The TrailLite 2 weighs 1.9 kg packed and the optional footprint adds 160 g, so together it's about 2.06 kg.",
        [
            "Packed weight (everything included): value 1.9 kg.",
            "It weighs 160 g.",
        ],
    ),
    (
        "paraphrase",
        S,
        "had to pack my tent away soaking wet this morning and we only get home tomorrow evening. problem?",
        "That's longer than ideal: a tent packed wet should be unpacked within 24 hours and left to dry "
        "completely, so if you can, get it out to dry before then. Stored damp, it develops mould within days, "
        "which can damage the coating, and mould damage isn't covered by the guarantee.",
        ["If the tent is wet when you pack it, unpack it within 24 hours and let it dry completely."],
    ),
    (
        "paraphrase",
        S,
        "traillite 2 arrived 1 August, I pitched it in the garden a couple of times and don't love it. today is "
        "30 Aug, can I still return it?",
        "Yes - the TrailLite 2 is outdoor gear, so you have 45 days from delivery, and 1 to 30 August is only 29 "
        "days. Pitching it at home is fine; just send it back clean, dry and complete with all poles, pegs, "
        "guylines and bags.",
        ["You're welcome to pitch it at home to check the size."],
    ),
    (
        "swapped_attribution",
        C,
        "how waterproof is the traillite 2 flysheet compared with the floor?",
        "The flysheet has a hydrostatic head of 5,000 mm and the floor 3,000 mm, which is plenty for heavy, "
        "long-lasting rain.",
        ["The flysheet has a hydrostatic head of 3,000 mm, and the floor 5,000 mm."],
    ),
    (
        "number_swap",
        C,
        "how many pegs come with the traillite 2? want to know if I need extras",
        "The TrailLite 2 comes with 8 aluminium Y-pegs and 4 guylines with tensioners, plus a repair kit.",
        ["Aluminium Y-pegs: quantity 10."],
    ),
    (
        "negation",
        C,
        "can I use my little gas stove in the traillite vestibule if it's raining?",
        "Yes, cooking in the vestibule is fine as long as you keep the door open for ventilation - just never cook "
        "inside the inner tent itself.",
        ["Never cook inside the tent and never use a stove or heater inside it or in the vestibule."],
    ),
    (
        "date_swap",
        C,
        "TrailLite 2 was delivered on 1 June, what's the last day I can send it back? not a member",
        "Tents are outdoor gear with a 45-day return window from delivery, so the last day for yours is 1 July.",
        ["Outdoor gear has a 45-day window, so the last day to return it is 16 July."],
    ),
    (
        "invented",
        U,
        "ripped my traillite flysheet badly, can I buy just a new flysheet?",
        "Yes, replacement flysheets for the TrailLite 2 are sold separately on lumenmarket.example, so you don't "
        "need to buy a whole new tent.",
        ["Replacement poles, pegs and guylines are available at lumenmarket.example."],
    ),
    # --- HomeHub smart plug -----------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "can I put a multi socket into the homehub with my 120W TV and 60W soundbar on it?",
        "The two together draw about 180 W, well below the HomeHub's 3,680 W maximum, but you shouldn't plug a "
        "multi-socket adapter into the HomeHub at all, because the combined load can exceed 16 A without you "
        "noticing.",
        ["don't plug a multi-socket adapter into the HomeHub"],
    ),
    (
        "paraphrase",
        S,
        "homehub won't find my wifi, my router is set to 5GHz only",
        "That's the cause: the HomeHub smart plug works with 2.4 GHz Wi-Fi only and can't connect to a 5 GHz "
        "network. If your router can broadcast 2.4 GHz, you could create a separate 2.4 GHz network for your "
        "smart-home devices, for example a guest network.",
        [
            "It can't connect to a 5 GHz network, and it doesn't support Wi-Fi networks with captive portals",
            "create a separate 2.4 GHz network (for example a guest network) for your smart-home devices.",
        ],
    ),
    (
        "paraphrase",
        S,
        "homehub light went solid red and my heater turned off",
        "Solid red means the overload protection has kicked in because the connected device drew more than 16 A. "
        "Unplug the heater, check that its power rating is within 3,680 W, then press the button to switch the "
        "plug back on. If the LED stays red with nothing connected, stop using the plug and contact customer "
        "service.",
        ["Overload protection has switched off the connected device because it drew more than 16 A."],
    ),
    (
        "paraphrase",
        S,
        "if my internet goes down will my homehub schedules still run? I've got about 12 set up",
        "Yes - schedules are stored on the plug itself, so they keep working without Wi-Fi or internet as long as "
        "the plug has power. You can have up to 20 schedules per plug, so 12 is fine.",
        ["You can set up to 20 schedules per plug."],
    ),
    (
        "paraphrase",
        S,
        "can I use the homehub for the towel rail in my bathroom?",
        "No, the HomeHub is for indoor use in dry rooms only, and bathrooms aren't suitable because they're damp "
        "locations.",
        ["The HomeHub isn't suitable for bathrooms"],
    ),
    (
        "number_swap",
        C,
        "how do I reset my homehub so I can give it to my neighbour?",
        "With the plug in a wall socket, hold the button for 10 seconds and let go when the LED starts blinking "
        "blue quickly. It then forgets its Wi-Fi and app connection and is back in setup mode.",
        ["Holding the button for 1-5 seconds does nothing"],
    ),
    (
        "swapped_attribution",
        C,
        "what does solid blue vs solid green mean on the homehub?",
        "Solid blue means the plug is connected and the device is switched on, and solid green means it's "
        "connected but the power is off.",
        ["Solid blue: meaning Connected, power to the device is off."],
    ),
    (
        "wrong_comparison",
        C,
        "my oven is rated 3,900 W, can I control it with a homehub?",
        "Yes, the HomeHub can switch up to 3,680 W, so your 3,900 W oven is within its limit.",
        ["Load: the plug can switch up to 16 A / 3,680 W."],
    ),
    (
        "universal_vs_conditional",
        C,
        "we had a power cut and the lamp on my homehub didn't come back on, is it broken?",
        "It's not the plug - after a power cut the HomeHub always returns to the state it was in before, so check "
        "the lamp's own switch.",
        ["stay off (default),."],
    ),
    (
        "added_clause",
        U,
        "does the homehub work with alexa?",
        "Yes, it works with Amazon Alexa and Google Home. In the Lumen Home app, go to Profile > Voice assistants "
        "and link your accounts; the plug then shows up under the name you gave it. You can also switch it from an "
        "Apple Watch using the Lumen Home app.",
        ["In the Lumen Home app, go to Profile > Voice assistants"],
    ),
    # --- declines (not covered by the help centre: offer a person) --------------------------------
    (
        "declines",
        S,
        "Do you sell refurbished laptops?",
        "I can't find anything in our help centre about refurbished laptops, so I'm not able to answer that. You "
        "can ask for a person in chat at any time between 08:00 and 22:00 CET.",
        [PERSON],
    ),
    (
        "declines",
        S,
        "is the traillite 2 available in green??",
        "Sorry, the information I have doesn't mention colour options for the TrailLite 2. If you'd like, ask for "
        "a person in chat during chat hours (08:00-22:00 CET).",
        [PERSON],
    ),
    (
        "declines",
        S,
        "Can I book a video demo of the BrewMaster 900 before I buy?",
        "That isn't something our help centre covers, I'm afraid. You can ask for a person from our team in chat, "
        "any time from 08:00 to 22:00 CET.",
        [PERSON],
    ),
    (
        "declines",
        S,
        "are you hiring? I'd like to work in your warehouse",
        "I don't have any information about jobs at Lumen Market, sorry. You can ask for a person in chat between "
        "08:00 and 22:00 CET.",
        [PERSON],
    ),
    (
        "declines",
        S,
        "does the homehub come in a UK plug version?",
        "I couldn't find anything about a UK version of the HomeHub in our help centre, so I can't confirm that. "
        "Feel free to ask for a person in chat during chat hours, 08:00-22:00 CET.",
        [PERSON],
    ),
    (
        "declines",
        S,
        "when you deliver my new fridge will you take the old one away?",
        "Unfortunately our help centre doesn't say anything about taking away old appliances, so I can't promise "
        "that. You can ask for a person in chat at any time from 08:00 to 22:00 CET to check.",
        [PERSON],
    ),
    (
        "declines",
        S,
        "do you offer gift wrapping for normal items?",
        "I'm not able to find anything about gift wrapping in our help centre. If you ask for a person in chat "
        "(08:00-22:00 CET), they may be able to help.",
        [PERSON],
    ),
    (
        "declines",
        S,
        "can I rent a tent for a weekend instead of buying one?",
        "Our help centre doesn't cover tent rental, so I can't answer that one. You're welcome to ask for a person "
        "in chat at any time during chat hours, 08:00-22:00 CET.",
        [PERSON],
    ),
]


if __name__ == "__main__":
    raise SystemExit(main(CASES, OUT, "pc5", "v6"))
