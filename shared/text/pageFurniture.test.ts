import { describe, expect, it } from 'vitest';
import { pageBlockFurniture } from './pageFurniture';

describe('pageBlockFurniture', () => {
  it.each([
    ['Image copyright Getty Images', 'image credit'],
    ['(Image: GETTY)', 'image credit'],
    ['Photo credit: Jane Doe/Reuters', 'image credit'],
    ['CLICK HERE TO GET THE FOX NEWS APP', 'app promotion'],
    ['Follow Jane Doe on Twitter @janedoe', 'follow prompt'],
    ['Follow us on Facebook', 'follow prompt'],
    ['PUBLISHED: 10:32, Tue, Dec 24, 2024 | UPDATED: 11:02, Tue, Dec 24, 2024', 'published/updated line'],
    ["DON'T MISS", 'related-story box'],
    ['READ MORE: Ceasefire talks stall in Geneva', 'related-story kicker'],
    ['Share this article', 'share buttons'],
    ['Subscribe to our daily newsletter for the latest headlines', 'subscribe prompt'],
    ['Get our morning briefing newsletter in your inbox', 'newsletter prompt'],
    ['Media playback is unsupported on your device', 'video player notice'],
  ])('%s → %s', (text, reason) => {
    expect(pageBlockFurniture(text)?.reason).toBe(reason);
  });

  it.each([
    'The ministry said it would follow the talks on Twitter closely, a spokesman told reporters on Tuesday afternoon.',
    'Subscribers to the service said the outage lasted three hours, according to the company, which apologised.',
    'Fourteen members of the security forces were killed in the ambush, the interior ministry said.',
    'Getty and the other agencies said the photographs were authentic, and the newspaper has since corrected its caption.',
  ])('keeps article prose: %s', (text) => {
    expect(pageBlockFurniture(text)).toBeNull();
  });
});
