import { describe, expect, it } from 'vitest';
import {
  countryCode,
  describePlace,
  foldName,
  lookUpPlace,
  searchPlaces,
  type Lookup,
} from './gazetteer';

const matched = (l: Lookup) => (l.kind === 'match' ? describePlace(l.place) : l.kind);

describe('the offline gazetteer', () => {
  it('folds case, accents and punctuation', () => {
    expect(foldName('São Paulo')).toBe('sao paulo');
    expect(foldName('  Rahim-Yar  Khan ')).toBe('rahim yar khan');
  });

  it('reads a country as a code or an English name', () => {
    expect(countryCode('PK')).toBe('PK');
    expect(countryCode('pk')).toBe('PK');
    expect(countryCode('Pakistan')).toBe('PK');
    expect(countryCode('russia')).toBe('RU');
    expect(countryCode('Atlantis')).toBeNull();
  });

  it('does not guess between two large places of one name', () => {
    const hyderabad = lookUpPlace('Hyderabad');
    expect(hyderabad.kind).toBe('ambiguous');
    if (hyderabad.kind !== 'ambiguous') return;
    expect(hyderabad.candidates.map((p) => p.country).slice(0, 2)).toEqual(['IN', 'PK']);
  });

  it('lets the country decide, and names the place with its population', () => {
    expect(matched(lookUpPlace('Hyderabad', 'Pakistan'))).toMatch(
      /^Hyderabad, Pakistan \(pop\. 1\.\d M\)$/,
    );
    expect(matched(lookUpPlace('hyderabad', 'IN'))).toMatch(/^Hyderabad, India/);
  });

  it('takes a place far larger than any other of its name', () => {
    expect(matched(lookUpPlace('Moscow'))).toMatch(/^Moscow, Russia/);
    expect(matched(lookUpPlace('sao paulo'))).toMatch(/^São Paulo, Brazil/);
  });

  it('finds nothing for an unknown name or country, rather than something near', () => {
    expect(lookUpPlace('Nowhereabad').kind).toBe('none');
    expect(lookUpPlace('Lahore', 'Atlantis').kind).toBe('none');
    expect(lookUpPlace('Lahore', 'India').kind).toBe('none');
  });

  it('searches as a reader types: exact names first, then by population, each with its country', () => {
    const found = searchPlaces('Kar', { limit: 5 });
    expect(found).toHaveLength(5);
    expect(found.map((p) => p.population)).toEqual(
      [...found.map((p) => p.population)].sort((a, b) => b - a),
    );
    expect(found[0]!.name).toBe('Karachi');
    for (const p of found) expect(p.countryName).not.toBe('');
    expect(searchPlaces('Karachi')[0]).toMatchObject({ country: 'PK', countryName: 'Pakistan' });
    expect(searchPlaces('Moscow', { country: 'US' }).every((p) => p.country === 'US')).toBe(true);
    expect(searchPlaces('   ')).toEqual([]);
  });
});
