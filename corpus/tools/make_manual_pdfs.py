#!/usr/bin/env python3
"""Render the PDF product manuals of the Lumen Market demo corpus.

The manual text lives in this file as lightly structured, Markdown-like text:

    # N Title        -> numbered section heading (bold, own line)
    ## N.M Title     -> numbered subsection heading (bold, own line)
    - item           -> bullet list item
    1. step          -> numbered step
    Key: value       -> lines inside a "spec" block (started by a line "::spec")
    blank line       -> paragraph break

Only Helvetica (a PDF core font) is used and all text is plain ASCII, so the
PDFs have a clean, extractable text layer.

Usage (needs fpdf2; pypdf optional, for the self-check):
    python3.11 -m venv /tmp/pdfvenv && /tmp/pdfvenv/bin/pip install fpdf2 pypdf
    /tmp/pdfvenv/bin/python corpus/tools/make_manual_pdfs.py --bad-inputs

With --bad-inputs it also (re)writes the fixtures in corpus/bad_inputs/:
scanned_no_text.pdf (one page, only a drawn rectangle, no text layer),
empty.md (0 bytes), latin1.txt (ISO-8859-1, not valid UTF-8) and
binary_garbage.md (200 random bytes from a fixed seed).

If pypdf is installed, every rendered manual is checked: each heading must
come out of the text layer as its own line and no body line may look like a
numbered heading. The script exits with status 1 otherwise.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from fpdf import FPDF

CORPUS = Path(__file__).resolve().parent.parent
MANUAL_DIR = CORPUS / "lumen-market" / "manuals"
BAD_INPUTS_DIR = CORPUS.parent / "tests" / "fixtures" / "bad_inputs"

# --------------------------------------------------------------------------
# Manual sources
# --------------------------------------------------------------------------

VOLT14 = {
    "filename": "lumen-volt-14-laptop-manual.pdf",
    "title": "Lumen Volt 14 Laptop",
    "subtitle": "User Manual",
    "meta": "Model LV14-2024 - Manual version 1.2 - Lumen Market GmbH, Musterstrasse 12, 10115 Berlin, Germany",
    "footer": "Lumen Volt 14 User Manual",
    "body": """
Thank you for choosing the Lumen Volt 14. This manual explains how to set up, charge, upgrade and look after your laptop. Please read the safety information before first use and keep this manual for future reference.

# 1 Safety information

## 1.1 General safety

- Use the laptop on a hard, stable surface. Soft surfaces such as beds, pillows and sofas can block the air vents on the underside and cause overheating.
- Don't rest the laptop on your lap for long periods while it is under heavy load. The underside can become warm.
- Keep liquids away from the keyboard. Liquid damage is not covered by the legal guarantee or by standard Lumen Care. Only Lumen Care+ covers accidental damage.
- Operate the laptop at ambient temperatures between 5 and 35 degrees C.
- Don't open the laptop while it is connected to the charger. Only open the bottom cover to replace the SSD, as described in section 6.2.

## 1.2 Battery and charger safety

- The Volt 14 contains a built-in lithium-ion polymer battery with a capacity of 72 Wh. The battery is not user-replaceable. Contact Lumen Market customer service if it needs replacing.
- Use the supplied 65 W USB-C adapter or a certified USB-C Power Delivery charger with at least 65 W.
- Don't use the charger if the cable or plug is damaged.
- If the battery swells, leaks, smells unusual or becomes very hot, shut the laptop down, unplug it and stop using it. Contact customer service.
- The battery may be carried in hand luggage on aircraft. 72 Wh is below the usual 100 Wh airline limit.

# 2 Getting to know your Volt 14

## 2.1 What is in the box

- Lumen Volt 14 laptop
- 65 W USB-C power adapter with a 1.8 m USB-C cable
- Quick start guide and safety leaflet

## 2.2 Ports and controls

Left side, from back to front:

- 2 x USB-C (USB4, 40 Gbit/s) with Power Delivery charging and DisplayPort 1.4 output. Both ports can be used for charging.
- HDMI 2.1 output for an external monitor or TV.

Right side, from back to front:

- USB-A (USB 3.2 Gen 1, 5 Gbit/s)
- microSD card reader
- 3.5 mm combined headphone and microphone jack

Keyboard area:

- The power button is at the top right of the keyboard. It has a built-in fingerprint reader for Windows Hello.
- The charging LED is on the left edge, next to the USB-C ports. It lights white while charging and turns off when the battery is full or Battery care mode has stopped charging.
- The 1080p webcam above the screen has a sliding privacy shutter.

