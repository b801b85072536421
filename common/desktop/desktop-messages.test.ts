// Runs in: vitest (Node). What the page asks the shell to show or remember is checked like any input.
import { describe, expect, it } from 'vitest';
import { openArticleReportSchema, osNotificationRequestSchema } from './desktop-messages';

describe('desktop messages', () => {
  it('accepts a notification with one of our links, or none', () => {
    expect(osNotificationRequestSchema.safeParse({ title: 'Published', body: 'Flood', link: 'dateline://article/abc123def456' }).success).toBe(true);
    expect(osNotificationRequestSchema.safeParse({ title: 'Published', body: '', link: null }).success).toBe(true);
  });

  it('refuses foreign links, long text and extra fields', () => {
    expect(osNotificationRequestSchema.safeParse({ title: 'x', body: '', link: 'https://evil.example/' }).success).toBe(false);
    expect(osNotificationRequestSchema.safeParse({ title: 'x'.repeat(201), body: '', link: null }).success).toBe(false);
    expect(osNotificationRequestSchema.safeParse({ title: 'x', body: '', link: null, icon: '/etc/passwd' }).success).toBe(false);
    expect(osNotificationRequestSchema.safeParse({ title: '', body: '', link: null }).success).toBe(false);
  });

  it('reports an open article by a valid id, or none', () => {
    expect(openArticleReportSchema.safeParse(null).success).toBe(true);
    expect(openArticleReportSchema.safeParse({ id: 'abc123def456', title: 'Flood' }).success).toBe(true);
    expect(openArticleReportSchema.safeParse({ id: '../x', title: 'Flood' }).success).toBe(false);
  });
});
