// The minifier pass after TeaVM: terser, with the settings that keep the page-facing contract intact.
// TeaVM's ADVANCED output already has short names; terser still takes 5-6 % off (gzip) by compressing expressions
// and re-mangling locals. Property names are never mangled: pages, CXBus and the WebChat UI read them by name.
//
// Usage: node minify.mjs <work dir> <file>...   (each file is rewritten in place)
// The work dir receives this folder's package.json and lock file; terser is installed there with `npm ci` once.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const [workDir, ...files] = process.argv.slice(2);
if (!workDir || files.length === 0) {
  console.error('usage: node minify.mjs <work dir> <file>...');
  process.exit(2);
}

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
  compress: { passes: 2 },
  mangle: true,
  format: { comments: false },
};

const gzip = (text) => gzipSync(Buffer.from(text), { level: 9 }).length;
for (const file of files) {
  const input = readFileSync(file, 'utf8');
  const output = (await minify(input, options)).code + '\n';
  writeFileSync(file, output);
  console.log('minifier: ' + file + ' ' + gzip(input) + ' -> ' + gzip(output) + ' B gzip -9');
}