## 2.3 Keyboard and touchpad

The backlit keyboard has three brightness levels. Press Fn + Space to change the backlight. The function keys control brightness, volume and the microphone. Press Fn + Esc to lock the function keys so that F1 to F12 work without holding Fn.

The glass touchpad supports Windows multi-finger gestures. Tap with two fingers for a right-click, and scroll with two fingers. You can change touchpad settings in Windows under Settings > Bluetooth and devices > Touchpad.

# 3 Charging the battery

## 3.1 The 65 W USB-C adapter

Connect the USB-C cable of the adapter to either of the USB-C ports on the left side. The charging LED lights white. The laptop can be used normally while it is charging.

The Volt 14 also charges with other USB-C Power Delivery chargers. With a charger of 45 W, charging takes longer and the battery may only charge slowly under heavy load. With chargers below 30 W, Windows shows a "Slow charger" warning. In that case the laptop may only keep its charge level while it is switched on.

## 3.2 Fast charging

With the supplied 65 W adapter, the 72 Wh battery charges from 0 to 80% in about 60 minutes. A full charge to 100% takes about 2 hours, because charging slows down above 80% to protect the battery.

Fast charging works best when the laptop is switched off or asleep. During demanding tasks, such as gaming or video export, part of the adapter power is used to run the laptop, so charging takes longer.

## 3.3 Battery care mode

If your laptop stays connected to the charger most of the time, turn on Battery care mode. It stops charging at 80%, which slows down battery ageing. Battery care mode is on by default.

1. Open the Lumen Control Centre app.
2. Select Power > Battery care.
3. Switch Battery care on or off.

When Battery care mode is on and the battery has reached 80%, the charging LED turns off although the charger is connected. This is normal.

## 3.4 Battery life

The battery lasts up to 14 hours for local video playback at 150 nits brightness with Wi-Fi off. Typical office work and browsing gives around 9 to 11 hours. Battery life depends on screen brightness, refresh rate, running apps and the power mode.

Tips for longer battery life:

- Use the Balanced or Battery saver power mode in Windows.
- Lower the screen brightness and set the refresh rate to 60 Hz in the Lumen Control Centre.
- Close apps you are not using, especially browser tabs with video.
- Turn the keyboard backlight off in daylight.

## 3.5 Battery health

The Lumen Control Centre shows the battery health under Power > Battery health, as a percentage of the original capacity. The battery is covered for 1 year against dropping below 80% of its original capacity under normal use.

# 4 First start-up

1. Connect the 65 W adapter before you switch the laptop on for the first time.
2. Open the lid. The Volt 14 starts automatically when you open it for the first time.
3. Follow the Windows setup. You need a Wi-Fi connection and a Microsoft account, or you can create a local account.
4. Install all Windows updates under Settings > Windows Update. Restart when asked.
5. Open the Lumen Control Centre and install any BIOS and driver updates it offers.

To set up the fingerprint reader, go to Settings > Accounts > Sign-in options > Fingerprint recognition and touch the power button several times as instructed.

# 5 Display and external monitors

## 5.1 The built-in display

The 14-inch display has a resolution of 2880 x 1800 pixels in 16:10 format, a refresh rate of up to 90 Hz and a brightness of up to 400 nits. Windows scales the display to 200% by default, which gives sharp, easy-to-read text. You can change the scaling under Settings > System > Display.

## 5.2 Connecting external monitors

You can connect up to two external monitors at the same time:

- one monitor via HDMI 2.1 (up to 4K at 120 Hz), and
- one monitor via USB-C with DisplayPort output (up to 4K at 60 Hz per port).

USB-C monitors with Power Delivery of 65 W or more can charge the laptop through the same cable.

# 6 Memory and storage

## 6.1 Memory (RAM)

The Volt 14 has 16 GB of LPDDR5x memory. The memory is soldered to the mainboard and is not upgradeable. There are no memory slots inside the laptop.

## 6.2 Replacing the SSD

The SSD is a standard M.2 2280 NVMe drive (PCIe 4.0) and is upgradeable. The largest supported drive size is 4 TB. Replacing the SSD yourself does not affect the legal guarantee or Lumen Care, as long as nothing is damaged during the upgrade.

You will need a Torx T5 screwdriver, a small Phillips PH0 screwdriver, a plastic opening tool and the new SSD (type M.2 2280 NVMe).

