// The tests' citation.js runner (tests/test_citation_consumers.py). Input is recognised from
// the file's content by citation.js itself, as a reader's copy of it would do.
//   node citation-js.js import FILE            -> the CSL-JSON items citation.js read from FILE
//   node citation-js.js render FILE STYLE.csl  -> the bibliography citeproc-js prints, as text
'use strict'
const fs = require('fs')
const { Cite, plugins } = require('@citation-js/core')
require('@citation-js/plugin-bibtex')
require('@citation-js/plugin-ris')
require('@citation-js/plugin-csl')

const [command, file, style] = process.argv.slice(2)
const cite = new Cite(fs.readFileSync(file, 'utf8'))
if (command === 'import') {
  process.stdout.write(JSON.stringify(cite.data, null, 2) + '\n')
} else if (command === 'render') {
  plugins.config.get('@csl').styles.add('test-style', fs.readFileSync(style, 'utf8'))
  process.stdout.write(cite.format('bibliography', { format: 'text', template: 'test-style', lang: 'en-US' }))
} else {
  process.stderr.write(`unknown command ${command}\n`)
  process.exit(2)
}
