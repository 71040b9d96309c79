// check-invalid.js SCHEMA INVALID.json... - every invalid fixture is
// rejected, and for its own defect.
//
// A fixture invalid/<base>-<what>.json is the valid document valid/<base>.json
// with exactly one thing changed, added or removed. This checks that it
// differs from its base in exactly one place, and that the schema rejects it
// with an error at that place (or at the object or array holding it, where a
// missing or extra member is reported), so that a fixture cannot pass by
// being broken in some other way than its name says.
'use strict';

const fs = require('fs');
const path = require('path');
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;

function read(file) {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function isObject(v) {
	return v !== null && typeof v === 'object' && !Array.isArray(v);
}

// JSON pointers of the places where a and b differ.
function differences(a, b, pointer, out) {
	if ((isObject(a) && isObject(b)) || (Array.isArray(a) && Array.isArray(b))) {
		const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
		for (const k of keys) {
			const p = pointer + '/' + k.replace(/~/g, '~0').replace(/\//g, '~1');
			if (!(k in a) || !(k in b))
				out.push(p);
			else
				differences(a[k], b[k], p, out);
		}
	} else if (JSON.stringify(a) !== JSON.stringify(b)) {
		out.push(pointer);
	}
	return out;
}

function parent(pointer) {
	return pointer.slice(0, pointer.lastIndexOf('/'));
}

const [schemaFile, ...fixtures] = process.argv.slice(2);
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(read(schemaFile));
let failed = 0;

for (const file of fixtures) {
	const base = path.basename(file).split('-')[0];
	const baseFile = path.join(path.dirname(file), '..', 'valid', base + '.json');
	const diff = differences(read(baseFile), read(file), '', []);
	let problem = null;

	if (!validate(read(baseFile)))
		problem = `its base ${baseFile} is not valid`;
	else if (diff.length !== 1)
		problem = `differs from ${baseFile} in ${diff.length} places: ${diff.join(' ')}`;
	else if (validate(read(file)))
		problem = 'is accepted by the schema';
	else if (!validate.errors.some((e) => e.instancePath === diff[0]
					 || e.instancePath === parent(diff[0])))
		problem = `is rejected, but not at ${diff[0]}: ` +
			validate.errors.map((e) => `${e.instancePath} ${e.message}`).join('; ');
	if (problem) {
		console.error(`${file}: ${problem}`);
		failed++;
	}
}
console.log(`check-invalid: ${fixtures.length - failed} passed, ${failed} failed`);
process.exit(failed || fixtures.length === 0 ? 1 : 0);
