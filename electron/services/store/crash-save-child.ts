// Runs in: tests (a child process). Saves one article in a tight loop until it is killed.
import { LibraryStore } from './library-store';

const [root, id] = process.argv.slice(2) as [string, string];
const store = new LibraryStore(root);
await store.open();
let article = await store.get(id);
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `version ${article.revision + 1} `.repeat(200 + (i % 50)) }] }] };
  const saved = await store.save({ ...article, headline: `Revision ${article.revision + 1}`, body }, { explicit: i % 3 === 0 });
  article = { ...article, ...saved, body, headline: `Revision ${saved.revision}` };
}
