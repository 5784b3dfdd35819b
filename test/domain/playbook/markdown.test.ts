import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyLink, imageAllowed } from '../../../src/domain/playbook/links.ts';
import {
  excerpt,
  MARKDOWN_MAX,
  plainText,
  renderMarkdown,
} from '../../../src/domain/playbook/markdown.ts';
import { unsafeParts } from './safe-html.ts';

const ORIGIN = 'https://aid.example.org';
const render = (md: string) => renderMarkdown(md, { origin: ORIGIN });

/** Payloads from the usual XSS lists, in the forms Markdown lets them be written. */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<svg onload=alert(1)>',
  '<iframe src="https://evil.example"></iframe>',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x]( javascript:alert(1) )',
  '[x](<javascript:alert(1)>)',
  '[x](&#106;avascript:alert(1))',
  '[x](&#x6A;avascript&colon;alert(1))',
  '[x](java%09script:alert(1))',
  '[x](java%0ascript:alert(1))',
  '[x](%6A%61vascript:alert(1))',
  '[x](%256Aavascript:alert(1))',
  '[x](\u200bjavascript:alert(1))',
  '[x](vbscript:msgbox(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](file:///etc/passwd)',
  '[x](//evil.example/a)',
  '[x](/\\evil.example)',
  '[x](https://aid.example.org@evil.example/)',
  '[x](intent://scan#Intent;scheme=zxing;end)',
  '<javascript:alert(1)>',
  '<data:text/html,<script>alert(1)</script>>',
  '<vbscript:msgbox(1)>',
  '[a]: javascript:alert(1)\n\n[a]',
  '[a][r]\n\n[r]: data:text/html,x',
  '![x](javascript:alert(1))',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '![x](https://tracker.example/p.gif)',
  '![x"onerror="alert(1)](/a.png)',
  '[x](/a "title\\" onmouseover=\\"alert(1)")',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '```html\n<script>alert(1)</script>\n```',
  '`<script>`',
  '| a | b |\n|---|---|\n| <b onclick=x>c</b> | [d](javascript:x) |',
  '# <img src=x onerror=alert(1)>',
  '> <style>body{display:none}</style>',
];

describe('playbook Markdown: output safe to put in a page', () => {
  it('the checker itself catches unsafe markup (so the cases below can fail)', () => {
    assert.notDeepEqual(unsafeParts('<a href="javascript:alert(1)">x</a>'), []);
    assert.notDeepEqual(unsafeParts('<img src="https://t.example/p.gif" alt="">'), []);
    assert.notDeepEqual(unsafeParts('<p onclick="x">a</p>'), []);
    assert.notDeepEqual(unsafeParts('<script>alert(1)</script>'), []);
    assert.notDeepEqual(unsafeParts('<p>a</p><img src=x onerror=alert(1)>'), []);
    assert.deepEqual(unsafeParts('<p>&lt;script&gt;</p>'), []);
  });

  for (const payload of PAYLOADS) {
    it(`neutralises ${JSON.stringify(payload).slice(0, 60)}`, () => {
      const { html } = render(payload);
      assert.deepEqual(unsafeParts(html, ORIGIN), [], html);
      assert.doesNotMatch(html, /<(script|iframe|svg|style|object|embed)/i);
    });
  }

  it('shows raw HTML as the text that was typed', () => {
    assert.equal(render('<b>bold</b>').html, '<p>&lt;b&gt;bold&lt;/b&gt;</p>\n');
  });

  it('shows a refused link as its text and tells the author which', () => {
    const r = render('Read [the guide](javascript:alert(1)) first.');
    assert.equal(r.html, '<p>Read the guide first.</p>\n');
    assert.deepEqual(r.problems, [
      { key: 'playbook.linkRefused', params: { url: 'javascript:alert(1)' } },
    ]);
  });

  it('marks external links nofollow noopener, and leaves this deployment’s own alone', () => {
    const r = render(
      '[food bank](https://foodbank.example/hours) [intake](/n/north/playbook/intake) ' +
        '[same](https://aid.example.org/n/north) [top](#pb-top) [next](intake-2)',
    );
    assert.match(r.html, /<a href="https:\/\/foodbank.example\/hours" rel="nofollow noopener">/);
    assert.match(r.html, /<a href="\/n\/north\/playbook\/intake">intake<\/a>/);
    assert.match(r.html, /<a href="https:\/\/aid.example.org\/n\/north">same<\/a>/);
    assert.match(r.html, /<a href="#pb-top">top<\/a>/);
    assert.match(r.html, /<a href="intake-2">next<\/a>/);
    assert.deepEqual(r.problems, []);
  });

  it('links bare addresses, emails and phone links, checked like any other', () => {
    const r = render(
      'Call <tel:+15550102000>, write to pantry@example.org or see https://example.org',
    );
    assert.match(r.html, /<a href="tel:\+15550102000">/);
    assert.match(r.html, /<a href="mailto:pantry@example.org">pantry@example.org<\/a>/);
    assert.match(r.html, /<a href="https:\/\/example.org" rel="nofollow noopener">/);
  });

  it('shows images of this deployment, and only the description of others', () => {
    const own = render('![Shelf layout](/n/north/files/shelf.png)');
    assert.match(
      own.html,
      /<img src="\/n\/north\/files\/shelf.png" alt="Shelf layout" loading="lazy">/,
    );
    const outside = render('![Shelf layout](https://cdn.example/shelf.png)');
    assert.equal(outside.html, '<p>Shelf layout</p>\n');
    assert.equal(outside.problems[0]?.key, 'playbook.imageRefused');
  });

  it('gives each heading a prefixed, unique id and lists them', () => {
    const r = render('# Before the day\n## Setting up\n## Setting up\n### ¿Qué llevar?');
    assert.deepEqual(
      r.headings.map((h) => [h.level, h.id, h.text]),
      [
        [1, 'pb-before-the-day', 'Before the day'],
        [2, 'pb-setting-up', 'Setting up'],
        [2, 'pb-setting-up-2', 'Setting up'],
        [3, 'pb-que-llevar', '¿Qué llevar?'],
      ],
    );
    assert.match(r.html, /<h3 id="pb-que-llevar">¿Qué llevar\?<\/h3>/);
  });

  it('cuts a page longer than the limit and says so', () => {
    const r = render('a'.repeat(MARKDOWN_MAX + 10));
    assert.equal(r.problems[0]?.key, 'playbook.tooLong');
  });

  it('fuzzed mixtures of payloads stay safe (seeded)', () => {
    let seed = 17;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pieces = [...PAYLOADS, '\n\n', '* ', '> ', '**', '_', '[', ']', '(', ')', '<', '>', '"'];
    for (let run = 0; run < 300; run++) {
      const n = 2 + Math.floor(next() * 8);
      const md = Array.from({ length: n }, () => pieces[Math.floor(next() * pieces.length)]).join(
        '',
      );
      const { html } = render(md);
      assert.deepEqual(unsafeParts(html, ORIGIN), [], `${JSON.stringify(md)} → ${html}`);
    }
  });
});

