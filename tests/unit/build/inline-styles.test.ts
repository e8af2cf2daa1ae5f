import { describe, expect, test } from 'vitest';
import { classForStyle, moveInlineStyles, stylesheetFor } from '../../../src/lib/build/inline-styles';

describe('moveInlineStyles', () => {
  test('turns style attributes into classes, keeping existing classes', () => {
    const { html, styles } = moveInlineStyles(
      '<a class="x" style="--depth: 1;" href="/">A</a><svg style="--sl-icon-size: 1em"></svg>',
    );
    const depth = classForStyle('--depth: 1');
    const icon = classForStyle('--sl-icon-size: 1em');
    expect(html).toBe(`<a class="x ${depth}" href="/">A</a><svg class="${icon}"></svg>`);
    expect(styles).toEqual(
      new Map([
        [depth, '--depth: 1'],
        [icon, '--sl-icon-size: 1em'],
      ]),
    );
  });

  test('leaves script and style elements byte for byte (their CSP hashes depend on it)', () => {
    const source = `<script>el.innerHTML = '<b style="color:red">x</b>';</script><style>a[style="x"]{}</style><i style="color: red">y</i>`;
    const { html } = moveInlineStyles(source);
    expect(
      html.startsWith(`<script>el.innerHTML = '<b style="color:red">x</b>';</script><style>a[style="x"]{}</style>`),
    ).toBe(true);
    expect(html).toContain(`<i class="${classForStyle('color: red')}">y</i>`);
  });

  test('handles attribute values that contain ">" and single quotes', () => {
    const { html } = moveInlineStyles(`<a title="a > b" style='padding:0'>z</a>`);
    expect(html).toBe(`<a class="${classForStyle('padding:0')}" title="a > b">z</a>`);
  });

  test('drops empty style attributes without adding a class', () => {
    expect(moveInlineStyles('<p style="">x</p>').html).toBe('<p>x</p>');
  });
});

describe('stylesheetFor', () => {
  test('writes one rule per class with the precedence of an inline style', () => {
    expect(stylesheetFor(new Map([['is-1', 'display: none; padding: 0']]))).toBe(
      '.is-1{display: none !important; padding: 0 !important}',
    );
  });
});

describe('moveInlineStyles with hostile attribute values', () => {
  test('an attribute holding "<script>" is not mistaken for a script element', () => {
    const { html } = moveInlineStyles(`<a title="<script>x</script>" style="color: red">1</a>`);
    expect(html).toBe(`<a class="${classForStyle('color: red')}" title="<script>x</script>">1</a>`);
  });
});
