import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  canEditPage,
  canReadPage,
  checkPageInput,
  nextReviewOn,
  pageSlug,
  reviewState,
} from '../../../src/domain/playbook/page.ts';
import {
  indexTerms,
  queryTerms,
  rankPages,
  scorePage,
  tokenize,
} from '../../../src/domain/playbook/search.ts';
import {
  normaliseTag,
  normaliseTags,
  TAGS_PER_PAGE_MAX,
  tagKey,
} from '../../../src/domain/playbook/tags.ts';

describe('tags', () => {
  it('one tag however it was typed', () => {
    assert.equal(normaliseTag('  #Food Safety '), 'food-safety');
    assert.equal(normaliseTag('food_safety'), 'food-safety');
    assert.equal(normaliseTag('Alimentación!'), 'alimentación');
    assert.equal(normaliseTag('--'), null);
    assert.equal(tagKey('Alimentación'), tagKey('ALIMENTACION'));
  });

  it('splits, keeps the first spelling, drops repeats', () => {
    const r = normaliseTags('Intake, intake; Alimentación\nalimentacion,, ');
    assert.deepEqual(r.tags, ['intake', 'alimentación']);
    assert.deepEqual(r.problems, []);
  });

  it('says when a tag is too long or there are too many', () => {
    assert.equal(normaliseTags(['x'.repeat(40)]).problems[0]?.key, 'playbook.tagTooLong');
    const many = normaliseTags(Array.from({ length: 20 }, (_, i) => `t${i}`));
    assert.equal(many.tags.length, TAGS_PER_PAGE_MAX);
    assert.equal(many.problems[0]?.key, 'playbook.tooManyTags');
  });
});

describe('search tokeniser', () => {
  it('folds accents and case, drops stop words of both languages, cuts plural s', () => {
    assert.deepEqual(tokenize('The Volunteers of the Despensa'), ['volunteer', 'despensa']);
    assert.deepEqual(tokenize('Cómo organizar la distribución'), ['organizar', 'distribucion']);
    assert.deepEqual(tokenize("Don't panic"), ['dont', 'panic']);
  });

  it('stop words can be kept', () => {
    assert.deepEqual(tokenize('the plan', { stopWords: [] }), ['the', 'plan']);
    assert.deepEqual(tokenize('la plan', { stopWords: ['en'] }), ['la', 'plan']);
  });

  it('ranks title above tags above text, requires every term, matches prefixes', () => {
    const pages = [
      { id: 'a', title: 'Intake calls', tags: ['phones'], body: 'How to take a call.' },
      { id: 'b', title: 'Cold storage', tags: ['intake'], body: 'Fridges.' },
      { id: 'c', title: 'Drivers', tags: [], body: 'Intake of rides happens by phone.' },
      { id: 'd', title: 'Voluntarios', tags: [], body: 'Turnos y descansos.' },
    ];
    assert.deepEqual(
      rankPages('intake', pages).map((r) => r.page.id),
      ['a', 'b', 'c'],
    );
    assert.deepEqual(
      rankPages('intake fridge', pages).map((r) => r.page.id),
      ['b'],
    );
    assert.deepEqual(
      rankPages('volunt', pages).map((r) => r.page.id),
      ['d'],
    );
    assert.deepEqual(rankPages('the', pages), []);
    assert.equal(scorePage(queryTerms('in'), indexTerms(pages[0]!)), 0);
  });
});

describe('playbook pages', () => {
  it('public pages for anyone, members pages for members; volunteers and up write', () => {
    assert.equal(canReadPage('public', null), true);
    assert.equal(canReadPage('members', null), false);
    assert.equal(canReadPage('members', 'neighbour'), true);
    assert.equal(canEditPage('neighbour'), false);
    assert.equal(canEditPage('volunteer'), true);
  });

  it('makes unique slugs from titles', () => {
    assert.equal(pageSlug('¿Cómo recibir una llamada?', new Set()), 'como-recibir-una-llamada');
    assert.equal(pageSlug('Intake', new Set(['intake', 'intake-2'])), 'intake-3');
    assert.equal(pageSlug('!!!', new Set()), 'page');
  });

  it('review dates: none, ok, soon, overdue; next one from the last review', () => {
    assert.equal(reviewState(null, '2026-01-01'), 'none');
    assert.equal(reviewState('2026-03-01', '2026-01-01'), 'ok');
    assert.equal(reviewState('2026-01-10', '2026-01-01'), 'soon');
    assert.equal(reviewState('2025-12-31', '2026-01-01'), 'overdue');
    assert.equal(nextReviewOn('2026-01-31', 30), '2026-03-02');
  });

  it('checks what the author typed, field by field', () => {
    const bad = checkPageInput(
      {
        title: ' ',
        body: '',
        tags: 'x'.repeat(50),
        visibility: 'secret',
        language: 'E',
        reviewOn: '2026-02-30',
      },
      '2026-01-01',
    );
    assert.equal(bad.ok, false);
    if (!bad.ok)
      assert.deepEqual(Object.keys(bad.problems).sort(), [
        'body',
        'language',
        'reviewOn',
        'tags',
        'title',
        'visibility',
      ]);
    const past = checkPageInput(
      {
        title: 'a',
        body: 'b',
        tags: '',
        visibility: 'public',
        language: 'en',
        reviewOn: '2025-01-01',
      },
      '2026-01-01',
    );
    assert.equal(!past.ok && past.problems.reviewOn?.key, 'playbook.reviewInPast');
    const ok = checkPageInput(
      {
        title: '  Intake   calls ',
        body: 'Hi\r\nthere',
        tags: 'Intake, phones',
        visibility: 'members',
        language: 'es',
      },
      '2026-01-01',
    );
    assert.deepEqual(ok.ok && ok.page, {
      title: 'Intake calls',
      body: 'Hi\nthere',
      tags: ['intake', 'phones'],
      visibility: 'members',
      language: 'es',
      reviewOn: null,
      summary: '',
    });
  });
});
