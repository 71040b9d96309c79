#!/usr/bin/env node
// site-test.mjs - reads the site jobc wrote under html/ the way a person
// would, in Debian's Chromium driven by playwright-core (tests/html.mk).
//
//   node site-test.mjs --site DIR/html --out DIR [--source FILE.jobsheet]...
//                      [--shots] [--pdf CODE]
//
// Over file:// it opens index.html and follows every link, fragments
// included; checks every sheet page's heading, sections, outline and JSON-LD;
// checks that the pages agree (knowledge index, lineage table and drawing,
// competency matrices, in one page or in parts); runs axe-core on every page;
// searches with the box of the site for a sheet's title, one of its other
// titles and words of one of its tasks, and finds it; prints a sheet (--pdf
// CODE, else the first) to an A4 PDF, and with --pdf a matrix across A4
// turned sideways; with --shots saves screenshots of the index, the
// knowledge index, a matrix, the search and one sheet page. With --labels (a
// file `jobc --labels=TAG` wrote), the headings and terms of the pages are
// looked for in that language rather than English. With --source (the
// .jobsheet files the site was built from) every string of the sources must
// show literally, as the whole text of some element, and in the JSON-LD
// exactly as written; no page may hold an element, attribute or script that
// jobc does not write.
//
// Ends with "N passed, N failed" and exits 1 if anything failed.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);

// ---- arguments and reporting -------------------------------------------

function parseArgs(argv) {
	const args = { sources: [], shots: false, pdf: null, labels: null };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--site') args.site = path.resolve(argv[++i]);
		else if (a === '--out') args.out = path.resolve(argv[++i]);
		else if (a === '--source') args.sources.push(argv[++i]);
		else if (a === '--shots') args.shots = true;
		else if (a === '--pdf') args.pdf = argv[++i];
		else if (a === '--labels') args.labels = argv[++i];
		else throw new Error(`unknown argument ${a}`);
	}
	if (!args.site || !args.out) throw new Error('usage: site-test.mjs --site DIR --out DIR ...');
	return args;
}

let passed = 0;
let failed = 0;

function check(name, ok, detail = '') {
	if (ok) {
		passed++;
	} else {
		failed++;
		console.log(`FAIL ${name}${detail ? `: ${detail}` : ''}`);
	}
	return ok;
}

const short = (s) => (s.length > 90 ? `${JSON.stringify(s.slice(0, 90))}...` : JSON.stringify(s));

// ---- what the sources say ----------------------------------------------

// Every "..." string of a .jobsheet file, as the language reads it
// (docs/LANGUAGE.md): \" and \\ resolved, white space runs as one space,
// trimmed. Comments are skipped, and so are the catalogue's `language` and
// `labels { ... }`, which say how the site speaks, not what it shows.
function sourceStrings(text) {
	const out = [];
	let word = '', last = '';        // the word being read, the last one read
	let depth = 0, labels = -1;      // brace depth; that of a labels block
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c !== '#' && c !== '"' && c !== '{' && c !== '}' && !/\s/.test(c)) {
			word += c;
			continue;
		}
		if (word !== '') last = word;
		word = '';
		if (c === '#') {
			while (i < text.length && text[i] !== '\n') i++;
		} else if (c === '"') {
			let s = '';
			for (i++; i < text.length && text[i] !== '"'; i++) {
				if (text[i] === '\\') i++;
				s += text[i];
			}
			if (labels < 0 && last !== 'language') out.push(s.replace(/[ \t\r\n]+/g, ' ').trim());
			last = '';
		} else if (c === '{') {
			if (last === 'labels' && labels < 0) labels = depth;
			depth++;
			last = '';
		} else if (c === '}') {
			if (--depth === labels) labels = -1;
			last = '';
		}
	}
	return out;
}

// The labels a catalogue's own `labels { key "text" }` block gives (a text
// may hold braces: "{n} postes").
function sourceLabels(text) {
	const labels = {};
	for (const block of text.matchAll(/\blabels\s*\{((?:[^}"]|"(?:[^"\\]|\\.)*")*)\}/g))
		for (const m of block[1].matchAll(/^\s*([a-z][a-z.-]*)\s+"((?:[^"\\]|\\.)*)"/gm))
			labels[m[1]] = m[2].replace(/\\(.)/g, '$1');
	return labels;
}

// The texts of jobc's labels (labels.h) that the pages show as fixed words,
// from a file `jobc --labels=TAG` wrote: English unless --labels names one.
function readLabels(file) {
	const labels = {
		'section.mission': 'Mission', 'section.activities': 'Activities and tasks',
		'section.knowledge': 'Applied knowledge', 'section.career': 'Career path',
		'section.trends': 'Developmental trends and factors', 'sheet.aka': 'Also known as',
		'career.education': 'Educational profile', 'career.experience': 'Experience',
	};
	if (!file) return labels;
	for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
		const m = line.match(/^\s*([a-z][a-z.-]*)\s+"((?:[^"\\]|\\.)*)"/);
		if (m) labels[m[1]] = m[2].replace(/\\(.)/g, '$1');
	}
	return labels;
}