1. Back up your data. If you want to keep Windows, clone the old drive to the new one first, or create a Windows recovery drive.
2. Shut down the laptop and unplug the charger.
3. Disconnect the battery: restart into BIOS setup (see section 7.1), open Advanced > Battery disconnect and confirm. The laptop switches off and can only be switched on again with the charger connected.
4. Close the lid and place the laptop upside down on a soft, clean cloth.
5. Remove the 8 Torx T5 screws from the bottom cover.
6. Starting at the hinge side, carefully release the clips with the plastic opening tool and lift off the cover.
7. The SSD is under a metal thermal shield next to the fan. Remove the Phillips screw that holds the shield and the SSD.
8. Pull the old SSD out of the slot at a slight angle.
9. Insert the new SSD at an angle of about 20 degrees, press it down and fix it with the Phillips screw and the thermal shield.
10. Refit the bottom cover and the 8 screws. Don't overtighten them.
11. Connect the charger. The battery reconnects automatically when power is applied.
12. Install Windows from a recovery drive if the new SSD is empty. Drivers are available in the support section of lumenmarket.example.

# 7 BIOS and firmware

## 7.1 Opening BIOS setup

Switch the laptop on and press F2 repeatedly as soon as the Lumen logo appears. To choose a boot device, for example a USB recovery drive, press F12 instead.

In BIOS setup, you can change the boot order, turn Secure Boot on or off, disconnect the battery for service and set the fan profile.

## 7.2 Resetting the BIOS

If the laptop doesn't start after a BIOS change, shows a black screen, or doesn't react to the power button, reset the BIOS:

1. Unplug the charger and any USB devices.
2. Hold the power button for 15 seconds.
3. Release the button, then connect the charger.
4. Press the power button normally to switch the laptop on. The first start after a reset can take up to 1 minute and the screen may stay black for a while.

The BIOS reset restores BIOS settings to their factory defaults. Your files, apps and Windows are not affected.

Don't confuse the BIOS reset with a forced shutdown. If Windows has frozen, hold the power button for 5 seconds to force the laptop to switch off.

## 7.3 BIOS and driver updates

The Lumen Control Centre checks for BIOS, firmware and driver updates once a week. Connect the charger before you install a BIOS update and don't switch the laptop off while the update is running. The laptop restarts several times.

# 8 Troubleshooting

## 8.1 The laptop does not switch on

- Connect the 65 W adapter and wait at least 5 minutes. A completely empty battery needs some charge before the laptop starts.
- Check that the charging LED lights up. If it doesn't, try the other USB-C port and another power socket.
- If the laptop still doesn't start, do a BIOS reset as described in section 7.2.

## 8.2 The battery does not charge

- Check whether Battery care mode is on. It stops charging at 80% on purpose.
- Use the supplied 65 W adapter. Phone chargers don't provide enough power.
- If the battery level stays at 0% with the original adapter, contact customer service.

## 8.3 Windows has frozen

Hold the power button for 5 seconds to force the laptop to switch off. Wait a few seconds and switch it on again. If this happens often, install the latest updates through Windows Update and the Lumen Control Centre.

## 8.4 The fan is loud or the laptop is hot

- Make sure the air vents on the underside and at the back are not blocked.
- In the Lumen Control Centre, choose the Quiet fan profile under Performance.
- Some dust in the fan is normal after a few years. Our service team can clean it for you.

## 8.5 No Wi-Fi connection

- Check that Airplane mode is off (Fn + F10).
- Restart your router and the laptop.
- Update the Wi-Fi driver through the Lumen Control Centre.

## 8.6 Restoring Windows

To reinstall Windows, go to Settings > System > Recovery > Reset this PC. You can keep or remove your files. Back up important data first.

# 9 Technical specifications

::spec
Display: 14 inch, 2880 x 1800, 16:10, up to 90 Hz, 400 nits, matte
Processor: 8-core processor with integrated graphics
Memory: 16 GB LPDDR5x, soldered, not upgradeable
Storage: 512 GB or 1 TB NVMe SSD, M.2 2280, PCIe 4.0, upgradeable up to 4 TB
Battery: 72 Wh lithium-ion polymer, up to 14 hours video playback
Charging: 65 W USB-C adapter, 0 to 80% in about 60 minutes
Ports: 2 x USB-C (USB4), 1 x USB-A, HDMI 2.1, microSD, 3.5 mm audio
Wireless: Wi-Fi 6E, Bluetooth 5.3
Camera: 1080p with privacy shutter
Security: fingerprint reader in the power button, TPM 2.0
Dimensions: 312 x 221 x 15.9 mm
Weight: 1.35 kg
Operating system: Windows 11 Home

