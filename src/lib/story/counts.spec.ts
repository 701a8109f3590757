import { describe, expect, it } from 'vitest';
import { featureCountSummary } from './counts';

describe('featureCountSummary', () => {
  it('counts events, routes and connections apart, in that order', () => {
    expect(
      featureCountSummary([
        { kind: 'links', count: 4 },
        { kind: 'events', count: 27 },
        { kind: 'routes', count: 1 },
      ]),
    ).toBe('27 events, 1 route, 4 connections');
  });

  it('adds up layers of one kind and leaves out kinds with none', () => {
    expect(
      featureCountSummary([
        { kind: 'events', count: 1 },
        { kind: 'routes', count: 2 },
        { kind: 'routes', count: 1 },
        { kind: 'links', count: 0 },
      ]),
    ).toBe('1 event, 3 routes');
  });
});
