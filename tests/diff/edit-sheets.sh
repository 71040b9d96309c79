#!/bin/sh
# edit-sheets.sh DEST - an edited copy of sheets/ in DEST, the next
# edition as a catalogue team might write it: each edit below is one
# change jobc diff must report (tests/diff/sheets.expected.*).
set -eu
dest=$1
rm -rf "$dest"
cp -r sheets "$dest"
cd "$dest"

# The catalogue: a new edition.
sed -i 's/^    edition "September 2000"$/    edition "September 2005"/' catalogue.jobsheet
# 1.3: an item relevelled (C to E), an item removed, a task added.
sed -i -e 's/^        C "Project management methods."$/        E "Project management methods."/' \
	-e '/^        K "Familiarity with the principles of value analysis."$/d' \
	-e 's/^            "Supervision of project over time"$/&\n            "Weekly steering committee"/' \
	1.3-development-project-manager.jobsheet
# 3.3a: a trend mark changed (= to +), a task reworded, a task moved.
sed -i -e 's/^            = "Installation of updates"$/            + "Installation of updates"/' \
	-e 's/^            = "User testing and approval of IT and telephone equipment"$/            = "User testing and approval of IT and telephony equipment"/' \
	-e '/^            = "Tracking equipment developments"$/d' \
	-e 's/^            = "Management of network-connected IT resources"$/&\n            = "Tracking equipment developments"/' \
	3.3a-desktop-technician.jobsheet
# 5.1: renamed.
sed -i 's/^sheet 5.1 "Operating System Expert" {$/sheet 5.1 "Operating Systems Expert" {/' \
	5.1-operating-system-expert.jobsheet
# 3.7 becomes 3.8, and says so.
sed -e 's/^sheet 3.7 "Operations Controller" {$/sheet 3.8 "Operations Controller" {/' \
	-e 's/^    replaces 27 "Multi-server Controller"$/&\n    replaces 3.7 "Operations Controller"/' \
	3.7-operations-controller.jobsheet >3.8-operations-controller.jobsheet
rm 3.7-operations-controller.jobsheet
# 4.4 is gone without a word; 6.4 is new.
rm 4.4-erp-parameter-setter.jobsheet
cat >6.4-data-protection-officer.jobsheet <<'SHEET'
sheet 6.4 "Data Protection Officer" {
    family 6
    status new

    mission {
        "Makes sure that personal data is processed lawfully."
    }

    activities {
        "Compliance" {
            "Keeping the register of processing activities"
        }
    }

    general essential {
        E "Data protection law."
    }

    career {
        education "Master's degree in law or information systems."
        experience "5 years in compliance or security."
    }
}
SHEET
