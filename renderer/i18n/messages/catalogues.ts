// Runs in: renderer. Every UI string, per feature; zh-CN must name every key English has.
import { appEn } from './app.en';
import { appZhCN } from './app.zh-CN';
import { editorEn } from './editor.en';
import { editorZhCN } from './editor.zh-CN';
import { publishEn } from './publish.en';
import { publishZhCN } from './publish.zh-CN';

const en = { ...appEn, ...editorEn, ...publishEn };
export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;

const zhCN: Catalogue = { ...appZhCN, ...editorZhCN, ...publishZhCN };

export const catalogues: Record<'en' | 'zh-CN', Catalogue> = { en, 'zh-CN': zhCN };
