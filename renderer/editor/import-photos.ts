// Runs in: renderer. Sends photos to the media library one at a time (bounded memory) and collects
// what went in and, per refused file, a message naming it.
import { AppError } from '../../common/app-error';
import { MAX_MEDIA_BYTES, type DatelineApi, type MediaInfo } from '../../common/contract';
import { t } from '../i18n/i18n-store';
import { photoErrorMessage } from './photo-error-message';

export interface ImportPhotosResult {
  imported: MediaInfo[];
  /** One translated message per refused file. */
  failures: string[];
}

const MAX_FILE_NAME = 500;

function uploadName(file: File): string {
  const name = file.name.trim() || `photo.${file.type.split('/')[1] ?? 'jpg'}`;
  return name.length > MAX_FILE_NAME ? name.slice(name.length - MAX_FILE_NAME) : name;
}

export async function importPhotos(api: DatelineApi, files: readonly File[]): Promise<ImportPhotosResult> {
  const imported: MediaInfo[] = [];
  const failures: string[] = [];
  for (const file of files) {
    // Refuse oversize files before reading them into memory.
    if (file.size > MAX_MEDIA_BYTES) {
      failures.push(photoErrorMessage(file.name, new AppError('media-too-large', 'too large', { kind: 'photo-too-large', fileName: file.name, megabytes: file.size / 1_048_576, maxMegabytes: MAX_MEDIA_BYTES / 1_048_576 })));
      continue;
    }
    let data: Uint8Array<ArrayBuffer>;
    try {
      data = new Uint8Array(await file.arrayBuffer());
    } catch (error) {
      failures.push(t('editor.photos.unreadable', { name: file.name, message: error instanceof Error ? error.message : String(error) }));
      continue;
    }
    try {
      imported.push(await api.call('media.import', { fileName: uploadName(file), data }));
    } catch (error) {
      failures.push(photoErrorMessage(file.name, error));
    }
  }
  return { imported, failures };
}
