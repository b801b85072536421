// Runs in: renderer. The configured publishing targets and how well this machine protects their secrets.
import type { DatelineApi } from '../../common/contract';
import type { ConnectionReport, SecretsBackendInfo, TargetConfig, TargetView } from '../../common/publish/publish-target-config';
import { createStore, type Store } from './create-store';

export interface SaveTargetInput {
  config: TargetConfig;
  /** Only when the person typed a new one; leaving it out keeps the stored secret. */
  secret?: string;
  makeDefault?: boolean;
}

export interface TargetsState {
  /** Null until the first load. */
  targets: TargetView[] | null;
  secrets: SecretsBackendInfo | null;
  error: unknown;
  load(): Promise<void>;
  save(input: SaveTargetInput): Promise<TargetView>;
  remove(id: string): Promise<void>;
  makeDefault(id: string): Promise<void>;
  test(id: string): Promise<ConnectionReport>;
}

export type TargetsStore = Store<TargetsState>;

export function createTargetsStore(api: DatelineApi): TargetsStore {
  return createStore<TargetsState>((set, get) => {
    const reloadList = async (): Promise<void> => {
      try {
        set({ targets: await api.call('targets.list', {}), error: null });
      } catch (error) {
        set({ error });
        throw error;
      }
    };
    return {
      targets: null,
      secrets: null,
      error: null,
      load: async () => {
        // The secrets warning is independent of the list: one failing must not hide the other.
        const secrets = api.call('targets.secretsBackend', {}).then(
          (info) => set({ secrets: info }),
          () => undefined,
        );
        await Promise.all([reloadList(), secrets]);
      },
      save: async (input) => {
        const view = await api.call('targets.save', input);
        await reloadList();
        return view;
      },
      remove: async (id) => {
        await api.call('targets.remove', { id });
        await reloadList();
      },
      makeDefault: async (id) => {
        const view = get().targets?.find((v) => v.config.id === id);
        if (!view) return;
        await api.call('targets.save', { config: view.config, makeDefault: true });
        await reloadList();
      },
      test: (id) => api.call('targets.test', { id }),
    };
  });
}
