import { describe, expect, it } from 'vitest';
import { DeskSettings } from '../schema/desk';
import { reviewUrl, reviewUrlTemplateProblem } from './reviewUrl';

const values = { article: 'sample-article-1', claim: 'claim-named', anchor: 'claim-2' };

describe('review URL templates', () => {
  it.each([
    'https://factcheck.example.org/{article}/{claim}',
    'http://desk.example/reports/{article}#{anchor}',
    'https://desk.example/review?article={article}&claim={claim}',
    'https://desk.example/one-page-for-all',
  ])('accepts %s', (template) => {
    expect(reviewUrlTemplateProblem(template)).toBeNull();
    expect(reviewUrl(template, values)).toMatch(/^https?:\/\//);
  });

  it.each<[string, RegExp]>([
    ['javascript:alert(1)//{claim}', /http:\/\/ or https:\/\//],
    ['data:text/html,{claim}', /http:\/\/ or https:\/\//],
    ['//factcheck.example.org/{claim}', /http:\/\/ or https:\/\//],
    ['factcheck.example.org/{claim}', /http:\/\/ or https:\/\//],
    ['https://factcheck.example.org/{article} {claim}', /without spaces/],
    ['https://{article}.example.org/{claim}', /after the site name/],
    ['https://example.org:{claim}/', /http:\/\/ or https:\/\/|after the site name/],
    ['https://factcheck.example.org/{slug}', /\{slug\} is not a placeholder; use \{article\}, \{claim\}, \{anchor\}/],
    ['https://factcheck.example.org/{claim', /A \{ or \}/],
    ['https://factcheck.example.org/claim}', /A \{ or \}/],
    [`https://factcheck.example.org/${'x'.repeat(600)}`, /under 500 characters/],
  ])('refuses %s', (template, message) => {
    expect(reviewUrlTemplateProblem(template)).toMatch(message);
    expect(reviewUrl(template, values)).toBeNull();
  });

  it('fills every placeholder, each value escaped as one URI component', () => {
    expect(reviewUrl('https://factcheck.example.org/{article}/{claim}#{anchor}', values)).toBe('https://factcheck.example.org/sample-article-1/claim-named#claim-2');
    expect(reviewUrl('https://f.example/{article}/{claim}', { ...values, article: '../../admin?x=<script>', claim: 'a b&c' })).toBe(
      'https://f.example/..%2F..%2Fadmin%3Fx%3D%3Cscript%3E/a%20b%26c',
    );
    expect(reviewUrl('', values)).toBeNull();
    expect(reviewUrl(undefined, values)).toBeNull();
  });

  it('is checked as a desk setting: empty or absent is "not set", a bad one is refused with the reason', () => {
    const base = { reviewerName: 'Ana', deskName: 'Desk', ratingScale: ['True', 'False'] };
    expect(DeskSettings.parse(base).reviewUrlTemplate).toBeUndefined();
    expect(DeskSettings.parse({ ...base, reviewUrlTemplate: '  https://f.example/{claim}  ' }).reviewUrlTemplate).toBe('https://f.example/{claim}');
    expect(DeskSettings.parse({ ...base, reviewUrlTemplate: '' }).reviewUrlTemplate).toBe('');
    const bad = DeskSettings.safeParse({ ...base, reviewUrlTemplate: 'ftp://f.example/{claim}' });
    expect(bad.success ? null : bad.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['reviewUrlTemplate', 'Enter a web address starting with http:// or https://, without spaces.']]);
    // A partial update (the settings call) leaves a template it does not name alone.
    expect(DeskSettings.partial().parse({ reviewerName: 'Ben' })).toEqual({ reviewerName: 'Ben' });
  });
});
