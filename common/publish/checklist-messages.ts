// Runs in: services and renderer. The pre-publish checklist's wording, English and Chinese, keyed
// like the renderer's catalogues ('area.thing', {name} placeholders) so they can be merged in.
export const checklistMessagesEn = {
  'publish.checklist.headline-missing': 'Add a headline: an article cannot go out without one.',
  'publish.checklist.body-empty': 'The body is empty: write the story before publishing.',
  'publish.checklist.suggestions-pending': '{count} suggested changes are still open: accept or reject each before publishing.',
  'publish.checklist.summary-missing': 'No summary: readers and search engines see an excerpt cut from the body instead.',
  'publish.checklist.section-missing': 'No section: the article goes out without a section.',
  'publish.checklist.section-missing-default': 'No section: the article goes into the target’s default section “{category}”.',
  'publish.checklist.byline-missing': 'No byline: the article goes out without an author.',
  'publish.checklist.tags-missing': 'No tags: add at least one so readers can find related stories.',
  'publish.checklist.photo-alt-missing': 'Photo {photos} has no alt text: blind readers would not know what it shows.',
  'publish.checklist.photos-alt-missing': 'Photos {photos} have no alt text: blind readers would not know what they show.',
  'publish.checklist.photo-caption-missing': 'Photo {photos} has no caption.',
  'publish.checklist.photos-caption-missing': 'Photos {photos} have no caption.',
  'publish.checklist.photo-credit-missing': 'Photo {photos} has no credit: say who took it.',
  'publish.checklist.photos-credit-missing': 'Photos {photos} have no credit: say who took them.',
  'publish.checklist.photo-not-in-library': 'Photo {photos} is missing from the photo library: remove it and insert it again.',
  'publish.checklist.photos-not-in-library': 'Photos {photos} are missing from the photo library: remove them and insert them again.',
  'publish.checklist.photo-small': 'Photo {photos} is narrower than {minWidth} pixels and may look blurry.',
  'publish.checklist.photos-small': 'Photos {photos} are narrower than {minWidth} pixels and may look blurry.',
  'publish.checklist.lead-photo-missing': 'No lead photo: mark one photo as the lead so it shows on the front page.',
  'publish.checklist.lead-photo-none': 'No photos: the article goes out without a lead photo.',
  'publish.checklist.slug-unusable': 'The slug “{slug}” cannot be used in an address: use lowercase letters, digits, Chinese characters and hyphens.',
  'publish.checklist.slug-missing': 'There is no slug and none can be made from the headline: type one in the slug field.',
  'publish.checklist.schedule-missing': 'Choose a date and time to schedule the article.',
  'publish.checklist.schedule-past': 'The scheduled time {scheduledAt} has already passed: choose a time in the future, or publish now.',
  'publish.checklist.planned-past': 'The article was planned for {plannedAt}, which has passed; it will go out now.',
  'publish.outcome.now': 'Will be published now.',
  'publish.outcome.scheduled': 'Will be scheduled for {scheduledAt}.',
  'publish.outcome.draft': 'Will be saved as a draft on the target; it does not go live.',
  'publish.outcome.pending': 'Will be submitted for review on the target; it does not go live.',
} as const;

export type ChecklistMessageKey = keyof typeof checklistMessagesEn;

export const checklistMessagesZhCn: Record<ChecklistMessageKey, string> = {
  'publish.checklist.headline-missing': '请填写标题：没有标题的稿件不能发布。',
  'publish.checklist.body-empty': '正文为空：请先写稿再发布。',
  'publish.checklist.suggestions-pending': '还有 {count} 处修改建议未处理：请逐一接受或拒绝后再发布。',
  'publish.checklist.summary-missing': '没有摘要：读者和搜索引擎将看到从正文截取的片段。',
  'publish.checklist.section-missing': '没有栏目：稿件将不带栏目发布。',
  'publish.checklist.section-missing-default': '没有栏目：稿件将发到该目标的默认栏目“{category}”。',
  'publish.checklist.byline-missing': '没有署名：稿件将不带作者发布。',
  'publish.checklist.tags-missing': '没有标签：请至少添加一个，方便读者找到相关报道。',
  'publish.checklist.photo-alt-missing': '第 {photos} 张图片没有替代文字：视障读者将无法知道图片内容。',
  'publish.checklist.photos-alt-missing': '第 {photos} 张图片没有替代文字：视障读者将无法知道图片内容。',
  'publish.checklist.photo-caption-missing': '第 {photos} 张图片没有图片说明。',
  'publish.checklist.photos-caption-missing': '第 {photos} 张图片没有图片说明。',
  'publish.checklist.photo-credit-missing': '第 {photos} 张图片没有署名：请注明摄影者。',
  'publish.checklist.photos-credit-missing': '第 {photos} 张图片没有署名：请注明摄影者。',
  'publish.checklist.photo-not-in-library': '第 {photos} 张图片不在图库中：请删除后重新插入。',
  'publish.checklist.photos-not-in-library': '第 {photos} 张图片不在图库中：请删除后重新插入。',
  'publish.checklist.photo-small': '第 {photos} 张图片宽度不足 {minWidth} 像素，可能显示模糊。',
  'publish.checklist.photos-small': '第 {photos} 张图片宽度不足 {minWidth} 像素，可能显示模糊。',
  'publish.checklist.lead-photo-missing': '没有题图：请把一张图片设为题图，以便在首页显示。',
  'publish.checklist.lead-photo-none': '没有图片：稿件将不带题图发布。',
  'publish.checklist.slug-unusable': '别名“{slug}”不能用于网址：请只用小写字母、数字、汉字和连字符。',
  'publish.checklist.slug-missing': '没有别名，也无法从标题生成：请在别名栏填写。',
  'publish.checklist.schedule-missing': '请选择定时发布的日期和时间。',
  'publish.checklist.schedule-past': '定时发布时间 {scheduledAt} 已过：请选择将来的时间，或立即发布。',
  'publish.checklist.planned-past': '稿件原计划于 {plannedAt} 发布，该时间已过；将立即发布。',
  'publish.outcome.now': '将立即发布。',
  'publish.outcome.scheduled': '将定时于 {scheduledAt} 发布。',
  'publish.outcome.draft': '将在目标站点存为草稿，不会上线。',
  'publish.outcome.pending': '将在目标站点提交审核，不会上线。',
};

/** The English text of a checklist message, placeholders filled: for logs and as a fallback. */
export function checklistDefaultText(key: ChecklistMessageKey, params?: Record<string, string | number>): string {
  const template: string = checklistMessagesEn[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}