# 10 Warranty, returns and support

## 10.1 Legal guarantee and Lumen Care

The Volt 14 comes with the 2-year legal guarantee from the date of delivery. You can extend the protection by 1 or 3 years with Lumen Care, which must be bought within 30 days of delivery. Accidental damage, such as drops and spills, is covered only with Lumen Care+. The battery is covered for 1 year against dropping below 80% of its original capacity.

## 10.2 Returns

Laptops are electronics. You can return the Volt 14 within 30 days of delivery, or 45 days if you are a Lumen Plus member. An opened laptop that is not faulty carries a 15% restocking fee. Please reset Windows and remove your accounts before returning it.

## 10.3 Contact

- Chat: 08:00-22:00 CET daily
- Phone: +49 30 1234 5678, Monday to Friday 09:00-18:00 CET
- Email: support@lumenmarket.example, answered within 24 hours
""",
}

BREWMASTER = {
    "filename": "brewmaster-900-coffee-machine-manual.pdf",
    "title": "BrewMaster 900 Coffee Machine",
    "subtitle": "Instructions for Use",
    "meta": "Model BM900 - Manual version 1.1 - Lumen Market GmbH, Musterstrasse 12, 10115 Berlin, Germany",
    "footer": "BrewMaster 900 Instructions for Use",
    "body": """
Thank you for choosing the BrewMaster 900 bean-to-cup coffee machine. It grinds fresh beans for every cup and brews espresso and coffee with a 15-bar pump. The steam wand lets you froth milk for cappuccino and latte. Please read these instructions carefully before first use and keep them for future reference.

# 1 Safety instructions

## 1.1 Electrical safety

- Connect the machine only to an earthed socket with 220 to 240 V. Don't use extension leads or multi-socket adapters.
- Never immerse the machine, the power cord or the plug in water.
- Unplug the machine before cleaning, before moving it, and when you won't use it for a long time.
- Don't use the machine if the power cord or the housing is damaged. Contact customer service.

## 1.2 Hot surfaces and steam

- The coffee spout, the steam wand and hot water become very hot. Keep your hands away while the machine is brewing or steaming.
- Never point the steam wand at people.
- Children under 8 years must be kept away from the machine and the power cord.

## 1.3 Installation

- Place the machine on a flat, stable and heat-resistant surface, at least 10 cm from walls and away from sinks and cookers.
- Use the machine indoors only, at room temperatures between 10 and 35 degrees C.
- Protect the machine from frost. Water left inside can freeze and damage the pump and the thermoblock.

# 2 Overview

## 2.1 What is in the box

- BrewMaster 900 coffee machine
- Water tank (1.8 L), fitted
- Drip tray with cup grid, fitted
- Grounds container, fitted
- Measuring spoon for pre-ground coffee
- Water hardness test strip
- Water filter cartridge
- Quick start guide and these instructions

## 2.2 Parts of the machine

- Bean hopper with lid on the top, holding up to 250 g of beans
- Grind setting dial inside the bean hopper, with 10 settings
- Chute for pre-ground coffee, next to the bean hopper
- Removable water tank at the back, 1.8 L
- Height-adjustable coffee spout, for cups from 7 to 14 cm high
- Steam wand with removable tip on the right side
- Brew unit behind the service door on the right side
- Grounds container inside the machine, holding up to 12 used coffee pucks
- Drip tray with float indicator at the front

## 2.3 Control panel and lights

The control panel has six buttons: Power, Espresso, Coffee, Strength, Steam and Clean.

Status lights:

- White light: the machine is ready to brew.
- White light flashing: the machine is heating up. Heating takes about 40 seconds.
- Orange light: the machine needs descaling (see section 6).
- Orange light flashing: a descaling or cleaning programme is running.
- Red light flashing: the water tank is empty. Fill the tank.
- Red light steady: the grounds container is full or the drip tray is not fitted. Empty the grounds container and refit the drip tray.
- Filter symbol: the water filter needs to be replaced.

# 3 Before first use

## 3.1 Setting the water hardness

The machine calculates when descaling is needed from the amount of water used and the water hardness. Set the correct hardness before first use.

