// Runs in: renderer. Chinese strings for drafting: headline length, writing modes, preview and proof.
import type { draftingEn } from './drafting.en';

export const draftingZhCN: Record<keyof typeof draftingEn, string> = {
  'headline.length.zi': '{count}/{guide} 字',
  'headline.length.characters': '{count}/{guide} 个字符',
  'headline.length.overZi': '超出建议长度 {over} 字',
  'headline.length.overCharacters': '超出建议长度 {over} 个字符',
  'settings.headlineGuide': '标题长度建议',
  'settings.headlineGuide.zi': '中文标题（字）',
  'settings.headlineGuide.characters': '其他标题（字符）',
  'settings.headlineGuide.hint': '标题旁显示其长度与此建议的对比；超出时注明超出多少。',
};
