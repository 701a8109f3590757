import { describe, expect, it } from 'vitest';
import { WEAK_SOURCES, weakSourceOf } from './weak-sources';

describe('weakSourceOf', () => {
  it('matches a listed domain and its subdomains', () => {
    expect(weakSourceOf('https://wikimili.com/en/Benaulim')?.domain).toBe('wikimili.com');
    expect(weakSourceOf('https://en.news-front.info/2016/09/24/x/')?.domain).toBe(
      'news-front.info',
    );
  });

  it('does not match a domain that only ends with the same letters', () => {
    expect(weakSourceOf('https://notwikimili.com/a')).toBeUndefined();
    expect(weakSourceOf('https://www.dawn.com/news/1286616')).toBeUndefined();
  });

  it('gives every listed domain a reason', () => {
    expect(WEAK_SOURCES.length).toBeGreaterThanOrEqual(10);
    for (const { domain, reason } of WEAK_SOURCES) {
      expect(domain).toMatch(/^[a-z0-9.-]+\.[a-z]+$/);
      expect(reason.length, domain).toBeGreaterThan(5);
    }
  });
});
