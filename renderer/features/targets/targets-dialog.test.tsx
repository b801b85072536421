// @vitest-environment happy-dom
// Runs in: tests (happy-dom). An editor sets up where articles go: forms are checked, secrets stay out of the config, weak storage is called out.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OperationInput } from '../../../common/contract';
import type { ConnectionReport, SecretsBackendInfo, TargetView } from '../../../common/publish/publish-target-config';
import { StoresContext } from '../../stores/stores-context';
import { ApiError } from '../../api/api-error';
import { useI18nStore } from '../../i18n/i18n-store';
import { createAppStores } from '../../stores/app-stores';
import { createFakeApi, type FakeHandlers } from '../../../tests/support/fake-api';
import { folderTarget, wordpressTarget } from '../../../tests/support/publish-fixtures';
import { TargetsDialog } from './targets-dialog';
import { DEFAULT_FOLDER_TARGET_ID, DEFAULT_FOLDER_TARGET_NAME } from '../../../common/publish/default-folder-target';

afterEach(cleanup);
beforeEach(() => useI18nStore.getState().setLocale('en'));

function renderTargets(handlers: FakeHandlers, secrets: SecretsBackendInfo = { backend: 'gnome_libsecret', secure: true }, initial: TargetView[] = [folderTarget, wordpressTarget]) {
  let list: TargetView[] = initial;
  const saved: OperationInput<'targets.save'>[] = [];
  const api = createFakeApi({
    'targets.list': () => list,
    'targets.secretsBackend': () => secrets,
    'targets.save': (input) => {
      saved.push(input);
      const view: TargetView = { config: input.config as TargetView['config'], hasSecret: input.secret !== undefined, isDefault: false };
      list = [...list.filter((v) => v.config.id !== view.config.id), view];
      return view;
    },
    ...handlers,
  });
  render(
    <StoresContext.Provider value={createAppStores(api)}>
      <TargetsDialog onClose={() => undefined} />
    </StoresContext.Provider>,
  );
  return { api, saved };
}

const type = (label: string, value: string): void => {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
};

/** Adds and saves the WordPress site "Evening paper" at `url` through the form. */
async function addWordPressSite(url: string): Promise<void> {
  fireEvent.click(screen.getByRole('button', { name: 'Add target' }));
  type('Name', 'Evening paper');
  type('Site address', url);
  type('Username', 'li.wei');
  type('Application password', 'abcd efgh ijkl mnop');
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Save target' }));
  });
}

