// Runs in: renderer. Entry point: builds the stores over the right transport and mounts the app.

// The screens' stylesheets first, in the order one bundle had them, ahead of the app's, the dark
// theme's and print's. The screens load later from chunks of their own; their stylesheets must not,
// or they would come after the dark theme and override it.
import './commands/command-palette.css';
import './features/publish/publish.css';
import './features/review/diff-view.css';
import './editor/article-editor.css';
import './editor/suggestion-marks.css';
import './editor/find/find-panel.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getApi } from './api/get-api';
import { getEvents } from './api/get-events';
import { App } from './app/app';
import { loadArticleScreen } from './app/deferred-screens';
import { preloadWhenListed } from './app/preload-when-listed';
import { startStores } from './app/start-stores';
import { StoresContext } from './stores/stores-context';
import { createAppStores } from './stores/app-stores';
import './styles/app.css';
import './styles/theme-dark.css';
import './styles/print.css';

const stores = createAppStores(getApi(), getEvents());
// The library's first rows are asked now, while React renders the shell, not once it has.
startStores(stores);
// The editor's chunk follows in idle time once the rows are on screen, so the first story opens as fast as before.
preloadWhenListed(stores.library, loadArticleScreen);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

createRoot(root).render(
  <StrictMode>
    <StoresContext.Provider value={stores}>
      <App />
    </StoresContext.Provider>
  </StrictMode>,
);
