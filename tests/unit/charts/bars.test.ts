import { describe, expect, test } from 'vitest';
import { BAR_STYLE, layoutBars } from '../../../src/lib/charts/bars';

describe('layoutBars', () => {
  const svg = layoutBars(
    [
      { label: 'Hungary · A', value: 100, text: '100 GWh a year', kind: 'planned' },
      { label: 'Spain · B', note: 'Annual output', value: 25, text: '25 GWh a year', kind: 'happened' },
    ],
    'GWh a year',
    String,
  );

  test('bar lengths are proportional to the stated values, from zero', () => {
    const [a, b] = svg.bars;
    expect(a!.bar.x).toBe(BAR_STYLE.margin);
    expect(b!.bar.width / a!.bar.width).toBeCloseTo(0.25, 2);
    expect(a!.bar.kind).toBe('planned');
    expect(b!.bar.kind).toBe('happened');
  });

  test('the axis starts at zero, carries the unit, and stays inside the viewBox', () => {
    expect(svg.axis.caption).toBe('GWh a year');
    expect(svg.axis.ticks[0]).toEqual({ x: BAR_STYLE.margin, label: '0' });
    expect(svg.axis.ticks.at(-1)!.label).toBe('100');
    for (const t of svg.axis.ticks) expect(t.x + 20).toBeLessThanOrEqual(svg.width);
  });
});
