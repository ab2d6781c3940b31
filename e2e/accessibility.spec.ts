// WCAG 2.1 AA, as far as a machine can tell: axe-core finds no serious or critical violation in
// any view, in either theme; every control the Tab key reaches shows a visible focus indicator;
// every figure has a text alternative that gives its numbers.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './app-fixture';
import { viewStates } from './view-states';
import { openView } from './view-helpers';

interface Finding {
  state: string;
  rule: string;
  impact: string;
  targets: string[];
  summary: string;
}

async function audit(page: Page, state: string): Promise<Finding[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      state,
      rule: violation.id,
      impact: violation.impact!,
      targets: violation.nodes.map(
        (node) => `${node.target.join(' ')}: ${(node.failureSummary ?? '').split('\n')[1] ?? ''}`,
      ),
      summary: violation.help,
    }));
}

test('axe finds no serious or critical WCAG 2.1 AA violation in any view, in both themes', async ({
  app,
}) => {
  test.setTimeout(300_000);
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  const findings: Finding[] = [];
  for (const state of viewStates) {
    await page.emulateMedia({ colorScheme: 'light' });
    await state.open(page);
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await page.waitForTimeout(300);
      findings.push(...(await audit(page, `${state.name}-${theme}`)));
    }
  }
  for (const finding of findings) console.log(JSON.stringify(finding));
  expect(findings).toEqual([]);
});

interface Stop {
  name: string;
  outline: string;
  shadow: string;
}

test('every control of every view is reached by Tab and shows a visible focus ring', async ({
  app,
}) => {
  test.setTimeout(300_000);
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  const problems: string[] = [];
  for (const state of viewStates) {
    await state.open(page);
    // The controls a person would operate in the view (the 3D canvases too: they orbit by keyboard).
    const controls = await page.evaluate(() => {
      const main = document.querySelector('main')!;
      for (const marked of main.querySelectorAll<HTMLElement>('[data-control-index]'))
        delete marked.dataset.controlIndex;
      const tabbable = (element: HTMLElement) => {
        if (element.getBoundingClientRect().width === 0) return false;
        // Inside a closed disclosure: reached once its summary opens it.
        const closed = element.closest('details:not([open])');
        if (closed && element.parentElement !== closed) return false;
        // Roving focus: one tab of the tab list, one radio of a group, is in the Tab order.
        if (element.getAttribute('tabindex') === '-1' || element.getAttribute('role') === 'tab')
          return false;
        if (element instanceof HTMLInputElement && element.type === 'radio' && !element.checked)
          return !main.querySelector(`input[type="radio"][name="${element.name}"]:checked`);
        return true;
      };
      return [
        ...main.querySelectorAll<HTMLElement>(
          'button:not([disabled]), select:not([disabled]), input:not([disabled]), summary, a[href], [tabindex="0"]',
        ),
      ]
        .filter(tabbable)
        .map((element, index) => {
          element.dataset.controlIndex = String(index);
          return element;
        }).length;
    });
    await page.getByRole('tab', { selected: true }).focus();
    const reached = new Set<string>();
    for (let press = 0; press < controls + 40; press++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate((): (Stop & { index?: string; inMain: boolean }) | null => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) return null;
        const style = getComputedStyle(element);
        return {
          name: `${element.tagName.toLowerCase()} ${element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 30) ?? ''}`,
          outline:
            style.outlineStyle === 'none' ? '' : `${style.outlineWidth} ${style.outlineColor}`,
          shadow: style.boxShadow === 'none' ? '' : style.boxShadow,
          index: element.dataset.controlIndex,
          inMain: Boolean(element.closest('main')),
        };
      });
      if (!stop || !stop.inMain) {
        if (reached.size > 0) break;
        continue;
      }
      if (stop.index !== undefined) reached.add(stop.index);
      // A ring at least 2 px wide, or a focus shadow.
      const visible = (stop.outline && parseFloat(stop.outline) >= 2) || stop.shadow;
      if (!visible) problems.push(`${state.name}: no visible focus on ${stop.name}`);
    }
    if (reached.size < controls) {
      const missed = await page.evaluate(
        (seen) =>
          [...document.querySelectorAll<HTMLElement>('main [data-control-index]')]
            .filter((element) => !seen.includes(element.dataset.controlIndex!))
            .map(
              (element) =>
                `${element.tagName.toLowerCase()} ${element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 30)}`,
            ),
        [...reached],
      );
      problems.push(`${state.name}: Tab missed ${missed.join(', ')}`);
    }
  }
  expect(problems).toEqual([]);
});