// What a page shows for a text: HTML cannot hold C0/C1 controls or
// noncharacters in any form, so jobc shows a C0 control as its control
// picture and the others as U+FFFD (docs/HTML.md).
function shown(s) {
	return [...s].map((ch) => {
		const cp = ch.codePointAt(0);
		if ((cp < 0x20 && ![0x09, 0x0a, 0x0c].includes(cp))) return String.fromCodePoint(0x2400 + cp);
		if (cp === 0x7f) return '\u2421';
		if ((cp >= 0x80 && cp <= 0x9f) || (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe)
			return '\ufffd';
		return ch;
	}).join('');
}

// ---- the browser ---------------------------------------------------------

async function launch(out) {
	const profile = fs.mkdtempSync(path.join(out, 'profile-'));
	// playwright-core wants the fresh profile as a persistent context.
	const browser = await chromium.launchPersistentContext(profile, {
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
			'--disable-component-update', '--no-first-run'],
		viewport: { width: 1280, height: 900 },
	});
	const page = browser.pages()[0] ?? await browser.newPage();
	const problems = [];
	page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
	page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
	page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
	page.on('dialog', async (d) => { problems.push(`dialog opened: ${d.message()}`); await d.dismiss(); });
	return { browser, page, problems, profile };
}

function htmlFiles(dir) {
	return fs.readdirSync(dir, { recursive: true })
		.filter((f) => f.endsWith('.html'))
		.map((f) => path.join(dir, f))
		.sort();
}

const firstMatrix = (site) => (fs.existsSync(path.join(site, 'matrix'))
	? htmlFiles(path.join(site, 'matrix'))[0] : undefined);

const isRelative = (href) => !/^([a-z][a-z0-9+.-]*:|\/)/i.test(href);

// Opens index.html and every page reachable from it; returns each page's
// ids and links.
async function crawl(page, problems, site) {
	const pages = new Map();
	const queue = [pathToFileURL(path.join(site, 'index.html')).href];
	while (queue.length > 0) {
		const url = queue.shift();
		if (pages.has(url)) continue;
		problems.length = 0;
		await page.goto(url);
		const info = await page.evaluate(() => ({
			ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
			hrefs: [...document.querySelectorAll('a[href], link[href]')].map((e) => e.getAttribute('href')),
		}));
		check(`${url}: loads cleanly`, problems.length === 0, problems.join('; '));
		pages.set(url, { ids: new Set(info.ids), hrefs: info.hrefs });
		for (const href of info.hrefs) {
			const target = new URL(href, url);
			target.hash = '';
			if (isRelative(href) && target.href.endsWith('.html') && fs.existsSync(fileURLToPath(target)))
				queue.push(target.href);
		}
	}
	return pages;
}

function checkLinks(site, pages) {
	const top = pathToFileURL(site + path.sep).href;
	let links = 0;
	for (const [url, { hrefs }] of pages) {
		for (const href of hrefs) {
			links++;
			if (!check(`${url}: link ${href} is relative`, isRelative(href))) continue;
			const target = new URL(href, url);
			const fragment = decodeURIComponent(target.hash.slice(1));
			target.hash = '';
			check(`${url}: link ${href} stays in the site`, target.href.startsWith(top));
			if (!check(`${url}: link ${href} exists`, fs.existsSync(fileURLToPath(target)))) continue;
			if (fragment)
				check(`${url}: link ${href} has its target`,
					pages.get(target.href)?.ids.has(fragment) ?? false);
		}
	}
	for (const file of htmlFiles(site))
		check(`${file} is reachable from index.html`, pages.has(pathToFileURL(file).href));
	console.log(`links: ${pages.size} pages, ${links} links followed`);
}

// ---- every page ----------------------------------------------------------

