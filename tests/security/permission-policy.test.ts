// The app's page may copy a published link to the clipboard; no page may use the camera,
// notifications, geolocation or anything else, and other origins get nothing at all.
import { describe, expect, it } from 'vitest';
import { isPermissionAllowed } from '../../electron/main/permission-policy';

describe('isPermissionAllowed', () => {
  it('lets the app page write to the clipboard', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'dateline://app/index.html')).toBe(true);
  });

  it('denies every other permission, and every other origin', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      expect(isPermissionAllowed(permission, 'dateline://app/index.html')).toBe(false);
    }
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'not a url')).toBe(false);
  });
});