1. Dip the test strip into tap water for 1 second.
2. Wait 1 minute and count the red squares on the strip.
3. With the machine switched on and ready, hold the Strength button for 5 seconds. The Strength lights show the current hardness level.
4. Press Strength repeatedly to choose level 1 (soft water) to level 4 (very hard water), matching the number of red squares.
5. Press Clean to confirm.

The factory setting is level 3.

## 3.2 Fitting the water filter

The water filter reduces limescale and improves the taste of your coffee. It is optional but recommended.

1. Soak the new filter in cold water for 5 minutes.
2. Screw the filter into the holder at the bottom of the water tank.
3. Register the filter: hold the Clean and Coffee buttons together for 3 seconds. The filter symbol lights up briefly.

Replace the filter every 2 months, or when the filter symbol comes on. Register each new filter in the same way.

## 3.3 Filling water and beans

1. Pull the water tank out towards the back, rinse it and fill it with fresh, cold water up to the MAX mark. The tank holds 1.8 L.
2. Open the lid of the bean hopper and fill it with coffee beans. Don't use oily, caramelised or flavoured beans. They can block the grinder.
3. Close the lid.

## 3.4 First rinse

1. Place a large container under the coffee spout and the steam wand.
2. Press Power. The white light flashes while the machine heats up.
3. The machine rinses the coffee system automatically. Hot water runs out of the coffee spout.
4. Brew and discard the first two cups of coffee. This removes any residue from factory testing.

# 4 Making coffee

## 4.1 Espresso and coffee

1. Place a cup under the coffee spout and adjust the height of the spout to the cup.
2. Press Espresso for a short, strong coffee of about 40 ml, or Coffee for a longer coffee of about 120 ml.
3. To make two cups at once, press the button twice within 1 second and place two cups under the spout.

The machine grinds the beans, pre-infuses the coffee and brews it with up to 15 bar of pressure. You can stop brewing at any time by pressing the button again.

## 4.2 Strength and cup size

Press Strength before you select a drink to choose mild, medium or strong. The setting is kept for the next cup.

To change the cup size, hold Espresso or Coffee for 3 seconds until brewing starts. Release the button when the cup contains the amount you want. The machine saves the new volume. Espresso can be set from 25 to 80 ml, coffee from 60 to 240 ml.

## 4.3 Grind setting

The grind setting dial is inside the bean hopper and has 10 settings. Setting 1 is the finest, setting 10 the coarsest.

- Finer settings give a stronger, more intense coffee with more crema.
- Coarser settings give a milder coffee and are better for dark roasts.

Only turn the dial while the grinder is running, one step at a time. You will notice the difference after two or three cups. The factory setting is 5.

## 4.4 Pre-ground coffee

1. Open the lid of the pre-ground coffee chute.
2. Add one level measuring spoon of pre-ground coffee. Never add more than one spoon.
3. Close the lid and press Espresso or Coffee. The machine brews one cup with the pre-ground coffee.

Don't use instant coffee. It blocks the brew unit.

# 5 Milk drinks

## 5.1 Using the steam wand

1. Fill a stainless steel jug one third full with cold milk. Cold whole milk or oat drink for baristas gives the best foam.
2. Press Steam. The white light flashes while the machine heats up for steam, which takes about 20 seconds.
3. When the light stays on, hold the jug under the steam wand so that the tip is just below the surface of the milk.
4. Turn the steam dial to start steaming. Lower the jug slowly as the foam rises.
5. When the jug is too hot to hold comfortably, turn the steam dial off and then remove the jug.

## 5.2 Cleaning the steam wand

Clean the steam wand after every use, otherwise milk residue dries and blocks the tip.

1. Wipe the steam wand with a damp cloth straight away.
2. Place a container under the wand and open the steam dial for 2 seconds to flush out milk residue.
3. Once a week, unscrew the tip and rinse it in warm water.

# 6 Descaling

## 6.1 When to descale

Descale the BrewMaster 900 every 3 months, or as soon as the orange light comes on, whichever happens first. The orange light comes on based on the amount of water used and the water hardness setting. With very hard water, this can happen sooner than every 3 months.

Regular descaling is essential. Limescale reduces the brewing temperature, slows the water flow and can damage the 15-bar pump and the thermoblock. Damage caused by limescale because the machine was not descaled is not covered by the guarantee.

## 6.2 What you need

- One bottle (100 ml) of BrewMaster descaler, or another liquid descaler for coffee machines based on citric or lactic acid
- A container that holds at least 0.6 L
- About 30 minutes

Never use vinegar. Vinegar can damage the seals and the pump and leaves a taste that is hard to remove.

## 6.3 Descaling step by step