// Elements and attributes jobc writes; anything else was injected.
const TAGS = new Set(['html', 'head', 'meta', 'title', 'link', 'script', 'body', 'a', 'header',
	'nav', 'ul', 'ol', 'li', 'main', 'footer', 'p', 'span', 'div', 'h1', 'h2', 'h3', 'section',
	'table', 'thead', 'tbody', 'tr', 'th', 'td', 'dl', 'dt', 'dd', 'article', 'aside', 'label',
	'input', 'figure', 'figcaption', 'svg', 'defs', 'clipPath', 'rect', 'g', 'path', 'circle',
	'text', 'tspan']);
const ATTRS = new Set(['lang', 'charset', 'name', 'content', 'rel', 'href', 'class', 'id',
	'aria-label', 'aria-labelledby', 'aria-current', 'aria-hidden', 'title', 'scope', 'colspan',
	'type', 'src', 'defer', 'hidden', 'role', 'for', 'placeholder', 'autocomplete', 'spellcheck',
	'aria-describedby', 'viewBox', 'width', 'height', 'x', 'y', 'dy', 'd', 'cx', 'cy', 'r',
	'clip-path']);

async function checkMarkup(page, file, isSheet) {
	const m = await page.evaluate(() => ({
		tags: [...new Set([...document.querySelectorAll('*')].map((e) => e.localName))],
		attrs: [...new Set([...document.querySelectorAll('*')].flatMap((e) => e.getAttributeNames()))],
		scripts: [...document.scripts].map((s) => s.type),
		sources: [...document.scripts].map((s) => s.getAttribute('src')).filter(Boolean),
	}));
	const bad = m.tags.filter((t) => !TAGS.has(t));
	check(`${file}: only jobc's elements`, bad.length === 0, bad.join(' '));
	const badAttrs = m.attrs.filter((a) => !ATTRS.has(a));
	check(`${file}: only jobc's attributes`, badAttrs.length === 0, badAttrs.join(' '));
	check(`${file}: scripts`, JSON.stringify(m.scripts) ===
		JSON.stringify(isSheet ? ['', 'application/ld+json'] : ['']), m.scripts.join(' '));
	check(`${file}: the one script file is the site's search.js`, m.sources.length === 1 &&
		/^(\.\.\/)?search\.js$/.test(m.sources[0]), m.sources.join(' '));
	// In the bytes too: no "</script" or "<!--" but jobc's own.
	const raw = fs.readFileSync(file, 'utf8');
	const count = (s) => raw.split(s).length - 1;
	check(`${file}: "</script" only closes jobc's script`, count('</script') === m.scripts.length);
	check(`${file}: "<!--" only in the banner`, count('<!--') === 1 &&
		raw.startsWith('<!DOCTYPE html>\n<!-- generated by jobc, do not edit -->\n'));
}

async function checkAxe(page, file) {
	await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
	const violations = await page.evaluate(async () =>
		(await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) =>
			`${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`));
	check(`${file}: axe-core finds no violation`, violations.length === 0, violations.join('\n    '));
}

// ---- sheet pages ---------------------------------------------------------

// The sections of a sheet page, and their headings (from readLabels).
const SECTIONS = ['mission', 'activities', 'knowledge', 'career', 'trends'];
let LABELS = readLabels(null);
const REQUIRED = ['mission', 'activities', 'knowledge', 'career'];
const LD_ARRAYS = ['alternateName', 'skills', 'educationRequirements', 'experienceRequirements',
	'responsibilities'];

async function sheetFacts(page) {
	return page.evaluate((labels) => {
		const text = (sel) => [...document.querySelectorAll(sel)].map((e) => e.textContent);
		// The entries under a term of a definition list: <div><dt>term</dt><dd>...</div>.
		const entries = (dl, term) => [...document.querySelectorAll(`${dl} > div`)]
			.filter((d) => d.querySelector('dt')?.textContent === term)
			.flatMap((d) => [...d.querySelectorAll('dd li, dd:not(:has(li))')]).length;
		const script = document.querySelector('script[type="application/ld+json"]');
		return {
			h1: document.querySelectorAll('h1').length,
			code: document.querySelector('h1 .code')?.textContent,
			name: document.querySelector('h1 .name')?.textContent,
			title: document.title,
			sections: [...document.querySelectorAll('article section.part')].map((s) => ({
				id: s.id,
				h2: s.querySelector(':scope > h2')?.textContent,
				content: s.children.length - 1,
			})),
			outline: [...document.querySelectorAll('nav[aria-labelledby="outline-h"] a')]
				.map((a) => a.getAttribute('href')),
			items: text('a.item'),
			tasks: text('.tasks > li > .task'),
			akaTexts: [...document.querySelectorAll('.facts > div')]
				.filter((d) => d.querySelector('dt')?.textContent === labels['sheet.aka'])
				.flatMap((d) => [...d.querySelectorAll('li')].map((li) => li.textContent)),
			aka: entries('.facts', labels['sheet.aka']),
			education: entries('.career', labels['career.education']),
			experience: entries('.career', labels['career.experience']),
			trends: [...document.querySelectorAll('.trend[title]')].map((t) =>
				t.querySelector('[aria-hidden="true"]')?.textContent.trim() !== '' &&
				t.querySelector('.vh')?.textContent.trim() !== ''),
			levels: text('td.lvl .level-code'),
			legend: text('.legend .level-code'),
			jsonld: script ? script.textContent : null,
		};
	}, LABELS);
}

