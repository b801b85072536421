// Runs in: main and host (plain Node, no electron import). A running services process as its
// supervisor sees it, whether Electron's utilityProcess or Node's child_process.fork made it.
import type { RpcEndpoint } from '../../common/rpc/rpc-message';

export interface ServicesChild {
  /** Messages to and from the child: control messages and RPC. */
  readonly endpoint: RpcEndpoint;
  /** The OS process id, once known. */
  readonly pid: number | undefined;
  /** Called once when the process is gone, however it ended. */
  onExit(listener: (description: string) => void): void;
  /** Ends the process at once (SIGKILL or the platform's equivalent). */
  kill(): void;
}
