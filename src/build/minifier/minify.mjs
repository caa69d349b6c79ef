// The minifier pass after TeaVM: terser, with the settings that keep the page-facing contract intact.
// TeaVM's ADVANCED output already has short names; terser still takes 5-6 % off (gzip) by compressing expressions
// and re-mangling locals. Property names are never mangled: pages, CXBus and the WebChat UI read them by name.
// It also stamps the build: a one-line banner (name, version, licence) on top, and the version as the constant
// WCS_VERSION (org.wcs.browser.BuildVersion reads it); and, given TeaVM's source map of a bundle, it writes the
// bundle's final map beside it (<file>.map, Java sources inlined) with the sourceMappingURL comment.
//
// Usage: node minify.mjs <work dir> --name N --version V --licence L <file>[=<TeaVM source map>]...
// Each file is rewritten in place. The work dir receives this folder's package.json and lock file; terser is
// installed there with `npm ci` once.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const workDir = args.shift();
const stamp = {};
while (args.length > 1 && args[0].startsWith('--')) {
  stamp[args.shift().substring(2)] = args.shift();
}
const files = args;
const usage = 'usage: node minify.mjs <work dir> --name N --version V --licence L <file>[=<source map>]...';
if (!workDir || files.length === 0 || !stamp.name || !stamp.version || !stamp.licence) {
  console.error(usage);
  process.exit(2);
}
for (const key of ['name', 'version', 'licence']) {
  if (/[\r\n]|\*\//.test(stamp[key])) {
    console.error('minifier: --' + key + ' cannot go into a one-line comment: ' + JSON.stringify(stamp[key]));
    process.exit(2);
  }
}
const banner = '/*! ' + stamp.name + ' ' + stamp.version + ' | ' + stamp.licence + ' */';

const work = resolve(workDir);
const installed = join(work, 'node_modules', 'terser', 'package.json');
if (!existsSync(installed)) {
  mkdirSync(work, { recursive: true });
  copyFileSync(join(here, 'package.json'), join(work, 'package.json'));
  copyFileSync(join(here, 'package-lock.json'), join(work, 'package-lock.json'));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
    { cwd: work, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error('minifier: npm ci failed in ' + work + ' (the npm registry or its cache is needed once)');
    process.exit(1);
  }
}
const { minify } = await import(pathToFileURL(join(work, 'node_modules', 'terser', 'main.js')).href);

const options = {
  ecma: 2020,
  compress: { passes: 2, global_defs: { WCS_VERSION: stamp.version } },
  mangle: true,
  format: { comments: false, preamble: banner },
};

// Base64 VLQ, the number format of source map "mappings" (only the first number of the first line is rewritten).
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function readVlq(text, at) {
  let value = 0, shift = 0, digit;
  do {
    digit = DIGITS.indexOf(text[at++]);
    if (digit < 0) throw new Error('minifier: bad source map mappings');
    value += (digit & 31) << shift;
    shift += 5;
  } while (digit & 32);
  return { value: value & 1 ? -(value >>> 1) : value >>> 1, end: at };
}
function writeVlq(value) {
  let v = value < 0 ? (-value << 1) | 1 : value << 1, out = '';
  do {
    let digit = v & 31;
    v >>>= 5;
    out += DIGITS[digit | (v > 0 ? 32 : 0)];
  } while (v > 0);
  return out;
}

// TeaVM's map describes its raw file; the bundle wraps that file in (function(){ ... ;main();})(), which moves the
// raw file down (and, were the header on its line, to the right). Move the map the same way (the first line's
// first column is the only absolute one), inline the Java sources TeaVM copied beside the map, drop its sourceRoot.
function inputMap(bundle, mapFile) {
  const map = JSON.parse(readFileSync(mapFile, 'utf8'));
  const raw = readFileSync(join(dirname(mapFile), map.file), 'utf8').trimEnd();
  const at = bundle.indexOf(raw);
  if (at < 0) {
    throw new Error('minifier: ' + map.file + ' is not in ' + bundle.length + ' bytes of bundle: its map would not fit');
  }
  const before = bundle.substring(0, at);
  const lines = before.split('\n').length - 1;
  const column = at - (before.lastIndexOf('\n') + 1);
  if (column > 0 && map.mappings.length > 0 && map.mappings[0] !== ';' && map.mappings[0] !== ',') {
    const first = readVlq(map.mappings, 0);
    map.mappings = writeVlq(first.value + column) + map.mappings.substring(first.end);
  }
  map.mappings = ';'.repeat(lines) + map.mappings;
  const root = join(dirname(mapFile), map.sourceRoot || '');
  map.sourcesContent = map.sources.map((source) => {
    const file = join(root, source);
    return existsSync(file) ? readFileSync(file, 'utf8') : null; // the classlib's sources are not copied
  });
  delete map.sourceRoot;
  return map;
}

const gzip = (text) => gzipSync(Buffer.from(text), { level: 9 }).length;
for (const arg of files) {
  const at = arg.indexOf('=');
  const file = at < 0 ? arg : arg.substring(0, at);
  const mapFile = at < 0 ? null : arg.substring(at + 1);
  const input = readFileSync(file, 'utf8');
  const run = { ...options };
  if (mapFile) {
    run.sourceMap = { content: inputMap(input, mapFile), url: basename(file) + '.map', includeSources: true };
  }
  const result = await minify(input, run);
  writeFileSync(file, result.code + '\n');
  let mapNote = '';
  if (mapFile) {
    const map = JSON.parse(result.map);
    map.file = basename(file);
    writeFileSync(file + '.map', JSON.stringify(map));
    mapNote = ' (+ ' + basename(file) + '.map, ' + map.sources.length + ' sources)';
  }
  console.log('minifier: ' + file + ' ' + gzip(input) + ' -> ' + gzip(result.code + '\n') + ' B gzip -9' + mapNote);
}
