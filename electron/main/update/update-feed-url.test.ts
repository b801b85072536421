// Runs in: tests (node). Which feed the app asks: the newsroom's own URL, else the packaged one.
import { describe, expect, it } from 'vitest';
import { updateFeedUrlFromAppUpdateYml, updateFeedUrlFromEnv } from './update-feed-url';

describe('the update feed URL', () => {
  it('takes DATELINE_UPDATE_URL when it is a web address', () => {
    expect(updateFeedUrlFromEnv({ DATELINE_UPDATE_URL: 'https://it.example-news.cn/dateline' })).toBe('https://it.example-news.cn/dateline');
    expect(updateFeedUrlFromEnv({ DATELINE_UPDATE_URL: 'file:///tmp/feed' })).toBeNull();
    expect(updateFeedUrlFromEnv({ DATELINE_UPDATE_URL: 'not a url' })).toBeNull();
    expect(updateFeedUrlFromEnv({})).toBeNull();
  });

  it('reads the generic provider that electron-builder wrote into app-update.yml', () => {
    expect(updateFeedUrlFromAppUpdateYml('provider: generic\nurl: https://updates.dateline.news/desktop\nchannel: latest\nupdaterCacheDirName: dateline-updater\n')).toBe(
      'https://updates.dateline.news/desktop',
    );
    expect(updateFeedUrlFromAppUpdateYml('provider: github\nowner: x\nrepo: y\n')).toBeNull();
    expect(updateFeedUrlFromAppUpdateYml('url: [unclosed')).toBeNull();
  });
});
