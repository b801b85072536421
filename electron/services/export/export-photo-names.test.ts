// Runs in: vitest (node). Photos in an export are named after the story and their order.
import { describe, expect, it } from 'vitest';
import { exportPhotoNames } from './export-photo-names';

describe('exportPhotoNames', () => {
  it('numbers photos by first appearance, once each, with the extension of their checked type', () => {
    const a = `${'a'.repeat(64)}.jpg`;
    const b = `${'b'.repeat(64)}.png`;
    const names = exportPhotoNames('harbour-fire', [a, b, a], new Map([[a, 'image/jpeg'], [b, 'image/png']]));
    expect([...names.entries()]).toEqual([
      [a, 'harbour-fire-1.jpg'],
      [b, 'harbour-fire-2.png'],
    ]);
  });
});
