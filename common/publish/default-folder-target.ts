// Runs in: anywhere. The Folder target every install starts with, so publishing works out of the
// box. Its name is stored like any other target's; while nobody has renamed it, the interface shows
// it in the reader's own language.
export const DEFAULT_FOLDER_TARGET_ID = 'published-folder';
export const DEFAULT_FOLDER_TARGET_NAME = 'Published folder';
