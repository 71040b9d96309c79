/*
 * search.js - the search box of the site jobc writes (docs/HTML.md, the
 * index: backends/html_search.h). Results come as the reader types:
 * positions whose code, title, other titles, mission, tasks or knowledge
 * hold every word typed (the last one as the start of a word), best first:
 * a word in the code, then the title or other titles, then the mission, the
 * tasks, the knowledge; a whole word before a word it starts.
 *
 * The site works from a folder (file://), where fetch() is refused: the
 * index is a set of scripts, each calling jobcSearch.meta(), .terms() or
 * .docs() with its data, loaded with a <script> element when a query needs
 * it, and never twice. What a word is (separators, folding) comes from the
 * index itself, so that jobc and this file cut words the same way.
 *
 * Keyboard: type; the down arrow goes into the results, up and down move
 * through them, Enter opens one (Enter in the box opens the first), Escape
 * closes them and comes back to the box. Every text is set as text, never
 * parsed as markup.
 */
(function () {
	'use strict';

	const SHOWN = 20;       // results listed at most
	const WAIT = 60;        // ms after a keystroke before searching
	// The rank of each field a word may be found in (bit i of a posting):
	// code, title, other titles, mission, tasks, knowledge.
	const RANK = [5, 4, 4, 3, 2, 1];
	const AKA = 4, MISSION = 8;

	const here = document.currentScript;
	const base = new URL('.', here.src);
	const store = { meta: null, terms: new Map(), docs: new Map() };
	const loads = new Map();
	let rules = null;

	window.jobcSearch = {
		meta(m) { store.meta = m; },
		terms(n, list) { store.terms.set(n, list); },
		docs(n, list) { store.docs.set(n, list); },
	};

	function load(path) {
		if (!loads.has(path)) {
			loads.set(path, new Promise((resolve, reject) => {
				const s = document.createElement('script');
				s.src = new URL(path, base).href;
				s.onload = () => resolve();
				s.onerror = () => reject(new Error(`search: cannot load ${path}`));
				document.head.append(s);
			}));
		}
		return loads.get(path);
	}

	async function ready() {
		await load('search/meta.js');
		if (!rules) {
			const m = store.meta;
			rules = { max: m.maxWord, sep: m.sep, skip: m.skip, fold: new Map(m.fold) };
		}
		return store.meta;
	}

	// ---- words, cut and folded as jobc does (html_search_words.c) ----

	const within = (ranges, cp) => ranges.some(([lo, hi]) => cp >= lo && cp <= hi);

	// The words of text: each folded, with where it starts and ends in text.
	function words(text) {
		const out = [];
		let word = '', chars = 0, start = -1, end = 0, i = 0;
		const finish = () => {
			if (word) out.push({ word, start, end });
			word = '', chars = 0, start = -1;
		};
		for (const ch of text) {
			const cp = ch.codePointAt(0);
			if (within(rules.sep, cp)) {
				finish();
			} else if (!within(rules.skip, cp)) {
				if (start < 0) start = i;
				for (const c of rules.fold.get(ch) ?? ch)
					if (chars++ < rules.max) word += c;
				end = i + ch.length;
			} else if (start >= 0) {
				end = i + ch.length;
			}
			i += ch.length;
		}
		finish();
		return out;
	}

	// Whether a word of the index answers a word typed: a word of one
	// character only itself, a longer one every word it starts.
	const answers = (typed, word) => ([...typed].length > 1 ? word.startsWith(typed) : word === typed);

	// Code point order, which is the index's (UTF-8 bytes), not UTF-16's.
	function compare(a, b) {
		for (let i = 0; i < a.length && i < b.length; i++) {
			const x = a.codePointAt(i), y = b.codePointAt(i);
			if (x !== y) return x < y ? -1 : 1;
			if (x > 0xffff) i++;
		}
		return a.length - b.length;
	}

	// ---- the index ----

	// The shards that may hold the words answering typed.
	function shardsFor(typed) {
		const first = store.meta.shards;
		if (first.length === 0) return [];
		let lo = 0, hi = first.length;
		while (hi - lo > 1) {
			const mid = (lo + hi) >> 1;
			if (compare(first[mid], typed) <= 0) lo = mid; else hi = mid;
		}
		const out = [lo];
		for (let j = lo + 1; j < first.length && answers(typed, first[j]); j++) out.push(j);
		return out;
	}

	// The sheets holding a word that answers typed: sheet -> { score, where, words }.
	async function lookup(typed) {
		const shards = shardsFor(typed);
		await Promise.all(shards.map((n) => load(`search/t-${n}.js`)));
		const bits = 1 << RANK.length, found = new Map();
		for (const n of shards) {
			const list = store.terms.get(n);
			let lo = 0, hi = list.length;
			while (lo < hi) {
				const mid = (lo + hi) >> 1;
				if (compare(list[mid][0], typed) < 0) lo = mid + 1; else hi = mid;
			}
			for (let i = lo; i < list.length && answers(typed, list[i][0]); i++) {
				const [word, postings] = list[i];
				let doc = 0;
				for (const v of postings) {
					doc += Math.floor(v / bits);
					const where = v % bits;
					let rank = 0;
					for (let b = 0; b < RANK.length; b++)
						if (where & (1 << b)) rank = Math.max(rank, RANK[b]);
					const score = 2 * rank + (word === typed ? 1 : 0);
					const hit = found.get(doc);
					if (!hit) {
						found.set(doc, { score, where, words: [word] });
					} else {
						hit.score = Math.max(hit.score, score);
						hit.where |= where;
						hit.words.push(word);
					}
				}
			}
		}
		return found;
	}

	// The sheets holding every word typed, best first.
	async function query(text) {
		const meta = await ready();
		const typed = [...new Set(words(text).map((w) => w.word))].slice(0, 8);
		if (typed.length === 0) return null;
		const found = await Promise.all(typed.map(lookup));
		const hits = [];
		for (const [doc, first] of found[0]) {
			if (!found.every((f) => f.has(doc))) continue;
			const each = found.map((f) => f.get(doc));
			hits.push({
				doc,
				score: each.reduce((s, h) => s + h.score, 0),
				where: each.reduce((w, h) => w | h.where, first.where),
				words: [...new Set(each.flatMap((h) => h.words))].sort(compare),
			});
		}
		hits.sort((a, b) => b.score - a.score || a.doc - b.doc);
		const shown = hits.slice(0, SHOWN);
		const shards = new Set(shown.map((h) => Math.floor(h.doc / meta.docShard)));
		await Promise.all([...shards].map((n) => load(`search/d-${n}.js`)));
		for (const h of shown) h.sheet = store.docs.get(Math.floor(h.doc / meta.docShard))[h.doc % meta.docShard];
		return { typed, total: hits.length, shown };
	}

	// ---- the box ----

	function el(tag, cls, text) {
		const e = document.createElement(tag);
		if (cls) e.className = cls;
		if (text !== undefined) e.textContent = text;
		return e;
	}

	// text in a span, the words answering a typed word marked.
	function marked(cls, text, typed) {
		const span = el('span', cls);
		let at = 0;
		for (const w of words(text)) {
			if (!typed.some((t) => answers(t, w.word))) continue;
			span.append(text.slice(at, w.start), el('mark', null, text.slice(w.start, w.end)));
			at = w.end;
		}
		span.append(text.slice(at));
		return span;
	}

	function result(hit, typed, meta) {
		const [code, title, aka, summary] = hit.sheet;
		const a = el('a', 'search-hit');
		a.href = new URL(`sheets/${encodeURIComponent(code)}.html`, base).href;
		const head = el('span', 'search-title');
		head.append(el('span', 'code', code), ' ', marked('name', title, typed));
		a.append(head);
		if (hit.where & AKA && aka.length > 0) a.append(marked('search-aka', aka.join(' \u00b7 '), typed));
		if (hit.where & MISSION && summary) a.append(marked('search-summary', summary, typed));
		const fields = meta.fields.filter((f, b) => hit.where & (1 << b));
		const where = el('span', 'search-where', `${meta.labels.foundIn} ${fields.join(', ')}: `);
		hit.words.forEach((w, i) => where.append(i ? ', ' : '', el('mark', null, w)));
		a.append(where);
		const li = el('li');
		li.append(a);
		return li;
	}

	function count(meta, total, shown) {
		const l = meta.labels;
		if (total === 0) return l.none;
		if (total === 1) return l.one;
		const n = String(total);
		return shown < total ? l.first.replace('{n}', n).replace('{k}', String(shown)) : l.many.replace('{n}', n);
	}

	function start(box) {
		const input = box.querySelector('.search-input');
		const status = box.querySelector('.search-status');
		const panel = box.querySelector('.search-results');
		const list = box.querySelector('.search-list');
		let timer = 0, asked = 0;
		const links = () => [...list.querySelectorAll('a')];
		const close = () => { panel.hidden = true; };

		async function run() {
			const mine = ++asked;
			const text = input.value;
			let answer;
			try {
				answer = await query(text);
			} catch (e) {
				console.error(e.message);
				return;
			}
			if (mine !== asked) return;
			if (!answer) {
				list.replaceChildren();
				status.textContent = '';
				close();
				return;
			}
			const meta = store.meta;
			list.replaceChildren(...answer.shown.map((h) => result(h, answer.typed, meta)));
			status.textContent = count(meta, answer.total, answer.shown.length);
			panel.hidden = false;
		}

		input.addEventListener('input', () => {
			clearTimeout(timer);
			timer = setTimeout(run, WAIT);
		});
		input.addEventListener('focus', () => {
			if (list.children.length > 0 && input.value.trim()) panel.hidden = false;
		});
		input.addEventListener('keydown', async (e) => {
			if (e.key === 'Enter') {
				// What was typed last counts, even before its results show.
				e.preventDefault();
				clearTimeout(timer);
				await run();
				links()[0]?.click();
				return;
			}
			const first = panel.hidden ? null : links()[0];
			if (e.key === 'ArrowDown' && first) {
				e.preventDefault();
				first.focus();
			} else if (e.key === 'Escape' && !panel.hidden) {
				e.preventDefault();
				close();
			}
		});
		list.addEventListener('keydown', (e) => {
			const all = links(), i = all.indexOf(document.activeElement);
			let to = null;
			if (e.key === 'ArrowDown') to = all[Math.min(i + 1, all.length - 1)];
			else if (e.key === 'ArrowUp') to = i > 0 ? all[i - 1] : input;
			else if (e.key === 'Home') to = all[0];
			else if (e.key === 'End') to = all[all.length - 1];
			else if (e.key === 'Escape') { close(); to = input; }
			if (to) {
				e.preventDefault();
				to.focus();
			}
		});
		box.addEventListener('focusout', (e) => {
			if (!box.contains(e.relatedTarget)) close();
		});
		box.hidden = false;
	}

	const box = document.querySelector('.site-search');
	if (box) start(box);
}());
