// Runs in: renderer. Every UI string, per feature; zh-CN must name every key English has.
import { appEn } from './app.en';
import { appZhCN } from './app.zh-CN';
import { editorEn } from './editor.en';
import { editorZhCN } from './editor.zh-CN';
import { publishEn } from './publish.en';
import { publishZhCN } from './publish.zh-CN';
import { reviewEn } from './review.en';
import { reviewZhCN } from './review.zh-CN';
import { diffEn } from './diff.en';
import { diffZhCN } from './diff.zh-CN';
import { desktopEn } from './desktop.en';
import { desktopZhCN } from './desktop.zh-CN';
import { commandsEn } from './commands.en';
import { commandsZhCN } from './commands.zh-CN';
import { draftingEn } from './drafting.en';
import { draftingZhCN } from './drafting.zh-CN';
import { errorsEn } from './errors.en';
import { errorsZhCN } from './errors.zh-CN';
import { findEn } from './find.en';
import { findZhCN } from './find.zh-CN';
import { pasteEn } from './paste.en';
import { pasteZhCN } from './paste.zh-CN';

const en = { ...appEn, ...editorEn, ...publishEn, ...reviewEn, ...diffEn, ...desktopEn, ...commandsEn, ...errorsEn, ...findEn, ...pasteEn, ...draftingEn };
export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;

const zhCN: Catalogue = { ...appZhCN, ...editorZhCN, ...publishZhCN, ...reviewZhCN, ...diffZhCN, ...desktopZhCN, ...commandsZhCN, ...errorsZhCN, ...findZhCN, ...pasteZhCN, ...draftingZhCN };

export const catalogues: Record<'en' | 'zh-CN', Catalogue> = { en, 'zh-CN': zhCN };