test('each figure gives the numbers behind it as a table', async ({ app }) => {
  const { page } = app;
  const open = async (testId: string) => {
    const numbers = page.getByTestId(testId);
    await numbers.locator('summary').focus();
    await page.keyboard.press('Enter');
    return numbers.locator('table');
  };
  await page.getByRole('tab', { name: 'Spectrum', exact: true }).click();
  const spectrum = await open('spectrum-numbers');
  // The worked example: σ = 9.79, 0.396, ~0 (numpy.linalg.svd).
  await expect(spectrum.locator('tbody tr')).toHaveCount(3);
  await expect(spectrum.locator('tbody tr').first()).toContainText('9.79');
  await expect(spectrum.locator('tbody tr').nth(1)).toContainText('0.396');
  await page.getByRole('tab', { name: 'Subspaces', exact: true }).click();
  const subspaces = await open('subspaces-numbers');
  await expect(subspaces.locator('tbody tr')).toHaveCount(4);
  await expect(subspaces.locator('tbody tr').nth(1)).toContainText('null space N(A)ℝ³1');
  await page.getByRole('tab', { name: 'Grassmann', exact: true }).click();
  await page.getByLabel('Subspace B matrix').selectOption('exercise-b');
  const angles = await open('angles-numbers');
  await expect(angles.locator('tbody tr').first()).toContainText('75.04');
  await page.getByRole('tab', { name: 'Approximate', exact: true }).click();
  const errors = await open('approximate-numbers');
  // r = 0…3; at r = 1 the spectral error is σ₂ = 0.396.
  await expect(errors.locator('tbody tr')).toHaveCount(4);
  await expect(errors.locator('tbody tr').nth(1)).toContainText('0.396');
});

test('the 3D scenes turn and zoom by keyboard, and say so', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  for (const [view, testId] of [
    ['Subspaces', 'codomain-scene-canvas'],
    ['Grassmann', 'grassmann-sphere-canvas'],
  ] as const) {
    await openView(page, view);
    // The sphere pictures two planes: the worked example's column space and Exercise B's.
    if (view === 'Grassmann') await page.getByLabel('Subspace B matrix').selectOption('exercise-b');
    const canvas = page.getByTestId(testId);
    await expect(canvas).toBeVisible();
    await expect(canvas).toHaveAttribute('tabindex', '0');
    const description = await canvas.evaluate(
      (element) =>
        document.getElementById(element.getAttribute('aria-describedby') ?? '')?.textContent,
    );
    expect(description).toContain('Arrow keys turn the scene');
    await canvas.focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    await expect(canvas).toBeFocused();
    expect(await canvas.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe(
      'solid',
    );
    const scrolled = await page.evaluate(() => document.querySelector('main')?.scrollTop ?? 0);
    // The scene takes the keys it uses, so the page does not scroll under it.
    const taken = await canvas.evaluate((element) =>
      ['ArrowRight', 'ArrowDown', '+', 'Tab'].map((key) => {
        const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
        element.dispatchEvent(event);
        return event.defaultPrevented;
      }),
    );
    expect(taken).toEqual([true, true, true, false]);
    await page.keyboard.press('Home');
    if (view === 'Subspaces') {
      // The Subspaces scene is still once x has split: each key changes the picture only by
      // moving the camera.
      await page.waitForTimeout(2000);
      const pictures = [await canvas.screenshot()];
      for (const key of ['ArrowRight', 'ArrowUp', '+', '-']) {
        await page.keyboard.press(key);
        await page.waitForTimeout(400);
        pictures.push(await canvas.screenshot());
      }
      for (let k = 1; k < pictures.length; k++)
        expect(pictures[k].equals(pictures[k - 1]), `picture after key ${k}`).toBe(false);
    }
    for (const key of ['ArrowDown', 'ArrowUp']) await page.keyboard.press(key);
    expect(await page.evaluate(() => document.querySelector('main')?.scrollTop ?? 0)).toBe(
      scrolled,
    );
  }
});
