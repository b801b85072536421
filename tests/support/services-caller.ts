// Runs in: tests (node). Calls a Services instance the way the transports do: the operation's
// schema parses the input first (defaults applied, bad input refused), then the handler runs.
import { operations, type OperationHandlers, type OperationName, type ParsedInput } from '../../common/contract';
import type { Services } from '../../electron/services/create-services';

export type ServicesCall = <K extends OperationName>(name: K, input: Parameters<OperationHandlers[K]>[0] | Record<string, unknown>) => ReturnType<OperationHandlers[K]>;

export function servicesCaller(services: Services): ServicesCall {
  return ((name: OperationName, input: unknown) => {
    const parsed = operations[name].parse(input) as ParsedInput<typeof name>;
    return (services.handlers[name] as (i: unknown) => Promise<unknown>)(parsed);
  }) as ServicesCall;
}
