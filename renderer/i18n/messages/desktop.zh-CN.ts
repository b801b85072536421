// Runs in: renderer. Simplified Chinese strings for desktop conventions: crash recovery, deep links and OS notifications.
import type { desktopEn } from './desktop.en';

export const desktopZhCN: Record<keyof typeof desktopEn, string> = {
  'recovery.reopened': 'Dateline 意外停止，已用最近一次自动保存的文字重新打开《{headline}》。',
  'recovery.reloaded': 'Dateline 意外停止，已重新加载。您的稿件已保存到最近一次自动保存。',
  'deepLink.copy': '复制这篇稿件的链接',
  'deepLink.copied': '链接已复制。',
  'deepLink.copyFailed': '无法复制链接。',
  'deepLink.otherHub': '该链接指向本稿库未使用的审稿中心。',
  'notify.storyWaiting.title': '有稿件等您处理',
  'notify.storyWaiting.body': '审稿队列中有 {n} 篇。',
  'notify.storyReturned.title': '您的稿件被退回',
  'notify.storyReturned.body': '《{headline}》被退回修改。',
  'notify.published.title': '已发布',
  'notify.published.body': '《{headline}》已上线。',
  'settings.notifications': '桌面通知',
  'settings.notify.storyWaiting': '有稿件等我处理',
  'settings.notify.storyReturned': '我的稿件被退回',
  'settings.notify.published': '稿件已发布',
  'settings.notify.browserHint': '在浏览器中，只有您允许此页面发送通知后才会显示。',
};