1. Empty the drip tray and the grounds container and put them back.
2. Remove the tip of the steam wand.
3. Remove the water filter from the water tank, if one is fitted.
4. Fill the water tank with water up to the 0.5 L mark and add one bottle (100 ml) of descaler.
5. Place the container under the coffee spout and the steam wand.
6. Press and hold the Clean button for 3 seconds. The orange light flashes while the descaling programme runs. The machine pumps the descaling solution through the system in several cycles, with pauses in between.
7. When the machine pauses and the water tank symbol lights up, empty the container, rinse the water tank and fill it with fresh water up to the MAX mark.
8. Put the container back and press Clean again to start the rinse cycle.
9. When the orange light goes out, descaling is complete. Refit the water filter and the tip of the steam wand.

If the programme is interrupted, for example by a power cut, the machine continues with the rinse cycle when it is switched on again. Always finish the rinse cycle before you make coffee.

# 7 Cleaning and maintenance

## 7.1 Daily cleaning

- Empty the drip tray when the red float indicator appears, and at least once a day.
- Empty the grounds container at least once a day, even if it isn't full, to prevent mould.
- Wipe the steam wand after every use.
- Empty the water tank and refill it with fresh water every day.

## 7.2 Weekly: cleaning the brew unit

1. Switch the machine off with the Power button and unplug it.
2. Open the service door on the right side.
3. Press the red release lever and pull the brew unit out by its handle.
4. Rinse the brew unit under lukewarm running water. Don't use detergent and don't put it in the dishwasher.
5. Let it air-dry completely before you slide it back in until it clicks.

## 7.3 Monthly cleaning

- Wipe the inside of the bean hopper with a dry cloth. Don't use water in the bean hopper.
- Drip tray, cup grid and grounds container can be washed in the dishwasher.

## 7.4 Auto-off and energy saving

The machine switches off automatically 30 minutes after the last drink. You can change the auto-off time to a shorter or longer period (15 minutes, 1 hour or 3 hours): hold the Power button for 5 seconds when the machine is ready, then press Espresso repeatedly to cycle through the times and Clean to confirm.

# 8 Troubleshooting

## 8.1 The orange light is on

The machine needs descaling. Follow the steps in section 6.3. The light goes out when the descaling programme has finished.

## 8.2 The coffee is not hot enough

- Preheat your cup with hot water.
- Descale the machine. Limescale lowers the brewing temperature.

## 8.3 Coffee only comes out drop by drop

- The grind is too fine. Turn the grind setting dial to a coarser setting while the grinder is running.
- The machine needs descaling.
- The brew unit is dirty. Clean it as described in section 7.2.

## 8.4 The coffee is weak and watery

- Choose a finer grind setting or a higher strength.
- Check that there are enough beans in the bean hopper.
- Don't add more than one spoon of pre-ground coffee.

## 8.5 The red light is on

Flashing red means the water tank is empty or not fitted correctly. Steady red means the grounds container is full or the drip tray is missing. Empty the grounds container with the machine switched on, so that the counter resets.

## 8.6 The machine is leaking

- Check that the water tank is pushed in all the way.
- Empty the drip tray.
- If water still leaks from under the machine, switch it off, unplug it and contact customer service.

## 8.7 The machine does not switch on with a smart plug

The BrewMaster 900 has an electronic power switch. After the power supply is switched on, for example by a smart plug or a timer, you still need to press the Power button on the machine.

# 9 Technical specifications

::spec
Type: bean-to-cup espresso machine
Pump pressure: 15 bar
Water tank: 1.8 L, removable
Bean hopper: 250 g
Grinder: conical steel burr grinder, 10 settings
Grounds container: up to 12 portions
Heating system: thermoblock, ready in about 40 seconds
Power: 1450 W, 220 to 240 V, 50 Hz
Cup height: 7 to 14 cm
Dimensions: 240 x 430 x 350 mm (W x D x H)
Weight: 8.2 kg

# 10 Warranty, returns and support

## 10.1 Legal guarantee

The BrewMaster 900 comes with the 2-year legal guarantee from the date of delivery. The guarantee does not cover damage caused by limescale if the machine was not descaled every 3 months or when the orange light came on, damage caused by using vinegar, frost damage, or wear parts such as the water filter and seals.

## 10.2 Returns

The BrewMaster 900 is a home and kitchen product. You can return it within 30 days of delivery, or 45 days if you are a Lumen Plus member. Please clean and empty the machine, including the water tank, drip tray and grounds container, before you send it back.