// The code of a sheet page from its file name: the code itself, but for a
// code that starts with a device name of Windows, which has a '_' after it
// (CON_.1.html is the page of CON.1; docs/LANGUAGE.md, Files).
function codeOfPage(file) {
	return path.basename(file, '.html').replace(/^(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])_(?=\.|$)/i, '$1');
}

function checkSheet(file, f) {
	const code = codeOfPage(file);
	check(`${file}: one h1`, f.h1 === 1);
	check(`${file}: h1 names the sheet ${code}`, f.code === code && f.name?.trim().length > 0,
		`${f.code} ${f.name}`);
	check(`${file}: <title> starts with the code`, f.title.startsWith(`${code} `));
	const ids = f.sections.map((s) => s.id);
	for (const id of REQUIRED)
		check(`${file}: has section ${id}`, ids.includes(id), ids.join(' '));
	const order = SECTIONS.filter((id) => ids.includes(id));
	check(`${file}: sections in order`, JSON.stringify(ids) === JSON.stringify(order), ids.join(' '));
	for (const s of f.sections) {
		const heading = LABELS[`section.${s.id}`];
		check(`${file}: section ${s.id} has its heading`, s.h2 === heading, s.h2);
		check(`${file}: section ${s.id} is not empty`, s.content > 0);
	}
	check(`${file}: outline lists the sections`,
		JSON.stringify(f.outline) === JSON.stringify(ids.map((id) => `#${id}`)), f.outline.join(' '));
	check(`${file}: every trend mark has an arrow and a text alternative`, f.trends.every(Boolean));
	check(`${file}: every level is in the legend`, f.levels.every((l) => f.legend.includes(l)),
		`${f.levels} vs ${f.legend}`);

	let ld = null;
	try {
		ld = JSON.parse(f.jsonld);
	} catch (e) {
		check(`${file}: JSON-LD parses`, false, e.message);
		return null;
	}
	check(`${file}: JSON-LD is a schema.org Occupation`,
		ld['@context'] === 'https://schema.org' && ld['@type'] === 'Occupation');
	check(`${file}: JSON-LD identifier and name match the page`,
		ld.identifier === code && shown(ld.name) === f.name, short(String(ld.name)));
	check(`${file}: JSON-LD has a description and a category`,
		typeof ld.description === 'string' && ld.occupationalCategory?.['@type'] === 'CategoryCode');
	for (const key of LD_ARRAYS)
		check(`${file}: JSON-LD ${key} is a list of strings`,
			Array.isArray(ld[key]) && ld[key].every((s) => typeof s === 'string'));
	check(`${file}: JSON-LD skills are the page's knowledge items`,
		JSON.stringify((ld.skills ?? []).map(shown).sort()) === JSON.stringify([...f.items].sort()));
	check(`${file}: JSON-LD responsibilities are the page's tasks`,
		JSON.stringify((ld.responsibilities ?? []).map(shown)) === JSON.stringify(f.tasks));
	check(`${file}: JSON-LD alternate names are the page's`, ld.alternateName?.length === f.aka);
	check(`${file}: JSON-LD education is the page's`, ld.educationRequirements?.length === f.education);
	check(`${file}: JSON-LD experience is the page's`, ld.experienceRequirements?.length === f.experience);
	return ld;
}

// ---- the pages agree with each other ------------------------------------

