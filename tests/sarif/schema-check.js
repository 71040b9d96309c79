// schema-check.js SCHEMA FILE... - each file against the SARIF 2.1.0 JSON
// Schema (tests/sarif/validate.sh).
//
// The schema is the one the SARIF Multitool ships (JSON Schema 2020-12), read
// by ajv in strict mode with its formats (uri, date-time, ...), but for
// strictRequired: the schema's anyOf branches require properties that they
// do not redeclare, which is valid JSON Schema. Prints "FILE: valid" or each
// error as "FILE: /json/pointer: message"; exits 1 if a file is invalid or
// not JSON, 2 on a usage error or a schema that does not compile.
'use strict';

const fs = require('fs');
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;

function main(argv) {
	if (argv.length < 2) {
		console.error('usage: schema-check.js SCHEMA FILE...');
		return 2;
	}
	const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
	addFormats(ajv);
	let validate;
	try {
		validate = ajv.compile(JSON.parse(fs.readFileSync(argv[0], 'utf8')));
	} catch (e) {
		console.error(`${argv[0]}: ${e.message}`);
		return 2;
	}
	let invalid = 0;
	for (const file of argv.slice(1)) {
		let doc;
		try {
			doc = JSON.parse(fs.readFileSync(file, 'utf8'));
		} catch (e) {
			console.log(`${file}: ${e.message}`);
			invalid++;
			continue;
		}
		if (validate(doc)) {
			console.log(`${file}: valid`);
			continue;
		}
		invalid++;
		for (const err of validate.errors)
			console.log(`${file}: ${err.instancePath || '/'}: ${err.message}` +
				(err.params.allowedValues ? ` (${err.params.allowedValues.join(', ')})` : ''));
	}
	return invalid ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
