import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import { LitElement } from 'lit';
import type { Poll, PollTally, PollVote } from '../../../src/adapters/contract.js';
import { csvField, csvFileName, downloadCsv, resultsCsv, toCsv, votersCsv } from '../../../src/components/poll/csv.js';
import { LocalizeController } from '../../../src/core/localize.js';
import { instantRunoff } from '../../../src/domain/ranked-choice.js';

/** The smallest element that has a language: what `<plein-poll>` hands the exporter. */
class CsvHost extends LitElement {
  readonly localize = new LocalizeController(this);
}
customElements.define('csv-test-host', CsvHost);

async function localizer(lang = 'en'): Promise<LocalizeController> {
  const host = await fixture<CsvHost>(html`<csv-test-host lang=${lang}></csv-test-host>`);
  return host.localize;
}

/** A strict RFC 4180 reader, to prove the writer's output reads back as the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at ${index}`);
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index++;
    } else if (char === '\r' || char === '\n') throw new Error(`bare line break at ${index}`);
    else field += char;
  }
  if (quoted || field !== '' || row.length > 0) throw new Error('the text does not end with CRLF');
  return rows;
}

function poll(overrides: Partial<Poll>): Poll {
  return {
    id: 'next-meetup',
    type: 'single',
    question: 'Where shall we meet next?',
    options: [
      { value: 'utrecht', label: 'Utrecht' },
      { value: 'amsterdam', label: 'Amsterdam, Noord' },
      { value: 'delft', label: '=HYPERLINK("https://evil.example","Delft")' },
    ],
    results: 'always',
    voters: 'public',
    integrity: 'member',
    authorId: null,
    status: 'closed',
    tally: null,
    resultsWithheldUntil: null,
    myBallot: null,
    voted: false,
    ballotCount: 0,
    createdAt: '2026-11-01T10:00:00.000Z',
    ...overrides,
  };
}

describe('CSV export', () => {
  it('quotes fields with commas, quotes and line breaks, and doubles quotes (RFC 4180)', () => {
    expect(csvField('Utrecht')).to.equal('Utrecht');
    expect(csvField('Amsterdam, Noord')).to.equal('"Amsterdam, Noord"');
    expect(csvField('The "best" city')).to.equal('"The ""best"" city"');
    expect(csvField('two\nlines')).to.equal('"two\nlines"');
    expect(csvField('two\r\nlines')).to.equal('"two\r\nlines"');
    expect(csvField(null)).to.equal('');
    expect(csvField(0.25)).to.equal('0.25');
    expect(toCsv([['a', 'b'], [1, 'c,d'], []])).to.equal('a,b\r\n1,"c,d"\r\n\r\n');
  });

  it('defuses cells a spreadsheet would run as formulas, but leaves its own numbers alone', () => {
    expect(csvField('=SUM(A1:A9)')).to.equal("'=SUM(A1:A9)");
    expect(csvField('+31 6 1234')).to.equal("'+31 6 1234");
    expect(csvField('-1+1')).to.equal("'-1+1");
    expect(csvField('@cmd')).to.equal("'@cmd");
    expect(csvField('\t=1')).to.equal("'\t=1");
    expect(csvField('\r=1')).to.equal('"\'\r=1"');
    expect(csvField('=HYPERLINK("https://evil.example","x")')).to.equal('"\'=HYPERLINK(""https://evil.example"",""x"")"');
    expect(csvField('a=b')).to.equal('a=b');
    expect(csvField(-2)).to.equal('-2');
  });

  it('reads back as the same cells for any text, with only formula starts prefixed', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '\r', '\n', '=', '+', '-', '@', '\t', 'é', '😀'), maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.array(text, { minLength: 1, maxLength: 4 }), { maxLength: 5 }), (rows) => {
        const read = parseCsv(toCsv(rows));
        const expected = rows.map((row) => row.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)));
        expect(read).to.deep.equal(expected);
        for (const cell of read.flat()) expect(/^[=+\-@\t\r]/.test(cell), `cell ${JSON.stringify(cell)}`).to.equal(false);
      }),
    );
  });

  it('exports a choice poll’s counts and shares, with the winner', async () => {
    const tally: PollTally = { total: 8, counts: { utrecht: 5, amsterdam: 2, delft: 1 }, winner: 'utrecht' };
    const rows = parseCsv(resultsCsv(await localizer(), poll({ tally, ballotCount: 8 })));
    expect(rows).to.deep.equal([
      ['Option', 'Value', 'Votes', 'Share'],
      ['Utrecht', 'utrecht', '5', '0.625'],
      ['Amsterdam, Noord', 'amsterdam', '2', '0.25'],
      ['\'=HYPERLINK("https://evil.example","Delft")', 'delft', '1', '0.125'],
      [''],
      ['Ballots', '8'],
      ['Winner', 'Utrecht', 'utrecht'],
    ]);
  });

  it('exports every round of a ranked count with eliminations, continuing and exhausted ballots', async () => {
    const values = ['utrecht', 'amsterdam', 'delft'];
    const result = instantRunoff(values, [['utrecht'], ['utrecht'], ['amsterdam', 'utrecht'], ['amsterdam'], ['delft', 'amsterdam'], ['delft'], ['delft', 'utrecht']]);
    const rows = parseCsv(resultsCsv(await localizer(), poll({ type: 'ranked', tally: { ...result }, ballotCount: 7 })));
    // Round 1: 2, 2, 3 of 7; Utrecht and Amsterdam share last place with no earlier round to tell
    // them apart, so Amsterdam (listed after Utrecht) goes. Round 2: one Amsterdam ballot moves to
    // Utrecht, the other is exhausted: 3, 3 of 6; round 1 had Utrecht lower, so Utrecht goes.
    // Round 3: Delft 3 of 3, four ballots exhausted.
    expect(rows).to.deep.equal([
      ['Option', 'Value', 'Round 1', 'Round 2', 'Round 3', 'Eliminated in round'],
      ['Utrecht', 'utrecht', '2', '3', '', '2'],
      ['Amsterdam, Noord', 'amsterdam', '2', '', '', '1'],
      ['\'=HYPERLINK("https://evil.example","Delft")', 'delft', '3', '3', '3', ''],
      ['Continuing ballots', '', '7', '6', '3', ''],
      ['Exhausted ballots', '', '0', '1', '4', ''],
      [''],
      ['Ballots', '7'],
      ['Winner', '\'=HYPERLINK("https://evil.example","Delft")', 'delft'],
    ]);
  });

  it('exports a rating’s distribution and average, a quiz’s right answers, and only the ballot count while withheld', async () => {
    const t = await localizer();
    const rating = parseCsv(
      resultsCsv(t, poll({ type: 'rating', scale: { min: -1, max: 1, step: 1 }, tally: { total: 3, counts: { '-1': 1, '0': 0, '1': 2 }, average: 1 / 3 } })),
    );
    expect(rating).to.deep.equal([['Rating', 'Votes', 'Share'], ['-1', '1', '0.3333'], ['0', '0', '0'], ['1', '2', '0.6667'], [''], ['Ballots', '3'], ['Average', '0.3333']]);

    const quiz = parseCsv(
      resultsCsv(t, poll({ type: 'quiz', correct: ['delft'], tally: { total: 4, counts: { utrecht: 1, amsterdam: 0, delft: 3 }, winner: 'delft', correctShare: 0.75 } })),
    );
    expect(quiz[0]).to.deep.equal(['Option', 'Value', 'Votes', 'Share', 'Correct']);
    expect(quiz.slice(1, 4).map((row) => row[4])).to.deep.equal(['no', 'no', 'yes']);
    expect(quiz).to.deep.include(['Share correct', '0.75']);

    expect(parseCsv(resultsCsv(t, poll({ tally: null, ballotCount: 12, resultsWithheldUntil: 'close' })))).to.deep.equal([['Ballots', '12']]);
  });

  it('names no winner for a quiz, whose most-picked answer may be a wrong one', async () => {
    const t = await localizer();
    const quiz = parseCsv(
      resultsCsv(t, poll({ type: 'quiz', correct: ['delft'], tally: { total: 5, counts: { utrecht: 3, amsterdam: 0, delft: 2 }, winner: 'utrecht', correctShare: 0.4 } })),
    );
    expect(quiz.slice(-3)).to.deep.equal([[''], ['Ballots', '5'], ['Share correct', '0.4']]);
  });

  it('exports who voted what, defusing names, with Dutch column names for a Dutch moderator', async () => {
    const votes: PollVote[] = [
      { voter: { id: 'u1', name: 'Ada' }, ballot: { choices: ['amsterdam', 'utrecht'] }, votedAt: '2026-11-02T09:00:00.000Z' },
      { voter: { id: 'u2', name: '@SUM(1+1)' }, ballot: { choices: ['delft'] }, votedAt: '2026-11-02T09:05:00.000Z' },
    ];
    const rows = parseCsv(votersCsv(await localizer('nl'), poll({ type: 'ranked' }), votes));
    expect(rows).to.deep.equal([
      ['Stemmer', 'Id van de stemmer', 'Keuzes', 'Gestemd op'],
      ['Ada', 'u1', 'Amsterdam, Noord > Utrecht', '2026-11-02T09:00:00.000Z'],
      ["'@SUM(1+1)", 'u2', '\'=HYPERLINK("https://evil.example","Delft")', '2026-11-02T09:05:00.000Z'],
    ]);
  });

  it('names the file after the poll, with nothing a file system could trip over', () => {
    expect(csvFileName({ id: 'next-meetup' }, 'results')).to.equal('next-meetup-results.csv');
    expect(csvFileName({ id: '../../etc/passwd' }, 'voters')).to.equal('etc-passwd-voters.csv');
    expect(csvFileName({ id: '///' }, 'results')).to.equal('poll-results.csv');
  });

  it('downloads the text as a UTF-8 file with a byte order mark through a temporary link', async () => {
    const root = await fixture<HTMLElement>(html`<div></div>`);
    const clicked: { href: string; download: string }[] = [];
    root.addEventListener('click', (event) => {
      const link = event.target as HTMLAnchorElement;
      clicked.push({ href: link.href, download: link.download });
      // The test checks the file; it does not save it.
      event.preventDefault();
    });
    downloadCsv('Option,Votes\r\nDé Utrecht,5\r\n', 'next-meetup-results.csv', root);

    expect(clicked).to.have.length(1);
    expect(clicked[0]?.download).to.equal('next-meetup-results.csv');
    expect(clicked[0]?.href.startsWith('blob:')).to.equal(true);
    expect(root.querySelector('a'), 'the link is gone after the click').to.equal(null);
    const response = await fetch(clicked[0]!.href);
    expect(response.headers.get('content-type')).to.equal('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).to.equal('Option,Votes\r\nDé Utrecht,5\r\n');
  });
});
