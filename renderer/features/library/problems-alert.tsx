// Runs in: renderer. Names every unreadable article file the library set aside, and where it went.
import { useStores } from '../../stores/stores-context';
import { useT } from '../../i18n/use-t';

export function ProblemsAlert() {
  const t = useT();
  const { library } = useStores();
  const problems = library((s) => s.problems);
  if (problems.length === 0) return null;
  return (
    <div className="problems" role="alert" aria-labelledby="library-problems-title">
      <h2 id="library-problems-title">{t('library.problems.title', { count: problems.length })}</h2>
      <ul>
        {problems.map((problem) => (
          <li key={`${problem.articleFolder}:${problem.at}`}>
            {t('library.problems.item', { folder: problem.articleFolder })} <code className="selectable-path">{problem.setAsideTo}</code>
            <span className="notice-detail">{problem.message}</span>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => library.getState().dismissProblems()}>
        {t('library.problems.dismiss')}
      </button>
    </div>
  );
}
