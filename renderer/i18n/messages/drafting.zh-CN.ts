// Runs in: renderer. Chinese strings for drafting: headline length, writing modes, preview and proof.
import type { draftingEn } from './drafting.en';

export const draftingZhCN: Record<keyof typeof draftingEn, string> = {
  'headline.length.zi': '{count}/{guide} 字',
  'headline.length.characters': '{count}/{guide} 个字符',
  'headline.length.overZi': '超出建议长度 {over} 字',
  'headline.length.overCharacters': '超出建议长度 {over} 个字符',
  'proof.preview': '预览',
  'proof.previewTitle': '预览发布效果',
  'proof.previewHint': '稿件按文件夹目标发布后的样子：独立网页，含图片。',
  'proof.previewFrame': '发布后的网页',
  'proof.previewTooLarge': '网页过大，无法预览。请导出 HTML 查看。',
  'proof.previewTarget': '预览目标',
  'proof.previewFolderPage': '文件夹网页',
  'proof.previewWordpressHint': '文章发到 {site} 后的样子：其区块，配上网站自己的样式表。',
  'proof.previewStylesUnavailable': '无法获取网站的样式表（离线或网站没有响应）。此预览未使用网站样式。',
  'proof.previewStylesNone': '网站首页没有链接样式表。此预览未使用网站样式。',
  'proof.exitFocusWriting': '退出专注写作',
  'proof.sidePanel': '侧栏',
  'proof.label': '校样',
  'proof.noHeadline': '（无标题）',
  'proof.byline': '作者：{names}',
  'proof.headlineCount': '标题 {count}',
  'settings.headlineGuide': '标题长度建议',
  'settings.headlineGuide.zi': '中文标题（字）',
  'settings.headlineGuide.characters': '其他标题（字符）',
  'settings.headlineGuide.hint': '标题旁显示其长度与此建议的对比；超出时注明超出多少。',
};
