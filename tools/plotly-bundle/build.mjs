// Bundles plotly.js core plus the named trace modules, with the esbuild options of plotly.js's own
// esbuild-config.js, into one minified script that sets window.Plotly.
//   node build.mjs OUTFILE TRACE [TRACE...]
import * as esbuild from 'esbuild';
import { writeFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { environmentPlugin } = require('esbuild-plugin-environment');
const { glsl } = require('esbuild-plugin-glsl');
const InlineCSSPlugin = require('esbuild-plugin-inline-css');

const [outfile, ...traces] = process.argv.slice(2);
if (!outfile || traces.length === 0) {
  console.error('usage: node build.mjs OUTFILE TRACE [TRACE...]');
  process.exit(2);
}
const version = JSON.parse(readFileSync(require.resolve('plotly.js/package.json'))).version;

// The same entry plotly.js's partial-bundle task writes (lib/index-<name>.js), for our traces.
const entry = [
  "'use strict';",
  "var Plotly = require('plotly.js/lib/core');",
  'Plotly.register([',
  ...traces.map((name) => `    require('plotly.js/lib/${name}'),`),
  ']);',
  'module.exports = Plotly;',
].join('\n');

// maplibre-gl's stylesheet is required only when a map subplot registers; none of ours does.
const noMapStyles = {
  name: 'no-map-styles',
  setup(build) {
    build.onResolve({ filter: /maplibre-gl\.css$/ }, (args) => ({ path: args.path, namespace: 'empty' }));
    build.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: '', loader: 'js' }));
  },
};

const result = await esbuild.build({
  stdin: { contents: entry, resolveDir: process.cwd(), sourcefile: 'index-report.js' },
  format: 'iife',
  globalName: 'Plotly',
  bundle: true,
  minify: true,
  write: false,
  outfile: 'plotly-report.min.js',
  legalComments: 'eof',
  plugins: [noMapStyles, InlineCSSPlugin(), glsl({ minify: true }), environmentPlugin({ NODE_DEBUG: false })],
  alias: { regl: '@plotly/regl', stream: 'stream-browserify' },
  define: { global: 'window', 'define.amd': 'false' },
  target: 'es2016',
  logLevel: 'warning',
});

const header = [
  '/**',
  `* plotly.js (report partial bundle: ${traces.join(', ')} - minified) v${version}`,
  '* Copyright 2012-2026, Plotly, Inc.',
  '* All rights reserved.',
  '* Licensed under the MIT license',
  '*/',
].join('\n');
writeFileSync(outfile, `${header}\n${result.outputFiles[0].text}window.Plotly = Plotly;\n`);
console.log(`wrote ${outfile}: plotly.js ${version}, traces ${traces.join(', ')}`);
