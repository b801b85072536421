// After the editor page crashed, main reloads it with ?recovered=1: the story that was open in the
// tab opens again with the text of the last autosave, and the app says so. An ordinary reload opens
// the library as before.
import { expect, test } from '@playwright/test';
import { DatelineApp } from './support/dateline-app';
import { startHost } from './support/start-host';

test('a story open when the page crashed comes back with its autosaved text, and the app says so', async ({ page }) => {
  const host = await startHost();
  try {
    const app = new DatelineApp(page);
    await page.goto(host.url);
    await app.newArticle();
    await app.textbox('article.headline').fill('Storm cuts power to harbour');
    await app.body.click();
    await page.keyboard.type('Crews worked through the night.');
    await app.waitSaved();

    const recovered = new URL(page.url());
    recovered.searchParams.set('recovered', '1');
    await page.goto(recovered.toString());
    await expect(page.getByText(app.text('recovery.reopened', { headline: 'Storm cuts power to harbour' }))).toBeVisible();
    await expect(app.textbox('article.headline')).toHaveValue('Storm cuts power to harbour');
    await expect(app.body).toHaveText('Crews worked through the night.');
    expect(new URL(page.url()).searchParams.has('recovered')).toBe(false);

    // An ordinary reload starts from the library.
    await page.reload();
    await expect(app.button('library.new')).toBeVisible();
    await expect(app.textbox('article.headline')).toHaveCount(0);
  } finally {
    await host.stop();
  }
});
