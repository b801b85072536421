// Runs in: main (pure, no electron import). What the update dialogs say, in English and Simplified Chinese.
import type { MenuLocale } from '../menu-labels';
import type { UpdateErrorKind } from './update-error';

export interface UpdateDialogText {
  title: string;
  upToDate(current: string): string;
  available(version: string): string;
  downloaded(version: string): string;
  restartNow: string;
  later: string;
  ok: string;
  notSaved: string;
  notConfigured: string;
  failed(kind: UpdateErrorKind | 'unknown'): string;
}

const EN: UpdateDialogText = {
  title: 'Software Update',
  upToDate: (current) => `Dateline ${current} is the newest version.`,
  available: (version) => `Dateline ${version} is available. It is downloading in the background; you will be asked before it installs.`,
  downloaded: (version) => `Dateline ${version} is ready. It installs when Dateline restarts, after your text is saved.`,
  restartNow: 'Save and Restart',
  later: 'Later',
  ok: 'OK',
  notSaved: 'The update was not installed because your text could not be saved. Dateline stays open; try again once it is saved.',
  notConfigured: 'Updates are checked only in the installed app.',
  failed: (kind) =>
    ({
      unreachable: 'The update server could not be reached. Check the network and try again.',
      refused: 'The update server refused the request.',
      'too-large': 'The update server sent more data than an update may have.',
      'bad-feed': 'The update server sent something that is not an update feed.',
      'bad-checksum': 'The downloaded update did not match its checksum and was discarded.',
      unknown: 'The update check failed. The log has the details.',
    })[kind],
};

const ZH_CN: UpdateDialogText = {
  title: '软件更新',
  upToDate: (current) => `Dateline ${current} 已是最新版本。`,
  available: (version) => `Dateline ${version} 可用，正在后台下载；安装前会先征求你的同意。`,
  downloaded: (version) => `Dateline ${version} 已准备就绪，将在保存文稿后重新启动 Dateline 时安装。`,
  restartNow: '保存并重新启动',
  later: '稍后',
  ok: '好',
  notSaved: '文稿未能保存，因此没有安装更新。Dateline 保持打开；保存后请再试一次。',
  notConfigured: '只有安装版会检查更新。',
  failed: (kind) =>
    ({
      unreachable: '无法连接更新服务器。请检查网络后重试。',
      refused: '更新服务器拒绝了请求。',
      'too-large': '更新服务器发送的数据超出了更新允许的大小。',
      'bad-feed': '更新服务器发送的内容不是更新源。',
      'bad-checksum': '下载的更新与校验值不符，已被丢弃。',
      unknown: '检查更新失败。详情见日志。',
    })[kind],
};

export const UPDATE_DIALOG_TEXT: Readonly<Record<MenuLocale, UpdateDialogText>> = { en: EN, 'zh-CN': ZH_CN };