describe('link policy', () => {
  it('accepts web, email, phone and same-deployment links', () => {
    assert.equal(classifyLink('https://example.org/a?b=1', ORIGIN), 'external');
    assert.equal(classifyLink('http://example.org', ORIGIN), 'external');
    assert.equal(classifyLink('https://aid.example.org/n/x', ORIGIN), 'internal');
    assert.equal(classifyLink('/n/x/playbook'), 'internal');
    assert.equal(classifyLink('../intake'), 'internal');
    assert.equal(classifyLink('#pb-top'), 'internal');
    assert.equal(classifyLink('mailto:pantry@example.org'), 'mailto');
    assert.equal(classifyLink('tel:+34 600 000 000'), 'tel');
  });

  it('refuses everything else', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JAVASCRIPT:alert(1)',
      'java%0Dscript:x',
      'data:image/png;base64,AAAA',
      'ftp://example.org',
      'whatsapp://send?text=hi',
      '//evil.example',
      '/%2F/evil.example',
      '/\\evil.example',
      'https://user:pw@example.org',
      'mailto:',
      'tel:call-me',
      'weird:path',
      '',
    ])
      assert.equal(classifyLink(url, ORIGIN), null, url);
  });

  it('allows images only from this deployment', () => {
    assert.equal(imageAllowed('/a.png'), true);
    assert.equal(imageAllowed('https://aid.example.org/a.png', ORIGIN), true);
    assert.equal(imageAllowed('https://other.example/a.png', ORIGIN), false);
    assert.equal(imageAllowed('a.png'), false);
    assert.equal(imageAllowed('data:image/png;base64,AAAA'), false);
  });
});

describe('plain text and excerpts', () => {
  it('keeps the words, drops the markup', () => {
    assert.equal(
      plainText('# Intake\n\nAsk **first** about [allergies](/a).\n\n- one\n- two'),
      'Intake\nAsk first about allergies.\none\ntwo',
    );
  });

  it('cuts an excerpt at a word', () => {
    const text = 'word '.repeat(100);
    const e = excerpt(text, 30);
    assert.ok(e.length <= 31);
    assert.ok(e.endsWith('word…'), e);
  });
});
