// Runs in: tests. A DatelineApi whose operations the test scripts, recording every call.
import type { DatelineApi, OperationInput, OperationName, OperationResult } from '../../common/contract';
import { mapPreparedJson } from '../../common/prepared-json';

export type FakeHandlers = { [K in OperationName]?: (input: OperationInput<K>) => Promise<OperationResult<K>> | OperationResult<K> };

export interface FakeApi extends DatelineApi {
  calls: { name: OperationName; input: unknown }[];
  callsTo(name: OperationName): unknown[];
}

export function createFakeApi(handlers: FakeHandlers): FakeApi {
  const calls: FakeApi['calls'] = [];
  return {
    transport: 'http',
    calls,
    callsTo: (name) => calls.filter((c) => c.name === name).map((c) => c.input),
    mediaUrl: (id) => `/media/${id}`,
    thumbnailUrl: (id) => `/thumbnails/${id}`,
    async call<K extends OperationName>(name: K, sent: OperationInput<K>): Promise<OperationResult<K>> {
      // As over the real transports, a value the client sent already encoded arrives as plain data.
      const input = mapPreparedJson(sent, (prepared) => prepared.decode()) as OperationInput<K>;
      calls.push({ name, input });
      const handler = handlers[name] as ((input: OperationInput<K>) => Promise<OperationResult<K>> | OperationResult<K>) | undefined;
      if (!handler) throw new Error(`The fake API has no handler for ${name}.`);
      return handler(input);
    },
  };
}