## 10.3 Contact

- Chat: 08:00-22:00 CET daily
- Phone: +49 30 1234 5678, Monday to Friday 09:00-18:00 CET
- Email: support@lumenmarket.example, answered within 24 hours
""",
}

MANUALS = [VOLT14, BREWMASTER]

# --------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------

HEADING_RE = re.compile(r"^(#{1,2}) (\d+(?:\.\d+)?) (.+)$")
NUMBERED_RE = re.compile(r"^(\d+)\. (.+)$")

# (kind, payload): the text of an "h1", "h2", "para" or "bullet"; (number, text) of a "step";
# (key, value) of a "spec" line.
Block = tuple[str, str | tuple[str, str]]


def parse(body: str) -> list[Block]:
    """Turn the Markdown-like source into a list of (kind, payload) blocks."""
    blocks: list[Block] = []
    para: list[str] = []
    in_spec = False

    def flush() -> None:
        if para:
            blocks.append(("para", " ".join(para)))
            para.clear()

    for raw in body.strip().splitlines():
        line = raw.rstrip()
        if not line:
            flush()
            in_spec = False
            continue
        if line == "::spec":
            flush()
            in_spec = True
            continue
        if in_spec:
            key, _, value = line.partition(":")
            blocks.append(("spec", (key.strip(), value.strip())))
            continue
        m = HEADING_RE.match(line)
        if m:
            flush()
            level = len(m.group(1))
            text = f"{m.group(2)} {m.group(3)}"
            if len(text) >= 70:
                raise ValueError(f"heading too long: {text!r}")
            blocks.append(("h1" if level == 1 else "h2", text))
            continue
        if line.startswith("- "):
            flush()
            blocks.append(("bullet", line[2:]))
            continue
        m = NUMBERED_RE.match(line)
        if m:
            flush()
            blocks.append(("step", (m.group(1), m.group(2))))
            continue
        para.append(line)
    flush()
    return blocks


# --------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------


class ManualPDF(FPDF):
    def __init__(self, footer_text: str) -> None:
        super().__init__(format="A4")
        self.footer_text = footer_text
        self.set_margins(20, 20, 20)
        self.set_auto_page_break(auto=True, margin=20)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("Helvetica", "", 8)
        self.set_text_color(110, 110, 110)
        self.cell(0, 6, f"{self.footer_text} | Page {self.page_no()}", align="C")
        self.set_text_color(0, 0, 0)


def check_text(text: str) -> None:
    try:
        text.encode("ascii")
    except UnicodeEncodeError as exc:  # keep the PDFs plain ASCII / Latin-1 safe
        raise ValueError(f"non-ASCII text in manual source: {text[exc.start : exc.end + 20]!r}") from exc


def render(manual: dict, out_dir: Path) -> Path:
    for key in ("title", "subtitle", "meta", "footer", "body"):
        check_text(manual[key])

    pdf = ManualPDF(manual["footer"])
    pdf.set_title(f"{manual['title']} - {manual['subtitle']}")
    pdf.set_author("Lumen Market GmbH")
    pdf.set_creator("corpus/tools/make_manual_pdfs.py")
    pdf.set_creation_date(__import__("datetime").datetime(2024, 9, 1, tzinfo=__import__("datetime").timezone.utc))

    pdf.add_page()
    # Title block (not a numbered heading).
    pdf.set_font("Helvetica", "B", 22)
    pdf.multi_cell(0, 11, manual["title"], new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 14)
    pdf.multi_cell(0, 8, manual["subtitle"], new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("Helvetica", "", 9)
    pdf.set_text_color(90, 90, 90)
    pdf.multi_cell(0, 5, manual["meta"], new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(6)

    width = pdf.w - pdf.l_margin - pdf.r_margin
    for block in parse(manual["body"]):
        match block:
            case "h1", str(text):
                pdf.ln(4)
                if pdf.get_y() > pdf.h - 50:
                    pdf.add_page()
                pdf.set_font("Helvetica", "B", 14)
                pdf.multi_cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")
                pdf.ln(1)
            case "h2", str(text):
                pdf.ln(2)
                if pdf.get_y() > pdf.h - 40:
                    pdf.add_page()
                pdf.set_font("Helvetica", "B", 11.5)
                pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
            case "para", str(text):
                pdf.set_font("Helvetica", "", 10)
                pdf.multi_cell(0, 5.2, text, new_x="LMARGIN", new_y="NEXT")
                pdf.ln(2)
            case "bullet", str(text):
                pdf.set_font("Helvetica", "", 10)
                pdf.set_x(pdf.l_margin + 4)
                pdf.multi_cell(width - 4, 5.2, f"- {text}", new_x="LMARGIN", new_y="NEXT")
                pdf.ln(0.8)
            case "step", (num, text):
                pdf.set_font("Helvetica", "", 10)
                pdf.set_x(pdf.l_margin + 4)
                pdf.multi_cell(width - 4, 5.2, f"{num}. {text}", new_x="LMARGIN", new_y="NEXT")
                pdf.ln(0.8)
            case "spec", (key, value):
                pdf.set_x(pdf.l_margin + 4)
                pdf.set_font("Helvetica", "B", 10)
                pdf.cell(45, 6, f"{key}:")
                pdf.set_font("Helvetica", "", 10)
                pdf.multi_cell(width - 49, 6, value, new_x="LMARGIN", new_y="NEXT")
            case kind, _:  # pragma: no cover
                raise ValueError(kind)

    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / manual["filename"]
    pdf.output(str(out))
    return out


def make_scanned_no_text(out_dir: Path) -> Path:
    """A valid one-page PDF that contains only a drawn rectangle, no text."""
    pdf = FPDF(format="A4")
    pdf.set_creation_date(__import__("datetime").datetime(2024, 9, 1, tzinfo=__import__("datetime").timezone.utc))
    pdf.add_page()
    pdf.set_fill_color(225, 225, 220)
    pdf.set_draw_color(60, 60, 60)
    pdf.rect(25, 30, 160, 220, style="DF")
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / "scanned_no_text.pdf"
    pdf.output(str(out))
    return out


HEADING_LINE_RE = re.compile(r"^\d+(?:\.\d+)?\s+\S")


def verify(path: Path, manual: dict) -> list[str]:
    """Check the text layer with pypdf (if installed): every heading must be
    its own line and no body line may look like a numbered heading."""
    try:
        from pypdf import PdfReader
    except ImportError:  # pragma: no cover - pypdf is optional
        return []
    text = "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
    lines = [line.strip() for line in text.splitlines()]
    expected = [p for k, p in parse(manual["body"]) if k in ("h1", "h2")]
    problems = [f"heading not on its own line: {h!r}" for h in expected if h not in lines]
    problems += [
        f"body line looks like a heading: {line!r}"
        for line in lines
        if HEADING_LINE_RE.match(line) and line not in expected
    ]
    return problems


LATIN1_TEXT = (
    "Lumen Market - Kundenservice / Service client\n"
    "\n"
    "R\u00fccksendungen von Elektronik sind innerhalb von 30 Tagen nach Lieferung m\u00f6glich.\n"
    "Les retours de v\u00eatements sont accept\u00e9s pendant 60 jours, non port\u00e9s et avec \u00e9tiquettes.\n"
    "Caf\u00e9-Maschine BrewMaster 900: Entkalken alle 3 Monate. Gr\u00f6\u00dfe: 1,8 L.\n"
    "Se\u00f1or M\u00fcller pregunta: \u00bfdevoluciones de libros en 14 d\u00edas? S\u00ed. \u00c0 bient\u00f4t!\n"
)


def make_other_bad_inputs(out_dir: Path) -> list[Path]:
    """Non-PDF fixtures for bad-input tests (deterministic)."""
    import random

    out_dir.mkdir(parents=True, exist_ok=True)
    empty = out_dir / "empty.md"
    empty.write_bytes(b"")
    latin1 = out_dir / "latin1.txt"
    latin1.write_bytes(LATIN1_TEXT.encode("iso-8859-1"))
    garbage = out_dir / "binary_garbage.md"
    garbage.write_bytes(random.Random(20240901).randbytes(200))
    for path in (latin1, garbage):
        try:
            path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:  # pragma: no cover
            raise AssertionError(f"{path} unexpectedly decodes as UTF-8")
    return [empty, latin1, garbage]


def main(argv: list[str]) -> int:
    failed = False
    for manual in MANUALS:
        out = render(manual, MANUAL_DIR)
        print(out)
        for problem in verify(out, manual):
            failed = True
            print(f"  {problem}", file=sys.stderr)
    if failed:
        return 1
    if "--bad-inputs" in argv:
        print(make_scanned_no_text(BAD_INPUTS_DIR))
        for path in make_other_bad_inputs(BAD_INPUTS_DIR):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
