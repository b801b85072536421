// Runs in: main and host (Node). The headers of one app file, asked for per response: an HTML page's
// Content-Security-Policy names the newsroom server that Settings name at the moment it is served.
import { reviewHubSettingSchema } from '../../common/workflow/review-contract';
import { contentType } from './content-type';
import { staticFileHeaders } from './response-headers';
import type { TransportServices } from './transport-services';

/** The newsroom server address in Settings, or null: none set, or the services could not say (then nothing may leave). */
export async function newsroomServerUrlOf(services: Pick<TransportServices, 'invoke'>): Promise<string | null> {
  try {
    const envelope = await services.invoke('settings.get', {});
    if (!envelope.ok) return null;
    const hub = reviewHubSettingSchema.safeParse((envelope.value as { reviewHub?: unknown } | null)?.reviewHub);
    return hub.success && hub.data.kind === 'newsroom' ? hub.data.serverUrl : null;
  } catch {
    return null;
  }
}

export async function appFileHeaders(filePath: string, services: Pick<TransportServices, 'invoke'>): Promise<Record<string, string>> {
  const isPage = contentType(filePath).startsWith('text/html');
  return staticFileHeaders(filePath, isPage ? await newsroomServerUrlOf(services) : null);
}
