# tests/sarif.mk - the SARIF 2.1.0 validators, for a SARIF output to come.
#
#   make sarif-tools          installs them (tests/sarif/node_modules)
#   make check-sarif-tools    shows that tests/sarif/validate.sh works
#
# tests/sarif/validate.sh FILE.sarif... runs Microsoft's SARIF Multitool
# (`validate`: the schema and the specification's rules) and ajv against
# the SARIF 2.1.0 JSON Schema the Multitool ships; a file must pass both.
# check-sarif-tools: the hand-written tests/sarif/valid/minimal.sarif passes,
# and each file of tests/sarif/invalid/ (minimal.sarif with one thing
# broken) fails, with the message that says what is broken: each is caught
# by one validator only, so both must be at work.
#   level.sarif   a result level that is not one of the four: the schema
#                 (the Multitool 5.7.0 passes it, and reports nothing at all)
#   region.sarif  a region with a column and no line: the Multitool (SARIF1007;
#                 no schema can say it)

SARIF_TOOLS = tests/sarif
SARIF_OUT   = $(B)/test-out/sarif
SARIF_STAMP = $(SARIF_TOOLS)/node_modules/.jobc-installed
# The Multitool's self-contained Linux build comes as an optional dependency
# of @microsoft/sarif-multitool (the one for this platform).
SARIF_MULTITOOL = $(SARIF_TOOLS)/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
SARIF_INVALID   = level region
SARIF_EXPECT_level  = /runs/0/results/0/level: must be equal to one of the allowed values
SARIF_EXPECT_region = error SARIF1007: runs\[0\].results\[0\].locations\[0\].physicalLocation.region:

.PHONY: sarif-tools check-sarif-tools

# From the committed lock file, once per checkout. --ignore-scripts: the
# only install script is the Multitool package's chmod, done here.
$(SARIF_STAMP): $(SARIF_TOOLS)/package.json $(SARIF_TOOLS)/package-lock.json
	@command -v npm >/dev/null 2>&1 || $(NEED) nodejs npm
	npm ci --prefix $(SARIF_TOOLS) --ignore-scripts --no-audit --no-fund
	chmod +x $(SARIF_MULTITOOL)
	touch $@

sarif-tools: $(SARIF_STAMP)

# $(call sarif_invalid,NAME): invalid/NAME.sarif fails, for its own defect.
define sarif_invalid
	! $(SARIF_TOOLS)/validate.sh $(SARIF_TOOLS)/invalid/$(1).sarif > $(SARIF_OUT)/$(1).log 2>&1
	grep -q '$(SARIF_EXPECT_$(1))' $(SARIF_OUT)/$(1).log || { cat $(SARIF_OUT)/$(1).log; exit 1; }

endef

check-sarif-tools: sarif-tools
	rm -rf $(SARIF_OUT) && mkdir -p $(SARIF_OUT)
	$(SARIF_TOOLS)/validate.sh $(SARIF_TOOLS)/valid/minimal.sarif
	$(foreach n,$(SARIF_INVALID),$(call sarif_invalid,$(n)))
	@echo "check-sarif-tools: the minimal log passes; $(words $(SARIF_INVALID)) broken ones fail, each for its defect"

# About 5 s (the tools installed); it does not depend on the build, so it
# runs in the plain pass only.
CHECK_TARGETS += $(if $(SAN),,check-sarif-tools)
