/** French words for search (server/search-text.ts): folding, stems and forms, excerpts, the FTS5 expression. */
import { expect } from 'chai';
import { fold, formsOf, ftsExpression, highlight, queryWords, stem, tsqueryText, wordMatcher } from '../../server/search-text';
import { parseDay, parseQuery } from '../../server/services/search/query';

describe('search text (French)', () => {
  it('folds accents, case and ligatures', () => {
    expect(fold('Élève, ŒUVRE et Ça')).to.equal('eleve, oeuvre et ca');
    expect(fold('plain ASCII')).to.equal('plain ascii');
  });

  it('stems to a prefix of the inflected forms, and the forms come back', () => {
    expect(stem('mairies')).to.equal('mairi');
    expect(stem('chevaux')).to.equal('cheva');
    expect(stem('developpement')).to.equal('developp');
    expect(formsOf('chevaux')).to.include.members(['cheval', 'chevaux']);
    expect(formsOf('travail')).to.include.members(['travail', 'travaux']);
    expect(formsOf('ecoles')).to.include.members(['ecole', 'ecoles']);
    expect(formsOf('ateliers')).to.include.members(['atelier', 'ateliers']);
    expect(formsOf('wifi')).to.include('wifi');
  });

  it('query words: folded, stop words out unless nothing else is left, at most 8', () => {
    expect(queryWords('Le plan de l’école')).to.deep.equal(['plan', 'ecole']);
    expect(queryWords('de la')).to.deep.equal(['de', 'la']);
    expect(queryWords('a b c d e f g h i j k l m n')).to.deep.equal([]);
    expect(queryWords(Array.from({ length: 12 }, (_, i) => `mot${i}`).join(' '))).to.have.length(8);
  });

  it('the FTS5 expression holds quoted letters and digits only, whatever was typed', () => {
    const words = queryWords('"NEAR(x* OR) : \' ^col:école');
    const expr = ftsExpression(words);
    expect(expr.replace(/"[\p{L}\p{N}]+"/gu, '').replace(/\(| OR |\)| AND /g, '')).to.equal('');
    expect(tsqueryText(['ecole', 'a1'])).to.equal('ecole:* & a1');
  });

  it('highlights the words found, around the first match, as plain text pieces', () => {
    const text = `${'Début sans intérêt. '.repeat(20)}La réunion à l’École élémentaire est reportée.`;
    const pieces = highlight(text, ['ecole', 'reunion']);
    expect(pieces.filter((p) => p.match).map((p) => p.text)).to.deep.equal(['réunion', 'École']);
    expect(pieces[0]!.text.startsWith('… ')).to.equal(true);
    expect(highlight('<b>gras</b>', ['gras'])).to.deep.equal([
      { text: '<b>', match: false },
      { text: 'gras', match: true },
      { text: '</b>', match: false },
    ]);
  });

  it('the matcher: every word in one of its forms; titles weigh more', () => {
    const m = wordMatcher(['ateliers', 'mairie']);
    expect(m.matchesAll(['Atelier à la mairie'])).to.equal(true);
    expect(m.matchesAll(['Atelier à la médiathèque'])).to.equal(false);
    expect(m.score(['Atelier', 'rien'])).to.be.greaterThan(m.score(['rien', 'Atelier']));
  });

  it('reads the chat filters, and searches what it cannot read as words', () => {
    const p = parseQuery('de:@Alice dans:#dep-35 avant:2026-03-01 après:15/01/2026 budget');
    expect(p).to.deep.include({ from: 'Alice', in: 'dep-35', words: ['budget'] });
    expect(p.before!.toISOString()).to.equal('2026-03-01T00:00:00.000Z');
    expect(p.after!.toISOString()).to.equal('2026-01-16T00:00:00.000Z');
    expect(parseQuery('avant:2026-02-30 budget').words).to.deep.equal(['avant', '2026', '02', '30', 'budget']);
    expect(parseDay('31/04/2026')).to.equal(null);
  });
});