// What the knowledge index, the lineage, the matrices and a sheet page say
// of each other; a list cut into parts says it over several pages.
async function crossFacts(page, file) {
	const facts = await page.evaluate(() => {
		const codes = (e, sel) => [...e.querySelectorAll(sel)].map((c) => c.textContent);
		const frag = (a) => decodeURIComponent(new URL(a.href).hash.slice(1));
		return {
			krows: [...document.querySelectorAll('section.kindex')].map((sec) => ({
				id: sec.id,
				rows: [...sec.querySelectorAll('tr[id^="k-"]')].map((tr) => ({
					id: tr.id, text: tr.querySelector('th').textContent,
					sheets: codes(tr, '.askers .sheet-link .code'),
				})),
			})),
			lineage: [...document.querySelectorAll('tr[id^="prev-"]')].map((tr) => ({
				id: tr.id, sheets: codes(tr, '.sheet-link .code'),
			})),
			// The drawing against the table of its page: a line per link,
			// a position's end for each row, a sheet's end for each sheet named.
			drawings: [...document.querySelectorAll('svg.lineage-svg')].map((svg) => ({
				lines: svg.querySelectorAll('path.link').length,
				links: document.querySelectorAll('.lineage-table td .sheet-link').length,
				left: [...svg.querySelectorAll('.ends-left a')].map((a) => a.getAttribute('href')),
				rows: [...document.querySelectorAll('.lineage-table tr[id]')].map((tr) => `#${tr.id}`),
				right: [...svg.querySelectorAll('.ends-right a')].map((a) => a.getAttribute('href')),
				named: [...new Set([...document.querySelectorAll('.lineage-table td .sheet-link')]
					.map((a) => a.getAttribute('href')))],
				retired: svg.querySelectorAll('path.link-retired').length,
				retiredRows: document.querySelectorAll('.lineage-table .went').length,
			})),
			matrices: [...document.querySelectorAll('table.matrix')].map((t) => ({
				cols: codes(t, 'thead .sheet-link .code'),
				rows: [...t.querySelectorAll('tbody tr:not(.imp-row)')].map((tr) => ({
					id: frag(tr.querySelector('a.item')),
					cells: [...tr.querySelectorAll('td')].map((td) => (td.children.length === 0 ? 0
						: td.querySelector('.vh') ? 1 : -1)),
				})),
			})),
			items: [...document.querySelectorAll('a.item')].map((a) => ({ id: frag(a), text: a.textContent })),
			replaces: [...document.querySelectorAll('.facts a[href*="#prev-"]')].map(frag),
			code: document.querySelector('article.sheet h1 .code')?.textContent,
		};
	});
	return { file, ...facts };
}

// Alphabetical as docs/HTML.md says: ASCII case ignored, then UTF-8 bytes.
function textOrder(a, b) {
	const lower = (s) => Buffer.from(s).map((c) => (c >= 0x41 && c <= 0x5a ? c + 32 : c));
	return Buffer.compare(lower(a), lower(b)) || Buffer.compare(Buffer.from(a), Buffer.from(b));
}

function checkDrawings(facts) {
	for (const f of facts)
		for (const d of f.drawings) {
			check(`${f.file}: the lineage drawing has a line per link of the table`,
				d.lines === d.links, `${d.lines} lines, ${d.links} links`);
			check(`${f.file}: the drawing's dashed lines are the retired positions`, d.retired === d.retiredRows);
			check(`${f.file}: the drawing's left ends are the table's rows`,
				JSON.stringify(d.left) === JSON.stringify(d.rows));
			const right = new Set(d.right);
			check(`${f.file}: the drawing's right ends are the sheets the table names`,
				d.named.every((h) => right.has(h)) && right.size === d.right.length &&
				d.right.every((h) => d.named.includes(h)));
		}
}

// Each filled cell of a matrix is a sheet that the knowledge index names
// for that item, says it to screen readers, and each sheet's items fill
// as many cells as its page lists distinct items.
function checkMatrices(facts, rows) {
	const filled = new Map();
	for (const f of facts)
		for (const m of f.matrices) {
			const wrong = [];
			for (const r of m.rows) {
				if (r.cells.length !== m.cols.length) wrong.push(`${r.id}: ${r.cells.length} cells`);
				r.cells.forEach((c, i) => {
					if (c === 0) return;
					if (c < 0) wrong.push(`${r.id}: a cell without text for screen readers`);
					if (!rows.get(r.id)?.sheets.includes(m.cols[i])) wrong.push(`${r.id}: ${m.cols[i]}`);
					filled.set(m.cols[i], (filled.get(m.cols[i]) ?? 0) + 1);
				});
			}
			check(`${f.file}: each cell of the matrix agrees with the knowledge index`, wrong.length === 0,
				wrong.slice(0, 5).join(', '));
		}
	for (const f of facts.filter((x) => x.code)) {
		const items = new Set(f.items.map((it) => it.id)).size;
		check(`sheet ${f.code}: its matrix column holds its ${items} items`, (filled.get(f.code) ?? 0) === items,
			`${filled.get(f.code)}`);
	}
}