describe('publishing targets', () => {
  it('a new WordPress target needs an http(s) address, and its password goes to the keychain, not into the config', async () => {
    const { saved } = renderTargets({});
    await screen.findByText('News site');
    fireEvent.click(screen.getByRole('button', { name: 'Add target' }));
    expect((screen.getByRole('radio', { name: 'WordPress' }) as HTMLInputElement).checked).toBe(true);
    type('Name', 'Evening paper');
    type('Site address', 'news.example.com');
    type('Username', 'li.wei');
    type('Application password', 'abcd efgh ijkl mnop');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save target' }));
    });
    expect(screen.getByText('Enter an address that starts with http:// or https://.')).toBeTruthy();
    expect(screen.getByLabelText('Site address').getAttribute('aria-invalid')).toBe('true');
    expect(saved).toEqual([]);

    type('Site address', 'https://evening.example.com');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save target' }));
    });
    expect(saved).toHaveLength(1);
    const [input] = saved;
    expect(input?.secret).toBe('abcd efgh ijkl mnop');
    expect(JSON.stringify(input?.config)).not.toContain('abcd');
    expect(input?.config).toMatchObject({ kind: 'wordpress', name: 'Evening paper', siteUrl: 'https://evening.example.com', username: 'li.wei' });
    expect(input?.config.id).toMatch(/^t-[0-9a-z]{10}$/);
    expect(await screen.findByText('Evening paper')).toBeTruthy();
    // A second site: nothing to ask, the default stays where it was.
    expect(screen.queryByText('Publish here by default?')).toBeNull();
  });

  const worksReport: ConnectionReport = {
    ok: true,
    siteName: 'Evening News',
    account: 'Li Wei (editor)',
    roles: ['editor'],
    allowedStatuses: ['draft', 'published'],
    canUploadMedia: true,
    canCreateTags: true,
    canCreateCategories: true,
    notes: [],
  };

  it('a first real site that cannot be reached is not offered as the default; the test says why', async () => {
    renderTargets(
      {
        'targets.test': () => {
          throw new ApiError('remote-unreachable', 'connect ECONNREFUSED 127.0.0.1:9', { kind: 'not-sent', host: '127.0.0.1:9', retryable: true, mayHaveArrived: false });
        },
      },
      undefined,
      [{ ...folderTarget, isDefault: true }],
    );
    await screen.findByText(folderTarget.config.name);
    await addWordPressSite('http://127.0.0.1:9/');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('could not be reached'));
    expect(screen.queryByText('Publish here by default?')).toBeNull();
  });

  it('the first real site added becomes the default once a test shows it works and the person agrees', async () => {
    const { saved } = renderTargets({ 'targets.test': () => worksReport }, undefined, [{ ...folderTarget, isDefault: true }]);
    await screen.findByText(folderTarget.config.name);
    await addWordPressSite('https://evening.example.com');
    expect(await screen.findByText('Publish here by default?')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Make default' }));
    });
    await waitFor(() => expect(saved.at(-1)).toMatchObject({ config: { name: 'Evening paper' }, makeDefault: true }));
  });

  it('editing keeps the stored password when the field is left empty', async () => {
    const { saved } = renderTargets({});
    await screen.findByText('News site');
    fireEvent.click(screen.getByRole('button', { name: 'Edit News site' }));
    expect(screen.getByText(/Stored in the keychain\./)).toBeTruthy();
    expect((screen.getByLabelText('Application password') as HTMLInputElement).type).toBe('password');
    type('Default category', 'Local');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save target' }));
    });
    expect(saved).toEqual([{ config: { ...wordpressTarget.config, defaultCategory: 'Local' } }]);
  });

  it('a WordPress target says whether its theme shows the featured image, asked of the site unless chosen', async () => {
    const { saved } = renderTargets({});
    await screen.findByText('News site');
    fireEvent.click(screen.getByRole('button', { name: 'Edit News site' }));
    const select = screen.getByLabelText('The theme shows the lead photo itself (above the post)') as HTMLSelectElement;
    expect(select.value).toBe('auto');
    fireEvent.change(select, { target: { value: 'yes' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save target' }));
    });
    expect(saved).toEqual([{ config: { ...wordpressTarget.config, themeShowsFeaturedImage: 'yes' } }]);
  });

  it('a WordPress site’s CDN is listed as photo addresses: origins only, kept when editing again', async () => {
    const { saved } = renderTargets({});
    await screen.findByText('News site');
    fireEvent.click(screen.getByRole('button', { name: 'Edit News site' }));
    type('Photo addresses besides the site (optional)', 'https://cdn.example.com/uploads');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save target' }));
    });
    expect(screen.getByText('Enter addresses like https://cdn.example.com: http:// or https://, a host and at most a port, no path; at most 20.')).toBeTruthy();
    expect(saved).toEqual([]);
    type('Photo addresses besides the site (optional)', 'https://cdn.example.com,  http://img.example.net:8080');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save target' }));
    });
    expect(saved).toEqual([{ config: { ...wordpressTarget.config, mediaOrigins: ['https://cdn.example.com', 'http://img.example.net:8080'] } }]);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit News site' }));
    expect((screen.getByLabelText('Photo addresses besides the site (optional)') as HTMLInputElement).value).toBe('https://cdn.example.com http://img.example.net:8080');
  });

  it('the photo addresses field speaks Chinese in the Chinese interface', async () => {
    useI18nStore.getState().setLocale('zh-CN');
    renderTargets({});
    await screen.findByText('News site');
    fireEvent.click(screen.getByRole('button', { name: '编辑 News site' }));
    expect(screen.getByLabelText('站点以外的图片地址（可选）')).toBeTruthy();
    expect(screen.getByText(/Dateline 只从站点本身和这些地址下载图片/)).toBeTruthy();
  });

  it('a webhook that sends photos as URLs needs a base address and a sane timeout', async () => {
    const { saved } = renderTargets({});
    await screen.findByText('News site');
    fireEvent.click(screen.getByRole('button', { name: 'Add target' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Webhook' }));
    type('Name', 'Wire');
    type('Webhook URL', 'https://wire.example.com/in');
    type('Signing key', 's3cret');
    fireEvent.click(screen.getByRole('radio', { name: 'As addresses the receiver fetches' }));
    type('Timeout (seconds)', '0');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save target' }));
    });
    expect(screen.getByText(/Enter the address the receiver fetches photos from/)).toBeTruthy();
    expect(screen.getByText('Enter a number of seconds between 1 and 300.')).toBeTruthy();
    type('Photo base address', 'https://cdn.example.com/m/');
    type('Timeout (seconds)', '20');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save target' }));
    });
    expect(saved[0]).toMatchObject({ secret: 's3cret', config: { kind: 'webhook', mediaMode: 'urls', mediaBaseUrl: 'https://cdn.example.com/m/', timeoutMs: 20_000 } });
  });

  it('with only the basic_text backend, a labelled warning says passwords are weakly protected', async () => {
    renderTargets({}, { backend: 'basic_text', secure: false });
    const warning = await screen.findByRole('note', { name: 'Password storage' });
    expect(warning.textContent).toMatch(/Your system has no keyring: passwords are stored with a fixed key that other programs could read\. Install or unlock GNOME Keyring \/ KWallet\./);
  });

  it('browser mode labels its file fallback, and a secure keychain shows no warning', async () => {
    renderTargets({}, { backend: 'file', secure: false });
    expect((await screen.findByRole('note', { name: 'Password storage' })).textContent).toMatch(/Browser mode: passwords are stored in a private file/);
    cleanup();
    renderTargets({});
    await screen.findByText('News site');
    expect(screen.queryByRole('note', { name: 'Password storage' })).toBeNull();
  });

  it('Test connection shows what a contributor account may do, or the specific error', async () => {
    let fail = false;
    renderTargets({
      'targets.test': () => {
        if (fail) throw new ApiError('remote-not-wordpress', 'No REST API link at https://news.example.com');
        return {
          ok: true,
          siteName: 'Evening News',
          account: 'Li Wei (contributor)',
          roles: ['contributor'],
          allowedStatuses: ['draft', 'submitted'],
          canUploadMedia: false,
          canCreateTags: false,
          canCreateCategories: false,
          notes: ['This account can only submit posts for review.'],
        };
      },
    });
    await screen.findByText('News site');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Test connection to News site' }));
    });
    const report = screen.getByRole('region', { name: 'Connection to News site' });
    expect(within(report).getByText('Evening News')).toBeTruthy();
    expect(within(report).getByText('Save as draft, Submit for review')).toBeTruthy();
    expect(within(report).getByText('This account can only submit articles for review, not publish them.')).toBeTruthy();

    fail = true;
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Test connection to News site' }));
    });
    expect(screen.getByRole('alert').textContent).toMatch(/not a WordPress site with the REST API enabled/);

    // Saving another target next: that earlier failure must not read as this save's.
    fireEvent.click(screen.getByRole('button', { name: 'Add target' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Folder' }));
    type('Name', 'Archive copy');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save target' }));
    });
    await screen.findByText('Archive copy');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a new Ghost target takes the site address and an Admin API key, which goes to the keychain; a half-pasted key is refused first', async () => {
    const key = `6b15f294c061255615f03f5b:${'c6'.repeat(32)}`;
    const { saved } = renderTargets({});
    await screen.findByText('News site');
    fireEvent.click(screen.getByRole('button', { name: 'Add target' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Ghost' }));
    type('Name', 'Ghost news');
    type('Site address', 'https://ghost.example.com');
    type('Admin API key', 'c6'.repeat(32));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save target' }));
    });
    expect(screen.getByText(/That is not an Admin API key/)).toBeTruthy();
    expect(saved).toEqual([]);

    type('Admin API key', key);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save target' }));
    });
    expect(saved).toHaveLength(1);
    expect(saved[0]?.secret).toBe(key);
    expect(JSON.stringify(saved[0]?.config)).not.toContain('c6c6');
    expect(saved[0]?.config).toMatchObject({ kind: 'ghost', name: 'Ghost news', siteUrl: 'https://ghost.example.com' });
  });

  it('the source and editor lines are worded per target, previewed, and a template with an unknown placeholder is refused, in Chinese', async () => {
    useI18nStore.getState().setLocale('zh-CN');
    const key = `6b15f294c061255615f03f5b:${'c6'.repeat(32)}`;
    const { saved } = renderTargets({});
    await screen.findByText('News site');
    fireEvent.click(screen.getByRole('button', { name: '添加目标' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Ghost' }));
    type('名称', 'Ghost 新闻');
    type('网站地址', 'https://ghost.example.com');
    type('Admin API 密钥', key);
    // The defaults, each with the line a story would get.
    expect((screen.getByLabelText('来源行（中文稿件）') as HTMLInputElement).value).toBe('来源：{source}');
    expect(screen.getByText('预览：来源：成都日报')).toBeTruthy();
    expect(screen.getByText('预览：Editor: Wang Min')).toBeTruthy();

    type('来源行（中文稿件）', '稿源：{sauce}');
    expect(screen.queryByText(/预览：稿源/)).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '保存目标' }));
    });
    expect(screen.getByText('此行只能使用 {source}：花括号中的其他名称不会被替换。')).toBeTruthy();
    expect(screen.getByLabelText('来源行（中文稿件）').getAttribute('aria-invalid')).toBe('true');
    type('责任编辑行（中文稿件）', '责任编辑：王敏');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '保存目标' }));
    });
    expect(screen.getByText('请在责任编辑姓名的位置写上 {editor}；不需要此行可留空。')).toBeTruthy();
    expect(saved).toEqual([]);

    type('来源行（中文稿件）', '稿源：{source}');
    expect(screen.getByText('预览：稿源：成都日报')).toBeTruthy();
    type('责任编辑行（中文稿件）', '');
    expect(screen.getByText('不加此行：发布前检查会提示网站不会显示该项。')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '保存目标' }));
    });
    expect(saved).toHaveLength(1);
    expect(saved[0]?.config).toMatchObject({ kind: 'ghost', attributionLines: { zh: { source: '稿源：{source}', editor: '' } } });
    expect(saved[0]?.config).not.toHaveProperty('attributionLines.en');

    // Editing shows the saved wording again.
    fireEvent.click(await screen.findByRole('button', { name: '编辑 Ghost 新闻' }));
    expect((screen.getByLabelText('来源行（中文稿件）') as HTMLInputElement).value).toBe('稿源：{source}');
    expect((screen.getByLabelText('责任编辑行（中文稿件）') as HTMLInputElement).value).toBe('');
  });

  it('a WordPress target offers the same lines in English; left as they are, nothing is stored', async () => {
    const { saved } = renderTargets({});
    await screen.findByText('News site');
    fireEvent.click(screen.getByRole('button', { name: 'Add target' }));
    type('Name', 'Evening paper');
    type('Site address', 'https://evening.example.com');
    type('Username', 'li.wei');
    type('Application password', 'abcd efgh ijkl mnop');
    expect(screen.getByRole('group', { name: 'Source and editor lines' })).toBeTruthy();
    expect(screen.getByText('Preview: Source: Chengdu Daily')).toBeTruthy();
    expect(screen.getByText('Preview: 责任编辑：王敏')).toBeTruthy();
    type('Source line, other stories', 'Source {source}}');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save target' }));
    });
    expect(screen.getByText('Use only {source} in this line: Dateline fills in no other name in braces.')).toBeTruthy();
    type('Source line, other stories', 'Source: {source}');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save target' }));
    });
    expect(saved).toHaveLength(1);
    expect(saved[0]?.config).not.toHaveProperty('attributionLines');
  });

  it('Test connection to a server that is not Ghost says so, in Chinese too', async () => {
    const ghost: TargetView = { config: { kind: 'ghost', id: 't-ghost00001', name: 'Ghost news', siteUrl: 'https://ghost.example.com' }, hasSecret: true, isDefault: false };
    renderTargets({
      'targets.list': () => [folderTarget, ghost],
      'targets.test': () => {
        throw new ApiError('remote-not-ghost', 'No Ghost site answers at https://ghost.example.com');
      },
    });
    await screen.findByText('Ghost news');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Test connection to Ghost news' }));
    });
    expect(screen.getByRole('alert').textContent).toMatch(/not a Ghost site/);
    cleanup();
    useI18nStore.getState().setLocale('zh-CN');
    renderTargets({
      'targets.list': () => [folderTarget, ghost],
      'targets.test': () => {
        throw new ApiError('remote-not-ghost', 'No Ghost site answers at https://ghost.example.com');
      },
    });
    await screen.findByText('Ghost news');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '测试与 Ghost news 的连接' }));
    });
    expect(screen.getByRole('alert').textContent).toMatch(/不是 Ghost 网站/);
  });

  it('removing asks first; making default saves with makeDefault', async () => {
    const { api } = renderTargets({ 'targets.remove': (input) => ({ id: input.id }) });
    await screen.findByText('News site');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Make Local folder the default' }));
    });
    expect(api.callsTo('targets.save')).toEqual([{ config: folderTarget.config, makeDefault: true }]);
    fireEvent.click(screen.getByRole('button', { name: 'Remove News site' }));
    expect(api.callsTo('targets.remove')).toEqual([]);
    await act(async () => {
      fireEvent.click(within(screen.getByRole('alertdialog', { name: 'Remove this target?' })).getByRole('button', { name: 'Remove' }));
    });
    expect(api.callsTo('targets.remove')).toEqual([{ id: 't-wordpress1' }]);
  });

  it('names the folder every install starts with in the interface language, until someone renames it', async () => {
    useI18nStore.getState().setLocale('zh-CN');
    const builtIn: TargetView = { config: { kind: 'folder', id: DEFAULT_FOLDER_TARGET_ID, name: DEFAULT_FOLDER_TARGET_NAME, path: '' }, hasSecret: false, isDefault: true };
    const renamed: TargetView = { config: { kind: 'folder', id: 't-folder0002', name: 'Published folder', path: '/srv/out' }, hasSecret: false, isDefault: false };
    renderTargets({}, undefined, [builtIn, renamed]);
    const list = await screen.findByRole('list', { name: '目标' });
    const rows = within(list).getAllByRole('listitem');
    expect(within(rows[0]!).getByText('发布文件夹')).toBeTruthy();
    expect(within(rows[0]!).queryByText('Published folder')).toBeNull();
    expect(within(rows[0]!).getByRole('button', { name: '测试与 发布文件夹 的连接' })).toBeTruthy();
    // Another target that happens to have the same name is the newsroom's own: shown as typed.
    expect(within(rows[1]!).getByText('Published folder')).toBeTruthy();
  });

  it('a test that cannot reach the site says what to check, not that Dateline will try again', async () => {
    renderTargets({
      'targets.test': () => {
        throw new ApiError('remote-unreachable', 'connect ECONNREFUSED 127.0.0.1:9', { kind: 'not-sent', host: '127.0.0.1:9', retryable: true, mayHaveArrived: false });
      },
    });
    await screen.findByText('News site');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Test connection to News site' }));
    });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('127.0.0.1:9 could not be reached. Check the address and your network connection.');
    expect(alert.textContent).not.toMatch(/try again/i);
  });

  it('a test overtaken by a newer one (after a save) does not replace its answer when it comes in late', async () => {
    let releaseFirst: (report: ConnectionReport) => void = () => undefined;
    let calls = 0;
    renderTargets(
      {
        'targets.test': () => {
          calls++;
          if (calls === 1) return new Promise<ConnectionReport>((resolve) => (releaseFirst = resolve));
          throw new ApiError('remote-unreachable', 'connect ECONNREFUSED 127.0.0.1:9', { kind: 'not-sent', host: '127.0.0.1:9', retryable: true, mayHaveArrived: false });
        },
      },
      undefined,
      [{ ...folderTarget, isDefault: true }],
    );
    await screen.findByText(folderTarget.config.name);
    fireEvent.click(screen.getByRole('button', { name: `Test connection to ${folderTarget.config.name}` }));
    await addWordPressSite('http://127.0.0.1:9/');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('could not be reached'));
    await act(async () => {
      releaseFirst(worksReport);
    });
    expect(screen.getByRole('alert').textContent).toContain('could not be reached');
    expect(screen.queryByRole('region', { name: `Connection to ${folderTarget.config.name}` })).toBeNull();
  });
});

