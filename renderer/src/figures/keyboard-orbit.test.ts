import { describe, expect, it } from 'vitest';
import * as THREE from 'three';
import { orbitKeyAction } from './keyboard-orbit';

const target = new THREE.Vector3(0.5, -0.25, 0.1);
const start = new THREE.Vector3(5.2, -6.4, 4.2);

function press(keys: string[], limits = {}): THREE.Vector3 {
  let position = start.clone();
  for (const key of keys) {
    const action = orbitKeyAction(key, position, target, limits);
    if (action === null || action === 'home') throw new Error(`${key} did not move the camera`);
    position = action.position;
  }
  return position;
}

describe('orbiting a 3D scene by keyboard', () => {
  it('turns about the vertical axis through the target, keeping distance and height', () => {
    const turned = press(['ArrowRight']);
    expect(turned.distanceTo(target)).toBeCloseTo(start.distanceTo(target), 12);
    expect(turned.z).toBeCloseTo(start.z, 12);
    const before = start.clone().sub(target);
    const after = turned.clone().sub(target);
    // 10° counter-clockwise seen from above.
    const angle = Math.atan2(after.y, after.x) - Math.atan2(before.y, before.x);
    expect(THREE.MathUtils.radToDeg(angle)).toBeCloseTo(10, 9);
    // Thirty-six presses go once round; left undoes right.
    press(Array(36).fill('ArrowRight'))
      .toArray()
      .forEach((value, i) => expect(value).toBeCloseTo(start.getComponent(i), 9));
    press(['ArrowRight', 'ArrowLeft'])
      .toArray()
      .forEach((value, i) => expect(value).toBeCloseTo(start.getComponent(i), 9));
  });

  it('tilts up and down, never over the pole', () => {
    expect(press(['ArrowUp']).z).toBeGreaterThan(start.z);
    expect(press(['ArrowDown']).z).toBeLessThan(start.z);
    const top = press(Array(40).fill('ArrowUp'));
    const offset = top.clone().sub(target);
    // Still off the vertical axis, so left and right still turn the scene.
    expect(Math.hypot(offset.x, offset.y)).toBeGreaterThan(0);
    expect(offset.length()).toBeCloseTo(start.distanceTo(target), 9);
  });

  it('zooms with + and − within the scene’s limits', () => {
    const distance = start.distanceTo(target);
    expect(press(['+']).distanceTo(target)).toBeCloseTo(distance * 0.85, 9);
    expect(press(['-']).distanceTo(target)).toBeCloseTo(distance / 0.85, 9);
    expect(press(['=', '−']).distanceTo(target)).toBeCloseTo(distance, 9);
    const limits = { minDistance: 4, maxDistance: 12 };
    expect(press(Array(20).fill('+'), limits).distanceTo(target)).toBeCloseTo(4, 9);
    expect(press(Array(20).fill('-'), limits).distanceTo(target)).toBeCloseTo(12, 9);
  });

  it('sends Home home and leaves other keys to the page', () => {
    expect(orbitKeyAction('Home', start, target)).toBe('home');
    for (const key of ['Tab', 'Enter', 'a', ' '])
      expect(orbitKeyAction(key, start, target)).toBeNull();
  });
});
