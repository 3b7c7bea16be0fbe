"""How policy_claims_v2.jsonl was made (kept for provenance; the JSONL is the dataset).

Dataset card
------------
- What: a held-out test set for the grounding guard. Each row is a question about the Lumen
  Market demo corpus, an answer written in the style of a small support chat model, 1-3 real
  corpus passages (as `core.grounding.corpus_text.passages` cuts them) holding the evidence
  needed to judge the answer, and a label: supported, contradicted or unsupported.
- Written: 2026-11-25, by a separate writer (a helper session) who read only the corpus, its
  facts sheet (corpus/README.md) and the header and first cases of the v1 builder for the
  format. The writer did not see the guard's code, its tests, its benchmark results or its
  errors, nor the rest of policy_claims_v1, so the cases are not shaped by what the guard
  catches. Questions are new; topics lean on those v1 covers less (warranty, gift cards,
  accounts, order changes, payments, non-EU shipping, product manuals).
- How: every answer was written by hand against the passage text shown to the writer; each
  contradicted and unsupported answer was re-checked against its passages. Supported answers
  paraphrase (reordered, numbers sometimes in words, chatty, some with a harmless closing
  sentence) and every fact in them is stated in the passages; "declines" say the passages
  don't cover the question (any extra sentence in them is stated in the passages).
  Contradicted answers change a fact the passages state (number, duration, amount, time,
  weekday, negation, category, "only X" for a list, "always/any time" for a conditional rule,
  who pays / when / which channel). Unsupported answers add policies, discounts, guarantees
  or clauses the passages neither state nor rule out.
- Held out: never to be used to train or tune the grounding classifier or its thresholds.
- Counts (269 cases): supported 128, contradicted 110, unsupported 31.
  supported: paraphrase 120, declines 8.
  contradicted: number_swap 42, negation 25, wrong_fact 22, universal_vs_conditional 6,
  wrong_category 4, only_vs_list 4, time_swap 3, weekday_swap 3, date_swap 1.
  unsupported: invented 18, added_clause 13.

    python evaluation/datasets/build_policy_claims_v2.py [--force]

The JSONL is versioned: it is never rewritten in place; a changed set is a new file (v3).
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from evaluation.policy_claims import Case, main  # noqa: E402

OUT = Path(__file__).resolve().parent / "policy_claims_v2.jsonl"

S, C, U = "supported", "contradicted", "unsupported"

# (type, label, question, answer, passage snippets)
CASES: list[Case] = [
    # --- warranty -----------------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "How long is the guarantee on the BrewMaster 900?",
        "Your BrewMaster 900 is covered by the two-year legal guarantee, counted from the day it was delivered.",
        ["The BrewMaster 900 comes with the 2-year legal guarantee from the date of delivery."],
    ),
    (
        "paraphrase",
        S,
        "Can I buy Lumen Care for my tablet?",
        "Unfortunately not. Lumen Care only covers laptops, phones and TVs, so tablets aren't eligible.",
        ["It isn't available for tablets, headphones, cameras, smart-home devices or other categories."],
    ),
    (
        "paraphrase",
        S,
        "My phone was delivered three weeks ago. Can I still add Lumen Care?",
        "Yes, you're still in time. Lumen Care can be added within 30 days of delivery: go to Orders, select the item "
        "and choose Add Lumen Care.",
        ["afterwards, within 30 days of delivery, from Orders > select the item > Add Lumen Care."],
    ),
    (
        "paraphrase",
        S,
        "How long will a warranty repair take?",
        "Once your product reaches our service centre, a repair usually takes about 7 to 10 business days.",
        ["Usually 7-10 business days from when the product arrives at our service centre."],
    ),
    (
        "paraphrase",
        S,
        "Do I have to pay postage to send my laptop in for a warranty repair?",
        "No, you don't. We pay for shipping both ways on warranty repairs. Let me know if you need anything else.",
        ["Who pays for shipping for a warranty repair?"],
    ),
    (
        "paraphrase",
        S,
        "My laptop battery is at 75% health after eight months. Is that covered?",
        "Yes. Batteries are covered for one year from delivery against dropping below 80% of their original capacity, "
        "so at 75% after eight months you can make a claim and we'll replace the battery free of charge.",
        [
            "Batteries are covered for 1 year from delivery against dropping below 80% of their original capacity.",
            "If the capacity is below 80% and the device was delivered less than 1 year ago",
        ],
    ),
    (
        "paraphrase",
        S,
        "How many accidental damage claims does Lumen Care+ allow?",
        "With Lumen Care+ you can make up to two accidental damage claims in any 12-month period. Fault claims aren't "
        "limited during the cover period.",
        ["You can make up to 2 accidental damage claims in any 12-month period"],
    ),
    (
        "paraphrase",
        S,
        "I have Lumen Care. Can I switch to Lumen Care+ later?",
        "You can, as long as you're still within 30 days of the product's delivery, and you'll only pay the difference.",
        ["You can upgrade as long as you're still within 30 days of the product's delivery."],
    ),
    (
        "paraphrase",
        S,
        "If I sell my laptop, does the Lumen Care cover go to the buyer?",
        "It does! Lumen Care is tied to the product rather than to you, so the cover goes with it. Just tell us the new "
        "owner's name and email.",
        ["Lumen Care is linked to the product, not to you."],
    ),
    (
        "paraphrase",
        S,
        "What happens if my product can't be repaired under warranty?",
        "Then we'll replace it with the same or an equivalent product. If that's not possible either, you'll get a refund.",
        ["We replace it with the same or an equivalent product. If that's not possible either, we refund you."],
    ),
    (
        "paraphrase",
        S,
        "My Volt 14's battery died completely after 18 months. Is that covered?",
        "A battery that fails completely counts as a defect, and that's covered by the 2-year legal guarantee, so yes, "
        "18 months after delivery is still within it.",
        ["A battery that fails completely (for example, it swells"],
    ),
    (
        "number_swap",
        C,
        "How many years of protection does Lumen Care give in total?",
        "With Lumen Care you get 4 or 6 years of protection in total, depending on the option you pick.",
        ["for a total of 3 or 5 years."],
    ),
    (
        "wrong_category",
        C,
        "Can I get Lumen Care for my Aurora X2 headphones?",
        "Yes, headphones count as electronics, so you can add Lumen Care to the Aurora X2 within 30 days of delivery.",
        ["Lumen Care isn't available for headphones.", "Can I get Lumen Care for my headphones or tablet?"],
    ),
    (
        "negation",
        C,
        "I spilled coffee on my laptop. Does the legal guarantee cover that?",
        "Yes, liquid damage from spills is covered by the 2-year legal guarantee, so you can make a normal warranty claim.",
        [
            "Accidental damage: drops, spills, cracked screens. For laptops, phones and TVs, this is only covered by Lumen Care+."
        ],
    ),
    (
        "wrong_fact",
        C,
        "Does Lumen Care extend the battery cover?",
        "Yes. With Lumen Care, your battery is covered against capacity loss for the whole extended period, not just the "
        "first year.",
        ["Does Lumen Care extend the battery cover?"],
    ),
    (
        "number_swap",
        C,
        "How many accidental damage claims can I make with Lumen Care+?",
        "Lumen Care+ covers up to three accidental damage claims per year.",
        ["How many accidental damage claims can I make with Lumen Care+?"],
    ),
    (
        "wrong_fact",
        C,
        "Who pays shipping when I send a product in under warranty?",
        "You pay for sending the product to our service centre, and we cover the shipping back to you.",
        ["Who pays for shipping for a warranty repair?"],
    ),
    (
        "number_swap",
        C,
        "Until when can I buy Lumen Care?",
        "Lumen Care has to be bought within 14 days of delivery. After that it can't be added anymore.",
        ["afterwards, within 30 days of delivery, from Orders > select the item > Add Lumen Care."],
    ),
    (
        "only_vs_list",
        C,
        "Which products can I cover with Lumen Care?",
        "Lumen Care is only available for laptops.",
        ["It isn't available for tablets, headphones, cameras, smart-home devices or other categories."],
    ),
    (
        "negation",
        C,
        "Will swapping the SSD in my Volt 14 void the guarantee?",
        "Yes, unfortunately opening the bottom cover to replace the SSD voids your legal guarantee and any Lumen Care.",
        ["Opening the bottom cover to replace the SSD doesn't affect your legal guarantee or Lumen Care"],
    ),
    (
        "universal_vs_conditional",
        C,
        "My phone battery won't charge at all anymore, 14 months after delivery. Covered?",
        "No. Battery problems are never covered after the first year, even if the battery stops charging completely.",
        ["A battery that fails completely (for example, it swells"],
    ),
    (
        "wrong_category",
        C,
        "Will I get a loan laptop while my Volt 14 is being repaired under Lumen Care?",
        "Yes, if the repair takes longer than 5 business days, we'll send you a loan laptop to use in the meantime.",
        ["a loan phone during repairs that take longer than 5 business days (phones only, where available)."],
    ),
    (
        "invented",
        U,
        "Does Lumen Care include any servicing?",
        "Yes, Lumen Care includes a free yearly check-up and cleaning of your device at our service centre.",
        ["a loan phone during repairs that take longer than 5 business days (phones only, where available)."],
    ),
    (
        "added_clause",
        U,
        "How do I make a warranty claim?",
        "Go to Orders, select the order and choose Report a problem. We'll email you a free shipping label, usually "
        "within one business day. Please send the product back in its original packaging, or the claim can't be accepted.",
        ["How do I make a warranty claim?"],
    ),
    (
        "invented",
        U,
        "How much does Lumen Care cost?",
        "Lumen Care costs 10% of the product price for every extra year of cover.",
        ["The price depends on the product and is shown on the product page and in your basket."],
    ),
    (
        "added_clause",
        U,
        "What happens to Lumen Care if I return the laptop?",
        "If you return the product within its return window, Lumen Care is cancelled and refunded in full automatically. "
        "A 5 EUR admin fee is kept for the cancellation.",
        [
            "If you return the product within its return window, Lumen Care is cancelled and refunded in full automatically."
        ],
    ),
    # --- gift cards --------------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "Can I put 750 EUR on one gift card?",
        "No, a single gift card can hold between 10 and 500 EUR. If you'd like to give more, you can simply buy several cards.",
        ["Gift cards are available from 10 EUR to 500 EUR."],
    ),
    (
        "paraphrase",
        S,
        "How long can my friend use the gift card I bought her?",
        "It's valid for three years from the date you bought it. She'll find the expiry date printed on the card or in "
        "the e-gift card email. Hope that helps!",
        ["Every gift card is valid for 3 years from the date of purchase."],
    ),
    (
        "paraphrase",
        S,
        "I scheduled an e-gift card for my sister's birthday. When will she get it?",
        "It'll be sent at 08:00 CET on the date you picked. Just so you know, the three-year validity still counts from "
        "the day you bought it, not the delivery date.",
        ["The e-gift card is sent at 08:00 CET on that date."],
    ),
    (
        "paraphrase",
        S,
        "Can I pay for Lumen Care with a gift card?",
        "Yes! Apart from other gift cards and the Lumen Plus membership, you can use a gift card for everything in the "
        "shop, and that includes Lumen Care.",
        ["Everything else in the shop, including Lumen Care, can be paid for with a gift card."],
    ),
    (
        "paraphrase",
        S,
        "If my lost gift card is replaced, when does the new one expire?",
        "The replacement keeps the original expiry date, so it runs out three years after the original card was bought.",
        ["The replacement card keeps the original expiry date"],
    ),
    (
        "paraphrase",
        S,
        "I paid for an e-gift card by bank transfer. When is it sent?",
        "With bank transfer, the e-gift card goes out within 15 minutes of your payment arriving, not when you place the order.",
        ["If you pay by bank transfer, the e-gift card is sent within 15 minutes of your payment arriving"],
    ),
    (
        "paraphrase",
        S,
        "Can I send a physical gift card to my nephew in Switzerland?",
        "Physical gift cards can only be shipped within the EU, so not to Switzerland. An e-gift card would work though, "
        "since those can be used in all the countries we deliver to.",
        [
            "Physical gift cards themselves can only be shipped within the EU.",
            "Can be used in all countries we deliver to.",
        ],
    ),
    (
        "paraphrase",
        S,
        "How can I check a gift card balance without an account?",
        "You don't need an account for that. Use the Check gift card balance page and enter the card number and PIN.",
        ["on the Check gift card balance page (no account needed)"],
    ),
    (
        "paraphrase",
        S,
        "Our company wants to buy 50 gift cards for staff. Is there a special process?",
        'Yes. For more than 20 gift cards, email support@lumenmarket.example with the subject "Corporate gift cards" '
        "and the team will send you an offer.",
        ["Need more than 20 gift cards, for example as employee rewards?"],
    ),
    (
        "paraphrase",
        S,
        "Can I use three gift cards on one order?",
        "Sure, you can combine several gift cards in one order, and you can add store credit and another payment method too.",
        ["Yes. You can combine several gift cards, store credit and another payment method."],
    ),
    (
        "number_swap",
        C,
        "How long does an e-gift card take to arrive?",
        "E-gift cards are emailed within 30 minutes of payment, though most arrive sooner.",
        ["Most e-gift cards arrive within a few minutes, and all within 15 minutes of payment."],
    ),
    (
        "negation",
        C,
        "Can I pay for a gift card with Klarna?",
        "Yes, Klarna is available for gift cards as long as your order total is at least 100 EUR.",
        ["Can I pay for gift cards with Klarna?"],
    ),
    (
        "negation",
        C,
        "Only 4 EUR is left on my gift card. Can I get it paid out?",
        "Yes, small remaining balances can be paid out. Just contact us with the card number.",
        ["Gift cards cannot be exchanged for cash , in whole or in part, and no change is given."],
    ),
    (
        "wrong_fact",
        C,
        "I lost my gift card and don't have the receipt any more. Can you replace it?",
        "No problem. Without the receipt we can still replace the card after verifying your identity by phone.",
        ["Without the purchase receipt, we can't identify the gift card and can't replace it."],
    ),
    (
        "number_swap",
        C,
        "How long are Lumen Market gift cards valid?",
        "Gift cards are valid for 2 years from the date of purchase.",
        ["Gift cards are valid for 3 years from the date of purchase ."],
    ),
    (
        "number_swap",
        C,
        "How far ahead can I schedule an e-gift card?",
        "You can pick a delivery date up to 6 months ahead, and the card is sent at 08:00 CET that day.",
        ["You can choose a delivery date up to 12 months ahead."],
    ),
    (
        "time_swap",
        C,
        "What time does a scheduled e-gift card go out?",
        "Scheduled e-gift cards are sent at 10:00 CET on the date you chose.",
        ["The e-gift card is sent at 08:00 CET on that date."],
    ),
    (
        "wrong_fact",
        C,
        "I scheduled an e-gift card for next month. When does its validity start?",
        "The three-year validity starts on the scheduled delivery date, so the recipient gets the full three years from then.",
        ["The 3-year validity still counts from the date of purchase, not the delivery date."],
    ),
    (
        "negation",
        C,
        "Can I use my store credit to buy a gift card?",
        "Yes, store credit works for gift cards just like for any other product.",
        ["Gift cards can't be bought with another gift card or with store credit"],
    ),
    (
        "number_swap",
        C,
        "What do I need to redeem a gift card?",
        "Enter the 16-digit gift card number and the 6-digit PIN under Payment at checkout.",
        ["Enter the 16-digit gift card number and the 4-digit PIN."],
    ),
    (
        "added_clause",
        U,
        "My gift card expires soon. Can I extend it?",
        "Gift cards are valid for 3 years from purchase. You can extend one by another year for a 5 EUR fee under "
        "Account > Gift cards & credit.",
        ["Gift cards are valid for 3 years from the date of purchase ."],
    ),
    (
        "invented",
        U,
        "Is there a bonus when I buy a bigger gift card?",
        "Yes! When you buy a gift card worth 100 EUR or more, we add a 10% bonus to it.",
        ["Gift cards are available from 10 EUR to 500 EUR."],
    ),
    (
        "added_clause",
        U,
        "Is my gift card safe once I add it to my account?",
        "Yes. Once it's added under Account > Gift cards & credit, the balance can't be used by anyone else, and we also "
        "insure it against theft up to 500 EUR.",
        ["Once you've added a gift card under Account > Gift cards & credit"],
    ),
    # --- accounts ----------------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "What's the minimum password length?",
        "Your password needs to be at least twelve characters long. Special characters aren't required, but you can use them.",
        ["At least 12 characters. We recommend a passphrase"],
    ),
    (
        "paraphrase",
        S,
        "Can I get my 2FA codes sent by text message?",
        "No, sorry. Lumen Market only supports authenticator apps for two-factor authentication, because text messages "
        "are less secure.",
        ["Can I get my 2FA codes by SMS?"],
    ),
    (
        "paraphrase",
        S,
        "I typed my password wrong a few times and now I'm locked out.",
        "After five failed sign-in attempts the account is locked for 15 minutes. You can wait and try again, or reset "
        "your password.",
        ["After 5 failed sign-in attempts, accounts are locked for 15 minutes."],
    ),
    (
        "paraphrase",
        S,
        "How long does the password reset link work?",
        "The reset link we email you is valid for one hour, so use it soon.",
        ["How do I reset my password?"],
    ),
    (
        "paraphrase",
        S,
        "I requested account deletion ten days ago but changed my mind. What now?",
        "No problem, you're still within the 30 days. Just sign in and select Cancel deletion on the banner at the top "
        "of the page, and everything stays as it was.",
        ["During the 30 days, just sign in and select Cancel deletion"],
    ),
    (
        "paraphrase",
        S,
        "If I delete my account, do you still keep my orders?",
        "Yes. Order records and invoices are kept for seven years because tax law requires it, but only in restricted "
        "storage and only for tax and legal purposes.",
        ["What happens to my order history if I delete my account?"],
    ),
    (
        "paraphrase",
        S,
        "I lost my phone and my backup codes, so I can't sign in with 2FA.",
        "Please contact us. We'll verify your identity with details from a recent order before turning off 2FA, which "
        "can take up to two business days.",
        ["we'll verify your identity with details from a recent order before we turn off 2FA."],
    ),
    (
        "paraphrase",
        S,
        "My account confirmation link has expired. What should I do?",
        "Accounts have to be confirmed within 48 hours. If the link has expired, you can simply register again with the "
        "same email address.",
        ["If the link has expired, simply register again with the same email address."],
    ),
    (
        "paraphrase",
        S,
        "How long is the download link for my data export valid?",
        "Your data file is usually ready within a day, and the download link we email you stays valid for seven days.",
        ["It's usually ready within 24 hours, and we email you a download link that's valid for 7 days."],
    ),
    (
        "paraphrase",
        S,
        "How old do I need to be to open an account?",
        "You need to be at least 18 to create an account and place orders.",
        ["You must be at least 18 years old to create an account and place orders."],
    ),
    (
        "paraphrase",
        S,
        "How often does the code in my authenticator app change?",
        "The app shows a new six-digit code every 30 seconds. If one runs out while you're typing, just wait for the next "
        "one and enter it straight away.",
        ["The app shows a new 6-digit code every 30 seconds.", "Wait for the next code and enter it straight away."],
    ),
    (
        "declines",
        S,
        "Can I change my username?",
        "The information I have doesn't mention usernames, so I can't confirm that. You can change the email address on "
        "your account under Account > Profile, though.",
        ["Can I change the email address on my account?"],
    ),
    (
        "number_swap",
        C,
        "How long must my password be?",
        "Passwords need at least 8 characters.",
        ["be at least 12 characters long,."],
    ),
    (
        "negation",
        C,
        "Do I have to set up two-factor authentication?",
        "Yes, two-factor authentication is mandatory for all Lumen Market accounts.",
        ["2FA is optional, but we strongly recommend it."],
    ),
    (
        "number_swap",
        C,
        "How many backup codes do I get for 2FA?",
        "When you turn on 2FA you get 5 one-time backup codes. Keep them somewhere safe.",
        ["We show you 10 one-time backup codes."],
    ),
    (
        "number_swap",
        C,
        "How long does it take to delete my account?",
        "Account deletion takes 14 days, and you can cancel it during that time by signing in.",
        ["Deletion takes 30 days, and you can cancel it at any time during those 30 days by signing in."],
    ),
    (
        "negation",
        C,
        "Can I undo an account deletion request?",
        "No, once you've requested deletion it can't be cancelled, so please be sure before you confirm.",
        ["Deletion takes 30 days, and you can cancel it at any time during those 30 days by signing in."],
    ),
    (
        "negation",
        C,
        "If I delete my account, what happens to my Lumen Care?",
        "Deleting your account also ends your Lumen Care, because the cover is linked to your account.",
        ["Lumen Care: your extended warranty stays valid because it's linked to the product."],
    ),
    (
        "number_swap",
        C,
        "How many wrong passwords before I'm locked out?",
        "After 3 failed sign-in attempts we lock the account for 30 minutes.",
        ["After 5 failed sign-in attempts, we lock the account for 15 minutes"],
    ),
    (
        "number_swap",
        C,
        "How long do I have to confirm a new account?",
        "You need to confirm your new account within 24 hours using the link we email you.",
        ["Open it within 48 hours to activate your account."],
    ),
    (
        "invented",
        U,
        "Do I get anything for turning on two-factor authentication?",
        "Yes, you get a one-time 5 EUR store credit when you turn on two-factor authentication.",
        ["2FA is optional, but we strongly recommend it."],
    ),
    (
        "added_clause",
        U,
        "How do I delete my account?",
        "Go to Account > Privacy and select Delete my account. Deletion takes 30 days and you can cancel it by signing "
        "in. You'll also need to call our phone team to confirm the request.",
        ["Deletion takes 30 days, and you can cancel it at any time during those 30 days by signing in."],
    ),
    (
        "invented",
        U,
        "I have two accounts by mistake. Can you merge them?",
        "Yes, our chat team can merge two accounts into one, including the order history, as long as both are in your name.",
        ["Each email address can only be linked to one account."],
    ),
    # --- order changes -----------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "I ordered 20 minutes ago with Standard delivery. Can I switch to Express?",
        "Yes, you're still inside the 60-minute window. Go to Orders, select the order and use Change order to switch "
        "the delivery option.",
        [
            "Can I switch from Standard to Express after ordering?",
            "Change order: remove items, change quantities, or switch the delivery option",
        ],
    ),
    (
        "paraphrase",
        S,
        "I forgot something. Can I add it to the order I placed this morning?",
        "Unfortunately items can't be added to an existing order, so you'll need to place a new one. If that new order "
        "is over 50 EUR, Standard delivery is free anyway.",
        ["Can I add an item to an existing order?"],
    ),
    (
        "paraphrase",
        S,
        "My order is already Processing. Can I still change where it goes?",
        "Yes. Even though the order itself can't be changed any more, you can still change the delivery address until "
        "it ships.",
        ["It can no longer be cancelled or changed, except for the delivery address."],
    ),
    (
        "paraphrase",
        S,
        "Can I change my delivery address to my parents' place in Austria? I live in Germany.",
        "I'm afraid not. The new address has to be in the same country as the original one, because shipping prices "
        "and taxes differ between countries.",
        ["The new address must be in the same country as the original address"],
    ),
    (
        "paraphrase",
        S,
        "I ordered two hours ago. Can I switch from home delivery to a locker?",
        "Sorry, that's no longer possible. Switching between home delivery and Click & Collect counts as changing the "
        "delivery option, and that can only be done within 60 minutes of ordering.",
        [
            "Changing from home delivery to Click & Collect (or the other way round) counts as a change of delivery option."
        ],
    ),
    (
        "paraphrase",
        S,
        "I checked out as a guest. How do I cancel?",
        "As a guest, use the link in your order confirmation email. It works for the same 60 minutes as for account "
        "holders.",
        ["Guest orders can be changed or cancelled within the same 60 minutes"],
    ),
    (
        "paraphrase",
        S,
        "My sofa order is past the 60 minutes. Can I still move the delivery day?",
        "Yes. For bulky items you can still change the delivery slot with the freight partner after 60 minutes, but the "
        "order itself can no longer be cancelled.",
        ["Bulky items: after 60 minutes, you can still change the delivery slot with the freight partner"],
    ),
    (
        "paraphrase",
        S,
        "Can customer service cancel my order if I call them after an hour?",
        "No, once an order is Processing it can't be cancelled by anyone, customer service included. You can return the "
        "items after delivery instead.",
        ["Can customer service cancel my order after 60 minutes?"],
    ),
    (
        "paraphrase",
        S,
        "Can I cancel the whole order in the first hour? Will I be charged?",
        "Yes, within 60 minutes you can cancel the whole order from Orders and nothing is charged. The card "
        "authorisation is released, though your bank may take a few days to remove the pending amount.",
        ["Cancel order: cancels the whole order. Nothing is charged."],
    ),
    (
        "number_swap",
        C,
        "How long do I have to cancel an order?",
        "You have 30 minutes after placing an order to cancel it from Orders in your account.",
        ["60 minutes from placing it. Cancel from Orders in your account."],
    ),
    (
        "negation",
        C,
        "Can I add an item to my order within the first 60 minutes?",
        "Yes, within the first 60 minutes you can add items to your order using Change order.",
        ["Can I add an item to an existing order?"],
    ),
    (
        "negation",
        C,
        "My parcel shipped yesterday, but the address is wrong. Can you change it?",
        "Yes, our customer service can still change the delivery address after the parcel has shipped.",
        ["Once the parcel is with the carrier, we can't change the address anymore."],
    ),
    (
        "universal_vs_conditional",
        C,
        "Can I cancel a pre-order?",
        "Yes, pre-orders can be cancelled at any time before they ship, from Orders in your account.",
        [
            "Pre-orders follow the same rule as every other order: you can change or cancel a pre-order within 60 minutes"
        ],
    ),
    (
        "number_swap",
        C,
        "What happens if I never pay my bank transfer order?",
        "Unpaid bank transfer orders are cancelled automatically after 14 days, so you don't need to do anything.",
        ["Bank transfer orders that you don't pay for are cancelled automatically after 7 days."],
    ),
    (
        "wrong_fact",
        C,
        "My order has a pre-order item and in-stock items. What can I cancel?",
        "The 60-minute window only applies to the in-stock items. The pre-order item can be cancelled until it ships.",
        ["The 60-minute cancellation window applies to the whole order."],
    ),
    (
        "negation",
        C,
        "Can you merge two of my orders so I only pay delivery once?",
        "Yes, if both orders were placed on the same day our team can merge them into one shipment and refund the second "
        "delivery charge.",
        ["Orders can't be merged, but if the new order is over 50 EUR, Standard delivery is free anyway."],
    ),
    (
        "added_clause",
        U,
        "Can I cancel my order now? I placed it yesterday.",
        "No, after 60 minutes the order is processing and can't be cancelled. You can return the items after delivery, "
        "and in that case we'll waive the return label fee.",
        ["Yes, within 60 minutes of placing it, from Orders in your account."],
    ),
    (
        "added_clause",
        U,
        "Is there a fee if I cancel within 60 minutes?",
        "No fee at all: nothing is charged when you cancel within the 60 minutes. As a thank-you we also add a 5 EUR "
        "voucher for your next order.",
        ["Cancel order: cancels the whole order. Nothing is charged."],
    ),
    # --- payments ----------------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "When will my card actually be charged?",
        "Not when you order. At that point we only place a temporary authorisation, and the actual charge happens when "
        "your order ships.",
        ["When your order ships. When you order, we only place a temporary authorisation on your card."],
    ),
    (
        "paraphrase",
        S,
        "Why are there two charges on my statement for one order?",
        "That's usually because your order shipped in more than one parcel and each parcel is charged separately, or "
        "because the temporary authorisation is still showing next to the real charge. The authorisation disappears on "
        "its own, normally within a week.",
        ["Either your order shipped in several parcels, each charged separately"],
    ),
    (
        "paraphrase",
        S,
        "Can I split a 1,500 EUR TV into instalments?",
        "Yes, 1,500 EUR is within Klarna's 100 to 2,000 EUR range, so you can pay in three interest-free instalments. "
        "The first is charged when the order ships, the second 30 days later and the third 60 days after the first.",
        [
            "You can split orders between 100 EUR and 2,000 EUR into 3 interest-free instalments",
            "The third is due 60 days after the first.",
        ],
    ),
    (
        "paraphrase",
        S,
        "Do you do cash on delivery?",
        "No, cash on delivery isn't offered. You could pay by Visa, Mastercard, American Express, PayPal, Apple Pay, "
        "Google Pay, Klarna or bank transfer instead.",
        ["Visa, Mastercard, American Express, PayPal, Apple Pay, Google Pay, Klarna and bank transfer."],
    ),
    (
        "paraphrase",
        S,
        "I'm paying by bank transfer from Norway. Anything to watch out for?",
        "Your bank may charge fees for transfers from Norway, so please make sure we receive the full order amount. And "
        "don't forget to use the payment reference so we can match your payment.",
        ["If you're paying from the UK, Switzerland or Norway, your bank may charge fees."],
    ),
    (
        "paraphrase",
        S,
        "Can I get Next-day delivery if I pay by bank transfer?",
        "No. Next-day isn't available with bank transfer, because the order can only ship once your payment has arrived.",
        ["Next-day delivery isn't available with bank transfer"],
    ),
    (
        "paraphrase",
        S,
        "The headphones I bought 10 days ago are now cheaper on your site. Can I get the difference?",
        "Good news: since it's within 14 days of your purchase, you can. Go to Orders, open the order, select the item "
        "and choose Price dropped? We'll show you the difference before you confirm.",
        [
            "You must claim within 14 days of your purchase (the date you placed the order).",
            "Select the item and choose Price dropped?",
        ],
    ),
    (
        "paraphrase",
        S,
        "Another shop sells my laptop for less. Will you match it?",
        "Sorry, we only refund the difference when the price drops on Lumen Market itself. We don't match other shops' "
        "prices.",
        ["The price must drop on lumenmarket.example itself. We don't match other shops' prices."],
    ),
    (
        "paraphrase",
        S,
        "The price went up after I ordered. Do I have to pay the extra?",
        "No, you keep the price you paid. We never charge you more once you've placed your order.",
        ["If the price increases after you buy, you keep the price you paid."],
    ),
    (
        "paraphrase",
        S,
        "My invoice has the wrong billing address. Can it be fixed?",
        "Yes, just contact us within 30 days of the invoice date and we'll issue a corrected invoice.",
        ["If there's a mistake in your name or billing address, contact us within 30 days of the invoice date"],
    ),
    (
        "paraphrase",
        S,
        "Can you add my company VAT ID to an invoice for an order that already shipped?",
        "Unfortunately a VAT ID can't be added once the order has shipped, so it's best to add it before you order next "
        "time.",
        ["We can't add a VAT ID to an invoice after the order has shipped."],
    ),
    (
        "paraphrase",
        S,
        "I accidentally transferred too much money. What happens?",
        "If you pay too much, we refund the difference to your bank account. Let me know if there's anything else!",
        ["If you pay too much, we refund the difference to your bank account."],
    ),
    (
        "paraphrase",
        S,
        "Klarna declined me. Can you tell me why?",
        "I'm sorry, Klarna makes its own decision for every purchase, and we're not told the reason, so we can't "
        "override it. You could try a different method, such as PayPal or bank transfer.",
        ["Klarna makes its own decision for every purchase."],
    ),
    (
        "paraphrase",
        S,
        "With Klarna Pay in 30 days, when do the 30 days start?",
        "They start when your order ships, not when you place it.",
        ["With Pay in 30 days , your 30 days start when the order ships."],
    ),
    (
        "declines",
        S,
        "Can I pay with a Lumen Market credit card?",
        "I don't have any information about a Lumen Market credit card, so I can't confirm that one exists. The help "
        "centre lists Visa, Mastercard and American Express as the accepted cards.",
        ["Debit and credit cards are both accepted."],
    ),
    (
        "number_swap",
        C,
        "What order totals can I use Klarna for?",
        "Klarna is available for orders between 50 EUR and 2,000 EUR.",
        ["Klarna is only available for orders from 100 EUR to 2,000 EUR"],
    ),
    (
        "wrong_fact",
        C,
        "When is my card charged?",
        "Your card is charged as soon as you place the order, and refunded if anything can't ship.",
        ["When your order ships. When you order, we only place a temporary authorisation on your card."],
    ),
    (
        "number_swap",
        C,
        "How long do you hold a bank transfer order?",
        "We hold the order for 10 days while we wait for your transfer, and send a reminder on day 5.",
        ["We send you a reminder email on day 5."],
    ),
    (
        "number_swap",
        C,
        "When do I get a reminder for an unpaid bank transfer?",
        "We send you a reminder email on day 3, and the order is cancelled after 7 days if the money hasn't arrived.",
        ["We send you a reminder email on day 5."],
    ),
    (
        "only_vs_list",
        C,
        "Which cards do you take?",
        "We only accept Visa cards.",
        ["Visa.\nMastercard.\nAmerican Express."],
    ),
    (
        "only_vs_list",
        C,
        "How can I pay for my order?",
        "You can pay by card or PayPal only.",
        ["Visa, Mastercard, American Express, PayPal, Apple Pay, Google Pay, Klarna and bank transfer."],
    ),
    (
        "number_swap",
        C,
        "How long after buying can I claim a price drop?",
        "You can claim a price drop within 30 days of your purchase.",
        ["Yes, if the price drops on Lumen Market within 14 days of your purchase."],
    ),
    (
        "negation",
        C,
        "The price dropped twice in a week. Can I claim both times?",
        "Yes, you can claim each time the price drops, as long as it's within 14 days.",
        ["The price dropped twice. Can I claim twice?"],
    ),
    (
        "date_swap",
        C,
        "From when do the 14 days for a price drop claim count?",
        "The 14 days count from the day your order is delivered.",
        ["You must claim within 14 days of your purchase (the date you placed the order)."],
    ),
    (
        "number_swap",
        C,
        "When is the last Klarna instalment due?",
        "The third instalment is due 90 days after the first one.",
        ["The third is due 60 days after the first."],
    ),
    (
        "wrong_fact",
        C,
        "When do my Klarna Pay in 30 days start?",
        "Your 30 days start on the day you place the order.",
        ["With Pay in 30 days , your 30 days start when the order ships."],
    ),
    (
        "wrong_fact",
        C,
        "Apple Pay isn't showing. Which browser do I need?",
        "Apple Pay works in Chrome, and Google Pay works in Safari.",
        ["make sure your browser supports the wallet (Safari for Apple Pay, Chrome for Google Pay)."],
    ),
    (
        "invented",
        U,
        "Is there a discount for paying by bank transfer?",
        "Yes, you get 2% off your order total when you choose bank transfer at checkout.",
        ["Choose Bank transfer at checkout and place your order."],
    ),
    (
        "added_clause",
        U,
        "How does Klarna Pay in 30 days work?",
        "You get your order first and pay the full amount within 30 days, with no fees if you pay on time. If you pay "
        "late, Klarna adds a 2.50 EUR late fee.",
        ["Get your order and pay the full amount within 30 days."],
    ),
    (
        "invented",
        U,
        "Can I split my payment between two cards?",
        "Yes, at checkout you can split any order between two cards, or between a card and PayPal.",
        [
            "Lumen Market gift cards and store credit can be used on their own or combined with any of the methods above."
        ],
    ),
    (
        "added_clause",
        U,
        "Do you store my card number?",
        "No. Saved cards are held by our payment provider, and we only see the last four digits and the expiry date. "
        "Saved cards are also deleted automatically after 12 months without use.",
        ["Do you store my card number?"],
    ),
    # --- shipping outside the EU -------------------------------------------------------------
    (
        "paraphrase",
        S,
        "How much is delivery to Switzerland and how long does it take?",
        "Delivery to Switzerland costs 19.95 EUR and takes five to eight business days. Customs duties and import taxes "
        "are paid by you.",
        ["We deliver to the United Kingdom, Switzerland and Norway in 5-8 business days for 19.95 EUR."],
    ),
    (
        "paraphrase",
        S,
        "Do you ship to the United States?",
        "Sorry, we don't. Outside the EU, we only deliver to the UK, Switzerland and Norway.",
        ["We don't ship to other non-EU countries."],
    ),
    (
        "paraphrase",
        S,
        "Can I get Express delivery to London?",
        "No, Express, Next-day and Click & Collect aren't available for the UK. Orders there go with the international "
        "option, which costs 19.95 EUR.",
        ["Express, Next-day and Click & Collect aren't available for these countries."],
    ),
    (
        "paraphrase",
        S,
        "What happens if I don't pay the customs charges on my UK parcel?",
        "If you refuse to pay the duties, the parcel goes back to us. Once it arrives, we refund the item price, minus "
        "the original 19.95 EUR delivery charge and the return shipping costs we were charged.",
        ["We refund the item price once it arrives, but we deduct the original 19.95 EUR delivery charge"],
    ),
    (
        "paraphrase",
        S,
        "I returned something to you from Norway. Will you refund the import duty I paid?",
        "We can't refund import duties you paid on arrival, I'm afraid. Many customs offices do have a process for "
        "reclaiming them on returned goods, though.",
        ["Import duties you paid on arrival aren't refunded by us."],
    ),
    (
        "paraphrase",
        S,
        "Is delivery free to the UK if I spend over 50 EUR?",
        "No, the 50 EUR free-delivery threshold only applies to deliveries within the EU. The UK is 19.95 EUR per order.",
        ["The free-delivery threshold of 50 EUR and the Lumen Plus free Express benefit apply only to EU deliveries."],
    ),
    (
        "paraphrase",
        S,
        "Can you send a 40 kg treadmill to Oslo?",
        "Unfortunately not. Items over 30 kg can't be shipped internationally, because freight delivery is EU-only.",
        ["Bulky items over 30 kg (freight delivery is EU-only)."],
    ),
    (
        "paraphrase",
        S,
        "I'm in the UK. What are your chat hours for me?",
        "CET is an hour ahead of UK time, so chat is open from 07:00 to 21:00 UK time.",
        ["CET is 1 hour ahead of UK time, so chat is open from 07:00 to 21:00 UK time."],
    ),
    (
        "number_swap",
        C,
        "How long does delivery to Norway take?",
        "Deliveries to Norway take 3-5 business days.",
        ["We deliver to the UK, Switzerland and Norway in 5-8 business days for 19.95 EUR."],
    ),
    (
        "number_swap",
        C,
        "What does shipping to the UK cost?",
        "Shipping to the United Kingdom costs 9.95 EUR per order.",
        ["Price: 19.95 EUR per order."],
    ),
    (
        "wrong_fact",
        C,
        "Who pays customs duties on orders to Switzerland?",
        "We do. Customs duties are already included in the delivery charge, so there's nothing extra to pay on arrival.",
        ["Who pays customs duties for the UK, Switzerland and Norway?"],
    ),
    (
        "negation",
        C,
        "I'm a Lumen Plus member in Switzerland. Is my delivery free?",
        "Yes, Lumen Plus members get free Express delivery to Switzerland too.",
        [
            "Does Lumen Plus cover international shipping?",
            "The free-delivery threshold of 50 EUR and the Lumen Plus free Express benefit apply only to EU deliveries.",
        ],
    ),
    (
        "negation",
        C,
        "Can I use Click & Collect for my order to Bergen, Norway?",
        "Yes, Click & Collect works for Norway as well, so you can pick the parcel up from a partner locker.",
        ["Orders to the UK, Switzerland or Norway."],
    ),
    (
        "negation",
        C,
        "Can you post a physical gift card to Manchester?",
        "Yes, physical gift cards can be sent to the UK with international delivery.",
        ["Gift cards in physical form (e-gift cards work everywhere)."],
    ),
    (
        "wrong_fact",
        C,
        "Do you deliver to Iceland?",
        "Yes, we ship to Iceland on the same terms as Norway: 19.95 EUR and 5-8 business days.",
        ["We don't currently ship anywhere else."],
    ),
    (
        "invented",
        U,
        "Are international parcels insured?",
        "Yes, all international parcels are fully insured and need a signature on delivery.",
        ["We prepare the customs documents and ship your order."],
    ),
    (
        "added_clause",
        U,
        "Who pays the duties on my order to the UK?",
        "Duties and import taxes are paid by the customer and collected by the carrier before delivery. For orders over "
        "200 EUR, we reimburse them in full.",
        ["Who pays customs duties for the UK, Switzerland and Norway?"],
    ),
    # --- shipping within the EU --------------------------------------------------------------
    (
        "paraphrase",
        S,
        "If I order Next-day on Friday at 4 pm, when does it come?",
        "Orders placed after 14:00 on a Friday arrive on Tuesday, so that's when you'd get it.",
        ["Orders placed after 14:00 on Friday or at the weekend arrive on Tuesday."],
    ),
    (
        "paraphrase",
        S,
        "How long will my parcel stay in the locker?",
        "It waits for you for seven days. After that it goes back to us and we refund the order automatically once it "
        "arrives.",
        ["Your parcel waits for 7 days. After that it's sent back to us"],
    ),
    (
        "paraphrase",
        S,
        "My order came in three parcels. Do I pay shipping three times?",
        "No, you only pay the delivery charge once per order, however many parcels it takes. The only extra is the 49 EUR "
        "freight charge if a bulky item is included.",
        ["No. You pay the delivery charge once per order. Only bulky items add the 49 EUR freight charge."],
    ),
    (
        "paraphrase",
        S,
        "My Express parcel was a day late. Can I get anything back?",
        "Yes. If your Express delivery arrived late because of us or the carrier, we refund the delivery charge. Just ask "
        "in chat.",
        ["If you paid for Express or Next-day delivery and it arrived late because of us or the carrier"],
    ),
    (
        "paraphrase",
        S,
        "Will the freight driver carry my fridge up to the third floor?",
        "Sorry, freight delivery is to the kerbside or ground floor, and carrying items upstairs isn't included.",
        ["Delivery is to the kerbside or ground floor. Carrying items upstairs is not included."],
    ),
    (
        "paraphrase",
        S,
        "My tracking hasn't updated for four business days.",
        "If nothing has changed for more than three business days, please contact us and we'll open an investigation "
        "with the carrier.",
        ["If nothing has changed for more than 3 business days, contact us"],
    ),
    (
        "paraphrase",
        S,
        "Do you deliver on Saturdays?",
        "Deliveries happen on business days, Monday to Friday. Some carriers do deliver on Saturdays in certain areas, "
        "but that can't be guaranteed.",
        ["Do you deliver on Saturdays?"],
    ),
    (
        "weekday_swap",
        C,
        "I ordered Next-day on Friday evening. When will it arrive?",
        "Next-day orders placed after 14:00 on a Friday arrive on Monday.",
        ["Orders placed after 14:00 on a Friday, or at the weekend, arrive on Tuesday."],
    ),
    (
        "time_swap",
        C,
        "What's the cut-off for Next-day delivery?",
        "Order by 16:00 CET, Monday to Friday, and your parcel arrives the next business day.",
        ["Order by 14:00 CET, Monday to Friday, and your parcel arrives the next business day."],
    ),
    (
        "number_swap",
        C,
        "How long does a Click & Collect parcel wait in the locker?",
        "Your parcel waits in the locker for 14 days before it's sent back.",
        ["The parcel waits in the locker for 7 days."],
    ),
    (
        "number_swap",
        C,
        "When is Standard delivery free?",
        "Standard delivery is free on orders over 30 EUR; otherwise it costs 4.95 EUR.",
        ["Standard delivery is free when your order total is over 50 EUR (after any discounts)."],
    ),
    (
        "negation",
        C,
        "Can my new washing machine (over 30 kg) go to my PO box?",
        "Yes, PO boxes are fine for all deliveries, including bulky items.",
        ["Can I send an order to a PO box?"],
    ),
    (
        "number_swap",
        C,
        "My parcel arrived with a crushed box. How long do I have to report it?",
        "Please take photos and report it within 14 days from Orders > Report a problem.",
        ["Take photos and report it within 7 days from Orders > Report a problem."],
    ),
    (
        "weekday_swap",
        C,
        "I'm having a Next-day order sent to my office. I'm ordering Friday morning.",
        "Since you're ordering on Friday before 14:00 CET, it will arrive on Saturday.",
        ["Next-day orders placed on a Friday before 14:00 CET arrive on Monday"],
    ),
    (
        "invented",
        U,
        "Can I choose a delivery time for Standard shipping?",
        "Yes, for 2 EUR extra you can pick a two-hour delivery slot for Standard delivery at checkout.",
        ["Our most popular option. Your parcel arrives within 3-5 business days and costs 4.95 EUR."],
    ),
    (
        "added_clause",
        U,
        "How does Click & Collect work?",
        "Choose a partner locker at checkout; the parcel arrives in 2-4 business days and you get a pickup code. It waits "
        "for 7 days, and you can extend that once by 3 days in the app.",
        ["How does Click & Collect work?"],
    ),
    (
        "invented",
        U,
        "Is shipping free on my first order?",
        "Yes, first orders always ship free with Express delivery.",
        ["Our most popular option. Your parcel arrives within 3-5 business days and costs 4.95 EUR."],
    ),
    # --- returns and refunds -----------------------------------------------------------------
    (
        "paraphrase",
        S,
        "Can I send back a swimsuit I just don't like?",
        "Swimwear can't be returned if you've simply changed your mind; that's for hygiene reasons. If it's faulty, "
        "though, we'll still sort it out for you.",
        ["Underwear and swimwear: including bikinis, swim shorts", "A swimsuit with a broken seam"],
    ),
    (
        "paraphrase",
        S,
        "I opened a 400 EUR tablet and want to return it. How much do I get back?",
        "You'd get 335.05 EUR back: the 15% restocking fee of 60 EUR and the 4.95 EUR return label are deducted. As a "
        "Lumen Plus member you'd get 340 EUR, since your label is free.",
        ["Your refund is 400 EUR − 60 EUR (15%) − 4.95 EUR (return label) = 335.05 EUR."],
    ),
    (
        "paraphrase",
        S,
        "If I pick store credit for a 100 EUR refund, how much do I get?",
        "You'd get 105 EUR, because store credit comes with a 5% bonus. It's added as soon as the return is checked in.",
        ["For example, a 100 EUR refund becomes 105 EUR of store credit."],
    ),
    (
        "paraphrase",
        S,
        "How quickly do you inspect returns?",
        "Our returns centre usually inspects parcels within three business days of arrival, and you'll get an email when "
        "that's done.",
        ["Our returns centre usually inspects parcels within 3 business days of arrival."],
    ),
    (
        "paraphrase",
        S,
        "Can I put items from two different orders in one return parcel?",
        "No, one return can only include items from the same order, so you'll need to start a separate return for each "
        "order.",
        ["One return can include items from the same order only."],
    ),
    (
        "paraphrase",
        S,
        "I don't own a printer. How do I print the return label?",
        "You don't need to! Just show the QR code from your return email at a drop-off point or partner locker, and the "
        "label gets printed for you.",
        ["Show the QR code from your return email at a drop-off point or partner locker"],
    ),
    (
        "paraphrase",
        S,
        "My tent was delivered on 1 June. What's the last day to return it?",
        "Tents are outdoor gear with a 45-day window, so your last day is 16 July. If you're a Lumen Plus member, it's "
        "31 July.",
        ["Outdoor gear has a 45-day window, so the last day to return it is 16 July."],
    ),
    (
        "paraphrase",
        S,
        "How do I return a bike that weighs over 30 kg?",
        "Start the return online as usual. Since it can't go through a normal parcel shop, our team will contact you "
        "within two business days to arrange a collection time.",
        ["Our team will contact you within 2 business days to arrange a collection time."],
    ),
    (
        "paraphrase",
        S,
        "I returned my speaker as faulty, but what if you can't find a fault?",
        "Our technicians will email you before doing anything else. You can then have the item sent back to you free "
        "of charge, or carry on with a normal return under the standard rules.",
        ["If we can't find a fault, we'll email you before doing anything else."],
    ),
    (
        "paraphrase",
        S,
        "Do you do direct exchanges for a different size?",
        "We don't do direct exchanges. Just order the new size first, then return the original. "
        "Choosing store credit makes it faster. Hope that helps!",
        ["We don't do direct exchanges. Order the new size, then return the original."],
    ),
    (
        "paraphrase",
        S,
        "How long do refunds to my card take?",
        "Once we've received and inspected your return, the refund goes back to your original payment method within 5 to "
        "7 business days.",
        ["Refunds are issued to your original payment method within 5-7 business days"],
    ),
    (
        "number_swap",
        C,
        "What bonus do I get with store credit?",
        "If you choose store credit, you get a 10% bonus on top of your refund.",
        [
            "Choose store credit and it's added to your account instantly once your return is checked in, with a 5% bonus on top."
        ],
    ),
    (
        "wrong_category",
        C,
        "How long can I return my BrewMaster 900 coffee machine?",
        "The BrewMaster 900 can be returned within 45 days of delivery.",
        ["The BrewMaster 900 is a home and kitchen product. You can return it within 30 days of delivery"],
    ),
    (
        "wrong_category",
        C,
        "I opened my HomeHub smart plug and don't need it. Is there a restocking fee?",
        "No, the HomeHub counts as a home & kitchen product, so there's no restocking fee when you return it.",
        ["The HomeHub smart plug is a smart-home device, so electronics return rules apply"],
    ),
    (
        "negation",
        C,
        "Can I return headphones after opening them?",
        "No, headphones count as hygiene items, so they can't be returned once they've been opened.",
        ["Headphones aren't treated as underwear or hygiene items."],
    ),
    (
        "wrong_fact",
        C,
        "How do I pay the 4.95 EUR return label fee?",
        "The fee is charged to your card when you print the label.",
        ["The fee isn't charged to your card. It's deducted from your refund."],
    ),
    (
        "universal_vs_conditional",
        C,
        "If I return my whole order, do I get the Express charge back?",
        "Yes, whenever you return a complete order, we always refund the Express or Next-day surcharge as well.",
        ["Express and Next-day surcharges are only refunded if the item was faulty or wrong."],
    ),
    (
        "universal_vs_conditional",
        C,
        "Is there a restocking fee on electronics?",
        "Yes, every electronics return carries a 15% restocking fee, whether it's opened or not.",
        ["Unopened electronics and faulty items have no restocking fee."],
    ),
    (
        "only_vs_list",
        C,
        "What can't be returned?",
        "Only gift cards can't be returned. Everything else can go back within its return window.",
        ["Which items can't be returned at all?"],
    ),
    (
        "number_swap",
        C,
        "What does a return label cost?",
        "If the item isn't faulty or wrong, a 5.95 EUR return label fee is deducted from your refund.",
        ["Otherwise, a 4.95 EUR return label fee is deducted from your refund."],
    ),
    (
        "wrong_fact",
        C,
        "I'm returning three items from one order in one box. What's the label fee?",
        "The 4.95 EUR fee is charged per item, so that's 14.85 EUR in total.",
        ["If you return several items from the same order in one parcel, you only pay the fee once."],
    ),
    (
        "wrong_fact",
        C,
        "Can you collect my return from home?",
        "Yes, you can book a free home collection for any return in your account.",
        ["Home collection is available for bulky items over 30 kg only."],
    ),
    (
        "added_clause",
        U,
        "You sent me the wrong item. What happens now?",
        "Start a return and choose Wrong item received. Return shipping is free, and we'll ship the correct item "
        "straight away, before the wrong one arrives back with us.",
        ["If you received a different item from the one you ordered, start a return and choose *Wrong item received*."],
    ),
    (
        "invented",
        U,
        "How long is store credit valid?",
        "Store credit is valid for 12 months from the date it's added to your account.",
        ["Store credit is applied automatically at checkout and can be combined with any payment method."],
    ),
    # --- Lumen Plus --------------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "If I cancel Lumen Plus in my third month, how much do I get back?",
        "You'd get nine months refunded, which comes to 36.75 EUR (49 EUR × 9/12).",
        ["How much do I get back if I cancel in my third month?"],
    ),
    (
        "paraphrase",
        S,
        "Will I be warned before my free trial turns into a paid membership?",
        "Yes, we send you a reminder seven days before the trial ends. If you don't cancel, 49 EUR is charged when it ends.",
        ["Otherwise 49 EUR is charged when the trial ends, and we remind you 7 days before."],
    ),
    (
        "paraphrase",
        S,
        "What if I just turn off auto-renew instead of cancelling?",
        "Then you keep your benefits until the renewal date and you won't be charged again. There's no refund in that "
        "case, though.",
        ["There's no refund in this case, because you keep using the benefits."],
    ),
    (
        "paraphrase",
        S,
        "Is Next-day delivery free with Lumen Plus?",
        "No, Next-day costs 14.95 EUR for everyone, members included.",
        ["No. Next-day delivery costs 14.95 EUR for everyone."],
    ),
    (
        "paraphrase",
        S,
        "I had Lumen Plus last year. Can I get another free trial?",
        "A new free trial is only available if you haven't had Lumen Plus in the last 12 months, so it depends on when "
        "your last membership ended.",
        ["A new free trial is only available if you haven't had Lumen Plus in the last 12 months."],
    ),
    (
        "paraphrase",
        S,
        "Can I pay my Lumen Plus fee with a gift card?",
        "No, sorry, the membership fee has to be paid by card or PayPal.",
        ["No. The membership fee is paid by card or PayPal."],
    ),
    (
        "number_swap",
        C,
        "How much is Lumen Plus?",
        "Lumen Plus costs 59 EUR per year, and new members start with a 30-day free trial.",
        ["49 EUR per year. New members start with a 30-day free trial."],
    ),
    (
        "number_swap",
        C,
        "How long is the Lumen Plus free trial?",
        "The free trial lasts 14 days, and you can cancel before it ends without paying anything.",
        ["Try all Lumen Plus benefits for 30 days, free of charge."],
    ),
    (
        "negation",
        C,
        "Does Lumen Plus waive the restocking fee on opened electronics?",
        "Yes, members don't pay the 15% restocking fee on opened electronics.",
        ["Does Lumen Plus waive the restocking fee?"],
    ),
    (
        "wrong_fact",
        C,
        "I cancelled my free trial on day 10. Do I lose the benefits now?",
        "Yes, when you cancel during the trial your benefits end immediately.",
        [
            "If you cancel during the 30-day free trial, you pay nothing and your benefits continue until the trial ends."
        ],
    ),
    (
        "negation",
        C,
        "Do I keep the extra return days on old orders after I cancel Lumen Plus?",
        "No, once you cancel, the extended return windows are removed from all your orders.",
        ["Do I keep the extended returns after I cancel?"],
    ),
    (
        "universal_vs_conditional",
        C,
        "Is there a minimum order for free Express with Lumen Plus?",
        "Free Express applies to orders over 20 EUR; smaller orders ship with Standard.",
        ["Is there a minimum order value for free Express delivery?"],
    ),
    (
        "invented",
        U,
        "Do Lumen Plus members get a discount on products?",
        "Yes, Lumen Plus members get 5% off every order on top of the delivery and returns benefits.",
        ["For 49 EUR a year, you get faster delivery and more relaxed returns on every order."],
    ),
    (
        "added_clause",
        U,
        "What does Lumen Plus include?",
        "For 49 EUR a year you get free Express delivery, 15 extra days for returns and free return labels, plus early "
        "access to all sales. There's a 30-day free trial too.",
        ["Our membership for 49 EUR a year: free Express delivery"],
    ),
    # --- contact -----------------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "Can I phone you on a Saturday?",
        "The phone line is closed at weekends; it's open Monday to Friday from 09:00 to 18:00 CET. Chat is open every "
        "day from 08:00 to 22:00 CET though, weekends included.",
        [
            "The phone line is closed at weekends and on German public holidays.",
            "Hours: 08:00-22:00 CET, every day, including weekends and most public holidays.",
        ],
    ),
    (
        "paraphrase",
        S,
        "How fast do you answer emails?",
        "Every email gets an answer within 24 hours, seven days a week.",
        ["Response time: we answer every email within 24 hours, 7 days a week."],
    ),
    (
        "paraphrase",
        S,
        "I sent a formal complaint. When will I hear back?",
        "You'll get an acknowledgement within two business days and a final written response within 14 days.",
        ["We acknowledge formal complaints within 2 business days and send a final written response within 14 days."],
    ),
    (
        "paraphrase",
        S,
        "Is the chat open on Christmas Eve?",
        "Yes, but with shorter hours on 24 December. Note that the phone line is closed on German public holidays, "
        "while email is answered within 24 hours as usual.",
        ["Chat stays open on most public holidays, with shorter hours on 24, 25 and 31 December and 1 January."],
    ),
    (
        "paraphrase",
        S,
        "Which languages does your customer service speak?",
        "Our customer service team answers in English and German.",
        ["Our customer service answers in English and German."],
    ),
    (
        "paraphrase",
        S,
        "Is the chat a bot?",
        "The chat starts with an assistant that answers from the Help Centre, but you can ask for a person at any time "
        "during chat hours, 08:00-22:00 CET.",
        ["Our chat starts with an assistant that answers from the Help Centre."],
    ),
    (
        "time_swap",
        C,
        "What are the live chat hours?",
        "Live chat is open from 09:00 to 18:00 CET every day.",
        ["Live chat: hours 08:00-22:00 daily; contact Chat with us button on the website and in the app."],
    ),
    (
        "weekday_swap",
        C,
        "When can I call you?",
        "You can call +49 30 1234 5678 Monday to Saturday, 09:00-18:00 CET.",
        ["Hours: Monday to Friday, 09:00-18:00 CET."],
    ),
    (
        "number_swap",
        C,
        "How long does a team lead review take?",
        "If you ask for escalation, a team lead reviews your case and replies within 10 business days.",
        ["A team lead reviews it and replies within 5 business days."],
    ),
    (
        "number_swap",
        C,
        "When will I get an answer to my email?",
        "We answer every email within 48 hours on business days.",
        ["Response time: we answer every email within 24 hours, 7 days a week."],
    ),
    (
        "negation",
        C,
        "Can I place an order over the phone?",
        "Yes, our phone team can take your order over the phone during opening hours.",
        ["No, orders can only be placed on our website or in the Lumen Market app."],
    ),
    (
        "invented",
        U,
        "Can I book a callback?",
        "Yes, you can book a free callback slot in the Lumen Market app, and an agent will call you at that time.",
        ["Best for: complex problems, warranty claims, bulky item deliveries."],
    ),
    # --- Lumen Volt 14 laptop ----------------------------------------------------------------
    (
        "paraphrase",
        S,
        "How do I get into the BIOS on my Volt 14?",
        "Switch it on and keep pressing F2 as soon as the Lumen logo appears. If you want the boot device menu instead, "
        "press F12.",
        ["Switch the laptop on and press F2 repeatedly as soon as the Lumen logo appears."],
    ),
    (
        "paraphrase",
        S,
        "Why does my Volt 14 stop charging at 80%?",
        "That's Battery care mode. It stops charging at 80% to slow down battery ageing, and it's on by default. You can "
        "switch it off in the Lumen Control Centre under Power > Battery care.",
        ["It stops charging at 80%, which slows down battery ageing. Battery care mode is on by default."],
    ),
    (
        "paraphrase",
        S,
        "How many external monitors can I use with the Volt 14?",
        "Up to two at once: one over HDMI 2.1 at up to 4K 120 Hz, and one over USB-C at up to 4K 60 Hz.",
        ["You can connect up to two external monitors at the same time"],
    ),
    (
        "paraphrase",
        S,
        "My Volt 14 won't switch on at all.",
        "Plug in the 65 W adapter and wait at least five minutes, since a completely empty battery needs some charge "
        "first. If the charging LED doesn't light up, try the other USB-C port and a different socket.",
        ["Connect the 65 W adapter and wait at least 5 minutes."],
    ),
    (
        "paraphrase",
        S,
        "Can I take the Volt 14 on a plane?",
        "Yes. Its 72 Wh battery is under the usual 100 Wh airline limit, so you can carry it in your hand luggage.",
        ["72 Wh is below the usual 100 Wh airline limit."],
    ),
    (
        "paraphrase",
        S,
        "What screwdriver do I need to open the Volt 14 for an SSD swap?",
        "You'll need a Torx T5 screwdriver for the eight screws on the bottom cover, plus a small Phillips PH0 for the "
        "screw holding the SSD.",
        ["You will need a Torx T5 screwdriver, a small Phillips PH0 screwdriver"],
    ),
    (
        "number_swap",
        C,
        "How do I reset the BIOS on the Volt 14?",
        "Unplug the charger and hold the power button for 30 seconds.",
        ["Unplug the charger and hold the power button for 15 seconds."],
    ),
    (
        "negation",
        C,
        "Can I upgrade the Volt 14 to 32 GB of RAM?",
        "Yes, the Volt 14 has a free memory slot, so you can add RAM up to 32 GB.",
        ["The memory is soldered to the mainboard and is not upgradeable."],
    ),
    (
        "number_swap",
        C,
        "What's the biggest SSD the Volt 14 supports?",
        "The Volt 14 takes standard M.2 2280 NVMe drives up to 2 TB.",
        ["Drives up to 4 TB are supported."],
    ),
    (
        "wrong_fact",
        C,
        "Windows froze on my Volt 14. How do I force it off?",
        "Hold the power button for 15 seconds to force the laptop to switch off.",
        ["Don't confuse the BIOS reset with a forced shutdown."],
    ),
    (
        "number_swap",
        C,
        "How fast does the Volt 14 charge?",
        "With the 65 W adapter it charges from 0 to 80% in about 30 minutes.",
        ["the 72 Wh battery charges from 0 to 80% in about 60 minutes."],
    ),
    (
        "invented",
        U,
        "Does the Lumen Control Centre have a gaming mode?",
        "Yes, the Lumen Control Centre has a Turbo mode that overclocks the processor for games.",
        ["In the Lumen Control Centre, choose the Quiet fan profile under Performance."],
    ),
    # --- Aurora X2 headphones ----------------------------------------------------------------
    (
        "paraphrase",
        S,
        "I only have 10 minutes to charge my Aurora X2. Is that worth it?",
        "Definitely: ten minutes of charging gives you up to five hours of playback. A full charge takes about two hours.",
        ["Quick charge: 10 minutes of charging gives up to 5 hours of playback."],
    ),
    (
        "paraphrase",
        S,
        "Can I use the Aurora X2 while it charges?",
        "Not wirelessly, but you can still listen through the 3.5 mm cable while they're charging.",
        ["You can't use the headphones wirelessly while they're charging."],
    ),
    (
        "paraphrase",
        S,
        "How many devices does the Aurora X2 remember?",
        "They remember up to eight paired devices, and when you switch them on they reconnect to the last ones you used.",
        ["The Aurora X2 remembers up to 8 paired devices."],
    ),
    (
        "paraphrase",
        S,
        "Can I wear the Aurora X2 in the pool?",
        "No. They're rated IPX4, so sweat and light rain are fine, but don't submerge them or wear them while swimming.",
        ["They're rated IPX4, which means they're splash-resistant"],
    ),
    (
        "paraphrase",
        S,
        "My Aurora X2 keeps turning itself off.",
        "If they aren't connected to any device for 15 minutes, they switch off to save battery. You can change that in "
        "the Lumen Sound app, anywhere from 10 minutes to 4 hours, or never.",
        ["Auto-off: if the headphones aren't connected to any device for 15 minutes"],
    ),
    (
        "number_swap",
        C,
        "What's the Aurora X2 battery life?",
        "You get up to 40 hours with noise cancelling on and up to 30 hours with it off.",
        ["Up to 30 hours with active noise cancelling (ANC) on and up to 40 hours with ANC off."],
    ),
    (
        "wrong_fact",
        C,
        "How do I put the Aurora X2 into pairing mode?",
        "With the headphones off, hold both volume buttons for 10 seconds until the LED flashes blue.",
        ["With the headphones off, hold the power button for 5 seconds until the LED flashes blue"],
    ),
    (
        "number_swap",
        C,
        "Can the Aurora X2 connect to my laptop, phone and tablet at once?",
        "Yes, multipoint lets the Aurora X2 stay connected to three devices at the same time.",
        ["The Aurora X2 can be connected to two devices at the same time, for example a laptop and a phone."],
    ),
    (
        "wrong_fact",
        C,
        "The LED on my Aurora X2 is flashing red. What does it mean?",
        "A flashing red LED means the headphones are charging.",
        ["Flashing red: meaning Battery below 10%."],
    ),
    (
        "invented",
        U,
        "Can the Lumen Sound app do a hearing test?",
        "Yes, the Lumen Sound app includes a hearing test that creates a personalised EQ profile for your ears.",
        ["adjust the equaliser, or choose a preset (Balanced, Bass, Voice, Podcast),."],
    ),
    # --- TrailLite 2 tent --------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "How long does it take to pitch the TrailLite 2 the first time?",
        "The first pitch usually takes 10 to 15 minutes. After one or two practice runs, about five minutes is realistic.",
        ["The first pitch usually takes 10-15 minutes. After one or two practice runs"],
    ),
    (
        "paraphrase",
        S,
        "How many pegs come with the TrailLite 2?",
        "You get ten aluminium Y-pegs, plus four guylines that come pre-attached.",
        ["Aluminium Y-pegs: quantity 10."],
    ),
    (
        "paraphrase",
        S,
        "How long should seam sealer dry before I pack the tent?",
        "Let the silicone seam sealer cure for at least 12 hours, ideally 24, before packing the tent.",
        ["Let it cure for at least 12 hours, ideally 24, before packing the tent."],
    ),
    (
        "paraphrase",
        S,
        "Can I put my TrailLite 2 in the washing machine?",
        "No, please don't machine-wash or tumble-dry it. Clean it with lukewarm water and a soft sponge, and skip "
        "detergents because they damage the coating.",
        ["Never machine-wash or tumble-dry the tent, and don't use detergents, which damage the coating."],
    ),
    (
        "paraphrase",
        S,
        "I had to pack my tent wet. What now?",
        "Unpack it within 24 hours and let it dry completely. A tent stored damp gets mouldy, and mould damage isn't "
        "covered by the guarantee.",
        ["If the tent is wet when you pack it, unpack it within 24 hours and let it dry completely."],
    ),
    (
        "number_swap",
        C,
        "How waterproof are the TrailLite 2 floor and flysheet?",
        "The floor has a hydrostatic head of 3,000 mm and the flysheet 5,000 mm.",
        ["The flysheet has a hydrostatic head of 3,000 mm, and the floor 5,000 mm."],
    ),
    (
        "negation",
        C,
        "Is it OK to cook in the TrailLite 2's vestibule when it rains?",
        "Yes, the vestibule is a good place to use a small stove in bad weather.",
        ["Never cook inside the tent and never use a stove or heater inside it or in the vestibule."],
    ),
    (
        "wrong_fact",
        C,
        "How should I store the TrailLite 2 over winter?",
        "Keep it tightly compressed in its stuff sack so the fabric doesn't crease.",
        ["Store the tent clean, dry and loosely packed in a cool, dark place, not compressed in the stuff sack."],
    ),
    (
        "number_swap",
        C,
        "How often should I reseal the flysheet seams?",
        "You should reseal the flysheet seams every season with regular use.",
        ["We recommend resealing the flysheet seams every 2-3 seasons with regular use."],
    ),
    (
        "number_swap",
        C,
        "Can I sit up in the TrailLite 2? How high is it?",
        "The peak height is 120 cm, so most people can sit up comfortably.",
        ["Peak height: value 105 cm."],
    ),
    (
        "invented",
        U,
        "Do you reseal tent seams for customers?",
        "Yes, Lumen Market offers a free seam resealing service once a year for the TrailLite 2.",
        ["We recommend resealing the flysheet seams every 2-3 seasons with regular use."],
    ),
    # --- HomeHub smart plug ------------------------------------------------------------------
    (
        "paraphrase",
        S,
        "The LED on my HomeHub is solid red. What's wrong?",
        "Solid red means the overload protection switched the device off because it drew more than 16 A. Unplug the "
        "device, check its power rating is within 3,680 W, then press the button to switch the plug back on.",
        ["Overload protection has switched off the connected device because it drew more than 16 A."],
    ),
    (
        "paraphrase",
        S,
        "Do HomeHub schedules still work if my internet goes down?",
        "Yes. Schedules are stored on the plug itself, so they keep running without Wi-Fi or internet as long as the "
        "plug has power.",
        ["Schedules are stored on the plug itself"],
    ),
    (
        "paraphrase",
        S,
        "Can I use the HomeHub in my bathroom?",
        "No, it's for indoor use in dry rooms only, and bathrooms aren't suitable.",
        ["The HomeHub isn't suitable for bathrooms"],
    ),
    (
        "paraphrase",
        S,
        "How long does HomeHub setup take?",
        "Setting it up usually takes two to five minutes in the Lumen Home app.",
        ["Setup usually takes 2-5 minutes."],
    ),
    (
        "paraphrase",
        S,
        "What happens if I hold the HomeHub button for three seconds?",
        "Nothing at all: holding it for 1 to 5 seconds does nothing, so the plug isn't reset by accident. A short press "
        "switches the device on or off, and holding it for 6 seconds resets it.",
        ["Holding the button for 1-5 seconds does nothing"],
    ),
    (
        "negation",
        C,
        "Does the HomeHub work with 5 GHz Wi-Fi?",
        "Yes, the HomeHub connects to both 2.4 GHz and 5 GHz networks.",
        ["The HomeHub connects via 2.4 GHz Wi-Fi (802.11 b/g/n) only."],
    ),
    (
        "number_swap",
        C,
        "What's the maximum load of the HomeHub?",
        "The HomeHub can switch up to 10 A, which is 2,300 W.",
        ["Maximum load: value 16 A / 3,680 W (resistive load)."],
    ),
    (
        "number_swap",
        C,
        "How many schedules can I set on one HomeHub?",
        "You can set up to 50 schedules per plug.",
        ["You can set up to 20 schedules per plug."],
    ),
    (
        "wrong_fact",
        C,
        "What does the HomeHub do after a power cut?",
        "By default it switches back on automatically after a power cut.",
        ["stay off (default),."],
    ),
    (
        "wrong_fact",
        C,
        "My HomeHub LED is solid blue. Is the lamp on?",
        "Yes, solid blue means the plug is connected and power to the device is on.",
        ["Solid blue: meaning Connected, power to the device is off."],
    ),
    (
        "universal_vs_conditional",
        C,
        "Can I plug a multi-socket adapter into the HomeHub?",
        "Yes, that's fine as long as everything together stays under 16 A.",
        ["don't plug a multi-socket adapter into the HomeHub"],
    ),
    (
        "invented",
        U,
        "Does the HomeHub work with Apple HomeKit?",
        "Yes, the HomeHub works with Apple HomeKit as well as Alexa and Google Home.",
        ["The HomeHub works with Amazon Alexa and Google Home."],
    ),
    # --- BrewMaster 900 coffee machine -------------------------------------------------------
    (
        "paraphrase",
        S,
        "How often do I need to descale my BrewMaster 900?",
        "Every three months, or as soon as the orange light comes on, whichever happens first.",
        ["Every 3 months, or when the orange light comes on, whichever is first."],
    ),
    (
        "paraphrase",
        S,
        "Which descaler should I use for the BrewMaster?",
        "Use a descaler based on citric or lactic acid. Vinegar is a no-go, because it can damage the seals and the pump.",
        ["No. Vinegar can damage the seals and the pump. Use a citric or lactic acid descaler."],
    ),
    (
        "paraphrase",
        S,
        "How often does the BrewMaster water filter need changing?",
        "Replace it every two months, or when the filter symbol comes on. Each new filter is registered by holding Clean "
        "and Coffee together for three seconds.",
        ["Replace the filter every 2 months, or when the filter symbol comes on."],
    ),
    (
        "paraphrase",
        S,
        "The red light on my BrewMaster is flashing.",
        "A flashing red light means the water tank is empty or not fitted correctly.",
        ["Flashing red means the water tank is empty or not fitted correctly."],
    ),
    (
        "paraphrase",
        S,
        "Can the BrewMaster's auto-off time be changed?",
        "Yes. By default it switches off 30 minutes after the last drink, and you can set it to 15 minutes, 1 hour or 3 "
        "hours instead: hold Power for 5 seconds when the machine is ready, press Espresso to cycle through the times, "
        "and confirm with Clean.",
        ["The machine switches off automatically 30 minutes after the last drink."],
    ),
    (
        "paraphrase",
        S,
        "My smart plug turns on but the BrewMaster stays off.",
        "That's expected: the BrewMaster 900 has an electronic power switch, so after the smart plug switches on the "
        "power, you still need to press the machine's Power button.",
        ["The BrewMaster 900 has an electronic power switch."],
    ),
    (
        "number_swap",
        C,
        "How often should the BrewMaster 900 be descaled?",
        "Descale it every 6 months, or when the orange light comes on.",
        [
            "Descale the BrewMaster 900 every 3 months, or as soon as the orange light comes on, whichever happens first. The orange light comes on based"
        ],
    ),
    (
        "negation",
        C,
        "Can I descale the BrewMaster with vinegar?",
        "Yes, white vinegar works fine as a cheap alternative to descaler.",
        ["Never use vinegar. Vinegar can damage the seals and the pump"],
    ),
    (
        "wrong_fact",
        C,
        "What does a steady red light on the BrewMaster mean?",
        "A steady red light means the water tank is empty.",
        ["Flashing red means the water tank is empty or not fitted correctly."],
    ),
    (
        "number_swap",
        C,
        "How many grind settings does the BrewMaster 900 have?",
        "The grinder has 5 settings, from fine to coarse.",
        ["The grind setting dial is inside the bean hopper and has 10 settings."],
    ),
    (
        "negation",
        C,
        "My BrewMaster broke from limescale because I never descaled it. Is it covered?",
        "Yes, limescale damage is covered by the 2-year legal guarantee.",
        ["My coffee machine stopped working because of limescale. Is it covered?"],
    ),
    (
        "wrong_fact",
        C,
        "Which BrewMaster parts can go in the dishwasher?",
        "The brew unit, the drip tray and the grounds container can all go in the dishwasher.",
        [
            "Rinse the brew unit under lukewarm running water. Don't use detergent and don't put it in the dishwasher.",
            "Drip tray, cup grid and grounds container can be washed in the dishwasher.",
        ],
    ),
    (
        "invented",
        U,
        "Do I need to buy descaler separately?",
        "No, BrewMaster 900 owners get a free bottle of descaler sent every 3 months.",
        [
            "Descale the BrewMaster 900 every 3 months, or as soon as the orange light comes on, whichever happens first. The orange light comes on based"
        ],
    ),
    # --- declines ----------------------------------------------------------------------------
    (
        "declines",
        S,
        "Do you sell refurbished iPhones?",
        "I'm sorry, the information I have doesn't mention refurbished phones, so I can't answer that.",
        ["Lumen Market is an online shop based in Berlin, Germany."],
    ),
    (
        "declines",
        S,
        "How much does Lumen Care cost for the Volt 14?",
        "The passages don't give a Lumen Care price for the Volt 14. The price depends on the product and is shown on "
        "the product page and in your basket.",
        ["The price depends on the product and is shown on the product page and in your basket."],
    ),
    (
        "declines",
        S,
        "Can the BrewMaster 900 make hot water for tea?",
        "I couldn't find anything about a hot water or tea function for the BrewMaster 900, so I can't confirm that.",
        ["The control panel has six buttons: Power, Espresso, Coffee, Strength, Steam and Clean."],
    ),
    (
        "declines",
        S,
        "Can I pick up my order at your Berlin warehouse?",
        "The information I have doesn't mention collecting orders from the warehouse. What I can tell you is that "
        "Lumen Market is online only, and you can collect orders from partner lockers with Click & Collect.",
        ["No, we're online only. You can collect orders from partner lockers with Click & Collect."],
    ),
    (
        "declines",
        S,
        "Is the TrailLite 2 available in green?",
        "Sorry, I don't have any information about the colours the TrailLite 2 comes in.",
        ["The TrailLite 2 is a lightweight, freestanding 2-person backpacking tent for three-season use."],
    ),
    (
        "declines",
        S,
        "When does your next sale start?",
        "I don't know when the next sale starts. The only thing I can see is that you can sign up for the newsletter to "
        "hear about sales and promotions.",
        ["Sign up for our newsletter to hear about sales and promotions."],
    ),
]


if __name__ == "__main__":
    raise SystemExit(main(CASES, OUT, "pc2", "v3"))