function checkCross(facts) {
	// The categories in the order of their pages (tech-2 before tech-10).
	const pages = [...facts].sort((a, b) => a.file.localeCompare(b.file, 'en', { numeric: true }));
	const categories = new Map();
	for (const f of pages)
		for (const sec of f.krows)
			categories.set(sec.id, [...(categories.get(sec.id) ?? []), ...sec.rows]);
	const rows = new Map([...categories.values()].flat().map((r) => [r.id, r]));
	for (const [id, category] of categories) {
		const texts = category.map((r) => r.text);
		const sorted = [...texts].sort(textOrder);
		check(`knowledge index: ${id} in alphabetical order, each item once`,
			JSON.stringify(texts) === JSON.stringify(sorted) && new Set(texts).size === texts.length);
	}
	const lineage = new Map(facts.flatMap((f) => f.lineage).map((r) => [r.id, r]));
	for (const f of facts.filter((x) => x.code)) {
		const wrong = f.items.filter((it) => rows.get(it.id)?.text !== it.text ||
			!rows.get(it.id).sheets.includes(f.code));
		check(`sheet ${f.code}: each knowledge item links to its row, which names the sheet`,
			wrong.length === 0, wrong.map((w) => short(w.text)).join(', '));
		const lost = f.replaces.filter((id) => !lineage.get(id)?.sheets.includes(f.code));
		check(`sheet ${f.code}: the lineage rows of what it replaces name it`, lost.length === 0,
			lost.join(' '));
	}
	checkDrawings(facts);
	checkMatrices(facts, rows);
}

// ---- literal text --------------------------------------------------------

async function leafTexts(page) {
	return page.evaluate(() => [...document.querySelectorAll('body *')]
		.filter((e) => e.children.length === 0).map((e) => e.textContent));
}

// Every string of the sources shows as the whole text of some element, and
// every string of the JSON-LD is one of them (the description joins the
// mission's paragraphs and bullets with line breaks).
function checkLiteral(sources, texts, jsonlds) {
	const want = new Set(sources);
	const missing = [...want].filter((s) => !texts.has(shown(s)));
	check('every source string shows literally in the site', missing.length === 0,
		`${missing.length} missing, e.g. ${missing.slice(0, 3).map(short).join(', ')}`);
	const stray = [];
	for (const ld of jsonlds) {
		const strings = [ld.name, ld.occupationalCategory.name, ...ld.description.split(/\n+/),
			...LD_ARRAYS.flatMap((k) => ld[k])];
		stray.push(...strings.filter((s) => s !== '' && !want.has(s)));
	}
	check('every JSON-LD string is a source string, exactly', stray.length === 0,
		`${stray.length} not, e.g. ${stray.slice(0, 3).map(short).join(', ')}`);
	console.log(`literal: ${want.size} source strings, ${jsonlds.length} JSON-LD documents`);
}

// ---- search ---------------------------------------------------------------

// Words as a reader would type them: letters and digits.
const typedWords = (s) => s.match(/[\p{L}\p{N}]+/gu) ?? [];

// What the status line may say after a search: the labels search.one,
// search.many and search.first (the catalogue's or jobc's), numbers for {n}
// and {k}, the rest literally.
const searchCounts = () => ['search.one', 'search.many', 'search.first'].filter((key) =>
	LABELS[key]).map((key) => new RegExp(`^${LABELS[key].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
		.replace(/\\\{[nk]\\\}/g, '\\d+')}$`));

// Types text in the search box of index.html; returns the results' links.
async function search(page, site, text) {
	await page.goto(pathToFileURL(path.join(site, 'index.html')).href);
	await page.fill('#search-q', text);
	await page.waitForFunction(() => document.querySelector('#search-status')?.textContent !== '',
		null, { timeout: 10000 });
	return page.$$eval('.search-hit', (as) => as.map((a) => ({
		href: a.getAttribute('href'), marks: a.querySelectorAll('.search-title mark').length,
	})));
}

