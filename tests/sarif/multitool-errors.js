// multitool-errors.js LOG - the errors in the log that `Sarif.Multitool
// validate -o LOG` wrote (tests/sarif/validate.sh).
//
// The Multitool exits 0 whatever it finds in the files it validates, so its
// own SARIF log is read: a result or a tool notification of level "error",
// or a run that did not complete, is an error. Prints how many errors and
// warnings (the Multitool writes the level of its errors; a result without
// one is a warning, SARIF 3.27.10); exits 1 if there is an error, 2 if the
// log cannot be read.
'use strict';

const fs = require('fs');

function main(argv) {
	if (argv.length !== 1) {
		console.error('usage: multitool-errors.js LOG');
		return 2;
	}
	let log;
	try {
		log = JSON.parse(fs.readFileSync(argv[0], 'utf8'));
	} catch (e) {
		console.error(`${argv[0]}: ${e.message}`);
		return 2;
	}
	let errors = 0;
	let warnings = 0;
	for (const run of log.runs || []) {
		for (const result of run.results || []) {
			if (result.level === 'error') errors++;
			else if ((result.level || 'warning') === 'warning') warnings++;
		}
		for (const inv of run.invocations || []) {
			if (inv.executionSuccessful === false) errors++;
			for (const n of inv.toolExecutionNotifications || [])
				if (n.level === 'error') errors++;
		}
	}
	console.log(`Multitool: ${errors} error(s), ${warnings} warning(s)`);
	return errors ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