// A title, another title and words of a task each find their sheet; the
// keyboard goes into the results and opens one; axe has nothing to say of
// the open results; a query loads a few files of the index, not all.
async function checkSearch(page, problems, site, sheets) {
	const tasked = sheets.find((f) => f.tasks.some((t) => typedWords(t).filter((w) => w.length > 2).length > 1));
	const named = sheets.find((f) => f.akaTexts.some((a) => typedWords(a).length > 0));
	const queries = [
		['a title', sheets.find((f) => typedWords(f.name).length > 0), (f) => f.name],
		['another title', named, (f) => f.akaTexts.find((a) => typedWords(a).length > 0)],
		['words of a task', tasked, (f) => typedWords(f.tasks.find((t) =>
			typedWords(t).filter((w) => w.length > 2).length > 1)).slice(0, 6).join(' ')],
	];
	for (const [what, sheet, text] of queries) {
		if (!check(`search: the site has ${what} to look for`, Boolean(sheet))) continue;
		problems.length = 0;
		const hits = await search(page, site, text(sheet));
		const want = `/sheets/${encodeURIComponent(sheet.code)}.html`;
		check(`search for ${what} (${short(text(sheet))}) finds ${sheet.code}`,
			hits.some((h) => h.href.endsWith(want)), hits.map((h) => h.href.split('/').pop()).join(' '));
		check(`search for ${what}: no script error`, problems.length === 0, problems.join('; '));
		const status = await page.textContent('#search-status');
		check(`search for ${what}: the status line says a count in the catalogue's words`,
			searchCounts().some((re) => re.test(status)), status);
		const loaded = await page.$$eval('script[src*="search/"]', (ss) => ss.length);
		check(`search for ${what}: a few files of the index loaded, not all`, loaded > 0 &&
			loaded < 12, `${loaded}`);
	}
	const sheet = sheets.find((f) => typedWords(f.name).length > 0);
	const hits = await search(page, site, sheet.name);
	check('search: the words typed are marked in the title', hits[0]?.marks > 0);
	await checkAxe(page, 'index.html with search results');
	await page.keyboard.press('ArrowDown');
	const focused = await page.evaluate(() => document.activeElement?.getAttribute('href'));
	check('search: the down arrow goes to the first result', focused === hits[0]?.href, focused);
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowUp');
	await page.keyboard.press('Enter');
	await page.waitForURL((u) => u.href === hits[0]?.href, { timeout: 10000 }).catch(() => {});
	check('search: Enter opens the result', page.url() === hits[0]?.href, page.url());
	await search(page, site, sheet.name);
	await page.keyboard.press('Escape');
	check('search: Escape closes the results',
		await page.evaluate(() => document.querySelector('#search-results').hidden));
	// Enter in the box, typed faster than the results come, opens the first.
	await page.goto(pathToFileURL(path.join(site, 'index.html')).href);
	await page.fill('#search-q', sheet.name);
	await page.keyboard.press('Enter');
	await page.waitForURL((u) => u.href === hits[0]?.href, { timeout: 10000 }).catch(() => {});
	check('search: Enter in the box opens the first result', page.url() === hits[0]?.href, page.url());
	console.log(`search: ${queries.length} queries, ${sheet.code} opened from the keyboard`);
}

// ---- print and pictures --------------------------------------------------

async function checkPrint(page, file, out) {
	await page.goto(pathToFileURL(file).href);
	// The printable width of A4 with the stylesheet's 14 mm side margins.
	await page.setViewportSize({ width: Math.floor((210 - 28) / 25.4 * 96), height: 1000 });
	await page.emulateMedia({ media: 'print' });
	const p = await page.evaluate(() => ({
		overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
		hidden: ['.site-nav', '.sheet-aside', '.pager', '.crumbs'].every((s) =>
			getComputedStyle(document.querySelector(s)).display === 'none'),
	}));
	check(`${file}: nothing wider than an A4 page in print`, p.overflow <= 0, `${p.overflow}px`);
	check(`${file}: navigation hidden in print`, p.hidden);
	const pdf = path.join(out, 'sheet.pdf');
	await page.pdf({ path: pdf, format: 'A4', printBackground: true });
	const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
	const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
	check(`${pdf}: A4 pages`, /^Page size:.*\(A4\)/m.test(info) && pages >= 1, info);
	execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(out, 'sheet-print')]);
	console.log(`print: ${path.basename(file)} on ${pages} A4 page(s), ${pdf}`);
	await page.emulateMedia({ media: 'screen' });
	await page.setViewportSize({ width: 1280, height: 900 });
}

// A matrix prints across A4 turned sideways, nothing wider than the page.
async function checkPrintMatrix(page, file, out) {
	await page.goto(pathToFileURL(file).href);
	await page.setViewportSize({ width: Math.floor((297 - 20) / 25.4 * 96), height: 700 });
	await page.emulateMedia({ media: 'print' });
	const overflow = await page.evaluate(() =>
		document.documentElement.scrollWidth - document.documentElement.clientWidth);
	check(`${file}: nothing wider than an A4 page turned sideways`, overflow <= 0, `${overflow}px`);
	const pdf = path.join(out, 'matrix.pdf');
	await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
	const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
	const [w, h] = (/^Page size:\s+([\d.]+) x ([\d.]+)/m.exec(info) ?? []).slice(1).map(Number);
	check(`${pdf}: A4 landscape pages`, Math.round(w) === 842 && Math.round(h) === 595, info);
	console.log(`print: ${path.basename(file)} on A4 landscape, ${pdf}`);
	await page.emulateMedia({ media: 'screen' });
	await page.setViewportSize({ width: 1280, height: 900 });
}

async function screenshots(page, site, sheet, out) {
	const matrix = firstMatrix(site);
	for (const [name, file] of [['index', 'index.html'], ['knowledge', 'knowledge.html'],
		['sheet', path.relative(site, sheet)], ['matrix', path.relative(site, matrix)]]) {
		await page.goto(pathToFileURL(path.join(site, file)).href);
		await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: true });
	}
	await page.goto(pathToFileURL(path.join(site, 'index.html')).href);
	await page.fill('#search-q', 'network admin');
	await page.waitForFunction(() => document.querySelector('#search-status')?.textContent !== '');
	await page.screenshot({ path: path.join(out, 'search.png') });
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto(pathToFileURL(sheet).href);
	await page.screenshot({ path: path.join(out, 'sheet-phone.png') });
	await page.setViewportSize({ width: 1280, height: 900 });
	console.log(`screenshots: ${out}/{index,knowledge,sheet,matrix,search,sheet-phone}.png`);
}

// ---- main ----------------------------------------------------------------

async function main() {
	const args = parseArgs(process.argv.slice(2));
	LABELS = readLabels(args.labels);
	for (const f of args.sources)
		Object.assign(LABELS, sourceLabels(fs.readFileSync(f, 'utf8')));
	fs.mkdirSync(args.out, { recursive: true });
	const { browser, page, problems, profile } = await launch(args.out);
	try {
		const pages = await crawl(page, problems, args.site);
		checkLinks(args.site, pages);
		const texts = new Set();
		const jsonlds = [];
		const facts = [];
		const sheetFactsAll = [];
		const sheets = htmlFiles(path.join(args.site, 'sheets'));
		check('the site has sheet pages', sheets.length > 0);
		for (const file of htmlFiles(args.site)) {
			await page.goto(pathToFileURL(file).href);
			await checkMarkup(page, file, sheets.includes(file));
			facts.push(await crossFacts(page, file));
			if (sheets.includes(file)) {
				const f = await sheetFacts(page);
				sheetFactsAll.push(f);
				const ld = checkSheet(file, f);
				if (ld) jsonlds.push(ld);
			}
			if (args.sources.length > 0)
				for (const t of await leafTexts(page)) texts.add(t);
			await checkAxe(page, file);
		}
		checkCross(facts);
		await checkSearch(page, problems, args.site, sheetFactsAll);
		if (args.sources.length > 0)
			checkLiteral(args.sources.flatMap((f) => sourceStrings(fs.readFileSync(f, 'utf8'))),
				texts, jsonlds);
		const sheet = sheets.find((f) => path.basename(f, '.html') === args.pdf) ?? sheets[0];
		if (sheet) await checkPrint(page, sheet, args.out);
		const matrix = firstMatrix(args.site);
		if (args.pdf && matrix) await checkPrintMatrix(page, matrix, args.out);
		if (args.shots && sheet) await screenshots(page, args.site, sheet, args.out);
	} finally {
		await browser.close();
		fs.rmSync(profile, { recursive: true, force: true });
	}
	console.log(`${passed} passed, ${failed} failed`);
	process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((e) => {
	console.log(`FAIL ${e.stack}`);
	console.log(`${passed} passed, ${failed + 1} failed`);
	process.exitCode = 1;
});
